"""What the bulk job does to one record, independent of how records are stored.

A record is a string (a line of text) or a JSON-like mapping.  Fields are named by a
dotted path (``meta.title``, ``authors.0.name``); the normalized value is written next to
the original under ``<last part><suffix>`` or replaces it (``replace=True``), and the
cross-script key and detected script can be added beside it as ``<name>_key`` and
``<name>_script``.  Everything else in the record is left exactly as it was, in order.

The readers and writers (:mod:`.formats`) and the job (:mod:`.job`) only call
:func:`apply_to_mapping` and :func:`normalize_text_fields`; users call
:func:`normalize_records` on any iterable, e.g. a pandas column or a Hugging Face batch.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..normalize.levels import LANGS, LEVELS, Lang, Level


@dataclass(frozen=True)
class Spec:
    """How to normalize records: the same spec goes to every worker and every engine,
    which is why it is a small frozen, picklable value and not a bag of keyword args."""

    fields: tuple[str, ...] = ("text",)
    level: Level = "search"
    lang: Lang = "auto"
    replace: bool = False
    suffix: str = "_norm"
    key: bool = False
    script: bool = False
    paths: tuple[tuple[str | int, ...], ...] = field(init=False, repr=False, compare=False)
    #: Whether :func:`apply_many` may normalize all values first and write them after
    #: (see :func:`_is_simple`); derived, like ``paths``.
    simple: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"unknown level {self.level!r}; choose display, search or match")
        if self.lang not in LANGS:
            raise ValueError(f"unknown lang {self.lang!r}; choose auto, ar or en")
        if not self.replace and not self.suffix:
            raise ValueError("an empty suffix would overwrite the field; use replace=True instead")
        if not self.fields:
            raise ValueError("no field to normalize")
        object.__setattr__(self, "paths", tuple(parse_path(f) for f in self.fields))
        object.__setattr__(self, "simple", _is_simple(self))

    def out_name(self, name: str) -> str:
        """Name of the normalized field written beside ``name``."""
        return name if self.replace else name + self.suffix


def _is_simple(spec: Spec) -> bool:
    """Whether writing every result after reading every value gives what
    :func:`apply_to_mapping` gives writing each field before reading the next: true
    unless key/script columns are asked, a path repeats, or a path reads a name the
    job writes (``-f a -f a_norm``: the second field would see the first's result)."""
    if spec.key or spec.script or len(set(spec.paths)) != len(spec.paths):
        return False
    written = {spec.out_name(p[-1]) for p in spec.paths if isinstance(p[-1], str)}
    return spec.replace or not any(part in written for p in spec.paths for part in p)


def parse_path(path: str) -> tuple[str | int, ...]:
    """Split ``a.b.0.c`` into ``('a', 'b', 0, 'c')``; a part of digits indexes a list.

    A field whose name really contains a dot can be written with a backslash: ``a\\.b``.
    """
    if not path or path.strip() != path:
        raise ValueError(f"bad field path {path!r}")
    parts: list[str | int] = []
    current = ""
    i = 0
    while i < len(path):
        ch = path[i]
        if ch == "\\" and i + 1 < len(path):
            current += path[i + 1]
            i += 2
            continue
        if ch == ".":
            parts.append(current)
            current = ""
        else:
            current += ch
        i += 1
    parts.append(current)
    if any(p == "" for p in parts):
        raise ValueError(f"bad field path {path!r}: empty part")
    return tuple(int(p) if p.isdigit() else p for p in parts)


class Normalizer:
    """Bound normalize/skeleton/detect_script, imported once per process.

    The script label is :func:`toolkit.normalize.script.detect_script`, the one place
    the toolkit decides scripts.
    """

    def __init__(self, spec: Spec) -> None:
        from ..normalize import normalize
        from ..normalize.keys import skeleton
        from ..normalize.script import detect_script

        self.spec = spec
        self.level = spec.level
        self._normalize = normalize
        self.skeleton = skeleton
        self.detect_script = detect_script

    def __call__(self, text: str) -> str:
        # normalize(lang="auto") decides by one regex search for an Arabic letter.
        return self._normalize(text, self.spec.lang, self.level)

    def many(self, texts: list[str]) -> list[str]:
        """``[self(t) for t in texts]`` in one :func:`toolkit.normalize.normalize_many` call."""
        from ..normalize import normalize_many

        return normalize_many(texts, self.spec.lang, self.level)


class Prepared(Normalizer):
    """A normalizer whose strings were normalized beforehand, in one batch.

    Why: one :func:`toolkit.normalize.normalize_many` call over a chunk's values costs far
    less than a call per value, and it gives the same strings.  Looking each value up
    (and normalizing one by one any value not prepared) keeps :func:`apply_to_mapping`
    the single place that decides where results go, so the output is unchanged by
    construction.  Built per chunk and dropped with it.
    """

    def __init__(self, base: Normalizer, texts: list[str]) -> None:
        self.__dict__.update(base.__dict__)
        unique = list(dict.fromkeys(texts))
        self._memo = dict(zip(unique, base.many(unique)))

    def __call__(self, text: str) -> str:
        out = self._memo.get(text)
        return out if out is not None else self._normalize(text, self.spec.lang, self.level)


def field_strings(records: Iterable[dict[str, Any]], spec: Spec) -> list[str]:
    """The string values (and strings of string lists) at the spec's paths, in order;
    what :class:`Prepared` normalizes in one batch.  Paths that miss are ignored."""
    out: list[str] = []
    for record in records:
        for path in spec.paths:
            value: Any = record
            for part in path:
                try:
                    value = value[part]
                except (KeyError, IndexError, TypeError):
                    value = None
                    break
            if isinstance(value, str):
                out.append(value)
            elif isinstance(value, list):
                out.extend(v for v in value if isinstance(v, str))
    return out


_CACHE: dict[Spec, Normalizer] = {}


def normalizer_for(spec: Spec) -> Normalizer:
    """The normalizer of ``spec``, built once per process (workers reuse it per chunk)."""
    n = _CACHE.get(spec)
    if n is None:
        n = _CACHE[spec] = Normalizer(spec)
    return n


def _norm_value(value: Any, norm: Normalizer) -> tuple[Any, bool, Any, Any]:
    """Normalize a string, or each string of a list; other values pass unchanged.

    Returns (new value, changed, key, script); key/script are None for non-strings.
    """
    if isinstance(value, str):
        new = norm(value)
        key = norm.skeleton(value) if norm.spec.key else None
        script = norm.detect_script(value) if norm.spec.script else None
        return new, new != value, key, script
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        new_list = [norm(v) for v in value]
        keys = [norm.skeleton(v) for v in value] if norm.spec.key else None
        scripts = [norm.detect_script(v) for v in value] if norm.spec.script else None
        return new_list, new_list != value, keys, scripts
    return value, False, None, None


def apply_to_mapping(record: dict[str, Any], spec: Spec, norm: Normalizer | None = None) -> tuple[bool, int]:
    """Normalize the spec's fields of ``record`` IN PLACE.

    Returns (changed, missing): whether any value changed, and how many of the fields
    were absent (absent fields are not errors: news records often lack a subtitle).
    """
    norm = norm or normalizer_for(spec)
    changed = False
    missing = 0
    for path in spec.paths:
        parent: Any = record
        ok = True
        for part in path[:-1]:
            try:
                parent = parent[part]
            except (KeyError, IndexError, TypeError):
                ok = False
                break
        last = path[-1]
        if not ok or not isinstance(parent, dict) or not isinstance(last, str) or last not in parent:
            if ok and isinstance(parent, list) and isinstance(last, int) and last < len(parent):
                value = parent[last]
                new, ch, _, _ = _norm_value(value, norm)
                if spec.replace:
                    parent[last] = new
                    changed |= ch
                # lists have no room for a sibling field; only replace applies
                continue
            missing += 1
            continue
        value = parent[last]
        if type(value) is str and not (spec.key or spec.script):
            # the common case of the bulk job, without _norm_value's tuple (same result)
            new = norm(value)
            changed |= new != value
            parent[spec.out_name(last)] = new
            continue
        new, ch, key, script = _norm_value(value, norm)
        changed |= ch
        parent[spec.out_name(last)] = new
        if spec.key:
            parent[last + "_key"] = key
        if spec.script:
            parent[last + "_script"] = script
    return changed, missing


_ABSENT = object()


def apply_many(records: list[dict[str, Any] | None], spec: Spec,
               norm: Normalizer) -> list[tuple[bool, int] | Exception | None]:
    """:func:`apply_to_mapping` on every record (None: no record), IN PLACE, with all the
    string values normalized in ONE :func:`toolkit.normalize.normalize_many` call.

    Why: per value, the batch call costs far less than a call each, and reading every
    value in one walk before writing is less Python per record than a walk to collect
    and a walk to write.  Same result as :func:`apply_to_mapping` per record (tested):
    it is used as is for any spec that is not :attr:`Spec.simple` and for any record
    where a field is not a plain string in an object (lists, list indexes); a record on
    which it raises gets the exception.  Raises only when the batch itself does (then
    no record was touched).
    """
    if not spec.simple:
        prepared = Prepared(norm, field_strings((r for r in records if r is not None), spec))
        return [_apply_one(r, spec, prepared) for r in records]
    fields = [(p[:-1], p[-1], spec.out_name(p[-1]) if isinstance(p[-1], str) else "") for p in spec.paths]
    slots: list[tuple[Any, str, Any, int]] = []  # (object, name to write, value, record)
    add = slots.append
    missing = [0] * len(records)
    general: list[int] = []
    for i, rec in enumerate(records):
        if rec is None:
            continue
        start = len(slots)
        for head, last, out in fields:
            parent: Any = rec
            if len(head) == 1:  # the common nesting (meta.title): a record is a dict, so .get is [] here
                parent = rec.get(head[0], _ABSENT)
            else:
                for part in head:
                    try:
                        parent = parent[part]
                    except (KeyError, IndexError, TypeError):
                        parent = _ABSENT
                        break
            value = parent.get(last, _ABSENT) if type(parent) is dict and type(last) is str else _ABSENT
            if value is _ABSENT and not (type(parent) is list and type(last) is int and last < len(parent)):
                missing[i] += 1
            elif value is _ABSENT or type(value) is list:  # a list element or a list: the general way
                del slots[start:]
                general.append(i)
                break
            else:  # a string, or a value written beside as it is
                add((parent, out, value, i))
    news = iter(norm.many([v for _, _, v, _ in slots if type(v) is str]))
    changed = [False] * len(records)
    for parent, out, value, i in slots:
        if type(value) is str:
            new = parent[out] = next(news)
            if new != value:
                changed[i] = True
        else:  # kept as it is, unchanged (as _norm_value does)
            parent[out] = value
    results: list[Any] = [None if r is None else (c, m) for r, c, m in zip(records, changed, missing)]
    for i in general:
        results[i] = _apply_one(records[i], spec, norm)
    return results


def _apply_one(record: dict[str, Any] | None, spec: Spec, norm: Normalizer) -> tuple[bool, int] | Exception | None:
    if record is None:
        return None
    try:
        return apply_to_mapping(record, spec, norm)
    except Exception as exc:  # noqa: BLE001 - reported on its record by the caller
        return exc


def normalize_records(
    records: Iterable[str | Mapping[str, Any]],
    fields: Sequence[str] = ("text",),
    *,
    level: Level = "search",
    lang: Lang = "auto",
    replace: bool = False,
    suffix: str = "_norm",
    key: bool = False,
    script: bool = False,
) -> Iterator[str | dict[str, Any]]:
    """Normalize a stream of records lazily, in order, one out for one in.

    Strings come back normalized (``fields`` is ignored).  Mappings come back as new
    dicts (the input is not modified) with the normalized fields added beside the
    originals, or replacing them with ``replace=True``; ``key``/``script`` add the
    cross-script key and the detected script.  Examples::

        >>> list(normalize_records(["أَحْمَد"]))
        ['احمد']
        >>> next(normalize_records([{"title": "Hizballah"}], ["title"], level="match"))
        {'title': 'Hizballah', 'title_norm': ...}
    """
    spec = Spec(tuple(fields), level, lang, replace, suffix, key, script)
    norm = normalizer_for(spec)
    for record in records:
        if isinstance(record, str):
            yield norm(record)
        elif isinstance(record, Mapping):
            # deep copy so that nested fields of the caller's record are never touched
            rec = copy.deepcopy(dict(record))
            apply_to_mapping(rec, spec, norm)
            yield rec
        else:
            raise TypeError(f"a record must be a str or a mapping, got {type(record).__name__}")
