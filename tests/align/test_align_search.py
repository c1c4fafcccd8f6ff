"""Alignment behaviour with a deterministic encoder: merges, drops, reordering,
edge cases, the JSON document, and a long document in bounded time."""

from __future__ import annotations

import json
import random
import time

import pytest
from align_helpers import PseudoEncoder, arabize, make_sentences

from toolkit.align import AlignmentError, align_reports, align_sentences, looks_swapped
from toolkit.align.anchors import number_overlap, numbers
from toolkit.align.search import heaviest_chain


def pairs(links):
    return [(e, a) for e, a, _ in links]


def test_one_to_one(encoder: PseudoEncoder) -> None:
    en = make_sentences(12)
    ar = [arabize(s) for s in en]
    links, mode = align_sentences(en, ar, encoder=encoder)
    assert mode == "parallel"
    assert pairs(links) == [((k,), (k,)) for k in range(12)]
    assert all(0.5 < score <= 1.0 for *_, score in links)


def test_merges_two_and_three_sentences(encoder: PseudoEncoder) -> None:
    en = make_sentences(10, seed=2)
    ar = [arabize(s) for s in en]
    # Arabic packs English 2+3 into one sentence and 6+7+8 into one
    ar = ar[:2] + [ar[2] + " " + ar[3]] + ar[4:6] + [" ".join(ar[6:9])] + ar[9:]
    links, _ = align_sentences(en, ar, encoder=encoder)
    assert pairs(links) == [
        ((0,), (0,)), ((1,), (1,)), ((2, 3), (2,)), ((4,), (3,)), ((5,), (4,)), ((6, 7, 8), (5,)), ((9,), (6,)),
    ]


def test_split_on_the_arabic_side(encoder: PseudoEncoder) -> None:
    en = make_sentences(6, seed=3)
    halves = en[2].split(" met ")
    en_merged = en[:2] + [en[2]] + en[3:]
    ar = [arabize(s) for s in en[:2]] + [arabize(halves[0] + "."), arabize("met " + halves[1])] + [
        arabize(s) for s in en[3:]
    ]
    links, _ = align_sentences(en_merged, ar, encoder=encoder)
    assert ((2,), (2, 3)) in pairs(links)


def test_dropped_sentences_on_either_side_stay_unlinked(encoder: PseudoEncoder) -> None:
    en = make_sentences(14, seed=4)
    ar = [arabize(s) for s in en]
    del ar[5]  # English 5 has no Arabic counterpart
    extra = arabize("Completely unrelated words about gardens poetry and music festivals.")
    ar.insert(9, extra)  # Arabic 9 has no English counterpart
    links, mode = align_sentences(en, ar, encoder=encoder)
    got = pairs(links)
    assert mode == "parallel"
    assert ((5,), ()) in got and ((), (9,)) in got
    assert ((4,), (4,)) in got and ((6,), (5,)) in got and ((13,), (13,)) in got


def test_comparable_reports_are_matched_out_of_order(encoder: PseudoEncoder) -> None:
    en = make_sentences(12, seed=5)
    order = [7, 2, 10, 0, 5, 3]  # the Arabic report keeps half, reordered, and adds its own
    ar = [arabize(en[k]) for k in order] + [arabize("Local poets gathered for a festival of music.")]
    links, mode = align_sentences(en, ar, encoder=encoder)
    assert mode == "comparable"
    linked = {(e, a) for e, a in pairs(links) if e and a}
    assert linked == {((k,), (j,)) for j, k in enumerate(order)}
    # every sentence appears exactly once
    assert sorted(i for e, _ in pairs(links) for i in e) == list(range(12))
    assert sorted(j for _, a in pairs(links) for j in a) == list(range(7))


def test_modes_can_be_forced(encoder: PseudoEncoder) -> None:
    en = make_sentences(6, seed=6)
    ar = [arabize(s) for s in en]
    _, mode = align_sentences(en, ar, encoder=encoder, mode="comparable")
    assert mode == "comparable"
    with pytest.raises(AlignmentError):
        align_reports("a.", "ب.", mode="sideways")  # type: ignore[arg-type]


def test_number_anchors_fold_digit_systems() -> None:
    assert numbers("In 2024, 1,200 people paid 3.50 dollars; 5 left") == {"2024", "1200", "3.5"}
    assert numbers("في عام ٢٠٢٤ قتل ١٬٢٠٠ شخص و٣٫٥") == {"2024", "1200", "3.5"}
    assert number_overlap(frozenset({"12"}), frozenset()) is None
    assert number_overlap(frozenset({"12", "30"}), frozenset({"12"})) == 0.5


def test_heaviest_chain_is_increasing() -> None:
    chain = heaviest_chain([(0, 0, 1.0), (1, 5, 0.5), (2, 1, 1.0), (3, 2, 1.0), (4, 0, 3.0)])
    assert [(i, j) for i, j, _ in chain] == [(0, 0), (2, 1), (3, 2)]


def test_empty_inputs_and_one_side_empty(encoder: PseudoEncoder) -> None:
    empty = align_reports("", "", encoder=encoder)
    assert empty.links == () and empty.to_json() == {"links": [], "mode": "parallel"}
    one = align_reports("One sentence. Two sentences.", "   \n", encoder=encoder)
    assert [(l.en, l.ar) for l in one.links] == [((0,), ()), ((1,), ())]
    other = align_reports("", arabize("one. two."), encoder=encoder)
    assert [(l.en, l.ar) for l in other.links] == [((), (0,)), ((), (1,))]
    assert encoder.calls == 0  # nothing to compare, nothing encoded


def test_wrong_order_is_detected(encoder: PseudoEncoder) -> None:
    en = " ".join(make_sentences(4, seed=7))
    ar = arabize(en)
    assert looks_swapped(ar, en) and not looks_swapped(en, ar)
    with pytest.raises(AlignmentError, match="swapped"):
        align_reports(ar, en, encoder=encoder)
    fixed = align_reports(ar, en, encoder=encoder, swap="swap")
    assert fixed.en[0].text.startswith("The ")
    assert [(l.en, l.ar) for l in fixed.links] == [((k,), (k,)) for k in range(4)]


def test_json_document_and_offsets(encoder: PseudoEncoder) -> None:
    sentences = make_sentences(3, seed=8)
    en_text = "Headline without a stop\n" + " ".join(sentences)
    ar_text = arabize("Headline without a stop") + "\n" + " ".join(arabize(s) for s in sentences)
    alignment = align_reports(en_text, ar_text, encoder=encoder)
    doc = json.loads(json.dumps(alignment.to_json(), ensure_ascii=False))
    assert doc["mode"] == "parallel"
    assert [(l["en"], l["ar"]) for l in doc["links"]] == [([k], [k]) for k in range(4)]
    for link in doc["links"]:
        for (start, end), k in zip(link["en_spans"], link["en"]):
            assert en_text[start:end] == alignment.en[k].text
        for (start, end), k in zip(link["ar_spans"], link["ar"]):
            assert ar_text[start:end] == alignment.ar[k].text
        assert 0.0 <= link["score"] <= 1.0


def test_presplit_indices_are_line_numbers(encoder: PseudoEncoder) -> None:
    en = make_sentences(4, seed=9)
    en_text = "\n".join([en[0], "", en[1], en[2], en[3]]) + "\n"
    ar_text = "\n".join(arabize(s) for s in en) + "\n"
    alignment = align_reports(en_text, ar_text, presplit=True, encoder=encoder)
    got = [(l.en, l.ar) for l in alignment.links]
    assert ((1,), ()) in got  # the empty line stays visible, unlinked
    assert ((0,), (0,)) in got and ((2,), (1,)) in got and ((4,), (3,)) in got


def test_five_thousand_sentences_in_bounded_time() -> None:
    rng = random.Random(11)
    en = make_sentences(5000, seed=12)
    ar = [arabize(s) for s in en]
    for k in sorted(rng.sample(range(5000), 40), reverse=True):
        del ar[k]  # some drops, so the band has to follow a shifting diagonal
    encoder = PseudoEncoder()
    t0 = time.perf_counter()
    links, mode = align_sentences(en, ar, encoder=encoder)
    elapsed = time.perf_counter() - t0
    assert mode == "parallel"
    one_to_one = sum(1 for e, a, _ in links if len(e) == 1 and len(a) == 1)
    assert one_to_one >= 4900
    assert elapsed < 45, elapsed


def test_name_keys_meet_across_scripts() -> None:
    from toolkit.align.anchors import name_keys

    en = name_keys("The High Breed, from Bristol, met Donald Trump.", "en")
    ar = name_keys("فريق من بريستول التقى دونالد ترامب", "ar")
    assert {"brstl", "dnld", "trmb"} <= en & ar
    assert "th" not in en  # "The" is not a name


def test_name_anchor_option_runs(encoder: PseudoEncoder) -> None:
    from toolkit.align import SearchParams

    en = make_sentences(6, seed=30)
    ar = [arabize(s) for s in en]
    links, _ = align_sentences(en, ar, encoder=encoder, params=SearchParams(name_weight=0.1))
    assert pairs(links) == [((k,), (k,)) for k in range(6)]


def test_a_moved_sentence_is_still_linked(encoder: PseudoEncoder) -> None:
    en = make_sentences(12, seed=31)
    ar = [arabize(s) for s in en]
    moved = ar.pop(3)
    ar.append(moved)  # the translator moved sentence 3 to the end
    links, mode = align_sentences(en, ar, encoder=encoder)
    assert mode == "parallel"
    got = pairs(links)
    assert ((3,), (11,)) in got and ((4,), (3,)) in got and ((2,), (2,)) in got
