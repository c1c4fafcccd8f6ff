"""Component ``mentions``: the names each report writes, with offsets and sentences.

Three sources, in order of trust: the curated lexicon (exact hits after normalization and
clitic stripping: they carry an entity id), the trained taggers of :mod:`toolkit.ner`
(spans and types of names no lexicon knows), and the rule extractors' capitalization
patterns and Arabic cue words. The tagger proposes spans; the lexicon resolves them where
it knows the name; a pattern or cue span stands only where the tagger confirms it (its
boundaries are kept: the rules know titles, particles and clitics), unless
``MentionParams`` says patterns stand alone. A local token-classification model
(``ner_model``) may still add mentions where nothing else found one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..extract.arabic import extract_arabic
from ..extract.english import STRONG_TITLES, extract_english
from ..extract.gazetteer import Gazetteer
from ..extract.model import RawMention, non_overlapping
from ..normalize.arabic import normalize_arabic
from ..normalize.script import ARABIC_CLASS
from .document import Document, Sent

NerFn = Callable[[str], list[RawMention]]


@dataclass(frozen=True, slots=True)
class MentionParams:
    """How the tagger's spans and the rules' spans are merged, chosen on the development
    gold of ``benchmarks/entities.py`` (ntrex_entities + ntrex_entities_dev3; numbers in
    benchmarks/README.md, "Entities")."""

    #: Use the shipped CRF taggers (off: lexicon hits and rule spans only).
    tagger: bool = True
    #: Pattern spans (English capitalized runs) the tagger does not confirm: kept
    #: "never", "always", or only when they start mid-sentence ("mid"), where a capital
    #: says "name", and then as weak mentions a link must confirm. Dev, 2026-12-02: "mid"
    #: links at P 0.927 / R 0.810 against "never" 0.924 / 0.797, English-only precision
    #: the same (0.929); "always" let sentence-initial words ("However") back in.
    english_patterns_alone: str = "mid"
    #: Arabic cue-word spans the tagger does not confirm: "never" or "always". Dev:
    #: "always" took Arabic-only precision from 0.765 to 0.713 for recall 0.613 -> 0.650.
    arabic_cues_alone: str = "never"
    #: A tagger span below this probability is not a mention by itself (it can still
    #: confirm a rule span).
    tagger_min_score: float = 0.0
    #: A line is a headline (capitals say nothing) with this many words of four letters
    #: or more and this share of them capitalized (NTREX: every first line).
    headline_words: int = 4
    headline_share: float = 0.9
    #: A pattern span (no lexicon entry) holding a person the tagger is this sure of, with
    #: other words around it, gives way to the tagger's span (titles and "X for Y" are the
    #: patterns' usual overreach). Development gold (2026-12-07): gold found 332 (off),
    #: 0.8 332, 0.9 333, 0.97 332 of 374 (English-only lists 286, 285, 286, 286); held-out 4
    #: (seen) 106 -> 107 of 119; Arabic untouched.
    person_edges: float = 0.9
    #: A word longer than this is words run together (reuters.218861's Arabic lost its
    #: spaces); the longest name words in the lexicons have 12 letters.
    max_word_letters: int = 15
    #: Lexicon ids of countries: a one-word Arabic hit on them needs no confirmation
    #: (the same rule as :class:`toolkit.entities.link.LinkParams`).
    country_id: str = r"loc:[a-z]{2,3}"
    #: A one-word Arabic span of this many letters or fewer is a name only when the
    #: public name pairs attest it this often (علي, عمر are; وإم, ليك are not).
    short_letters: int = 3
    short_attested: int = 5


def merge_model(rule: list[RawMention], model: list[RawMention]) -> list[RawMention]:
    """Model mentions fill gaps; rule/lexicon mentions win where they overlap."""
    if not model:
        return rule
    out = list(rule)
    for m in model:
        if not any(m.overlaps(r) for r in out):
            out.append(m)
    return sorted(out, key=lambda m: m.start)


#: Endings of nationality and language adjectives ("British", "Indonesian", "Argentine",
#: "Olympic"): CoNLL tags them MISC, the entity list does not list them (they name no one).
_ADJECTIVE_END = re.compile(r"(?:an|ans|ian|ians|ish|ese|ine|ic|i|is|ch|ean|eans)$")
#: Arabic nisba adjectives and their plurals (البريطاني، الإندونيسية، الأميركيين).
_NISBA_END = re.compile(r"(?:ي|ية|يه|يين|يون|يات)$")
_PROCLITICS = "وفبكل"
#: Currency names (match level): the Arabic tagger tags them, they name no one.
CURRENCIES = frozenset("دولار دولارا دولارات يورو جنيه ريال دينار ليره درهم ين روبل يوان".split())


def _adjective(m: RawMention) -> bool:
    """A one-word MISC span that is a nationality adjective, not a name."""
    if m.type != "MISC" or " " in m.text.strip():
        return False
    word = m.text.strip()
    if m.lang == "en":
        return all(_ADJECTIVE_END.search(part.lower()) for part in word.split("-") if part)
    return bool(_NISBA_END.search(normalize_arabic(word, "search")))


_TITLE_HEAD = re.compile(r"^(\w+)\s+(?:for|at)\s+(?=\S+\s+\S)")


def _without_title(m: RawMention) -> RawMention:
    """An English span that starts with a title and "for" / "at" ("Spokesman for Air
    Navigation Indonesia"): the name is what follows, when two words or more do."""
    hit = _TITLE_HEAD.match(m.text)
    if m.lang != "en" or hit is None or hit.group(1).lower() not in STRONG_TITLES:
        return m
    cut = hit.end()
    return replace(m, start=m.start + cut, text=m.text[cut:], name=m.text[cut:])


def _without_clitic(m: RawMention, words: frozenset[str]) -> RawMention:
    """An Arabic span that starts with a proclitic (و ف ب ك ل) the tagger left on: the
    letter goes when the rest is a name word and the whole is not (روري is attested as a
    name, وروري never: :mod:`toolkit.translit.attested_words`), or when the rest is
    written as a word of its own elsewhere in the report."""
    from ..translit.attested_words import attested_count

    first = m.text.split()[0] if m.text.split() else ""
    if len(first) < 4 or first[0] not in _PROCLITICS:
        return m
    rest = normalize_arabic(first[1:], "search")
    if rest in words or (attested_count(first[1:]) > 0 and attested_count(first) == 0):
        return replace(m, start=m.start + 1, text=m.text[1:], name=m.text[1:])
    return m


_LATIN_LETTER = re.compile(r"[A-Za-z]")
#: What Arabic writes before an initial إ inside one word: proclitics and the article.
_BEFORE_HAMZA = frozenset(
    a + b for a in ("", "و", "ف") for b in ("", "ب", "ل", "ك", "ال", "بال", "لل", "كال")
) | frozenset({"س", "وس", "فس"})
_ARABIC_LETTER = re.compile(f"[{ARABIC_CLASS}]")


def _glued(word: str) -> bool:
    """Two words run together by a fault of the text: Latin and Arabic letters in one word
    (MoveOnيوم), or إ inside a word, where Arabic never writes it but after a proclitic
    (فريقإيبروكس; وإيران, بإشراف and الإمارات are fine)."""
    if _LATIN_LETTER.search(word) and _ARABIC_LETTER.search(word):
        return True
    k = word.find("إ", 1)
    return k > 1 and word[:k] not in _BEFORE_HAMZA


def _plausible(m: RawMention, params: MentionParams) -> bool:
    """Not a common word the tagger took for a name (العديد "many", الحدث "the event": a
    one-word span the word table translates as a common word, never attested as a name),
    nor words run together with no space (a fault of the text: no name is that long)."""
    from ..translit.attested_words import attested_count
    from .naming import is_descriptive

    words = m.text.split()
    if any(len(w) > params.max_word_letters or _glued(w) for w in words):
        return False
    if m.lang != "ar" or len(words) != 1:
        return True
    word = words[0]
    if normalize_arabic(word, "match").removeprefix("ال") in CURRENCIES:
        return False
    if len(word) <= params.short_letters and attested_count(word) < params.short_attested:
        return False
    return not (attested_count(word) == 0 and is_descriptive(word, "ar"))


def _weak_if_common(m: RawMention, country: re.Pattern[str]) -> RawMention:
    """A one-word Arabic lexicon hit the tagger did not propose (القائم "the one in
    charge" is also Al-Qaim; طويلة "long" is Tawila, a town in Sudan) needs the other
    report to confirm it: weak. Countries stand on their own."""
    if m.source != "lexicon" or " " in m.text.strip() or ("ner", "1") in m.extras or country.fullmatch(m.entity_id):
        return m
    return replace(m, extras=m.extras + (("weak", "1"),))


def _split_pairs(m: RawMention) -> list[RawMention]:
    """An Arabic PER span that runs over "X and Y" (جونسون وبروكس كوبيكا): two names,
    cut before the word that starts with the conjunction و."""
    if m.type != "PER":
        return [m]
    words = [(w.start(), w.group()) for w in re.finditer(r"\S+", m.text)]
    for k, (off, w) in enumerate(words[1:], 1):
        if w.startswith("و") and len(w) >= 4 and not w.startswith("وال"):
            head = m.text[: words[k - 1][0] + len(words[k - 1][1])]
            tail = m.text[off + 1 :]
            first = replace(m, end=m.start + len(head), text=head, name=head)
            second = replace(m, start=m.start + off + 1, text=tail, name=tail)
            return [first, *_split_pairs(second)]
    return [m]


def headlines(text: str, params: MentionParams) -> list[tuple[int, int]]:
    """(start, end) of the title-case lines of an English text ("Tsunami Toll Soars Above
    800"): four or more longer words, nearly all of them capitalized."""
    out = []
    pos = 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", line) if len(w) >= 4]
        if (len(words) >= params.headline_words
                and sum(w[0].isupper() for w in words) >= params.headline_share * len(words)):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def outside_headlines(text: str, mentions: list[RawMention], params: MentionParams) -> list[RawMention]:
    """In a headline every word is capitalized, so capitals say nothing and the tagger
    guesses: a name there stands when the lexicon knows it or the text writes it again
    outside the headlines; else it is weak, kept only where the other report confirms it
    (a caption of names, "BBC Scotland's Alasdair Lamont at the Tony Macaroni Arena", reads
    as a headline too)."""
    spans = headlines(text, params)
    if not spans:
        return mentions
    body = "\n".join(text[e:s] for (_, e), (s, _) in zip([(0, 0)] + spans, spans + [(len(text), len(text))])).lower()
    return [m if m.entity_id or not any(s <= m.start < e for s, e in spans) or m.text.lower() in body or is_weak(m)
            else replace(m, extras=m.extras + (("weak", "1"),)) for m in mentions]


def tagged(text: str, lang: str, params: MentionParams = MentionParams()) -> list[RawMention]:
    """The shipped tagger's mentions of ``text`` as raw mentions (source ``ner``), with
    nationality adjectives left out and Arabic proclitics trimmed."""
    from ..ner import find_mentions

    out = [
        RawMention(lang, m.start, m.end, m.text, m.text, m.type, "ner", "", m.score, extras=(("ner", "1"),))
        for m in find_mentions(text, "en" if lang == "en" else "ar")
    ]
    out = [_without_title(m) for m in out if not _adjective(m) and _plausible(m, params)]
    if lang == "ar":
        words = frozenset(normalize_arabic(w, "search") for w in re.findall(f"[{ARABIC_CLASS}]+", text))
        out = [_without_glued_tail(text, _without_clitic(part, words)) for m in out for part in _split_pairs(m)]
    return out


def _without_glued_tail(text: str, m: RawMention) -> RawMention:
    """An Arabic tagger span whose last word runs into the next words (سنوب دوغالذي) ends
    where the name does (:func:`toolkit.extract.glued_spans.trim_glued`)."""
    from ..extract.glued_spans import trim_glued

    start, end = trim_glued(text, m.start, m.end)
    return m if (start, end) == (m.start, m.end) else replace(m, start=start, end=end, text=text[start:end], name=text[start:end])


def _mid_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return bool(before) and before[-1] not in ".!?:\n"


def _overlapping(spans: list[RawMention], others: list[RawMention]) -> list[list[RawMention]]:
    """For each span, the ``others`` that overlap it: one sweep over both lists sorted by
    start (linear in their lengths plus the overlaps, not their product)."""
    order = sorted(others, key=lambda o: o.start)
    starts = [o.start for o in order]
    longest = max((o.end - o.start for o in order), default=0)
    out = []
    for m in spans:
        lo = bisect.bisect_left(starts, m.start - longest)
        hi = bisect.bisect_left(starts, m.end)
        out.append([o for o in order[lo:hi] if o.overlaps(m)])
    return out


_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _part_of_longer_name(m: RawMention, n: RawMention) -> bool:
    """A one-word lexicon hit (a leading "the" aside: "the U.S" in "the U.S. Navy") inside
    a longer tagger span of another type."""
    lead = len(m.text) - len(_THE.sub("", m.text))
    start = m.start + lead
    return (bool(m.entity_id) and " " not in m.text[lead:].strip() and n.start <= start and m.end <= n.end
            and len(n.text.split()) > 1 and n.type != m.type)


def _sure_person_inside(m: RawMention, n: RawMention, params: MentionParams) -> bool:
    """A person the English tagger is sure of, strictly inside a longer pattern span (no
    lexicon entry): "Brian O'Hagan" in "Detective Inspector Brian O'Hagan", "Ryan Kent" in
    "Coulibaly for Ryan Kent" (``MentionParams.person_edges``). Not Arabic: there a cue
    span's extra words are the name's (measured: the Arabic-only lists lost entities)."""
    return (m.lang == "en" and not m.entity_id and m.source != "lexicon" and n.type == "PER" and n.score >= params.person_edges
            and m.start <= n.start and n.end <= m.end and (n.end - n.start) < (m.end - m.start))


def merge_tagged(text: str, rule: list[RawMention], ner: list[RawMention], alone: str, params: MentionParams) -> list[RawMention]:
    """The rules' mentions and the tagger's, one list, sorted, non-overlapping.

    A lexicon mention stays as it is (marked confirmed when the tagger agrees); a pattern
    or cue span stays when the tagger overlaps it (its type taken from the tagger where the
    rules had none) or when ``alone``; a tagger span no rule span overlaps is added.
    """
    out: list[RawMention] = []
    ner_hits = _overlapping(rule, ner)
    swallowed: set[int] = set()
    for m, hits in zip(rule, ner_hits):
        inside = [n for n in hits if _part_of_longer_name(m, n)]
        if inside:
            # جاسم (a town, in the lexicon) inside أحمد جاسم الخفاجي (a person the tagger
            # found): the word is part of the longer name, which stands instead.
            swallowed.update(id(n) for n in inside)
            continue
        if hits:
            best = max(hits, key=lambda n: n.score)
            if _sure_person_inside(m, best, params):
                out.append(best)  # the tagger's own span stands (its edges: no title, no "X for")
                continue
            typ = m.type if m.entity_id or m.type != "MISC" else best.type
            out.append(replace(m, type=typ, score=best.score if not m.entity_id else m.score,
                               extras=m.extras + (("ner", "1"),)))
        elif m.entity_id or alone == "always":
            out.append(m)
        elif alone == "mid" and _mid_sentence(text, m.start) and not _adjective(replace(m, type="MISC")):
            # A capitalized word mid-sentence the tagger missed ("Twitter", "Uber"): weak,
            # kept only where the other report confirms it (a link), never alone.
            out.append(replace(m, extras=m.extras + (("weak", "1"),)))
    covered = {id(n) for hits in ner_hits for n in hits} - swallowed
    for n in ner:
        if n.score >= params.tagger_min_score and id(n) not in covered:
            out.append(n)
    return non_overlapping(out)


def with_sentences(mentions: list[RawMention], sents: Sequence[Sent]) -> list[RawMention]:
    """Each mention with the index of the sentence it starts in."""
    if not sents:
        return [m.with_sentence(0) for m in mentions]
    starts = [s.start for s in sents]
    out = []
    for m in mentions:
        k = max(0, bisect.bisect_right(starts, m.start) - 1)
        out.append(m.with_sentence(k))
    return out


def is_weak(m: RawMention) -> bool:
    """A mention kept only when the other report confirms it: one ordinary Arabic word
    standing for a longer lexicon name (see :func:`toolkit.extract.arabic.extract_arabic`),
    or an English capitalized word the tagger did not propose."""
    return ("weak", "1") in m.extras


class FindMentions:
    """Component ``mentions``. The NER model, if any, is loaded when the component is
    built, so a bad model directory fails before any work is done."""

    name = "mentions"

    def __init__(self, gazetteer: Gazetteer, ner_model: str | Path | None = None,
                 params: MentionParams = MentionParams()) -> None:
        self.gazetteer = gazetteer
        self.params = params
        self.ner_en: NerFn | None = None
        self.ner_ar: NerFn | None = None
        if ner_model is not None:
            from ..extract.ner import load_ner  # transformers: only with a model

            self.ner_en = load_ner(ner_model, "en")
            self.ner_ar = load_ner(ner_model, "ar")

    def _find(self, text: str, lang: str) -> list[RawMention]:
        p = self.params
        rule = extract_english(text, self.gazetteer) if lang == "en" else extract_arabic(text, self.gazetteer)
        if p.tagger:
            alone = p.english_patterns_alone if lang == "en" else p.arabic_cues_alone
            rule = merge_tagged(text, rule, tagged(text, lang, p), alone, p)
        if lang == "en":
            rule = outside_headlines(text, rule, p)
        else:
            country = re.compile(p.country_id)
            rule = [_weak_if_common(m, country) for m in rule]
        model = self.ner_en if lang == "en" else self.ner_ar
        return merge_model(rule, model(text) if model else [])

    def __call__(self, doc: Document) -> None:
        en_m = self._find(doc.en_text or "", "en") if doc.en_ok else []
        ar_m = self._find(doc.ar_text or "", "ar") if doc.ar_ok else []
        if not doc.bilingual:
            # One report: no other side can confirm a weak mention.
            en_m = [m for m in en_m if not is_weak(m)]
            ar_m = [m for m in ar_m if not is_weak(m)]
        doc.en_mentions = with_sentences(en_m, doc.en_sents)
        doc.ar_mentions = with_sentences(ar_m, doc.ar_sents)
