"""The injected speller, the wiring in toolkit.defaults, and the lexicon's own caches."""

from __future__ import annotations

import dataclasses
import gc
import subprocess
import sys
import weakref
from collections.abc import Sequence
from pathlib import Path

import pytest

from toolkit.lexicon import Lexicon
from toolkit.lexicon.cache import BoundedCache
from toolkit.lexicon.params import DEFAULT_PARAMS, LookupParams
from toolkit.lexicon.parallel import lookup_batches


class _Speller:
    """Fixed spellings per query, and a record of what was asked."""

    def __init__(self, spellings: dict[str, list[str]]) -> None:
        self.spellings = spellings
        self.asked: list[tuple[str, str, int]] = []

    def __call__(self, queries: Sequence[str], target: str, top: int) -> list[list[tuple[str, float]]]:
        self.asked.extend((q, target, top) for q in queries)
        return [[(t, 0.9 - 0.1 * i) for i, t in enumerate(self.spellings.get(q, []))][:top] for q in queries]


@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    path = tmp_path / "foreign.tsv"
    path.write_text("id\tar\nreza\tرضا\narizza\tأريزا\nrosa\tروزا\nreese\tريز\n", encoding="utf-8")
    return path


def test_an_injected_speller_lifts_the_entry_it_names(foreign: Path) -> None:
    speller = _Speller({"Reza": ["رضا"]})
    lex = Lexicon.from_paths([foreign], speller=speller)
    got = lex.lookup("Reza")
    assert speller.asked == [("Reza", "ar", DEFAULT_PARAMS.translit_top)]
    assert (got[0].id, got[0].why) == ("reza", "translit")


def test_without_a_speller_lookup_is_lookup_without_the_model(foreign: Path) -> None:
    bare = Lexicon.from_paths([foreign])
    assert bare.lookup("Reza") == bare.lookup("Reza", translit=False)
    assert bare.lookup("Reza")[0].id != "reza"


def test_lookup_batches_hands_its_speller_to_the_workers(foreign: Path) -> None:
    batches = [["Reza", "Rosa"]] * 4
    seq = list(lookup_batches(Lexicon.from_paths([foreign]), batches, workers=1, speller=_Speller({"Reza": ["رضا"]})))
    par = list(lookup_batches(Lexicon.from_paths([foreign]), batches, workers=2, speller=_Speller({"Reza": ["رضا"]})))
    assert par == seq
    assert all(answers[0][0].id == "reza" for _, answers in par)


def test_lexicon_layer_does_not_import_translit(foreign: Path) -> None:
    code = (
        "import sys; from toolkit.lexicon import Lexicon;"
        f"Lexicon.from_paths([{str(foreign)!r}]).lookup('Reza');"
        "import toolkit.defaults; toolkit.defaults.speller();"
        "print([m for m in sys.modules if m.startswith('toolkit.translit')])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_defaults_wire_the_model(foreign: Path) -> None:
    from toolkit import defaults

    assert defaults.lexicon_from([foreign])._speller is defaults.speller()
    assert defaults.lexicon_from([foreign], translit=False)._speller is None
    assert defaults.Lexicon.from_paths([foreign])._speller is defaults.speller()
    import toolkit

    assert toolkit.lookup is defaults.lookup and toolkit.Lexicon is defaults.Lexicon


def test_a_closed_lexicon_is_freed(foreign: Path) -> None:
    """The answer cache belongs to the lexicon (a method lru_cache kept every one alive)."""
    lex = Lexicon.from_paths([foreign])
    lex.lookup("Rosa")
    ref = weakref.ref(lex)
    lex.close()
    del lex
    gc.collect()
    assert ref() is None


def test_bounded_cache_drops_the_least_recently_used() -> None:
    cache: BoundedCache[str, int] = BoundedCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # a is now the most recent
    cache.put("c", 3)
    assert cache.get("b") is None and cache.get("a") == 1 and cache.get("c") == 3
    assert len(cache) == 2
    with pytest.raises(ValueError):
        BoundedCache(0)


def test_params_are_frozen_and_used(foreign: Path) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_PARAMS.pool = 1  # type: ignore[misc]
    assert Lexicon.from_paths([foreign]).lookup("Rosa", translit=False)
    strict = Lexicon.from_paths([foreign], params=LookupParams(min_similarity=1.01))
    assert strict.lookup("Rosa", translit=False) == []  # no similarity passes
