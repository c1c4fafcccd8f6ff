"""Component ``alignment``: which English sentences translate which Arabic ones.

Why the aligner of :mod:`toolkit.align` and nothing else: it ships in the same wheel, so
there is no second, weaker aligner to fall back on. When it refuses a pair
(:class:`toolkit.align.AlignmentError`: too many sentences, the texts look swapped to
it) the refusal is logged and said in ``messages``; the sentences stay unaligned and
names are then linked through lexicon ids and the document-level name match only.
Any other failure (a bug, an encoder that cannot load) is raised.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .document import Document, Pair, Sent

if TYPE_CHECKING:
    from ..align import Alignment, Encoder

log = logging.getLogger(__name__)


class AlignSentences:
    """Component ``alignment``. ``alignment``: one already computed for this pair
    (``toolkit align --entities`` passes its own); ``encoder`` goes to the aligner."""

    name = "alignment"

    def __init__(self, presplit: bool = False, encoder: Encoder | str | None = None,
                 alignment: Alignment | None = None) -> None:
        self.presplit = presplit
        self.encoder = encoder
        self.alignment = alignment

    @staticmethod
    def _in_view(doc: Document, sents: list[Sent]) -> list[Sent]:
        """Sentences of an alignment computed on the Arabic text as given, moved to the
        reading view that put spaces back (:mod:`toolkit.normalize.glued`)."""
        from ..normalize.glued import given_positions, to_view

        given = given_positions(doc.ar_inserted)
        view = doc.ar_text or ""
        out = []
        for s in sents:
            start, end = to_view(s.start, given), to_view(s.end, given, "end")
            out.append(Sent(view[start:end], start, end))
        return out

    def __call__(self, doc: Document) -> None:
        if not doc.bilingual:
            doc.messages.append("one language only: other-script names come from the lexicon; transliterations are suggestions")
            return
        al = self.alignment
        if al is None:
            from ..align import AlignmentError, align_reports  # numpy and the encoders: on first use

            kwargs = {"encoder": self.encoder} if self.encoder is not None else {}
            try:
                al = align_reports(doc.en_text or "", doc.ar_text or "", presplit=self.presplit, **kwargs)
            except AlignmentError as exc:
                log.warning("sentence alignment refused the pair: %s", exc)
                doc.alignment_mode = "none"
                doc.messages.append(f"sentences not aligned ({exc}); names linked by lexicon id and document-level match only")
                return
        # The links index the aligner's own sentences, so those replace the split.
        doc.en_sents = [Sent(s.text, s.start, s.end) for s in al.en]
        doc.ar_sents = [Sent(s.text, s.start, s.end) for s in al.ar]
        if self.alignment is not None and doc.ar_inserted:
            doc.ar_sents = self._in_view(doc, doc.ar_sents)
        doc.pairs = [Pair(tuple(l.en), tuple(l.ar), float(l.score)) for l in al.links]
        doc.alignment_mode = f"toolkit.align ({al.mode})".replace(" ()", "")
        doc.messages.append(f"sentences aligned by {doc.alignment_mode}")
