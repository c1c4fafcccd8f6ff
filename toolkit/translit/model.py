"""The learned transliterator: a tiny character-level BART trained from scratch.

One encoder-decoder serves both directions; the first encoder token is a direction tag
(``<2lat>`` or ``<2ar>``), so the two directions share what they know about how letters
correspond. The model is small (well under 10 MB) so that it loads in a fraction of a
second and batches of names decode at thousands of names per second on a laptop CPU.

Everything is read strictly from a local directory (``config.json``, ``vocab.json``,
``model.safetensors``); nothing is fetched from a model hub. Decoding is numpy
(``infer.py``): no torch or transformers at run time. Building, saving and reloading the
torch model is training code (``training/translit/torch_model.py``).
"""

from __future__ import annotations

import json
import logging
import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

logger = logging.getLogger(__name__)

Direction = Literal["latin", "arabic"]

PAD, BOS, EOS, UNK = "<pad>", "<s>", "</s>", "<unk>"
TAGS: dict[str, str] = {"latin": "<2lat>", "arabic": "<2ar>"}
SPECIALS = [PAD, BOS, EOS, UNK, TAGS["latin"], TAGS["arabic"]]
MAX_CHARS = 40  # longer single words are cut; names are transliterated word by word

_ARABIC_DROP = {chr(c) for c in range(0x064B, 0x0653)} | {"\u0670", "\u0640"}


def clean_arabic(word: str) -> str:
    """Model-side Arabic form: NFKC, no harakat or tatweel (training data is unvocalized)."""
    word = unicodedata.normalize("NFKC", word)
    return "".join(ch for ch in word if ch not in _ARABIC_DROP and not ch.isspace())


def clean_latin(word: str) -> str:
    """Model-side Latin form: lower case, accents and marks removed, letters and ' - kept."""
    word = unicodedata.normalize("NFKD", word.lower())
    word = word.replace("ʿ", "'").replace("ʾ", "'").replace("’", "'").replace("‘", "'")
    return "".join(ch for ch in word if ("a" <= ch <= "z") or ch in "'-")


@dataclass(frozen=True)
class CharVocab:
    """Characters to ids; specials first so ids 0-5 are stable across models."""

    itos: tuple[str, ...]

    @classmethod
    def build(cls, texts: list[str]) -> CharVocab:
        chars = sorted({ch for text in texts for ch in text})
        return cls(tuple(SPECIALS + [c for c in chars if c not in SPECIALS]))

    @property
    def stoi(self) -> dict[str, int]:
        cached = self.__dict__.get("_stoi")
        if cached is None:
            cached = {s: i for i, s in enumerate(self.itos)}
            object.__setattr__(self, "_stoi", cached)
        return cached

    def __len__(self) -> int:
        return len(self.itos)

    def encode_source(self, word: str, to: Direction) -> list[int]:
        unk = self.stoi[UNK]
        ids = [self.stoi.get(ch, unk) for ch in word[:MAX_CHARS]]
        return [self.stoi[TAGS[to]], *ids, self.stoi[EOS]]

    def encode_target(self, word: str) -> list[int]:
        unk = self.stoi[UNK]
        return [self.stoi.get(ch, unk) for ch in word[:MAX_CHARS]] + [self.stoi[EOS]]

    def decode(self, ids: list[int]) -> str:
        chars: list[str] = []
        for i in ids:
            if i == 2:  # EOS
                break
            if i < len(SPECIALS):
                continue
            chars.append(self.itos[i])
        return "".join(chars)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"itos": list(self.itos)}, ensure_ascii=False, indent=0), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> CharVocab:
        data = json.loads(path.read_text(encoding="utf-8"))
        itos = tuple(data["itos"])
        if list(itos[: len(SPECIALS)]) != SPECIALS:
            raise ValueError(f"{path}: vocabulary does not start with the expected special tokens")
        return cls(itos)


@dataclass(frozen=True)
class Hypothesis:
    """One decoded word with its mean per-character log-probability and its probability."""

    text: str
    logprob: float

    @property
    def prob(self) -> float:
        return math.exp(self.logprob)


class Seq2SeqTransliterator:
    """A loaded model (numpy inference, see ``infer.py``) plus its vocabulary."""

    def __init__(self, net: Any, vocab: CharVocab, directory: Path | None = None, threads: int | None = 1) -> None:
        self.net = net
        self.vocab = vocab
        self.directory = directory
        self.threads = threads
        self._banned: dict[str, Any] = {}

    @classmethod
    def load(cls, directory: Path, threads: int | None = 1) -> Seq2SeqTransliterator:
        """Load from a local directory only (never a hub id); clear error when incomplete.

        ``threads``: BLAS threads while decoding (default 1; None leaves numpy's setting).
        The matrices are small: a second thread roughly doubles the CPU time for the same
        wall time, and on a machine shared with other jobs its spinning makes both slower.
        """
        directory = Path(directory)
        missing = [n for n in ("config.json", "vocab.json", "model.safetensors") if not (directory / n).is_file()]
        if missing:
            raise FileNotFoundError(f"{directory}: model directory lacks {', '.join(missing)}")
        from safetensors.numpy import load_file

        from .infer import NumpyBart

        vocab = CharVocab.load(directory / "vocab.json")
        config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        state = load_file(str(directory / "model.safetensors"))
        if "model.shared.weight" not in state:
            raise ValueError(f"{directory / 'model.safetensors'}: not a toolkit transliteration model")
        if state["model.shared.weight"].shape[0] != len(vocab):
            raise ValueError(f"{directory}: vocab.json has {len(vocab)} symbols, the weights {state['model.shared.weight'].shape[0]}")
        return cls(NumpyBart(state, config), vocab, directory, threads)

    def _banned_for(self, to: Direction) -> Any:
        import numpy as np

        banned = self._banned.get(to)
        if banned is None:
            banned = np.zeros(len(self.vocab))
            for i, sym in enumerate(self.vocab.itos):
                if i < len(SPECIALS):
                    if i != 2:  # only EOS among the specials
                        banned[i] = -np.inf
                elif sym.isascii() != (to == "latin"):
                    banned[i] = -np.inf  # only letters of the target script
            self._banned[to] = banned
        return banned

    def generate(
        self, words: list[str], to: Direction, beams: int = 5, batch_size: int = 256
    ) -> list[list[Hypothesis]]:
        """n-best for each word (already cleaned), by batched beam search; greedy when beams == 1.

        Scores are length-normalised log-probabilities (mean per output character), so long
        and short candidates compare fairly; ``Hypothesis.prob`` turns them into [0, 1].
        """
        with _blas_threads(self.threads):
            return self._generate(words, to, beams, batch_size)

    def _generate(self, words: list[str], to: Direction, beams: int, batch_size: int) -> list[list[Hypothesis]]:
        import numpy as np

        from .infer import beam_search

        results: list[list[Hypothesis]] = [[] for _ in words]
        todo = sorted((i for i in range(len(words)) if words[i]), key=lambda i: len(words[i]))
        for start in range(0, len(todo), batch_size):
            chunk = todo[start : start + batch_size]
            encoded = [self.vocab.encode_source(words[i], to) for i in chunk]
            width = max(len(e) for e in encoded)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, seq in enumerate(encoded):
                ids[row, : len(seq)] = seq
                mask[row, : len(seq)] = 1
            max_len = min(MAX_CHARS, int(width * 2.5) + 4)
            found = beam_search(self.net, ids, mask, beams, max_len, self._banned_for(to))
            for i, hyps in zip(chunk, found):
                seen: dict[str, float] = {}
                for score, seq in hyps:
                    text = self.vocab.decode(seq)
                    if text and text not in seen:
                        seen[text] = score
                results[i] = [Hypothesis(t, sc) for t, sc in seen.items()]
        return results


def _blas_threads(threads: int | None) -> Any:
    """A context that limits numpy's BLAS to ``threads`` (threadpoolctl, when installed).

    The loaded libraries are scanned afresh each call (about 0.2 ms, once per batch): a
    BLAS loaded later in the process (torch's, say) must be limited too.
    """
    import contextlib

    if threads is None:
        return contextlib.nullcontext()
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # not installed: numpy's own setting
        return contextlib.nullcontext()
    try:
        return ThreadpoolController().limit(limits=threads, user_api="blas")
    except Exception:  # noqa: BLE001 - a BLAS threadpoolctl cannot drive: numpy's own setting, logged
        logger.debug("cannot limit the BLAS threads to %s", threads, exc_info=True)
        return contextlib.nullcontext()
