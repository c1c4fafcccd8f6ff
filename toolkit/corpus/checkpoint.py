"""The output file of a line-format job, fresh or resumed from its checkpoint.

Why a module of its own: resuming must be exact or refused.  A checkpoint
(``OUT.part.ckpt``) records how far the input, the output and the error file got after a
complete commit, and a fingerprint of the inputs and options; :func:`open_output` either
truncates ``OUT.part`` and the error file back to that point, or starts both afresh (a
stale checkpoint never meets a fresh ``.part``).  Anything that does not match is an
error with the reason, never a silent restart.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from .params import PARAMS
from .summary import Counts
from .targets import Target
from .work import Context

CHECKPOINT_VERSION = PARAMS.checkpoint_version


@dataclass
class Output:
    """Where a job writes, and the position it starts from (all zero unless resumed)."""

    sink: BinaryIO
    tmp: str | None = None  # OUT.part; None when writing directly (stdout, a FIFO, a device)
    ckpt_path: str | None = None
    fingerprint: dict[str, Any] | None = None
    resumed: bool = False
    start_file: int = 0
    start_line: int = 0
    chunk_index: int = 0
    err_bytes: int = 0
    counts: Counts = field(default_factory=Counts)
    owned: bool = False  # the job opened ``sink`` directly (a FIFO, a device) and closes it


def fingerprint(files: Sequence[str], ctx: Context, out: str, errors_path: str | None, chunk_bytes: int) -> dict[str, Any]:
    """Everything that decides the output's bytes: a checkpoint made with anything else
    cannot be continued."""
    spec = ctx.spec
    return {
        "files": [[f, os.stat(f).st_size, os.stat(f).st_mtime_ns] for f in files],
        "spec": [list(spec.fields), spec.level, spec.lang, spec.replace, spec.suffix, spec.key, spec.script],
        "fmt": ctx.fmt, "on_error": ctx.on_error, "max_record_bytes": ctx.max_record_bytes,
        "compression": ctx.compression, "chunk_bytes": chunk_bytes, "out": os.path.abspath(out),
        "errors": os.path.abspath(errors_path) if errors_path and errors_path != "-" else errors_path,
    }


def write_checkpoint(path: str, data: dict[str, Any]) -> None:
    """Replace the checkpoint atomically: a crash mid-write leaves the previous one."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f)
    os.replace(tmp, path)


def open_output(target: Target, files: Sequence[str], ctx: Context, chunk_bytes: int, resume: bool) -> Output:
    """Open ``OUT.part`` (or stdout for ``-``, or a FIFO or device OUT itself): truncated
    to its checkpoint with ``resume`` when there is a valid one, else new, with the error
    file reset to match.  ``target`` has been checked (:func:`.targets.plan_target`)."""
    if target.stream:
        if target.path == "-":
            return Output(sys.stdout.buffer)
        # appended, never truncated: a FIFO or a device does not care, and /dev/stdout
        # reaching a file (``>> log``) must not lose what is there
        return Output(open(target.path, "ab"), owned=True)  # noqa: SIM115
    tmp, ckpt_path = target.part, target.ckpt
    assert tmp is not None and ckpt_path is not None
    errors_file = target.errors if target.errors != "-" and not target.errors_stream else None
    fp = fingerprint(files, ctx, target.path, target.errors, chunk_bytes)
    ckpt = _load_checkpoint(tmp, ckpt_path, fp) if resume else None
    if ckpt is None:
        if os.path.exists(ckpt_path):  # a stale checkpoint must never meet a fresh .part
            os.remove(ckpt_path)
        sink = open(tmp, "wb")  # noqa: SIM115
        if errors_file is not None and target.errors_link:  # not ours to remove: empty it
            open(errors_file, "wb").close()
        elif errors_file is not None and os.path.exists(errors_file):
            os.remove(errors_file)
        return Output(sink, tmp, ckpt_path, fp)
    sink = open(tmp, "r+b")  # noqa: SIM115
    sink.seek(ckpt["out_bytes"])
    sink.truncate()
    err_bytes = ckpt["err_bytes"]
    if errors_file is not None and os.path.exists(errors_file):
        with open(errors_file, "r+b") as ef:
            ef.truncate(err_bytes)
    return Output(sink, tmp, ckpt_path, fp, True, ckpt["file"], ckpt["line"], ckpt["chunk"], err_bytes,
                  Counts(**ckpt["counts"]))


def _load_checkpoint(tmp: str, ckpt_path: str, fp: dict[str, Any]) -> dict[str, Any] | None:
    """The checkpoint to resume from, None when there is none; refuses one that does not
    belong to this ``.part`` or to these inputs and options."""
    if not (os.path.exists(ckpt_path) and os.path.exists(tmp)):
        return None
    with open(ckpt_path, encoding="utf-8") as f:
        ckpt: dict[str, Any] = json.load(f)
    if os.path.getsize(tmp) < ckpt.get("out_bytes", 0):
        raise ValueError(f"{tmp}: shorter than its checkpoint; rerun without --resume to start over")
    if ckpt.get("version") != CHECKPOINT_VERSION or ckpt.get("fingerprint") != fp:
        raise ValueError(f"{ckpt_path}: made with other inputs or options; rerun without --resume to start over")
    return ckpt
