"""One name, one reading in a document: a name the tagger found once is found again
where the same words stand untagged elsewhere in the same text.

Why: news repeats its names, and a CRF decides each sentence alone. A club, a bank or a
foreign company it has never seen is tagged where the context gives it away (نادي X,
"the chairman of X") and missed where it stands bare, so the same story lists it twice and
drops it three times. Reading the document as a whole (the idea of Krishnan & Manning's
two-stage CRF, here without a second model) gives the missed places the type the tagger
gave the name where it was sure enough. The words are compared by the features' match key
(Arabic: the search-normalized stem without و ف ب ل ك ال), so والقاهرة repeats القاهرة.

Only tokens the tagger left outside every name are given a type: a span the tagger found
is never changed, so this stage adds mentions and never removes or cuts one. A propagated
token's probability is the best score of the name where it was found (the evidence), and
it is flagged, so a mention says that it came from the document (source ``document``).
"""

from __future__ import annotations

from collections import Counter

from .features import Lang, match_key
from .params import NerParams
from .tagger import labeled_spans

#: One tagged sentence: (labels, probabilities, whether each token's label was propagated).
Tagged = tuple[list[str], list[float], list[bool]]


def _names(keys: list[list[str]], tagged: list[Tagged], params: NerParams) -> dict[tuple[str, ...], tuple[str, float]]:
    """The names found in the document: words -> (their most frequent type, best score)."""
    kinds: dict[tuple[str, ...], Counter[str]] = {}
    best: dict[tuple[str, ...], float] = {}
    for words, (labels, probs, _) in zip(keys, tagged, strict=True):
        for first, end, kind, score in labeled_spans(labels, probs):
            name = tuple(words[first:end])
            if score < params.propagate_min_score or sum(map(len, name)) < params.propagate_min_chars:
                continue
            kinds.setdefault(name, Counter())[kind] += 1
            best[name] = max(best.get(name, 0.0), score)
    return {name: (c.most_common(1)[0][0], best[name]) for name, c in kinds.items()}


def propagate(sentences: list[list[str]], tagged: list[Tagged], lang: Lang, params: NerParams) -> list[Tagged]:
    """``tagged`` (one entry per sentence of ``sentences``, the tokens of one document)
    with the document's names also tagged where they stand untagged; the input is not
    changed. Cost is linear in the tokens: names are indexed by their first word and tried
    longest first at each position."""
    if lang not in params.propagate_langs or len(sentences) != len(tagged):
        return tagged
    keys = [[match_key(w, lang) for w in words] for words in sentences]
    names = _names(keys, tagged, params)
    if not names:
        return tagged
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_first.setdefault(name[0], []).append(name)
    out: list[Tagged] = []
    for words, (labels, probs, flags) in zip(keys, tagged, strict=True):
        labels, probs, flags = list(labels), list(probs), list(flags)
        i = 0
        while i < len(words):
            hit = next((n for n in by_first.get(words[i], ()) if tuple(words[i:i + len(n)]) == n
                        and all(y == "O" for y in labels[i:i + len(n)])), None)
            if hit is None or _continues(labels, i, len(hit)):
                i += 1
                continue
            kind, score = names[hit]
            for j in range(i, i + len(hit)):
                labels[j] = ("B-" if j == i else "I-") + kind
                probs[j], flags[j] = score, True
            i += len(hit)
        out.append((labels, probs, flags))
    return out


def _continues(labels: list[str], start: int, size: int) -> bool:
    """Whether the token after the match is an I- label: it continues a span of the
    tagger's that starts inside the match, which would then change."""
    end = start + size
    return end < len(labels) and labels[end].startswith("I-")
