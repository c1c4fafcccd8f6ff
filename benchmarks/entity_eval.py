"""Scoring an entity list against hand-made gold: links, one-language lists, invented names,
calibration. Used by benchmarks/entities.py; kept apart so the rules are read in one place.

Gold (benchmarks/gold/ntrex_entities*.json): for each NTREX document, ``entities`` (written in
both texts, with their English and Arabic surface forms) and, in the newer files,
``en_only`` / ``ar_only`` (written in one text only).

An entity of the system is scored by its mention texts:
- a **link** (mentions on both sides) is correct when one English and one Arabic mention name
  the same gold entity of ``entities``;
- a **one-sided** entity is correct when one of its mentions names any gold entity of that
  language (``entities`` or ``X_only``): the name is real, even if its counterpart was missed;
- an entity's ``ar`` name is **invented** when it is neither written in the Arabic report
  (search-level normalized substring) nor a name of the lexicon entry the entity is linked to;
  the same for ``en``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from toolkit.normalize.arabic import normalize_arabic
from toolkit.normalize.latin import normalize_latin

#: Confidence bins of the calibration table (lower edges).
BINS = (0.0, 0.5, 0.7, 0.8, 0.9)


def en_key(s: str) -> list[str]:
    return normalize_latin(s, "match").split()


def ar_key(s: str) -> list[str]:
    out = []
    for w in normalize_arabic(s, "match").split():
        for p in ("وال", "بال", "لل", "ال"):
            if w.startswith(p) and len(w) > len(p) + 2:
                w = w[len(p):]
                break
        out.append(w)
    return out


def same(pred: list[str], gold: list[str]) -> bool:
    """One surface names the gold entity: equal keys, or one's words inside the other's
    (a surname for a full name, "Lakers" for "Los Angeles Lakers")."""
    if not pred or not gold:
        return False
    if pred == gold:
        return True
    ps, gs = set(pred), set(gold)
    return ps <= gs or gs <= ps


def matches(texts: Sequence[str], surfaces: Sequence[str], lang: str) -> bool:
    key = en_key if lang == "en" else ar_key
    return any(same(key(t), key(s)) for t in texts for s in surfaces)


@dataclass
class Tally:
    """Counts over documents for one system on one gold set."""

    links: int = 0
    links_ok: int = 0
    gold: int = 0
    gold_found: int = 0
    one_sided: int = 0
    one_sided_ok: int = 0
    invented: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    scored: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, correct)

    @property
    def precision(self) -> float:
        return self.links_ok / self.links if self.links else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _texts(entity: dict, lang: str) -> list[str]:
    return [m["text"] for m in entity.get("mentions", []) if m["lang"] == lang]


def _lexicon_names(entity: dict, lexicon: dict[str, tuple[set[str], set[str]]], lang: str) -> set[str]:
    names = lexicon.get(entity.get("id", ""), (set(), set()))
    return names[0] if lang == "en" else names[1]


def invented_names(entity: dict, en_text: str | None, ar_text: str | None,
                   lexicon: dict[str, tuple[set[str], set[str]]]) -> list[str]:
    """The names of ``entity`` that neither report writes nor its lexicon entry holds."""
    out = []
    for lang, text in (("en", en_text), ("ar", ar_text)):
        name = entity.get(lang) or ""
        if not name or text is None:
            continue
        if lang == "ar":
            ok = normalize_arabic(name, "search") in normalize_arabic(text, "search")
        else:
            ok = normalize_latin(name, "search") in normalize_latin(text, "search")
        if not ok and name not in _lexicon_names(entity, lexicon, lang):
            out.append(f"{lang}: {name!r}")
    return out


def judge_pair(doc: dict, entity: dict, en_text: str, ar_text: str,
               lexicon: dict[str, tuple[set[str], set[str]]]) -> bool | None:
    """Is one entity of a pair list right (None: it cannot be judged on this gold)?"""
    gold = doc["entities"]
    et, at = _texts(entity, "en"), _texts(entity, "ar")
    if invented_names(entity, en_text, ar_text, lexicon):
        return False
    if et and at:
        return any(matches(et, g["en"], "en") and matches(at, g["ar"], "ar") for g in gold)
    if "en_only" not in doc:
        return None
    texts, lang = (et, "en") if et else (at, "ar")
    pool = [g[lang] for g in gold] + [g[lang] for g in doc.get(f"{lang}_only", [])]
    return any(matches(texts, g, lang) for g in pool)


def judge_single(doc: dict, entity: dict, lang: str) -> bool | None:
    """Is one entity of a one-language list a real entity of that language?"""
    if "en_only" not in doc:
        return None
    texts = _texts(entity, lang)
    pool = [g[lang] for g in doc["entities"]] + [g[lang] for g in doc.get(f"{lang}_only", [])]
    return bool(texts) and any(matches(texts, g, lang) for g in pool)


def score_pair(doc: dict, entities: list[dict], en_text: str, ar_text: str,
               lexicon: dict[str, tuple[set[str], set[str]]], tally: Tally) -> None:
    """Add one document of a report pair to ``tally``."""
    gold = doc["entities"]
    en_gold = [g["en"] for g in gold] + [g["en"] for g in doc.get("en_only", [])]
    ar_gold = [g["ar"] for g in gold] + [g["ar"] for g in doc.get("ar_only", [])]
    has_one_sided_gold = "en_only" in doc
    found_gold: set[int] = set()
    en_found: list[str] = []
    ar_found: list[str] = []
    for e in entities:
        et, at = _texts(e, "en"), _texts(e, "ar")
        en_found += et
        ar_found += at
        bad = invented_names(e, en_text, ar_text, lexicon)
        tally.invented += [f"{doc['doc']}: {b}" for b in bad]
        if et and at:
            hit = [i for i, g in enumerate(gold) if matches(et, g["en"], "en") and matches(at, g["ar"], "ar")]
            tally.links += 1
            ok = bool(hit) and not bad
            tally.links_ok += bool(hit)
            found_gold.update(hit)
            if not hit:
                tally.wrong.append(f"{doc['doc']}: {et[0]!r} <-> {at[0]!r}")
        elif has_one_sided_gold:
            texts, lang, pool = (et, "en", en_gold) if et else (at, "ar", ar_gold)
            ok = any(matches(texts, g, lang) for g in pool) and not bad
            tally.one_sided += 1
            tally.one_sided_ok += ok
        else:
            continue  # no one-sided gold: the entity cannot be judged
        tally.scored.append((float(e.get("confidence", 0.0)), ok))
    tally.gold += len(gold)
    tally.gold_found += len(found_gold)
    for i, g in enumerate(gold):
        if i in found_gold:
            continue
        has_en, has_ar = matches(en_found, g["en"], "en"), matches(ar_found, g["ar"], "ar")
        why = ("found on neither side" if not has_en and not has_ar else "English mention not found" if not has_en
               else "Arabic mention not found" if not has_ar else "both sides found but not linked")
        tally.missed.append(f"{doc['doc']}: {g['en'][0]} / {g['ar'][0]}: {why}")


def score_single(doc: dict, entities: list[dict], lang: str, text: str,
                 lexicon: dict[str, tuple[set[str], set[str]]], tally: Tally) -> None:
    """Add one document of a one-language list to ``tally`` (precision of what is listed,
    recall of the gold entities written in that language)."""
    key = "en" if lang == "en" else "ar"
    pool = [g[key] for g in doc["entities"]] + [g[key] for g in doc.get(f"{key}_only", [])]
    found = set()
    for e in entities:
        texts = _texts(e, lang)
        if not texts:
            continue
        bad = invented_names(e, text if lang == "en" else None, text if lang == "ar" else None, lexicon)
        tally.invented += [f"{doc['doc']}: {b}" for b in bad]
        hit = [i for i, g in enumerate(pool) if matches(texts, g, lang)]
        found.update(hit)
        ok = bool(hit)
        tally.one_sided += 1
        tally.one_sided_ok += ok
        if not ok:
            tally.wrong.append(f"{doc['doc']}: {texts[0]!r}")
        tally.scored.append((float(e.get("confidence", 0.0)), ok))
    tally.gold += len(pool)
    tally.gold_found += len(found)


def calibration(scored: Sequence[tuple[float, bool]]) -> list[str]:
    """A Markdown table: entities per confidence bin and the share correct."""
    lines = ["| confidence | entities | correct | share correct |", "|---|---|---|---|"]
    edges = list(BINS) + [1.01]
    for lo, hi in zip(edges, edges[1:]):
        inside = [ok for c, ok in scored if lo <= c < hi]
        share = f"{sum(inside) / len(inside):.3f}" if inside else "-"
        label = f"[{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'}"
        lines.append(f"| {label} | {len(inside)} | {sum(inside)} | {share} |")
    return lines
