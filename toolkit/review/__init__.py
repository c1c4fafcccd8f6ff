"""A review page for a report pair: one self-contained HTML file (issue 17).

``review_html(en_text, ar_text)`` runs the entity pipeline once and writes a page that
shows the two reports side by side (aligned sentences on one row), every mention
highlighted by type and linked to its entity, and the entity table (sortable, with a
low-confidence filter). The page fetches nothing: inline CSS and a little plain
JavaScript, every report text HTML-escaped and stripped of bidi controls.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .data import Review, build_review
from .render import ReviewParams, render

if TYPE_CHECKING:
    from ..align import Encoder

__all__ = ["Review", "ReviewParams", "build_review", "render", "review_html"]


def review_html(en_text: str, ar_text: str | None = None, *, en_name: str = "English report",
                ar_name: str = "Arabic report", presplit: bool = False, encoder: Encoder | str | None = None,
                lexicon: object | None = None, registry: str | Path | None = None, doc: str | None = None,
                params: ReviewParams = ReviewParams()) -> str:
    """The review page of a report pair, as a string of HTML.

    ``presplit``: one sentence a line in both texts; ``encoder``: the aligner's sentence
    encoder; ``lexicon``: as for :func:`toolkit.entities.extract_entities`;
    ``registry`` (a SQLite file) files the entities there under ``doc`` and shows their
    registry ids. Never raises on bad text: what the pipeline says is in the header.
    """
    review = build_review(en_text, ar_text, en_name=en_name, ar_name=ar_name, presplit=presplit,
                          encoder=encoder, lexicon=lexicon, registry=registry, doc=doc)
    return render(review, params)
