"""Whole names a lexicon confirms: an exact-name table of its entries, or its ``lookup``.

A real lexicon (anything with ``entries()``, such as the shipped files) is read once into
an exact-match table of folded names in both scripts, so a batch costs one dictionary
lookup per name instead of a fuzzy search; fuzzy and partial matches are the ``lookup``
command's job, not transliteration's. An object with ``lookup(query, top)`` only (a
test's stand-in, a remote lexicon) is asked directly and its exact, variant and key
matches are kept.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

from ..normalize.script import has_arabic
from . import rules_ar2lat as ar2lat
from . import rules_lat2ar as lat2ar
from .params import TranslitParams
from .rank import Candidate
from .spelling import latin_key

logger = logging.getLogger(__name__)

#: (target language, folded name) -> [(name in the target script, score)], best first
Table = dict[tuple[str, str], list[tuple[str, float]]]


def lex_key(name: str) -> str:
    """Exact-match key for lexicon names: Arabic orthographic folding or Latin case/mark folding."""
    if has_arabic(name):
        from ..normalize.arabic import normalize_arabic

        return " ".join(normalize_arabic(name, "match").split())
    return latin_key(name)


def same_units(query: str, hit: str) -> bool:
    """Is a lexicon name a transliteration of a one-unit query? "Akhannouch" is a variant of
    Aziz Akhannouch, but عزيز أخنوش is not how it is written (عبد العزيز ~ Abdulaziz is).
    Longer queries are not checked: the scripts cut particles and family names (آل سعود,
    Abed Rabbo) into different numbers of units."""
    def units(text: str) -> int:
        split = ar2lat.split_units if has_arabic(text) else lat2ar.split_units
        return len(split(text))

    return units(query) > 1 or units(hit) == 1


def spells_same(query: str, hit: str, params: TranslitParams) -> bool:
    """Is a lexicon name a spelling of the query's words, not another name of the entity?

    An entity's names include aliases (Abu Fadak al-Mohammadawi for عبد العزيز المحمداوي),
    birth names, short forms (al-Muhandis) and translations (Hezbollah Brigades for
    كتائب حزب الله). Only a name that sounds like every written word is a spelling: the
    cross-script similarity of :func:`toolkit.normalize.keys.similarity` at or above
    ``params.lexicon_spelling`` (the threshold ``toolkit match`` decides "same" at), and
    word for word (:func:`same_words`): that similarity forgives a missing or an extra word
    (al-Mustaqbal for تيار المستقبل, Harakat Ahrar al-Sham al-Islamiyya for أحرار الشام).
    """
    from ..normalize.keys import similarity

    return same_words(query, hit) and similarity(query, hit) >= params.lexicon_spelling


def same_words(query: str, hit: str) -> bool:
    """Do the two names write the same words? Their consonant skeletons
    (:func:`toolkit.normalize.keys.skeleton`, which joins compounds alike in both scripts:
    Hezbollah / حزب الله) have as many words, pairwise alike; the hit may leave out آل and
    an ordinal (Abdullah II for عبد الله الثاني), never add a word, and a qualifier in
    parentheses (Ansar al-Sharia (Libya)) is not a spelling."""
    from ..normalize.keys import skeleton

    if "(" in hit or ")" in hit:
        return False
    q, h = skeleton(query).split(), skeleton(hit).split()
    if len(h) > len(q):
        return False
    if len(h) < len(q):
        from .word_classes import ORDINALS, fold_word

        kept = [w for w in query.split() if fold_word(w) != "ال" and fold_word(w)[2:] not in ORDINALS]
        q = skeleton(" ".join(kept)).split()
        if len(h) != len(q):
            return False
    # a one-letter word is a particle (f for في, n for "in"): it must be the same particle
    return all(a == b or (len(a) > 1 and len(b) > 1) for a, b in zip(q, h))


def build_table(entries: Iterable[Any], params: TranslitParams) -> Table:
    """Every name of every entry (preferred and variants, both scripts) to the entry's
    names in the other script: the preferred one at 1.0, variants at ``lexicon_variant``;
    reached through a variant of the query's script, at most ``lexicon_variant_query``."""
    table: Table = {}
    for e in entries:
        en_names = [n for n in (e.en, *e.en_variants) if n]
        ar_names = [n for n in (e.ar, *e.ar_variants) if n]
        if not en_names or not ar_names:
            continue
        targets_en = [(n, 1.0 if i == 0 else params.lexicon_variant) for i, n in enumerate(en_names)]
        targets_ar = [(n, 1.0 if i == 0 else params.lexicon_variant) for i, n in enumerate(ar_names)]
        for i, n in enumerate(ar_names):
            table.setdefault(("en", lex_key(n)), []).extend(
                (t, s if i == 0 else min(s, params.lexicon_variant_query)) for t, s in targets_en)
        for i, n in enumerate(en_names):
            table.setdefault(("ar", lex_key(n)), []).extend(
                (t, s if i == 0 else min(s, params.lexicon_variant_query)) for t, s in targets_ar)
    for key, hits in table.items():
        best: dict[str, float] = {}
        for t, sc in hits:
            best[t] = max(best.get(t, 0.0), sc)
        table[key] = sorted(best.items(), key=lambda ts: -ts[1])
    return table


def read_table(lexicon: Any, params: TranslitParams) -> Table:
    """:func:`build_table` of ``lexicon.entries()``; a lexicon that fails to read gives an
    empty table and a logged warning with the cause (transliteration goes on without it)."""
    try:
        return build_table(lexicon.entries(), params)
    except Exception:  # noqa: BLE001 - a broken lexicon must not break transliteration; logged
        logger.warning("transliteration: the lexicon could not be read; whole names go unconfirmed", exc_info=True)
        return {}


def table_hits(table: Table, name: str, to: str, top: int, params: TranslitParams,
               others: list[str] | None = None) -> list[Candidate]:
    """The exact names of ``name`` in the ``to`` script that spell its words
    (:func:`spells_same`), the one of about its length first ("Guterres" is a variant of
    António Guterres), scores non-increasing. The entity's other names in that script
    (aliases, translations) are appended to ``others`` when it is given: they are not
    spellings, but a caller may offer a translation among them."""
    want_arabic = to == "arabic"
    hits = table.get(("ar" if want_arabic else "en", lex_key(name)), [])
    ratio = params.arabic_per_latin_char if want_arabic else params.latin_per_arabic_char
    expected = len(name) * ratio  # typical length ratio across scripts
    hits = sorted(hits, key=lambda ts: (ts[1] < 1.0, round(abs(len(ts[0]) - expected) / max(1.0, expected), 1), -ts[1]))
    hits = [ts for ts in hits if same_units(name, ts[0])]
    if others is not None:
        others.extend(t for t, _ in hits if not spells_same(name, t, params))
    hits = [ts for ts in hits if spells_same(name, ts[0], params)]
    out: list[Candidate] = []
    ceiling = 1.0
    for text, score in hits[:top]:
        ceiling = min(ceiling, score)
        out.append(Candidate(text, ceiling, "lexicon"))
    return out


def lookup_hits(lexicon: Any, name: str, to: str, top: int, params: TranslitParams,
                others: list[str] | None = None) -> list[Candidate]:
    """Confirmed matches of a lexicon that only has ``lookup(query, top)`` that spell the
    query's words (other names go to ``others``, as in :func:`table_hits`); one that fails
    answers nothing, with a logged warning and its cause."""
    try:
        matches = lexicon.lookup(name, top=top)
    except Exception:  # noqa: BLE001 - a broken lexicon must not break transliteration; logged
        logger.warning("transliteration: lexicon lookup of %r failed", name, exc_info=True)
        return []
    out = []
    for m in matches:
        if m.score < params.lexicon_min_score or m.why not in ("exact", "variant", "key"):
            continue
        if m.why == "key" and " " not in name.strip():
            continue  # one folded word (Shatri ~ Shatra) is too little evidence
        text = m.ar if to == "arabic" else m.en
        if not text or not same_units(name, text):
            continue
        if spells_same(name, text, params):
            out.append(Candidate(text, float(m.score), "lexicon"))
        elif others is not None:
            others.append(text)
    return out


_ACRONYM = re.compile(r"[A-Z][A-Z.&\-]{0,9}")


def translations_among(name: str, others: list[str], to: str, params: TranslitParams) -> list[Candidate]:
    """The entity's other names that translate the query's words, as ``translation``
    candidates (Islamic Action Front for جبهة العمل الاسلامي): not spellings, so they rank
    below every spelling (``rank.TIER``), but what a reader of an organization's name wants.

    A nom de guerre, a birth name or an acronym is another name, not a translation: only a
    name whose words the learned word table (``toolkit.word_translation``, trained on public
    parallel text) pairs with the query's, at ``params.translation_min`` or more, is offered.
    """
    from .word_classes import is_organization

    others = [o for o in others if is_organization(name if to == "latin" else o)]
    if not others:
        return []  # a person's other names are aliases, never translations (and the table stays unloaded)
    from ..word_translation import phrase_score

    out: list[Candidate] = []
    seen: set[str] = set()
    for other in others:
        if other in seen or _ACRONYM.fullmatch(other.strip()):
            continue  # an acronym (KH, ISIS) is another name, not a translation
        en_text, ar_text = (other, name) if to == "latin" else (name, other)
        if 2 * len(en_text.split()) < len(ar_text.split()):
            continue  # one word for three (Hamas for حركة المقاومة الإسلامية) is a short name, not a translation
        seen.add(other)
        en, ar = (other, name) if to == "latin" else (name, other)
        try:
            score = phrase_score(en, ar)
        except (OSError, ValueError) as exc:  # a missing or damaged word table: no translations, said once
            logger.warning("word translation table unavailable (%s): no translation candidates", exc)
            return []
        if score >= params.translation_min:
            out.append(Candidate(other, round(score, 4), "translation"))
    return sorted(out, key=lambda c: -c.score)
