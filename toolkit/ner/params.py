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


DEFAULT = NerParams()
