"""``toolkit corpus normalize``: bulk normalization of corpora (issue 7).

The job is :func:`toolkit.corpus.job.normalize_file` (streamed, parallel, resumable, on
one machine or on Dask); this module passes the options on and reports the summary.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from .base import LangOption, LevelOption, app, command
from .output import fail, say, warn

corpus_app = typer.Typer(
    help="Bulk normalization of corpora: streamed, parallel, resumable, on one machine or on Dask.",
    no_args_is_help=True,
)
app.add_typer(corpus_app, name="corpus")


class CorpusFormat(str, Enum):
    txt = "txt"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    parquet = "parquet"


class OnErrorOption(str, Enum):
    pass_ = "pass"
    skip = "skip"


class EngineOption(str, Enum):
    local = "local"
    dask = "dask"


@command(corpus_app, "normalize")
def corpus_normalize(
    inp: Annotated[str, typer.Argument(metavar="IN", help="File, directory, glob (quote it) or - for stdin.")],
    outp: Annotated[str, typer.Argument(metavar="OUT", help="Output file (.gz/.bz2/.xz/.zst compress) or - for stdout.")],
    fmt: Annotated[Optional[CorpusFormat], typer.Option("--format", help="Input format; default: from the extension.")] = None,
    field: Annotated[Optional[list[str]], typer.Option("--field", "-f", help="Field (JSONL path a.b.0.c, CSV column) to normalize; repeat for more. Default: text.")] = None,
    level: Annotated[LevelOption, typer.Option(help="display, search or match.")] = LevelOption.search,
    lang: Annotated[LangOption, typer.Option(help="ar, en, or auto per value.")] = LangOption.auto,
    workers: Annotated[Optional[int], typer.Option(help="Worker processes; default: all cores.", min=1)] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Overwrite the fields instead of adding FIELD_norm.")] = False,
    suffix: Annotated[str, typer.Option(help="Suffix of the added normalized fields.")] = "_norm",
    key: Annotated[bool, typer.Option("--key", help="Add FIELD_key, the cross-script match key.")] = False,
    script: Annotated[bool, typer.Option("--script", help="Add FIELD_script: arabic, latin, mixed or none.")] = False,
    on_error: Annotated[OnErrorOption, typer.Option("--on-error", help="Bad records: pass them through untouched, or skip them. Either way they are reported.")] = OnErrorOption.pass_,
    errors: Annotated[Optional[str], typer.Option("--errors", help="Error report (JSONL: file, line, reason); default OUT.errors.jsonl, stderr when OUT is -.")] = None,
    max_record_bytes: Annotated[int, typer.Option(help="Longer records are reported, never held in memory (passed on from a temporary file).", min=1)] = 8 << 20,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted job from its checkpoint (same output as an uninterrupted run).")] = False,
    engine: Annotated[EngineOption, typer.Option(help="local processes, or dask.")] = EngineOption.local,
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address (tcp://host:8786); default: a LocalCluster.")] = None,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No progress bar on stderr.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as one JSON document on stderr.")] = False,
) -> None:
    """Normalize every record of a corpus, in parallel, keeping order and every other field.

    Output goes to OUT.part and is renamed when complete; bad records (invalid UTF-8, broken JSON, wrong column count, oversized) are reported with their line and passed through or skipped, so records in = records out + skipped. The summary goes to stderr.

    Examples:

      toolkit corpus normalize news.jsonl.gz news.norm.jsonl.gz -f title -f body.text

      toolkit corpus normalize 'dumps/*.jsonl.zst' all.jsonl.zst -f text --key --script --workers 8

      toolkit corpus normalize names.csv names.norm.csv -f name --replace --level match

      cat lines.txt | toolkit corpus normalize - - --format txt --no-progress

      toolkit corpus normalize big.jsonl out.jsonl --resume        # after Ctrl-C or a crash

      toolkit corpus normalize big.jsonl out.jsonl --engine dask --scheduler tcp://10.0.0.5:8786
    """
    import warnings

    from ..corpus.job import JobInterrupted, normalize_file

    if engine == EngineOption.local and scheduler:
        fail("--scheduler needs --engine dask")
    progress = not no_progress and sys.stderr.isatty()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            summary = normalize_file(
                inp, outp, fmt=fmt.value if fmt else None, fields=field or None, level=level.value,  # type: ignore[arg-type]
                lang=lang.value, replace=replace, suffix=suffix, key=key, script=script,  # type: ignore[arg-type]
                workers=workers, on_error=on_error.value, errors_path=errors,  # type: ignore[arg-type]
                max_record_bytes=max_record_bytes, resume=resume, engine=engine.value,
                scheduler=scheduler, progress=progress,
            )
        for w in caught:
            warn(str(w.message))
    except (FileNotFoundError, ValueError) as exc:
        fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    except JobInterrupted as exc:
        fail(str(exc), code=130)
    except ImportError as exc:
        fail(f"{exc.name or exc}: not installed; pip install 'toolkit[dask]'")
    except OSError as exc:
        fail(f"{exc.filename or outp}: {exc.strerror or exc}")
    if as_json:
        sys.stderr.write(json.dumps(summary.to_dict(), ensure_ascii=False) + "\n")
    else:
        s = summary
        say(
            f"toolkit: {s.records_in:,} records in, {s.records_out:,} out, {s.changed:,} changed, "
            f"{s.errors:,} errors ({s.skipped:,} skipped), {s.seconds:.1f} s, {s.mb_per_s:.1f} MB/s"
            + (f"; bad records in {s.errors_path}" if s.errors and s.errors_path and s.errors_path != "-" else "")
            + (" (resumed)" if s.resumed else "")
        )
        if s.missing_fields and s.missing_fields >= s.records_out - s.errors and s.records_out:
            warn(f"the field(s) {', '.join(field or ['text'])} were missing from every record; check --field")
