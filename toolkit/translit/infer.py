"""Inference for the char BART in plain numpy: no torch, no transformers at run time.

Why: on a shared CPU, importing torch and transformers takes seconds (tens of seconds
with a cold file cache), far more than the model needs to decode a name. The weights are
the same safetensors file the trainer writes; this module re-implements the forward pass
of ``transformers.BartForConditionalGeneration`` (post-LayerNorm, learned positions with
offset 2, scaled embeddings, tied output layer, GELU) and a batched beam search with a
key/value cache. ``tests/translit`` checks it against transformers on a trained model.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

_POS_OFFSET = 2  # BartLearnedPositionalEmbedding


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact GELU, 0.5·x·(1 + erf(x/√2)); erf by Abramowitz–Stegun 7.1.26 (error < 1.5e-7)."""
    z = x / math.sqrt(2.0)
    sign = np.sign(z)
    a = np.abs(z)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = sign * (1.0 - poly * np.exp(-a * a))
    return (0.5 * x * (1.0 + erf)).astype(np.float32)


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def _softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(-1, keepdims=True)
    e = np.exp(x)
    return e / e.sum(-1, keepdims=True)


def _log_softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(-1, keepdims=True)
    return x - np.log(np.exp(x).sum(-1, keepdims=True))


@dataclass
class _Linear:
    w: np.ndarray  # stored transposed: (in, out)
    b: np.ndarray

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return x @ self.w + self.b


class NumpyBart:
    """The forward pass of a (small) BART from a state dict of numpy arrays."""

    def __init__(self, state: dict[str, np.ndarray], config: dict[str, Any]) -> None:
        self.d = int(config["d_model"])
        self.enc_layers = int(config["encoder_layers"])
        self.dec_layers = int(config["decoder_layers"])
        self.enc_heads = int(config["encoder_attention_heads"])
        self.dec_heads = int(config["decoder_attention_heads"])
        if config.get("activation_function", "gelu") != "gelu":
            raise ValueError(f"unsupported activation {config.get('activation_function')!r}")
        self.scale = math.sqrt(self.d) if config.get("scale_embedding") else 1.0
        self.s = {k: v.astype(np.float32) for k, v in state.items()}
        self.embed = self.s["model.shared.weight"]
        self.bias = self.s.get("final_logits_bias", np.zeros((1, self.embed.shape[0]), np.float32))[0]
        self._lin: dict[str, _Linear] = {}

    def lin(self, name: str) -> _Linear:
        layer = self._lin.get(name)
        if layer is None:
            layer = _Linear(np.ascontiguousarray(self.s[name + ".weight"].T), self.s[name + ".bias"])
            self._lin[name] = layer
        return layer

    def ln(self, name: str, x: np.ndarray) -> np.ndarray:
        return _layer_norm(x, self.s[name + ".weight"], self.s[name + ".bias"])

    @staticmethod
    def _heads(x: np.ndarray, h: int) -> np.ndarray:  # (B, T, D) -> (B, H, T, D/H)
        b, t, d = x.shape
        return x.reshape(b, t, h, d // h).transpose(0, 2, 1, 3)

    @staticmethod
    def _merge(x: np.ndarray) -> np.ndarray:  # (B, H, T, Dh) -> (B, T, D)
        b, h, t, dh = x.shape
        return x.transpose(0, 2, 1, 3).reshape(b, t, h * dh)

    def _attend(self, q: np.ndarray, k: np.ndarray, v: np.ndarray, bias: np.ndarray | None) -> np.ndarray:
        scores = q @ k.transpose(0, 1, 3, 2)
        if bias is not None:
            scores = scores + bias
        return _softmax(scores) @ v

    def encode(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        p = "model.encoder"
        t = ids.shape[1]
        x = self.embed[ids] * self.scale + self.s[f"{p}.embed_positions.weight"][_POS_OFFSET : _POS_OFFSET + t]
        x = self.ln(f"{p}.layernorm_embedding", x)
        bias = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
        h = self.enc_heads
        scaling = (self.d // h) ** -0.5
        for i in range(self.enc_layers):
            lp = f"{p}.layers.{i}"
            q = self._heads(self.lin(f"{lp}.self_attn.q_proj")(x) * scaling, h)
            k = self._heads(self.lin(f"{lp}.self_attn.k_proj")(x), h)
            v = self._heads(self.lin(f"{lp}.self_attn.v_proj")(x), h)
            a = self.lin(f"{lp}.self_attn.out_proj")(self._merge(self._attend(q, k, v, bias)))
            x = self.ln(f"{lp}.self_attn_layer_norm", x + a)
            f = self.lin(f"{lp}.fc2")(_gelu(self.lin(f"{lp}.fc1")(x)))
            x = self.ln(f"{lp}.final_layer_norm", x + f)
        return x

    def cross_cache(self, enc: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        h = self.dec_heads
        out = []
        for i in range(self.dec_layers):
            lp = f"model.decoder.layers.{i}.encoder_attn"
            out.append((self._heads(self.lin(f"{lp}.k_proj")(enc), h), self._heads(self.lin(f"{lp}.v_proj")(enc), h)))
        return out

    def decode_step(
        self,
        tokens: np.ndarray,  # (N,) last tokens
        position: int,
        self_cache: list[tuple[np.ndarray, np.ndarray]] | None,
        cross: list[tuple[np.ndarray, np.ndarray]],
        cross_bias: np.ndarray,
    ) -> tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
        """Log-probabilities of the next token for each row, and the grown self-attention cache."""
        p = "model.decoder"
        x = self.embed[tokens][:, None, :] * self.scale
        x = x + self.s[f"{p}.embed_positions.weight"][_POS_OFFSET + position]
        x = self.ln(f"{p}.layernorm_embedding", x)
        h = self.dec_heads
        scaling = (self.d // h) ** -0.5
        new_cache = []
        for i in range(self.dec_layers):
            lp = f"{p}.layers.{i}"
            q = self._heads(self.lin(f"{lp}.self_attn.q_proj")(x) * scaling, h)
            k = self._heads(self.lin(f"{lp}.self_attn.k_proj")(x), h)
            v = self._heads(self.lin(f"{lp}.self_attn.v_proj")(x), h)
            if self_cache is not None:
                k = np.concatenate([self_cache[i][0], k], axis=2)
                v = np.concatenate([self_cache[i][1], v], axis=2)
            new_cache.append((k, v))
            a = self.lin(f"{lp}.self_attn.out_proj")(self._merge(self._attend(q, k, v, None)))
            x = self.ln(f"{lp}.self_attn_layer_norm", x + a)
            q = self._heads(self.lin(f"{lp}.encoder_attn.q_proj")(x) * scaling, h)
            ck, cv = cross[i]
            a = self.lin(f"{lp}.encoder_attn.out_proj")(self._merge(self._attend(q, ck, cv, cross_bias)))
            x = self.ln(f"{lp}.encoder_attn_layer_norm", x + a)
            f = self.lin(f"{lp}.fc2")(_gelu(self.lin(f"{lp}.fc1")(x)))
            x = self.ln(f"{lp}.final_layer_norm", x + f)
        logits = x[:, 0, :] @ self.embed.T + self.bias
        return _log_softmax(logits.astype(np.float64)), new_cache


def beam_search(
    net: NumpyBart,
    ids: np.ndarray,
    mask: np.ndarray,
    beams: int,
    max_len: int,
    banned: np.ndarray,
    eos: int = 2,
    bos: int = 1,
) -> list[list[tuple[float, list[int]]]]:
    """Batched beam search; returns per row up to ``beams`` (mean log-prob, token ids), best first.

    Length-normalised scores (mean per output token) compare long and short names fairly; a
    row stops when it holds ``beams`` finished hypotheses (early stopping), and finished rows
    are dropped from the batch so the work shrinks as names end.
    """
    n = ids.shape[0]
    k = max(1, beams)
    enc = net.encode(ids, mask)
    cross_full = net.cross_cache(enc)
    bias_full = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
    vocab = net.embed.shape[0]
    finished: list[list[tuple[float, list[int]]]] = [[] for _ in range(n)]
    active = np.arange(n)  # original row ids still decoding
    scores = np.full((n, k), -1e9)
    scores[:, 0] = 0.0
    history = np.full((n * k, 0), bos, dtype=np.int64)
    tokens = np.full(n * k, bos, dtype=np.int64)
    cache: list[tuple[np.ndarray, np.ndarray]] | None = None
    rep = np.repeat(np.arange(n), k)
    cross = [(ck[rep], cv[rep]) for ck, cv in cross_full]
    cross_bias = bias_full[rep]
    for step in range(max_len):
        logp, cache = net.decode_step(tokens, step, cache, cross, cross_bias)
        logp = logp + banned
        m = len(active)
        total = (scores.reshape(-1, 1) + logp).reshape(m, k * vocab)
        top = np.argpartition(-total, 2 * k, axis=1)[:, : 2 * k]
        top_scores = np.take_along_axis(total, top, axis=1)
        order = np.argsort(-top_scores, axis=1)
        top = np.take_along_axis(top, order, axis=1)
        top_scores = np.take_along_axis(top_scores, order, axis=1)
        new_scores = np.full((m, k), -1e9)
        new_beam = np.zeros((m, k), dtype=np.int64)
        new_tok = np.full((m, k), eos, dtype=np.int64)
        keep = np.ones(m, dtype=bool)
        length = step + 1
        for r in range(m):
            row = int(active[r])
            slot = 0
            for s, idx in zip(top_scores[r], top[r]):
                if s <= -1e8:
                    break
                b, t = divmod(int(idx), vocab)
                if t == eos:
                    if len(finished[row]) < k:
                        finished[row].append((float(s) / length, history[r * k + b].tolist()))
                    continue
                if slot < k:
                    new_scores[r, slot] = s
                    new_beam[r, slot] = b
                    new_tok[r, slot] = t
                    slot += 1
            if slot == 0 or len(finished[row]) >= k:
                keep[r] = False
        if step + 1 == max_len:  # out of length: the live beams count as they are
            for r in range(m):
                if keep[r]:
                    row = int(active[r])
                    for b in range(k):
                        if new_scores[r, b] > -1e8 and len(finished[row]) < k:
                            seq = history[r * k + new_beam[r, b]].tolist() + [int(new_tok[r, b])]
                            finished[row].append((float(new_scores[r, b]) / (length + 1), seq))
            break
        if not keep.any():
            break
        src_rows = (np.arange(m)[:, None] * k + new_beam).reshape(-1)  # beam parents, flat
        keep_flat = np.repeat(keep, k)
        select = src_rows[keep_flat]
        history = np.concatenate([history[src_rows], new_tok.reshape(-1, 1)], axis=1)[keep_flat]
        cache = [(ck[select], cv[select]) for ck, cv in cache]
        cross = [(ck[keep_flat], cv[keep_flat]) for ck, cv in cross]
        cross_bias = cross_bias[keep_flat]
        scores = new_scores[keep]
        tokens = new_tok.reshape(-1)[keep_flat]
        active = active[keep]
    return [sorted(f, key=lambda x: -x[0]) for f in finished]
