"""Vowels the Arabic does not write, known without the press: a table of common words and
names (``vocalized.tsv``) and the masdar patterns of the derived verb forms.

Why: the official and scholarly styles take a name's short vowels from its press spellings
(:mod:`.styles`), and where the press spelling is a guess of the model the vowels are too
(al-Astaqlal for الاستقلال, Jahaz Makafhat for جهاز مكافحة). A word of an organization's
name or a common given name has one standard reading; the table holds it, and the patterns
give the vowels of every masdar of forms III, VII, VIII and X (مبادرة mubādarah, انسحاب
insiḥāb, اجتماع ijtimāʿ, استقلال istiqlāl) from the shape of the word alone.
:func:`standard_stem` writes a stem in the style asked (a table reading as it is or made
official; a pattern's plain Latin respelled by :func:`.styles.respell_stem`, consonants and
long vowels from the Arabic letters); :func:`.restyle.standard_unit` adds the unit's parts.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .styles import press_letter, respell_stem
from .word_classes import Spelling, fold_word, official_from_scholarly

TABLE_PATH = Path(__file__).with_name("vocalized.tsv")


@lru_cache(maxsize=1)
def entries() -> tuple[tuple[str, str], ...]:
    """The table's rows (Arabic as written, ALA-LC); a malformed line is an error naming it."""
    out = []
    for n, line in enumerate(TABLE_PATH.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line == "arabic\tscholarly":
            continue
        cells = line.split("\t")
        if len(cells) != 2 or not all(c.strip() for c in cells):
            raise ValueError(f"{TABLE_PATH}:{n}: expected 'arabic<TAB>scholarly', got {line!r}")
        out.append((cells[0].strip(), cells[1].strip()))
    return tuple(out)


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """The folded Arabic word (:func:`fold_word`) → its ALA-LC reading."""
    return {fold_word(arabic): scholarly for arabic, scholarly in entries()}


def plain_reading(stem: str) -> str | None:
    """The stem (no article) in plain Latin letters with its standard vowels, or None when
    neither the table nor a pattern knows them."""
    key = fold_word(stem)
    known = table().get(key)
    if known is not None:
        return _official(key, known)
    return _masdar(key)


def _official(key: str, scholarly: str) -> str:
    """The official spelling of a table word: its ALA-LC made plain, and -a for ـاة
    (مساواة Musāwāh: Musawa; a final ه after ā, as in Shāh, keeps its h)."""
    if key.endswith("اة") and scholarly.endswith("āh"):
        scholarly = scholarly[:-1]
    return official_from_scholarly(scholarly)


def standard_stem(stem: str, style: str, construct: bool = False) -> str | None:
    """The stem (no article) in ``style`` by its standard reading: the table's ALA-LC as it
    is or made official, a pattern's vowels respelled; "press" is the official spelling
    without apostrophes, with -iya and a single w (al-Shuyui, al-Ijtimai, Jamiat, al-Jawiya:
    how the press writes the common words of an organization's name)."""
    key = fold_word(stem)
    known = table().get(key) or _nisba_reading(key)
    if known is not None:
        official = _official(key, known)
        # the press writes the doubled w once (al-Quwat, al-Jawiya; not yy: Tayyar, Sayyid)
        press = official.replace("'", "").replace("iyya", "iya").replace("iyyi", "iyi").replace("iyyu", "iyu").replace("ww", "w")
        plain_style = {"official": official, "press": press}.get(style)
        if plain_style is not None:  # (Spelling's own press slot writes it, construct -at included)
            return Spelling(plain_style, known, key.endswith("ة")).get("press", construct)
        return Spelling(press, known, key.endswith("ة")).get(style, construct)
    plain = _masdar(key)
    if not plain:
        return None
    text = respell_stem(stem, plain, "official" if style == "press" else style, construct)
    return text.replace("'", "") if text and style == "press" else text


def _nisba_reading(key: str) -> str | None:
    """A nisba adjective whose base the table reads (كردستاني from كردستان Kurdistān:
    Kurdistānī), and its masculine plurals (جزائريين Jazāʾiriyyīn, سودانيون Sūdāniyyūn);
    None otherwise, and for a base ending in a long vowel or ة."""
    for plural, ending in (("يين", "iyyīn"), ("يون", "iyyūn")):
        if len(key) >= 6 and key.endswith(plural):
            single = table().get(key[:-2]) or _nisba_reading(key[:-2])
            return single[:-1] + ending if single and single.endswith("ī") else None
    if len(key) < 5 or not key.endswith("ي"):
        return None
    base = table().get(key[:-1])
    if base is None or base[-1:] in "āīūáh":
        return None
    return base + "ī"


_SUFFIXES = (("ات", "at"), ("ي", "i"), ("", ""))


def _masdar(key: str) -> str | None:
    """Forms VIII (اCتCاC: iCtiCāC), VII (انCCاC: inCiCāC) and X (استCCاC: istiCCāC), with
    a plural ـات or a nisba ـي after them, and form III's feminine masdar (مCاCCة: muCāCaCa;
    its participle muCāCiCa, مقاتلة, is in the word tables)."""
    for suffix, latin_suffix in _SUFFIXES:
        if suffix and not key.endswith(suffix):
            continue
        base = key[: len(key) - len(suffix)]
        c = [press_letter(ch) or {"و": "w", "ي": "y"}.get(ch, "") for ch in base]  # (consonants in a pattern)
        if len(base) == 7 and base.startswith("است") and base[5] == "ا" and base[3] not in "وي" and all(c[k] for k in (3, 4, 6)):
            return f"Isti{c[3]}{c[4]}a{c[6]}{latin_suffix}"
        if len(base) == 6 and base[0] == "م" and base[2] == "ا" and base[5] == "ة" and all(c[k] for k in (1, 3, 4)):
            return f"Mu{c[1]}a{c[3]}a{c[4]}a{latin_suffix}"  # form III masdar (مبادرة mubādara)
        if len(base) != 6 or base[0] != "ا" or base[4] != "ا" or not all(c[k] for k in (1, 2, 3, 5)):
            continue
        if base[1] == "ن" and base[2] != "ت":
            return f"In{c[2]}i{c[3]}a{c[5]}{latin_suffix}"
        if base[2] == "ت":
            return f"I{c[1]}ti{c[3]}a{c[5]}{latin_suffix}"
    return None
