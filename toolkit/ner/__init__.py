"""Named-entity mentions in English and Arabic text, from shipped CRF taggers.

Why a trained tagger: capitalized-word patterns and lexicon hits find about four names in
ten on news outside the lexicon's region; CRFs trained on CoNLL-2003 + wikigold (English)
and ANERcorp + AQMAR (Arabic) find names they have never seen, from word shape, affixes,
clitic-stripped forms, context and lexicon-membership features (:mod:`.features`). The
models live in ``models/ner/`` (CRFsuite files: weights only, no pickle; see their
MODEL_CARD.md) and are rebuilt by ``training/ner/train.py``.

    >>> from toolkit.ner import find_mentions
    >>> [(m.text, m.type) for m in find_mentions("Barack Obama visited Paris on Monday.", "en")]
    [('Barack Obama', 'PER'), ('Paris', 'LOC')]

This layer proposes spans and types; resolving them to entities is the lexicon's job, one
layer up. It imports only normalize, lexdata and resources.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from typing import Any

from ..normalize.glued import Respaced, given_positions, respace, to_given
from ..normalize.script import has_arabic, has_latin
from .clitics import name_start
from .document import Tagged, propagate
from .features import Lang
from .params import DEFAULT, NerParams
from .tagger import LANGS, chunks, labeled_spans, model_path, tagger_for
from .tokenize import Token, tokenize

__all__ = [
    "LANGS", "NerMention", "NerParams", "Token", "find_mentions", "find_mentions_many",
    "mentions_record", "model_path", "tag_sentences", "tokenize",
]

#: The entity types the taggers propose.
TYPES: frozenset[str] = frozenset({"PER", "ORG", "LOC", "MISC"})


@dataclass(frozen=True, slots=True)
class NerMention:
    """One proposed mention: ``text == line[start:end]`` (character offsets)."""

    start: int
    end: int
    text: str
    type: str  # PER | ORG | LOC | MISC
    score: float  # least marginal probability of the span's token labels, in [0, 1]
    #: "crf": the tagger's own span; "document": the words of a name the tagger found
    #: elsewhere in the same text (score: that name's best score there).
    source: str = "crf"


def _pieces(text: str, params: NerParams) -> list[list[Token]]:
    # Lone surrogates (undecodable bytes kept by a reader) are read as "?", one character
    # for one, so offsets still point into the text.
    return chunks(tokenize(text.encode("utf-8", "replace").decode("utf-8")), params)


def _mentions(original: str, lang: Lang, pieces: list[list[Token]], tagged: list[Tagged],
              params: NerParams) -> list[NerMention]:
    # A span needs a letter of the tagger's script; in an Arabic report, a Latin name
    # (MoveOn, True West) is written as it is and stands too.
    arabic_report = lang == "ar" and has_arabic(original)
    def script_of_tagger(span: str) -> bool:
        return has_arabic(span) or arabic_report if lang == "ar" else has_latin(span)

    out: list[NerMention] = []
    for piece, (labels, probs, found_elsewhere) in zip(pieces, tagged, strict=True):
        for first, end, kind, score in labeled_spans(labels, probs):
            if score < params.min_score:
                continue
            start, stop = piece[first].start, piece[end - 1].end
            if lang == "ar" and params.strip_arabic_clitic:
                start += name_start(piece[first].text)
            if not script_of_tagger(original[start:stop]):
                continue  # the English tagger on Arabic letters (or back) guesses: no evidence
            source = "document" if all(found_elsewhere[first:end]) else "crf"
            out.append(NerMention(start, stop, original[start:stop], kind, round(score, 4), source))
    return out


def _views(texts: list[str], lang: Lang) -> list[Respaced]:
    """The texts as the tagger reads them: Arabic words run together put apart
    (:mod:`toolkit.normalize.glued`), the texts judged together (one document); any other
    text as it is."""
    if lang != "ar":
        return [Respaced(t) for t in texts]
    joined = respace("\n".join(texts))
    if not joined.inserted:
        return [Respaced(t) for t in texts]
    # where each space goes in the joined text as given (cuts never fall between texts)
    given = given_positions(joined.inserted)
    out: list[Respaced] = []
    start = k = 0
    for text in texts:
        local: list[int] = []
        while k < len(given) and given[k] < start + len(text):
            local.append(given[k] - start)
            k += 1
        out.append(_spaced(text, local))
        start += len(text) + 1
    return out


def _spaced(text: str, cuts: list[int]) -> Respaced:
    """``text`` with a space before each offset of ``cuts`` (ascending)."""
    parts = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    return Respaced(" ".join(parts), tuple(c + k for k, c in enumerate(cuts)))


def _as_given(mentions: list[NerMention], view: Respaced, text: str) -> list[NerMention]:
    """Mentions found in a view, with offsets and text of the text as given."""
    if not view.inserted:
        return mentions
    out = []
    for m in mentions:
        start, end = to_given(m.start, view.inserted), to_given(m.end, view.inserted)
        out.append(replace(m, start=start, end=end, text=text[start:end]))
    return out


def tag_sentences(sentences: list[list[str]], lang: Lang, params: NerParams = DEFAULT) -> list[Tagged]:
    """The tagger's labels, their probabilities and whether each was propagated, for the
    tokenized sentences of one document (:mod:`.document` spreads a name across them)."""
    tagger = tagger_for(lang)
    tagged = [(*tagger.tag(words), [False] * len(words)) for words in sentences]
    return propagate(sentences, tagged, lang, params)


def find_mentions(text: str, lang: Lang, params: NerParams = DEFAULT) -> list[NerMention]:
    """The mentions the shipped tagger of ``lang`` ("en" or "ar") finds in ``text``, in
    text order. ``text`` is one document: an Arabic name found in one of its sentences is
    also found where it stands again untagged (source ``document``). Arabic words run
    together are read apart (:mod:`toolkit.normalize.glued`); offsets stay the text's."""
    view = _views([text], lang)[0]
    pieces = _pieces(view.text, params)
    tagged = tag_sentences([[t.text for t in p] for p in pieces], lang, params)
    return _as_given(_mentions(view.text, lang, pieces, tagged, params), view, text)


def find_mentions_many(texts: Iterable[str], lang: Lang, params: NerParams = DEFAULT, *,
                       one_document: bool = False) -> list[list[NerMention]]:
    """:func:`find_mentions` of every text, in order (the model and the per-word feature
    cache are shared, so a batch is faster per text than separate processes). With
    ``one_document`` the texts are read as the lines of one document, so a name found on
    one line is also found on the others (``toolkit ner --document``)."""
    if not one_document:
        return [find_mentions(t, lang, params) for t in texts]
    texts = list(texts)
    views = _views(texts, lang)
    pieces = [_pieces(v.text, params) for v in views]
    flat = tag_sentences([[t.text for t in p] for ps in pieces for p in ps], lang, params)
    out: list[list[NerMention]] = []
    at = 0
    for text, view, ps in zip(texts, views, pieces, strict=True):
        out.append(_as_given(_mentions(view.text, lang, ps, flat[at:at + len(ps)], params), view, text))
        at += len(ps)
    return out


def mentions_record(text: str, lang: Lang, params: NerParams = DEFAULT) -> dict[str, Any]:
    """The JSON-able record of one line: ``{"text": ..., "mentions": [{"start", "end",
    "text", "type", "score", "source"}]}``, offsets into ``text`` (``toolkit ner --json``)."""
    return {"text": text, "mentions": [asdict(m) for m in find_mentions(text, lang, params)]}
