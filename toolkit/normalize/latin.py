"""Normalization of Arabic names as the English-language press romanizes them.

Levels (each includes the folds of the level before):

``display``
    Keeps the spelling and only cleans: NFC; bidi and zero-width characters removed;
    every apostrophe-like mark (’ ‘ ʼ ʾ ʿ ` ´ ′) becomes ``'``; every dash-like mark
    (‐ ‑ ‒ – — ―) inside a name becomes ``-``; whitespace collapsed.
``search``
    What a search box folds: case, accents and the dots and macrons of scholarly
    romanization (ā ḥ ṣ ḍ ṭ ẓ), ayn/hamza apostrophes removed, hyphens and other
    punctuation become spaces.  The article and the spelling stay.
``match``
    Folds the variants that romanization produces, so that "Kataeb Hezbollah",
    "Kata'ib Hizballah" and "Kataib Hizbullah" give one key:

    1. the article in all its forms is dropped: al-, el-, ul-, il- and the sun-letter
       assimilations ash-, as-, ad-, at-, az-, adh-, ath-, an-, ar- (ash-Sharaa,
       ad-Din, as-Sudani, at-Tawhid), attached or separate;
    2. compounds are joined into one token: Abdul Aziz = Abd al-Aziz = Abdelaziz =
       Abdulaziz -> ``abd`` + ``aziz``; X Allah / X-ullah / Xollah -> X + ``allah``
       (Nasrallah, Hezbollah, Abdullah); X ad-Din / Xuddin / Xeddine -> X + ``din``;
       bin/ibn/ben/bn -> ``bin``, bint -> ``bint``, Abu/Abou/Abo -> ``abu``;
    3. each token is folded phonetically: doubled letters single; q, k, c, ck -> k;
       kh; sh, ch, sch -> sh; th -> s; c before e/i -> s; dh -> z; gh -> g; ph -> f; dj -> j; v -> w;
       a final h after a vowel is dropped (Hamzah = Hamza); a y or w between vowels
       is a glide and dropped (Dawood = Daoud); every run of vowels becomes ``a``,
       except a run that glides into a different i/e/y (ai, ei, ay, ie), which becomes
       ``ay`` (Hussein = Husayn = Hussain, kept apart from Hasan); sh and kh are
       written ``sh`` and ``kh``.

    Vowel *slots* survive, so different names stay apart: Hamdani (``hamdana``) is not
    Hamadani (``hamadana``), Mohammed (``mahamad``) is not Mahmoud (``mahmad``).
    The key is for equality; :func:`toolkit.normalize.keys.similarity` scores the rest.

English running text (not names) is better served by sacremoses; see
:func:`english_tokens`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .arabic import Normalized
from .latin_search import clean_display as _clean_display
from .latin_search import search as _search
from .latin_search import search_char as _search_char
from .latin_tables import (
    ABD_RE, ABD_TOKENS, ABU, ALLAH_RE, ALLAH_TOKENS, ARTICLES, BIN, DIGRAPHS, DIN_RE, DIN_TOKENS, DISPLAY_TABLE,
    SOFT_C_RE, VOWEL_RUN_RE, VOWELS,
)
from .levels import Level

def _fold_token(tok: str) -> str:
    """Phonetic fold of one token (see the module docstring, step 3)."""
    if not tok.isalpha() or not tok.isascii():
        return tok
    for a, b in DIGRAPHS:
        if a in tok:
            tok = tok.replace(a, b)
    if "c" in tok:
        tok = SOFT_C_RE.sub("s", tok).replace("c", "k")
    # Final h after a vowel is not a consonant in romanization (Hamzah, Fatimah).
    if len(tok) > 2 and tok.endswith("h") and tok[-2] in VOWELS:
        tok = tok[:-1]
    # Doubled consonants (gemination from shadda, or spelling habit).
    out: list[str] = []
    for c in tok:
        if out and out[-1] == c and c not in VOWELS:
            continue
        out.append(c)
    tok = "".join(out)
    # y/w between vowels is a glide.
    tok = re.sub(r"(?<=[aeiou])[yw](?=[aeiou])", "", tok)
    tok = VOWEL_RUN_RE.sub(_vowel_slot, tok)
    return tok.replace("\x01", "sh").replace("\x02", "kh")


def _vowel_slot(m: re.Match[str]) -> str:
    run = m.group(0)
    start, end = m.start(), m.end()
    text = m.string
    if run == "y":
        # y before a vowel or at the start of a word is a consonant.
        if start == 0 or (end < len(text) and text[end] in VOWELS):
            return "y"
        return "a"
    if run.startswith("y") and start == 0:
        return "y" + _vowel_slot_plain(run[1:])
    return _vowel_slot_plain(run)


def _vowel_slot_plain(run: str) -> str:
    if not run:
        return ""
    if len(run) >= 2 and any(c in "iey" and c != run[0] for c in run[1:]):
        return "ay"
    return "a"


def _join_compounds(tokens: list[str]) -> list[str]:
    """Drop articles and join compound names (module docstring, steps 1 and 2)."""
    # 1. Articles: separate tokens, or prefixes with a hyphen kept until now.
    kept: list[str] = []
    for i, tok in enumerate(tokens):
        if tok in ARTICLES and i + 1 < len(tokens):
            continue
        kept.append(tok)
    tokens = kept
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok in BIN:
            out.append(BIN[tok])
        elif tok in ABU:
            out.append("abu")
        elif tok in ABD_TOKENS and nxt is not None:
            rest = nxt
            out.append("abd" + _allah_din(rest))
            i += 2
            continue
        elif tok in ALLAH_TOKENS and out and out[-1] not in ("abu", "bin", "bint"):
            out[-1] = out[-1] + "allah"
        elif tok in ALLAH_TOKENS and out and out[-1] == "abd":
            out[-1] = "abdallah"
        elif tok in DIN_TOKENS and out:
            out[-1] = out[-1] + "din"
        else:
            m = ABD_RE.match(tok)
            if m:
                out.append("abd" + _allah_din(tok[m.end():]))
            else:
                out.append(_allah_din(tok))
        i += 1
    return out


def _allah_din(tok: str) -> str:
    if tok in ALLAH_TOKENS:
        return "allah"
    if len(tok) >= 6 and tok.endswith(("llah", "lla")):
        m = ALLAH_RE.search(tok)
        if m:
            return tok[: m.start()] + "allah"
    if len(tok) >= 6:
        m = DIN_RE.search(tok)
        if m:
            return tok[: m.start()] + "din"
    return tok


def _split_tokens(display: str) -> list[str]:
    """Search-level tokens, with hyphenated article prefixes split off first."""
    tokens: list[str] = []
    for raw in display.split(" "):
        for part in re.split(r"-+", raw):
            if part:
                tokens.append(part)
    out: list[str] = []
    for t in tokens:
        s = _search(t)
        out.extend(s.split(" ") if s else [])
    return out


def normalize_latin(text: str, level: Level = "match") -> str:
    """Normalize a romanized Arabic name (or any Latin text) at ``level``."""
    if level == "display":
        return _clean_display(text)
    if level == "search":
        return _search(text)
    if level != "match":
        raise ValueError(f"unknown level {level!r}; choose one of display, search, match")
    return _match(text)


def normalize_latin_lines(block: str, level: Level = "match") -> str:
    """Each line of ``block`` normalized as by :func:`normalize_latin`, joined by "\\n"
    again; the display and search levels run over the whole block at once."""
    if level == "display":
        return _clean_display(block, lines=True)
    if level == "search":
        return _search(block, lines=True)
    if level != "match":
        raise ValueError(f"unknown level {level!r}; choose one of display, search, match")
    return "\n".join(_match(line) for line in block.split("\n"))


@lru_cache(maxsize=65536)
def _match(text: str) -> str:
    key = _match_once(text)
    # The rules are written so that a key is its own key; this loop is the safety net
    # that makes the level idempotent even for odd inputs the rules did not foresee.
    for _ in range(4):
        again = _match_once(key)
        if again == key:
            break
        key = again
    return key


def name_tokens(text: str) -> list[str]:
    """Search-level tokens of a name with the article dropped and compounds joined
    (steps 1 and 2 of the match level, before the phonetic fold).  The cross-script
    keys start from these, because they still carry the vowel qualities."""
    return _join_compounds(_split_tokens(_clean_display(text)))


def _match_once(text: str) -> str:
    tokens = name_tokens(text)
    folded = []
    for tok in tokens:
        f = _fold_token(tok)
        if f in ARTICLES:
            # A name that folds to an article shape ("Ann" -> "an") must not be
            # dropped as an article when the key is normalized again.
            f = f + f[-1]
        if f:
            folded.append(f)
    return " ".join(folded)


def normalize_latin_offsets(text: str, level: Level = "match") -> Normalized:
    """Like :func:`normalize_latin`, with an offset into ``text`` for every output character.

    The display and search levels fold character by character, so offsets are exact.
    The match level rewrites whole tokens; each output character points at the start
    of the input token it came from (the span of a whole key token is still exact).
    """
    if level not in ("display", "search", "match"):
        raise ValueError(f"unknown level {level!r}; choose one of display, search, match")
    chars: list[str] = []
    offs: list[int] = []
    if level == "match":
        return _match_offsets(text)
    for i, ch in enumerate(text):
        rep = ch.translate(DISPLAY_TABLE)
        if rep and not rep.isascii():
            rep = unicodedata.normalize("NFC", rep)
        if level == "search":
            rep = "".join(_search_char(c) for c in rep)
        for c in rep:
            if c == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(c)
            offs.append(i)
    if chars and chars[-1] == " ":
        chars.pop()
        offs.pop()
    out = "".join(chars)
    if out != normalize_latin(text, level):
        # Combining sequences that NFC composes across characters: fall back to
        # mapping every output character to the start of its word.
        return _word_offsets(text, normalize_latin(text, level))
    return Normalized(out, tuple(offs))


def _match_offsets(text: str) -> Normalized:
    """Offsets for the match level: each key token points at the start of the input
    word it begins with (articles and compounds make exact character maps meaningless)."""
    key = _match(text)
    words = [(m.start(), _match(m.group(0))) for m in re.finditer(r"[^\s-]+", text)]
    words = [(start, k) for start, k in words if k]
    offs: list[int] = []
    w = 0
    for token in key.split(" ") if key else []:
        # Advance to the first input word whose own key starts this token.
        j = w
        while j < len(words) and not token.startswith(words[j][1].split(" ")[0][:2]):
            j += 1
        if j < len(words):
            w = j
        start = words[min(w, len(words) - 1)][0] if words else 0
        if offs:
            offs.append(start)  # the space before this token
        offs.extend([start] * len(token))
        w = min(w + 1, len(words))
    return Normalized(key, tuple(offs))


def _input_tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+", text)]


def _word_offsets(text: str, out: str) -> Normalized:
    spans = _input_tokens(text)
    offs: list[int] = []
    w = 0
    for c in out:
        if c == " ":
            w += 1
        idx = spans[min(w, len(spans) - 1)][0] if spans else 0
        offs.append(idx)
    return Normalized(out, tuple(offs))


def english_tokens(text: str) -> list[str]:
    """Tokenize English running text with sacremoses (punctuation normalized first).

    Imported lazily: sacremoses is only needed for running text, not for names.
    """
    from sacremoses import MosesPunctNormalizer, MosesTokenizer

    norm = MosesPunctNormalizer(lang="en").normalize(text)
    return MosesTokenizer(lang="en").tokenize(norm, escape=False)
