"""The character data of the Arabic normalizer: what each level folds, and to what.

Why a module of its own: :mod:`.arabic` builds its translate tables and passes from these
sets once, at first use; keeping the data apart keeps the normalizer's logic readable and
lets a reviewer check a fold against Unicode without reading code. Nothing here runs.
"""

from __future__ import annotations

# Characters a reader never sees: bidi controls and zero-width characters.
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200d\u2060\ufeff\u00ad\u180e\u2061\u2062\u2063\u2064"
ZWNJ = "\u200c"
TATWEEL = "\u0640"

# Harakat, shadda, sukun, dagger alef, Quranic marks, small high letters, and the
# Arabic Extended-A combining marks.  A superset of camel-tools' AR_DIAC_CHARSET.
DIACRITICS = "".join(
    chr(c)
    for c in [
        *range(0x0610, 0x061B),  # honorific signs and small high marks
        *range(0x064B, 0x0660),  # fathatan .. wavy hamza below
        0x0670,  # superscript (dagger) alef
        *range(0x06D6, 0x06DD),  # small high ligatures (Quranic)
        *range(0x06DF, 0x06E5),
        0x06E7,
        0x06E8,
        *range(0x06EA, 0x06EE),
        *range(0x08D3, 0x08E2),
        *range(0x08E3, 0x0900),
    ]
)

ALEF_FORMS = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
              "\u0672": "\u0627", "\u0673": "\u0627", "\u0675": "\u0627"}

# Persian, Urdu, Kurdish and other letter forms seen in Arabic-script news, folded to
# the Arabic letter a search engine would match them with.
LETTER_FORMS = {
    "\u06a9": "\u0643",  # ک keheh -> ك
    "\u06aa": "\u0643",  # ڪ swash kaf
    "\u06af": "\u0643",  # گ gaf -> ك (as Arabic search engines fold it)
    "\u06cc": "\u064a",  # ی farsi yeh -> ي
    "\u06d0": "\u064a",  # ې
    "\u06d2": "\u064a",  # ے yeh barree
    "\u06d3": "\u064a",  # ۓ
    "\u0649": "\u064a",  # ى alef maqsura -> ي
    "\u06c0": "\u0647",  # ۀ heh with yeh above
    "\u06d5": "\u0647",  # ە ae
    "\u06be": "\u0647",  # ھ heh doachashmee
    "\u06c1": "\u0647",  # ہ heh goal
    "\u06c2": "\u0647",  # ۂ
    "\u06c3": "\u0647",  # ۃ teh marbuta goal
    "\u0629": "\u0647",  # ة teh marbuta -> ه
    "\u0679": "\u062a",  # ٹ tteh
    "\u0688": "\u062f",  # ڈ ddal
    "\u0691": "\u0631",  # ڑ rreh
    "\u06ba": "\u0646",  # ں noon ghunna
    "\u067e": "\u067e",  # پ peh stays (a distinct sound, kept in keys as b later)
    "\u06cf": "\u0648",  # ۏ
    "\u06c6": "\u0648",  # ۆ
    "\u06c7": "\u0648",  # ۇ
    "\u06c8": "\u0648",  # ۈ
    "\u06cb": "\u0648",  # ۋ
    "\u06c5": "\u0648",  # ۅ
}

DIGITS = {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}

PUNCTUATION = {
    "\u060c": ",",  # ، Arabic comma
    "\u061b": ";",  # ؛
    "\u061f": "?",  # ؟
    "\u066a": "%",  # ٪
    "\u066b": ".",  # ٫ decimal separator
    "\u066c": ",",  # ٬ thousands separator
    "\u06d4": ".",  # ۔ full stop (Urdu)
    "\u066d": "*",  # ٭
    "\u060d": ",",  # ؍ date separator
}

HAMZA_SEATS = {"\u0624": "\u0648", "\u0626": "\u064a", "\u0621": ""}

# camel-tools' normalize_unicode special-cases these two ligatures before NFKC.
SPECIAL_LIGATURES = {"\ufdfc": "ريال", "\ufdfd": "بسم الله الرحمن الرحيم"}

# Letter + combining hamza/madda that NFC composes.  Handled by one regex so that
# the translate table can stay one character to many (see arabic._COMPOSE_RE).
COMPOSE = {
    "\u0627\u0653": "\u0622",
    "\u0627\u0654": "\u0623",
    "\u0627\u0655": "\u0625",
    "\u0648\u0654": "\u0624",
    "\u064a\u0654": "\u0626",
    "\u06c1\u0654": "\u06c2",
    "\u06d2\u0654": "\u06d3",
    "\u06d5\u0654": "\u06c0",
}

# Ranges where compatibility forms live; scanning them (not all of Unicode) keeps the
# table build to a few milliseconds.
COMPAT_RANGES = (
    (0x00A0, 0x0100),
    (0x0600, 0x0700),
    (0x2000, 0x2070),
    (0x2070, 0x20A0),
    (0x2100, 0x2190),
    (0x2460, 0x2500),
    (0xFB00, 0xFB07),
    (0xFB50, 0xFE00),
    (0xFE10, 0xFE20),
    (0xFE30, 0xFE70),
    (0xFE70, 0xFF00),
    (0xFF00, 0xFFEF),
)
