"""Word lists shipped with the NER models (``models/ner/*.txt``), read once per process.

``ar_person_words.txt``: search-normalized Arabic words attested in Wikidata person names
(CC0; built by ``training/ner/build_wordlists.py``). A feature, not a decision: the CRF
learnt how much "this word occurs in person names" weighs against the context.
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
