"""The ``toolkit`` command line: a thin typer layer over the library.

Contract (../shared/DESIGN.md): every command reads stdin when no input is given, writes
results to stdout and messages to stderr, and exits non-zero with a one-line reason on
bad input.  ``--json`` gives JSONL for batch commands, one JSON document otherwise.

Heavy imports (torch, transformers, encoders, pyarrow, dask) happen inside the command
that needs them, so ``toolkit --help`` and ``toolkit lookup`` start fast.
"""

from __future__ import annotations

import json
import os
import select
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

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


# ---------------------------------------------------------------- shared helpers


def fail(reason: str, code: int = 2) -> NoReturn:
    """Stop with a one-line reason on stderr and a non-zero exit code."""
    typer.echo(f"toolkit: error: {reason}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    typer.echo(f"toolkit: warning: {message}", err=True)


def emit_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def read_lines(text: str | None, what: str = "stdin") -> Iterator[tuple[int, str]]:
    """Yield (line number, line) from the argument, or from stdin line by line.

    Invalid UTF-8 on stdin is not fatal: the bad bytes are kept as lone surrogates
    (which every normalizer turns into U+FFFD) and a warning names the line.
    """
    if text is not None:
        yield 1, text
        return
    if sys.stdin is None or sys.stdin.isatty():
        fail(f"no input: give a text argument or pipe lines on {what}")
    stream = sys.stdin.buffer
    for number, raw in enumerate(stream, start=1):
        raw = raw.rstrip(b"\r\n")
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            warn(f"{what} line {number}: invalid UTF-8 at byte {exc.start}; bad bytes replaced with U+FFFD")
            line = raw.decode("utf-8", errors="surrogateescape")
        yield number, line


def read_line_batches(text: str | None, what: str = "stdin", size: int = 512) -> Iterator[list[tuple[int, str]]]:
    """:func:`read_lines` in batches, for commands that are faster a batch at a time.

    A batch ends at ``size`` lines or when no more input is waiting, so a slow pipe
    (one query typed at a time) still gets each answer at once.
    """
    batch: list[tuple[int, str]] = []
    for item in read_lines(text, what):
        batch.append(item)
        if len(batch) >= size or not _input_waiting():
            yield batch
            batch = []
    if batch:
        yield batch


def _input_waiting() -> bool:
    """True when stdin has more bytes (or its end) ready to read without blocking."""
    try:
        return bool(select.select([sys.stdin], [], [], 0)[0])
    except (OSError, ValueError, TypeError, AttributeError):
        return True  # not a selectable stream (a test's buffer, Windows): all of it is there


def read_bytes(path: Path) -> bytes:
    """A whole file (or stdin for '-'), with a one-line error when it cannot be read."""
    if str(path) == "-":
        return sys.stdin.buffer.read()
    try:
        return path.read_bytes()
    except FileNotFoundError:
        fail(f"{path}: no such file")
    except IsADirectoryError:
        fail(f"{path}: is a directory, expected a text file")
    except OSError as exc:
        fail(f"{path}: cannot read: {exc.strerror}")


def read_text_file(path: Path) -> str:
    """Read a whole UTF-8 file with a clear error when it is missing or not text."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        fail(f"{path}:{line}: invalid UTF-8 at byte {exc.start}; is this a text file?")


def out(text: str) -> None:
    """Write one result line; lone surrogates cannot reach stdout as bytes."""
    sys.stdout.write(text.encode("utf-8", errors="replace").decode("utf-8") + "\n")


# ---------------------------------------------------------------- normalize, match


class LangOption(str, Enum):
    ar = "ar"
    en = "en"
    auto = "auto"


class LevelOption(str, Enum):
    display = "display"
    search = "search"
    match = "match"


@app.command()
def normalize(
    text: Annotated[Optional[str], typer.Argument(help="Text to normalize; omit to read stdin line by line.")] = None,
    lang: Annotated[LangOption, typer.Option(help="ar, en, or auto (Arabic when the line holds Arabic letters).")] = LangOption.auto,
    level: Annotated[
        LevelOption,
        typer.Option(help="display: clean, loses nothing a reader sees; search: what search engines fold; match: keys."),
    ] = LevelOption.search,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object a line, with offsets into the input.")] = False,
) -> None:
    """Normalize Arabic text or romanized Arabic names.

    Examples:

      toolkit normalize "أَحْمَدُ الشَّرَعِ" --level search

      toolkit normalize "Kata'ib Hizballah" --level match

      cat names.txt | toolkit normalize --json
    """
    from .normalize import detect_script, normalize_offsets

    for _, line in read_lines(text):
        result = normalize_offsets(line, lang.value, level.value)  # type: ignore[arg-type]
        if as_json:
            script = detect_script(line)
            emit_json(
                {
                    "input": line.encode("utf-8", "replace").decode("utf-8"),
                    "output": result.text,
                    "lang": lang.value if lang != LangOption.auto else ("ar" if script in ("arabic", "mixed") else "en"),
                    "level": level.value,
                    "offsets": list(result.offsets),
                }
            )
        else:
            out(result.text)


@app.command()
def match(
    a: Annotated[str, typer.Argument(help="First name, in either script.")],
    b: Annotated[str, typer.Argument(help="Second name, in either script.")],
    threshold: Annotated[Optional[float], typer.Option(help="Decision threshold in [0, 1]; default: the measured one.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
) -> None:
    """Score two names (Arabic or Latin, any mix) in [0, 1] and decide if they are one name.

    Examples:

      toolkit match "Kataeb Hezbollah" "كتائب حزب الله"

      toolkit match "Mohammed" "Mahmoud" --json
    """
    from .normalize.keys import match as match_names

    if threshold is not None and not 0.0 <= threshold <= 1.0:
        fail(f"--threshold must be in [0, 1], got {threshold}")
    result = match_names(a, b) if threshold is None else match_names(a, b, threshold=threshold)
    if as_json:
        emit_json(
            {
                "a": a,
                "b": b,
                "score": round(result.score, 4),
                "same": result.same,
                "threshold": result.threshold,
                "key_a": result.key_a,
                "key_b": result.key_b,
            }
        )
    else:
        verdict = "same" if result.same else "different"
        out(f"{result.score:.3f}\t{verdict}\t{result.key_a} ~ {result.key_b}")


# ---------------------------------------------------------------- translit (issue 4)
class TranslitTo(str, Enum):
    latin = "latin"
    arabic = "arabic"


class SchemeOption(str, Enum):
    buckwalter = "buckwalter"
    safebw = "safebw"
    hsb = "hsb"
    ala_lc = "ala-lc"
    din = "din"


class RegionOption(str, Enum):
    levant = "levant"
    gulf = "gulf"
    iraq = "iraq"
    egypt = "egypt"
    maghreb = "maghreb"


@app.command()
def translit(
    name: Annotated[Optional[str], typer.Argument(help="A name in either script; omit to read names from stdin, one a line.")] = None,
    to: Annotated[
        Optional[TranslitTo], typer.Option("--to", help="Target script; default: the other script than the input's.")
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, max=50, help="How many candidates.")] = 5,
    scheme: Annotated[
        Optional[SchemeOption],
        typer.Option(help="A standard scheme instead of press spellings (exact; buckwalter/safebw/hsb map back with --to arabic)."),
    ] = None,
    region: Annotated[Optional[RegionOption], typer.Option(help="Prefer a region's press conventions (Arabic to Latin).")] = None,
    model: Annotated[Optional[Path], typer.Option(help="A model directory (default: the shipped one).")] = None,
    beams: Annotated[
        Optional[int],
        typer.Option("--beams", min=1, max=16, help="Beam width of the model (default 5; 1 or 3 for volume: about 1.9x / 1.2x faster, fewer good n-best)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON: one object per input line.")] = False,
    workers: Annotated[
        int, typer.Option("--workers", "-j", min=0, help="Processes for names on stdin (0: one per core, at most 4).")
    ] = 0,
) -> None:
    """Transliterate names Arabic to Latin or Latin to Arabic: ranked candidates with score and source.

    Sources: lexicon (a known entity) > model (attested spellings, the Arab name dictionary
    and the learned model) > rules.

    Examples:

      toolkit translit "عبد العزيز" --to latin

      toolkit translit "Guterres" --to arabic --top 3 --json

      toolkit translit "مُحَمَّد" --scheme ala-lc

      cut -f1 names.tsv | toolkit translit --to latin --json > out.jsonl

    On stdin, names are read in batches of 512 and shared among --workers processes;
    the answers keep the input order, one line (or JSON object) per input line.
    """
    from .translit import TranslitError, Transliterator, default_transliterator, romanize

    if model is not None or beams is not None:
        engine = Transliterator(model_dir=model, beams=beams or 5)
    else:
        engine = default_transliterator()
    if model is not None and not model.is_dir():
        fail(f"{model}: no such model directory")
    single = name is not None
    if single and not name.strip():
        fail("empty name: nothing to transliterate")
    warned: set[str] = set()

    def report(line: str, candidates: list, error: str | None = None) -> None:
        clean = line.encode("utf-8", "replace").decode("utf-8")
        if as_json:
            obj: dict[str, object] = {"input": clean, "candidates": [c.as_dict() for c in candidates]}
            if error:
                obj["error"] = error
            emit_json(obj)
        elif single:
            for c in candidates:
                out(f"{c.score:.3f}\t{c.source}\t{c.text}")
        else:
            out(clean + "\t" + " | ".join(c.text for c in candidates))

    def target(line: str) -> str:
        if to is not None:
            return to.value
        return "latin" if any("\u0600" <= ch <= "\u06ff" for ch in line) else "arabic"

    scheme_value = scheme.value if scheme else None
    region_value = region.value if region else None

    def answer(batch: list[tuple[int, str]]) -> list[tuple[int, str, list, Optional[str]]]:
        """(line number, line, candidates, error) for each line; runs in a worker process too."""
        lines = [line for _, line in batch]
        results: list = [None] * len(lines)
        try:
            for direction in ("latin", "arabic"):
                idx = [i for i, line in enumerate(lines) if target(line) == direction]
                if idx:
                    got = engine.transliterate_many([lines[i] for i in idx], direction, top, scheme_value, region_value)
                    for i, r in zip(idx, got):
                        results[i] = r
            return [(number, line, result, None) for (number, line), result in zip(batch, results)]
        except TranslitError:
            pass
        answers = []  # one bad line: redo line by line so the others still get answers
        for number, line in batch:
            try:
                answers.append((number, line, engine.transliterate_many([line], target(line), top, scheme_value, region_value)[0], None))
            except TranslitError as exc:
                answers.append((number, line, [], str(exc)))
        return answers

    def warn_once(key: str, message: str) -> None:
        if key not in warned:
            warned.add(key)
            warn(message)

    from concurrent.futures.process import BrokenProcessPool

    from .parallel import map_batches

    if workers == 0:
        workers = min(4, os.cpu_count() or 1)
    try:
        for _, answered in map_batches(answer, read_line_batches(name, size=_TRANSLIT_BATCH), workers, _TRANSLIT_BATCH):
            for number, line, candidates, error in answered:
                if error and single:
                    fail(error)
                if single and not candidates:
                    fail(f"nothing to transliterate in {line!r}: no letters of either script")
                if error:
                    warn(f"stdin line {number}: {error}")
                elif scheme is not None and line:
                    try:
                        note = romanize(line, scheme.value, target(line)).note
                    except ValueError:
                        note = ""
                    if note:
                        warn_once(note, f"{scheme.value}: {note}")
                report(line, candidates, error)
            if engine.model_error:
                warn_once("model", f"transliteration model unavailable ({engine.model_error}); using attested spellings and rules")
    except BrokenProcessPool:
        fail(f"a transliteration worker process died (out of memory?); rerun with --workers 1 (was {workers})")


#: Names read from stdin per batch (the model decodes a batch's distinct words together).
_TRANSLIT_BATCH = 512


# ---------------------------------------------------------------- lookup, lexicon (issue 3)
class TypeOption(str, Enum):
    PER = "PER"
    ORG = "ORG"
    LOC = "LOC"
    MISC = "MISC"


def _open_lexicon(lexicon: Optional[list[Path]], with_shipped: bool):  # type: ignore[no-untyped-def]
    """The lexicon the lookup commands search: the shipped ones, or the given files
    (plus the shipped ones with --with-shipped).  Errors stop with file:line: reason."""
    from .lexicon import Lexicon, LexiconError

    try:
        if lexicon:
            return Lexicon.from_paths(lexicon, with_shipped=with_shipped)
        return Lexicon.default()
    except LexiconError as exc:
        fail(str(exc))


@app.command()
def lookup(
    query: Annotated[Optional[str], typer.Argument(help="A name in either script; omit to read stdin, one query a line.")] = None,
    lexicon: Annotated[
        Optional[list[Path]],
        typer.Option("--lexicon", "-l", help="A user lexicon (TSV, CSV, JSONL with 'id' and 'ar' or 'en'); repeatable."),
    ] = None,
    with_shipped: Annotated[bool, typer.Option("--with-shipped", help="Search the shipped lexicons too when --lexicon is given.")] = False,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many matches per query.")] = 5,
    type_: Annotated[Optional[TypeOption], typer.Option("--type", "-t", case_sensitive=False, help="Only entities of this type.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per query (JSONL).")] = False,
    workers: Annotated[
        int, typer.Option("--workers", "-j", min=0, help="Processes for queries on stdin (0: one per core, at most 4).")
    ] = 0,
    translit: Annotated[
        bool,
        typer.Option(
            "--translit/--no-translit",
            help="Ask the transliteration model for the Arabic spellings of a Latin query that found no sure match.",
        ),
    ] = True,
) -> None:
    """Find the entity behind any spelling of a name, in English or Arabic.

    Examples:

      toolkit lookup "Kata'ib Hizballah"

      toolkit lookup "محمد شياع السوداني" --top 3

      toolkit lookup "Naim Barich" --lexicon people.tsv --json

      cat names.txt | toolkit lookup --lexicon my_list.csv --with-shipped --json
    """
    lex = _open_lexicon(lexicon, with_shipped)
    type_value = type_.value if type_ else None
    from .lexicon.parallel import lookup_batches

    if workers == 0:
        workers = min(4, os.cpu_count() or 1)
    batches = (
        [line.encode("utf-8", "replace").decode("utf-8") for _, line in batch]
        for batch in read_line_batches(query, size=_LOOKUP_BATCH)
    )
    answers = lookup_batches(
        lex, batches, top=top, type=type_value, workers=workers, drain_below=_LOOKUP_BATCH, translit=translit
    )
    from concurrent.futures.process import BrokenProcessPool

    try:
        for lines, matches_of_batch in answers:
            for line, matches in zip(lines, matches_of_batch):
                _emit_matches(line, matches, as_json, single=query is not None)
    except BrokenProcessPool:
        fail(f"a lookup worker process died (out of memory?); rerun with --workers 1 (was {workers})")


#: Queries read from stdin per batch (a batch shares one search of the part vocabulary).
_LOOKUP_BATCH = 512


def _emit_matches(line: str, matches: list, as_json: bool, single: bool) -> None:  # type: ignore[type-arg]
    """One query's answer: a JSON line, a table (a single query) or a tab-separated line."""
    if not line.strip():
        if as_json:
            emit_json({"query": line, "matches": []})
        return
    if as_json:
        emit_json({"query": line, "matches": [m.as_dict() for m in matches]})
    elif single:
        _print_matches(line, matches)
    else:
        found = "; ".join(f"{m.id} {m.score:.2f} {m.why} ({m.en or m.ar})" for m in matches)
        out(f"{line}\t{found or '-'}")


def _print_matches(query: str, matches: list) -> None:  # type: ignore[type-arg]
    from rich.console import Console
    from rich.table import Table

    if not matches:
        out(f"no match for {query!r}")
        return
    table = Table(title=f"lookup: {query}", title_justify="left")
    for col in ("#", "id", "type", "en", "ar", "score", "why", "matched"):
        table.add_column(col, justify="right" if col in ("#", "score") else "left")
    for rank, m in enumerate(matches, start=1):
        table.add_row(str(rank), m.id, m.type, m.en, m.ar, f"{m.score:.3f}", m.why, m.matched)
    # A pipe gets full-width rows rather than names cut at 80 columns.
    Console(soft_wrap=False, width=None if sys.stdout.isatty() else 200).print(table)


lexicon_app = typer.Typer(
    help="Check, compile and count lexicons (see lexicons/README.md for the format).",
    no_args_is_help=True,
)
app.add_typer(lexicon_app, name="lexicon")

_PATHS_HELP = "Lexicon files (TSV, CSV, JSONL); none: the shipped lexicons."


def _lexicon_paths(paths: Optional[list[Path]], with_shipped: bool) -> list[Path]:
    from .lexicon.index import shipped_paths

    given = [p.resolve() for p in (paths or [])]
    if not given:
        return shipped_paths()
    return (shipped_paths() + [p for p in given if p not in shipped_paths()]) if with_shipped else given


@lexicon_app.command("validate")
def lexicon_validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help=_PATHS_HELP)] = None,
    with_shipped: Annotated[bool, typer.Option("--with-shipped", help="Validate together with the shipped lexicons.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only, not warnings.")] = False,
) -> None:
    """Check lexicon files: print every problem as file:line: field: reason.

    Exits 1 when there is an error (duplicate id, unknown type, empty name, Arabic
    field without Arabic letters, missing parent, ...); warnings do not fail.
    """
    from .lexicon.index import shipped_paths
    from .lexdata.load import load_file
    from .lexdata.validate import validate_paths

    files = _lexicon_paths(paths, with_shipped)
    known: set[str] = set()
    if paths and not with_shipped:
        for p in shipped_paths():  # user lists may name shipped entities as parents
            try:
                known.update(e.id for e in load_file(p).entries)
            except Exception:  # noqa: BLE001 - a broken shipped file is reported by its own run
                pass
    issues = validate_paths([str(p) for p in files], known_ids=known)
    errors = [i for i in issues if i.severity == "error"]
    for issue in issues:
        if issue.severity == "error" or not quiet:
            out(f"{issue.severity}: {issue}")
    warnings = len(issues) - len(errors)
    summary = f"{len(files)} file(s): {len(errors)} error(s), {warnings} warning(s)"
    if errors:
        typer.echo(f"toolkit: {summary}", err=True)
        raise typer.Exit(1)
    typer.echo(f"toolkit: ok, {summary}", err=True)


@lexicon_app.command("build")
def lexicon_build(
    paths: Annotated[Optional[list[Path]], typer.Argument(help=_PATHS_HELP)] = None,
    with_shipped: Annotated[bool, typer.Option("--with-shipped", help="Compile the shipped lexicons in too.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Rebuild even when the cached index is up to date.")] = False,
) -> None:
    """Compile lexicons into the cached SQLite index and print where it is."""
    from .lexicon import LexiconError
    from .lexicon.index import build, ensure, index_path

    files = _lexicon_paths(paths, with_shipped)
    try:
        report = build(files, index_path(files)) if force else ensure(files)
    except LexiconError as exc:
        fail(str(exc))
    if report.rebuilt:
        for w in report.warnings[:20]:
            warn(str(w))
        if len(report.warnings) > 20:
            warn(f"... and {len(report.warnings) - 20} more warnings (see toolkit lexicon validate)")
        out(f"{report.path}\t{report.entities} entities\t{report.names} names\t{report.seconds:.1f}s")
    else:
        out(f"{report.path}\tup to date")


@lexicon_app.command("stats")
def lexicon_stats(
    paths: Annotated[Optional[list[Path]], typer.Argument(help=_PATHS_HELP)] = None,
    with_shipped: Annotated[bool, typer.Option("--with-shipped", help="Count the shipped lexicons too.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
) -> None:
    """Count entities per type and per file, and names per kind."""
    lex = _open_lexicon(paths, with_shipped) if paths else _open_lexicon(None, False)
    stats = lex.stats()
    if as_json:
        emit_json(stats)
        return
    out(f"index\t{stats['index']}")
    out(f"entities\t{stats['entities']}")
    out(f"names\t{stats['names']}")
    for key in ("by_type", "by_source", "by_kind"):
        for name, count in stats[key].items():  # type: ignore[union-attr]
            out(f"{key[3:]}\t{name}\t{count}")

# ---------------------------------------------------------------- align (issue 5)
class AlignModeOption(str, Enum):
    auto = "auto"
    parallel = "parallel"
    comparable = "comparable"


@app.command()
def align(
    en_file: Annotated[Path, typer.Argument(help="The English report (UTF-8 text; '-' for stdin).")],
    ar_file: Annotated[Path, typer.Argument(help="The Arabic report (UTF-8 text).")],
    presplit: Annotated[bool, typer.Option("--presplit", help="One sentence a line; indices refer to lines.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document: links with indices, spans, scores.")] = False,
    out_dir: Annotated[
        Optional[Path], typer.Option("--out", help="Write alignment.json and pairs.tsv into this directory.")
    ] = None,
    encoder: Annotated[
        str, typer.Option(help="Sentence encoder: use (default), e5, use+e5, hash (no model; tests), or a local model directory.")
    ] = "use",
    mode: Annotated[
        AlignModeOption,
        typer.Option(help="auto detects comparable (non-translation) reports; parallel or comparable forces one."),
    ] = AlignModeOption.auto,
    with_entities: Annotated[
        bool,
        typer.Option("--entities", help="Also build the shared entity list over the aligned sentences (JSON: \"entities\")."),
    ] = False,
) -> None:
    """Align an English report with its Arabic counterpart, sentence by sentence.

    Links are 1-1, 1-2, 2-1, 1-3, 3-1, 2-2, and 1-0 / 0-1 for sentences without a
    counterpart. Two reports that are not translations of each other (dropped, added,
    reordered material) are detected and matched out of order.

    Examples:

      toolkit align report_en.txt report_ar.txt

      toolkit align en.txt ar.txt --presplit --json

      toolkit align en.txt ar.txt --out aligned/

      toolkit align en.txt ar.txt --entities --json
    """
    if str(ar_file) == "-":
        fail("only EN_FILE may be '-' (stdin)")
    en_text = read_text_file(en_file)
    ar_text = read_text_file(ar_file)
    from .align import AlignmentError, align_reports, looks_swapped
    from .align.core import arabic_share

    if looks_swapped(en_text, ar_text):
        warn(f"{en_file} is Arabic and {ar_file} is not: the files look swapped; aligning them the other way round")
        en_text, ar_text = ar_text, en_text
    elif ar_text.strip() and arabic_share(ar_text) < 0.05:
        warn(f"{ar_file} holds almost no Arabic text; the alignment will be poor")
    elif en_text.strip() and arabic_share(en_text) > 0.6:
        warn(f"{en_file} is mostly Arabic text; the alignment will be poor")
    if not en_text.strip() and not ar_text.strip():
        warn("both files are empty: nothing to align")
    elif not en_text.strip() or not ar_text.strip():
        warn(f"{en_file if not en_text.strip() else ar_file} is empty: every sentence stays unlinked")
    try:
        alignment = align_reports(en_text, ar_text, presplit=presplit, encoder=encoder, mode=mode.value)
    except AlignmentError as exc:
        fail(str(exc))
    except ValueError as exc:  # unknown encoder name, incomplete model directory
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot load encoder {encoder!r}: {exc}")
    if alignment.mode == "comparable" and mode == AlignModeOption.auto:
        warn("the reports do not read as translations of each other; linked only corresponding sentences")

    # the alignment is built; what follows only presents it
    document = alignment.to_json()
    entity_list = None
    if with_entities:
        from .entities import extract_entities

        entity_list = extract_entities(en_text, ar_text, alignment=alignment, presplit=presplit)
        for message in entity_list.messages:
            if not message.startswith("sentences aligned by"):
                warn(message)
        document["entities"] = entity_list.to_dict()["entities"]
    if out_dir is not None:
        if out_dir.exists() and not out_dir.is_dir():
            fail(f"{out_dir}: exists and is not a directory")
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            (out_dir / "alignment.json").write_text(
                json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
            rows = ["en\tar\tscore\ten_text\tar_text"]
            for en_side, ar_side, link in alignment.pairs():
                rows.append(
                    "\t".join(
                        [
                            ",".join(map(str, link.en)),
                            ",".join(map(str, link.ar)),
                            f"{link.score:.3f}",
                            " ".join(en_side.split()),
                            " ".join(ar_side.split()),
                        ]
                    )
                )
            (out_dir / "pairs.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
            if entity_list is not None:
                from .entities.output import to_json as entities_json

                (out_dir / "entities.json").write_text(entities_json(entity_list, indent=1) + "\n", encoding="utf-8")
        except OSError as exc:
            fail(f"{out_dir}: cannot write: {exc.strerror}")
        written = "alignment.json, pairs.tsv" + (" and entities.json" if entity_list is not None else "")
        typer.echo(f"toolkit: wrote {written} in {out_dir}", err=True)
    if as_json:
        emit_json(document)
    elif out_dir is None:
        _print_pairs(alignment)
        if entity_list is not None:
            from .entities.output import to_table

            out(to_table(entity_list))


def _print_pairs(alignment) -> None:  # type: ignore[no-untyped-def]
    """Side by side in a terminal (rich table); tab-separated lines when piped."""
    pairs = alignment.pairs()
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=True, title=f"{len(pairs)} links ({alignment.mode})")
        table.add_column("en", justify="right", no_wrap=True)
        table.add_column("English", ratio=1)
        table.add_column("Arabic", ratio=1, justify="right")
        table.add_column("ar", no_wrap=True)
        table.add_column("score", justify="right", no_wrap=True)
        for en_side, ar_side, link in pairs:
            table.add_row(
                ",".join(map(str, link.en)) or "-",
                en_side or "—",
                ar_side or "—",
                ",".join(map(str, link.ar)) or "-",
                f"{link.score:.2f}",
            )
        Console().print(table)
        return
    for en_side, ar_side, link in pairs:
        out(
            f"{','.join(map(str, link.en)) or '-'}\t{','.join(map(str, link.ar)) or '-'}\t{link.score:.3f}\t"
            f"{' '.join(en_side.split())}\t{' '.join(ar_side.split())}"
        )

# ---------------------------------------------------------------- entities (issue 6)
def _read_report(path: Path) -> str:
    """A report file as text; bad bytes become U+FFFD so binary input is reported as
    such by the entity pipeline (an empty list and a message), not as a traceback."""
    return read_bytes(path).decode("utf-8-sig", errors="replace")


@app.command()
def entities(
    en_file: Annotated[Optional[Path], typer.Argument(help="English report (or a report in either language alone); '-' or omitted: stdin.")] = None,
    ar_file: Annotated[Optional[Path], typer.Argument(help="Arabic counterpart of the report (optional).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document: {\"entities\": [...]}.")] = False,
    csv_path: Annotated[Optional[Path], typer.Option("--csv", help="Also write one CSV row per mention to this file.")] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print a Markdown table instead of the plain table.")] = False,
    registry: Annotated[Optional[Path], typer.Option("--registry", help="SQLite registry: file the entities there, with stable ids across documents.")] = None,
    doc: Annotated[Optional[str], typer.Option("--doc", help="Document name in the registry (default: the file names).")] = None,
    ner_model: Annotated[Optional[Path], typer.Option("--ner-model", help="Local transformers token-classification model directory to add mentions.")] = None,
    presplit: Annotated[bool, typer.Option("--presplit", help="One sentence a line in both files.")] = False,
    encoder: Annotated[Optional[str], typer.Option("--encoder", help="Sentence encoder for the aligner (use, e5, hash, or a local directory).")] = None,
) -> None:
    """One entity list across an English report and its Arabic counterpart.

    Every entity has an English and an Arabic name, variants, mentions with offsets in
    both texts, a confidence and the evidence for each link.  With one file, the
    other-script names come from the lexicon and transliteration.

    Examples:

      toolkit entities examples/report_en.txt examples/report_ar.txt

      toolkit entities examples/report_en.txt examples/report_ar.txt --json

      toolkit entities report.txt --registry entities.db --csv mentions.csv
    """
    from .entities import extract_entities
    from .entities.output import to_csv, to_json, to_markdown, to_table

    en_text = _read_report(en_file if en_file is not None else Path("-"))
    ar_text = _read_report(ar_file) if ar_file is not None else None
    if ner_model is not None and not ner_model.is_dir():
        fail(f"--ner-model {ner_model}: not a directory")
    try:
        result = extract_entities(en_text, ar_text, presplit=presplit, ner_model=ner_model, encoder=encoder)
    except ValueError as exc:
        fail(str(exc))
    for message in result.messages:
        if message.startswith("sentences aligned by"):
            continue
        warn(message)
    if registry is not None:
        from .entities.registry import Registry, RegistryError

        name = doc or " + ".join(str(p) for p in (en_file, ar_file) if p is not None) or "stdin"
        try:
            with Registry(registry) as reg:
                filed = reg.add(result, name)
        except RegistryError as exc:
            fail(str(exc))
        ids = {a.local_id: a.entity_id for a in filed}
        from dataclasses import replace as _replace

        result = _replace(result, entities=tuple(_replace(e, id=ids.get(e.id, e.id)) for e in result.entities))
        n_new = sum(1 for a in filed if a.action == "new")
        warn(f"registry {registry}: {len(filed)} entities filed under {name!r} ({n_new} new, {len(filed) - n_new} known)")
    if csv_path is not None:
        try:
            csv_path.write_text(to_csv(result), encoding="utf-8")
        except OSError as exc:
            fail(f"{csv_path}: cannot write: {exc.strerror}")
    if as_json:
        sys.stdout.write(to_json(result) + "\n")
    elif markdown:
        sys.stdout.write(to_markdown(result))
    elif len(result):
        sys.stdout.write(to_table(result))

# ---------------------------------------------------------------- corpus (issue 7)
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


@corpus_app.command("normalize")
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

    from .corpus.job import JobInterrupted, normalize_file

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
        typer.echo(
            f"toolkit: {s.records_in:,} records in, {s.records_out:,} out, {s.changed:,} changed, "
            f"{s.errors:,} errors ({s.skipped:,} skipped), {s.seconds:.1f} s, {s.mb_per_s:.1f} MB/s"
            + (f"; bad records in {s.errors_path}" if s.errors and s.errors_path and s.errors_path != "-" else "")
            + (" (resumed)" if s.resumed else ""),
            err=True,
        )
        if s.missing_fields and s.missing_fields >= s.records_out - s.errors and s.records_out:
            warn(f"the field(s) {', '.join(field or ['text'])} were missing from every record; check --field")


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


if __name__ == "__main__":
    main()
