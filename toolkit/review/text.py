"""Report text made safe for the page: escaped, bidi controls removed, highlights cut in.

Why strip the bidi controls rather than escape them: an embedding, override or isolate
character (U+202A-U+202E, U+2066-U+2069) is invisible and reorders everything after it
up to the end of its paragraph, so a name holding one could turn a whole row or a table
cell around. Removing them cannot change what a reader needs to see (the letters); the
marks (LRM, RLM, ALM) only steer neutral characters and stay. Every piece of text is
also put in an element with its own direction (``dir="auto"`` or the column's), which
isolates it from its neighbours.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from ..entities.document import Sent
from .data import Span

#: Embeddings, overrides and isolates: the characters that can reorder text around them.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: Lone surrogates (a report read with ``surrogateescape``) and NUL cannot be written as
#: UTF-8 / are not allowed in HTML: shown as the replacement character.
UNWRITABLE = re.compile("[\ud800-\udfff\x00]")
#: Other C0/C1 controls but tab and line breaks: HTML forbids them in text.
CONTROLS = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """``text`` without bidi controls, with unwritable characters replaced."""
    text = BIDI_CONTROLS.sub("", text)
    text = UNWRITABLE.sub("\ufffd", text)
    return CONTROLS.sub("\ufffd", text)


def esc(text: str) -> str:
    """Cleaned and HTML-escaped, for text and for attribute values (quotes escaped)."""
    return html.escape(clean(text), quote=True)


def count_bidi_controls(*texts: str) -> int:
    return sum(len(BIDI_CONTROLS.findall(t)) for t in texts)


def highlighted(text: str, sent: Sent, spans: Sequence[Span], marks: Sequence[str]) -> str:
    """The sentence as HTML, each span wrapped in ``marks[span.entity]`` (an opening
    ``<mark ...>`` tag written by the caller) and ``</mark>``.

    Spans are offsets into ``text``, sorted and not overlapping; each is clipped to the
    sentence.
    """
    out: list[str] = []
    pos = sent.start
    for span in spans:
        start, end = max(span.start, pos), min(span.end, sent.end)
        if start >= end:
            continue
        out.append(esc(text[pos:start]))
        out.append(marks[span.entity])
        out.append(esc(text[start:end]))
        out.append("</mark>")
        pos = end
    out.append(esc(text[pos:sent.end]))
    return "".join(out)
