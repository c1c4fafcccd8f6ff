"""toolkit.corpus loads its public names lazily (one implementation: toolkit.lazy)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import toolkit.corpus as corpus
from toolkit.corpus.executors import InlineExecutor, make_executor


def test_public_names_resolve_and_unknown_ones_fail() -> None:
    from toolkit.corpus.job import normalize_file
    from toolkit.corpus.summary import JobInterrupted, JobSummary

    assert corpus.normalize_file is normalize_file
    assert corpus.JobSummary is JobSummary and corpus.JobInterrupted is JobInterrupted
    assert set(corpus.__all__) <= set(dir(corpus))
    with pytest.raises(AttributeError, match="module 'toolkit.corpus' has no attribute 'nope'"):
        corpus.nope  # noqa: B018


def test_import_loads_neither_pyarrow_nor_dask() -> None:
    code = ("import sys, toolkit.corpus as c; c.normalize_file; c.normalize_records; "
            "print(sorted(m for m in ('pyarrow', 'dask', 'distributed', 'rich') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_one_worker_runs_inline_and_unknown_engines_are_refused() -> None:
    ex = make_executor("local", 1, None)
    assert isinstance(ex, InlineExecutor)
    assert ex.submit(sum, [1, 2]).result() == 3
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        make_executor("spark", 2, None)
