"""Named-entity mentions in Arabic news text, with exact character offsets.

Arabic has no capitals, so the extractor leans on what it can trust: (1) lexicon hits
found after normalization and clitic stripping (و ف ب ل ك ال and their combinations;
the mention starts after the clitics, so ``text[start:end]`` is the bare name); (2) cue
words that announce a name (الرئيس، وزير، حركة، كتائب، مدينة، محافظة...), keeping the
title apart from the name; (3) projection from English (see :mod:`.projection`), done
later by the pipeline, where an aligned English mention says what to look for.
"""

from __future__ import annotations

import bisect

from dataclasses import dataclass, replace

from .gazetteer import Gazetteer, arabic_token_key, arabic_tokens, clitic_readings
from .model import RawMention, non_overlapping
from .spans import Taken


def _k(words: str) -> frozenset[str]:
    return frozenset(arabic_token_key(w) for w in words.split())


# Titles before a person's name: not part of the name, kept as ``title``.
PER_CUES = _k(
    "الرئيس رئيس الوزير وزير الشيخ القائد قائد اللواء العميد العقيد الفريق المقدم الرائد "
    "النقيب الناطق المتحدث السيد السيدة الدكتور النائب الأمين السفير المبعوث المحافظ محافظ "
    "الزعيم زعيم الجنرال الإمام المرجع آية"
)
# Words that open an organisation's name and are part of it.
ORG_CUES = _k("حركة كتائب كتيبة لواء جبهة حزب قوات تنظيم جماعة وكالة قيادة هيئة مجلس وزارة فيلق فصيل سرايا عصائب منظمة شركة صحيفة قناة جيش موقع")
# Words that open a place's name; part of it for some (سد، معبر), not for others.
LOC_CUES = _k("مدينة محافظة بلدة قضاء ناحية منطقة قرية معبر مخيم مطار قاعدة نهر صحراء بادية ولاية إقليم")
# Words that end a name: function words, verbs of saying, common nouns.
STOP = _k(
    "في من إلى الى على عن مع أن إن ان أنه انه قد لقد قال قالت وقال وقالت أكد أكدت أضاف أضافت "
    "التي الذي الذين اللذين هذا هذه ذلك تلك بعد قبل خلال حيث بين منذ عند حتى كما لكن ثم أو او "
    "لم لن لا ما هو هي هم كان كانت يوم أمس اليوم الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة "
    "السبت شمال جنوب شرق غرب شرقي غربي شمالي جنوبي عبر ضد نحو فيما وفق بحسب حسب إثر اثر "
    "أمس صباح مساء باسم "
    "ضمن لدى إذ إذا وهو وهي كل بعض جميع عدة عدد أكثر أقل"
)
# Adjectives end a person's or a place's name, not an organisation's
# (وكالة الأنباء العراقية، قوات سوريا الديمقراطية).
ADJ = _k(
    "العراقي العراقية السوري السورية الأمريكي الأمريكية الأميركية الإيراني الإيرانية العراقيين "
    "السابق الحالي الجديد الجديدة المسلحة المسلح الحدودي الحدودية الأمنية الأمني الجوية العسكرية"
)
ROLE = _k("عمليات شرطة أركان")
# Ordinary complements of a cue word (حركة التجارة = the movement of trade).
COMMON_AFTER_CUE = _k("التجارة المرور السير النقل الملاحة النزوح الاحتجاج الاحتجاجات البناء الاعمار الأسعار")
# Place cues that are not part of the name (مدينة بالو = the city of Palu).
LOC_OUTSIDE = _k("مدينة بلدة منطقة قرية ناحية قضاء محافظة ولاية إقليم")
# Cue words that announce an organisation without being part of its name.
ORG_OUTSIDE = _k("صحيفة قناة موقع")
PARTICLES = _k("بن ابن أبو أبي أبا آل عبد")


@dataclass(frozen=True, slots=True)
class ArabicParams:
    """The numbers of the Arabic extractor, set by hand on the development gold of
    ``benchmarks/entities.py`` (12 NTREX documents; benchmarks/README.md, "Entities")
    and the example report pair."""

    #: Words a cue-word name may run to after its cue: person, organisation, place.
    max_per_words: int = 4
    max_org_words: int = 4
    max_loc_words: int = 2
    #: The score of a cue-word mention (its right edge is a guess) and of a weak
    #: one-word lexicon hit standing for a longer organisation name.
    cue_score: float = 0.6
    weak_score: float = 0.5

    def max_words(self, cue_type: str) -> int:
        return {"PER": self.max_per_words, "ORG": self.max_org_words, "LOC": self.max_loc_words}[cue_type]


PARAMS = ArabicParams()


Token = tuple[int, int, str]
# Compound person titles: one more word with the article belongs to them (رئيس الوزراء).
_COMPOUND_TITLES = _k("رئيس وزير قائد الناطق المتحدث الأمين")
# Place cues that take one word only when more follow (منطقة الحدود الغربية).
_ONE_WORD_PLACES = _k("منطقة قرية")


def extract_arabic(text: str, gazetteer: Gazetteer | None = None) -> list[RawMention]:
    """Every named mention in ``text`` found by the lexicon or by cue words, sorted,
    non-overlapping; ``text[m.start:m.end] == m.text`` holds for every mention."""
    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    mentions = _lexicon_mentions(text, gaz)
    toks = arabic_tokens(text)
    keys = [arabic_token_key(t) for _, _, t in toks]
    mentions = _drop_adjectives(text, mentions, toks, keys, gaz)
    # A title is a title before it is a name: "اللواء" is Major General far more often
    # than the Lebanese daily Al-Liwaa; the cue rule below then finds the person.
    mentions = [m for m in mentions if not (m.source == "lexicon" and " " not in m.text and arabic_token_key(m.text) in PER_CUES)]
    _add_cue_mentions(text, toks, keys, mentions)
    return non_overlapping(mentions)


def _lexicon_mentions(text: str, gaz: Gazetteer) -> list[RawMention]:
    """Gazetteer hits; the clitics stripped in front and other entities written the same
    way are kept in ``extras``."""
    mentions: list[RawMention] = []
    for hit in gaz.find_ar(text):
        span = text[hit.start : hit.end]
        entry = gaz.entries[hit.entity_id]
        extras: tuple[tuple[str, str], ...] = (("prefix", hit.prefix),) if hit.prefix else ()
        if hit.alternatives:
            extras += (("alternatives", "|".join(hit.alternatives)),)
        mentions.append(RawMention("ar", hit.start, hit.end, span, span, entry.type, "lexicon", hit.entity_id, 1.0, extras=extras))
    return mentions


def _cue(token: str, key: str) -> tuple[str, int]:
    """The type a cue word announces (``PER``, ``ORG``, ``LOC`` or ``""``) and where its
    stem starts after the clitics."""
    for off, stem in clitic_readings(token):
        if stem in PER_CUES:
            return "PER", off
        # "القوات", "المنطقة": with the article these are common nouns, not cues.
        definite = key[: len(key) - len(stem)].endswith(("ال", "لل")) or key.startswith(("ال", "وال", "بال", "فال", "لل", "ولل"))
        if stem in ORG_CUES and not definite:
            return "ORG", off
        if stem in LOC_CUES and not definite:
            return "LOC", off
    return "", 0


def _title_words(text: str, toks: list[Token], keys: list[str], i: int, cue_type: str) -> tuple[int, int]:
    """Where the name after the cue at ``i`` may start, and where the title ends."""
    j = i + 1
    title_end = i + 1
    if cue_type != "PER":
        return j, title_end
    # Person titles may be compound (رئيس الوزراء، وزير الدفاع): skip one more word after
    # رئيس/وزير/قائد when it carries the article.
    if keys[i] in _COMPOUND_TITLES and j < len(toks) and keys[j].startswith("ال"):
        j += 1
        title_end = j
    # رئيس الوزراء العراقي محمد...: a nationality after the title belongs to it.
    while j < len(toks) and keys[j] in ADJ and _close(text, toks[j - 1][1], toks[j][0]):
        j += 1
        title_end = j
    return j, title_end


def _name_end(
    text: str, toks: list[Token], keys: list[str], j: int, cue_type: str,
    mentions: list[RawMention], taken: Taken,
) -> int:
    """The token after the name that starts at ``j``. A known place that closes an
    organisation's name is taken into it (removed from ``mentions`` and ``taken``)."""
    k = j
    while k < len(toks) and k - j < PARAMS.max_words(cue_type):
        if not _close(text, toks[k - 1][1], toks[k][0]) or keys[k] in STOP:
            break
        if cue_type != "ORG" and keys[k] in ADJ:
            break
        if k == j and keys[k] in COMMON_AFTER_CUE:
            break
        # A future-tense verb (سيزور، ستبدأ) is not a name.
        if cue_type == "PER" and keys[k][:2] in ("سي", "ست", "سن") and len(keys[k]) >= 4 and k == j:
            break
        if cue_type == "PER" and (keys[k] in ORG_CUES or keys[k] in PER_CUES or keys[k] in ROLE):
            break
        # The taken spans answer "is there a mention here?" by bisection; only then is the
        # mention itself looked for (once per name, as the loop stops there).
        overlap = ([h for h, m in enumerate(mentions) if toks[k][0] < m.end and m.start < toks[k][1]]
                   if taken.overlaps(toks[k][0], toks[k][1]) else [])
        if overlap:
            m = mentions[overlap[0]]
            # قيادة عمليات الأنبار: a known place closes an organisation's name.
            if cue_type == "ORG" and k > j and m.type == "LOC" and m.start == toks[k][0]:
                del mentions[overlap[0]]
                taken.remove((m.start, m.end))
                k += 1
            break
        # In a person's name a nisba with the article (السوداني، المحمداوي) ends the
        # name, unless it follows a particle (عبد الكريم خلف، أبو مهدي المهندس).
        if cue_type == "PER" and k > j and keys[k - 1].startswith("ال") and (k - 2 < j or keys[k - 2] not in PARTICLES):
            break
        # A conjunction-prefixed word starts a new phrase, unless it is a particle.
        if keys[k].startswith("و") and k > j and keys[k] not in PARTICLES and len(keys[k]) > 3 and keys[k][1:] not in PARTICLES:
            break
        k += 1
    return k


def _add_cue_mentions(text: str, toks: list[Token], keys: list[str], mentions: list[RawMention]) -> None:
    """Names announced by a cue word (titles, organisation and place words), added to
    ``mentions`` where no lexicon hit already stands."""
    taken = Taken((m.start, m.end) for m in mentions)
    i = 0
    while i < len(toks):
        s, e, t = toks[i]
        cue_type, stem_off = ("", 0) if taken.overlaps(s, e) else _cue(t, keys[i])
        if not cue_type:
            i += 1
            continue
        j, title_end = _title_words(text, toks, keys, i, cue_type)
        cue_stem = next((st for off_, st in clitic_readings(t) if off_ == stem_off), keys[i])
        name_start = j if cue_type == "PER" or cue_stem in ORG_OUTSIDE or cue_stem in LOC_OUTSIDE else i
        k = _name_end(text, toks, keys, j, cue_type, mentions, taken)
        if k == j:
            i += 1
            continue
        start = toks[name_start][0] + (stem_off if name_start == i else 0)
        end = toks[k - 1][1]
        title = text[toks[i][0] + stem_off : toks[title_end - 1][1]] if cue_type == "PER" else ""
        if cue_type == "LOC" and cue_stem in _ONE_WORD_PLACES and k - j > 1:
            end = toks[j][1]
        # One nisba after a title is an adjective: رئيس الوزراء البريطاني = the British PM.
        if cue_type == "PER" and k - j == 1 and keys[j].startswith("ال") and (keys[j].endswith("ي") or keys[j].endswith("يه")):
            i = k
            continue
        span = text[start:end]
        mentions.append(RawMention("ar", start, end, span, span, cue_type, "cue", "", PARAMS.cue_score, title=title))
        taken.append((start, end))
        i = k


def _close(text: str, a: int, b: int) -> bool:
    gap = text[a:b]
    return gap == " " or gap == "\u00a0"


def _drop_adjectives(text: str, mentions: list[RawMention], toks: list[tuple[int, int, str]], keys: list[str], gaz: Gazetteer) -> list[RawMention]:
    """Drop one-word lexicon hits that are attributes of the word before them.

    A nisba adjective with the article right after a noun describes that noun:
    "الحدود الغربية" is the western border, not Gharbia governorate; "السيادة العراقية"
    is Iraqi sovereignty, not the Iraqiya list.
    """
    out: list[RawMention] = []
    starts = [s for s, _e, _t in toks]
    for m in mentions:
        n = bisect.bisect_right(starts, m.start) - 1  # the word the mention starts in, if any
        if n < 0 or not toks[n][0] <= m.start < toks[n][1]:
            n = None
        single = n is not None and toks[n][1] >= m.end
        if single and n is not None and n > 0 and m.source == "lexicon":
            key = keys[n]
            stem = arabic_token_key(m.text)
            prev_gap = text[toks[n - 1][1] : toks[n][0]]
            prev = keys[n - 1]
            adjective = key.startswith("ال") and (key.endswith("يه") or key.endswith("ي"))
            # A bare nisba after a noun: سورية / مدينة البوكمال السورية.
            if adjective and prev_gap == " " and prev not in STOP and prev not in PER_CUES:
                continue
            # A definite word after a definite noun agrees with it as an adjective:
            # "الإجراءات الجديدة" (the new measures), not El Jadida.
            if (key.startswith("ال") and prev.startswith("ال") and prev_gap == " " and prev not in STOP
                    and prev not in PER_CUES and len(m.text.split()) == 1):
                continue
        # A function word with a clitic is not a name: "وأن" (and that), not Van.
        if single and n is not None and m.source == "lexicon" and any(st in STOP for _o, st in clitic_readings(toks[n][2])):
            continue
        if single and m.source == "lexicon":
            entry = gaz.entries.get(m.entity_id)
            stem = arabic_token_key(m.text)
            if entry is not None and m.type == "ORG" and len(entry.ar.split()) > 1 and stem not in {
                arabic_token_key(a) for a in entry.acronyms
            }:
                # One ordinary word standing for a longer organisation name ("السيادة",
                # "امتداد"): kept only if the English side confirms it (see the pipeline).
                m = replace(m, score=PARAMS.weak_score, extras=m.extras + (("weak", "1"),))
        out.append(m)
    return out
