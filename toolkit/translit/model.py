"""The learned transliterator: a tiny character-level BART trained from scratch.

One encoder-decoder serves both directions; the first encoder token is a direction tag
(``<2lat>`` or ``<2ar>``), so the two directions share what they know about how letters
correspond. The model is small (well under 10 MB) so that it loads in a fraction of a
second and batches of names decode at thousands of names per second on a laptop CPU.

Everything is read strictly from a local directory (``config.json``, ``vocab.json``,
``model.safetensors``); nothing is fetched from a model hub. torch and transformers are
imported inside the functions that need them so that importing this module is cheap.
"""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # pragma: no cover
    import torch

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


DEFAULT_ARCH: dict[str, Any] = {
    "d_model": 128,
    "encoder_layers": 3,
    "decoder_layers": 2,
    "encoder_attention_heads": 4,
    "decoder_attention_heads": 4,
    "encoder_ffn_dim": 512,
    "decoder_ffn_dim": 512,
    "max_position_embeddings": 64,
    "dropout": 0.1,
}


def build_model(vocab: CharVocab, arch: dict[str, Any] | None = None) -> Any:
    """A fresh, randomly initialised BartForConditionalGeneration over the char vocabulary."""
    from transformers import BartConfig, BartForConditionalGeneration

    params = {**DEFAULT_ARCH, **(arch or {})}
    config = BartConfig(
        vocab_size=len(vocab),
        pad_token_id=0,
        bos_token_id=1,
        eos_token_id=2,
        decoder_start_token_id=1,
        forced_eos_token_id=None,
        forced_bos_token_id=None,
        attention_dropout=0.0,
        activation_dropout=0.0,
        scale_embedding=True,
        tie_word_embeddings=True,
        **params,
    )
    return BartForConditionalGeneration(config)


@dataclass(frozen=True)
class Hypothesis:
    """One decoded word with its mean per-character log-probability and its probability."""

    text: str
    logprob: float

    @property
    def prob(self) -> float:
        return math.exp(self.logprob)


class Seq2SeqTransliterator:
    """A loaded model plus its vocabulary; decodes batches of single words."""

    def __init__(self, model: Any, vocab: CharVocab, directory: Path | None = None) -> None:
        self.model = model.eval()
        self.vocab = vocab
        self.directory = directory

    # ------------------------------------------------------------ persistence
    @classmethod
    def load(cls, directory: Path, threads: int | None = None) -> Seq2SeqTransliterator:
        """Load from a local directory only (never a hub id); clear error when incomplete."""
        directory = Path(directory)
        missing = [n for n in ("config.json", "vocab.json", "model.safetensors") if not (directory / n).is_file()]
        if missing:  # checked before importing torch: a missing model costs nothing
            raise FileNotFoundError(f"{directory}: model directory lacks {', '.join(missing)}")
        import torch
        from safetensors.torch import load_file
        from transformers import BartConfig, BartForConditionalGeneration

        if threads:
            torch.set_num_threads(threads)
        vocab = CharVocab.load(directory / "vocab.json")
        config = BartConfig.from_dict(json.loads((directory / "config.json").read_text(encoding="utf-8")))
        model = BartForConditionalGeneration(config)
        state = load_file(str(directory / "model.safetensors"))
        model.load_state_dict(state, strict=False)
        model.tie_weights()
        return cls(model, vocab, directory)

    def save(self, directory: Path, extra: dict[str, Any] | None = None) -> None:
        from safetensors.torch import save_file

        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        config = self.model.config.to_dict()
        if extra:
            config["toolkit"] = extra
        (directory / "config.json").write_text(json.dumps(config, indent=1, ensure_ascii=False), encoding="utf-8")
        self.vocab.save(directory / "vocab.json")
        state = {k: v.detach().contiguous() for k, v in self.model.state_dict().items()}
        # tied weights are stored once; load_state_dict(strict=False) + tie_weights restores them
        state.pop("lm_head.weight", None)
        state.pop("model.encoder.embed_tokens.weight", None)
        state.pop("model.decoder.embed_tokens.weight", None)
        save_file(state, str(directory / "model.safetensors"))

    # ------------------------------------------------------------ decoding
    def _batch(self, words: list[str], to: Direction) -> tuple[torch.Tensor, torch.Tensor]:
        import torch

        encoded = [self.vocab.encode_source(w, to) for w in words]
        width = max(len(e) for e in encoded)
        ids = torch.zeros((len(encoded), width), dtype=torch.long)
        mask = torch.zeros((len(encoded), width), dtype=torch.long)
        for row, seq in enumerate(encoded):
            ids[row, : len(seq)] = torch.tensor(seq)
            mask[row, : len(seq)] = 1
        return ids, mask

    def generate(
        self, words: list[str], to: Direction, beams: int = 5, batch_size: int = 256
    ) -> list[list[Hypothesis]]:
        """n-best for each word (already cleaned), by batched beam search; greedy when beams == 1.

        Scores are length-normalised log-probabilities (mean per output character), so long
        and short candidates compare fairly; callers turn them into [0, 1] with ``exp``.
        """
        import torch

        results: list[list[Hypothesis]] = [[] for _ in words]
        order = sorted(range(len(words)), key=lambda i: len(words[i]))  # similar lengths pad less
        todo = [i for i in order if words[i]]
        with torch.inference_mode():
            for start in range(0, len(todo), batch_size):
                chunk = todo[start : start + batch_size]
                hyps = self._beam_search([words[i] for i in chunk], to, beams)
                for i, h in zip(chunk, hyps):
                    results[i] = h
        return results

    def _beam_search(self, words: list[str], to: Direction, beams: int) -> list[list[Hypothesis]]:
        """Batched beam search over (batch * beams) rows with the decoder's key/value cache.

        Written by hand rather than ``generate()`` because the generic loop costs more than
        the tiny model itself; this one keeps every step to a few tensor operations.
        """
        import torch
        from transformers.cache_utils import DynamicCache, EncoderDecoderCache

        model = self.model
        ids, mask = self._batch(words, to)
        n = ids.shape[0]
        k = max(1, beams)
        enc = model.model.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        enc = enc.repeat_interleave(k, dim=0)
        mask_k = mask.repeat_interleave(k, dim=0)
        max_len = min(MAX_CHARS, int(ids.shape[1] * 2.5) + 4)
        vocab_size = model.config.vocab_size

        tokens = torch.full((n * k, 1), 1, dtype=torch.long)  # BOS
        scores = torch.zeros(n, k)
        scores[:, 1:] = -1e9  # all beams start identical: keep only one alive at step 0
        finished: list[list[tuple[float, list[int]]]] = [[] for _ in range(n)]
        alive_rows = torch.ones(n, dtype=torch.bool)
        cache = EncoderDecoderCache(DynamicCache(), DynamicCache())
        step_input = tokens
        history = tokens
        for step in range(max_len):
            out = model.model.decoder(
                input_ids=step_input,
                encoder_hidden_states=enc,
                encoder_attention_mask=mask_k,
                past_key_values=cache,
                use_cache=True,
            )
            cache = out.past_key_values
            logits = model.lm_head(out.last_hidden_state[:, -1, :])
            logp = torch.log_softmax(logits.float(), dim=-1)
            logp[:, [0, 1, 3, 4, 5]] = float("-inf")  # only characters and EOS may be emitted
            total = (scores.view(-1, 1) + logp).view(n, k * vocab_size)
            top_scores, top_idx = total.topk(2 * k, dim=1)
            beam_idx = top_idx // vocab_size
            tok_idx = top_idx % vocab_size
            new_scores = torch.full((n, k), -1e9)
            new_beam = torch.zeros((n, k), dtype=torch.long)
            new_tok = torch.full((n, k), 2, dtype=torch.long)
            ts, bi, ti = top_scores.tolist(), beam_idx.tolist(), tok_idx.tolist()
            length = step + 1
            for row in range(n):
                if not alive_rows[row]:
                    continue
                slot = 0
                for s, b, t in zip(ts[row], bi[row], ti[row]):
                    if s <= -1e8:
                        break
                    if t == 2:
                        if len(finished[row]) < k:
                            seq = history[row * k + b, 1:].tolist()
                            finished[row].append((s / length, seq))
                        continue
                    if slot < k:
                        new_scores[row, slot] = s
                        new_beam[row, slot] = b
                        new_tok[row, slot] = t
                        slot += 1
                if slot == 0 or len(finished[row]) >= k:  # k finished hypotheses: done (early stopping)
                    alive_rows[row] = False
            if not bool(alive_rows.any()):
                break
            flat = (torch.arange(n).view(-1, 1) * k + new_beam).view(-1)
            cache.reorder_cache(flat)
            history = torch.cat([history[flat], new_tok.view(-1, 1)], dim=1)
            scores = new_scores
            step_input = new_tok.view(-1, 1)
        results: list[list[Hypothesis]] = []
        for row in range(n):
            found = finished[row]
            if len(found) < k:  # ran out of length: keep live beams as they are
                for b in range(k):
                    s = float(scores[row, b])
                    if s > -1e8:
                        found.append((s / max(1, history.shape[1] - 1), history[row * k + b, 1:].tolist()))
            seen: dict[str, float] = {}
            for s, seq in sorted(found, key=lambda f: -f[0]):
                text = self.vocab.decode(seq)
                if text and text not in seen:
                    seen[text] = s
            results.append([Hypothesis(t, s) for t, s in list(seen.items())[:k]])
        return results
