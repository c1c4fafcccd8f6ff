"""Validation of lexicon entries: what is an error, what is a warning, and why.

Errors make a lexicon unusable (the index refuses it): a duplicate id, a bad id in
a curated file, an unknown or empty type, an entity without any name, Arabic fields
without Arabic letters, Latin fields holding Arabic letters, a parent that does not
exist, and two entities of the same type, under the same parent, with the same
preferred name (a reader could not tell them apart).

Warnings are kept because they are often true of the world: a variant or an acronym
shared by two entities (``KH``, ``Hezbollah`` for an Iraqi offshoot), two towns with
one name under different parents, a variant repeating the preferred name.  Lookup
returns every such entity and lets the score and type decide.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..normalize.arabic import normalize_arabic
from ..normalize.latin import normalize_latin
from .errors import Issue, LexiconError
from .load import load_file
from .schema import ID_RE, TYPES, Entry, has_arabic
from .shipped import shipped_paths

log = logging.getLogger(__name__)

#: At most this many collision warnings per name key, so a huge list stays readable.
_MAX_COLLISION_WARNINGS = 5


@lru_cache(maxsize=1 << 16)
def search_key(text: str) -> str:
    """The search-level form of a name in its own script (what two names must share
    to be "the same name" for the collision checks)."""
    if has_arabic(text):
        return normalize_arabic(text, "search")
    return normalize_latin(text, "search")


def validate(
    entries: Iterable[Entry],
    curated_sources: Iterable[str] = (),
    known_ids: Iterable[str] = (),
) -> list[Issue]:
    """Every issue found in ``entries`` (errors and warnings, in file order).

    ``curated_sources`` are files in the curated format, whose ids must be lowercase
    ``prefix:slug``; ``known_ids`` are ids defined elsewhere (e.g. the shipped
    lexicons) that a ``parent`` may refer to.
    """
    entries = list(entries)
    curated = set(curated_sources)
    issues: list[Issue] = []
    by_id: dict[str, Entry] = {}

    def add(sev: str, e: Entry, field: str, msg: str) -> None:
        issues.append(Issue(sev, e.source, e.line, field, msg))  # type: ignore[arg-type]

    for e in entries:
        if not e.id:
            add("error", e, "id", "empty id")
        elif e.id in by_id:
            first = by_id[e.id]
            add("error", e, "id", f"duplicate id {e.id!r} (first defined at {first.source}:{first.line})")
        else:
            by_id[e.id] = e
            if e.source in curated and not ID_RE.match(e.id):
                add("error", e, "id", f"id {e.id!r} is not lowercase 'prefix:slug' (e.g. 'org:kataeb-hezbollah')")
            elif any(c in e.id for c in "\t\n\r") or e.id != e.id.strip():
                add("error", e, "id", f"id {e.id!r} holds spaces or control characters at its ends")
        if not e.type:
            add("error", e, "type", "empty type; use PER, ORG, LOC or MISC")
        elif e.type not in TYPES:
            add("error", e, "type", f"unknown type {e.type!r}; use PER, ORG, LOC or MISC")
        if not e.en and not e.ar:
            add("error", e, "en", "no name: en and ar are both empty")
        elif e.source in curated:
            if not e.en:
                add("warning", e, "en", "no English preferred name")
            if not e.ar:
                add("warning", e, "ar", "no Arabic preferred name")
        if e.ar and not has_arabic(e.ar):
            add("error", e, "ar", f"{e.ar!r} has no Arabic letters")
        for v in e.ar_variants:
            if not has_arabic(v):
                add("error", e, "ar_variants", f"{v!r} has no Arabic letters")
        if e.en and has_arabic(e.en):
            add("error", e, "en", f"{e.en!r} holds Arabic letters; put it in ar")
        for v in e.en_variants:
            if has_arabic(v):
                add("error", e, "en_variants", f"{v!r} holds Arabic letters; put it in ar_variants")
        _check_own_duplicates(e, add)

    known = set(known_ids)
    for e in entries:
        if e.parent:
            if e.parent == e.id:
                add("error", e, "parent", "an entity cannot be its own parent")
            elif e.parent not in by_id and e.parent not in known:
                # A user list may point at ids of lexicons it is not loaded with: warn only.
                sev = "error" if e.source in curated else "warning"
                add(sev, e, "parent", f"parent {e.parent!r} is not an id of any loaded lexicon")

    issues.extend(_collisions(entries, curated))
    order = {(e.source, e.line): i for i, e in enumerate(entries)}
    issues.sort(key=lambda i: (order.get((i.source, i.line), -1), 0 if i.severity == "error" else 1))
    return issues


def _check_own_duplicates(e: Entry, add) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, str] = {}
    for name, kind in e.surfaces():
        key = search_key(name)
        if not key:
            add("error" if kind in ("en", "ar") else "warning", e, _field(kind), f"{name!r} is empty once normalized")
            continue
        if key in seen and kind != "acronym":
            add("warning", e, _field(kind), f"{name!r} repeats {seen[key]!r} of the same entity")
        seen.setdefault(key, name)


def _field(kind: str) -> str:
    return {"en": "en", "ar": "ar", "en_variant": "en_variants", "ar_variant": "ar_variants", "acronym": "acronyms"}[kind]


def _collisions(entries: list[Entry], curated: set[str]) -> list[Issue]:
    """Names shared by two entities: an error for two preferred names of the same type
    under the same parent in curated files, a warning otherwise (a user's list of
    people may well hold two different men called Mohammed Ali)."""
    issues: list[Issue] = []
    owners: dict[str, list[tuple[Entry, str, str]]] = {}
    for e in entries:
        seen: set[str] = set()
        for name, kind in e.surfaces():
            key = search_key(name)
            if key and key not in seen:
                seen.add(key)
                owners.setdefault(key, []).append((e, kind, name))
    for key, owned in owners.items():
        if len(owned) < 2:
            continue
        warned = 0
        first_e = owned[0][0]
        for idx in range(1, len(owned)):
            e, kind, name = owned[idx]
            clash = None
            if kind in ("en", "ar") and e.source in curated:
                for other, okind, _ in owned[:idx]:
                    if okind in ("en", "ar") and other.source in curated and other.type == e.type and other.parent == e.parent:
                        clash = other
                        break
            if clash is not None:
                issues.append(
                    Issue(
                        "error", e.source, e.line, _field(kind),
                        f"preferred name {name!r} is also the preferred name of {clash.id!r} "
                        f"({clash.source}:{clash.line}), same type {e.type} and parent; tell them apart",
                    )
                )
            elif warned < _MAX_COLLISION_WARNINGS:
                what = "acronym" if kind == "acronym" else "name"
                issues.append(
                    Issue(
                        "warning", e.source, e.line, _field(kind),
                        f"{what} {name!r} is also a name of {first_e.id!r} ({first_e.source}:{first_e.line})",
                    )
                )
                warned += 1
    return issues


def validate_paths(paths: Iterable[str], known_ids: Iterable[str] = ()) -> list[Issue]:
    """Read and validate files together, as the index would: every issue, errors and
    warnings; a malformed file contributes its one fatal error and is skipped."""
    entries: list[Entry] = []
    issues: list[Issue] = []
    curated: list[str] = []
    for p in paths:
        try:
            loaded = load_file(p)
        except LexiconError as exc:
            issues.extend(exc.issues)
            continue
        entries.extend(loaded.entries)
        issues.extend(loaded.warnings)
        if loaded.curated:
            curated.append(loaded.source)
    return issues + validate(entries, curated_sources=curated, known_ids=known_ids)


def lexicon_paths(paths: Iterable[str | Path] = (), with_shipped: bool = False) -> list[Path]:
    """The files a command over lexicons works on: the shipped ones when no path is
    given; else the given ones, after the shipped ones when ``with_shipped`` (a given
    path that is a shipped file is not taken twice). Paths come back resolved."""
    given = [Path(p).resolve() for p in paths]
    if not given:
        return shipped_paths()
    shipped = shipped_paths()
    return (shipped + [p for p in given if p not in shipped]) if with_shipped else given


def shipped_ids() -> set[str]:
    """The ids of the shipped lexicons, which a user list may name as parents.

    A shipped file that cannot be read gives no ids here: it is reported, with its
    file and line, when the shipped lexicons themselves are validated.
    """
    ids: set[str] = set()
    for path in shipped_paths():
        try:
            ids.update(e.id for e in load_file(path).entries)
        except LexiconError as exc:
            log.debug("shipped lexicon %s unreadable, its ids are not known: %s", path, exc)
    return ids


def validate_lexicons(paths: Iterable[str | Path] = (), with_shipped: bool = False) -> tuple[list[Path], list[Issue]]:
    """What ``toolkit lexicon validate`` checks: the files of :func:`lexicon_paths`,
    together, and every issue found. User lists validated without the shipped lexicons
    may still name shipped entities as parents, so those ids count as known."""
    given = list(paths)
    files = lexicon_paths(given, with_shipped)
    known = shipped_ids() if given and not with_shipped else set()
    return files, validate_paths([str(p) for p in files], known_ids=known)
