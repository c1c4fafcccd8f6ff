"""Affixes written around a word of a name, Arabic → Latin, by style: the proclitics و ل ب
split off by ``word_classes.split_clitics`` (wa al-Sham, lil-Dawa, bil-Maruf) and the nisba
adjective's feminine ending (al-Dimuqrati → al-Dimuqratiya)."""

from __future__ import annotations

import re

#: the written forms of the separated proclitics, by style: (before the article, before a noun)
PROCLITICS = {
    "و": {"press": ("wa", "wa"), "official": ("wa", "wa"), "scholarly": ("wa-", "wa-")},
    "ل": {"press": ("lil-", "li-"), "official": ("lil-", "li-"), "scholarly": ("lil-", "li-")},
    "ب": {"press": ("bil-", "bi-"), "official": ("bil-", "bi-"), "scholarly": ("bi-al-", "bi-")},
}


_ARTICLE_FORM = re.compile(r"^(?:al|el|a[tdrzsnl]h?)-", re.IGNORECASE)


def with_proclitic(proclitic: str, text: str, style: str) -> list[str]:
    """``text`` with the proclitic written before it, the style's usual form first:
    و + al-Sham → wal-Sham, wa al-Sham (press; official: wa al-Sham first); ل + al-Dawa →
    lil-Dawa; ل + Tahrir → li-Tahrir."""
    before_article, before_noun = PROCLITICS[proclitic][style]
    m = _ARTICLE_FORM.match(text)
    if m is None:
        joiner = "" if before_noun.endswith("-") else " "
        return [f"{before_noun}{joiner}{text}"]
    rest = text[m.end():]
    if proclitic == "و":
        if style == "scholarly":
            return [f"wa-al-{rest}"]
        if style == "press":  # the press glues it (Jamaat al-Tawhid wal-Jihad); the lists write wa al-
            return [f"wal-{rest}", f"wa al-{rest}"]
        return [f"wa al-{rest}", f"wal-{rest}"]
    if style == "scholarly" and proclitic == "ب":
        return [f"bi-al-{rest}"]
    return [f"{before_article}{rest}"]


#: the nisba ending ـية written after the masculine form's -i, by style
NISBA_ENDING = {"press": "ya", "official": "yya", "scholarly": "yah"}

_NISBA_TAIL = re.compile(r"(?:iy|ie|ee|ey|ei|i|y|ī)$")


def nisba_feminine(text: str, style: str) -> str:
    """A nisba adjective's feminine from its masculine spelling: al-Dimuqrati →
    al-Dimuqratiya (press), al-Dimuqratiyya (official), al-Dīmuqrāṭīyah (scholarly)."""
    base = _NISBA_TAIL.sub("", text)
    long_i = "ī" if style == "scholarly" else "i"
    return base + long_i + NISBA_ENDING[style]
