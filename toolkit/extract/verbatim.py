"""An English name written as it is inside the Arabic report.

The Arabic press leaves many names untransliterated (MoveOn, NL West, Hazeltine, a hotel's
name inside فندق ...): the same Latin letters are the strongest evidence of a link there is,
so the projection (``projection.project``) asks here first.
"""

from __future__ import annotations

import re

from .model import RawMention


def verbatim_span(mention: RawMention, ar_text: str, start: int, end: int, taken: list[tuple[int, int]]) -> RawMention | None:
    """The English name written as it is, in Latin letters, inside the Arabic window (the
    Arabic press leaves many names untransliterated: MoveOn, NL West, Hazeltine): the same
    letters are the strongest evidence there is. At least three letters, and not inside a
    longer Latin word."""
    name = mention.name.strip()
    if sum(ch.isalpha() for ch in name) < 3:
        return None
    pattern = re.compile(r"(?<![A-Za-z])" + re.escape(name) + r"(?![A-Za-z])", re.IGNORECASE)
    for m in pattern.finditer(ar_text, start, end):
        s, e = m.span()
        if not any(s < b and a < e for a, b in taken):
            return RawMention("ar", s, e, ar_text[s:e], ar_text[s:e], mention.type, "projection", mention.entity_id, 1.0)
    return None
