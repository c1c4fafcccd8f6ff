"""What a lookup answers: :class:`Match`, one entity with its score and the reason.

Why a module of its own: the tiers (:mod:`.scoring`), the model's rerank (:mod:`.rerank`)
and the :class:`~toolkit.lexicon.Lexicon` all build or read matches; none of them owns it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: Why an entity was found: equal to its preferred name (``exact``), to a listed variant
#: or acronym (``variant``), by the same-script match key (``key``), through its whole
#: skeleton or the model's spelling (``translit``), or by the similarity alone (``fuzzy``).
Why = Literal["exact", "variant", "key", "translit", "fuzzy"]

#: The tiers a lookup is sure of: the model is not asked, and never overrides them.
SURE: frozenset[str] = frozenset({"exact", "variant", "key"})


@dataclass(frozen=True, slots=True)
class Match:
    """One entity found for a query: who it is, how sure, why, and through which name."""

    id: str
    type: str
    en: str
    ar: str
    score: float
    why: Why
    matched: str

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "type": self.type, "en": self.en, "ar": self.ar,
            "score": round(self.score, 4), "why": self.why, "matched": self.matched,
        }
