"""The document stage: a name the tagger found once is tagged where it stands again
untagged, and nothing the tagger found is changed."""

from __future__ import annotations

import time
from dataclasses import replace

from toolkit.ner import DEFAULT, find_mentions_many
from toolkit.ner.document import propagate


def _tagged(labels: list[str], score: float = 0.9) -> tuple[list[str], list[float], list[bool]]:
    return labels, [score if y != "O" else 1.0 for y in labels], [False] * len(labels)


def test_a_found_name_is_tagged_where_it_repeats() -> None:
    sents = [["أعلنت", "شركة", "نوكيا", "الأرباح"], ["وقالت", "نوكيا", "إن"]]
    tagged = [_tagged(["O", "O", "B-ORG", "O"], 0.8), _tagged(["O", "O", "O"])]
    out = propagate(sents, tagged, "ar", DEFAULT)
    assert out[0] == tagged[0]
    labels, probs, flags = out[1]
    assert labels == ["O", "B-ORG", "O"]
    assert probs[1] == 0.8 and flags == [False, True, False]
    assert tagged[1][0] == ["O", "O", "O"]  # the input is not changed


def test_clitics_and_article_do_not_hide_a_repeat() -> None:
    sents = [["زار", "القاهرة"], ["ثم", "عاد", "والقاهرة"]]
    out = propagate(sents, [_tagged(["O", "B-LOC"]), _tagged(["O", "O", "O"])], "ar", DEFAULT)
    assert out[1][0] == ["O", "O", "B-LOC"]


def test_multiword_names_and_the_most_frequent_type() -> None:
    sents = [["البنك", "التجاري"], ["البنك", "التجاري"], ["البنك", "التجاري"], ["قال", "البنك", "التجاري", "أمس"]]
    tagged = [_tagged(["B-ORG", "I-ORG"]), _tagged(["B-ORG", "I-ORG"]), _tagged(["B-LOC", "I-LOC"]),
              _tagged(["O", "O", "O", "O"])]
    out = propagate(sents, tagged, "ar", DEFAULT)
    assert out[3][0] == ["O", "B-ORG", "I-ORG", "O"]
    assert out[2][0] == ["B-LOC", "I-LOC"]  # a span the tagger found is never changed


def test_what_is_not_propagated() -> None:
    sents = [["زار", "طنجة"], ["طنجة", "مدينة"], ["زار", "طنجة"]]
    weak = [_tagged(["O", "B-LOC"], 0.3), _tagged(["O", "O"]), _tagged(["O", "O"])]
    assert propagate(sents, weak, "ar", DEFAULT)[1][0] == ["O", "O"]  # below propagate_min_score
    # the match is followed by a stray I- of the tagger: tagging it would change that span
    stray = [_tagged(["O", "B-LOC"]), _tagged(["O", "I-ORG"]), _tagged(["O", "O"])]
    assert propagate(sents, stray, "ar", DEFAULT)[1][0] == ["O", "I-ORG"]
    short = [["بي", "بي"], ["بي"]]
    assert propagate(short, [_tagged(["B-ORG", "O"]), _tagged(["O"])], "ar", DEFAULT)[1][0] == ["O"]
    english = [["Nokia", "said"], ["Nokia"]]
    assert propagate(english, [_tagged(["B-ORG", "O"]), _tagged(["O"])], "en", DEFAULT)[1][0] == ["O"]
    on = replace(DEFAULT, propagate_langs=("en", "ar"))
    assert propagate(english, [_tagged(["B-ORG", "O"]), _tagged(["O"])], "en", on)[1][0] == ["B-ORG"]


def test_cost_is_linear_in_the_document() -> None:
    names = [f"اسم{i}" for i in range(400)]
    sents = [[n, "قال", "إن"] for n in names]
    tagged = [_tagged(["B-PER", "O", "O"]) for _ in names]

    def seconds(k: int) -> float:
        t0 = time.perf_counter()
        out = propagate(sents * k, tagged * k, "ar", DEFAULT)
        assert len(out) == len(sents) * k
        return time.perf_counter() - t0

    small, large = seconds(2), seconds(20)
    assert large < 10 * small * 3 + 0.5  # 10x the input: about 10x the time, never 100x


def test_lines_of_one_document_and_sources() -> None:
    lines = ["أعلنت شركة مايكروسوفت عن أرباحها.", "وقالت مايكروسوفت إن المبيعات ارتفعت."]
    apart = find_mentions_many(lines, "ar")
    together = find_mentions_many(lines, "ar", one_document=True)
    assert len(together) == 2
    for line, found in zip(lines, together, strict=True):
        for m in found:
            assert line[m.start:m.end] == m.text
            assert m.source in ("crf", "document")
    # the document stage only adds: every mention of the lines read apart is still there
    for a, b in zip(apart, together, strict=True):
        assert set(a) <= set(b)
