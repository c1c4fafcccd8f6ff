"""Regional press spellings of Arabic names: the region's own spelling of well-known names
(محمد: Mohammed in the Gulf, Mohamed in Egypt) and letter rewrites (Egypt: j → g, th → s;
Maghreb: sh → ch, q → k), applied to the best spelling of a stem when a region is asked.
"""

from __future__ import annotations

import re

from .arabic_letters import Region, strip_marks

# well-known names whose spelling follows the region more than the letters
REGIONAL_NAMES: dict[str, dict[str, str]] = {
    "محمد": {"levant": "mohammad", "gulf": "mohammed", "iraq": "mohammed", "egypt": "mohamed", "maghreb": "mohamed"},
    "جمال": {"egypt": "gamal", "maghreb": "djamel"},
    "قاسم": {"maghreb": "kacem", "gulf": "qasim", "iraq": "qasim", "levant": "qassem"},
    "أحمد": {"maghreb": "ahmed", "egypt": "ahmed", "levant": "ahmad", "gulf": "ahmed", "iraq": "ahmed"},
    "حسين": {"levant": "hussein", "iraq": "hussein", "gulf": "hussain", "egypt": "hussein", "maghreb": "houcine"},
    "عمر": {"maghreb": "omar", "levant": "omar", "egypt": "omar", "gulf": "omar", "iraq": "omar"},
    "جعفر": {"egypt": "gaafar"},
    "مصطفى": {"maghreb": "mustapha", "egypt": "mostafa", "levant": "mustafa", "gulf": "mustafa", "iraq": "mustafa"},
}

_REWRITES: dict[str, list[tuple[str, str, str]]] = {
    # (arabic letter that must be present, latin pattern, replacement)
    "egypt": [("ج", r"(?<!d)j", "g"), ("ث", r"th", "s"), ("ذ", r"dh", "z")],
    "maghreb": [("ج", r"(?<!d)j", "dj"), ("ش", r"sh", "ch"), ("ق", r"q", "k"), ("و", r"(?<![aeiou])u", "ou")],
    "gulf": [],
    "iraq": [],
    "levant": [],
}


def regional_names(arabic_stem: str, region: Region | None) -> list[str]:
    """The region's spelling of a well-known name (محمد in the Gulf: mohammed), if it has one."""
    known = REGIONAL_NAMES.get(strip_marks(arabic_stem)) if region else None
    return [known[region]] if known and region in known else []


def regional_variants(arabic_stem: str, latin: str, region: Region | None) -> list[str]:
    """Spellings of ``latin`` as the region's press would write the same Arabic stem."""
    if not region:
        return []
    found = regional_names(arabic_stem, region)
    text = latin
    for letter, pattern, repl in _REWRITES.get(region, []):
        if letter in arabic_stem:
            text = re.sub(pattern, repl, text)
    if text != latin:
        found.append(text)
    return found
