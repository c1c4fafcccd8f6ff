"""Sentence alignment of an English report with its Arabic counterpart.

``split_sentences`` splits with offsets; ``align_reports`` links sentences 1-1, 1-2,
2-1, 1-3, 3-1, 2-2, 1-0 and 0-1 for translations, and switches to a non-monotone
matcher for comparable reports.  See :mod:`toolkit.align.core` for the pipeline.
"""

from __future__ import annotations

from .core import AlignmentError, align_reports, align_sentences, looks_swapped
from .encoders import Encoder, HashEncoder, get_encoder
from .search import SearchParams
from .sentences import split_lines, split_sentences
from .types import Alignment, Link, Sentence

__all__ = [
    "Alignment",
    "AlignmentError",
    "Encoder",
    "HashEncoder",
    "Link",
    "SearchParams",
    "Sentence",
    "align_reports",
    "align_sentences",
    "get_encoder",
    "looks_swapped",
    "split_lines",
    "split_sentences",
]
