"""Named-entity mentions in English news text, with exact character offsets.

Two passes, because the lexicon knows the names that matter most and the press always
writes some it does not know: (1) gazetteer hits, longest match, with case rules;
(2) capitalized sequences with the particles Arabic names carry in English (al-, bin,
Abu, Abdul, ez-, "of the"), titles stripped from the name but kept, acronyms with their
expansions ("Popular Mobilisation Forces (PMF)").  Types come from the lexicon, then cue
words (Forces, Command, Province...), titles and context (in/near + name -> place).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import Gazetteer, latin_tokens
from .model import RawMention, non_overlapping
from .spans import Taken

TITLES = frozenset(
    """president prime minister deputy foreign defence defense interior sheikh shaikh sheik
    commander general gen lieutenant lt colonel col major maj brigadier brig captain capt
    sergeant spokesman spokeswoman spokesperson chief head leader emir king prince crown
    ayatollah grand imam mr mrs ms dr secretary ambassador envoy governor mayor judge
    senator speaker cleric director chairman chairwoman minister's pm sen rep""".split()
)
DEMONYMS = frozenset(
    """iraqi syrian iranian american us u.s. kurdish turkish israeli lebanese jordanian saudi
    russian british french german qatari emirati egyptian palestinian yemeni shiite shia sunni
    arab western european""".split()
)
PARTICLES = frozenset("al el ad ed as es ash at az ez an ar bin ibn ben bint abu abou abdul abdel de del la le van von da".split())
CONNECTORS = frozenset({"of", "of the", "for", "for the", "and the"})
SKIP_WORDS = frozenset(
    """the a an this that these those it its he she they we i his her their our in on at by for from to
    with after before during when while where as but and or if so yet however meanwhile also
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday tomorrow according
    there here what who which why how some many most several all both each every no not
    mr mrs ms""".split()
)
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
# Titles that split a capitalized run wherever they stand.
STRONG_TITLES = frozenset(
    """president minister secretary commander spokesman spokeswoman spokesperson ambassador governor
    chancellor premier chairman chairwoman leader envoy mayor sheikh ayatollah sen rep pm king prince
    emir general lieutenant colonel brigadier major captain""".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
ORG_CUES = frozenset(
    """forces force brigades brigade battalion battalions corps army command ministry council
    party movement committee front organization organisation group agency news network company
    university bank union coalition alliance authority office commission militia militias
    division regiment unit units guard guards police service services directorate mobilisation
    mobilization hezbollah hizballah tv channel newspaper times post press institute centre
    center fund federation association league assembly parliament court congress senate conference
    summit cup games festival""".split()
)
LOC_CUES = frozenset(
    """province governorate city town village district county river border crossing desert
    valley mount mountain mountains lake sea gulf bay island islands region camp base airport
    dam bridge square street road highway district""".split()
)
LOC_PREPS = frozenset({"in", "near", "at", "from", "to", "into", "outside", "across", "toward", "towards", "around", "through"})
ORG_CONTEXT = frozenset({"newspaper", "daily", "agency", "channel", "broadcaster", "outlet", "website", "network", "group", "faction", "militia", "party", "movement"})
PER_VERBS = frozenset({"said", "says", "told", "added", "stated", "wrote", "announced", "warned", "stressed", "denied"})

_ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&]{1,6}s?$")


@dataclass(frozen=True, slots=True)
class EnglishParams:
    """The numbers of the English extractor, set by hand on the development gold of
    ``benchmarks/entities.py`` (12 NTREX documents; benchmarks/README.md, "Entities")
    and the example report pair."""

    #: The score of a capitalized-run mention and of an acronym defined in the text.
    pattern_score: float = 0.7
    acronym_score: float = 0.9
    #: Characters after a name where its acronym in parentheses is looked for
    #: ("Popular Mobilisation Forces (PMF)").
    acronym_window: int = 12
    #: Characters before a name where abbreviated titles are looked for ("Brig. Gen.").
    title_window: int = 40
    #: Characters before and after a name read for typing cues ("the newspaper X",
    #: "X said", "in X").
    context_before: int = 20
    context_after: int = 25


PARAMS = EnglishParams()


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or tok[:1].isdigit() and any(c.isalpha() for c in tok)


def _gap(text: str, a: int, b: int) -> str:
    return text[a:b]


Token = tuple[int, int, str]


def extract_english(text: str, gazetteer: Gazetteer | None = None) -> list[RawMention]:
    """Every named mention in ``text``, sorted by offset, non-overlapping.

    ``text[m.start:m.end] == m.text`` holds for every mention.
    """
    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    mentions = _lexicon_mentions(text, gaz)
    taken = Taken((m.start, m.end) for m in mentions)
    toks = latin_tokens(text)
    capitalized_mid = {t for k, (s, e, t) in enumerate(toks) if _is_cap(t) and not _sentence_start(text, s)}
    i = 0
    while i < len(toks):
        s, e, t = toks[i]
        if not _is_cap(t) or _inside(taken, s, e):
            i += 1
            continue
        j = _run_end(text, toks, i, taken)
        run = toks[i:j]
        # "al-Jubouri": a lower-case particle joined by a hyphen opens the name.
        if i > 0 and toks[i - 1][2].lower() in PARTICLES and text[toks[i - 1][1] : s] == "-" and not _inside(taken, toks[i - 1][0], toks[i - 1][1]):
            run = [toks[i - 1]] + run
        i = j
        mention = _run_to_mention(text, run, toks, capitalized_mid, taken)
        if mention is not None and mention.type == "ORG" and not mention.entity_id:
            mention = _with_place_before(text, mention, mentions, taken)
        if mention is not None:
            mentions.append(mention)
            taken.append((mention.start, mention.end))
    out = _with_acronyms(text, mentions)
    return non_overlapping(out)


def _lexicon_mentions(text: str, gaz: Gazetteer) -> list[RawMention]:
    """Gazetteer hits (case rules applied); an acronym hit carries its expansion."""
    mentions: list[RawMention] = []
    for hit in gaz.find_en(text):
        span = text[hit.start : hit.end]
        entry = gaz.entries[hit.entity_id]
        mentions.append(
            RawMention(
                "en", hit.start, hit.end, span, span, entry.type, "lexicon", hit.entity_id, 1.0,
                acronym_of=entry.en if hit.kind == "acronym" else "",
            )
        )
    return mentions


def _run_end(text: str, toks: list[Token], i: int, taken: Taken) -> int:
    """The end of the capitalized run from token ``i``, allowing particles and "of (the)"."""
    j = i + 1
    while j < len(toks):
        ps, pe, pt = toks[j]
        gap = _gap(text, toks[j - 1][1], ps)
        if not _name_gap(gap) or _inside(taken, ps, pe):
            break
        low = pt.lower()
        if toks[j - 1][2].endswith("s") and text[toks[j - 1][0] - 1 : toks[j - 1][0]] in ("'", "\u2019"):
            break  # after a possessive: "Britain's Prime Minister"
        if gap in ("'", "\u2019") and low == "s":
            break
        # A month continues a name ("Theresa May"); a weekday or function word ends it.
        if _is_cap(pt) and (low not in SKIP_WORDS or (low in _CALENDAR and low not in _WEEKDAYS)):
            j += 1
            continue
        if low in PARTICLES and j + 1 < len(toks) and _is_cap(toks[j + 1][2]) and _name_gap(_gap(text, pe, toks[j + 1][0])):
            j += 1
            continue
        # "of" / "of the" between two capitalized parts.
        if low in ("of", "for") and gap == " ":
            k = j + 1
            if k < len(toks) and toks[k][2] == "the" and _gap(text, toks[j][1], toks[k][0]) == " ":
                k += 1
            if (k < len(toks) and _is_cap(toks[k][2]) and _gap(text, toks[k - 1][1], toks[k][0]) == " "
                    and not _inside(taken, toks[k][0], toks[k][1]) and toks[k][2].lower() not in SKIP_WORDS):
                j = k + 1
                continue
        break
    return j


def _with_place_before(text: str, mention: RawMention, mentions: list[RawMention], taken: Taken) -> RawMention:
    """"Anbar Operations Command": a place the lexicon knows, right before an
    organisation's name, is part of that name (and leaves ``mentions`` and ``taken``)."""
    for h, m in enumerate(mentions):
        if m.source == "lexicon" and m.type == "LOC" and text[m.end : mention.start] == " ":
            span = text[m.start : mention.end]
            del mentions[h]
            taken.remove((m.start, m.end))
            return RawMention("en", m.start, mention.end, span, span, "ORG", "pattern", "", PARAMS.pattern_score, title=mention.title)
    return mention


def _with_acronyms(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """Acronyms defined in parentheses right after a name ("Popular Mobilisation Forces
    (PMF)"): every mention of the acronym gets the expansion."""
    defined: dict[str, str] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        after = text[m.end : m.end + PARAMS.acronym_window]
        am = re.match(r"\s*\(([A-Z][A-Za-z]{1,7})\)", after)
        if am and not am.group(1).lower() == m.text.lower():
            defined[am.group(1)] = m.name
    out: list[RawMention] = []
    for m in mentions:
        if m.source != "lexicon" and _ACRONYM_RE.match(m.text) and m.text in defined:
            m = RawMention("en", m.start, m.end, m.text, m.text, m.type, "acronym", m.entity_id, PARAMS.acronym_score, acronym_of=defined[m.text])
        out.append(m)
    return out


def _name_gap(gap: str) -> bool:
    return gap in (" ", "-", "\u2010", "\u2011", "\u00a0")


def _inside(taken: Taken, s: int, e: int) -> bool:
    return taken.overlaps(s, e)


def _sentence_start(text: str, s: int) -> bool:
    before = text[:s].rstrip(" \"'\u201c\u2018(")
    return not before or before[-1] in ".!?\n:;"


def _leading_titles(run: list[Token]) -> tuple[list[str], list[Token]]:
    """Leading function words, demonyms and titles are not part of the name: (title
    words, the rest of the run)."""
    title_toks: list[str] = []
    k = 0
    while k < len(run):
        low = run[k][2].lower()
        nxt = run[k + 1][2].lower() if k + 1 < len(run) else ""
        # A demonym is dropped before a title or alone ("Iraqi Prime Minister X",
        # "Iraqi officials") but kept inside a name ("Iraqi News Agency").
        # A weekday or month opens a name when a capitalized word follows ("the Sunday Times").
        if low in _CALENDAR and nxt and k + 1 < len(run) and run[k + 1][2][:1].isupper() and nxt not in SKIP_WORDS:
            break
        if low in SKIP_WORDS or (low in DEMONYMS and (not nxt or nxt in TITLES or nxt in DEMONYMS)):
            if title_toks:
                title_toks.append(run[k][2])
            k += 1
            continue
        if low in TITLES:
            title_toks.append(run[k][2])
            k += 1
            continue
        break
    return title_toks, run[k:]


def _inner_title(title_toks: list[str], name: list[Token]) -> tuple[list[str], list[Token]]:
    """Titles that run into the name: "Secretary of State Mike Pompeo", "Energy Secretary
    Rick Perry", "North Korean Foreign Minister Ri Yong Ho"."""
    # "Secretary of State": the portfolio after a leading title belongs to the title.
    if title_toks and len(name) >= 2 and name[0][2].lower() == "of":
        skip = 2 if name[1][2].lower() != "the" else 3
        title_toks = title_toks + [t[2] for t in name[:skip]]
        name = name[skip:]
    # What comes before the last strong title word (and its "of X") is the title, the rest the name.
    low_name = [t[2].lower() for t in name]
    cut = max((n for n, w in enumerate(low_name) if w in STRONG_TITLES), default=-1)
    if 0 <= cut < len(name) - 1:
        rest = cut + 1
        if low_name[rest] == "of" and rest + 1 < len(name) - 1:
            rest += 2 if low_name[rest + 1] != "the" else 3
        remaining = low_name[rest:]
        if remaining and _is_cap(name[min(rest, len(name) - 1)][2]) and not any(w in ORG_CUES or w in LOC_CUES for w in remaining):
            title_toks = title_toks + [t[2] for t in name[:rest]]
            name = name[rest:]
    # Trailing connectors / particles never end a name.
    while name and (name[-1][2].lower() in PARTICLES | {"of", "the", "for"}):
        name = name[:-1]
    return title_toks, name


def _single_word_is_name(text: str, w: str, start: int, end: int, capitalized_mid: set[str], has_title: bool) -> bool:
    """A single capitalized word is a name only if it is not a common word, not only
    sentence-initial (unless the text capitalizes it elsewhere too), not a nationality
    adjective before a noun ("Catalan authorities", "Spanish government")."""
    if w.lower() in SKIP_WORDS or w.lower() in TITLES or w.lower() in DEMONYMS:
        return False
    if _sentence_start(text, start) and w not in capitalized_mid and not _ACRONYM_RE.match(w) and not has_title:
        return False
    if (len(w) < 3 and not _ACRONYM_RE.match(w)) or w.lower() in LOC_CUES or w.lower() in ORG_CUES:
        return False
    nxt_word = re.match(r"\s+([a-z]+)", text[end:])
    return not (
        re.search(r"(?:an|ian|ish|ese|i)$", w)
        and nxt_word
        and nxt_word.group(1) not in SKIP_WORDS
        and nxt_word.group(1) not in PER_VERBS
        and nxt_word.group(1) not in ("has", "had", "have", "is", "was", "were", "are", "will", "would", "could")
    )


def _titles_before(text: str, start: int) -> list[str]:
    """Titles written before the run with abbreviation dots: "Brig. Gen. Qassim Muhsin"."""
    before = text[max(0, start - PARAMS.title_window) : start]
    prev = re.findall(r"([A-Za-z]+)\.?\s*", before)
    back: list[str] = []
    for w in reversed(prev):
        if w.lower() in TITLES:
            back.append(w)
        else:
            break
    if back and re.search(r"[A-Za-z]+\.?\s+$", before):
        return list(reversed(back))
    return []


def _run_to_mention(
    text: str,
    run: list[Token],
    toks: list[Token],
    capitalized_mid: set[str],
    taken: Taken,
) -> RawMention | None:
    """The mention a capitalized run names, titles kept apart, or None."""
    title_toks, name = _inner_title(*_leading_titles(run))
    if not name:
        return None
    start, end = name[0][0], name[-1][1]
    # Possessive 's belongs to the sentence, not the name.
    span = text[start:end]
    if span.endswith(("'s", "\u2019s")):
        end -= 2
        span = text[start:end]
        if not span:
            return None
    words = [t for _, _, t in name]
    if len(name) == 1 and not _single_word_is_name(text, words[0], start, end, capitalized_mid, bool(title_toks)):
        return None
    if not title_toks:
        title_toks = _titles_before(text, start)
    typ = _type_of(text, start, end, [w.lower() for w in words], title_toks, toks)
    source = "acronym" if len(name) == 1 and _ACRONYM_RE.match(words[0]) else "pattern"
    return RawMention("en", start, end, span, span, typ, source, "", PARAMS.pattern_score, title=" ".join(title_toks))


def _type_of(
    text: str, start: int, end: int, low_words: list[str], title_toks: list[str], toks: list[tuple[int, int, str]]
) -> str:
    if any(w in ORG_CUES for w in low_words):
        return "ORG"
    if any(w in LOC_CUES for w in low_words):
        return "LOC"
    if title_toks and any(t.lower() in TITLES for t in title_toks):
        return "PER"
    if any(w in ("bin", "ibn", "abu", "abdul", "abdel", "bint") for w in low_words):
        return "PER"
    before = re.findall(r"[A-Za-z]+", text[max(0, start - PARAMS.context_before) : start])
    after = re.findall(r"[A-Za-z]+", text[end : end + PARAMS.context_after])
    if before and before[-1].lower() in ORG_CONTEXT:
        return "ORG"
    if after and after[0].lower() in PER_VERBS:
        return "PER"
    if before and before[-1].lower() in LOC_PREPS:
        return "LOC"
    if len(low_words) == 1 and _ACRONYM_RE.match(text[start:end]):
        return "ORG"
    return "MISC"
