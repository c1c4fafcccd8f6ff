"""The speller's spellings of an unsure query, and the rerank they make (``translit``).

Why: the phonetic key is built for Arabic names and misreads foreign ones (Thomas /
توماس, Reza / رضا), which a learned transliteration model reads well. So a Latin query
whose best match is unsure (under 0.80, or within 0.03 of the next) asks the speller for
its Arabic spellings, and an Arabic query against Latin names for its Latin ones; an
entity one of them names is lifted. It only breaks ties among unsure candidates: sure
tiers (exact, variant, key) are never asked about nor overridden. Chosen on the lists
of ``benchmarks/lookup.py``: acc@1 +5 points on foreign person names, no loss on the
others (the numbers are :class:`~toolkit.lexicon.params.LookupParams`).
"""

from __future__ import annotations

from ..normalize.keys import match_key, symbols
from .match import SURE, Match
from .names import name_keys, script_of, strip_titles
from .params import LookupParams
from .scoring import similarity
from .speller import Spellings, Target
from .store import Store


class TranslitRerank:
    """When to ask the speller about a query, and what its answer changes."""

    def __init__(self, store: Store, params: LookupParams) -> None:
        self.store = store
        self.params = params

    def needed(self, query: str, matches: tuple[Match, ...], target: Target) -> bool:
        """Only queries without a sure answer pay for the model: nothing found, or a
        best fuzzy match that is weak or barely ahead of the next; and only when the
        lexicon has names in the ``target`` script and the query is in the other."""
        p = self.params
        if len(query) > p.translit_max_chars or script_of(query) == target or not self.store.has_names(target):
            return False
        if not matches:
            return True
        if matches[0].why in SURE:
            return False
        margin = matches[0].score - matches[1].score if len(matches) > 1 else 1.0
        return matches[0].score < p.translit_gate or margin < p.translit_margin

    def _gains(self, spellings: Spellings, target: Target) -> dict[int, tuple[float, str]]:
        """Entity rowid -> (best gain, the name that earned it) over the spellings: an
        entity named (by match key) by the spelling of rank r with score p gains
        ``translit_weight * p / r``."""
        gains: dict[int, tuple[float, str]] = {}
        for rank, (text, p) in enumerate(spellings, start=1):
            key = match_key(text)
            if not key:
                continue
            for ent, surface in self.store.by_key_in_script(key, target):
                gain = self.params.translit_weight * p / rank
                if ent not in gains or gain > gains[ent][0]:
                    gains[ent] = (gain, surface)
        return gains

    def apply(
        self, query: str, matches: tuple[Match, ...], spellings: Spellings, type: str | None, target: Target = "ar"
    ) -> tuple[Match, ...]:
        """The matches re-ranked with the spellings: an entity one of them names is raised
        to at least ``translit_floor`` plus its gain, capped under the key tier (an
        entity not yet in the list starts from its similarity to the query)."""
        if not spellings:
            return matches
        gains = self._gains(spellings, target)
        if not gains:
            return matches
        p = self.params
        by_id = {m.id: m for m in matches}
        q_syms = name_keys(strip_titles(query)).syms
        rows = self.store.entity_rows(list(gains))
        for ent, (gain, surface) in gains.items():
            row = rows.get(ent)
            if row is None or (type is not None and row[1] != type):
                continue
            old = by_id.get(row[0])
            if old is not None:
                if old.why in SURE:
                    continue
                score, matched = old.score, old.matched
            else:
                score, matched = p.fuzzy_scale * similarity(q_syms, symbols(surface), p), surface
            score = min(p.score_translit_max, max(score, p.translit_floor) + gain)
            by_id[row[0]] = Match(id=row[0], type=row[1], en=row[2], ar=row[3], score=round(score, 6), why="translit", matched=matched)
        return tuple(sorted(by_id.values(), key=lambda m: (-m.score, m.id)))
