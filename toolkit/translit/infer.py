"""Inference for the char BART in plain numpy: no torch, no transformers at run time.

Why: on a shared CPU, importing torch and transformers takes seconds (tens of seconds
with a cold file cache), far more than the model needs to decode a name. The weights are
the same safetensors file the trainer writes; this module re-implements the forward pass
of ``transformers.BartForConditionalGeneration`` (post-LayerNorm, learned positions with
offset 2, scaled embeddings, tied output layer, GELU) and a batched beam search.
``tests/translit`` checks it against transformers on a trained model.

Where the time goes and what is done about it. A beam of 5 over the 2,516 held-out
Wikidata words is ~90,000 decoder row-steps of ~212,000 multiply-adds each; everything
that is not one of those matrix products is overhead to remove:

- one BLAS thread (``model.py``): the products are small, a second thread costs more CPU
  than it saves and spins against other jobs on a shared machine;
- glibc keeps freed memory (``kernels.keep_freed_memory``): the step's megabyte-sized temporaries
  otherwise page-fault in afresh every time (that alone was ~40% of decoding time);
- float32 throughout; fused q/k/v projections; attention scaling folded into the weights;
- the decoder input of step ``t`` (embedding × scale + position, layer norm, the first
  layer's q/k/v) depends only on the token: a table row per (step, token);
- cross-attention keys and values are computed once per name and shared by its beams:
  the queries of a name's beams are one matrix against its head-expanded keys/values;
- self-attention keys and values are cached and reordered with the beam parents;
- softmax over the last axis with row sums as matrix-vector products;
- beam selection vectorised across names; Python touches only finished hypotheses;
- step 0 decodes one row per name (the beams are identical until they branch);
- names that hold enough finished hypotheses leave the batch.

Outputs are those of the straightforward implementation (same n-best lists on the
Wikidata dev words, log-probabilities within 2e-6).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .kernels import gelu, keep_freed_memory, layer_norm, softmax_

_POS_OFFSET = 2  # BartLearnedPositionalEmbedding
_F32 = np.float32
_NEG = -1e9


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
        s = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in state.items()}
        self.s = s
        self.embed = s["model.shared.weight"]
        self.vocab_size = self.embed.shape[0]
        self.bias = s.get("final_logits_bias", np.zeros((1, self.vocab_size), np.float32))[0]
        self.embed_t = np.ascontiguousarray(self.embed.T)
        self.enc = [self._layer(f"model.encoder.layers.{i}", self.enc_heads, cross=False) for i in range(self.enc_layers)]
        self.dec = [self._layer(f"model.decoder.layers.{i}", self.dec_heads, cross=True) for i in range(self.dec_layers)]
        self._dec_input: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        keep_freed_memory()

    def _w(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        return np.ascontiguousarray(self.s[name + ".weight"].T), self.s[name + ".bias"]

    def _layer(self, p: str, heads: int, cross: bool) -> dict[str, Any]:
        scaling = _F32((self.d // heads) ** -0.5)
        (wq, bq), (wk, bk), (wv, bv) = (self._w(f"{p}.self_attn.{n}_proj") for n in "qkv")
        layer: dict[str, Any] = {
            "qkv": (np.ascontiguousarray(np.concatenate([wq * scaling, wk, wv], 1)), np.concatenate([bq * scaling, bk, bv])),
            "o": self._w(f"{p}.self_attn.out_proj"),
            "ln1": (self.s[f"{p}.self_attn_layer_norm.weight"], self.s[f"{p}.self_attn_layer_norm.bias"]),
            "fc1": self._w(f"{p}.fc1"),
            "fc2": self._w(f"{p}.fc2"),
            "ln3": (self.s[f"{p}.final_layer_norm.weight"], self.s[f"{p}.final_layer_norm.bias"]),
        }
        if cross:
            wq, bq = self._w(f"{p}.encoder_attn.q_proj")
            (wk, bk), (wv, bv) = (self._w(f"{p}.encoder_attn.{n}_proj") for n in "kv")
            layer["cq"] = (wq * scaling, bq * scaling)
            layer["ckv"] = (np.ascontiguousarray(np.concatenate([wk, wv], 1)), np.concatenate([bk, bv]))
            layer["co"] = self._w(f"{p}.encoder_attn.out_proj")
            layer["ln2"] = (self.s[f"{p}.encoder_attn_layer_norm.weight"], self.s[f"{p}.encoder_attn_layer_norm.bias"])
        return layer

    @staticmethod
    def _ffn(layer: dict[str, Any], x: np.ndarray) -> np.ndarray:
        w1, b1 = layer["fc1"]
        w2, b2 = layer["fc2"]
        h = x @ w1
        h += b1
        f = gelu(h) @ w2
        f += b2
        f += x
        return layer_norm(f, *layer["ln3"])

    # ------------------------------------------------------------ encoder
    def encode(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Encoder states (B, T, D) for padded ``ids`` with ``mask`` (1 = real token)."""
        p = "model.encoder"
        b, t = ids.shape
        d, h = self.d, self.enc_heads
        x = self.embed[ids] * _F32(self.scale) + self.s[f"{p}.embed_positions.weight"][_POS_OFFSET : _POS_OFFSET + t]
        x = layer_norm(x, self.s[f"{p}.layernorm_embedding.weight"], self.s[f"{p}.layernorm_embedding.bias"])
        bias = np.where(mask[:, None, None, :] > 0, 0.0, _NEG).astype(np.float32)  # (B, 1, 1, T_k)
        for layer in self.enc:
            w, bb = layer["qkv"]
            qkv = (x.reshape(b * t, d) @ w + bb).reshape(b, t, 3, h, d // h).transpose(2, 0, 3, 1, 4)  # (3, B, H, T, Dh)
            scores = qkv[0] @ qkv[1].swapaxes(2, 3)  # (B, H, T_q, T_k)
            scores += bias
            softmax_(scores)
            a = (scores @ qkv[2]).transpose(0, 2, 1, 3).reshape(b * t, d)
            wo, bo = layer["o"]
            a = a @ wo
            a += bo
            a += x.reshape(b * t, d)
            x = self._ffn(layer, layer_norm(a, *layer["ln1"])).reshape(b, t, d)
        return x

    def cross_cache(self, enc: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per decoder layer, every name's cross-attention keys and values, head-expanded.

        Keys become (B, D, H·T) and values (B, H·T, D), where row (h, t) keeps only head h's
        slice of position t: the attention of all heads is then two batched matrix products
        per name instead of a product per head.
        """
        b, t, d = enc.shape
        h = self.dec_heads
        head_mask = np.kron(np.eye(h, dtype=np.float32), np.ones((1, d // h), np.float32))  # (H, D)
        out = []
        for layer in self.dec:
            w, bb = layer["ckv"]
            kv = (enc.reshape(b * t, d) @ w + bb).reshape(b, t, 2, d)
            k = (kv[:, None, :, 0] * head_mask[None, :, None, :]).reshape(b, h * t, d)  # rows (head, position)
            v = (kv[:, None, :, 1] * head_mask[None, :, None, :]).reshape(b, h * t, d)
            out.append((np.ascontiguousarray(k.transpose(0, 2, 1)), v))
        return out

    # ------------------------------------------------------------ decoder
    def _step_input(self, position: int) -> tuple[np.ndarray, np.ndarray]:
        """For every token at ``position``: the embedded, normed input and its first-layer q/k/v."""
        cached = self._dec_input.get(position)
        if cached is None:
            p = "model.decoder"
            x = self.embed * _F32(self.scale) + self.s[f"{p}.embed_positions.weight"][_POS_OFFSET + position]
            x = layer_norm(x, self.s[f"{p}.layernorm_embedding.weight"], self.s[f"{p}.layernorm_embedding.bias"])
            w, bb = self.dec[0]["qkv"]
            cached = (x, x @ w + bb)
            self._dec_input[position] = cached
        return cached

    def decode_step(
        self,
        tokens: np.ndarray,  # (N,) last token of every row; rows are grouped by name, ``group`` rows each
        position: int,
        self_cache: list[tuple[np.ndarray, np.ndarray]] | None,  # per layer keys and values so far, (N, H, t, Dh) each
        cross: list[tuple[np.ndarray, np.ndarray]],  # per layer, from ``cross_cache``; B = N / group
        cross_bias: np.ndarray,  # (B, 1, 1, T): 0 for real source tokens, -1e9 for padding
        group: int = 1,
    ) -> tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
        """Logits of the next token for each row (N, V), and the self-attention cache grown by one step."""
        d = self.d
        h = self.dec_heads
        dh = d // h
        n = tokens.shape[0]
        base, qkv0 = self._step_input(position)
        x = base[tokens]
        new_cache = []
        for i, layer in enumerate(self.dec):
            if i == 0:
                qkv = qkv0[tokens].reshape(n, 3, h, 1, dh)
            else:
                w, bb = layer["qkv"]
                qkv = (x @ w + bb).reshape(n, 3, h, 1, dh)
            k, v = qkv[:, 1], qkv[:, 2]  # (N, H, 1, Dh)
            if self_cache is not None:
                k = np.concatenate([self_cache[i][0], k], axis=2)
                v = np.concatenate([self_cache[i][1], v], axis=2)
            new_cache.append((k, v))
            scores = qkv[:, 0] @ k.swapaxes(2, 3)  # (N, H, 1, t)
            softmax_(scores)
            a = (scores @ v).reshape(n, d)
            wo, bo = layer["o"]
            a = a @ wo
            a += bo
            a += x
            x = layer_norm(a, *layer["ln1"])
            # cross-attention: the ``group`` rows of a name share its encoder keys and values
            wq, bq = layer["cq"]
            q = (x @ wq + bq).reshape(n // group, group, d)
            ck, cv = cross[i]
            scores = (q @ ck).reshape(n // group, group, h, -1)  # (B, G, H, T)
            scores += cross_bias
            softmax_(scores)
            a = (scores.reshape(n // group, group, -1) @ cv).reshape(n, d)
            wo, bo = layer["co"]
            a = a @ wo
            a += bo
            a += x
            x = self._ffn(layer, layer_norm(a, *layer["ln2"]))
        logits = x @ self.embed_t
        logits += self.bias
        return logits, new_cache


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

    ``banned`` is 0 for allowed next tokens and -inf for the others (a vector over the
    vocabulary). Length-normalised scores (mean per output token) compare long and short
    names fairly. Every step, the ``2 × beams`` best extensions of a name are read in order:
    those that end (EOS) join its finished list (up to ``beams``), the first ``beams`` others
    are the live beams of the next step. A name stops when it holds ``beams`` finished
    hypotheses (or nothing is live), and leaves the batch, so the work shrinks as names end.
    """
    n = ids.shape[0]
    k = max(1, beams)
    cross = net.cross_cache(net.encode(ids, mask))
    cross_bias = np.where(mask[:, None, None, :] > 0, 0.0, _NEG).astype(np.float32)
    allowed = np.flatnonzero(np.isfinite(banned))  # columns that may be chosen
    eos_col = int(np.searchsorted(allowed, eos)) if eos in allowed else -1
    finished: list[list[tuple[float, list[int]]]] = [[] for _ in range(n)]
    active = np.arange(n)  # original name ids still decoding
    scores = np.zeros((n, 1))  # running sums of log-probs, (names, live beams)
    history = np.zeros((n, 0), dtype=np.int64)
    tokens = np.full(n, bos, dtype=np.int64)
    cache: list[tuple[np.ndarray, np.ndarray]] | None = None
    group = 1  # rows per name: 1 at step 0 (all beams are the same), ``k`` after
    for step in range(max_len):
        logp, cache = _next_logp(net, tokens, step, cache, cross, cross_bias, group, allowed)
        m = len(active)
        total = (scores[:, :, None] + logp.reshape(m, group, len(allowed))).reshape(m, group * len(allowed))
        top_scores, beam_of, col = _best_extensions(total, 2 * k, len(allowed))
        valid = top_scores > -1e8
        is_eos = (col == eos_col) & valid
        length = step + 1
        if is_eos.any():  # finished hypotheses: Python touches only these (at most ``k`` per name overall)
            for r, c in zip(*np.nonzero(is_eos)):
                row = int(active[r])
                if len(finished[row]) < k:
                    finished[row].append((float(top_scores[r, c]) / length, history[r * group + beam_of[r, c]].tolist()))
        new_scores, new_beam, new_tok, slots = _next_beams(valid & ~is_eos, top_scores, beam_of, col, allowed, k, eos)
        done = np.fromiter((len(finished[int(row)]) >= k for row in active), dtype=bool, count=m)
        keep = (slots > 0) & ~done
        if step + 1 == max_len:  # out of length: the live beams count as they are
            _finish_live(finished, keep, active, history, group, new_scores, new_beam, new_tok, length, k)
            break
        if not keep.any():
            break
        kept = np.flatnonzero(keep)
        select = (kept[:, None] * group + new_beam[kept]).reshape(-1)  # beam parents of the kept names, flat
        history = np.concatenate([history[select], new_tok[kept].reshape(-1, 1)], axis=1)
        cache = [(ck[select], cv[select]) for ck, cv in cache]
        if len(kept) < m:
            cross = [(ck[kept], cv[kept]) for ck, cv in cross]
            cross_bias = cross_bias[kept]
            active = active[kept]
        scores = new_scores[kept]
        tokens = new_tok[kept].reshape(-1)
        group = k
    return [sorted(f, key=lambda x: -x[0]) for f in finished]


def _next_logp(
    net: NumpyBart,
    tokens: np.ndarray,
    step: int,
    cache: list[tuple[np.ndarray, np.ndarray]] | None,
    cross: list[tuple[np.ndarray, np.ndarray]],
    cross_bias: np.ndarray,
    group: int,
    allowed: np.ndarray,
) -> tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
    """Log-probabilities of the allowed next tokens of every row (normalised over the whole
    vocabulary), and the grown self-attention cache."""
    logits, cache = net.decode_step(tokens, step, cache, cross, cross_bias, group)
    top_logit = logits.max(1, keepdims=True)
    logits -= top_logit
    norm = np.log(np.exp(logits) @ np.ones(logits.shape[1], dtype=np.float32))[:, None]
    logp = logits[:, allowed]  # normalised over the whole vocabulary, as before
    logp -= norm
    return logp, cache


def _best_extensions(total: np.ndarray, width: int, n_allowed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ``width`` best extensions of each name, best first: (scores, parent beam, column)."""
    m = total.shape[0]
    cand = min(width, total.shape[1])
    top = np.argpartition(-total, cand - 1, axis=1)[:, :cand] if cand < total.shape[1] else np.tile(np.arange(cand), (m, 1))
    top_scores = np.take_along_axis(total, top, axis=1)
    order = np.argsort(-top_scores, axis=1, kind="stable")
    top = np.take_along_axis(top, order, axis=1)
    top_scores = np.take_along_axis(top_scores, order, axis=1)
    beam_of, col = np.divmod(top, n_allowed)
    return top_scores, beam_of, col


def _next_beams(
    live: np.ndarray, top_scores: np.ndarray, beam_of: np.ndarray, col: np.ndarray, allowed: np.ndarray, k: int, eos: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The first ``k`` live candidates of each name become its beams (missing ones stay dead):
    (scores, parent beam, token) of shape (names, k), and how many beams each name has."""
    m = live.shape[0]
    rank = np.cumsum(live, axis=1) - 1
    chosen = live & (rank < k)
    slots = chosen.sum(1)
    new_scores = np.full((m, k), _NEG)
    new_beam = np.zeros((m, k), dtype=np.int64)
    new_tok = np.full((m, k), eos, dtype=np.int64)
    rr, cc = np.nonzero(chosen)
    dest = rank[rr, cc]
    new_scores[rr, dest] = top_scores[rr, cc]
    new_beam[rr, dest] = beam_of[rr, cc]
    new_tok[rr, dest] = allowed[col[rr, cc]]
    return new_scores, new_beam, new_tok, slots


def _finish_live(
    finished: list[list[tuple[float, list[int]]]],
    keep: np.ndarray,
    active: np.ndarray,
    history: np.ndarray,
    group: int,
    new_scores: np.ndarray,
    new_beam: np.ndarray,
    new_tok: np.ndarray,
    length: int,
    k: int,
) -> None:
    """Out of length: the live beams of the names still decoding count as finished."""
    for r in np.flatnonzero(keep):
        row = int(active[r])
        for b in range(k):
            if new_scores[r, b] > -1e8 and len(finished[row]) < k:
                seq = history[r * group + new_beam[r, b]].tolist() + [int(new_tok[r, b])]
                finished[row].append((float(new_scores[r, b]) / (length + 1), seq))
