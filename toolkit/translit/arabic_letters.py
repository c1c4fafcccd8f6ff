"""Arabic letters as the Arabic → Latin rules see them: marks, sun letters, consonant spellings.

The rules (``rules_ar2lat.py``) and the regional rewrites read these tables; they are
press spellings, most common first, not a standard scheme (``schemes.py`` has those).
"""

from __future__ import annotations

Region = str  # "levant" | "gulf" | "iraq" | "egypt" | "maghreb"
REGIONS = ("levant", "gulf", "iraq", "egypt", "maghreb")

FATHA, DAMMA, KASRA, SUKUN, SHADDA = "\u064e", "\u064f", "\u0650", "\u0652", "\u0651"
TANWIN = {"\u064b", "\u064c", "\u064d"}
HARAKAT = {FATHA, DAMMA, KASRA, SUKUN, SHADDA, "\u0670"} | TANWIN
SUN_LETTERS = set("تثدذرزسشصضطظلن")
ARTICLE = "ال"

# consonants: press spellings, most common first
CONSONANTS: dict[str, tuple[str, ...]] = {
    "ب": ("b",), "ت": ("t",), "ث": ("th", "s"), "ج": ("j", "g", "dj"), "ح": ("h",), "خ": ("kh",),
    "د": ("d",), "ذ": ("dh", "z", "th"), "ر": ("r",), "ز": ("z",), "س": ("s",), "ش": ("sh", "ch"),
    "ص": ("s",), "ض": ("d", "dh"), "ط": ("t",), "ظ": ("z", "dh"), "ع": ("'", ""), "غ": ("gh",),
    "ف": ("f",), "ق": ("q", "k", "g"), "ك": ("k",), "ل": ("l",), "م": ("m",), "ن": ("n",),
    "ه": ("h",), "ء": ("'", ""), "ئ": ("'", ""), "ؤ": ("'", ""), "گ": ("g",), "چ": ("ch",),
    "پ": ("p",), "ڤ": ("v",), "ژ": ("zh",), "ک": ("k",), "ی": ("y",),
}
REGION_CONSONANTS: dict[str, dict[str, tuple[str, ...]]] = {
    "egypt": {"ج": ("g", "j"), "ق": ("q", "k"), "ث": ("s", "th"), "ذ": ("z", "dh")},
    "maghreb": {"ج": ("j", "dj"), "ش": ("ch", "sh"), "ق": ("k", "q"), "خ": ("kh",)},
    "gulf": {"ق": ("q", "g")},
    "iraq": {},
    "levant": {},
}


def strip_marks(text: str) -> str:
    """The letters only: harakat and tatweel removed."""
    return "".join(ch for ch in text if ch not in HARAKAT and ch != "\u0640")
