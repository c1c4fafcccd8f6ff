"""Dask: the file engine on a LocalCluster gives the local bytes; bag and dataframe helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.corpus import normalize_bag, normalize_dataframe, normalize_file, normalize_records
from toolkit.normalize import normalize

from corpus_data import make_records

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as c:
        yield c


def test_file_engine_byte_identical_to_local(tmp_path: Path, corpus: Path, cluster) -> None:
    with open(corpus, "ab") as f:
        f.write(b"{broken\n")
    local = tmp_path / "local.jsonl.gz"
    on_dask = tmp_path / "dask.jsonl.gz"
    a = normalize_file(corpus, local, fields=["title", "meta.author"], workers=2, chunk_bytes=4096, key=True)
    b = normalize_file(corpus, on_dask, fields=["title", "meta.author"], engine="dask",
                       scheduler=cluster.scheduler_address, chunk_bytes=4096, key=True)
    assert on_dask.read_bytes() == local.read_bytes()
    assert (a.records_in, a.errors, a.changed) == (b.records_in, b.errors, b.changed)
    assert Path(str(on_dask) + ".errors.jsonl").read_bytes() == Path(str(local) + ".errors.jsonl").read_bytes()


def test_bag(cluster) -> None:
    import dask.bag as db

    recs = make_records(50)
    bag = db.from_sequence(recs, npartitions=4)
    with distributed.Client(cluster.scheduler_address) as client:
        got = normalize_bag(bag, ["title", "meta.author"], script=True).compute(scheduler=client.get)
    assert got == list(normalize_records(recs, ["title", "meta.author"], script=True))
    assert recs == make_records(50), "input records untouched"


def test_dataframe(cluster) -> None:
    import dask.dataframe as dd
    import pandas as pd

    names = ["أَحْمَدُ", "Kata'ib Hizballah", None, "Abd al-Aziz"] * 5
    pdf = pd.DataFrame({"id": range(20), "name": names})
    ddf = dd.from_pandas(pdf, npartitions=3)
    with distributed.Client(cluster.scheduler_address) as client:
        out = normalize_dataframe(ddf, ["name"], key=True).compute(scheduler=client.get)
    assert list(out.columns) == ["id", "name", "name_norm", "name_key"]
    got = [None if pd.isna(v) else v for v in out["name_norm"].tolist()]
    assert got == [normalize(n) if isinstance(n, str) else None for n in names]
    with pytest.raises(ValueError, match="no column"):
        normalize_dataframe(ddf, ["nope"])
