"""The typer app every command module registers on, and what the commands share.

Why :func:`command` rather than ``app.command()``: results go through one buffered
writer (:mod:`toolkit.cli.output`), and it must be emptied when a command ends however
it ends (an answer, a one-line error, an interrupt), also under typer's test runner,
which calls the app without :func:`main`; and a stdout that cannot take them (full,
closed) ends the command with one line and exit code 1, or quietly for a closed pipe
(``| head`` has read what it wanted).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar

import typer

from .output import discard_stdout, fail, guarded_stdout, stdout, stdout_failed

app = typer.Typer(
    name="toolkit",
    help=(
        "Arabic-English names: normalize, transliterate, look up, align reports and build one "
        "entity list across both languages.\n\n"
        "Every command reads stdin when no input is given (one item a line), prints results "
        "to stdout and messages to stderr. Add --json for machine-readable output."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

F = TypeVar("F", bound=Callable[..., Any])

#: Processes for a batch command's stdin when ``--workers 0`` (the default): one per
#: core, at most this many. Chosen, not tuned: benchmarks/translit.py measures 1 and 2
#: workers (``--cli-workers``), and each worker holds its own copy-on-write caches.
MAX_DEFAULT_WORKERS = 4


def command(group: typer.Typer, name: str | None = None) -> Callable[[F], F]:
    """``group.command(name)``, with the command's results written out when it ends."""

    def register(fn: F) -> F:
        @functools.wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                with guarded_stdout():
                    try:
                        return fn(*args, **kwargs)
                    finally:
                        stdout.flush()
            except OSError as exc:
                if not stdout_failed(exc):
                    raise
                discard_stdout()
                if isinstance(exc, BrokenPipeError):
                    raise typer.Exit(0) from None
                fail(f"cannot write the results to stdout: {exc.strerror or exc}", code=1)

        group.command(name)(run)
        return fn

    return register


def workers_or_default(workers: int) -> int:
    """``--workers``, where 0 means one per core up to :data:`MAX_DEFAULT_WORKERS`."""
    return workers or min(MAX_DEFAULT_WORKERS, os.cpu_count() or 1)


class LangOption(str, Enum):
    ar = "ar"
    en = "en"
    auto = "auto"


class LevelOption(str, Enum):
    display = "display"
    search = "search"
    match = "match"


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except BrokenPipeError:  # `toolkit ... | head`
        sys.stderr.close()
        sys.exit(0)
    except KeyboardInterrupt:
        typer.echo("toolkit: interrupted", err=True)
        sys.exit(130)
