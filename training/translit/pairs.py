"""The public name pairs the transliteration model learns from, and the held-out split.

Data (read by path, never copied): ``names/wikidata_person_tokens.tsv`` (CC0) and
``names/google_ar2en_{train,eval,test}.tsv`` (Apache-2.0) under the shared data folder
(``DEFAULT_DATA``: ``../shared/data`` beside the repository, as for ``benchmarks/``).

The dev split is held out *by Arabic form*: every Arabic word whose stable hash falls in
the dev bucket, plus every Arabic word of the google eval and test files, is removed from
training in both directions, so the dev numbers measure names the model has never seen in
either script.

Why the filtering: Wikidata token pairs come from word alignment and count-1 rows are often
wrong ("yasmina" for محمد). A count-1 spelling is kept only when it resembles the most
common spelling of the same Arabic word, or when it is the only evidence there is.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from toolkit.translit.model import clean_arabic, clean_latin

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
DEV_BUCKETS = 20  # 1 Arabic form in 20 is held out


@dataclass(frozen=True)
class Pair:
    """One attested correspondence between an Arabic word and a Latin spelling."""

    arabic: str
    latin: str
    count: int
    source: str


def is_dev_form(arabic: str) -> bool:
    """Stable (process-independent) assignment of an Arabic form to the dev split."""
    return zlib.crc32(arabic.encode("utf-8")) % DEV_BUCKETS == 0


def _rows(path: Path, width: int) -> Iterator[list[str]]:
    """The tab-separated rows of ``path`` that have ``width`` fields (others are skipped)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == width:
                yield parts


def read_wikidata(path: Path) -> list[Pair]:
    pairs = []
    for english, letters, count in _rows(path, 3):
        ar = clean_arabic(letters.replace(" ", ""))
        en = clean_latin(english)
        if ar and en:
            pairs.append(Pair(ar, en, int(count) if count.isdigit() else 1, "wikidata"))
    return pairs


def read_google(path: Path) -> list[Pair]:
    pairs = []
    for arabic, latin in _rows(path, 2):
        ar, en = clean_arabic(arabic), clean_latin(latin)
        if ar and en:
            pairs.append(Pair(ar, en, 2, "google"))
    return pairs


def read_anetac(path: Path) -> list[Pair]:
    """ANETAC's ``english \t arabic`` pairs (mostly foreign names), one word each. No license
    file: its rows are never copied into the project (no attested table is built from them);
    a model trained on them may be shipped with a card naming the dataset (../shared/data/README.md)."""
    pairs = []
    for english, arabic in _rows(path, 2):
        en, ar = clean_latin(english), clean_arabic(arabic.replace(" ", ""))
        if ar and en and " " not in english.strip():
            pairs.append(Pair(ar, en, 1, "anetac"))
    return pairs


def anetac_training_pairs(data: Path) -> list[Pair]:
    """ANETAC's train split without any Arabic form held out anywhere (the Wikidata dev
    bucket, google eval and test, ANETAC dev), so every held-out number stays held out."""
    names = data / "names"
    wiki, _, g_eval, g_test = read_public(data)
    dev = read_anetac(names / "anetac_dev.tsv")
    held = {p.arabic for p in g_eval + g_test + dev} | {p.arabic for p in wiki if is_dev_form(p.arabic)}
    held_latin = {p.latin for p in dev}
    return [p for p in read_anetac(names / "anetac_train.tsv")
            if p.arabic not in held and p.latin not in held_latin and not is_dev_form(p.arabic)]


def filter_noise(pairs: list[Pair]) -> list[Pair]:
    """Drop count-1 alignments that look nothing like the dominant spelling of the same word."""
    from rapidfuzz.distance import Levenshtein

    by_ar: dict[str, list[Pair]] = defaultdict(list)
    for p in pairs:
        by_ar[p.arabic].append(p)
    kept: list[Pair] = []
    for ar, group in by_ar.items():
        best = max(group, key=lambda p: p.count)
        for p in group:
            if not (0.5 * len(ar) - 1 <= len(p.latin) <= 3 * len(ar) + 2):
                continue
            if p.count == 1 and p is not best and Levenshtein.normalized_similarity(p.latin, best.latin) < 0.6:
                continue
            if p.count == 1 and len(group) > 1 and best.count == 1:
                continue  # several one-off spellings and none confirmed: no evidence which is right
            kept.append(p)
    return kept


def read_public(data: Path) -> tuple[list[Pair], list[Pair], list[Pair], list[Pair]]:
    """(Wikidata tokens, noise filtered; google train; google eval; google test)."""
    names = data / "names"
    wiki = filter_noise(read_wikidata(names / "wikidata_person_tokens.tsv"))
    g_train, g_eval, g_test = (read_google(names / f"google_ar2en_{split}.tsv") for split in ("train", "eval", "test"))
    return wiki, g_train, g_eval, g_test


def load_splits(data: Path) -> tuple[list[Pair], list[Pair], list[Pair]]:
    """(train, wikidata dev, google test) with dev forms removed from train in both directions."""
    wiki, g_train, g_eval, g_test = read_public(data)
    held = {p.arabic for p in g_eval + g_test} | {p.arabic for p in wiki if is_dev_form(p.arabic)}
    train = [p for p in wiki + g_train if p.arabic not in held]
    dev = [p for p in wiki if is_dev_form(p.arabic)]
    return train, dev, g_test


def all_pairs(data: Path) -> list[Pair]:
    """Every pair, the held-out forms included: what the shipped ``attested.tsv`` is built from.

    Holding forms out is for measuring the *model*; a user is better served when the
    attested table knows every public spelling (مبارك → Mubarak is a dev form). The
    benchmark measures the held-out sets with a table built from ``load_splits``'s
    training part instead (``tables.training_memory``).
    """
    wiki, g_train, g_eval, g_test = read_public(data)
    return wiki + g_train + g_eval + g_test
