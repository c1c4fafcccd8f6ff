"""The ``toolkit`` command line: a thin typer layer over the library.

Contract (../shared/DESIGN.md): every command reads stdin when no input is given, writes
results to stdout and messages to stderr, and exits non-zero with a one-line reason on
bad input.  ``--json`` gives JSONL for batch commands, one JSON document otherwise.

One module per command group; each command parses its options, calls the library and
prints. What they share is in :mod:`.base` (the app), :mod:`.inputs` (stdin, files) and
:mod:`.output` (the buffered results writer, warnings, errors).

Heavy imports (torch, transformers, encoders, pyarrow, dask) happen inside the command
that needs them, so ``toolkit --help`` and ``toolkit lookup`` start fast. And a run loads
only the module of the command it names (:func:`main`): registering every command costs
~20 ms of imports and typer's own set-up, a seventh of ``toolkit normalize`` on 7 MB.
"""

from __future__ import annotations

import importlib
import sys

#: the command modules, in the order of ``toolkit --help``
MODULES = ("normalize", "translit", "lookup", "lexicon", "ner", "align", "entities", "corpus", "review")
#: each top-level command and the module that registers it (tests/test_cli.py checks it)
COMMAND_MODULE = {
    "normalize": "normalize", "match": "normalize", "translit": "translit", "lookup": "lookup",
    "lexicon": "lexicon", "ner": "ner", "align": "align", "entities": "entities", "corpus": "corpus",
    "review": "review",
}


def load_commands(names: tuple[str, ...] = MODULES) -> None:
    """Import command modules: importing one registers its commands on the app."""
    for name in names:
        importlib.import_module(f"{__name__}.{name}")


def __getattr__(name: str) -> object:
    """``toolkit.cli.app``: the app with every command registered."""
    if name == "app":
        load_commands()
        from .base import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console-script entry point. With a known command name first, only its module is
    loaded (with normalize's two commands beside it, so typer keeps the group form and
    reads the name as a command); anything else (``--help``, a typo) loads them all."""
    wanted = COMMAND_MODULE.get(sys.argv[1]) if len(sys.argv) > 1 else None
    load_commands(tuple(dict.fromkeys(("normalize", wanted))) if wanted else MODULES)
    from .base import main as run

    run()


__all__ = ["COMMAND_MODULE", "MODULES", "app", "load_commands", "main"]
