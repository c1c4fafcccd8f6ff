"""Lazy re-exports for a package's ``__init__``: names resolve on first use.

Why: ``import toolkit`` (and ``import toolkit.corpus``) must cost almost nothing, yet
``toolkit.lookup`` or ``toolkit.corpus.normalize_file`` should just work. A package lists
its public names with the module that defines each; the module is imported the first time
the name is read, and the value is then cached in the package's namespace so the next
read is a plain attribute. One implementation for every package that wants it.

This module imports nothing from the toolkit: every layer may use it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_exports(
    package: str, exports: Mapping[str, str], namespace: dict[str, Any],
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module-level ``__getattr__`` and ``__dir__`` of ``package``.

    ``exports`` maps a public name to the module that defines it; ``namespace`` is the
    package's ``globals()``, where a resolved value is cached. Use::

        __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
    """

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted([*namespace, *exports])

    return __getattr__, __dir__
