"""The public API: every name re-exported from toolkit resolves, and import stays light."""

from __future__ import annotations

import subprocess
import sys

import toolkit


def test_every_export_resolves() -> None:
    for name in toolkit.__all__:
        assert callable(getattr(toolkit, name)), name


def test_import_and_help_do_not_load_heavy_libraries() -> None:
    probe = (
        "import sys, toolkit, toolkit.cli; "
        "toolkit.normalize('x'); toolkit.match('a', 'b'); "
        "heavy = [m for m in ('torch', 'transformers', 'camel_tools', 'pyarrow', 'dask', 'numpy') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


# ---------------------------------------------------------------- wrong types and nothing to write (issue 14)


def test_wrong_types_are_a_type_error_naming_the_argument() -> None:
    import pytest

    from toolkit.lexicon import Lexicon

    with pytest.raises(TypeError, match="query must be a str, got NoneType"):
        toolkit.lookup(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="name must be a str, got NoneType"):
        toolkit.transliterate(None, to="latin")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="name must be a str, got int"):
        toolkit.transliterate(123, to="arabic")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="names must be a sequence of str"):
        toolkit.transliterate_many("محمد", to="latin")  # type: ignore[arg-type]
    with Lexicon.default() as lex:
        with pytest.raises(TypeError, match="query must be a str, got int"):
            lex.lookup_many(["Hezbollah", 5])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="queries must be a sequence of str"):
            lex.lookup_many("Hezbollah")


def test_nothing_to_write_is_an_error_never_a_perfect_score() -> None:
    import pytest

    from toolkit.translit import TranslitError

    for name in ("\ud800", "🔥🔥", "!!!"):
        with pytest.raises(TranslitError, match="nothing to transliterate"):
            toolkit.transliterate(name, to="latin")
    assert toolkit.transliterate("", to="latin") == []
    assert toolkit.transliterate("محمد\ud800", to="latin")  # letters beside the bad one are still written


def test_translit_cli_with_nothing_to_write() -> None:
    for name in ("🔥🔥", "\udcff"):
        proc = subprocess.run(
            [sys.executable, "-m", "toolkit.cli", "translit", name], capture_output=True, timeout=300,
            env={**__import__("os").environ, "PYTHONIOENCODING": "utf-8:surrogateescape"},
        )
        err = proc.stderr.decode("utf-8", "replace")
        assert proc.returncode == 2 and "nothing to transliterate" in err and "Traceback" not in err
        assert err.count("\n") == 1 and proc.stdout == b""
    proc = subprocess.run(
        [sys.executable, "-m", "toolkit.cli", "translit", "--to", "latin"], input="محمد\n🔥🔥\n".encode(),
        capture_output=True, timeout=300,
    )
    assert proc.returncode == 0
    assert b"stdin line 2: nothing to transliterate" in proc.stderr
    assert proc.stdout.decode().splitlines()[1] == "🔥🔥\t"


def test_extract_entities_names_a_wrong_type():
    import pytest

    with pytest.raises(TypeError, match="en_text"):
        toolkit.extract_entities(123, "x")
    with pytest.raises(TypeError, match="ar_text"):
        toolkit.extract_entities("x", b"bytes")
