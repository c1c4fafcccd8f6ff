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
