"""Sentence splitting for English and Arabic news, with offsets into the input.

Rule based on purpose: news text is regular enough that a few rules beat a model we
would have to ship, and every rule here is one a reader can check.  The splitter

- treats a line break as a boundary (headlines and bullets carry no final punctuation),
  but rejoins hard-wrapped lines (next line starts in lower case, or the line ends
  with a comma);
- ends sentences at ``. ! ? … ؟ ؛`` (the Arabic comma ``،`` does not end one), keeping
  closing quotes and brackets with the sentence they close;
- does not split inside a balanced quotation (« », “ ”, or paired straight quotes)
  so that ``“We will win. They will lose,” he said.`` stays one sentence;
- knows abbreviations (Dr., U.S., No. 5, Jan., single initials, Arabic ``د.``) and
  decimal numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from .types import Sentence

__all__ = ["split_sentences", "split_lines", "SplitParams", "cut_long"]


@dataclass(frozen=True)
class SplitParams:
    """Bounds of the splitter.

    ``max_chars``: longest sentence handed on; a longer one (a text with no sentence
    punctuation, a 1 MB single line) is cut at whitespace into pieces of at most this
    many characters.  The encoders' cost and memory grow with a sentence's length (USE
    encodes a sentence longer than its token budget as one batch: 3.96 GB for a 1 MB
    line, issue 14 item 9).  2,000 characters is about 500 USE tokens and ten times the
    longest sentence of the NTREX development documents and the examples (223), so
    normal text is never cut.
    ``min_piece``: a cut at whitespace is taken only this far into the piece; with no
    whitespace there a piece is cut hard at ``max_chars``.
    ``word_window``: characters scanned back for the word before a period; longer
    words fall back to a scan from the block start (same result, only slower).
    """

    max_chars: int = 2000  # issue 14 item 9; 10x the longest NTREX/example sentence
    min_piece: int = 1000  # half of max_chars: pieces stay between 1,000 and 2,000
    word_window: int = 64  # longer than any abbreviation or dotted acronym


SPLIT = SplitParams()

_TERMINATORS = ".!?…؟؛"
_CLOSERS = "\"'”’»)]}›"
_OPENERS = "\"'“‘«([{‹"
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt cpt maj adm gov sen rep st jr sr rev hon pres
    inc ltd co corp bros vs v no nos art fig figs vol dept est approx mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# Words that, capitalised after a dotted acronym ("U.S."), signal a new sentence.
_STARTERS = frozenset(
    """the a an he she it they we i this that these those there but and in on at for
    however meanwhile after before when while his her their its our""".split()
)
_WORD_BEFORE = re.compile(r"([^\s" + re.escape(_OPENERS) + r"]+)$")
_QUOTE_PAIRS = {"«": "»", "“": "”", "‹": "›"}
_BULLET = re.compile(r"^\s*(?:[-•*–—▪●]|\d{1,3}[.)])\s")


def split_lines(text: str) -> list[Sentence]:
    """One sentence per line (``--presplit``): line ``i`` is sentence ``i``.

    Empty lines are kept (as empty sentences) so indices keep referring to lines;
    a final newline does not make an extra line.
    """
    sentences: list[Sentence] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        lead = len(body) - len(body.lstrip())
        stripped = body.strip()
        start = pos + lead
        sentences.append(Sentence(stripped, start, start + len(stripped)))
        pos += len(line)
    return sentences


def split_sentences(text: str, lang: str = "auto") -> list[Sentence]:
    """Split ``text`` into sentences; ``lang`` is ``"en"``, ``"ar"`` or ``"auto"``.

    The rules for both languages live together (news in either language quotes the
    other), so ``lang`` only matters for case-based rules, which Arabic lacks.
    """
    result: list[Sentence] = []
    for start, end in _blocks(text):
        for sentence in _split_block(text, start, end):
            result.extend(cut_long(text, sentence))
    return result


def cut_long(text: str, sentence: Sentence, params: SplitParams = SPLIT) -> list[Sentence]:
    """``sentence`` (a span of ``text``) as pieces of at most ``params.max_chars``,
    cut at the last whitespace past ``params.min_piece``; offsets still point into
    ``text``.  A sentence within the bound is returned as it is."""
    if sentence.end - sentence.start <= params.max_chars:
        return [sentence]
    pieces: list[Sentence] = []
    pos, end = sentence.start, sentence.end
    while pos < end:
        while pos < end and text[pos].isspace():
            pos += 1
        if pos >= end:
            break
        stop = min(end, pos + params.max_chars)
        if stop < end:
            space = max(text.rfind(c, pos + params.min_piece, stop + 1) for c in " \t\n\u00a0")
            if space > pos:
                stop = space
        piece = text[pos:stop].rstrip()
        if piece:
            pieces.append(Sentence(piece, pos, pos + len(piece)))
        pos = stop
    return pieces


def _blocks(text: str) -> list[tuple[int, int]]:
    """Lines of ``text`` as (start, end), hard-wrapped lines joined back together."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        if body.strip():
            lines.append((pos, pos + len(body)))
        else:
            lines.append((pos, pos))  # blank line: a paragraph break
        pos += len(line)
    blocks: list[tuple[int, int]] = []
    for start, end in lines:
        if start == end:
            blocks.append((start, end))
            continue
        if blocks and blocks[-1][0] != blocks[-1][1] and _continues(_tail(text, *blocks[-1]), text[start:end]):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return [(s, e) for s, e in blocks if s != e]


def _tail(text: str, start: int, end: int, size: int = 200) -> str:
    """The end of the block ``text[start:end]``: all :func:`_continues` reads of it
    (a block grows line by line: slicing all of it each time is quadratic)."""
    tail = text[max(start, end - size):end]
    return tail if tail.strip() or end - start <= size else text[start:end]


def _continues(previous: str, line: str) -> bool:
    """Is ``line`` the continuation of a hard-wrapped ``previous`` line?"""
    prev = previous.rstrip()
    head = line.lstrip()
    if not prev or not head or _BULLET.match(line):
        return False
    if prev[-1] in _TERMINATORS or prev[-1] in _CLOSERS:
        return False
    if prev[-1] in ",،-–" or prev.endswith((" and", " or", " the", " of", " to", " و")):
        return True
    return head[0].isalpha() and head[0].islower()


def _protected_spans(block: str) -> list[tuple[int, int]]:
    """Balanced quotations in ``block`` (no sentence ends inside them)."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight = -1
    for k, ch in enumerate(block):
        if ch in _QUOTE_PAIRS:
            stack.append((_QUOTE_PAIRS[ch], k))
        elif stack and ch == stack[-1][0]:
            _, opened = stack.pop()
            spans.append((opened, k))
        elif ch == '"':
            if straight < 0:
                straight = k
            else:
                spans.append((straight, k))
                straight = -1
    # very long "quotations" are more likely unbalanced quote marks than speech
    return [(s, e) for s, e in spans if e - s <= 400]


def _is_abbreviation(block: str, dot: int, following: str) -> bool:
    """Is the period at ``block[dot]`` part of an abbreviation rather than an ending?"""
    window = max(0, dot - SPLIT.word_window)
    match = _WORD_BEFORE.search(block, window, dot)
    if match and match.start() == window and window > 0:  # the word may start earlier
        match = _WORD_BEFORE.search(block, 0, dot)
    if not match:
        return False
    word = match.group(1)
    bare = word.strip(_CLOSERS + _OPENERS)
    if not bare:
        return False
    lower = bare.lower()
    if lower in _ABBREVIATIONS:
        if lower in ("no", "nos", "art", "fig", "figs", "vol", "v"):
            return following[:1].isdigit()
        return True
    if len(bare) == 1 and bare.isalpha():
        # "J. Smith" (an initial) or the Arabic "د." (doctor), "م." (AD year)
        return True
    if "." in bare and all(part.isalpha() and len(part) <= 2 for part in bare.split(".") if part):
        # dotted acronym "U.S." / "U.N." / "ق.م": ends a sentence only before a typical opener
        nxt = re.match(r"[A-Za-z]+", following)
        return not (nxt and nxt.group(0).lower() in _STARTERS)
    return False


def _split_block(text: str, start: int, end: int) -> list[Sentence]:
    block = text[start:end]
    depth = [0] * (len(block) + 1)  # positions strictly inside a protected span
    for s, e in _protected_spans(block):
        if e - s > 1:
            depth[s + 1] += 1
            depth[e] -= 1
    depth = list(accumulate(depth))

    def inside_quote(k: int) -> bool:
        return depth[k] > 0

    cuts: list[int] = []
    k = 0
    n = len(block)
    while k < n:
        ch = block[k]
        if ch not in _TERMINATORS:
            k += 1
            continue
        j = k + 1
        while j < n and block[j] in _TERMINATORS:
            j += 1
        while j < n and block[j] in _CLOSERS:
            j += 1
        if j >= n:
            break
        if not block[j].isspace():
            k = j
            continue
        nxt = j
        while nxt < n and block[nxt].isspace():
            nxt += 1
        following = block[nxt:nxt + 40]
        if not following:
            break
        first = following[0]
        ok = True
        if inside_quote(j - 1):
            ok = False
        elif first.isalpha() and first.islower():
            ok = False  # "e.g. the", "the U.S. economy"
        elif ch == "." and j == k + 1 and _is_abbreviation(block, k, following):
            ok = False
        elif first in ",;:،":
            ok = False
        if ok:
            cuts.append(j)
        k = j
    sentences: list[Sentence] = []
    prev = 0
    for cut in [*cuts, n]:
        piece = block[prev:cut]
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        if stripped:
            s = start + prev + lead
            sentences.append(Sentence(stripped, s, s + len(stripped)))
        prev = cut
    return sentences
