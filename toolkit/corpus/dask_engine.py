"""Normalization on Dask, for corpora one machine cannot handle in time.

Two ways in:

* your data is already a Dask collection: :func:`normalize_bag` (records as str or dict,
  e.g. ``db.read_text(...).map(json.loads)``) and :func:`normalize_dataframe` (string
  columns); both are lazy and partition-wise, and work on any scheduler;
* files: ``toolkit corpus normalize IN OUT --engine dask --scheduler ADDRESS`` (or
  ``normalize_file(..., engine="dask")``) runs the same chunk function as the local
  engine on the cluster's workers, so the output is byte-identical to a local run; the
  client reads and writes the files, the cluster does the normalizing.

Dask is an optional dependency (``pip install toolkit[dask]``); it is imported here only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..normalize.levels import Lang, Level
from .records import Spec, normalize_records


def normalize_bag(
    bag: Any,
    fields: Sequence[str] = ("text",),
    *,
    level: Level = "search",
    lang: Lang = "auto",
    replace: bool = False,
    suffix: str = "_norm",
    key: bool = False,
    script: bool = False,
) -> Any:
    """A new ``dask.bag.Bag`` with every record normalized as :func:`normalize_records` does.

    Example::

        import json, dask.bag as db
        bag = db.read_text("news-*.jsonl.gz").map(json.loads)
        normalize_bag(bag, ["title", "body"]).map(json.dumps).to_textfiles("out-*.jsonl.gz")
    """
    Spec(tuple(fields), level, lang, replace, suffix, key, script)  # validate early, on the client
    kwargs = dict(level=level, lang=lang, replace=replace, suffix=suffix, key=key, script=script)
    return bag.map_partitions(lambda part: list(normalize_records(part, tuple(fields), **kwargs)))


def _normalize_frame(df: Any, spec: Spec) -> Any:
    from .parquet import normalize_columns

    cols = {name: df[name].tolist() for name in spec.fields}
    new, _ = normalize_columns(cols, spec)
    df = df.copy()
    for name, values in new.items():
        df[name] = values
        df[name] = df[name].astype(object)
    return df


def normalize_dataframe(
    ddf: Any,
    columns: Sequence[str],
    *,
    level: Level = "search",
    lang: Lang = "auto",
    replace: bool = False,
    suffix: str = "_norm",
    key: bool = False,
    script: bool = False,
) -> Any:
    """A new ``dask.dataframe.DataFrame`` with ``columns`` normalized (added beside them,
    or replaced).  Non-string values (NaN, None) are left as they are.

    Example::

        import dask.dataframe as dd
        ddf = dd.read_parquet("news/")
        normalize_dataframe(ddf, ["title"], key=True).to_parquet("news-norm/")
    """
    spec = Spec(tuple(columns), level, lang, replace, suffix, key, script)
    missing = [c for c in columns if c not in ddf.columns]
    if missing:
        raise ValueError(f"no column {', '.join(map(repr, missing))}; columns are {', '.join(map(str, ddf.columns))}")
    meta = _normalize_frame(ddf._meta, spec)
    return ddf.map_partitions(_normalize_frame, spec, meta=meta)
