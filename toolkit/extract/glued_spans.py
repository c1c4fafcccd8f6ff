"""An English name projected into Arabic words written together by mistake.

Why: translators' Arabic often loses a space here and there (منأوفي إيجاريا for من أوفي
إيجاريا, الإنستغرامموجهًا, الصينوروسيابشأن, مجلسالأمن, مايكبومبيو): the name is there, but
inside a word, where no span of whole words can hold it. Cutting such words up front would
cut rare names too (نيستلروي is "نيس تل روي" to a word-frequency model), so here the cut is
only tried where an English name of the aligned sentence looks for its partner, and kept
only when the name's sound or meaning confirms it (``GluedSpanParams.threshold``).

A word is looked into when the word-frequency table (:mod:`toolkit.normalize.glued`) does not
hold it; its possible edges are its most probable cut, and the edge after a common word it
starts with or before one it ends with (من, في). A span may start or end at such an edge;
it is scored with a space at every edge inside it, and its text is the report's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..normalize.arabic import normalize_arabic
from ..normalize.glued import LETTER_RUN, frequencies, pieces
from .model import RawMention
from .scores import cross_score
from .translated import common_word


@dataclass(frozen=True)
class GluedSpanParams:
    """Set by hand on the development gold's examples (the module docstring's), then
    measured once on every entity gold set (benchmarks/README.md, "one-word links, words run
    together")."""

    #: A span with an edge inside a word must score this much (the linking's own bar for
    #: a projection anywhere in a report is 0.9: an edge inside a word is as bold).
    threshold: float = 0.9
    #: Words shorter than this (letters) are not looked into.
    min_letters: int = 5
    #: A one-word English name is never a common Arabic word found inside another word
    #: (Zipf frequency at least this: شأن "matter" for China, in الصينوروسيابشأن).
    common_zipf: float = 4.5


PARAMS = GluedSpanParams()

#: Words a translator runs into the next or the previous one (من أوفي -> منأوفي, لندن في ->
#: لندنفي); not ما, يا, لا, nor علي / إلي for على / إلى: names begin and end with them
#: (مايك, كولومبيا, علي).
_HEADS = ("من", "في", "على", "عن", "إلى", "الى", "مع", "أن", "إن", "ان", "بين", "عند", "بعد", "قبل", "حتى")
_TAILS = ("في", "من", "على", "عن", "إلى", "الى", "مع", "أن", "إن", "ان")


def _edges(word: str, params: GluedSpanParams) -> tuple[set[int], set[int]]:
    """Offsets inside ``word`` where a span may start or end: where its most probable cut
    falls when every piece is a known word (also the spaces a span is read with), and
    after a head or before a tail word."""
    table = frequencies()
    if len(word) < params.min_letters or normalize_arabic(word, "search") in table:
        return set(), set()
    cut = pieces(word)
    words = {start for start, _end, zipf in cut[1:]} if len(cut) > 1 and all(z > 0 for *_se, z in cut) else set()
    edges = set(words)
    edges.update(len(h) for h in _HEADS if word.startswith(h) and len(word) - len(h) >= 3)
    edges.update(len(word) - len(t) for t in _TAILS if word.endswith(t) and len(word) - len(t) >= 3)
    return {e for e in edges if 0 < e < len(word)}, words


def _proclitic_starts(ar_text: str, cuts: list[int]) -> list[int]:
    """A piece may start with a proclitic (وروسيا in الصينوروسيابشأن): also one letter on."""
    return [c + 1 for c in cuts if ar_text[c] in "وبلفك" and c + 4 <= len(ar_text)]


def project_glued(mention: RawMention, ar_text: str, start: int, end: int, taken: list[tuple[int, int]],
                  translated: bool = True, arabic_forms: tuple[str, ...] = (),
                  params: GluedSpanParams = PARAMS) -> RawMention | None:
    """The best span of ``ar_text[start:end]`` for the English ``mention`` that starts or
    ends inside a word, or None when none scores ``params.threshold``. ``arabic_forms``:
    the name's known Arabic spellings (lexicon), which win a tie."""
    forms = {normalize_arabic(f, "match").replace(" ", "") for f in arabic_forms if f}
    table = frequencies()
    words = [(m.start(), m.end()) for m in LETTER_RUN.finditer(ar_text, start, end)]
    if not words:
        return None
    found = [_edges(ar_text[s:t], params) for s, t in words]
    cuts = [sorted(s + e for e in edges) for (s, _t), (edges, _w) in zip(words, found)]
    spaces = {s + e for (s, _t), (_e, inner) in zip(words, found) for e in inner}
    if not any(cuts):
        return None
    width = len(mention.name.split()) + 1
    one_word = " " not in mention.name.strip()
    best: tuple[float, int, bool, int, int] | None = None  # score, -edges, without proclitic, start, end
    for a, (ws, _we) in enumerate(words):
        clitic = set(_proclitic_starts(ar_text, cuts[a]))
        for s in [ws, *cuts[a], *sorted(clitic)]:
            for b in range(a, min(len(words), a + width)):
                for e in [*cuts[b], words[b][1]]:
                    if e <= s or (s == ws and e == words[b][1] and not any(cuts[a:b + 1])):
                        continue
                    if any(ts < e and s < te for ts, te in taken):
                        continue
                    text = ar_text[s:e]
                    inner = sorted(c for c in spaces if s < c < e)
                    spaced = " ".join(ar_text[x:y] for x, y in zip([s, *inner], [*inner, e]))
                    if normalize_arabic(text, "match").replace(" ", "") in forms:
                        score, used = 1.01, len(inner)  # a spelling the lexicon knows: above any sound-alike
                    elif one_word and " " not in text and (
                            common_word(text, mention.name)
                            or table.get(normalize_arabic(text, "search"), 0.0) >= params.common_zipf):
                        continue  # "China" is not شأن ("matter"), however close the consonants
                    else:
                        # read as written, or with a space at every edge inside (مايك بومبيو)
                        as_written = round(cross_score(mention.name, text, translated), 6)
                        with_spaces = round(cross_score(mention.name, spaced, translated), 6) if inner else 0.0
                        score, used = max(as_written, with_spaces), 0 if as_written > with_spaces else len(inner)
                    # on a tie, the span with fewer edges inside words (أوفي إيجاريا, not في إيجار);
                    # one with none is whole words, the ordinary projection's (it found nothing)
                    edges = used + (s != ws) + (e != words[b][1])
                    if not edges:
                        continue
                    # ... and on a tie still, the one without the proclitic (مجلس النواب, not بمجلس النواب)
                    key = (score, -edges, s in clitic)
                    if best is None or key > best[:3]:
                        best = (*key, s, e)
    if best is None or best[0] < params.threshold:
        return None
    score, _inside, _bare, s, e = best
    return RawMention("ar", s, e, ar_text[s:e], ar_text[s:e], mention.type, "projection",
                      mention.entity_id, round(min(score, 1.0), 3), extras=(("glued", "1"),))


#: Words a translator runs into a name that ends a tagger span (سنوب دوغالذي, كريس
#: روكقامبتحميل): from the first of them on, the pieces are not the name's.
_AFTER_NAME = frozenset(normalize_arabic(w, "search") for w in (
    "الذي", "التي", "الذين", "على", "إلى", "قال", "قالت", "قام", "قامت", "كان", "كانت", "منذ", "بعد", "قبل",
    "حيث", "وقال"))  # not وهو / وهي: names end so (نوجروهو, Nugroho)


def trim_glued(text: str, start: int, end: int) -> tuple[int, int]:
    """The edges of the Arabic span ``text[start:end]`` without words run into its end: a
    last word the frequency table does not hold loses its pieces from the first of
    ``_AFTER_NAME`` on (دوغالذي -> دوغ), when three letters or more stay and three or more
    go (بريمن keeps its من: a word of two letters is too often a name's end). Anything else
    is left as it is; the start is never moved (no evidence says a name's first letters are
    another word's)."""
    words = [(m.start(), m.end()) for m in LETTER_RUN.finditer(text, start, end)]
    if not words:
        return start, end
    ws, we = words[-1]
    last = text[ws:we]
    if len(last) < 6 or normalize_arabic(last, "search") in frequencies():
        return start, end
    cut = pieces(last)
    for k, (s, e, _z) in enumerate(cut[1:], 1):
        if normalize_arabic(last[s:e], "search") in _AFTER_NAME and s >= 3 and len(last) - s >= 3:
            return start, ws + s
    return start, end
