"""The resources a transliterator reads, each loaded on first need (thread-safe for the model).

Why lazy: a cold ``toolkit translit NAME`` must stay well under a second, so nothing is
read before an answer needs it. The attested table is binary-searched in place
(``memory.py``), the model decodes in numpy (``infer.py``), the Latin spelling model and
the name dictionary are optional (missing: that step is skipped), and the shipped
lexicons are read straight from their TSV files (``lexdata.shipped_entries``), never
through the compiled lookup index whose first build takes seconds.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .memory import Memory

logger = logging.getLogger(__name__)


class ShippedNames:
    """The shipped lexicons read straight from their TSV files (0.05 s).

    Transliteration needs their names for an exact-match table, not the compiled search
    index, whose first build on a fresh installation takes seconds: a first cold
    ``toolkit translit`` stays under a second.
    """

    def entries(self) -> Iterator[Any]:
        from ..lexdata.shipped import shipped_entries

        yield from shipped_entries()


class TranslitResources:
    """The attested memory, the model, the Latin spelling model, the name dictionary, the lexicon."""

    def __init__(
        self,
        model_dir: Path,
        use_model: bool = True,
        use_lexicon: bool = True,
        lexicon: Any = None,
        memory: Memory | None = None,
        name_dictionary: Any = True,
    ) -> None:
        self.model_dir = Path(model_dir)
        self.use_model = use_model
        self.use_lexicon = use_lexicon
        self._latin_lm: Any = None
        self._latin_lm_loaded = False
        self._model: Any = None
        self._model_failed: str | None = None
        self._memory: Memory | None = memory
        self._lexicon: Any = lexicon
        self._lexicon_loaded = lexicon is not None
        self.use_name_dictionary = name_dictionary is not False
        self._names: Any = None if isinstance(name_dictionary, bool) else name_dictionary
        self._names_loaded = not isinstance(name_dictionary, bool)
        self._lock = threading.Lock()

    @property
    def memory(self) -> Memory:
        """The attested spellings (``attested.tsv`` of the model directory; empty when missing)."""
        if self._memory is None:
            self._memory = Memory.load(self.model_dir / "attested.tsv")
        return self._memory

    @property
    def model(self) -> Any:
        """The seq2seq model, or None when it is disabled or cannot be loaded (then rules only)."""
        if not self.use_model or self._model_failed:
            return None
        with self._lock:
            if self._model is None:
                try:
                    from .model import Seq2SeqTransliterator

                    self._model = Seq2SeqTransliterator.load(self.model_dir)
                except (FileNotFoundError, ValueError, OSError) as exc:
                    self._model_failed = str(exc)
                    return None
        return self._model

    @property
    def model_error(self) -> str | None:
        """Why the model could not be loaded (None: loaded, disabled or not asked for yet)."""
        return self._model_failed

    @property
    def latin_lm(self) -> Any:
        """The Latin spelling n-gram model (``lm.py``), or None when it is not shipped."""
        if not self._latin_lm_loaded:
            from .lm import FILENAME, LatinLM

            try:
                self._latin_lm = LatinLM.load(self.model_dir / FILENAME)
            except (OSError, ValueError, KeyError):  # a damaged file: no reranking, said in the log
                logger.warning("transliteration: %s cannot be read; the n-best is not reranked",
                               self.model_dir / FILENAME, exc_info=True)
                self._latin_lm = None
            self._latin_lm_loaded = True
        return self._latin_lm

    @property
    def names(self) -> Any:
        """The Arab name dictionary (``name_dictionary.py``), or None when off or not installed."""
        if not self.use_name_dictionary:
            return None
        if not self._names_loaded:
            from .name_dictionary import NameDictionary

            self._names = NameDictionary.load()
            self._names_loaded = True
        return self._names

    @property
    def lexicon(self) -> Any:
        """The lexicon whole names are confirmed in (default: the shipped files), or None when off."""
        if not self.use_lexicon:
            return None
        if not self._lexicon_loaded:
            self._lexicon_loaded = True
            self._lexicon = ShippedNames()
        return self._lexicon
