"""How sure the toolkit is of one entity, from the evidence behind it, calibrated.

Why a fitted model rather than numbers set by hand: the old rule gave every lexicon
entity 0.95 whatever its evidence, and most others 0.6-0.9, so a score said nothing a
reader could act on. Here the evidence of an entity becomes a few signals (a lexicon
entry, mentions in both reports, the best link and how it was found, the tagger's
probability, where the mentions came from), and a logistic model turns them into the
probability that the entity is real and its names right. The weights are fitted by
``training/confidence/fit.py`` on the development gold (benchmarks/gold: ntrex_entities +
ntrex_entities_dev3), where "right" is the rule of ``benchmarks/entity_eval.py``; the
calibration table (share correct per confidence bin, development and held-out) is in
benchmarks/README.md, "Entities".
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Signals:
    """The evidence of one entity, as numbers the confidence model reads."""

    #: The entity is a lexicon entry (resolved by name, not guessed).
    lexicon: bool = False
    #: It has mentions in both reports (a report pair only).
    both_sides: bool = False
    #: The best cross-language link score (0 when no link): lexicon identity 1.0, a link
    #: inside aligned sentences, a projection, or a document-level name match.
    link: float = 0.0
    #: Its other-language side was found by projection (no extractor saw it there).
    projected: bool = False
    #: Its link was found outside the aligned sentences.
    document_level: bool = False
    #: The trained tagger's best span probability over its mentions (0 when it found none).
    ner: float = 0.0
    #: Every mention came from capitalization patterns or Arabic cue words alone.
    pattern_only: bool = False
    #: How many mentions, both reports together.
    mentions: int = 1
    #: The name has more than one word.
    multiword: bool = False
    #: The list was built from one report (no other side could confirm anything).
    one_language: bool = False
    #: A report pair, but the entity was found on one side only.
    one_sided: bool = False
    #: Its type is MISC: nationality words, titles of works and slogans, where capitals
    #: mislead most ("North Korean", "Hard Look"): development gold.
    misc: bool = False

    def vector(self) -> tuple[float, ...]:
        """The model's inputs, in the order of :attr:`ConfidenceParams.weights`."""
        return (
            float(self.lexicon), float(self.both_sides), self.link, float(self.projected),
            float(self.document_level), self.ner, float(self.pattern_only),
            math.log1p(max(self.mentions - 1, 0)), float(self.multiword), float(self.one_language),
            float(self.one_sided), float(self.misc),
        )


#: The names of the inputs, for the fitting script and the model card.
FEATURES = (
    "lexicon", "both_sides", "link", "projected", "document_level", "ner", "pattern_only",
    "log_extra_mentions", "multiword", "one_language", "one_sided", "misc",
)


@dataclass(frozen=True, slots=True)
class ConfidenceParams:
    """Logistic weights over :data:`FEATURES` and the bias.

    Fitted by ``python training/confidence/fit.py --l2 3`` on the development gold (32 NTREX
    pairs: ntrex_entities.json + ntrex_entities_dev3.json; pair lists and both
    one-language lists), 2026-12-07 after that day's linking changes. L2 3 has the lowest
    out-of-fold log loss of 0.1, 1, 3, 10, 30 (``--cv 8``, folds by document: 0.2247; 0.2311
    without the ``misc`` signal); out of fold, 0.963 of the entities at 0.9 or more are right
    (0.957 without ``misc``; in sample 0.966). Refit whenever the pipeline's mentions or
    links change.
    """

    weights: tuple[float, ...] = (0.129, 0.262, 0.390, -0.208, 0.000, 1.230, 0.754, 0.730, 0.069, 0.412, -0.674, -1.242)
    bias: float = 0.836


DEFAULT = ConfidenceParams()


def confidence(signals: Signals, params: ConfidenceParams = DEFAULT) -> float:
    """The probability, by the fitted model, that the entity is real and its names right."""
    z = params.bias + sum(w * x for w, x in zip(params.weights, signals.vector()))
    return 1.0 / (1.0 + math.exp(-z))
