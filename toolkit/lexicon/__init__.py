"""Lexicons of named entities in Arabic and English, compiled into one SQLite index,
and lookup from any spelling, in either script, to the entity.

    >>> from toolkit.lexicon import Lexicon, lookup
    >>> lookup("Kata'ib Hizballah")[0].id            # doctest: +SKIP
    'org:kataeb-hezbollah'
    >>> lex = Lexicon.from_paths(["my_names.tsv"])   # doctest: +SKIP
    >>> lex.lookup("Naim Barich", top=3)              # doctest: +SKIP

The schema and the validation rules are documented in lexicons/README.md.
"""

from __future__ import annotations

from ..lexdata.errors import Issue, LexiconError
from .lexicon import Lexicon, Match, lookup
from ..lexdata.schema import COLUMNS, TYPES, Entry

__all__ = ["COLUMNS", "TYPES", "Entry", "Issue", "Lexicon", "LexiconError", "Match", "lookup"]
