"""A review built without the entity pipeline: many sentences, known mentions.

Why: the page's own cost (writing it, opening it) is measured on 5,000 sentences a
side, which the pipeline would take minutes to read on a shared CI machine; the
renderer and the browser see the same kind of page either way.
"""

from __future__ import annotations

from toolkit.entities.document import Sent
from toolkit.entities.model import Entity, EntityList, Evidence, Mention, Suggestion
from toolkit.review.data import Review, Row, index_spans

from hostile import AR_LINES, EN_LINES, RLO

EN_NAMES = ("Ahmed al-Jubouri", "Anbar", "Kataeb Hezbollah", "Al-Qaim")
AR_NAMES = ("أحمد الجبوري", "الأنبار", "كتائب حزب الله", "القائم")
TYPES = ("PER", "LOC", "ORG", "LOC")


def _sents(lines: list[str]) -> tuple[str, list[Sent]]:
    sents, pos = [], 0
    for line in lines:
        sents.append(Sent(line, pos, pos + len(line)))
        pos += len(line) + 1
    return "\n".join(lines) + "\n", sents


def synthetic_review(n: int) -> Review:
    """``n`` sentences a side, aligned 1-1 but for every tenth (1-0 and 0-1), four
    entities with a mention in every sentence, and one entity named in markup."""
    en_text, en_sents = _sents([EN_LINES[i % 4] for i in range(n)])
    ar_text, ar_sents = _sents([AR_LINES[i % 4] for i in range(n)])
    mentions: list[list[Mention]] = [[] for _ in range(4)]
    for lang, text, sents, names in (("en", en_text, en_sents, EN_NAMES), ("ar", ar_text, ar_sents, AR_NAMES)):
        for i, s in enumerate(sents):
            k = i % 4
            at = text.find(names[k], s.start, s.end)
            mentions[k].append(Mention(lang, at, at + len(names[k]), names[k], i, "lexicon", type=TYPES[k]))
    entities = [
        Entity(f"e{k}", TYPES[k], EN_NAMES[k], AR_NAMES[k], mentions=tuple(mentions[k]), confidence=0.9 - 0.3 * k,
               evidence=(Evidence("link", f"{EN_NAMES[k]} = {AR_NAMES[k]} <b>", 0.9),))
        for k in range(4)
    ]
    entities.append(Entity("<x>", "</script>", f"<script>alert(1)</script>{RLO}", "", mentions=(),
                           suggested_ar=(Suggestion(f"سكريبت{RLO}<i>", "translit", 0.4),), confidence=0.2))
    rows = [Row((i,), (i,), 0.95 if i % 7 else 0.3) for i in range(n) if i % 10]
    rows += [Row((i,), (), 0.0) for i in range(0, n, 10)] + [Row((), (i,), 0.0) for i in range(0, n, 10)]
    rows.sort(key=lambda r: (r.en or r.ar)[0])
    result = EntityList(tuple(entities), ("a <message> with </script>",), "toolkit.align (parallel)")
    review = Review("en <1>.txt", f"ar{RLO}.txt", en_text, ar_text, en_sents, ar_sents, rows, result, "test")
    review.spans, _ = index_spans(result, en_sents, ar_sents)
    return review
