"""Checks on the two reports before they are aligned: swapped, wrong language, empty.

Why here and not in the command line: a caller of :func:`toolkit.align.align_reports`
that reads files from a folder makes the same mistakes as a person at a terminal (the
Arabic file given first, an English file given twice), and should get the same warnings.
The checks never refuse an input; they say what will go wrong and, for swapped files,
put them the right way round.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..normalize.script import arabic_share
from .core import looks_swapped


@dataclass(frozen=True)
class InputParams:
    """When a report reads as the wrong language (shares of Arabic among its letters)."""

    #: An "Arabic" report with less Arabic than this is warned about. Chosen, not tuned:
    #: an Arabic news report that quotes Latin names and acronyms stays far above it
    #: (examples/report_ar.txt: 1.0), a Latin text is at 0.
    min_arabic_share_ar: float = 0.05
    #: An "English" report with more Arabic than this is warned about. Chosen, not tuned:
    #: an English report quoting Arabic names stays far below (examples/report_en.txt:
    #: 0.0); it matches the swapped-files test of :func:`toolkit.align.looks_swapped`.
    max_arabic_share_en: float = 0.6


INPUTS = InputParams()


@dataclass(frozen=True)
class CheckedInputs:
    """The two texts to align (swapped back when they came the wrong way round) and the
    warnings for the reader, in the order they were found."""

    en_text: str
    ar_text: str
    swapped: bool
    warnings: tuple[str, ...]


def check_inputs(
    en_text: str,
    ar_text: str,
    en_name: str = "the English text",
    ar_name: str = "the Arabic text",
    params: InputParams = INPUTS,
) -> CheckedInputs:
    """Check the reports named ``en_name`` and ``ar_name`` (file names, in warnings)."""
    warnings: list[str] = []
    swapped = looks_swapped(en_text, ar_text)
    if swapped:
        warnings.append(f"{en_name} is Arabic and {ar_name} is not: the files look swapped; aligning them the other way round")
        en_text, ar_text = ar_text, en_text
    elif ar_text.strip() and arabic_share(ar_text) < params.min_arabic_share_ar:
        warnings.append(f"{ar_name} holds almost no Arabic text; the alignment will be poor")
    elif en_text.strip() and arabic_share(en_text) > params.max_arabic_share_en:
        warnings.append(f"{en_name} is mostly Arabic text; the alignment will be poor")
    if not en_text.strip() and not ar_text.strip():
        warnings.append("both files are empty: nothing to align")
    elif not en_text.strip() or not ar_text.strip():
        warnings.append(f"{en_name if not en_text.strip() else ar_name} is empty: every sentence stays unlinked")
    return CheckedInputs(en_text, ar_text, swapped, tuple(warnings))
