"""Where the shipped data lives, in a source checkout and in an installed wheel.

The wheel carries ``lexicons/`` and ``models/`` as ``toolkit/_data/...`` (see
pyproject.toml); a source or editable checkout reads them from the repository root.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def lexicons_dir() -> Path:
    """The folder of the shipped lexicons."""
    return _find("lexicons")


def models_dir() -> Path:
    """The folder of the shipped models."""
    return _find("models")


def cache_dir() -> Path:
    """Where compiled indexes live: ``$TOOLKIT_CACHE``, else ``$XDG_CACHE_HOME/toolkit``,
    else ``~/.cache/toolkit``."""
    env = os.environ.get("TOOLKIT_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "toolkit"
