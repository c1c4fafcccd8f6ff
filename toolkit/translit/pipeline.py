"""Transliterate names: cut into pieces, ask lexicon / memory / model / rules, rank.

The flow for each name, one module per step:

1. Guard rails (``inputs.py``): empty → no candidates; over ``max_name_chars`` →
   :class:`TranslitError` with the reason; digits and words already in the target script
   pass through unchanged.
2. The whole name is looked up in the lexicon (``exact.py``, when it is installed):
   confirmed names (exact, variant or key matches) come first and win.
3. The rest is cut into units (``plan.py``: article and compounds kept together); each
   unit's stem gets spellings from the attested memory and the name dictionary
   (``attested.py``), the model (batched over every distinct stem of every name, beam
   search; Arabic → Latin n-best reranked by the Latin spelling model, ``rerank.py``), and
   the rules, fused into ranked unit options (``fuse.py``).
4. Units are recombined into whole-name candidates, whole names the dictionary knows
   are added (``whole.py``), and everything is merged into one ranked list (``rank.py``).

Resources load on first need (``loading.py``); every tuned number is a field of
:class:`~toolkit.translit.params.TranslitParams`. The model runs in numpy (``infer.py``),
so no answer imports torch or transformers.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from ..normalize.script import has_arabic
from . import rules_ar2lat as ar2lat
from .attested import AttestedSpellings, UnitCache
from .exact import Table, lookup_hits, read_table, spells_same, table_hits, translations_among
from .fuse import NBest, UnitComposer
from .gloss import gloss
from .inputs import TranslitError, check_request, clean_names
from .loading import TranslitResources
from .memory import Memory
from .params import DEFAULT_PARAMS, TranslitParams
from .plan import Plan, make_plan
from . import reverse_words as rw
from .rank import TIER, Candidate, merge, with_standard
from .rerank import plain, rerank
from .schemes import apply_scheme
from .shadda import keep_doubling
from .pivot import is_latin_only, respelled
from .restyle import restyle_whole
from .styles import STYLES
from .word_classes import is_organization
from .whole import whole_attested

__all__ = [
    "MAX_NAME_CHARS", "REGIONS", "Target", "TranslitError", "TranslitParams", "Transliterator",
    "default_transliterator", "transliterate", "transliterate_many",
]

Target = Literal["latin", "arabic"]
MAX_NAME_CHARS = DEFAULT_PARAMS.max_name_chars
REGIONS = ar2lat.REGIONS


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
        params: TranslitParams | None = None,
    ) -> None:
        """``lexicon``: any object with ``lookup(query, top)`` (default: the shipped lexicons).

        ``memory``: the attested spellings (default: ``attested.tsv`` of ``model_dir``).
        ``name_dictionary``: also read attested spellings of Arab name units from
        arabic-name-romanizer's index (``name_dictionary.py``); False turns it off, and an
        object with the ``unit`` / ``whole`` methods of ``NameDictionary`` replaces it.

        ``lm_weight``: weight of the Latin spelling model when reranking the model's
        Arabic → Latin n-best (default ``params.lm_weight``; 0 turns reranking off).
        ``params``: the tuned constants (default :class:`TranslitParams`).
        """
        if model_dir is None:
            from ..resources import models_dir

            model_dir = models_dir() / "translit"
        params = params or DEFAULT_PARAMS
        if lm_weight is not None:
            params = dataclasses.replace(params, lm_weight=lm_weight)
        self.params = params
        self.lm_weight = params.lm_weight
        self.beams = beams
        self.batch_size = batch_size
        self.resources = TranslitResources(model_dir, use_model, use_lexicon, lexicon, memory, name_dictionary)
        self.cache: NBest = {}
        self._unit_cache: UnitCache = {}
        self._exact: Table | None = None
        self.evidence = AttestedSpellings(self.resources, params, self._unit_cache)
        self.composer = UnitComposer(self.evidence, self.cache, params, self._unit_lexicon_hits)

    # ------------------------------------------------------------ resources (see loading.py)
    @property
    def model_dir(self) -> Path:
        return self.resources.model_dir

    @property
    def memory(self) -> Memory:
        return self.resources.memory

    @property
    def model(self) -> Any:
        """The seq2seq model, or None when it is disabled or cannot be loaded (then rules only)."""
        return self.resources.model

    @property
    def latin_lm(self) -> Any:
        return self.resources.latin_lm

    @property
    def model_error(self) -> str | None:
        return self.resources.model_error

    @property
    def names(self) -> Any:
        return self.resources.names

    @property
    def lexicon(self) -> Any:
        return self.resources.lexicon

    # ------------------------------------------------------------ public
    def transliterate_many(
        self,
        names: Sequence[str],
        to: Target,
        top: int = 5,
        scheme: str | None = None,
        region: str | None = None,
        style: str = "press",
    ) -> list[list[Candidate]]:
        """n-best lists for many names; every model call is batched across all of them.

        ``style`` (Arabic → Latin): ``press`` (Mohammed, Abdulrahman, al-Sudani), ``official``
        (as UN, OFAC and EU lists write names: Muhammad, Abd al-Rahman, Hasan) or
        ``scholarly`` (ALA-LC: Muḥammad, ʿAbd al-Raḥmān); see ``styles.py``."""
        check_request(to, top, region)
        if style not in STYLES:
            raise TranslitError(f"unknown style {style!r}: choose one of {', '.join(STYLES)}")
        if not isinstance(names, (str, list, tuple)):
            names = list(names)  # read twice below (an iterator would be empty the second time)
        results = self._transliterate(names, to, top, scheme, region, style)
        if to == "latin" and scheme is None:
            self._respell_latin(names, results, top, region, style)
        other = OTHER_STYLE.get(style) if to == "latin" and scheme is None and top >= 2 else None
        if other is not None and self.params.other_style_slot:
            # (one word: measured worse; a Latin name's list is its respellings already)
            whole = [k for k, name in enumerate(names) if len(name.split()) > 1 and not is_latin_only(name)]
            standard = self._transliterate([names[k] for k in whole], to, top, scheme, region, other)
            for k, s in zip(whole, standard, strict=True):
                results[k] = with_standard(results[k], s[0] if s else None, top)
        return results

    def _respell_latin(self, names: Sequence[str], results: list[list[Candidate]], top: int, region: str | None,
                       style: str) -> None:
        """Latin names asked in Latin letters: respelled through their best Arabic spellings
        (:mod:`.pivot`; ``TranslitParams.pivot_width`` of them), in place."""
        which = [k for k, name in enumerate(names) if is_latin_only(name)]
        if not which:
            return
        arabic = self._transliterate([names[k] for k in which], "arabic", self.params.pivot_width, None, region, "press")
        flat = [c.text for cands in arabic for c in cands]
        back = iter(self._transliterate(flat, "latin", top, None, region, style))
        for k, cands in zip(which, arabic, strict=True):
            results[k] = respelled(names[k], cands, [next(back) for _ in cands], top)

    def _transliterate(
        self, names: Sequence[str], to: Target, top: int, scheme: str | None, region: str | None, style: str
    ) -> list[list[Candidate]]:
        """:meth:`transliterate_many` in one style (``other_style_slot`` aside)."""
        cleaned = clean_names(names, self.params.max_name_chars)
        if scheme is not None:
            try:
                return [[Candidate(apply_scheme(n, scheme, to).text, 1.0, "scheme")] if n else [] for n in cleaned]
            except ValueError as exc:
                raise TranslitError(str(exc)) from None
        if len(self.cache) + len(self._unit_cache) > self.params.cache_limit:  # a long stream: memory stays bounded
            self.cache.clear()
            self._unit_cache.clear()
        confirmed = [self._lexicon_hits(name, to, top) if name else [] for name in cleaned]
        plans = [make_plan(name, to, style) if name else None for name in cleaned]
        need = self._stems_to_guess(plans, to, region)
        if to == "arabic":
            self._prepare_reverse(plans, cleaned)
        self._decode(need, to)
        results = []
        for name, plan, conf in zip(cleaned, plans, confirmed):
            if plan is None:
                results.append([])
                continue
            org = to == "latin" and is_organization(name)
            guesses = self.composer.compose(plan, to, top, region, use_model=True, style=style, org=org)
            attested = whole_attested(self.names, name, to, region, guesses, self.params)
            if to == "latin" and style != "press":
                conf, attested = restyled(plan, conf, style, name, self.params), restyled(plan, attested, style, name, self.params)
            glossed = gloss(name) if to == "latin" and self.params.gloss and has_arabic(name) else []
            merged = merge([conf, attested, guesses, glossed], top)
            results.append(self._names_first(name, merged) if to == "arabic" else merged)
        return results

    def _names_first(self, name: str, cands: list[Candidate]) -> list[Candidate]:
        """Latin → Arabic, a person's name of several words: a spelling whose words the name
        dictionary holds as Arabic name words (ونوس, الريسوني) rises above one it does not
        (وانوس, الرايسوني: long vowels the model writes for Latin vowels). Each model or rules
        score is weighed by ``attested_name_weight`` + the rest × the share of its words
        attested; the lexicon's names keep their place."""
        weight = self.params.attested_name_weight
        words = name.split()
        if self.names is None or weight >= 1.0 or len(words) < 2 or rw.org_context(words):
            return cands

        def share(text: str) -> float:
            parts = text.split()
            return sum(bool(self.names.unit(p)) for p in parts) / max(1, len(parts))  # type: ignore[union-attr]

        rescored = [c if c.source in ("lexicon", "scheme") else
                    Candidate(c.text, round(c.score * (weight + (1 - weight) * share(c.text)), 4), c.source)
                    for c in cands]
        return sorted(rescored, key=lambda c: (TIER[c.source], -c.score))

    # ------------------------------------------------------------ steps
    def _stems_to_guess(self, plans: list[Plan | None], to: Target, region: str | None) -> set[str]:
        """The stems the model must be asked about: not cached, not well attested, and
        (Arabic → Latin) not a unit the name dictionary knows well."""
        need: set[str] = set()
        for plan in plans:
            if plan is None:
                continue
            for slot in plan.slots:
                article = bool(slot.unit is not None and slot.unit.article)
                if not slot.stem or (to, slot.stem) in self.cache or self.evidence.well_attested(to, slot.stem, article):
                    continue
                if to == "latin" and any(a.count >= self.params.well_attested for a in self.evidence.unit(slot, region)):
                    continue
                need.add(slot.stem)
        return need

    def _prepare_reverse(self, plans: list[Plan | None], names: list[str]) -> None:
        """Latin → Arabic: the name dictionary is told the batch's units and whole names
        first, so that a long batch compiles its reverse index once (``prepare_reverse``)."""
        if self.names is not None and hasattr(self.names, "prepare_reverse"):
            self.names.prepare_reverse(
                [slot.unit.raw for plan in plans if plan for slot in plan.slots if slot.unit is not None and slot.stem],
                [name for name in names if " " in name],
            )

    def _decode(self, need: set[str], to: Target) -> None:
        """The model's n-best of every needed stem, in one batch, into ``self.cache``."""
        if need and self.model is not None:
            words = sorted(need)
            hyps = self.model.generate(words, to, beams=self.beams, batch_size=self.batch_size)
            for w, h in zip(words, self._rerank(hyps, to)):
                self.cache[(to, w)] = h

    def _rerank(self, hyps: list[list[Any]], to: Target) -> list[list[tuple[str, float]]]:
        """The model's n-best of each word as (text, score), reranked by the Latin spelling
        model (``rerank.py``) when it is shipped, the weight is above 0 and the target is Latin."""
        weight = self.params.lm_weight
        lm = self.latin_lm if to == "latin" and weight > 0 else None
        if lm is None:
            return plain(hyps)
        return rerank(hyps, lm, weight)

    def _unit_lexicon_hits(self, unit_text: str) -> list[Candidate]:
        """Arabic → Latin: a unit that is itself a lexicon name (العراق, ليبيا) and its names
        that spell it (al-Iraq, Libya; never Palestine for فلسطين, a translation)."""
        lex = self.lexicon
        if lex is None or not hasattr(lex, "entries"):
            return []
        if self._exact is None:
            self._exact = read_table(lex, self.params)
        return table_hits(self._exact, unit_text, "latin", 3, self.params)

    def _lexicon_hits(self, name: str, to: Target, top: int) -> list[Candidate]:
        """Whole-name hits: the entity's preferred name in the target script, then its variants
        (``exact.py``: an exact-name table of a lexicon's entries, or its ``lookup``)."""
        lex = self.lexicon
        if lex is None:
            return []
        if has_arabic(name) == (to == "arabic"):
            return []  # already in the target script
        others: list[str] = []
        if hasattr(lex, "entries"):
            if self._exact is None:
                self._exact = read_table(lex, self.params)
            hits = table_hits(self._exact, name, to, top, self.params, others)
        else:
            hits = lookup_hits(lex, name, to, top, self.params, others)
        return hits + translations_among(name, others, to, self.params)


#: The style whose first spelling an n-best of a whole name holds (``other_style_slot``): the
#: press also writes the standard romanization, and the official lists carry the press's
#: spelling among their aliases (a.k.a. Fouad Siniora beside Fu'ad al-Sinyura).
OTHER_STYLE: dict[str, str] = {"press": "official", "official": "press"}


def restyled(plan: Plan, candidates: list[Candidate], style: str, name: str, params: TranslitParams) -> list[Candidate]:
    """Whole-name candidates (lexicon names, dictionary labels: written as the press writes
    them) respelled in ``style``; one that cannot be read unit by unit is left out, and
    respellings that differ only in a doubled letter become one (:func:`keep_doubling`: the
    lexicon's Mohamed Morsi and Mohammed Morsi are Muhammad Mursi; not across the units of
    the model's guesses, whose whole-name scores are means that hide a unit's gap). A
    lexicon name's respelling is still a ``lexicon`` candidate only while it passes the same
    spelling gate as the lexicon name did (:func:`spells_same`); otherwise the style's rules
    made it, and it says so (source ``rules``)."""
    out = []
    for c in candidates:
        text = restyle_whole(plan, c.text, style)
        if text:
            source = c.source
            if source == "lexicon" and not spells_same(name, text, params):
                source = "rules"
            out.append(Candidate(text, c.score, source))
    merged = [Candidate(pick.text, score, pick.source) for pick, score in keep_doubling(out, params.doubling_share)]
    return sorted(merged, key=lambda c: -c.score)


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
    name: str, to: Target, top: int = 5, scheme: str | None = None, region: str | None = None, style: str = "press"
) -> list[Candidate]:
    """n-best spellings of ``name`` in the ``to`` script, best first, each with score and source.

    >>> transliterate("عبد العزيز", to="latin")[0].text   # doctest: +SKIP
    'Abdulaziz'
    """
    return default_transliterator().transliterate_many([name], to, top, scheme, region, style)[0]


def transliterate_many(
    names: Sequence[str], to: Target, top: int = 5, scheme: str | None = None, region: str | None = None,
    style: str = "press",
) -> list[list[Candidate]]:
    """Batch form of :func:`transliterate`: the model decodes every stem of every name together."""
    return default_transliterator().transliterate_many(names, to, top, scheme, region, style)
