"""Small generated corpora for the corpus tests (never downloaded)."""

from __future__ import annotations

import json
import random
from pathlib import Path

AR = "قال الرئيس أَحْمَدُ الشَّرَعِ حزب الله كتائب إسماعيل هنيّة بيروت دمشق ٢٠٢٤ ـــ مؤتمر".split()
EN = "said the Kata'ib Hizballah Abd al-Aziz Abdelaziz Mohammed el-Sisi Beirut ceasefire talks".split()


def make_records(n: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        words = AR if i % 2 else EN
        out.append({
            "id": i,
            "title": " ".join(rng.choices(words, k=rng.randint(2, 8))),
            "meta": {"author": rng.choice(EN + AR), "n": i},
            "body": " ".join(rng.choices(words, k=rng.randint(10, 60))),
        })
    return out


def write_jsonl(path: Path, records: list[dict]) -> Path:
    with open(path, "wb") as f:
        for r in records:
            f.write((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8"))
    return path
