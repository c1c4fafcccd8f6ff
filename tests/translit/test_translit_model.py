"""The learned model: training, safetensors save/load from a local directory, beam search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.translit.model import CharVocab, Seq2SeqTransliterator, clean_arabic, clean_latin


def test_cleaning() -> None:
    assert clean_latin("Muḥammad al-Shaṭrī") == "muhammadal-shatri"
    assert clean_latin("Kata'ib") == "kata'ib"
    assert clean_arabic("مُحَمَّد") == "محمد"


def test_vocab_round_trip(tmp_path: Path) -> None:
    vocab = CharVocab.build(["abc", "سمير"])
    vocab.save(tmp_path / "vocab.json")
    again = CharVocab.load(tmp_path / "vocab.json")
    assert again == vocab
    ids = again.encode_target("cab")
    assert again.decode(ids) == "cab"
    (tmp_path / "bad.json").write_text(json.dumps({"itos": ["a", "b"]}), encoding="utf-8")
    with pytest.raises(ValueError, match="special tokens"):
        CharVocab.load(tmp_path / "bad.json")


def test_tiny_model_learns_and_reloads(tiny_model_dir: Path) -> None:
    files = {p.name for p in tiny_model_dir.iterdir()}
    assert {"config.json", "vocab.json", "model.safetensors", "attested.tsv"} <= files
    assert not any(name.endswith((".bin", ".pt", ".pkl")) for name in files)  # no pickle
    model = Seq2SeqTransliterator.load(tiny_model_dir, threads=1)
    words = ["سميث", "جونز", "سمير", "كريم"]
    nbest = model.generate(words, "latin", beams=4)
    gold = {"سميث": "smith", "جونز": "jones", "سمير": "samir", "كريم": "karim"}
    learned = sum(1 for w, h in zip(words, nbest) if gold[w] in {x.text for x in h})
    assert learned >= 2, nbest  # a few seconds of training on 8 pairs: most are in the n-best
    for hyps in nbest:
        assert 1 <= len(hyps) <= 4
        probs = [h.logprob for h in hyps]
        assert probs == sorted(probs, reverse=True)
        assert len({h.text for h in hyps}) == len(hyps)
        assert all(0.0 < h.prob <= 1.0 for h in hyps)
    back = model.generate(["smith"], "arabic", beams=3)[0]
    assert back and all(not any("a" <= ch <= "z" for ch in h.text) for h in back)


def test_greedy_and_empty_inputs(tiny_model_dir: Path) -> None:
    model = Seq2SeqTransliterator.load(tiny_model_dir, threads=1)
    out = model.generate(["", "سميث", ""], "latin", beams=1)
    assert out[0] == [] and out[2] == [] and len(out[1]) == 1


def test_loading_needs_a_complete_local_directory(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="lacks"):
        Seq2SeqTransliterator.load(tmp_path)
    with pytest.raises(FileNotFoundError):
        Seq2SeqTransliterator.load(Path("some-org/some-hub-model"))


def test_numpy_inference_matches_transformers(tiny_model_dir: Path) -> None:
    import numpy as np
    import torch

    from toolkit.translit.kernels import log_softmax as _log_softmax
    from training.translit.torch_model import load_torch_model

    ours = Seq2SeqTransliterator.load(tiny_model_dir)
    ref = load_torch_model(tiny_model_dir)
    words = ["سمير", "جو"]  # two lengths: the shorter one is padded
    encoded = [ours.vocab.encode_source(w, "latin") for w in words]
    width = max(map(len, encoded))
    ids = np.zeros((2, width), dtype=np.int64)
    mask = np.zeros((2, width), dtype=np.int64)
    for r, e in enumerate(encoded):
        ids[r, : len(e)] = e
        mask[r, : len(e)] = 1
    dec = np.array([[1, *ours.vocab.encode_target("sam")[:-1]], [1, *ours.vocab.encode_target("jon")[:-1]]])
    with torch.no_grad():
        want = ref(input_ids=torch.tensor(ids), attention_mask=torch.tensor(mask),
                   decoder_input_ids=torch.tensor(dec)).logits.log_softmax(-1).numpy()
    cross = ours.net.cross_cache(ours.net.encode(ids, mask))
    bias = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
    cache = None
    for pos in range(dec.shape[1]):
        logits, cache = ours.net.decode_step(dec[:, pos], pos, cache, cross, bias)
        assert np.abs(_log_softmax(logits) - want[:, pos]).max() < 1e-4


def _reference_beam_search(model, vocab, word: str, beams: int, max_len: int, banned):  # type: ignore[no-untyped-def]
    """The beam search of ``infer.beam_search``, written plainly: one name, full transformers
    forward passes (no cache, no batching), float64 scores."""
    import numpy as np
    import torch

    ids = torch.tensor([vocab.encode_source(word, "latin")])
    live: list[tuple[float, list[int]]] = [(0.0, [])]
    finished: list[tuple[float, list[int]]] = []
    for step in range(max_len):
        cands = []
        for score, seq in live:
            with torch.no_grad():
                logits = model(input_ids=ids, decoder_input_ids=torch.tensor([[1, *seq]])).logits[0, -1]
            logp = logits.double().log_softmax(-1).numpy() + banned
            cands += [(score + float(lp), seq, t) for t, lp in enumerate(logp) if np.isfinite(lp)]
        cands.sort(key=lambda c: -c[0])
        nxt = []
        for score, seq, t in cands[: 2 * beams]:
            if t == 2:
                if len(finished) < beams:
                    finished.append((score / (step + 1), seq))
            elif len(nxt) < beams:
                nxt.append((score, [*seq, t]))
        if step + 1 == max_len:
            finished += [(score / (step + 2), seq) for score, seq in nxt][: beams - len(finished)]
            break
        if not nxt or len(finished) >= beams:
            break
        live = nxt
    return sorted(finished, key=lambda f: -f[0])


def test_batched_beam_search_matches_a_plain_one(tiny_model_dir: Path) -> None:
    """Batching, caches, shared cross-attention and vectorised selection change nothing."""
    from training.translit.torch_model import load_torch_model

    ours = Seq2SeqTransliterator.load(tiny_model_dir)
    ref = load_torch_model(tiny_model_dir)
    words = ["سميث", "جونز", "سمير", "كريم", "مراد", "سم", "كمالي"]
    banned = ours._banned_for("latin")
    for beams in (1, 3):
        got = ours.generate(words, "latin", beams=beams)
        for word, hyps in zip(words, got):
            width = len(ours.vocab.encode_source(word, "latin"))
            # generate() pads a batch to its longest word; max_len follows the batch width
            batch_width = max(len(ours.vocab.encode_source(w, "latin")) for w in words)
            want = _reference_beam_search(ref, ours.vocab, word, beams, min(40, int(batch_width * 2.5) + 4), banned)
            texts: list[str] = []
            for _, seq in want:
                text = ours.vocab.decode(seq)
                if text and text not in texts:
                    texts.append(text)
            assert [h.text for h in hyps] == texts, (word, beams, width)
            assert abs(hyps[0].logprob - want[0][0]) < 1e-4


def test_loading_does_not_import_torch(tiny_model_dir: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from toolkit.translit.model import Seq2SeqTransliterator\n"
        f"m = Seq2SeqTransliterator.load(__import__('pathlib').Path({str(tiny_model_dir)!r}))\n"
        "m.generate(['سمير'], 'latin', beams=2)\n"
        "print('torch' in sys.modules, 'transformers' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_decoding_uses_one_blas_thread_and_restores_it(tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    threadpoolctl = pytest.importorskip("threadpoolctl")
    import toolkit.translit.infer as infer

    before = [p["num_threads"] for p in threadpoolctl.threadpool_info() if p["user_api"] == "blas"]
    seen: list[list[int]] = []
    real = infer.beam_search

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append([p["num_threads"] for p in threadpoolctl.threadpool_info() if p["user_api"] == "blas"])
        return real(*args, **kwargs)

    monkeypatch.setattr(infer, "beam_search", spy)
    model = Seq2SeqTransliterator.load(tiny_model_dir)
    assert model.generate(["سمير"], "latin", beams=2)[0]
    assert seen and all(n == 1 for n in seen[0])
    assert [p["num_threads"] for p in threadpoolctl.threadpool_info() if p["user_api"] == "blas"] == before


def test_keep_freed_memory_is_idempotent() -> None:
    from toolkit.translit.kernels import keep_freed_memory

    first = keep_freed_memory()
    assert keep_freed_memory() is first
