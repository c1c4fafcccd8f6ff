"""The shipped CRF taggers: loading, tagging a tokenized line, and turning labels into
scored spans.

Why CRFsuite: its model file is plain weights (no pickle, nothing executable), tags in C at
well over 100,000 tokens a second, and gives token marginals, so a span's score is a
probability from the model and not a constant.

Score of a span: the least marginal probability, over its tokens, of the label the best
labeling gives that token (B-X on the first, I-X on the rest). It bounds from above the
probability that the CRF puts exactly this typed span there, and it is low wherever the
model hesitated about the type or about either boundary (benchmarks/ner.py prints the share
of correct spans per score bin).
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from pathlib import Path

from ..resources import models_dir
from .features import Lang, sentence_features
from .params import NerParams
from .tokenize import Token

log = logging.getLogger(__name__)

LANGS: tuple[str, ...] = ("en", "ar")
_FINAL = frozenset({".", "!", "?", "؟", "…"})


def model_path(lang: Lang) -> Path:
    """The shipped model file of ``lang``."""
    return models_dir() / "ner" / f"{lang}.crfsuite"


class CrfTagger:
    """One CRFsuite model; thread-safe (the C tagger keeps the last sequence as state)."""

    def __init__(self, path: Path, lang: Lang) -> None:
        import pycrfsuite

        if not path.is_file():
            raise FileNotFoundError(f"NER model not found: {path} (rebuild with training/ner/train.py)")
        self.lang = lang
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self._lock = threading.Lock()
        log.debug("loaded NER model %s", path)

    def tag(self, words: list[str]) -> tuple[list[str], list[float]]:
        """Best labels of ``words`` and the marginal probability of each label."""
        if not words:
            return [], []
        feats = sentence_features(words, self.lang)
        with self._lock:
            labels = self._tagger.tag(feats)
            probs = [self._tagger.marginal(y, i) if y != "O" else 1.0 for i, y in enumerate(labels)]
        return labels, probs


@lru_cache(maxsize=None)
def tagger_for(lang: Lang) -> CrfTagger:
    """The shipped tagger of ``lang``, loaded once per process."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose en or ar")
    return CrfTagger(model_path(lang), lang)


def chunks(tokens: list[Token], params: NerParams) -> list[list[Token]]:
    """Cut a line's tokens after sentence-final punctuation, and every
    ``params.max_chunk_tokens`` tokens at most."""
    out: list[list[Token]] = []
    cur: list[Token] = []
    for tok in tokens:
        cur.append(tok)
        if tok.text in _FINAL or len(cur) >= params.max_chunk_tokens:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def labeled_spans(labels: list[str], probs: list[float]) -> list[tuple[int, int, str, float]]:
    """IOB2 labels -> ``(first token, end token, type, score)``; a stray I- starts a span."""
    out: list[tuple[int, int, str, float]] = []
    start, kind = -1, ""
    for i, label in enumerate([*labels, "O"]):
        continues = label.startswith("I-") and label[2:] == kind and start >= 0
        if not continues:
            if start >= 0:
                out.append((start, i, kind, min(probs[start:i])))
            start, kind = (i, label[2:]) if label != "O" else (-1, "")
    return out
