"""The display and search levels of the Latin normalizer, fast on running English text.

Why a module of its own: these two levels fold character by character (plus NFC and
the whitespace collapse), so they can run as whole-string passes at C speed, and a block
of lines can go through them at once; :mod:`.latin` keeps the token rules of ``match``.

Fast paths, each giving the same output as the character-by-character definition
(``tests/normalize/test_blocks.py`` compares them):

* an ASCII text (most English lines) takes one ``str.translate`` that does the display
  and the search fold of every ASCII character at once, then the whitespace collapse;
* a long non-ASCII text takes the display table as one numpy gather (:mod:`.vector`);
* a block of lines keeps its "\\n" (no fold reads or writes it), so the collapse and the
  strip happen at every line's ends (``lines=True``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .latin_tables import DISPLAY_TABLE, EXTRA_FOLDS
from .vector import PARAMS as VECTOR
from .vector import Lookup, ascii_lookup, build_lookup, translate, translate_ascii

# The display table as a list over the BMP: str.translate then answers every lookup
# without raising KeyError for unchanged characters (several times faster on text).
# (Built on first use: an Arabic-only run of ``toolkit normalize`` never needs it.)
@lru_cache(maxsize=None)
def _display_seq(lines: bool) -> list[object]:
    seq: list[object] = list(range(0x10000))
    for cp, v in DISPLAY_TABLE.items():
        seq[cp] = v if v else None
    if lines:
        seq[0x0A] = 0x0A
    return seq

# ASCII part of the search fold: letters lower-cased by str.lower, the apostrophe
# dropped, every other non-alphanumeric ASCII character a space.
_SEARCH_ASCII: list[object] = [c if chr(c).isalnum() else (None if chr(c) == "'" else " ") for c in range(0x80)]
_SEARCH_ASCII_LINES = list(_SEARCH_ASCII)
_SEARCH_ASCII_LINES[0x0A] = 0x0A


def _display_then_search(cp: int, lines: bool) -> object:
    """One ASCII character through the display table and the ASCII search fold."""
    if lines and cp == 0x0A:
        return 0x0A
    shown = DISPLAY_TABLE.get(cp, chr(cp))
    folded = "".join(c.lower() if c.isalnum() else ("" if c == "'" else " ") for c in shown)
    return folded or None


# Both levels of an ASCII text in one translate (display's collapse and strip before the
# fold change nothing the final collapse and strip would not: spaces fold to spaces).
_ASCII_SEARCH = [_display_then_search(c, False) for c in range(0x80)]
_ASCII_SEARCH_LINES = [_display_then_search(c, True) for c in range(0x80)]
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_ASCII_CONTROLS_RE = re.compile(r"[\x00-\x1f\x7f]")
_ASCII_CONTROLS_LINES_RE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


@lru_cache(maxsize=None)
def _display_lookup(lines: bool) -> Lookup:
    table = {cp: v for cp, v in DISPLAY_TABLE.items() if not (lines and cp == 0x0A)}
    return build_lookup(table)


@lru_cache(maxsize=None)
def _ascii_lut(after_display: bool, lines: bool) -> object:
    """The ASCII search fold as a byte table: of the raw text, or of its display form."""
    if after_display:  # str.lower() first, then the fold
        seq = _SEARCH_ASCII_LINES if lines else _SEARCH_ASCII
        return ascii_lookup([seq[ord(chr(c).lower())] for c in range(0x80)])
    return ascii_lookup(_ASCII_SEARCH_LINES if lines else _ASCII_SEARCH)


def _ascii_search(s: str, after_display: bool, lines: bool) -> str:
    """The search fold of an ASCII string, with the whitespace collapse and strip."""
    if len(s) >= VECTOR.min_chars:
        return translate_ascii(s, _ascii_lut(after_display, lines), "lines" if lines else "collapse")
    if after_display:
        return _collapse(s.lower().translate(_SEARCH_ASCII_LINES if lines else _SEARCH_ASCII), lines)
    return _collapse(s.translate(_ASCII_SEARCH_LINES if lines else _ASCII_SEARCH), lines)


def _collapse(s: str, lines: bool) -> str:
    while "  " in s:
        s = s.replace("  ", " ")
    if lines:
        if " \n" in s:
            s = s.replace(" \n", "\n")
        if "\n " in s:
            s = s.replace("\n ", "\n")
    return s.strip(" ")


def clean_display(text: str, lines: bool = False) -> str:
    """The display level; ``lines``: every "\\n"-separated line on its own, at once."""
    return _collapse(_display(text, lines), lines)


def _display(text: str, lines: bool) -> str:
    """The display level before its whitespace collapse (which the search level's own
    collapse makes redundant: every fold keeps a space a space)."""
    if text.isascii():
        # Most English text: only controls and tabs/newlines need the table.
        controls = _ASCII_CONTROLS_LINES_RE if lines else _ASCII_CONTROLS_RE
        s = text.translate(_display_seq(lines)) if controls.search(text) else text
    elif len(text) >= VECTOR.min_chars:
        s = translate(text, _display_lookup(lines))
    else:
        s = text.translate(_display_seq(lines))
    if not s.isascii():
        # NFC neither makes nor removes a U+0020 and composes nothing with "\n".
        s = unicodedata.normalize("NFC", s)
    return s


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """Fold one non-ASCII character for the search level (to a fixed point, so that
    the level is idempotent: Ø -> ø -> o gives o at once)."""
    out = _fold_once(ch)
    for _ in range(3):
        again = "".join(_fold_once(c) if not c.isascii() else c for c in out)
        if again == out:
            break
        out = again
    return out


def _fold_once(ch: str) -> str:
    low = ch.lower() if len(ch.lower()) == 1 else ch
    if low in EXTRA_FOLDS:
        return EXTRA_FOLDS[low]
    decomposed = unicodedata.normalize("NFKD", low)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    if base.isascii():
        return "".join(c.lower() if c.isalnum() else ("" if c == "'" else " ") for c in base)
    if unicodedata.category(ch)[0] in "PSZC":
        return " "
    return low


def search_char(ch: str) -> str:
    """The search fold of one character of the display form."""
    if ch.isascii():
        if ch.isalnum():
            return ch.lower()
        return "" if ch == "'" else " "
    return fold_char(ch)


def search(text: str, lines: bool = False) -> str:
    """The search level: same result as :func:`search_char` on every character of the
    display form, computed with C-speed passes (non-ASCII characters, rare in English
    text, go through the cached per-character fold)."""
    if text.isascii():
        return _ascii_search(text, False, lines)
    s = _display(text, lines)
    if not s.isascii():
        s = _NON_ASCII_RE.sub(lambda m: fold_char(m.group()), s)
    if s.isascii():
        return _ascii_search(s, True, lines)
    s = s.lower().translate(_SEARCH_ASCII_LINES if lines else _SEARCH_ASCII)
    return _collapse(s, lines)
