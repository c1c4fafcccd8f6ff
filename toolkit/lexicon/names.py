"""The keys a name is indexed and looked up by, and the cleaning of real queries.

Why here and not in :mod:`toolkit.normalize`: the normalizers define the keys; this
module only decides which keys a lexicon name carries (search form, match key,
cross-script skeleton, per-part tokens) and strips what a query carries that a
lexicon name does not (titles and honorifics: "Mullah", "Sheikh", "الشيخ", "Gen.").
Kunyas ("Abu Fadak") are names, not titles, and are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..normalize.arabic import normalize_arabic
from ..normalize.keys import match_key, skeleton, symbols
from ..normalize.latin import normalize_latin
from ..normalize.script import has_arabic, lang_of

# Titles and honorifics that precede a name in the press.  Compared after lowering and
# dropping dots, so "Dr." and "dr" are one entry.  Multi-word titles are tried first.
LATIN_TITLES: frozenset[str] = frozenset(
    """
    mullah mulla mullo molla haji hajji hadji al-hajj alhajj hajj mawlawi maulvi moulvi mawlvi molvi maulana
    mawlana sheikh shaikh shaykh sheik cheikh sayyid sayyed sayed sayyed seyed seyyed syed sayid sidi
    dr doctor prof professor eng engineer gen general lt ltgen maj majgen col colonel brig brigadier
    capt captain cmdr commander adm admiral marshal sgt sergeant president pres vice deputy minister pm
    emir amir prince princess king queen sultan sheikha shaykha imam ayatollah hojatoleslam hojjatoleslam
    mr mrs ms mme mrs. sir lord judge justice qadi qazi mufti ustad ustadh ustaz hafiz qari sen senator
    rep ambassador governor gov mayor chairman chief leader comrade brother sister haj hajja hajjah
    """.split()
)
LATIN_MULTI_TITLES: tuple[tuple[str, ...], ...] = (
    ("prime", "minister"),
    ("foreign", "minister"),
    ("defence", "minister"),
    ("defense", "minister"),
    ("grand", "ayatollah"),
    ("field", "marshal"),
    ("major", "general"),
    ("lieutenant", "general"),
    ("brigadier", "general"),
    ("lt", "gen"),
    ("maj", "gen"),
    ("brig", "gen"),
    ("crown", "prince"),
    ("his", "excellency"),
    ("her", "excellency"),
    ("his", "majesty"),
    ("his", "highness"),
    ("supreme", "leader"),
)
_ARABIC_TITLES_RAW = """
الشيخ شيخ الشيخة السيد سيد السيدة الرئيس رئيس الدكتور دكتور د الدكتورة الملا ملا الحاج حاج الحاجة المولوي
مولوي مولانا اللواء لواء العميد عميد الفريق فريق العقيد عقيد المقدم الرائد النقيب الجنرال المشير الأمير أمير
الأميرة الملك ملك الملكة السلطان الإمام امام الامام المهندس مهندس الوزير وزير القاضي المفتي الأستاذ الاستاذ
الأستاذة سماحة فضيلة معالي سعادة فخامة فخامه سمو صاحب القائد قائد النائب السفير المحافظ الشهيد الرفيق الأخ
المرشد الحجة
"""
_ARABIC_MULTI_TITLES_RAW = (
    "آية الله", "اية الله", "آية الله العظمى", "حجة الإسلام", "رئيس الوزراء", "رئيس الحكومة", "رئيس الجمهورية",
    "ولي العهد", "وزير الخارجية", "وزير الدفاع", "صاحب السمو", "صاحب الجلالة", "المرشد الأعلى", "سماحة السيد",
    "سماحة الشيخ", "فضيلة الشيخ",
)


def _ar(text: str) -> str:
    return normalize_arabic(text, "match")


ARABIC_TITLES: frozenset[str] = frozenset(_ar(t) for t in _ARABIC_TITLES_RAW.split())
ARABIC_MULTI_TITLES: tuple[tuple[str, ...], ...] = tuple(
    sorted((tuple(_ar(t).split()) for t in _ARABIC_MULTI_TITLES_RAW), key=len, reverse=True)
)
_TOKEN_RE = re.compile(r"\S+")


def _latin_word(token: str) -> str:
    return token.lower().strip(".,;:()[]\"'`").replace(".", "")


def strip_titles(query: str) -> str:
    """``query`` without the titles and honorifics it starts with.

    Only leading titles go ("Sheikh Qais al-Khazali" -> "Qais al-Khazali"), a name is
    never emptied ("Sheikh" stays "Sheikh"), and kunyas (Abu, Umm) are kept.
    """
    tokens = _TOKEN_RE.findall(query)
    if len(tokens) < 2:
        return query
    arabic = has_arabic(query)
    words = [(_ar(t) if has_arabic(t) else _latin_word(t)) for t in tokens]
    start = 0
    changed = True
    while changed and start < len(tokens) - 1:
        changed = False
        multis = ARABIC_MULTI_TITLES if arabic else LATIN_MULTI_TITLES
        for multi in (*multis, *(LATIN_MULTI_TITLES if arabic else ())):
            n = len(multi)
            if start + n < len(tokens) and tuple(words[start : start + n]) == multi:
                start += n
                changed = True
                break
        if changed:
            continue
        w = words[start]
        if w and (w in LATIN_TITLES or w in ARABIC_TITLES):
            start += 1
            changed = True
    if start == 0:
        return query
    return " ".join(tokens[start:])


#: English words of place and institution names that Arabic translates rather than
#: transliterates ("North Sinai" / شمال سيناء, "Lower Juba" / جوبا السفلى, "West Bank" /
#: الضفة الغربية).  Only a query variant uses them, so a name that merely contains one
#: ("New York") still matches as written.
GENERIC_EN_AR: dict[str, str] = {
    "north": "شمال", "northern": "الشمالية", "south": "جنوب", "southern": "الجنوبية",
    "east": "شرق", "eastern": "الشرقية", "west": "غرب", "western": "الغربية",
    "northeast": "الشمال الشرقي", "northwest": "الشمال الغربي", "southeast": "الجنوب الشرقي",
    "southwest": "الجنوب الغربي", "northeastern": "الشمالية الشرقية", "northwestern": "الشمالية الغربية",
    "southeastern": "الجنوبية الشرقية", "southwestern": "الجنوبية الغربية",
    "central": "الوسطى", "centre": "وسط", "center": "وسط", "middle": "الوسطى",
    "upper": "العليا", "lower": "السفلى", "greater": "الكبرى", "great": "الكبرى", "lesser": "الصغرى",
    "little": "الصغرى", "new": "الجديدة", "old": "القديمة",
    "island": "جزيرة", "islands": "جزر", "republic": "جمهورية", "kingdom": "المملكة",
    "united": "المتحدة", "state": "ولاية", "states": "الولايات", "governorate": "محافظة",
    "governerate": "محافظة", "province": "محافظة", "region": "منطقة", "district": "منطقة",
    "city": "مدينة", "capital": "العاصمة", "mount": "جبل", "mountain": "جبل", "mountains": "جبال",
    "sea": "البحر", "gulf": "الخليج", "lake": "بحيرة", "river": "نهر", "desert": "الصحراء",
    "coast": "الساحل", "bank": "الضفة", "valley": "وادي", "plain": "سهل", "oasis": "واحة",
    "port": "ميناء", "red": "الأحمر", "white": "الأبيض", "black": "الأسود", "green": "الأخضر",
    "blue": "الأزرق", "holy": "المقدس", "interior": "الداخلية", "democratic": "الديمقراطية",
    "arab": "العربية", "islamic": "الإسلامية", "federal": "الاتحادية", "autonomous": "ذاتي الحكم",
}
_GENERIC_STOP = frozenset({"the", "of", "and"})


def translate_generic_words(query: str) -> str | None:
    """``query`` with its generic place words in Arabic ("North Sinai" -> "شمال Sinai"),
    or None when it is not a Latin query holding one.  "of", "the" and "and" between
    them go ("Republic of the Congo" -> "جمهورية Congo")."""
    if has_arabic(query):
        return None
    words = query.replace(",", " ").split()
    keys = [_latin_word(w) for w in words]
    if not any(k in GENERIC_EN_AR for k in keys):
        return None
    out = [GENERIC_EN_AR.get(k, w) for w, k in zip(words, keys) if k not in _GENERIC_STOP]
    translated = " ".join(out)
    return translated if translated and translated != query else None


def is_acronym_like(surface: str) -> bool:
    """All capitals, no space, at most six letters (``KSM``, ``ISIS``, ``U.S.``)."""
    letters = surface.replace(".", "")
    return " " not in surface and 1 < len(letters) <= 6 and letters.isupper()


def script_of(text: str) -> str:
    """``ar`` when the text holds Arabic letters, else ``en`` (:func:`toolkit.normalize.script.lang_of`,
    the one place scripts are decided)."""
    return lang_of(text)


@dataclass(frozen=True, slots=True)
class NameKeys:
    """Every key of one name.

    ``norm`` is the search-level form in its own script (exact lookups), ``mkey`` the
    same-script match key (spelling variants: "Kata'ib Hizballah" = "Kataeb Hezbollah"),
    ``skel`` the cross-script consonant skeleton without spaces (an English spelling of
    an Arabic name lands on it), ``syms`` the phonetic symbols of each name part (what
    parts are scored by, vowels included) and ``stoks`` the consonant skeleton of each
    part (what candidates are blocked by).
    """

    script: str
    norm: str
    mkey: str
    skel: str
    syms: tuple[str, ...]
    stoks: tuple[str, ...]

    @property
    def btoks(self) -> tuple[str, ...]:
        """The part skeletons with near consonants folded (g/j, h/kh, s/z): keys for
        *blocking* candidates only, so that "Galapagos" still meets "جلاباجوس"; the
        similarity, not these keys, decides the ranking."""
        return tuple(t.translate(_BLOCK_FOLD) for t in self.stoks)


#: Near consonant classes of :mod:`toolkit.normalize.keys` merged for blocking.
_BLOCK_FOLD = str.maketrans({"j": "g", "x": "h", "z": "s"})


def _keys(text: str) -> NameKeys:
    script = script_of(text)
    norm = normalize_arabic(text, "search") if script == "ar" else normalize_latin(text, "search")
    stoks = tuple(skeleton(text).split())
    return NameKeys(script, norm, match_key(text), "".join(stoks), symbols(text), stoks)


@lru_cache(maxsize=1 << 14)
def name_keys(text: str) -> NameKeys:
    """The keys of one name, in either script (cached for repeated queries)."""
    return _keys(text)


def uncached_name_keys(text: str) -> NameKeys:
    """:func:`name_keys` without the result cache, for bulk builds (a million
    distinct names would only churn the cache)."""
    return _keys(text)
