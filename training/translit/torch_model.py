"""The torch half of the transliteration model: build, save and reload it for training.

The runtime (``toolkit.translit.model`` and ``infer.py``) reads the saved files with numpy
and never imports torch or transformers; everything here needs both, so it lives beside
the trainer. The files written here (``config.json``, ``vocab.json``,
``model.safetensors``, no pickle) are the ones ``Seq2SeqTransliterator.load`` reads.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from toolkit.translit.infer import NumpyBart
from toolkit.translit.model import CharVocab, Seq2SeqTransliterator

DEFAULT_ARCH: dict[str, Any] = {
    # small on purpose: trained on a shared 2-core CPU in well under an hour, decoded in numpy
    "d_model": 96,
    "encoder_layers": 2,
    "decoder_layers": 2,
    "encoder_attention_heads": 4,
    "decoder_attention_heads": 4,
    "encoder_ffn_dim": 256,
    "decoder_ffn_dim": 256,
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


def save_model(model: Any, vocab: CharVocab, directory: Path, extra: dict[str, Any] | None = None) -> None:
    """Write a trained torch model as config.json + vocab.json + model.safetensors (no pickle)."""
    from safetensors.torch import save_file

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    config = model.config.to_dict()
    if extra:
        config["toolkit"] = extra
    (directory / "config.json").write_text(json.dumps(config, indent=1, ensure_ascii=False), encoding="utf-8")
    vocab.save(directory / "vocab.json")
    state = {k: v.detach().contiguous() for k, v in model.state_dict().items()}
    # tied weights are stored once, as model.shared.weight
    for tied in ("lm_head.weight", "model.encoder.embed_tokens.weight", "model.decoder.embed_tokens.weight"):
        state.pop(tied, None)
    save_file(state, str(directory / "model.safetensors"))


def load_torch_model(directory: Path) -> Any:
    """The saved model as a transformers module (for checks and further training)."""
    from safetensors.torch import load_file
    from transformers import BartConfig, BartForConditionalGeneration

    config = BartConfig.from_dict(json.loads((Path(directory) / "config.json").read_text(encoding="utf-8")))
    model = BartForConditionalGeneration(config)
    model.load_state_dict(load_file(str(Path(directory) / "model.safetensors")), strict=False)
    model.tie_weights()
    return model.eval()


def from_torch(model: Any, vocab: CharVocab) -> Seq2SeqTransliterator:
    """Wrap a live torch model (during training) for decoding with the same code as at run time."""
    state = {k: v.detach().cpu().float().numpy() for k, v in model.state_dict().items()}
    return Seq2SeqTransliterator(NumpyBart(state, model.config.to_dict()), vocab)
