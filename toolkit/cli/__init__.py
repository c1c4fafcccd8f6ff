"""The ``toolkit`` command line: a thin typer layer over the library.

Contract (../shared/DESIGN.md): every command reads stdin when no input is given, writes
results to stdout and messages to stderr, and exits non-zero with a one-line reason on
bad input.  ``--json`` gives JSONL for batch commands, one JSON document otherwise.

One module per command group; each command parses its options, calls the library and
prints. What they share is in :mod:`.base` (the app), :mod:`.inputs` (stdin, files) and
:mod:`.output` (the buffered results writer, warnings, errors).

Heavy imports (torch, transformers, encoders, pyarrow, dask) happen inside the command
that needs them, so ``toolkit --help`` and ``toolkit lookup`` start fast.
"""

from __future__ import annotations

# Importing a command module registers its commands on the app; the order is the
# order of ``toolkit --help``.
from . import normalize, translit, lookup, lexicon, ner, align, entities, corpus  # noqa: F401
from . import review  # noqa: F401
from .base import app, main

__all__ = ["app", "main"]
