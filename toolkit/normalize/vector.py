"""A translate table applied to a long string as one numpy gather over its code points.

Why: ``str.translate`` on non-ASCII text looks every character up through the generic
mapping protocol (15-50 MB/s on Arabic news); the same table as an array indexed by
code point is one vectorized gather (~200 MB/s on 7.4 MB of ANERcorp news, 2026-12-02).
The text travels as UTF-16 code units when it holds no character beyond the BMP (half
the bytes of UTF-32 and a 128 KiB table that stays in cache), else as UTF-32.

A character that maps to several (a ligature such as ﻻ, or … to ...) is rare: those
few are replaced with ``str.replace`` first, and since every table value is a fixed
point of its table, the gather then leaves them as they are. The result is the same
as ``text.translate(table)`` character for character (tests/normalize prove it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

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

    #: Below this many characters the regex/replace passes win (numpy's fixed cost per
    #: call is ~20 µs; measured on ANERcorp lines, crossover between 2k and 8k chars).
    min_chars: int = 4096


PARAMS = VectorParams()


@dataclass(frozen=True)
class Lookup:
    """A table as code-point-indexed arrays (built once per table by the caller)."""

    table: Mapping[int, str]
    lut32: Any  # numpy.ndarray[uint32], 0x110000 entries
    lut16: Any  # numpy.ndarray[uint16], 0x10000 entries


def build_lookup(table: Mapping[int, str]) -> Lookup:
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
    return Lookup(table, lut32, lut16)


#: What :func:`translate` does with spaces after the table: nothing; collapse every run
#: to one and strip the ends (``while "  " in s: s = s.replace("  ", " ")`` then
#: ``s.strip(" ")``); or the same on every "\\n"-separated line (``lines``).
Spaces = Literal["keep", "collapse", "lines"]


def translate(text: str, lookup: Lookup, spaces: Spaces = "keep") -> str:
    """``text.translate(lookup.table)``, vectorized, then ``spaces`` done on the codes."""
    import numpy as np

    data = text.encode("utf-16-le", "surrogatepass")
    if len(data) == 2 * len(text):
        codes = np.frombuffer(data, dtype=np.uint16)
        mapped = lookup.lut16[codes]
        multi = np.flatnonzero(mapped == MULTI16)
        if not (multi.size and codes[multi].max() >= 0xFFFE):  # else U+FFFE/U+FFFF: UTF-32
            return _finish(_expand(mapped, codes, multi, lookup, "utf-16-le"), DELETE16, spaces, "utf-16-le")
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    mapped = lookup.lut32[codes]
    multi = np.flatnonzero(mapped == MULTI32)
    return _finish(_expand(mapped, codes, multi, lookup, "utf-32-le"), DELETE32, spaces, "utf-32-le")


def _expand(mapped: Any, codes: Any, multi: Any, lookup: Lookup, codec: str) -> Any:
    """``mapped`` with each many-character entry spliced in as its value's code units
    (already final: table values are fixed points of the table)."""
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


#: The deletion value of an ASCII table (:func:`ascii_lookup`).
DELETE8 = 0xFF


def ascii_lookup(seq: list[object]) -> Any:
    """A ``str.translate`` list over the 128 ASCII code points (values: one ASCII
    character, a code point, or None to delete) as a uint8 array."""
    import numpy as np

    lut = np.full(256, DELETE8, dtype=np.uint8)
    for cp, value in enumerate(seq[:0x80]):
        if value is not None:
            lut[cp] = value if isinstance(value, int) else ord(value)
    return lut


def translate_ascii(text: str, lut8: Any, spaces: Spaces = "keep") -> str:
    """``text.translate(seq)`` on an ASCII ``text`` with ``ascii_lookup(seq)``, then
    ``spaces``: the bytes are the code points, so the gather runs over one byte each."""
    import numpy as np

    codes = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    return _finish(lut8[codes], DELETE8, spaces, "latin-1")
