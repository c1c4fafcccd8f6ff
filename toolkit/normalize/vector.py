"""A translate table (and the whitespace collapse) applied in one pass over the code points.

Why: ``str.translate`` on non-ASCII text looks every character up through the generic
mapping protocol (15-50 MB/s on Arabic news).  Two implementations of the same pass:

* the C extension :mod:`.cfold` (``cfold.c``, compiled at install time by
  ``hatch_build.py``): the table as 0x10000 entries over the BMP plus a dict for keys
  beyond it, one loop over the string's own buffer that looks up, deletes, splices
  many-character values and applies the spaces rule as it writes;
* where it was not built (no compiler), a numpy gather: the same table as an array
  indexed by code point (~200 MB/s on 7.4 MB of ANERcorp news, 2026-12-02), over UTF-16
  code units when the text holds nothing beyond the BMP and no surrogate (half the
  bytes of UTF-32 and a 128 KiB table that stays in cache), else over UTF-32.  A
  character that maps to several (a ligature such as ﻻ, or … to ...) is rare: those few
  are spliced in after the gather, as they are (str.translate does not look them up
  again either).

Both give ``text.translate(table)`` character for character, then the spaces rule
(tests/normalize/test_fold_c.py and test_blocks.py prove it); :func:`backend` says which
one runs.  numpy is imported only by the fallback, so ``toolkit normalize`` starts
without it when the extension is there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

try:  # built by hatch_build.py at install time; absent where no compiler was found
    from . import cfold
except ImportError:
    cfold = None  # type: ignore[assignment]

#: Array value for "delete this character" and for "maps to several characters".
DELETE32 = 0xFFFFFFFF
MULTI32 = 0xFFFFFFFE
# In the UTF-16 array, U+FFFE and U+FFFF (noncharacters) are the sentinels; an input
# that holds them takes the UTF-32 path, where no code point collides with a sentinel.
DELETE16 = 0xFFFF
MULTI16 = 0xFFFE


@dataclass(frozen=True)
class VectorParams:
    """When the vectorized pass pays for itself."""

    #: Below this many characters the regex/replace passes win: with numpy, whose fixed
    #: cost per call is ~20 µs, the crossover is between 2k and 8k chars (ANERcorp
    #: lines); the C pass costs ~0.3 µs a call and wins from the first character (one
    #: call per ANERcorp line, Arabic search: 19.8 ms -> 2.2 ms; 94k single words:
    #: 99 -> 30 ms; 2026-12-07), so it takes every string.
    min_chars: int = 4096


PARAMS = VectorParams(min_chars=0 if cfold is not None else 4096)


def backend() -> str:
    """Which implementation :func:`translate` runs: ``"c"`` (the extension) or ``"numpy"``."""
    return "c" if cfold is not None else "numpy"


class Lookup:
    """A table ready for :func:`translate` (built once per table by the caller): the C
    table when the extension is there; the numpy arrays, built on first use, otherwise."""

    __slots__ = ("table", "native", "_arrays", "_lut8")

    def __init__(self, table: Mapping[int, str]) -> None:
        self.table = table
        self.native = cfold.Table(dict(table)) if cfold is not None else None
        self._arrays: tuple[Any, Any, bool] | None = None
        self._lut8: Any = None

    def arrays(self) -> tuple[Any, Any, bool]:
        """(lut32, lut16, whether the UTF-16 path may run) for the numpy path."""
        if self._arrays is None:
            self._arrays = _numpy_arrays(self.table)
        return self._arrays

    def lut8(self) -> Any:
        """The entries of the ASCII code points as a uint8 array (:func:`translate_ascii`)."""
        if self._lut8 is None:
            self._lut8 = _numpy_lut8(self.table)
        return self._lut8


def build_lookup(table: Mapping[int, str]) -> Lookup:
    """``table`` (code point -> its value, "" to delete) made ready for :func:`translate`."""
    return Lookup(table)


def _numpy_arrays(table: Mapping[int, str]) -> tuple[Any, Any, bool]:
    """The arrays of ``table``: each entry its one-character value, or a sentinel."""
    import numpy as np

    lut32 = np.arange(0x110000, dtype=np.uint32)
    for cp, value in table.items():
        lut32[cp] = DELETE32 if value == "" else (ord(value) if len(value) == 1 else MULTI32)
    head = lut32[:0x10000]
    lut16 = head.astype(np.uint16)
    lut16[head > 0xFFFF] = MULTI16  # both sentinels, and a value beyond the BMP (spliced in)
    lut16[head == DELETE32] = DELETE16
    lut16[[0xFFFE, 0xFFFF]] = MULTI16
    # UTF-32 only where a value holds a surrogate (it could pair up with its neighbour
    # once decoded from UTF-16) or U+FFFF (it would read as the deletion sentinel).
    utf16 = not any(c == "\uffff" or "\ud800" <= c <= "\udfff" for value in table.values() for c in value)
    return lut32, lut16, utf16


#: What :func:`translate` does with spaces after the table: nothing; collapse every run
#: to one and strip the ends (``while "  " in s: s = s.replace("  ", " ")`` then
#: ``s.strip(" ")``); or the same on every "\\n"-separated line (``lines``).
Spaces = Literal["keep", "collapse", "lines"]
_MODES = {"keep": 0, "collapse": 1, "lines": 2}  # the extension's numbers for them


def translate(text: str, lookup: Lookup, spaces: Spaces = "keep") -> str:
    """``text.translate(lookup.table)``, then ``spaces``, in one pass."""
    if cfold is not None and lookup.native is not None:
        return cfold.translate(text, lookup.native, _MODES[spaces])
    return _translate_numpy(text, lookup, spaces)


def _translate_numpy(text: str, lookup: Lookup, spaces: Spaces) -> str:
    """:func:`translate` as a numpy gather over the code units."""
    import numpy as np

    lut32, lut16, utf16 = lookup.arrays()
    data = None
    if utf16:
        try:  # strict: a lone surrogate could pair up with another once decoded from UTF-16
            data = text.encode("utf-16-le")
        except UnicodeEncodeError:
            pass
    if data is not None and len(data) == 2 * len(text):
        codes = np.frombuffer(data, dtype=np.uint16)
        mapped = lut16[codes]
        multi = np.flatnonzero(mapped == MULTI16)
        if not (multi.size and codes[multi].max() >= 0xFFFE):  # else U+FFFE/U+FFFF: UTF-32
            return _finish(_expand(mapped, codes, multi, lookup, "utf-16-le"), DELETE16, spaces, "utf-16-le")
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    mapped = lut32[codes]
    multi = np.flatnonzero(mapped == MULTI32)
    return _finish(_expand(mapped, codes, multi, lookup, "utf-32-le"), DELETE32, spaces, "utf-32-le")


def _expand(mapped: Any, codes: Any, multi: Any, lookup: Lookup, codec: str) -> Any:
    """``mapped`` with each many-character entry spliced in as its value's code units
    (final as they are: str.translate does not look a value up again)."""
    import numpy as np

    if not multi.size:
        return mapped
    parts = []
    start = 0
    for pos, cp in zip(multi.tolist(), codes[multi].tolist()):
        parts.append(mapped[start:pos])
        parts.append(np.frombuffer(lookup.table[cp].encode(codec, "surrogatepass"), dtype=mapped.dtype))
        start = pos + 1
    parts.append(mapped[start:])
    return np.concatenate(parts)


def _finish(mapped: Any, delete: int, spaces: Spaces, codec: str) -> str:
    """Drop deleted entries, then the spaces ``spaces`` says, and decode."""
    import numpy as np

    mapped = mapped[mapped != delete]
    if spaces != "keep" and mapped.size:
        space = mapped == 0x20
        # A space right after a space goes: every run becomes its first space.
        if (space[1:] & space[:-1]).any():
            keep = np.ones(mapped.size, dtype=bool)
            keep[1:] = ~(space[1:] & space[:-1])
            mapped = mapped[keep]
            space = mapped == 0x20
        if spaces == "lines":
            edge = mapped == 0x0A
            after = np.concatenate(([True], edge[:-1]))
            before = np.concatenate((edge[1:], [True]))
            mapped = mapped[~(space & (after | before))]
        else:
            lo = 1 if space[0] else 0
            hi = mapped.size - 1 if space[-1] and mapped.size > lo else mapped.size
            mapped = mapped[lo:hi]
    return mapped.tobytes().decode(codec, "strict" if codec == "latin-1" else "surrogatepass")


#: The deletion value of an ASCII table (:meth:`Lookup.lut8`).
DELETE8 = 0xFF


def ascii_lookup(seq: list[object]) -> Lookup:
    """A ``str.translate`` list over the 128 ASCII code points (values: one ASCII
    character, a code point, or None to delete) as a table for :func:`translate_ascii`."""
    table: dict[int, str] = {}
    for cp, value in enumerate(seq[:0x80]):
        table[cp] = "" if value is None else chr(value) if isinstance(value, int) else str(value)
    return Lookup(table)


def _numpy_lut8(table: Mapping[int, str]) -> Any:
    import numpy as np

    lut = np.arange(256, dtype=np.uint8)
    for cp, value in table.items():
        if cp < 0x80:
            lut[cp] = ord(value) if value else DELETE8
    return lut


def translate_ascii(text: str, lookup: Lookup, spaces: Spaces = "keep") -> str:
    """``text.translate(seq)`` on an ASCII ``text`` with ``ascii_lookup(seq)``, then
    ``spaces``; without the extension the gather runs over one byte a character."""
    if cfold is not None and lookup.native is not None:
        return cfold.translate(text, lookup.native, _MODES[spaces])
    import numpy as np

    codes = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    return _finish(lookup.lut8()[codes], DELETE8, spaces, "latin-1")
