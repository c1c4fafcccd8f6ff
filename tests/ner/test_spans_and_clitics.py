"""Label-to-span decoding, the Arabic clitic rule, and the corpus tag mapping of the
training script (fixtures written here; the shared corpora are never read by tests)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from toolkit.ner.clitics import name_start
from toolkit.ner.tagger import labeled_spans

_CORPORA = Path(__file__).resolve().parents[2] / "training" / "ner" / "corpora.py"


def _corpora():
    spec = importlib.util.spec_from_file_location("ner_corpora", _CORPORA)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_labeled_spans_scores_are_least_marginals() -> None:
    labels = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-LOC"]
    probs = [0.9, 0.7, 1.0, 0.8, 0.6, 0.5]
    assert labeled_spans(labels, probs) == [
        (0, 2, "PER", 0.7), (3, 4, "LOC", 0.8), (4, 5, "ORG", 0.6), (5, 6, "LOC", 0.5),
    ]


def test_arabic_clitic_rule() -> None:
    assert name_start("والقاهرة") == 1          # conjunction + article
    assert name_start("فالعراق") == 1
    assert name_start("بغداد") == 0             # a name that starts with ب stays whole
    assert name_start("لبنان") == 0
    assert name_start("وَالقاهرة") == 2         # the conjunction's haraka goes with it
    assert name_start("ولد") == 0               # too short to judge


def test_iob1_and_corpus_tags_to_iob2() -> None:
    c = _corpora()
    assert c.to_iob2(["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == [
        "B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG",
    ]
    assert c.to_iob2(["B-PERS", "I-PERS", "B-MIS1", "I-MIS1", "OO", "I--ORG", "B-SPANISH"]) == [
        "B-PER", "I-PER", "B-MISC", "I-MISC", "O", "B-ORG", "B-MISC",
    ]
    assert c.spans(["B-PER", "I-PER", "O", "I-LOC"]) == {(0, 2, "PER"), (3, 4, "LOC")}


def test_span_scores() -> None:
    c = _corpora()
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "I-PER", "O", "B-ORG"]]
    s = c.span_scores(gold, pred)
    assert s["typed"]["f1"] == 0.5 and s["untyped"]["f1"] == 1.0 and s["PER"]["f1"] == 1.0
