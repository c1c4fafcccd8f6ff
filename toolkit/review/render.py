"""The review page as one self-contained HTML document.

Layout (for a laptop screen): a header with the documents, counts and a legend; below
it two panes that scroll on their own, the aligned reports (English left-to-right on
the left, Arabic right-to-left on the right, one row per link) over the entity table.
Every piece of report text goes through :func:`toolkit.review.text.esc`.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from ..entities.model import Entity
from .assets import CSS, JS
from .data import Review, Row
from .text import count_bidi_controls, esc, highlighted


@dataclass(frozen=True, slots=True)
class ReviewParams:
    """What the page calls weak or unsure.

    Chosen, not tuned: ``confidence`` is a calibrated probability
    (:mod:`toolkit.entities.confidence`), so below one half an entity is more likely
    wrong than right; the aligner's link scores of the example pair and the align
    benchmarks sit above 0.8 for true links, so a link under one half is worth a look.
    """

    low_confidence: float = 0.5
    weak_link: float = 0.5


#: Types with a colour of their own; any other type is drawn as ``t-other``.
KNOWN_TYPES = ("PER", "ORG", "LOC", "MISC")
TYPE_NAMES = {"PER": "person", "ORG": "organization", "LOC": "place", "MISC": "other name"}


def type_class(entity_type: str) -> str:
    return f"t-{entity_type}" if entity_type in KNOWN_TYPES else "t-other"


def label(e: Entity) -> str:
    """The entity's names for a title or the selection line (suggestions marked ≈)."""
    en = e.en or (f"≈ {e.suggested_en[0].text}" if e.suggested_en else "—")
    ar = e.ar or (f"≈ {e.suggested_ar[0].text}" if e.suggested_ar else "—")
    return f"{e.type} · {en} · {ar} · confidence {e.confidence:.2f}"


def mention_counts(e: Entity) -> tuple[int, int]:
    n_en = sum(1 for m in e.mentions if m.lang == "en")
    return n_en, len(e.mentions) - n_en


def mark_tags(review: Review) -> list[str]:
    """The opening ``<mark>`` tag of every entity's mentions (written once, reused)."""
    return [
        f'<mark class="m {type_class(e.type)}" data-e="{k}" tabindex="0" title="{esc(label(e))}">'
        for k, e in enumerate(review.entities)
    ]


def render_side(review: Review, lang: str, indices: tuple[int, ...], marks: list[str]) -> str:
    sents = review.en_sents if lang == "en" else review.ar_sents
    text = review.en_text if lang == "en" else review.ar_text
    attrs = 'lang="en" dir="ltr"' if lang == "en" else 'lang="ar" dir="rtl"'
    if not indices:
        other = "English" if lang == "en" else "Arabic"
        return f'<div class="side {lang} empty" {attrs}><span lang="en" dir="ltr">no {other} counterpart</span></div>'
    spans = review.spans.get(lang, {})
    parts = [
        f'<span class="s" data-s="{i}"><span class="sn" title="sentence index {i}">{i + 1}</span>'
        f"{highlighted(text, sents[i], spans.get(i, ()), marks)}</span>"
        for i in indices
    ]
    return f'<div class="side {lang}" {attrs}>{" ".join(parts)}</div>'


def render_row(review: Review, k: int, row: Row, marks: list[str], params: ReviewParams) -> str:
    kind = f"{len(row.en)}-{len(row.ar)}"
    unmatched = not row.en or not row.ar
    if row.score is None:
        link = '<div class="link">not aligned</div>'
    elif unmatched:
        link = f'<div class="link" title="a {kind} link: no counterpart">{kind}<br>unmatched</div>'
    else:
        weak = " weak" if row.score < params.weak_link else ""
        link = f'<div class="link{weak}" title="a {kind} link, score {row.score:.3f}">{kind}<b>{row.score:.2f}</b></div>'
    cls = "row unmatched" if unmatched else "row"
    return (f'<div class="{cls}" id="r{k}">{render_side(review, "en", row.en, marks)}{link}'
            f'{render_side(review, "ar", row.ar, marks)}</div>')


def name_cell(written: str, suggested: tuple, lang: str) -> tuple[str, str]:
    """(sort value, HTML) of a name: the name, else its suggestions marked as guesses."""
    attrs = 'lang="ar" dir="rtl"' if lang == "ar" else 'lang="en" dir="ltr"'
    if written:
        return written, f"<bdi {attrs}>{esc(written)}</bdi>"
    if not suggested:
        return "", '<span class="none">—</span>'
    items = " ".join(
        f'<span class="sugg" title="suggested name, not written in either report: {esc(s.source)}, score {s.score:.2f}">'
        f"≈ <bdi {attrs}>{esc(s.text)}</bdi></span>"
        for s in suggested
    )
    return suggested[0].text, f'{items}<span class="badge">suggested</span>'


def evidence_cell(e: Entity) -> str:
    if not e.evidence:
        return '<span class="none">—</span>'
    kinds = Counter(ev.kind for ev in e.evidence)
    summary = " · ".join(f"{esc(k)} ×{n}" if n > 1 else esc(k) for k, n in kinds.items())
    items = "".join(f'<li><b>{esc(ev.kind)}</b> <bdi dir="auto">{esc(ev.detail)}</bdi> ({ev.score:.2f})</li>' for ev in e.evidence)
    return f'<details class="ev"><summary>{summary}</summary><ul>{items}</ul></details>'


def entity_row(k: int, e: Entity, params: ReviewParams, bilingual: bool) -> str:
    n_en, n_ar = mention_counts(e)
    low = e.confidence < params.low_confidence
    one = bilingual and (n_en == 0) != (n_ar == 0)
    classes = " ".join(c for c, on in (("low", low), ("oneside", one)) if on)
    en_v, en_html = name_cell(e.en, e.suggested_en, "en")
    ar_v, ar_html = name_cell(e.ar, e.suggested_ar, "ar")
    variants = "".join(
        [f'<bdi class="var" lang="en" dir="ltr">{esc(v)}</bdi>' for v in e.variants_en]
        + [f'<bdi class="var" lang="ar" dir="rtl">{esc(v)}</bdi>' for v in e.variants_ar]
    )
    side = "English" if n_ar == 0 else "Arabic"
    badges = (f'<span class="badge one">only in the {side} report</span>' if one else "") + (
        '<span class="badge low">low</span>' if low else "")
    type_name = TYPE_NAMES.get(e.type, e.type)
    return (
        f'<tr data-e="{k}" class="{classes}" data-label="{esc(label(e))}" title="{esc(e.id)}">'
        f'<td data-v="{esc(e.type)}"><mark class="{type_class(e.type)}" title="{esc(type_name)}">{esc(e.type)}</mark>{badges}</td>'
        f'<td data-v="{esc(en_v)}">{en_html}</td>'
        f'<td data-v="{esc(ar_v)}" lang="ar" dir="rtl">{ar_html}</td>'
        f"<td>{variants}</td>"
        f'<td class="num" data-v="{n_en}">{n_en}</td><td class="num" data-v="{n_ar}">{n_ar}</td>'
        f'<td class="num conf" data-v="{e.confidence:.3f}">{e.confidence:.2f}</td>'
        f"<td>{evidence_cell(e)}</td></tr>"
    )


def render_table(review: Review, params: ReviewParams) -> str:
    bilingual = bool(review.en_sents) and bool(review.ar_sents)
    body = "".join(entity_row(k, e, params, bilingual) for k, e in enumerate(review.entities))
    head = "".join(
        f'<th data-col="{i}"{" data-num" if num else ""}>{name}</th>' if sortable else f'<th class="nosort">{name}</th>'
        for i, (name, sortable, num) in enumerate((
            ("Type", True, False), ("English", True, False), ("Arabic", True, False), ("Variants", False, False),
            ("EN", True, True), ("AR", True, True), ("Confidence", True, True), ("Evidence", False, False),
        ))
    )
    return (
        '<div class="bar" style="position:sticky;top:0;background:var(--panel);z-index:2;padding:.3rem 0">'
        f"<b>{len(review.entities)} entities</b>"
        f'<label><input type="checkbox" id="only-low"> only low confidence (&lt; {params.low_confidence:.2f})</label>'
        '<label><input type="checkbox" id="only-one"> only entities one report names</label>'
        '<span class="none">click a column to sort, a row to find its mentions</span></div>'
        f'<table id="ents"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def single(review: Review) -> bool:
    """One report only (or one unreadable): the page shows one column."""
    return not review.en_sents or not review.ar_sents


def render_header(review: Review, params: ReviewParams) -> str:
    rows = review.rows
    linked = sum(1 for r in rows if r.en and r.ar)
    en_only = sum(1 for r in rows if r.en and not r.ar)
    ar_only = sum(1 for r in rows if r.ar and not r.en)
    ents = review.entities
    n_mentions = sum(len(e.mentions) for e in ents)
    low = sum(1 for e in ents if e.confidence < params.low_confidence)
    stripped = count_bidi_controls(review.en_text, review.ar_text)
    # the aligner used is in the counts line already
    messages = [m for m in review.messages if not m.startswith("sentences aligned by")]
    if stripped:
        messages.append(f"{stripped} bidirectional control characters removed from the text shown")
    tail = (f"{len(ents)} entities ({low} low confidence), {n_mentions} mentions · "
            f"{esc(review.result.alignment_mode or 'not aligned')} · toolkit {esc(review.version)}")
    if single(review):
        counts = f"{len(review.en_sents)} English, {len(review.ar_sents)} Arabic sentences · one report · {tail}"
    else:
        counts = (f"{len(review.en_sents)} English / {len(review.ar_sents)} Arabic sentences · {linked} aligned groups, "
                  f"{en_only} English only, {ar_only} Arabic only · {tail}")
    legend = "".join(f'<mark class="{type_class(t)}">{t} {TYPE_NAMES[t]}</mark>' for t in KNOWN_TYPES)
    msg = "".join(f'<li><bdi dir="auto">{esc(m)}</bdi></li>' for m in messages)
    names = " ↔ ".join(f'<bdi dir="auto">{esc(n)}</bdi>' for n in (review.en_name, review.ar_name) if n)
    return (
        f'<header><h1>Review: {names}</h1>'
        f'<p class="counts">{counts}</p>'
        + (f'<ul class="messages">{msg}</ul>' if msg else "")
        + f'<div class="bar"><span class="legend">{legend}</span>'
        '<span id="selection">Click a name to mark all its mentions in both reports.</span></div></header>'
    )


def csp(script: str) -> str:
    """A policy that lets the page fetch nothing and run only its own script."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:"


def column_heads(review: Review) -> str:
    en = '<div class="side en">English</div>' if review.en_sents or not single(review) else ""
    ar = '<div class="side ar" lang="ar" dir="rtl">العربية</div>' if review.ar_sents or not single(review) else ""
    return f'<div class="cols">{en}<div class="link">link</div>{ar}</div>'


def render(review: Review, params: ReviewParams = ReviewParams()) -> str:
    """The whole page."""
    marks = mark_tags(review)
    rows = "\n".join(render_row(review, k, row, marks, params) for k, row in enumerate(review.rows))
    title = re.sub(r"\s+", " ", "Review: " + " ↔ ".join(n for n in (review.en_name, review.ar_name) if n))
    body = ' class="single"' if single(review) else ""
    return (
        '<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp(JS)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body{body}>"
        f"{render_header(review, params)}<main>"
        f'<section id="reports" aria-label="aligned sentences">{column_heads(review)}'
        f"{rows}</section>"
        f'<section id="entities" aria-label="entities">{render_table(review, params)}</section></main>'
        f'<pre id="test-result"></pre><script>{JS}</script></body></html>\n'
    )
