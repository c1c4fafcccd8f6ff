"""Fixtures: a tiny model trained in seconds on a handful of pairs, and an attested table."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the tiny model is trained with ``training/`` (beside the package, not in it)
    sys.path.insert(0, str(ROOT))

PAIRS = [
    ("سميث", "smith", 40), ("جونز", "jones", 30), ("سمير", "samir", 12), ("كريم", "karim", 10),
    ("سليم", "salim", 9), ("كمال", "kamal", 8), ("جميل", "jamil", 6), ("مراد", "murad", 5),
]


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Train a 2-layer char model for a few seconds; proves train → save → load → beam search."""
    from training.translit.train import Pair, build_memory, train

    out = tmp_path_factory.mktemp("tiny_model")
    pairs = [Pair(ar, en, c, "test") for ar, en, c in PAIRS]
    arch = {"d_model": 32, "encoder_layers": 1, "decoder_layers": 1, "encoder_ffn_dim": 64,
            "decoder_ffn_dim": 64, "encoder_attention_heads": 2, "decoder_attention_heads": 2}
    train(pairs, out, minutes=5.0, epochs=80, batch_size=16, lr=1e-2, threads=1, arch=arch, log=False)
    build_memory(pairs[:2]).save(out / "attested.tsv")
    return out


@pytest.fixture()
def memory_only_dir(tmp_path: Path) -> Path:
    """A model directory with the attested table only (no weights): memory + rules."""
    (tmp_path / "attested.tsv").write_text(
        "direction\tsource\ttarget\tcount\n"
        "latin\tمحمد\tmohamed\t50\nlatin\tمحمد\tmohammed\t30\nlatin\tمحمد\tmuhammad\t20\n"
        "latin\tسوداني\tsudani\t9\nlatin\tعزيز\taziz\t8\nlatin\tشياع\tshia\t3\n"
        "arabic\tmohammed\tمحمد\t30\narabic\tsudani\tسوداني\t9\narabic\tguterres\tغوتيريس\t4\n",
        encoding="utf-8",
    )
    return tmp_path


class FakeLexicon:
    """Stands in for toolkit.lexicon.Lexicon: one confirmed entity."""

    def lookup(self, query: str, top: int = 5) -> list[object]:
        from types import SimpleNamespace

        if query in ("كتائب حزب الله", "Kataeb Hezbollah"):
            return [SimpleNamespace(id="org:kh", type="ORG", en="Kataeb Hezbollah", ar="كتائب حزب الله",
                                    score=1.0, why="exact", matched=query)]
        return []


@pytest.fixture()
def fake_lexicon() -> FakeLexicon:
    return FakeLexicon()


@pytest.fixture(autouse=True)
def _no_installed_name_dictionary(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests build their own evidence: the installed peer's name index stays out unless a test is about it."""
    if request.module.__name__.endswith("test_translit_name_dictionary"):
        return
    from toolkit.translit.name_dictionary import NameDictionary

    monkeypatch.setattr(NameDictionary, "load", classmethod(lambda cls: None))
