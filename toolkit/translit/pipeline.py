"""Transliterate names: cut into pieces, ask lexicon / memory / model / rules, rank.

The flow for each name:

1. Guard rails: empty → no candidates; over ``MAX_NAME_CHARS`` → :class:`TranslitError`
   with the reason; digits and words already in the target script pass through unchanged.
2. The whole name is looked up in the lexicon (when it is installed): confirmed names
   (exact, variant or key matches) come first and win.
3. The rest is cut into units (article and compounds kept together); each unit's stem gets
   spellings from the attested memory, the model (batched over every distinct stem of every
   name, beam search; Arabic → Latin n-best reranked by the Latin spelling model, ``lm.py``),
   and the rules.
4. Units are recombined into whole-name candidates and merged into one ranked list.

The model runs in numpy (``infer.py``), so no answer imports torch or transformers.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from . import rules_ar2lat as ar2lat
from . import rules_lat2ar as lat2ar
from .memory import Attested, Memory, ranked
from .model import clean_arabic, clean_latin
from .rank import Candidate, Option, combine, fold, merge
from .schemes import apply_scheme

Target = Literal["latin", "arabic"]
MAX_NAME_CHARS = 300
LEXICON_MIN_SCORE = 0.95
WELL_ATTESTED = 5
UNWRITTEN_SCORE = 0.3  # a unit no source can write, passed through
CACHE_LIMIT = 200_000  # words and units remembered between batches (names repeat theirs)
DICTIONARY_TRUSTED = 3  # a unit seen this often in the name dictionary: its spellings lead

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_PIECES = re.compile(
    r"(?P<ar>[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+)"
    r"|(?P<lat>[A-Za-z\u00c0-\u024f\u1e00-\u1eff'’ʿʾ-]+)"
    r"|(?P<other>[^\s\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeffA-Za-z\u00c0-\u024f\u1e00-\u1eff]+)"
)
_DIGITS_TO_LATIN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
REGIONS = ar2lat.REGIONS
_ASSIMILATED = re.compile(r"^[ae]([bdfhjklmnrstvz])\1")


def _writes_article(latin: str, arabic_stem: str) -> bool:
    """Does this spelling of a word with the article write the article too (al-, el-, Enn-)?"""
    if latin.startswith(("al", "el")) and not (arabic_stem[:1] in "اأإآ" and arabic_stem[1:2] == "ل"):
        return True
    return arabic_stem[:1] in ar2lat.SUN_LETTERS and bool(_ASSIMILATED.match(latin))


_PARTICLES_LATIN = {"bin", "ben", "ibn", "abu", "abou", "abo", "bou", "abi", "ould", "bint"}


def _same_units(query: str, hit: str) -> bool:
    """Is a lexicon name a transliteration of a one-unit query? "Akhannouch" is a variant of
    Aziz Akhannouch, but عزيز أخنوش is not how it is written (عبد العزيز ~ Abdulaziz is).
    Longer queries are not checked: the scripts cut particles and family names (آل سعود,
    Abed Rabbo) into different numbers of units."""
    def units(text: str) -> int:
        split = ar2lat.split_units if _ARABIC_LETTER.search(text) else lat2ar.split_units
        return len(split(text))

    return units(query) > 1 or units(hit) == 1


def _close_length(label: str, guess: str) -> bool:
    """A dictionary label of a whole name must be about as long as our own best spelling of
    it (0.7–1.4 times), or it names more or fewer parts of the name than were asked."""
    return 0.7 <= len(label) / max(1, len(guess)) <= 1.4


def _cap_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lex_key(name: str) -> str:
    """Exact-match key for lexicon names: Arabic orthographic folding or Latin case/mark folding."""
    if _ARABIC_LETTER.search(name):
        from ..normalize.arabic import normalize_arabic

        return " ".join(normalize_arabic(name, "match").split())
    return fold(name)


class TranslitError(ValueError):
    """Bad input or options, with a one-line reason for the user."""


@dataclass(frozen=True)
class _Piece:
    kind: str  # "ar" | "lat" | "other"
    text: str
    space_before: bool


def _pieces(name: str) -> list[_Piece]:
    out: list[_Piece] = []
    last_end = 0
    for m in _PIECES.finditer(name):
        kind = m.lastgroup or "other"
        text = m.group()
        if kind == "ar" and not _ARABIC_LETTER.search(text):
            kind = "other"  # Arabic punctuation, digits or marks only
        if kind == "lat" and not _LATIN_LETTER.search(text):
            kind = "other"
        out.append(_Piece(kind, text, bool(out) and name[last_end : m.start()].strip() == "" and m.start() > last_end))
        last_end = m.end()
    return out


def _runs(pieces: list[_Piece], kind: str) -> list[tuple[bool, list[_Piece]]]:
    """Group consecutive pieces: runs of ``kind`` separated only by spaces become one chunk."""
    runs: list[tuple[bool, list[_Piece]]] = []
    for p in pieces:
        if runs and runs[-1][0] == (p.kind == kind) and p.kind == kind and p.space_before:
            runs[-1][1].append(p)
        else:
            runs.append((p.kind == kind, [p]))
    return runs


class Transliterator:
    """Holds the lexicon, the attested memory and (lazily) the model; thread-safe loading."""

    def __init__(
        self,
        model_dir: Path | None = None,
        use_model: bool = True,
        use_lexicon: bool = True,
        beams: int = 5,
        batch_size: int = 256,
        lexicon: Any = None,
        lm_weight: float | None = None,
        memory: Memory | None = None,
        name_dictionary: Any = True,
    ) -> None:
        """``lexicon``: any object with ``lookup(query, top)`` (default: the shipped lexicons).

        ``memory``: the attested spellings (default: ``attested.tsv`` of ``model_dir``).
        ``name_dictionary``: also read attested spellings of Arab name units from
        arabic-name-romanizer's index (``name_dictionary.py``); False turns it off, and an
        object with the ``unit`` / ``whole`` methods of ``NameDictionary`` replaces it.

        ``lm_weight``: weight of the Latin spelling model when reranking the model's
        Arabic → Latin n-best (default ``lm.LM_WEIGHT``; 0 turns reranking off).
        """
        if model_dir is None:
            from ..resources import models_dir

            model_dir = models_dir() / "translit"
        self.model_dir = Path(model_dir)
        self.use_model = use_model
        self.use_lexicon = use_lexicon
        self.beams = beams
        self.batch_size = batch_size
        self.lm_weight = lm_weight  # None: lm.LM_WEIGHT (resolved when needed: lm.py imports numpy)
        self._latin_lm: Any = None
        self._latin_lm_loaded = False
        self._model: Any = None
        self._model_failed: str | None = None
        self._memory: Memory | None = memory
        self._lexicon: Any = lexicon
        self._lexicon_loaded = lexicon is not None
        self.use_name_dictionary = name_dictionary is not False
        self._names: Any = None if isinstance(name_dictionary, bool) else name_dictionary
        self._names_loaded = not isinstance(name_dictionary, bool)
        self._lock = threading.Lock()
        self.cache: dict[tuple[str, str], list[tuple[str, float]]] = {}
        self._unit_cache: dict[tuple[str, bool, str | None, str | None], list[Attested]] = {}

    # ------------------------------------------------------------ resources
    @property
    def memory(self) -> Memory:
        if self._memory is None:
            self._memory = Memory.load(self.model_dir / "attested.tsv")
        return self._memory

    @property
    def model(self) -> Any:
        """The seq2seq model, or None when it is disabled or cannot be loaded (then rules only)."""
        if not self.use_model or self._model_failed:
            return None
        with self._lock:
            if self._model is None:
                try:
                    from .model import Seq2SeqTransliterator

                    self._model = Seq2SeqTransliterator.load(self.model_dir)
                except (FileNotFoundError, ValueError, OSError) as exc:
                    self._model_failed = str(exc)
                    return None
        return self._model

    @property
    def latin_lm(self) -> Any:
        """The Latin spelling n-gram model (``lm.py``), or None when it is not shipped."""
        if not self._latin_lm_loaded:
            from .lm import FILENAME, LatinLM

            try:
                self._latin_lm = LatinLM.load(self.model_dir / FILENAME)
            except (OSError, ValueError, KeyError):
                self._latin_lm = None
            self._latin_lm_loaded = True
        return self._latin_lm

    @property
    def model_error(self) -> str | None:
        return self._model_failed

    @property
    def names(self) -> Any:
        """The Arab name dictionary (``name_dictionary.py``), or None when off or not installed."""
        if not self.use_name_dictionary:
            return None
        if not self._names_loaded:
            from .name_dictionary import NameDictionary

            self._names = NameDictionary.load()
            self._names_loaded = True
        return self._names

    def _unit_attested(self, slot: _Slot, region: str | None) -> list[Attested]:
        """Dictionary spellings of a whole Arabic unit (al-Zawahiri, Abdulrahman, bin Laden);
        after a lone particle, as the dictionary writes the pair (بن عبد العزيز: bin Abdulaziz)."""
        unit = slot.unit
        names = self.names
        if names is None or unit is None or (not slot.stem and not unit.allah):
            return []  # a particle alone (bin before Abdullah) is the rules' fixed form
        if any(ch in ar2lat.HARAKAT for ch in unit.raw):
            return []  # written vowels are read, not looked up
        key = (unit.raw, unit.article, slot.after, region)
        found = self._unit_cache.get(key)
        if found is None:
            found = self._unit_cache[key] = self._read_unit(slot, region)
        return found

    def _read_unit(self, slot: _Slot, region: str | None) -> list[Attested]:
        unit, names = slot.unit, self.names
        from .name_dictionary import press_form

        counts: dict[str, int] = {}
        if slot.after:  # بن عبد العزيز is bin Abdulaziz in the Gulf more than Abdelaziz alone is
            for a in names.unit(f"{slot.after} {unit.raw}", region):
                head, _, rest = a.text.partition(" ")
                if rest and head.lower() in _PARTICLES_LATIN:
                    text = press_form(rest, unit.article)
                    counts[text] = counts.get(text, 0) + a.count
            if sum(counts.values()) < DICTIONARY_TRUSTED:
                counts = {}
        for a in names.unit(unit.raw, region) if not counts else ():
            text = press_form(a.text, unit.article)
            counts[text] = counts.get(text, 0) + a.count
        return ranked(counts, ties_by_text=False)  # the dictionary's own order among equals

    @property
    def lexicon(self) -> Any:
        if not self.use_lexicon:
            return None
        if not self._lexicon_loaded:
            self._lexicon_loaded = True
            self._lexicon = _ShippedNames()
        return self._lexicon

    # ------------------------------------------------------------ public
    def transliterate_many(
        self,
        names: Sequence[str],
        to: Target,
        top: int = 5,
        scheme: str | None = None,
        region: str | None = None,
    ) -> list[list[Candidate]]:
        """n-best lists for many names; every model call is batched across all of them."""
        if to not in ("latin", "arabic"):
            raise TranslitError(f"--to must be latin or arabic, got {to!r}")
        if top < 1:
            raise TranslitError(f"top must be at least 1, got {top}")
        if region is not None and region not in REGIONS:
            raise TranslitError(f"unknown region {region!r}; choose one of {', '.join(REGIONS)}")
        cleaned = []
        for name in names:
            name = unicodedata.normalize("NFC", name.encode("utf-8", "replace").decode("utf-8"))
            name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cf", "Cc") or ch in " \t")
            name = " ".join(name.split())
            if len(name) > MAX_NAME_CHARS:
                raise TranslitError(
                    f"input is {len(name)} characters long; a name has at most {MAX_NAME_CHARS} (is this a sentence?)"
                )
            cleaned.append(name)
        if scheme is not None:
            try:
                return [[Candidate(apply_scheme(n, scheme, to).text, 1.0, "scheme")] if n else [] for n in cleaned]
            except ValueError as exc:
                raise TranslitError(str(exc)) from None

        if len(self.cache) + len(self._unit_cache) > CACHE_LIMIT:  # a long stream: memory stays bounded
            self.cache.clear()
            self._unit_cache.clear()
        # 1. whole-name lexicon hits
        confirmed: list[list[Candidate]] = []
        for name in cleaned:
            confirmed.append(self._lexicon_hits(name, to, top) if name else [])
        # 2. units and their stems
        plans = [self._plan(name, to) if name else None for name in cleaned]
        need: set[str] = set()
        for plan in plans:
            if plan is None:
                continue
            for slot in plan.slots:
                article = bool(slot.unit is not None and getattr(slot.unit, "article", False))
                if not slot.stem or (to, slot.stem) in self.cache or self._well_attested(to, slot.stem, article):
                    continue
                if to == "latin" and any(a.count >= WELL_ATTESTED for a in self._unit_attested(slot, region)):
                    continue
                need.add(slot.stem)
        if to == "arabic" and self.names is not None and hasattr(self.names, "prepare_reverse"):
            self.names.prepare_reverse(
                [slot.unit.raw for plan in plans if plan for slot in plan.slots if slot.unit is not None and slot.stem],
                [name for name in cleaned if " " in name],
            )
        if need and self.model is not None:
            words = sorted(need)
            hyps = self.model.generate(words, to, beams=self.beams, batch_size=self.batch_size)
            for w, h in zip(words, self._rerank(hyps, to)):
                self.cache[(to, w)] = h
        results = []
        for name, plan, conf in zip(cleaned, plans, confirmed):
            if plan is None:
                results.append([])
                continue
            guesses = self._compose(plan, to, top, region, use_model=True)
            attested = self._whole_attested(name, to, region, guesses)
            results.append(merge([conf, attested, guesses], top))
        return results

    # ------------------------------------------------------------ steps
    def _rerank(self, hyps: list[list[Any]], to: Target) -> list[list[tuple[str, float]]]:
        """The model's n-best of each word as (text, score), reranked by the Latin spelling model.

        score = exp(mean log p_model + w · (mean log p_lm − the best mean log p_lm of the list)):
        the spelling the n-gram model likes best keeps the model's probability, the others
        lose in proportion to how unusual their spelling is (``lm.py``).
        """
        plain = [[(x.text, x.prob) for x in h] for h in hyps]
        from .lm import LM_WEIGHT

        weight = LM_WEIGHT if self.lm_weight is None else self.lm_weight
        lm = self.latin_lm if to == "latin" and weight > 0 else None
        if lm is None:
            return plain
        import math

        flat = [x.text for h in hyps for x in h]
        scores = iter(lm.mean_logprob(flat).tolist()) if flat else iter(())
        out = []
        for h in hyps:
            lms = [next(scores) for _ in h]
            if not h:
                out.append([])
                continue
            best = max(lms)
            ranked = [(x.text, math.exp(x.logprob + weight * (v - best))) for x, v in zip(h, lms)]
            out.append(sorted(ranked, key=lambda ts: -ts[1]))
        return out

    def _whole_attested(self, name: str, to: Target, region: str | None, composed: list[Candidate]) -> list[Candidate]:
        """A whole Arabic name the name dictionary knows as such: its spellings beat composed ones.

        A whole name is a person's own label (Gamal Abdel Nasser), so even one attestation
        scores 0.88 and up (by its share), above the unit-by-unit product. Equal shares
        (two labels seen once each) are ordered by the composed candidates' view of them.
        """
        if self.names is None or " " not in name:
            return []
        if to == "arabic":
            return self._whole_attested_arabic(name, composed)
        if not _ARABIC_LETTER.search(name):
            return []
        known = self.names.whole(name, region)
        if not known:
            return []
        from rapidfuzz.distance import Levenshtein

        from .name_dictionary import tidy_label

        best = fold(composed[0].text) if composed else ""
        out = []
        for a in known:
            text = tidy_label(a.text)
            if best and not _close_length(fold(text), best):
                continue  # a label with more (or fewer) names than the Arabic: Mousa *Mohammed* Abu Marzook
            closeness = Levenshtein.normalized_similarity(fold(text), best) if best else 0.0
            out.append(Candidate(text, 0.88 + 0.1 * a.share + 0.01 * closeness, "model"))
        return sorted(out, key=lambda c: -c.score)

    def _whole_attested_arabic(self, name: str, composed: list[Candidate]) -> list[Candidate]:
        """Latin → Arabic: the Arabic of someone the dictionary knows by this whole name
        (Zine El Abidine Ben Ali: زين العابدين بن علي) comes first.

        The index keeps that Arabic folded (أ→ا, ة→ه, ى→ي); each word is written back as one
        of our own candidates writes it when they fold alike. A label that is not a spelling of
        the same words (Droukdel's alias ابو مصعب عبد الودود; عزه الدوري for a three-part name)
        is left out: its length or its letters must stay close to our best guess.
        """
        from rapidfuzz.distance import Levenshtein

        names = self.names
        known = names.arabic_full_keys(name)
        if not known or not composed:
            return []
        ours = {names.key(w): w for c in reversed(composed) for w in c.text.split()}
        best = names.full_key(composed[0].text).replace(" ", "")
        out = []
        for key, share in known.items():
            flat = key.replace(" ", "")
            if not _close_length(flat, best) or Levenshtein.normalized_similarity(flat, best) < 0.5:
                continue
            text = " ".join(ours.get(w, "آل" if w == "ال" else w) for w in key.split())  # a lone ال is آل (Al Saud)
            out.append(Candidate(text, 0.88 + 0.1 * share, "model"))
        return out

    def _well_attested(self, to: Target, stem: str, article: bool = False) -> bool:
        """A word seen often in training needs no guess from the model."""
        return any(a.count >= WELL_ATTESTED for a in self._attested(to, stem, article))

    def _attested(self, to: Target, stem: str, article: bool = False) -> list[Attested]:
        """Attested spellings of a stem; for a word with the article, of the whole word too.

        Name tokens are aligned with the article on the Arabic side only (عبد الرحمن ~
        Abdul Rahman: الرحمن → rahman 35 times, bare رحمن → rehman twice), so the counts
        of both forms are pooled. A spelling that writes the article, as such (Albano) or
        assimilated (Ennasra), is dropped: the unit writes its own article.
        """
        found = self.memory.get(to, stem)
        if not (article and to == "latin"):
            return found
        pooled = [a for a in (*found, *self.memory.get(to, "ال" + stem)) if not _writes_article(a.text, stem)]
        if len(pooled) == len(found) and all(a in found for a in pooled):
            return found
        counts: dict[str, int] = {}
        for a in pooled:
            counts[a.text] = counts.get(a.text, 0) + a.count
        return ranked(counts)

    def _lexicon_hits(self, name: str, to: Target, top: int) -> list[Candidate]:
        """Whole-name hits: the entity's preferred name in the target script, then its variants.

        A real ``Lexicon`` is read once into an exact-match table (folded names, both
        scripts), so a batch costs a dictionary lookup per name instead of a fuzzy search;
        fuzzy and partial matches are the ``lookup`` command's job, not transliteration's.
        """
        lex = self.lexicon
        if lex is None:
            return []
        want_arabic = to == "arabic"
        if bool(_ARABIC_LETTER.search(name)) == want_arabic:
            return []  # already in the target script
        if hasattr(lex, "entries"):
            table = self._lexicon_table(lex)
            key = _lex_key(name)
            hits = table.get(("ar" if want_arabic else "en", key), [])
            # "Guterres" is a variant of António Guterres: the Arabic name of about its length comes first
            expected = len(name) * (0.75 if want_arabic else 1.3)  # typical length ratio across scripts
            hits = sorted(hits, key=lambda ts: (ts[1] < 1.0, round(abs(len(ts[0]) - expected) / max(1.0, expected), 1), -ts[1]))
            hits = [ts for ts in hits if _same_units(name, ts[0])]
            out_hits: list[Candidate] = []
            ceiling = 1.0
            for text, score in hits[:top]:
                ceiling = min(ceiling, score)
                out_hits.append(Candidate(text, ceiling, "lexicon"))
            return out_hits
        try:
            matches = lex.lookup(name, top=top)
        except Exception:  # noqa: BLE001 - a broken lexicon must not break transliteration
            return []
        out = []
        for m in matches:
            if m.score < LEXICON_MIN_SCORE or m.why not in ("exact", "variant", "key"):
                continue
            if m.why == "key" and " " not in name.strip():
                continue  # one folded word (Shatri ~ Shatra) is too little evidence
            text = m.ar if want_arabic else m.en
            if text and _same_units(name, text):
                out.append(Candidate(text, float(m.score), "lexicon"))
        return out

    def _lexicon_table(self, lex: Any) -> dict[tuple[str, str], list[tuple[str, float]]]:
        table = getattr(self, "_lex_table", None)
        if table is not None:
            return table
        table = {}
        try:
            for e in lex.entries():
                en_names = [n for n in (e.en, *e.en_variants) if n]
                ar_names = [n for n in (e.ar, *e.ar_variants) if n]
                if not en_names or not ar_names:
                    continue
                targets_en = [(n, 1.0 if i == 0 else 0.97) for i, n in enumerate(en_names)]
                targets_ar = [(n, 1.0 if i == 0 else 0.97) for i, n in enumerate(ar_names)]
                for i, n in enumerate(ar_names):
                    table.setdefault(("en", _lex_key(n)), []).extend(
                        (t, s if i == 0 else min(s, 0.98)) for t, s in targets_en)
                for i, n in enumerate(en_names):
                    table.setdefault(("ar", _lex_key(n)), []).extend(
                        (t, s if i == 0 else min(s, 0.98)) for t, s in targets_ar)
        except Exception:  # noqa: BLE001 - a broken lexicon must not break transliteration
            table = {}
        for key, hits in table.items():
            best: dict[str, float] = {}
            for t, sc in hits:
                best[t] = max(best.get(t, 0.0), sc)
            table[key] = sorted(best.items(), key=lambda ts: -ts[1])
        self._lex_table = table
        return table

    def _plan(self, name: str, to: Target) -> _Plan:
        source_kind = "ar" if to == "latin" else "lat"
        slots: list[_Slot] = []
        for is_source, run in _runs(_pieces(name), source_kind):
            sep_first = " " if run[0].space_before else ""
            if not is_source:
                for p in run:
                    text = p.text.translate(_DIGITS_TO_LATIN) if to == "latin" else p.text
                    slots.append(_Slot(" " if p.space_before else "", None, None, text, False))
                continue
            chunk = " ".join(p.text for p in run)
            units = ar2lat.split_units(chunk) if to == "latin" else lat2ar.split_units(chunk)
            for k, unit in enumerate(units):
                construct = False
                if to == "latin" and k + 1 < len(units):
                    nxt = units[k + 1]
                    construct = nxt.article or nxt.prefix is None and nxt.allah
                stem = (clean_arabic(ar2lat.strip_marks(unit.stem)) if to == "latin" else clean_latin(unit.stem).replace("-", ""))
                previous = units[k - 1] if k else None
                after = previous.raw if to == "latin" and previous is not None and previous.prefix and not previous.stem \
                    and not previous.allah else None
                slots.append(_Slot(sep_first if k == 0 else " ", unit, stem, None, construct, after))
        if slots:
            first = slots[0]
            slots[0] = _Slot("", first.unit, first.stem, first.literal, first.construct, first.after)
        return _Plan(slots)

    def _stem_options(
        self, stem: str, unit: Any, to: Target, region: str | None, use_model: bool, rules_wanted: bool = True
    ) -> list[tuple[str, float, str]]:
        """Stem spellings: memory (attested), model, rules; each tagged with its source.

        ``rules_wanted`` False: the name dictionary knows the unit well, so Arabic → Latin
        rules (the last resort, ranked under everything) are not worth computing.
        """
        found: list[tuple[str, float, str]] = []
        if not stem:
            return [("", 1.0, "rules")]
        vocalized = to == "latin" and any(ch in ar2lat.HARAKAT for ch in unit.stem)
        attested = [] if vocalized else self._attested(to, stem, getattr(unit, "article", False))  # written vowels are read
        floor = 1.0
        for a in attested:
            found.append((a.text, a.score, "model"))
            floor = min(floor, a.score)
        if use_model and not vocalized:
            for text, prob in self.cache.get((to, stem), []):
                found.append((text, min(prob, floor * 0.99) if attested else prob, "model"))
        rules: list[tuple[str, float]] = []
        if to == "arabic" or (len(found) < 5 and rules_wanted) or vocalized:  # Arabic->Latin rules only fill a short list
            rules = ar2lat.rule_stems(unit.stem, region, top=3) if to == "latin" else lat2ar.rule_stems(stem, top=3)
        for text, score in rules:
            found.append((text, 0.99 if vocalized else score, "rules"))
        if to == "latin" and region and found:
            top_score = max(s for _, s, _ in found)
            text, _, src = max(found, key=lambda t: t[1])
            extra = [(v, min(1.0, top_score * 1.02), src) for v in ar2lat.regional_variants(stem, text, region)]
            found = extra + found
        best: dict[str, tuple[str, float, str]] = {}
        for text, score, src in found:
            if text and (text not in best or score > best[text][1]):
                best[text] = (text, score, src)
        return sorted(best.values(), key=lambda t: -t[1])

    def _with_dictionary(
        self, options: dict[str, Option], slot: _Slot, region: str | None, known: list[Attested]
    ) -> dict[str, Option]:
        """A unit's options with the name dictionary's spellings of it.

        A unit the dictionary knows well (seen ``DICTIONARY_TRUSTED`` times or more) is an
        Arab name whose press spellings it has counted: they lead (0.8 + 0.2 · share) and
        our own guesses follow (× 0.85). A rarer unit's spellings compete like any attested
        one. A region's own spelling of a well-known name (Mohammed in the Gulf) stays first.
        """
        if not known:
            return options
        trusted = sum(a.count for a in known) >= DICTIONARY_TRUSTED
        if trusted:
            options = {t: Option(t, o.score * 0.85, o.source) for t, o in options.items()}
        for a in known:
            score = 0.8 + 0.2 * a.share if trusted else a.score
            if a.text not in options or score > options[a.text].score:
                options[a.text] = Option(a.text, score, "model")
        if region:
            lead = max(o.score for o in options.values())
            for text in map(_cap_first, ar2lat.regional_names(slot.stem or "", region)):
                if text in options:
                    options[text] = Option(text, min(1.0, lead * 1.01), options[text].source)
        return options

    def _with_reverse_dictionary(self, options: dict[str, Option], slot: _Slot) -> dict[str, Option]:
        """Latin → Arabic: our Arabic spellings of a unit that the name dictionary has seen
        written so (Maliki → المالكي rather than الماليكي) rise to 0.8 + 0.2 · share."""
        names = self.names
        if names is None or slot.unit is None or not slot.stem:
            return options
        seen = names.arabic_keys(slot.unit.raw)
        if not seen:
            return options
        out = dict(options)
        for text, option in options.items():
            share = seen.get(names.key(text))
            if share is not None and 0.8 + 0.2 * share > option.score:
                out[text] = Option(text, 0.8 + 0.2 * share, "model")  # attested now, whoever proposed it
        return out

    def _compose(self, plan: _Plan, to: Target, top: int, region: str | None, use_model: bool) -> list[Candidate]:
        slots: list[list[Option]] = []
        seps: list[str] = []
        for slot in plan.slots:
            seps.append(slot.sep)
            if slot.unit is None:
                slots.append([Option(slot.literal or "", 1.0, None)])
                continue
            options: dict[str, Option] = {}
            # a given name before al- (فاطمة الزهراء: Fatima al-Zahra) is no construct; a
            # word never seen in a name (مدينة الصدر: Madinat al-Sadr) most likely is
            construct = slot.construct and not (to == "latin" and self.memory.get(to, slot.stem or ""))
            known = self._unit_attested(slot, region) if to == "latin" and not construct else []
            trusted = sum(a.count for a in known) >= DICTIONARY_TRUSTED
            for text, score, src in self._stem_options(slot.stem or "", slot.unit, to, region, use_model, not trusted):
                if to == "latin":
                    rendered = ar2lat.render_unit(slot.unit, [(text, score)], region, construct)
                    if slot.construct and not construct:
                        rendered += [(t, s * 0.8) for t, s in ar2lat.render_unit(slot.unit, [(text, score)], region, True)]
                else:
                    rendered = lat2ar.render_unit(slot.unit, [(text, score)])
                for r_text, r_score in rendered:
                    if r_text not in options or r_score > options[r_text].score:
                        options[r_text] = Option(r_text, r_score, src)  # type: ignore[arg-type]
            if to == "latin" and not construct:
                options = self._with_dictionary(options, slot, region, known)
            elif to == "arabic":
                options = self._with_reverse_dictionary(options, slot)
            ranked = sorted(options.values(), key=lambda o: -o.score)[: max(top, 5)]
            if not ranked:  # nothing the target script writes (a lone ع): kept as it is, not lost with the name
                ranked = [Option(slot.unit.raw, UNWRITTEN_SCORE, "rules")]
            if not slot.stem:  # a fixed form (bin, Abu, Abdullah): a convention, not a guess of any source
                ranked = [Option(o.text, o.score, None) for o in ranked]
            slots.append(ranked)
        units = sum(1 for slot in plan.slots if slot.unit is not None)
        return combine(slots, seps, top * 2, units)


class _ShippedNames:
    """The shipped lexicons read straight from their TSV files (0.05 s).

    Transliteration needs their names for an exact-match table, not the compiled search
    index, whose first build on a fresh installation takes seconds: a first cold
    ``toolkit translit`` stays under a second.
    """

    def entries(self) -> Iterator[Any]:
        from ..lexdata.shipped import shipped_entries

        yield from shipped_entries()


@dataclass(frozen=True)
class _Slot:
    sep: str
    unit: Any
    stem: str | None
    literal: str | None
    construct: bool
    after: str | None = None  # the particle standing before this unit (بن of بن عبد العزيز), if any


@dataclass(frozen=True)
class _Plan:
    slots: list[_Slot]


_DEFAULT: Transliterator | None = None
_DEFAULT_LOCK = threading.Lock()


def default_transliterator() -> Transliterator:
    """The process-wide transliterator over the shipped model and lexicons."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Transliterator()
    return _DEFAULT


def transliterate(
    name: str, to: Target, top: int = 5, scheme: str | None = None, region: str | None = None
) -> list[Candidate]:
    """n-best spellings of ``name`` in the ``to`` script, best first, each with score and source.

    >>> transliterate("عبد العزيز", to="latin")[0].text   # doctest: +SKIP
    'Abdulaziz'
    """
    return default_transliterator().transliterate_many([name], to, top, scheme, region)[0]


def transliterate_many(
    names: Sequence[str], to: Target, top: int = 5, scheme: str | None = None, region: str | None = None
) -> list[list[Candidate]]:
    """Batch form of :func:`transliterate`: the model decodes every stem of every name together."""
    return default_transliterator().transliterate_many(names, to, top, scheme, region)
