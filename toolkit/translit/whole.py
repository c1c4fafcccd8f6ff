"""Whole names the name dictionary knows as someone's label; they beat unit-by-unit products.

A whole name is a person's own label (Gamal Abdel Nasser; Zine El Abidine Ben Ali:
زين العابدين بن علي), so even one attestation outranks the composed candidates, as long as
the label spells the same parts of the name: its length (and, Latin → Arabic, its
letters) must stay close to our own best spelling.
"""

from __future__ import annotations

from typing import Any

from ..normalize.script import has_arabic
from .params import TranslitParams
from .exact import same_words
from .rank import Candidate
from .spelling import latin_key


def close_length(label: str, guess: str, params: TranslitParams) -> bool:
    """A dictionary label of a whole name must be about as long as our own best spelling of
    it (0.7–1.4 times), or it names more or fewer parts of the name than were asked."""
    return params.label_length_min <= len(label) / max(1, len(guess)) <= params.label_length_max


def whole_attested(
    names: Any, name: str, to: str, region: str | None, composed: list[Candidate], params: TranslitParams
) -> list[Candidate]:
    """A whole name the name dictionary knows as such: its spellings beat composed ones.

    Arabic → Latin, a label scores 0.88 and up (by its share), above the unit-by-unit
    product. Equal shares (two labels seen once each) are ordered by the composed
    candidates' view of them.
    """
    if names is None or " " not in name:
        return []
    if to == "arabic":
        return whole_attested_arabic(names, name, composed, params)
    if not has_arabic(name):
        return []
    known = names.whole(name, region)
    if not known:
        return []
    from rapidfuzz.distance import Levenshtein

    from .name_dictionary import tidy_label

    best = latin_key(composed[0].text) if composed else ""
    out = []
    for a in known:
        text = tidy_label(a.text)
        if best and not close_length(latin_key(text), best, params):
            continue  # a label with more (or fewer) names than the Arabic: Mousa *Mohammed* Abu Marzook
        if not same_words(name, text):
            continue  # a label that is not written word for word: Rania de Jordanie for رانيا العبد الله
        closeness = Levenshtein.normalized_similarity(latin_key(text), best) if best else 0.0
        out.append(Candidate(text, params.whole_base + params.whole_share * a.share + params.whole_closeness * closeness,
                             "model"))
    return sorted(out, key=lambda c: -c.score)


def whole_attested_arabic(names: Any, name: str, composed: list[Candidate], params: TranslitParams) -> list[Candidate]:
    """Latin → Arabic: the Arabic of someone the dictionary knows by this whole name
    (Zine El Abidine Ben Ali: زين العابدين بن علي) comes first.

    The index keeps that Arabic folded (أ→ا, ة→ه, ى→ي); each word is written back as one
    of our own candidates writes it when they fold alike. A label that is not a spelling of
    the same words (Droukdel's alias ابو مصعب عبد الودود; عزه الدوري for a three-part name)
    is left out: its length or its letters must stay close to our best guess.
    """
    from rapidfuzz.distance import Levenshtein

    known = names.arabic_full_keys(name)
    if not known or not composed:
        return []
    ours = {names.key(w): w for c in reversed(composed) for w in c.text.split()}
    best = names.full_key(composed[0].text).replace(" ", "")
    words = len(composed[0].text.split())
    out = []
    for key, share in known.items():
        flat = key.replace(" ", "")
        if not close_length(flat, best, params) or Levenshtein.normalized_similarity(flat, best) < params.whole_similarity:
            continue
        if abs(len(key.split()) - words) > 1:
            continue  # more names than were asked: عبد الله بن زايد *بن سلطان* آل نهيان for Abdullah bin Zayed Al Nahyan
        text = " ".join(ours.get(w, "آل" if w == "ال" else w) for w in key.split())  # a lone ال is آل (Al Saud)
        # someone's own name, written word for word: above the unit-by-unit product however sure it is
        score = max(params.whole_base + params.whole_share * share, composed[0].score + params.whole_closeness * (1 + share))
        out.append(Candidate(text, score, "model"))
    return out
