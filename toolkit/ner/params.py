"""The tuned constants of the NER runtime, in one place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NerParams:
    """How the runtime cuts text for the CRF and which spans it reports."""

    #: A line is tagged in pieces cut after sentence-final punctuation (. ! ? ؟), as the
    #: training sentences are; a piece longer than this many tokens is cut further. CoNLL
    #: and ANERcorp sentences are 14 and 31 tokens on average, 124 and 280 at most; a cap
    #: keeps the "first"/"last" features and the C tagger's buffers in the trained range.
    max_chunk_tokens: int = 150
    #: Mentions whose score (the least marginal of their tokens' labels) is lower are
    #: dropped. 0 keeps every span of the best labeling: the CRF's own decision, and what
    #: the benchmark measures; callers that want precision filter on ``score``.
    min_score: float = 0.0
    #: Drop a leading conjunction/preposition (و ف ب ك) from an Arabic mention's span when
    #: the rest is a lexicon name word and the whole token is not, or the token starts
    #: with و/ف + the article (والقاهرة -> القاهرة). The model tags whole tokens (as
    #: ANERcorp does); the entity list wants the name. Off gives the whole token.
    strip_arabic_clitic: bool = True
    #: Languages whose taggings are completed across a text (:mod:`.document`): a name found
    #: in one sentence is also tagged where its words stand untagged in another. ANERcorp's
    #: dev tenth cut into documents of 20 sentences (2026-12-07, training on the first 8/10):
    #: typed F1 0.756 -> 0.766 with the shipped features; with a variant (AQMAR gazetteer)
    #: 0.760 -> 0.776, and there documents of 10 gave 0.777, 40 0.776, the whole tenth 0.774.
    #: The held-out tenth, shipped model: 0.735 -> 0.740. English, CoNLL-2003 dev in 20s:
    #: 0.909 -> 0.910, so left off: its tagger rarely misses a repeated name.
    propagate_langs: tuple[str, ...] = ("ar",)
    #: A found name is propagated only when its score (least token marginal) is at least
    #: this. Dev (the variant, windows of 10): 0.0, 0.3 and 0.5 0.779, 0.8 0.773, 0.95 0.764.
    propagate_min_score: float = 0.5
    #: ... and when its words have this many letters in all (one- and two-letter tokens,
    #: بي, are too often other words). Dev (the variant): 2 0.776, 3 0.776, 4 0.774, 5 0.767.
    propagate_min_chars: int = 3


DEFAULT = NerParams()
