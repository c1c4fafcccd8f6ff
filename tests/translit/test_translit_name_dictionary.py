"""The Arab name dictionary: its spellings lead for units it knows well, whole names win, off means off."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.translit import TranslitError, Transliterator
from toolkit.translit.memory import Attested
from toolkit.translit.name_dictionary import NameDictionary, press_form


class FakeNames:
    """Stands in for NameDictionary: a few units and one whole name."""

    UNITS = {
        "مبارك": [("Mubarak", 40), ("Moubarak", 3)],
        "عبد العزيز": [("Abdelaziz", 30), ("Abdulaziz", 20)],
        "بن عبد العزيز": [("bin Abdulaziz", 30), ("ben Abdelaziz", 5), ("Benabdelaziz", 4)],
        "الظواهري": [("al-Zawahiri", 3)],
        "محمد": [("Muhammad", 50), ("Mohamed", 40)],
        "مُحَمَّد": [("Mohamed", 40)],
    }
    WHOLE = {
        "جمال عبد الناصر": [("Gamal Abdel Nasser", 1), ("Jamal Abdel Nasser", 1)],
        "موسى أبو مرزوق": [("Mousa Mohammed Abu Marzook", 2), ("Mousa Abu Al-marzook", 1)],
    }

    def __init__(self) -> None:
        self.asked: list[str] = []

    def _attested(self, rows: list[tuple[str, int]]) -> list[Attested]:
        total = sum(c for _, c in rows)
        return [Attested(t, c, c / total) for t, c in rows]

    def unit(self, arabic: str, region: str | None = None) -> list[Attested]:
        self.asked.append(arabic)
        return self._attested(self.UNITS.get(arabic, []))

    def whole(self, arabic: str, region: str | None = None) -> list[Attested]:
        return self._attested(self.WHOLE.get(arabic, []))

    def arabic_keys(self, latin: str) -> dict[str, float]:
        return {"الماليكي": 1.0} if latin.lower() == "al-maliki" else {"الزوبيدي": 1.0} if latin.lower() == "al-zubaidi" else {}

    def key(self, arabic: str) -> str:
        return arabic.replace("أ", "ا").replace("ة", "ه")

    def arabic_full_keys(self, latin: str) -> dict[str, float]:
        return {
            "ahmed ben bella": {"احمد بن بله": 1.0},
            "salman al saud": {"سلمان ال سعود": 1.0},
            "abdelmalek droukdel": {"ابو مصعب عبد الودود": 1.0},  # an alias, not a spelling
        }.get(latin.lower(), {})

    def full_key(self, arabic: str) -> str:
        return " ".join(self.key(w) for w in arabic.split())


def test_dictionary_spellings_lead_for_known_units(memory_only_dir: Path) -> None:
    names = FakeNames()
    t = Transliterator(model_dir=memory_only_dir, use_lexicon=False, name_dictionary=names)
    out = t.transliterate_many(["محمد مبارك", "عبد العزيز", "محمد الظواهري"], "latin", top=5)
    assert out[0][0].text.endswith(" Mubarak")  # not a foreigner's reading such as Mbark
    assert [c.text for c in out[1][:2]] == ["Abdelaziz", "Abdulaziz"]
    assert out[2][0].text.endswith("al-Zawahiri") and out[2][0].source == "model"
    assert "بن" not in names.asked  # a particle alone is never looked up


def test_after_a_particle_the_pair_decides_the_spelling(memory_only_dir: Path) -> None:
    """Alone, عبد العزيز is mostly Abdelaziz (the Maghreb); after بن it is mostly bin Abdulaziz (the Gulf)."""
    t = Transliterator(model_dir=memory_only_dir, use_lexicon=False, name_dictionary=FakeNames())
    assert t.transliterate_many(["محمد بن عبد العزيز"], "latin")[0][0].text == "Muhammad bin Abdulaziz"
    assert t.transliterate_many(["عبد العزيز"], "latin")[0][0].text == "Abdelaziz"


def test_a_region_hint_and_written_vowels_still_lead(memory_only_dir: Path) -> None:
    t = Transliterator(model_dir=memory_only_dir, use_lexicon=False, name_dictionary=FakeNames())
    assert t.transliterate_many(["محمد"], "latin")[0][0].text == "Muhammad"  # the dictionary's majority
    assert t.transliterate_many(["محمد"], "latin", region="gulf")[0][0].text == "Mohammed"
    assert t.transliterate_many(["محمد"], "latin", region="egypt")[0][0].text == "Mohamed"
    assert t.transliterate_many(["مُحَمَّد"], "latin")[0][0].text == "Muhammad"  # read, not looked up


def test_whole_name_attested_wins_and_off_means_off(memory_only_dir: Path) -> None:
    t = Transliterator(model_dir=memory_only_dir, use_lexicon=False, name_dictionary=FakeNames())
    best = t.transliterate_many(["جمال عبد الناصر"], "latin", top=5)[0]
    assert {best[0].text, best[1].text} == {"Gamal Abdel Nasser", "Jamal Abdel Nasser"}
    assert best[0].score >= 0.88
    texts = [c.text for c in t.transliterate_many(["موسى أبو مرزوق"], "latin", top=5)[0]]
    assert texts[0] == "Mousa Abu al-Marzook"  # the article written our way
    assert "Mousa Mohammed Abu Marzook" not in texts  # a label with a name the Arabic lacks
    off = Transliterator(model_dir=memory_only_dir, use_lexicon=False, name_dictionary=False)
    assert off.names is None
    assert all("Nasser" not in c.text or c.text != "Gamal Abdel Nasser" for c in
               off.transliterate_many(["جمال عبد الناصر"], "latin", top=5)[0])


def test_latin_to_arabic_prefers_what_the_dictionary_has_seen(tmp_path: Path) -> None:
    (tmp_path / "attested.tsv").write_text("direction\tsource\ttarget\tcount\n", encoding="utf-8")
    plain = Transliterator(model_dir=tmp_path, use_lexicon=False, name_dictionary=False)
    # (al-Zubaidi: a name no word table knows, so the rules and the dictionary decide)
    assert plain.transliterate_many(["al-Zubaidi"], "arabic")[0][0].text == "الزوبايدي"  # the rules' first guess
    t = Transliterator(model_dir=tmp_path, use_lexicon=False, name_dictionary=FakeNames())
    best = t.transliterate_many(["al-Zubaidi"], "arabic")[0][0]
    assert (best.text, best.source) == ("الزوبيدي", "model") and best.score >= 0.8


def test_latin_to_arabic_whole_names_the_dictionary_labels(tmp_path: Path) -> None:
    (tmp_path / "attested.tsv").write_text(
        "direction\tsource\ttarget\tcount\narabic\tahmed\tأحمد\t9\n", encoding="utf-8")
    t = Transliterator(model_dir=tmp_path, use_lexicon=False, name_dictionary=FakeNames())
    best = t.transliterate_many(["Ahmed Ben Bella", "Salman Al Saud", "Abdelmalek Droukdel"], "arabic")
    assert (best[0][0].text, best[0][0].source) == ("أحمد بن بله", "model")  # the folded ا written back as our أ
    assert best[1][0].text == "سلمان آل سعود"
    assert "ابو مصعب عبد الودود" not in {c.text for c in best[2]}


def test_press_form_writes_the_article_our_way() -> None:
    assert press_form("Al-Zaouahiri", article=True) == "al-Zaouahiri"
    assert press_form("el Mohandes", article=True) == "el-Mohandes"
    assert press_form("ad-Din", article=True) == "al-Din"  # an assimilated article written as we write it
    assert press_form("Adnan") == "Adnan" and press_form("an-Nur") == "An-Nur"  # (no article in the Arabic)
    assert press_form("Al Thani") == "Al Thani"  # the family prefix آل, not the article
    assert press_form("bin  Laden") == "bin Laden"
    assert press_form("ahmed") == "Ahmed"
    assert press_form("Alwan", article=True) == "Alwan" and press_form("Ali") == "Ali"


def test_the_installed_index_answers_units_and_whole_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("arabic_name_romanizer")
    monkeypatch.setenv("TOOLKIT_CACHE", str(tmp_path / "cache"))
    names = NameDictionary.load()
    assert names is not None
    spellings = [a.text for a in names.unit("محمد")]
    assert "Mohamed" in spellings[:3] and "Muhammad" in spellings[:3]
    assert all(0 < a.share <= 1 for a in names.unit("محمد"))
    assert names.unit("محمد علي") == []  # two units are not one
    assert names.whole("محمد") == []
    keys = names.arabic_keys("al-Maliki")
    assert names.key("المالكي") in keys and all(0 < v <= 1 for v in keys.values())
    assert list((tmp_path / "cache").glob("name-dictionary-reverse-*.sqlite"))  # compiled once, kept
    again = NameDictionary.load()
    assert again is not None and again.arabic_keys("Al Maliki") == keys  # read back; spaces and case folded


def test_an_unwritable_cache_keeps_the_reverse_index_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("arabic_name_romanizer")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("TOOLKIT_CACHE", str(blocker / "cache"))
    names = NameDictionary.load()
    assert names is not None
    assert names.key("المالكي") in names.arabic_keys("al-Maliki")


def test_caches_stay_bounded_on_a_long_stream(memory_only_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from toolkit.translit import TranslitParams

    t = Transliterator(model_dir=memory_only_dir, use_lexicon=False, name_dictionary=FakeNames(),
                       params=TranslitParams(cache_limit=3))
    t.transliterate_many(["محمد مبارك", "عبد العزيز", "محمد الظواهري"], "latin")
    assert len(t._unit_cache) > 3
    again = t.transliterate_many(["مبارك"], "latin")  # the next batch starts afresh
    assert len(t._unit_cache) == 1 and again[0][0].text == "Mubarak"


NAMEISH = st.text(
    alphabet=st.sampled_from(list("ابتحدرسعقلمنهويةىأإآءًَُِّْ") + list("abdehilmnorsuz'-") + [" ", " ", "\u200c", "\u200f", "3", "٣"]),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(NAMEISH, st.sampled_from(["latin", "arabic"]), st.sampled_from([None, "gulf", "maghreb"]))
def test_any_name_gets_an_ordered_valid_list_or_a_clear_error(name: str, to: str, region: str | None) -> None:
    t = _ENGINE[0] if _ENGINE else _ENGINE.append(_engine()) or _ENGINE[0]
    try:
        cands = t.transliterate_many([name], to, top=5, region=region)[0]  # type: ignore[arg-type]
    except TranslitError:
        return
    scores = [c.score for c in cands]
    assert scores == sorted(scores, reverse=True) and all(0.0 <= x <= 1.0 for x in scores)
    assert all(c.text and c.source in ("lexicon", "model", "rules", "scheme", "translation", "pivot") for c in cands)
    if to == "latin" and any(c.source == "translation" for c in cands):  # only organizations are translated
        from toolkit.translit.word_classes import is_organization

        assert is_organization(name)
    assert len({c.text for c in cands}) == len(cands)
    if name.strip() and any("\u0621" <= ch <= "\u064a" for ch in name) and to == "latin":
        assert cands  # Arabic letters always get some spelling


_ENGINE: list[Transliterator] = []


def _engine() -> Transliterator:
    import tempfile

    folder = Path(tempfile.mkdtemp())
    (folder / "attested.tsv").write_text("direction\tsource\ttarget\tcount\nlatin\tمحمد\tmohamed\t50\n", encoding="utf-8")
    return Transliterator(model_dir=folder, use_lexicon=False, name_dictionary=FakeNames())


def test_an_index_it_cannot_read_answers_nothing() -> None:
    import sqlite3

    class Broken:
        path = "/nonexistent/names.sqlite3"

        def lookup_unit(self, *args: object) -> list[object]:
            raise sqlite3.OperationalError("no such table: units")

        lookup_full = lookup_unit

    names = NameDictionary(Broken(), key=lambda text: text, split=lambda text: text.split())
    assert names.unit("محمد") == [] and names.whole("محمد علي") == []


def test_a_few_names_are_scanned_a_long_batch_compiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("arabic_name_romanizer")
    import toolkit.translit.name_dictionary as nd

    monkeypatch.setenv("TOOLKIT_CACHE", str(tmp_path / "cache"))
    names = NameDictionary.load()
    assert names is not None
    names.prepare_reverse(["al-Maliki", "Hadi"], ["Gamal Abdel Nasser"])
    assert not list(tmp_path.glob("cache/name-dictionary-reverse-*"))  # a cold single call compiles nothing
    assert names.key("المالكي") in names.arabic_keys("Al Maliki")
    assert names.full_key("جمال عبد الناصر") in names.arabic_full_keys("Gamal Abdel Nasser")
    monkeypatch.setattr(nd, "SCAN_LIMIT", 3)
    fresh = NameDictionary.load()
    assert fresh is not None
    fresh.prepare_reverse(["al-Maliki", "Hadi", "Nouri"], [])
    assert list(tmp_path.glob("cache/name-dictionary-reverse-*.sqlite"))
    assert fresh.arabic_keys("al-Maliki") == names.arabic_keys("al-Maliki")


def test_the_skeleton_folds_what_the_press_spells_at_will() -> None:
    from toolkit.translit.name_dictionary import latin_skeleton

    assert {latin_skeleton(w) for w in ("Haftar", "Hafter", "Hiftar", "HAFTAR")} == {"hftr"}
    assert len({latin_skeleton(w) for w in ("Qaddafi", "Qadhafi", "Kadafi", "Gaddafee")} - {"gdfI"}) == 1
    assert latin_skeleton("Mughniyeh") == latin_skeleton("Mughniyya") != latin_skeleton("Mughni")
    assert latin_skeleton("Jaafari") != latin_skeleton("Jaafar")  # the nisba's final i is kept
    assert latin_skeleton("Ali") == latin_skeleton("Habib") == latin_skeleton("") == ""  # under three consonants
    assert latin_skeleton("Hamdok") != latin_skeleton("Hamdan")


def test_unseen_spellings_are_read_through_the_skeleton_scanned_or_compiled(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("arabic_name_romanizer")
    import toolkit.translit.name_dictionary as nd

    monkeypatch.setenv("TOOLKIT_CACHE", str(tmp_path / "cache"))
    names = NameDictionary.load()
    assert names is not None
    names.prepare_reverse(["Hafter", "Hamduk"], [])
    assert not list(tmp_path.glob("cache/name-dictionary-reverse-*"))  # scanned, not compiled
    scanned = {w: names.arabic_skeleton_keys(w) for w in ("Hafter", "Hamduk")}
    assert names.arabic_keys("Hafter") == {}  # the spelling itself is unseen
    assert names.key("حفتر") in scanned["Hafter"] and names.key("حمدوك") in scanned["Hamduk"]
    monkeypatch.setattr(nd, "SCAN_LIMIT", 1)
    fresh = NameDictionary.load()
    assert fresh is not None
    fresh.prepare_reverse(["Hafter", "Hamduk"], [])
    assert list(tmp_path.glob("cache/name-dictionary-reverse-*.sqlite"))
    assert {w: fresh.arabic_skeleton_keys(w) for w in scanned} == scanned  # the same answers both ways


def test_an_unseen_spelling_takes_the_known_name_among_our_guesses(tmp_path: Path) -> None:
    (tmp_path / "attested.tsv").write_text("direction\tsource\ttarget\tcount\narabic\tali\tعلي\t9\n",
                                           encoding="utf-8")

    class Skeletons(FakeNames):
        def arabic_skeleton_keys(self, latin: str) -> dict[str, float]:
            return {"الزوبيدي": 1.0} if latin.lower() == "al-zubeidi" else {}

    def last_words(names: object, query: str) -> list[str]:
        t = Transliterator(model_dir=tmp_path, use_lexicon=False, name_dictionary=names)
        return [c.text.split()[-1] for c in t.transliterate_many([query], "arabic", top=10)[0]]

    guesses = last_words(FakeNames(), "Ali al-Zubeidi")
    assert guesses[0] != "الزوبيدي" and "الزوبيدي" in guesses  # our rules propose it, below another guess
    assert last_words(Skeletons(), "Ali al-Zubeidi")[0] == "الزوبيدي"  # a known name with the same skeleton
    assert last_words(Skeletons(), "al-Zubeidi")[0] != "الزوبيدي"  # a one-word name: no skeleton evidence


def test_a_family_name_the_press_writes_without_its_article(tmp_path: Path) -> None:
    (tmp_path / "attested.tsv").write_text(
        "direction\tsource\ttarget\tcount\narabic\tyousef\tيوسف\t9\narabic\tzubaidi\tزبيدي\t9\n", encoding="utf-8")

    class WithArticle(FakeNames):
        def arabic_keys(self, latin: str) -> dict[str, float]:
            return {"yousef": {"يوسف": 0.9, "اليوسف": 0.1}, "zubaidi": {"الزبيدي": 0.7, "زبيدي": 0.3}}.get(latin.lower(), {})

    t = Transliterator(model_dir=tmp_path, use_lexicon=False, name_dictionary=WithArticle())
    best = [c.text for c in t.transliterate_many(["Yousef Zubaidi"], "arabic", top=5)[0]]
    assert best[0] == "يوسف الزبيدي"  # the dictionary writes the family name with its article
    assert not any(b.startswith("اليوسف") for b in best)  # a first name needs more than 0.1 of it


def test_a_dictionary_unit_spelling_that_spells_something_else_is_left_out(memory_only_dir: Path) -> None:
    class WithAlias(FakeNames):
        UNITS = {**FakeNames.UNITS, "سلطان": [("Al-Sharji", 2), ("Sultan", 1)], "جعجع": [("Geagea", 6)]}

    t = Transliterator(model_dir=memory_only_dir, use_lexicon=False, name_dictionary=WithAlias())
    spelled = [c.text for c in t.transliterate_many(["سلطان"], "latin", top=5)[0]]
    assert spelled and all("Sharji" not in s for s in spelled)  # another name aligned with it, not a spelling
    assert t.transliterate_many(["جعجع"], "latin", top=1)[0][0].text == "Geagea"  # seen often: kept


def test_latin_to_arabic_prefers_attested_name_words_in_persons_names() -> None:
    from dataclasses import replace

    from toolkit.translit.params import DEFAULT_PARAMS

    on = Transliterator()
    off = Transliterator(params=replace(DEFAULT_PARAMS, attested_name_weight=1.0))
    name = "Ahmed al-Raissouni"
    assert on.transliterate_many([name], "arabic")[0][0].text == "أحمد الريسوني"
    before = [c.text for c in off.transliterate_many([name], "arabic")[0]]
    after = on.transliterate_many([name], "arabic")[0]
    assert sorted(before) == sorted(c.text for c in after)  # the same spellings, reordered
    assert [c.score for c in after] == sorted((c.score for c in after), reverse=True)
    # one word, or an organization's name, is left as the model ranks it
    for other in ("Raissouni", "Jabhat al-Amal al-Islami"):
        assert on.transliterate_many([other], "arabic")[0] == off.transliterate_many([other], "arabic")[0]
