"""Hatchling build hook: compile the C passes, toolkit/normalize/cfold.c (the normalizers'
table pass) and toolkit/corpus/cjsonl.c (the corpus job's JSONL byte passes).

``pip install -e .`` puts the compiled module next to its source (the editable install
imports the package from the source tree); ``pip wheel .`` / ``python -m build`` put it
in the wheel, which is then tagged for this interpreter and platform.

Where it cannot be built (no C compiler, no Python headers, an error), a warning is
printed and the install goes on: toolkit/normalize/vector.py then runs its numpy path
and toolkit/corpus/jsonl.py its Python code, which give the same output, slower.  ``CC`` in the environment picks the compiler
(``CC=false pip install -e .`` installs without the extension).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

#: The C sources, each compiled to the module of its own name beside it.
SOURCES = (Path("toolkit") / "normalize" / "cfold.c", Path("toolkit") / "corpus" / "cjsonl.c")
FALLBACK = {"cfold": "normalization falls back to numpy", "cjsonl": "the corpus job's JSONL passes run in Python"}


def compile_command(source: Path, target: Path) -> list[str]:
    """The compiler and linker of this interpreter (sysconfig's CC/LDSHARED/CCSHARED,
    or ``$CC``), one step from ``source`` to the shared library ``target``."""
    cc = os.environ.get("CC") or sysconfig.get_config_var("CC")
    ldshared = sysconfig.get_config_var("LDSHARED")
    if not cc or not ldshared:
        raise OSError("this Python has no C compiler configuration (sysconfig CC/LDSHARED)")
    return [
        *shlex.split(cc),
        *shlex.split(ldshared)[1:],  # -shared (or -bundle ...) and the linker flags
        *shlex.split(sysconfig.get_config_var("CCSHARED") or ""),
        "-O2",
        "-DNDEBUG",
        f"-I{sysconfig.get_paths()['include']}",
        str(source),
        "-o",
        str(target),
    ]


def build_extension(root: Path, source: Path, out_dir: Path) -> Path | None:
    """The module compiled from ``source`` (relative to ``root``) in ``out_dir``, or None
    (with a warning on stderr) when it could not be built."""
    target = out_dir / (source.stem + (sysconfig.get_config_var("EXT_SUFFIX") or ".so"))
    try:
        cmd = compile_command(root / source, target)
        done = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        _warn(source, f"{exc}")
        return None
    if done.returncode != 0 or not target.exists():
        _warn(source, f"`{shlex.join(cmd)}` failed ({done.returncode}): {(done.stderr or done.stdout).strip()[-2000:]}")
        return None
    return target


def _warn(source: Path, why: str) -> None:
    module = ".".join(source.with_suffix("").parts)
    print(
        f"WARNING: the C extension {module} was not built ({why}); "
        f"{FALLBACK[source.stem]} (same output, slower)",
        file=sys.stderr,
    )


class FoldBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return  # the sdist ships the C source; its wheel build compiles it
        root = Path(self.root)
        if version == "editable":
            for source in SOURCES:
                build_extension(root, source, root / source.parent)
            return
        self._tmp = tempfile.mkdtemp(prefix="toolkit-c-")
        for source in SOURCES:
            built = build_extension(root, source, Path(self._tmp))
            if built is None:
                continue
            build_data["force_include"][str(built)] = str(source.parent / built.name)
            build_data["pure_python"] = False
            build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
