"""Reading compressed input so that a truncated or corrupt file stops the job, with where.

Why a module of its own: the decompressors fail in ways that do not say which file or
where (``EOFError``, ``OSError: Invalid data stream``, ``BadGzipFile``, ``LZMAError``), and
the zstd stream reader does not fail at all on a frame cut short: it ends, and a partial
output would be renamed into place as if complete.  Every compressed input is read
through :class:`_Checked`, which turns any of them into one :class:`CorruptInput` naming
the input and the compressed byte offset reached, and zstd through :class:`_ZstdFrames`,
which knows whether the last frame was complete.  The job then stops before the output is
renamed (``OUT.part`` is kept, never given the final name).
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from collections.abc import Callable
from typing import Any, BinaryIO

from .params import PARAMS

__all__ = ["CorruptInput", "open_decompressed"]


class CorruptInput(ValueError):
    """A compressed input that is truncated or corrupt: the job cannot read it to its end."""


class _ZstdFrames(io.RawIOBase):
    """zstd frames one after another (as written by the job, one per chunk, or by the
    ``zstd`` tool), raising ``EOFError`` when the input ends inside a frame."""

    def __init__(self, src: BinaryIO) -> None:
        import zstandard

        self._new = zstandard.ZstdDecompressor().decompressobj
        self._src = src
        self._dec: Any = None  # the frame being decoded; None between frames
        self._pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        n = 0
        view = memoryview(b).cast("B")
        while n < len(view):
            if not self._pending and not self._fill():
                break
            k = min(len(view) - n, len(self._pending))
            view[n:n + k] = self._pending[:k]
            self._pending = self._pending[k:]
            n += k
        return n

    def _fill(self) -> bool:
        """Decode the next piece of input; False at the end of a complete last frame."""
        data = self._src.read(PARAMS.zstd_piece)
        if not data:
            if self._dec is not None:
                raise EOFError("the input ends inside a zstd frame")
            return False
        out = []
        while data:
            if self._dec is None:
                self._dec = self._new()
            out.append(self._dec.decompress(data))
            if self._dec.eof:  # a frame ended: what follows starts the next one
                data, self._dec = self._dec.unused_data, None
            else:
                data = b""
        self._pending = memoryview(b"".join(out))
        return True

    def close(self) -> None:
        self._src.close()
        super().close()


class _Checked(io.RawIOBase):
    """Decompressed bytes of one input; any decoding failure becomes :class:`CorruptInput`."""

    def __init__(self, inner: Any, path: str, comp: str, offset: Callable[[], int], size: int | None,
                 errors: tuple[type[BaseException], ...]) -> None:
        self._inner, self._path, self._comp, self._offset, self._size = inner, path, comp, offset, size
        self._errors = (EOFError, lzma.LZMAError, zlib.error, *errors)

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        try:
            n: int = self._inner.readinto(b)
            return n
        except OSError as exc:
            if exc.errno is not None:  # a read error of the disk, not of the data: keep it, named
                if exc.filename is None:
                    exc.filename = self._path
                raise
            raise self._corrupt(exc) from exc  # BadGzipFile, bz2's "Invalid data stream"
        except self._errors as exc:
            raise self._corrupt(exc) from exc

    def _corrupt(self, exc: BaseException) -> CorruptInput:
        where = f"byte {self._offset():,}" + (f" of {self._size:,}" if self._size is not None else "")
        what = "truncated" if isinstance(exc, EOFError) else "corrupt"
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return CorruptInput(f"{self._path}: {what} {self._comp} input, stopped at {where} ({why}); "
                            "the output was not completed")

    def close(self) -> None:
        self._inner.close()
        super().close()


def open_decompressed(raw: BinaryIO, comp: str, path: str, offset: Callable[[], int], size: int | None) -> BinaryIO:
    """The decompressed stream of ``raw`` (compression ``comp``: gzip, bz2, xz or zstd);
    ``offset()`` tells how many compressed bytes were consumed, for the error message."""
    inner: Any
    errors: tuple[type[BaseException], ...] = ()
    if comp == "gzip":
        inner = gzip.GzipFile(fileobj=raw)
    elif comp == "bz2":
        inner = bz2.BZ2File(raw)
    elif comp == "xz":
        inner = lzma.LZMAFile(raw)
    else:
        import zstandard

        inner, errors = _ZstdFrames(raw), (zstandard.ZstdError,)
    name = "<stdin>" if path == "-" else path
    return io.BufferedReader(_Checked(inner, name, comp, offset, size, errors), 1 << 20)
