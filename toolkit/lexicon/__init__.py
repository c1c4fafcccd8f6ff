"""Lexicons of named entities in Arabic and English, compiled into one SQLite index,
and lookup from any spelling, in either script, to the entity.

    >>> from toolkit.lexicon import Lexicon
    >>> lex = Lexicon.from_paths(["my_names.tsv"])   # doctest: +SKIP
    >>> lex.lookup("Naim Barich", top=3)              # doctest: +SKIP

This package never imports :mod:`toolkit.translit` (a sibling layer): the model's
spellings of a query come from the :class:`~toolkit.lexicon.speller.Speller` it is
given. :mod:`toolkit.defaults` wires the shipped model in; ``toolkit.lookup`` and
``toolkit.Lexicon`` are the wired ones::

    >>> import toolkit
    >>> toolkit.lookup("Kata'ib Hizballah")[0].id    # doctest: +SKIP
    'org:kataeb-hezbollah'

The schema and the validation rules are documented in lexicons/README.md.
"""

from __future__ import annotations

from ..lexdata.errors import Issue, LexiconError
from .lexicon import Lexicon, Match
from .speller import EngineSpeller, Speller
from ..lexdata.schema import COLUMNS, TYPES, Entry

__all__ = ["COLUMNS", "TYPES", "EngineSpeller", "Entry", "Issue", "Lexicon", "LexiconError", "Match", "Speller"]
