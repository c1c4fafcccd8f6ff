"""Score fusion unit by unit: attested spellings, the model's n-best, rules, the name dictionary.

Each unit's stem gets spellings from the attested table (they outrank guesses), the
model's n-best (kept under the lowest attested score) and, to fill a short list, the
rules; the press conventions are put around them (``render_unit``); the name dictionary
then leads a unit it knows well and confirms Arabic spellings it has seen. The units'
ranked options are combined into whole-name candidates (``rank.combine``). Every number
used here is a field of :class:`~toolkit.translit.params.TranslitParams`.
"""

from __future__ import annotations

import re

from collections.abc import Callable
from typing import Any

from . import rules_ar2lat as ar2lat
from . import rules_lat2ar as lat2ar
from .attested import AttestedSpellings
from .memory import Attested
from .params import TranslitParams
from .plan import Plan, Slot
from .rank import Candidate, Option, Source, combine
from .regions import regional_names, regional_variants
from .shadda import keep_doubling, shadda_site, undoubled
from .restyle import press_construct, restyle_unit, standard_unit
from .affixes import nisba_feminine, with_proclitic

#: (direction, stem) -> the model's reranked n-best of the stem, (spelling, score)
NBest = dict[tuple[str, str], list[tuple[str, float]]]


def _cap_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _stem_key(text: str) -> str:
    """A unit's last word as the word table keys it (match level, the article and what
    stands before it taken off by the table's own tokenizer): والمعارضة → معارضه."""
    from ..normalize.arabic import normalize_arabic
    from ..word_translation.tokens import split_article

    words = text.split()
    return split_article(normalize_arabic(words[-1], "match"))[-1] if words else ""


_LONE_E = re.compile(r"(?<=[b-df-hj-np-tv-z])e(?=[b-df-hj-np-tv-z])")


class UnitComposer:
    """Builds each unit's ranked options and combines them into whole-name candidates."""

    def __init__(self, evidence: AttestedSpellings, nbest: NBest, params: TranslitParams,
                 unit_lexicon: Callable[[str], list[Candidate]] | None = None) -> None:
        """``unit_lexicon``: a unit's own lexicon spellings (a place inside an organization's
        name: العراق → al-Iraq), Arabic → Latin; None turns them off."""
        self.evidence = evidence
        self.nbest = nbest
        self.params = params
        self.unit_lexicon = unit_lexicon

    def stem_options(
        self, stem: str, unit: Any, to: str, region: str | None, use_model: bool, rules_wanted: bool = True
    ) -> list[tuple[str, float, Source]]:
        """Stem spellings: memory (attested), model, rules; each tagged with its source.

        ``rules_wanted`` False: the name dictionary knows the unit well, so Arabic → Latin
        rules (the last resort, ranked under everything) are not worth computing.
        """
        p = self.params
        found: list[tuple[str, float, Source]] = []
        if not stem:
            return [("", 1.0, "rules")]
        raw_stem: str = unit.stem
        vocalized = to == "latin" and any(ch in ar2lat.HARAKAT for ch in raw_stem)
        attested = [] if vocalized else self.evidence.stem(to, stem, unit.article)  # written vowels are read
        floor = 1.0
        for a in attested:
            found.append((a.text, a.score, "model"))
            floor = min(floor, a.score)
        if use_model and not vocalized:
            for text, prob in self.nbest.get((to, stem), []):
                found.append((text, min(prob, floor * p.attested_ceiling) if attested else prob, "model"))
        rules: list[tuple[str, float]] = []
        if to == "arabic" or (len(found) < p.rules_fill and rules_wanted) or vocalized:  # Latin rules only fill a short list
            rules = ar2lat.rule_stems(raw_stem, region, top=p.rules_top) if to == "latin" else \
                lat2ar.rule_stems(stem, top=p.rules_top)
        for text, score in rules:
            found.append((text, p.vocalized_rules if vocalized else score, "rules"))
        if to == "latin" and region and found:
            top_score = max(s for _, s, _ in found)
            text, _, src = max(found, key=lambda t: t[1])
            extra = [(v, min(1.0, top_score * p.region_variant), src) for v in regional_variants(stem, text, region)]
            found = extra + found
        best: dict[str, tuple[str, float, Source]] = {}
        for text, score, src in found:
            if text and (text not in best or score > best[text][1]):
                best[text] = (text, score, src)
        return sorted(best.values(), key=lambda t: -t[1])

    def with_dictionary(
        self, options: dict[str, Option], slot: Slot, region: str | None, known: list[Attested]
    ) -> dict[str, Option]:
        """A unit's options with the name dictionary's spellings of it.

        A unit the dictionary knows well (seen ``dictionary_trusted`` times or more) is an
        Arab name whose press spellings it has counted: they lead (0.8 + 0.2 · share) and
        our own guesses follow (× 0.85). A rarer unit's spellings compete like any attested
        one. A region's own spelling of a well-known name (Mohammed in the Gulf) stays first.
        """
        if not known:
            return options
        p = self.params
        trusted = self.evidence.trusted(known)
        if trusted:
            options = {t: Option(t, o.score * p.guess_discount, o.source) for t, o in options.items()}
        for a in known:
            score = p.dictionary_base + p.dictionary_share * a.share if trusted else a.score
            if a.text not in options or score > options[a.text].score:
                options[a.text] = Option(a.text, score, "model")
        if region:
            lead = max(o.score for o in options.values())
            for text in map(_cap_first, regional_names(slot.stem or "", region)):
                if text in options:
                    options[text] = Option(text, min(1.0, lead * p.region_lead), options[text].source)
        return options

    def with_reverse_dictionary(self, options: dict[str, Option], slot: Slot, fuzzy: bool = True) -> dict[str, Option]:
        """Latin → Arabic: our Arabic spellings of a unit that the name dictionary has seen
        written so (Maliki → المالكي rather than الماليكي) rise to 0.8 + 0.2 · share."""
        names = self.evidence.resources.names
        if names is None or slot.unit is None or not slot.stem:
            return options
        p = self.params
        seen = names.arabic_keys(slot.unit.raw)
        base, weight = p.reverse_base, p.reverse_share
        ours = {names.key(t) for t in options} | {names.key("ال" + t) for t in options}
        if not ours & set(seen) and fuzzy and hasattr(names, "arabic_skeleton_keys"):
            # a spelling unseen (Hafter as Haftar is written), or seen only as other names: the skeleton's
            fuzzy_seen = names.arabic_skeleton_keys(slot.unit.raw)
            if fuzzy_seen:
                seen, base, weight = fuzzy_seen, p.skeleton_base, p.skeleton_share
        if not seen:
            return options
        out = dict(options)
        for text, option in options.items():
            share = seen.get(names.key(text))
            if share is not None and base + weight * share > option.score:
                out[text] = Option(text, base + weight * share, "model")  # attested now, whoever proposed it
            with_article = seen.get(names.key("ال" + text), 0.0)
            floor = p.article_share_first if slot.sep == "" else p.article_share
            if with_article >= floor and not slot.unit.article and not slot.unit.prefix and not text.startswith("ال"):
                # the press drops a family name's article (Youssef Chahed: يوسف الشاهد); the dictionary says so
                score = base + weight * with_article
                if score > out.get("ال" + text, Option("", 0.0, None)).score:
                    out["ال" + text] = Option("ال" + text, score, "model")
        return out

    def with_vocabulary(self, options: dict[str, Option], slot: Slot) -> dict[str, Option]:
        """Latin → Arabic, a unit of an organization's name: among our spellings, the best
        one that is a word of the language (the Arabic side of the word translation table:
        NTREX and Tatoeba) leads, if it scored at least ``vocabulary_lead`` of the best.
        Why: the model, trained on names, writes the vowels and letters of a word it does
        not know as a name's (al-Istiqlal → الإستكلال, al-Qahira → القهيرة); the language
        writes استقلال, قاهرة. Not for persons' names: on them (seen sets and ANETAC dev,
        2026-12-07) it traded Arab names fixed for foreign ones broken (Bijan → بيان)."""
        if not options or slot.unit is None or not slot.stem:
            return options
        from ..word_translation.table import arabic_words

        words = arabic_words()
        top = max(o.score for o in options.values())
        real = [o for o in options.values()
                if o.score >= self.params.vocabulary_lead * top and _stem_key(o.text) in words]
        if not real or max(o.score for o in real) >= top:
            return options
        best = max(real, key=lambda o: o.score)
        return {**options, best.text: Option(best.text, top * self.params.vocabulary_margin, best.source)}

    def unit_options(self, slot: Slot, to: str, top: int, region: str | None, use_model: bool,
                     alone: bool = False) -> list[Option]:
        """The ranked whole-unit spellings of one slot (at least one: an unwritable unit is kept)."""
        p = self.params
        options: dict[str, Option] = {}
        # a given name before al- (فاطمة الزهراء: Fatima al-Zahra) is no construct; a
        # word never seen in a name (مدينة الصدر: Madinat al-Sadr) most likely is
        construct = slot.construct and not (to == "latin" and self.evidence.resources.memory.get(to, slot.stem or ""))
        known = self.evidence.unit(slot, region) if to == "latin" and not construct else []
        trusted = self.evidence.trusted(known)
        for text, score, src in self.stem_options(slot.stem or "", slot.unit, to, region, use_model, not trusted):
            if to == "latin":
                rendered = ar2lat.render_unit(slot.unit, [(text, score)], region, construct)
                if slot.construct and not construct:
                    rendered += [(t, s * p.construct_alternative)
                                 for t, s in ar2lat.render_unit(slot.unit, [(text, score)], region, True)]
            else:
                rendered = lat2ar.render_unit(slot.unit, [(text, score)])
            for r_text, r_score in rendered:
                if r_text not in options or r_score > options[r_text].score:
                    options[r_text] = Option(r_text, r_score, src)
        if to == "latin" and not construct:
            options = self.with_dictionary(options, slot, region, known)
            if self.unit_lexicon is not None and slot.stem and not slot.unit.prefix and not slot.unit.allah:
                for c in self.unit_lexicon(slot.unit.raw):
                    text = c.text
                    if slot.unit.article and not ar2lat.ARTICLE_LATIN.match(text):
                        text = f"al-{text}"  # inside a name the article is written: fi al-Iraq
                    # attested evidence for one unit, not a confirmed whole name: tier "model"
                    options[text] = Option(text, max(c.score * p.unit_lexicon, options[text].score
                                                     if text in options else 0.0), "model")
        elif to == "arabic":
            # a one-word name gets no skeleton evidence: most are foreign (Bearcat is not بركات)
            attested = self.with_reverse_dictionary(options, slot, fuzzy=not alone)
            # only in an organization's name: a person's name is not a word of the language
            # (Abduh: عبده, not عبد; Bijan: بيجان, not بيان)
            options = self.with_vocabulary(attested, slot) if slot.unit.org else attested
        ranked = sorted(options.values(), key=lambda o: -o.score)[: max(top, p.unit_options)]
        if not ranked:  # nothing the target script writes (a lone ع): kept as it is, not lost with the name
            ranked = [Option(slot.unit.raw, p.unwritten_score, "rules")]
        if not slot.stem:  # a fixed form (bin, Abu, Abdullah): a convention, not a guess of any source
            ranked = [Option(o.text, o.score, None) for o in ranked]
        return ranked

    def compose(self, plan: Plan, to: str, top: int, region: str | None, use_model: bool,
                style: str = "press", org: bool = False) -> list[Candidate]:
        """The ``2 · top`` best whole-name candidates of a plan, unit by unit; Arabic → Latin
        in ``style`` (the word-class step's fixed words, nisba endings and proclitics)."""
        slots: list[list[Option]] = []
        seps: list[str] = []
        units = sum(1 for slot in plan.slots if slot.unit is not None)
        one_word = sum(len(slot.unit.raw.split()) for slot in plan.slots if slot.unit is not None) == 1
        for slot in plan.slots:
            seps.append(slot.sep)
            if slot.fixed is not None:
                options = [Option(text, self.params.table_word * self.params.fixed_alternative ** r, None)
                           for r, text in enumerate(slot.fixed)]
            elif slot.unit is None:
                options = [Option(slot.literal or "", 1.0, None)]
            else:
                options = self.unit_options(slot, to, top, region, use_model, alone=one_word)
                if to == "latin":
                    options = self.styled(slot, options, style, org)
            if to == "latin" and slot.proclitic:
                options = [Option(text, o.score * self.params.fixed_alternative ** r, o.source)
                           for o in options for r, text in enumerate(with_proclitic(slot.proclitic, o.text, style))]
            slots.append(options)
        return combine(slots, seps, top * 2, units)

    def styled(self, slot: Slot, options: list[Option], style: str, org: bool = False) -> list[Option]:
        """A name unit's options in ``style`` (``styles.py`` respells the press spelling from
        the Arabic letters), with a nisba adjective's feminine ending; spellings that drop
        the article and glue its l to the name (العبيدي → "Labidi") are left out."""
        out: dict[str, Option] = {}
        press_of: dict[str, str] = {}
        unit = slot.unit
        for o in options:
            text = o.text
            if unit.article and not unit.prefix and text[:1] in "Ll" and text[1:2] not in ("-", "") \
                    and not (slot.stem or "").startswith("ل"):
                continue  # the article's l glued to the name, as a Maghreb spelling: not what the Arabic writes
            if style != "press":
                respelled = restyle_unit(unit, text, style, press_construct(slot.construct, text))
                if respelled is None:
                    continue
                text = respelled
            if slot.nisba:
                text = nisba_feminine(text, style)
            if text not in out or o.score > out[text].score:
                out[text] = Option(text, o.score, o.source)
                press_of[text] = o.text
        if style != "press" and out:
            self._e_as_i(slot, style, out, press_of)
            out = self._keep_doubling(out)
            self._pattern_shadda(slot, style, out, press_of)
        if out and (style != "press" or org):  # the press: an organization's common words plainly (al-Qawmi)
            out = self._standard_reading(slot, style, out, press_of)
        return sorted(out.values(), key=lambda o: -o.score) or options

    def _standard_reading(self, slot: Slot, style: str, out: dict[str, Option], press_of: dict[str, str]) -> dict[str, Option]:
        """A unit whose vowels are known without the press (:mod:`.vocalize`: a table word, a
        masdar pattern) is written that way first, the press's readings after it."""
        best = max(out.values(), key=lambda o: o.score)
        text = standard_unit(slot.unit, style, press_construct(slot.construct, press_of.get(best.text, best.text)))
        if text is None:
            return out
        if slot.nisba:
            text = nisba_feminine(text, style)
        lower = self.params.standard_reading_others
        return {text: Option(text, best.score, best.source),
                **{t: Option(t, o.score * lower, o.source) for t, o in out.items() if t != text}}

    def _e_as_i(self, slot: Slot, style: str, out: dict[str, Option], press_of: dict[str, str]) -> None:
        """The press's e is a or i (Mahrez: Mahraz or Mahriz; the respelling reads it as a): each
        respelling with an e read as a gets its i reading below it (``e_as_i``)."""
        for text, o in list(out.items()):
            press = press_of.get(text, text)
            alt = _LONE_E.sub("i", press)
            if alt == press:
                continue
            other = restyle_unit(slot.unit, alt, style, press_construct(slot.construct, alt))
            if other and slot.nisba:
                other = nisba_feminine(other, style)
            if other and other not in out:
                out[other] = Option(other, o.score * self.params.e_as_i, o.source)
                press_of[other] = alt

    def _pattern_shadda(self, slot: Slot, style: str, out: dict[str, Option], press_of: dict[str, str]) -> None:
        """The best respelling with the shadda the stem's pattern suggests (Bashshar beside
        Bashar), below it by ``pattern_shadda``, when no option writes it already."""
        unit = slot.unit
        site = shadda_site(unit.stem) if unit.stem and not unit.allah else -1
        if site < 0:
            return
        best = max(out.values(), key=lambda o: o.score)
        text = restyle_unit(unit, press_of.get(best.text, best.text), style, slot.construct, geminate=site)
        if text is None:
            return
        if slot.nisba:
            text = nisba_feminine(text, style)
        if text not in out and undoubled(text) != text.lower():
            out[text] = Option(text, best.score * self.params.pattern_shadda, best.source)

    def _keep_doubling(self, out: dict[str, Option]) -> dict[str, Option]:
        """Respellings that differ only in doubled letters become one (:func:`keep_doubling`)."""
        return {pick.text: Option(pick.text, score, pick.source)
                for pick, score in keep_doubling(out.values(), self.params.doubling_share)}

