"""What a transliteration request may ask: checks of the options and of the names.

Why apart: the guard rails are the one place a caller's mistake becomes a one-line
:class:`TranslitError` (a CLI prints it as it is); everything after them may assume clean
NFC text of a sensible length.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from .rules_ar2lat import REGIONS


class TranslitError(ValueError):
    """Bad input or options, with a one-line reason for the user."""


def check_request(to: str, top: int, region: str | None) -> None:
    """Raise :class:`TranslitError` for an unknown direction or region or a ``top`` under 1."""
    if to not in ("latin", "arabic"):
        raise TranslitError(f"--to must be latin or arabic, got {to!r}")
    if top < 1:
        raise TranslitError(f"top must be at least 1, got {top}")
    if region is not None and region not in REGIONS:
        raise TranslitError(f"unknown region {region!r}; choose one of {', '.join(REGIONS)}")


def _writable(name: str) -> bool:
    """Whether a name holds something to transliterate: a letter or a digit."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in name)


def clean_names(names: Sequence[str], max_chars: int) -> list[str]:
    """NFC, no control or format characters (bidi marks), single spaces; too long: an error.

    A name that is not a string is a ``TypeError``. A lone surrogate (half of a broken
    UTF-16 pair) becomes "?" rather than failing later; a name with nothing to write
    (no letter nor digit: "🔥🔥", a lone surrogate, "!!!") is a :class:`TranslitError`,
    never itself at a perfect score. An empty name stays empty (no candidates).
    """
    if isinstance(names, str):
        raise TypeError("names must be a sequence of str, not one str")
    cleaned = []
    for original in names:
        if not isinstance(original, str):
            raise TypeError(f"name must be a str, got {type(original).__name__}")
        name = unicodedata.normalize("NFC", original.encode("utf-8", "replace").decode("utf-8"))
        name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cf", "Cc") or ch in " \t")
        name = " ".join(name.split())
        if len(name) > max_chars:
            raise TranslitError(
                f"input is {len(name)} characters long; a name has at most {max_chars} (is this a sentence?)"
            )
        if name and not _writable(name):
            raise TranslitError(f"nothing to transliterate in {original!r}: no letters of either script")
        cleaned.append(name)
    return cleaned
