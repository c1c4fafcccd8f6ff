"""Component ``sentences``: each usable report split into sentences with offsets.

Why sentences at all: a name's translation sits in the aligned sentence, so linking
searches one sentence pair at a time; and every mention carries the index of its
sentence in the entity list. The splitting is :func:`toolkit.align.split_sentences`
(the aligner's own splitter), or one sentence a line with ``presplit``.
"""

from __future__ import annotations

from .document import Document, Sent


def split(text: str, lang: str, presplit: bool = False) -> list[Sent]:
    """Sentences of ``text`` with offsets; ``presplit``: one sentence a line.

    With ``presplit`` a line is taken as written (no stripping) and a final newline
    makes no empty sentence: the offsets of a one-report list point at whole lines.
    """
    if presplit:
        out: list[Sent] = []
        pos = 0
        for line in text.split("\n"):
            out.append(Sent(line, pos, pos + len(line)))
            pos += len(line) + 1
        if out and not out[-1].text:
            out.pop()
        return out
    from ..align import split_sentences  # the align package pulls numpy in: on first use

    return [Sent(s.text, s.start, s.end) for s in split_sentences(text, lang)]


class SplitSentences:
    """Component ``sentences``; for a report pair the alignment then puts in the
    aligner's own sentences (its links index them)."""

    name = "sentences"

    def __init__(self, presplit: bool = False) -> None:
        self.presplit = presplit

    def __call__(self, doc: Document) -> None:
        if doc.en_ok:
            doc.en_sents = split(doc.en_text or "", "en", self.presplit)
        if doc.ar_ok:
            doc.ar_sents = split(doc.ar_text or "", "ar", self.presplit)
