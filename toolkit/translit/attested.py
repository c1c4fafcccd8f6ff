"""What the evidence says a stem or a unit is written as: the attested table and the name dictionary.

Two kinds of evidence, both counted spellings (:class:`~toolkit.translit.memory.Attested`):
the training pairs' table (``attested.tsv``), asked about stems, and the Arab name
dictionary (``name_dictionary.py``), asked about whole Arabic units (al-Zawahiri,
Abdulrahman, bin Laden) as the press writes them.
"""

from __future__ import annotations

import re
from typing import Any

from . import rules_ar2lat as ar2lat
from .loading import TranslitResources
from .memory import Attested, ranked
from .params import TranslitParams
from .plan import Slot

_ASSIMILATED = re.compile(r"^[ae]([bdfhjklmnrstvz])\1")
_PARTICLES_LATIN = {"bin", "ben", "ibn", "abu", "abou", "abo", "bou", "abi", "ould", "bint"}

#: (unit as written, has the article, particle before it, region) -> the dictionary's spellings
UnitCache = dict[tuple[str, bool, "str | None", "str | None"], list[Attested]]


def writes_article(latin: str, arabic_stem: str) -> bool:
    """Does this spelling of a word with the article write the article too (al-, el-, Enn-)?"""
    if latin.startswith(("al", "el")) and not (arabic_stem[:1] in "اأإآ" and arabic_stem[1:2] == "ل"):
        return True
    return arabic_stem[:1] in ar2lat.SUN_LETTERS and bool(_ASSIMILATED.match(latin))


class AttestedSpellings:
    """Reads the attested table and the name dictionary; the unit answers are cached in ``unit_cache``."""

    def __init__(self, resources: TranslitResources, params: TranslitParams, unit_cache: UnitCache) -> None:
        self.resources = resources
        self.params = params
        self.unit_cache = unit_cache

    def stem(self, to: str, stem: str, article: bool = False) -> list[Attested]:
        """Attested spellings of a stem; for a word with the article, of the whole word too.

        Name tokens are aligned with the article on the Arabic side only (عبد الرحمن ~
        Abdul Rahman: الرحمن → rahman 35 times, bare رحمن → rehman twice), so the counts
        of both forms are pooled. A spelling that writes the article, as such (Albano) or
        assimilated (Ennasra), is dropped: the unit writes its own article.
        """
        memory = self.resources.memory
        found = memory.get(to, stem)
        if not (article and to == "latin"):
            return found
        with_article = memory.get(to, "ال" + stem)
        if sum(a.count for a in with_article) >= self.params.well_attested and \
                sum(a.count for a in found) > 2 * sum(a.count for a in with_article):
            # the bare stem is mostly another name: دين is Dean (66 times), الدين is Eddine
            found = [a for a in found if any(a.text == b.text for b in with_article)]
        pooled = [a for a in (*found, *with_article) if not writes_article(a.text, stem)]
        if len(pooled) == len(found) and all(a in found for a in pooled):
            return found
        counts: dict[str, int] = {}
        for a in pooled:
            counts[a.text] = counts.get(a.text, 0) + a.count
        return ranked(counts)

    def well_attested(self, to: str, stem: str, article: bool = False) -> bool:
        """A word seen often in training needs no guess from the model."""
        return any(a.count >= self.params.well_attested for a in self.stem(to, stem, article))

    def unit(self, slot: Slot, region: str | None) -> list[Attested]:
        """Dictionary spellings of a whole Arabic unit (al-Zawahiri, Abdulrahman, bin Laden);
        after a lone particle, as the dictionary writes the pair (بن عبد العزيز: bin Abdulaziz)."""
        unit = slot.unit
        names = self.resources.names
        if names is None or unit is None or (not slot.stem and not unit.allah):
            return []  # a particle alone (bin before Abdullah) is the rules' fixed form
        if any(ch in ar2lat.HARAKAT for ch in unit.raw):
            return []  # written vowels are read, not looked up
        key = (unit.raw, unit.article, slot.after, region)
        found = self.unit_cache.get(key)
        if found is None:
            found = self.unit_cache[key] = self._read_unit(names, slot, region)
        return found

    def trusted(self, known: list[Attested]) -> bool:
        """Has the dictionary seen the unit often enough for its spellings to lead?"""
        return sum(a.count for a in known) >= self.params.dictionary_trusted

    def _read_unit(self, names: Any, slot: Slot, region: str | None) -> list[Attested]:
        from .name_dictionary import press_form

        unit = slot.unit
        counts: dict[str, int] = {}
        if slot.after:  # بن عبد العزيز is bin Abdulaziz in the Gulf more than Abdelaziz alone is
            for a in names.unit(f"{slot.after} {unit.raw}", region):
                head, _, rest = a.text.partition(" ")
                if rest and head.lower() in _PARTICLES_LATIN:
                    text = press_form(rest, unit.article)
                    counts[text] = counts.get(text, 0) + a.count
            if sum(counts.values()) < self.params.dictionary_trusted:
                counts = {}
        for a in names.unit(unit.raw, region) if not counts else ():
            text = press_form(a.text, unit.article)
            counts[text] = counts.get(text, 0) + a.count
        # a spelling, not another name of the person (المهاجر is not al-Masri, an alias aligned
        # with it once or twice); a spelling seen often is kept whatever the similarity says,
        # which is blind to some real ones (Geagea for جعجع: 0.0)
        from ..normalize.keys import similarity

        counts = {t: c for t, c in counts.items()
                  if c >= self.params.dictionary_trusted or similarity(unit.raw, t) >= self.params.dictionary_spelling}
        return ranked(counts, ties_by_text=False)  # the dictionary's own order among equals
