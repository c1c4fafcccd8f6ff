"""A Latin name asked in Latin letters is respelled through its Arabic spellings."""

from __future__ import annotations

from pathlib import Path

from toolkit.translit import Transliterator
from toolkit.translit.pivot import is_latin_only, respelled
from toolkit.translit.rank import Candidate


def test_scores_multiply_and_a_known_entity_stays_lexicon():
    arabic = [Candidate("محمد", 0.9, "model"), Candidate("كتائب", 1.0, "lexicon")]
    back = [[Candidate("Muhammad", 0.8, "model"), Candidate("Muhammad Sr", 0.1, "translation")],
            [Candidate("Kata'ib", 0.5, "lexicon")]]
    out = respelled("Mohamed", arabic[:1], back[:1], top=5)
    assert [(c.text, c.source, c.score) for c in out] == [("Muhammad", "pivot", 0.72)]  # 0.9 x 0.8; no translation
    out = respelled("Mohamed", arabic[::-1], back[::-1], top=5)
    # a lexicon name read both ways ranks first (tier), scores made non-increasing
    assert [(c.text, c.source, c.score) for c in out] == [("Kata'ib", "lexicon", 0.5), ("Muhammad", "pivot", 0.5)]


def test_the_name_itself_goes_first_when_the_round_trip_gives_it_back():
    arabic = [Candidate("محمد", 1.0, "model")]
    back = [[Candidate("Muhammad", 0.9, "model"), Candidate("Mohammed", 0.6, "model")]]
    out = respelled("Mohammed", arabic, back, top=5)
    assert [c.text for c in out] == ["Mohammed", "Muhammad"]
    assert [c.score for c in out] == [0.9, 0.9]  # scores stay non-increasing


def test_latin_only():
    assert is_latin_only("Kataeb Hezbollah") and is_latin_only("Abd al-Aziz 2")
    assert not is_latin_only("كتائب Hezbollah") and not is_latin_only("١٢٣") and not is_latin_only("")


def test_a_latin_name_to_latin_is_respelled_not_echoed(memory_only_dir: Path):
    t = Transliterator(model_dir=memory_only_dir, use_lexicon=False)
    out = t.transliterate_many(["Mohammed al-Sudani"], "latin", top=5, style="scholarly")[0]
    assert out and all(c.source == "pivot" for c in out)
    assert out[0].text == "Muḥammad al-Sūdānī"
    assert all(c.score < 1.0 or c.text != "Mohammed al-Sudani" for c in out)  # never the old echo at 1.0
    # Arabic names to Latin and Latin names to Arabic are untouched by the pivot
    assert all(c.source != "pivot" for c in t.transliterate_many(["محمد السوداني"], "latin")[0])
    assert all(c.source != "pivot" for c in t.transliterate_many(["Mohammed al-Sudani"], "arabic")[0])
