"""Readers of the public NER corpora in ../shared/data/ner, their splits, and span F1.

Used by ``train.py`` and by ``benchmarks/ner.py`` (never by the ``toolkit`` package): one
place decides how each corpus is read, how its tags are mapped and which sentences are held
out, so that the benchmark measures exactly the part the model never saw.

Tags become IOB2 over four types, PER ORG LOC MISC:

- CoNLL-2003 and wikigold are IOB1 (``I-`` starts a name unless it continues one of the
  same type): converted to IOB2.
- ANERcorp writes ``PERS``: mapped to PER; one malformed line (``. Oالإصابة O``) is read
  as a token with its last field as tag.
- AQMAR tags its own per-article "miscellaneous" classes ``MIS0``-``MIS3`` (and a few typos:
  ``MIS``, ``MISS1``, ``MIS-1``, ``MIS1```); all of them, and the odd ``SPANISH``/``ENGLISH``,
  map to MISC; ``OO`` and ``IO`` (typos of O) map to O; ``I--ORG`` to I-ORG.

Splits of ANERcorp (3,986 sentences, read in file order): the LAST tenth (sentences 3,587 to
3,985, 0-based, contiguous, so whole news stories the model never saw) is held out for measurement
only; the tenth before it (3,188 to 3,586) is the development part on which c1/c2 are
chosen; the final Arabic model trains on the first nine tenths (dev included) plus AQMAR.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

Sentence = tuple[list[str], list[str]]  # words, IOB2 tags
TYPES = ("PER", "ORG", "LOC", "MISC")


def _type(raw: str) -> str | None:
    raw = raw.strip("-`").upper()
    for prefix, kind in (("PER", "PER"), ("ORG", "ORG"), ("LOC", "LOC"), ("MIS", "MISC")):
        if raw.startswith(prefix):
            return kind
    if raw in ("SPANISH", "ENGLISH"):
        return "MISC"
    return None


def _tag(raw: str) -> tuple[str, str | None]:
    """(``B``/``I``/``O``, type) of a raw tag; anything unreadable is O."""
    if len(raw) >= 3 and raw[0] in "BI" and raw[1] == "-":
        kind = _type(raw[2:])
        return (raw[0], kind) if kind else ("O", None)
    return ("O", None)


def to_iob2(raw_tags: Sequence[str]) -> list[str]:
    """IOB1 or IOB2 (or mixed) raw tags -> IOB2 over :data:`TYPES`."""
    out: list[str] = []
    prev: str | None = None
    for raw in raw_tags:
        bio, kind = _tag(raw)
        if bio == "O" or kind is None:
            out.append("O")
            prev = None
            continue
        if bio == "I" and prev == kind:
            out.append("I-" + kind)
        else:
            out.append("B-" + kind)
        prev = kind
    return out


def read_columns(path: Path) -> list[Sentence]:
    """A ``token ... TAG`` file, blank line between sentences, ``-DOCSTART-`` skipped."""
    sents: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if words:
                sents.append((words, to_iob2(tags)))
            words, tags = [], []
            continue
        words.append(parts[0])
        tags.append(parts[-1] if len(parts) > 1 else "O")
    if words:
        sents.append((words, to_iob2(tags)))
    return sents


def ner_dir(data: Path) -> Path:
    return Path(data) / "ner"


def conll_train(data: Path) -> list[Sentence]:
    return read_columns(ner_dir(data) / "conll2003_en" / "train.txt")


def conll_dev(data: Path) -> list[Sentence]:
    return read_columns(ner_dir(data) / "conll2003_en" / "dev.txt")


def wikigold(data: Path) -> list[Sentence]:
    return read_columns(ner_dir(data) / "wikigold_en" / "wikigold.conll.txt")


def aqmar(data: Path) -> list[Sentence]:
    return read_columns(ner_dir(data) / "aqmar_arabic_ner.txt")


def anercorp_splits(data: Path) -> dict[str, list[Sentence]]:
    """``train`` (first 8/10), ``dev`` (9th tenth), ``heldout`` (last tenth), in file order."""
    sents = read_columns(ner_dir(data) / "anercorp_train.txt")
    n = len(sents)
    a, b = int(n * 0.8), int(n * 0.9)
    return {"train": sents[:a], "dev": sents[a:b], "heldout": sents[b:]}


def spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """IOB2 tags -> ``(first token, end token, type)`` spans (a stray I- starts a span)."""
    out: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != kind):
            if start >= 0:
                out.add((start, i, kind))
            start, kind = (i, tag[2:]) if tag != "O" else (-1, "")
    return out


def span_scores(
    gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]], types: Sequence[str] = ("PER", "ORG", "LOC")
) -> dict[str, dict[str, float]]:
    """Span precision, recall and F1: ``typed`` (span and type right), ``untyped`` (span right,
    type ignored; both sides restricted to ``types``), and one row per type."""
    counts: dict[str, list[int]] = {k: [0, 0, 0] for k in ("typed", "untyped", *types)}  # tp, n_pred, n_gold
    for g_tags, p_tags in zip(gold, pred, strict=True):
        g = {s for s in spans(g_tags) if s[2] in types}
        p = {s for s in spans(p_tags) if s[2] in types}
        _add(counts["typed"], g, p)
        _add(counts["untyped"], {s[:2] for s in g}, {s[:2] for s in p})
        for t in types:
            _add(counts[t], {s for s in g if s[2] == t}, {s for s in p if s[2] == t})
    return {k: _prf(*v) for k, v in counts.items()}


def _add(row: list[int], gold: set, pred: set) -> None:
    row[0] += len(gold & pred)
    row[1] += len(pred)
    row[2] += len(gold)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": float(n_gold)}
