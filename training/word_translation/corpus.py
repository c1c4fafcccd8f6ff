"""The parallel text the word translation table is learned from, read by path.

Three sources, each a list of (English text, Arabic text, source name) "sentence" pairs:

* Tatoeba (``parallel/tatoeba_en_ar.tsv``): short everyday sentences, CC BY 2.0 FR;
* the curated lexicons' bilingual names (``toolkit.lexdata.shipped_entries()``): every
  entity with both an English and an Arabic name gives the pair of preferred names, plus
  each English variant with the Arabic name and each Arabic variant with the English name,
  and each acronym with the Arabic name (NATO / حلف شمال الأطلسي), except acronyms that are
  also English words (US, IS);
* NTREX-128 news documents (``align/ntrex/DOC``), sentences joined along ``gold.txt``,
  CC BY-SA 4.0, leaving out every held-out document (:func:`heldout_docs`).

Nothing here is copied into the repository: the sentences are read, tokenized and
forgotten; only the table of word translation probabilities is shipped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = (REPO / ".." / "shared" / "data").resolve()
if not DATA.is_dir():
    DATA = Path("/work/shared/data")

#: NTREX documents held out for the entity benchmarks: never trained on.
HELDOUT_DOCS = frozenset({
    "abcnews.306815", "bbc.381749", "bbc.381760", "cnbc.com.6770", "dailymail.co.uk.298630",
    "dailymail.co.uk.298738", "guardian.221754", "newsweek.51329", "newsweek.51340",
    "nytimes.184837", "rt.com.91335", "cbsnews.248394",
})
#: Gold files whose documents are held out: every ``ntrex_entities_heldout*.json``.
HELDOUT_GOLD = "ntrex_entities_heldout*.json"

_ACRONYM = re.compile(r"^[A-Z0-9.\-&' ]{2,}$")
#: Acronyms that are also common English words: never paired with an Arabic name.
_WORD_LIKE = frozenset({"us", "it", "is", "am", "an", "as", "at", "be", "do", "go", "he", "if", "in",
                        "me", "my", "no", "of", "on", "or", "so", "to", "up", "we", "who", "aid", "all"})
_PAREN = re.compile(r"\s*\([^)]*\)")


def strip_note(name: str) -> str:
    """A lexicon name without its parenthesized disambiguator: "Republican Guard (Syria)"
    -> "Republican Guard" (the note is not part of what the other script writes)."""
    return _PAREN.sub("", name).strip()


@dataclass(frozen=True)
class Pair:
    """One aligned sentence pair (or name pair) and where it came from."""

    en: str
    ar: str
    source: str
    key: str = ""  # lexicon entity id, for holding entities out


def heldout_docs() -> frozenset[str]:
    """The fixed held-out list plus every document of the held-out entity gold files
    (``benchmarks/gold/ntrex_entities_heldout*.json``, present and future)."""
    docs = set(HELDOUT_DOCS)
    for path in sorted((REPO / "benchmarks" / "gold").glob(HELDOUT_GOLD)):
        for doc in json.loads(path.read_text(encoding="utf-8"))["documents"]:
            docs.add(doc["doc"])
    return frozenset(docs)


def tatoeba(data: Path = DATA) -> list[Pair]:
    out = []
    with open(data / "parallel" / "tatoeba_en_ar.tsv", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and parts[0] and parts[1]:
                out.append(Pair(parts[0], parts[1], "tatoeba"))
    return out


def _ids(text: str) -> list[int]:
    text = text.strip().strip("[]").strip()
    return [int(x) for x in text.split(",") if x.strip()] if text else []


def ntrex(data: Path = DATA, exclude: frozenset[str] | None = None) -> list[Pair]:
    """Gold-aligned sentence groups of every NTREX document not held out."""
    exclude = heldout_docs() if exclude is None else exclude
    out = []
    for folder in sorted((data / "align" / "ntrex").iterdir()):
        if folder.name in exclude or not (folder / "gold.txt").is_file():
            continue
        en = (folder / "doc_en.txt").read_text(encoding="utf-8").splitlines()
        ar = (folder / "doc_ar.txt").read_text(encoding="utf-8").splitlines()
        for line in (folder / "gold.txt").read_text(encoding="utf-8").splitlines():
            if ":" not in line:
                continue
            left, right = line.split(":", 1)
            e = " ".join(en[i] for i in _ids(left))
            a = " ".join(ar[j] for j in _ids(right))
            if e.strip() and a.strip():
                out.append(Pair(e, a, "ntrex", folder.name))
    return out


def _is_acronym(name: str) -> bool:
    return bool(_ACRONYM.match(name)) and sum(ch.isalpha() for ch in name) <= 6


def lexicon_pairs(entries: list | None = None, acronyms: bool = True) -> list[Pair]:
    """Name pairs of every shipped entity written in both scripts; with ``acronyms``, each
    acronym with the Arabic name too (NATO / حلف شمال الأطلسي), except those that are
    also English words (US, IS)."""
    if entries is None:
        from toolkit.lexdata import shipped_entries

        entries = shipped_entries()
    out = []
    for e in entries:
        en, ar = strip_note(e.en), strip_note(e.ar)
        if not (en and ar):
            continue
        out.append(Pair(en, ar, "lexicon", e.id))
        out += [Pair(strip_note(v), ar, "lexicon", e.id) for v in e.en_variants
                if v and (not _is_acronym(v) or acronyms and v.lower() not in _WORD_LIKE)]
        out += [Pair(en, strip_note(v), "lexicon", e.id) for v in e.ar_variants if v]
        if acronyms:
            out += [Pair(a, ar, "lexicon", e.id) for a in e.acronyms if a.lower() not in _WORD_LIKE]
    return out


def descriptive(entry) -> bool:
    """An ORG or MISC entity whose English name has at least two words: the names the
    press translates word by word (ministries, courts, alliances), not one-word names."""
    return entry.type in ("ORG", "MISC") and len(entry.en.split()) >= 2 and bool(entry.ar)
