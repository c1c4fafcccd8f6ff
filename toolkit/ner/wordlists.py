"""Word lists and word clusters the NER features read from ``models/ner/``, once per process.

``ar_person_words.txt``: search-normalized Arabic words attested in Wikidata person names
(CC0; built by ``training/ner/build_wordlists.py``). A feature, not a decision: the CRF
learnt how much "this word occurs in person names" weighs against the context.

``ar_clusters.tsv``: distributional clusters of Arabic stems (``training/ner/build_clusters.py``),
read when ``FeatureParams.arabic_clusters`` is on, as it is in the shipped model (see that
field's comment for what it measured).
"""

from __future__ import annotations

import logging
from functools import lru_cache

from ..resources import models_dir

log = logging.getLogger(__name__)


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The words of ``models/ner/<name>.txt``. A missing file raises: the model was trained
    with the feature, and tagging without it would silently give other results."""
    path = models_dir() / "ner" / f"{name}.txt"
    if not path.is_file():
        raise FileNotFoundError(f"NER word list not found: {path} (rebuild with training/ner/build_wordlists.py)")
    words = frozenset(line for line in path.read_text(encoding="utf-8").splitlines() if line)
    log.debug("read %d words from %s", len(words), path)
    return words


@lru_cache(maxsize=None)
def word_clusters(name: str) -> dict[str, tuple[str, ...]]:
    """``models/ner/<name>.tsv`` as word -> its cluster bit strings, one per clustering (the
    file's columns after the word). A missing file raises, for the reason :func:`word_list`
    gives."""
    path = models_dir() / "ner" / f"{name}.tsv"
    if not path.is_file():
        raise FileNotFoundError(f"NER cluster map not found: {path} (rebuild with training/ner/build_clusters.py)")
    table: dict[str, tuple[str, ...]] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            word, *bits = line.rstrip("\n").split("\t")
            if not bits or not all(bits):
                raise ValueError(f"{path}:{n}: expected 'word<TAB>bits[<TAB>bits...]', got {line!r}")
            table[word] = tuple(bits)
    log.debug("read %d word clusters from %s", len(table), path)
    return table
