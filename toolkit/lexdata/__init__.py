"""Lexicon files: the schema, loading (TSV, CSV, JSONL), validation, errors with file and
line, and the shipped lexicons.

This is the data layer under both :mod:`toolkit.lexicon` (the compiled lookup index) and
:mod:`toolkit.translit` (which reads the shipped names for its exact-name table): it
imports only :mod:`toolkit.normalize` and :mod:`toolkit.resources`, so those two siblings
never need each other.
"""

from __future__ import annotations

from .errors import Issue, LexiconError
from .load import load_file
from .schema import COLUMNS, TYPES, Entry
from .shipped import shipped_entries, shipped_paths

__all__ = ["COLUMNS", "TYPES", "Entry", "Issue", "LexiconError", "load_file", "shipped_entries", "shipped_paths"]
