"""Where a job may write: the output and its side files, checked before anything is opened.

Why a module of its own: a job writes up to five files (OUT, ``OUT.part``, its checkpoint
``OUT.part.ckpt`` and the checkpoint's temporary, the error file) and removes, truncates or
renames over some of them.  A careless command line (``--errors`` naming the input, an
input that is a symlink or a hard link to OUT, OUT a FIFO or a device) must never make the
job destroy data.  So every path is resolved first (symlinks followed, hard links told by
device and inode) and compared with the inputs and with each other, and a refusal comes
with a one-line reason before a single file is opened for writing:

* a regular OUT (or a new one) is written to ``OUT.part`` and renamed when complete; a
  symlink OUT is followed, so the file it points to gets the output, as with ``>``;
* a FIFO or character device OUT (``mkfifo f``, ``/dev/null``, ``/dev/full``), or a file
  reached through a descriptor (``/dev/stdout``), is a stream: appended to directly, with no
  temporary file, no rename, no checkpoint; its error file defaults to stderr;
* the error file is removed at the start and when it stays empty only when it is a regular
  file; a symlink is written through (truncated, never removed), a stream appended to;
* a block device, a socket or a directory is refused, and so is a side file that exists but
  is not a regular file (a FIFO or symlink named ``OUT.part`` would be written through).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Target", "plan_target"]


@dataclass(frozen=True)
class Target:
    """The checked output of a job."""

    name: str  # OUT as given: its extension decides format and compression
    path: str  # where OUT is written: a symlink resolved; "-" for stdout
    stream: bool  # stdout, a FIFO or a character device: written directly, never renamed
    errors: str  # the error file; "-" for stderr
    errors_stream: bool  # the error file is a FIFO or a character device: only ever written to
    errors_link: bool  # the error file is a symlink: written through, never removed

    @property
    def part(self) -> str | None:
        """The temporary output renamed to OUT when complete (None when written directly)."""
        return None if self.stream else self.path + ".part"

    @property
    def ckpt(self) -> str | None:
        """The checkpoint of ``--resume`` (None when written directly)."""
        return None if self.stream else self.path + ".part.ckpt"

    @property
    def spill_prefix(self) -> str:
        """Name prefix of the oversized records saved beside OUT (leftovers are removed)."""
        return f".{os.path.basename(self.path)}.spill-"


def plan_target(out: str, files: Sequence[str], errors: str | None, *, parquet: bool, resume: bool) -> Target:
    """Check OUT and every side file against the inputs and each other; raise
    ``ValueError`` with the reason when one of them could destroy data."""
    stream = out == "-" or _kind(out, "output") == "stream"
    if stream and out != "-" and (parquet or resume):
        what = "parquet output" if parquet else "--resume"
        raise ValueError(f"{out}: is a FIFO or a device; {what} needs a regular output file")
    path = out if stream else _resolved(out)
    if errors is None:
        errors = "-" if stream else out + ".errors.jsonl"
    errors_stream = errors != "-" and _kind(errors, "error file") == "stream"
    errors_link = errors != "-" and not errors_stream and os.path.islink(errors)
    target = Target(out, path, stream, errors, errors_stream, errors_link)
    _check_distinct(target, [f for f in files if f != "-"], parquet)
    return target


def _kind(path: str, role: str) -> str:
    """``new``, ``file`` or ``stream`` (FIFO, character device) for a path we may write;
    anything else is refused."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "new"
    mode = st.st_mode
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or (stat.S_ISREG(mode) and _fd_link(path)):
        return "stream"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        hint = "give an output file name" if role == "output" else f"give a file name for the {role}"
        raise ValueError(f"{path}: is a directory; {hint}")
    raise ValueError(f"{path}: is a block device or a socket; the {role} must be a file, a FIFO or a character device")


def _fd_link(path: str) -> bool:
    """Whether ``path`` reaches a file through an open descriptor (``/dev/stderr``,
    ``/dev/fd/N``, ``/proc/self/fd/N``): that is a stream of another process (``2>log``),
    appended to as the shell would, never replaced or removed."""
    for _ in range(40):  # the kernel's own limit on symlink hops
        if path.startswith("/dev/fd/") or (path.startswith("/proc/") and "/fd/" in path):
            return True
        if not os.path.islink(path):
            return False
        path = os.path.join(os.path.dirname(path), os.readlink(path))
    return False


def _resolved(path: str) -> str:
    """``path`` with a symlink followed (a dangling one names the file it will create)."""
    return os.path.realpath(path) if os.path.islink(path) else path


def _side_files(t: Target, parquet: bool) -> list[tuple[str, str]]:
    """(role, path) of every file the job writes, removes or renames over."""
    written = [("output", t.path)] if t.path != "-" else []
    if t.part is not None:
        written.append(("temporary output", t.part))
        if not parquet:
            written += [("checkpoint", t.part + ".ckpt"), ("checkpoint's temporary file", t.part + ".ckpt.tmp")]
    if not parquet and t.errors != "-":
        written.append(("error file", t.errors))
    return written


def _check_distinct(t: Target, inputs: Sequence[str], parquet: bool) -> None:
    """No written file may be an input or another written file (two character devices
    excepted: writing ``/dev/null`` twice destroys nothing)."""
    written = _side_files(t, parquet)
    for fd, role, used in ((1, "output (stdout)", t.path == "-"), (2, "error file (stderr)", t.errors == "-")):
        clash = next((f for f in inputs if used and _fd_is(fd, f)), None)
        if clash is not None:
            raise ValueError(f"-: the {role} is the input {clash}; redirect it elsewhere")
    for role, path in written:
        for f in inputs:
            if _same(path, f):
                if role == "output":
                    raise ValueError(f"{t.name}: output would overwrite the input {f}")
                raise ValueError(f"{path}: the {role} would overwrite the input {f}")
    for i, (role, path) in enumerate(written):
        for other_role, other in written[:i]:
            if _same(path, other) and not (_is_chr(path) and _is_chr(other)):
                raise ValueError(f"{path}: the {role} would be the {other_role} too; give another name")
    _check_regular(written)
    _check_spill_names(t, inputs)


def _check_regular(written: Sequence[tuple[str, str]]) -> None:
    """The temporary output and the checkpoint files are created, truncated and renamed
    by name: one that exists as a symlink, a FIFO or anything but a regular file would be
    written through or replaced."""
    for role, path in written:
        if role in ("output", "error file"):  # followed on purpose; a stream is written directly
            continue
        if os.path.lexists(path) and not stat.S_ISREG(os.lstat(path).st_mode):
            raise ValueError(f"{path}: the {role} exists and is not a regular file; remove it first")


def _check_spill_names(t: Target, inputs: Sequence[str]) -> None:
    """Leftover oversized-record files of a killed run (named after OUT, beside it) are
    removed when a job starts: an input must not look like one."""
    if t.stream:
        return
    out_dir = os.path.realpath(os.path.dirname(os.path.abspath(t.path)))
    for f in inputs:
        if (os.path.basename(f).startswith(t.spill_prefix)
                and os.path.realpath(os.path.dirname(os.path.abspath(f))) == out_dir):
            raise ValueError(f"{f}: the input is named like a leftover temporary file of this job; rename it")


def _same(a: str, b: str) -> bool:
    """Whether two paths name one file: the same resolved path, or the same device and
    inode (a hard link)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samestat(os.stat(a), os.stat(b))
    except OSError:
        return False


def _fd_is(fd: int, path: str) -> bool:
    """Whether descriptor ``fd`` (stdout, stderr) is the regular file ``path``
    (``toolkit corpus normalize in.jsonl - >> in.jsonl`` would read its own output)."""
    try:
        st = os.fstat(fd)
        return stat.S_ISREG(st.st_mode) and os.path.samestat(st, os.stat(path))
    except OSError:
        return False


def _is_chr(path: str) -> bool:
    """A character device (``/dev/null``, a terminal): writing it twice destroys nothing."""
    try:
        return stat.S_ISCHR(os.stat(path).st_mode)
    except OSError:
        return False
