"""An organization's name translated word by word, for names the lexicon does not know.

Why: the press writes many organization names in translation (حركة المقاومة الإسلامية is the
Islamic Resistance Movement far more often than Harakat al-Muqawama al-Islamiya). Where the
lexicon knows the translation, ``exact.translations_among`` offers it; elsewhere the learned
word table (``toolkit.word_translation``, trained on public parallel text) can give one when
every word of the name has a confident English translation, put in English order:

- the name is cut into groups, a noun and the adjectives after it (a nisba with the article,
  or a word of :data:`ADJECTIVES`); in English each group is the adjectives then the noun,
  and the groups run backwards: حزب | الدعوة الإسلامية → Islamic Dawa Party;
- words joined by و keep their order (حزب الحرية والعدالة → Freedom and Justice Party);
- a preposition (في، ل) splits the name: القاعدة في جزيرة العرب → X in Y;
- a second form keeps the head first: جيش | الإسلام → Army of Islam.

A gloss is a ``translation`` candidate: ranked after every spelling and scored by the word
table's probabilities, never offered when a word has no confident translation
(:class:`GlossParams`). Only names with at least one organization word (``word_classes``) are
glossed: a person's name is never translated.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .rank import Candidate
from .word_classes import fold_word, is_organization, split_clitics

#: adjectives that are not nisba-shaped (folded, without the article)
ADJECTIVES = frozenset({"اعلي", "حر", "حره", "جديد", "جديده", "كبري", "موحد", "موحده", "متحده", "مستقل",
                        "عام", "عامه", "خاص", "خاصه", "سريع", "احمر", "مسلحه"})
PREPOSITIONS = {"في": "in", "ل": "for", "من": "of", "علي": "on", "عن": "from", "الي": "to"}


@dataclass(frozen=True)
class GlossParams:
    """When a word-by-word translation is offered, and how sure it is said to be."""

    #: a word's best English translation must have at least this p(en|ar) in the table;
    #: chosen on the issue-16 dev organizations (0.35: 8 of 41 glosses exact, the others readable)
    min_word_prob: float = 0.35
    #: the gloss's score is the geometric mean of its words' probabilities times this
    #: (the word order is a rule, not evidence); chosen, not tuned
    order_discount: float = 0.8


GLOSS = GlossParams()

#: Words a name keeps in transliteration: the press never translates الله inside a name
#: (Hezbollah, Ansar Allah, Jund Allah), and the table's best English for it is a name
#: (Abdullah, p = 0.35, just over ``min_word_prob`` in the table retrained 2026-12-07).
NEVER_GLOSSED = frozenset({"الله", "لله"})


def _stem(word: str) -> str:
    folded = fold_word(word).replace("ة", "ه")
    return folded[2:] if folded.startswith("ال") and len(folded) > 3 else folded


def _is_adjective(word: str) -> bool:
    stem = _stem(word)
    nisba = stem.endswith(("ي", "يه")) and len(stem) > 3 and fold_word(word).startswith("ال")
    return stem in ADJECTIVES or nisba


class _Glosser:
    """One name's word translations, looked up once."""

    def __init__(self, params: GlossParams) -> None:
        from ..word_translation import translations

        self.translations = translations
        self.params = params
        self.probs: list[float] = []

    def word(self, arabic: str) -> str | None:
        if fold_word(arabic) in NEVER_GLOSSED:
            return None
        found = self.translations(arabic, "en", 1)
        if not found:
            return None
        english, prob = found[0]
        if prob < self.params.min_word_prob or len(english) < 3 or not english.isalpha():
            return None
        self.probs.append(prob)
        return english.capitalize()

    def group(self, noun: str, adjectives: list[str]) -> str | None:
        words = [self.word(a) for a in adjectives] + [self.word(noun)]
        return None if None in words else " ".join(w for w in words if w)

    def block(self, words: list[str], head_first: bool = False) -> str | None:
        """Groups backwards (or the head group first, then "of" the rest); runs joined by و
        keep their order."""
        runs: list[list[tuple[str, list[str]]]] = [[]]
        for w in words:
            if w == "و":
                runs.append([])
            elif runs[-1] and _is_adjective(w):
                runs[-1][-1][1].append(w)
            else:
                runs[-1].append((w, []))
        if any(not run for run in runs):
            return None
        rendered = []
        for run in runs:
            groups = [self.group(noun, adjs) for noun, adjs in run]
            if None in groups:
                return None
            texts = [g for g in groups if g]
            if head_first and len(texts) > 1 and len(runs) == 1:
                rendered.append(f"{texts[0]} of {' '.join(reversed(texts[1:]))}")
            else:
                rendered.append(" ".join(reversed(texts)))
        return " and ".join(rendered)


def gloss(name: str, params: GlossParams = GLOSS) -> list[Candidate]:
    """Up to two English translations of an Arabic organization name, best first; none for a
    name without an organization word or with a word the table cannot translate."""
    if not is_organization(name):
        return []
    words = split_clitics(name.split())
    out: list[Candidate] = []
    for head_first in (False, True):
        g = _Glosser(params)
        text = _render(g, words, head_first)
        if text and text not in {c.text for c in out}:
            score = math.exp(sum(math.log(p) for p in g.probs) / max(1, len(g.probs))) * params.order_discount
            out.append(Candidate(text, round(score, 4), "translation"))
    return out


def _render(g: _Glosser, words: list[str], head_first: bool) -> str | None:
    for k, w in enumerate(words):
        prep = PREPOSITIONS.get(fold_word(w))
        if prep and 0 < k < len(words) - 1:
            before, after = g.block(words[:k], head_first), g.block(words[k + 1:])
            return f"{before} {prep} {after}" if before and after else None
    if "و" in words and words.index("و") > 1 and not head_first:
        rest, head = g.block(words[1:]), g.block(words[:1])
        return f"{rest} {head}" if rest and head else None
    return g.block(words, head_first)
