"""Bulk normalization of corpora: streamed, parallel, resumable, and on Dask.

    from toolkit.corpus import normalize_file, normalize_records
    summary = normalize_file("news.jsonl.gz", "news.norm.jsonl.gz", fields=["title", "body"])
    print(summary.records_in, summary.changed, summary.errors)

Exports are loaded lazily so that importing this package does not import pyarrow or dask.
"""

from __future__ import annotations

from ..lazy import lazy_exports

_EXPORTS = {
    "normalize_file": "toolkit.corpus.job",
    "JobSummary": "toolkit.corpus.summary",
    "JobInterrupted": "toolkit.corpus.summary",
    "normalize_records": "toolkit.corpus.records",
    "Spec": "toolkit.corpus.records",
    "BadRecord": "toolkit.corpus.errors",
    "CorruptInput": "toolkit.corpus.compressed",
    "normalize_bag": "toolkit.corpus.dask_engine",
    "normalize_dataframe": "toolkit.corpus.dask_engine",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
