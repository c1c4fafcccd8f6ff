"""Rebuild examples/corpus/reports.jsonl from the example report pair (deterministic).

Why generated: the bulk job needs a few hundred mixed records with the noise real
feeds carry (diacritics, tatweel, Arabic-Indic digits, hamza and alef variants, bidi
marks, romanization variants, one malformed-looking record); deriving them from the
example reports keeps the corpus small, reviewable and free of third-party text.

    python examples/corpus/make_corpus.py
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent

EN_VARIANTS = [
    ("Kataeb Hezbollah", "Kata'ib Hizballah"), ("Kataeb Hezbollah", "Kataib Hizbullah"),
    ("Al-Qaim", "al-Qa'im"), ("Al-Bukamal", "Abu Kamal"), ("Mohammed", "Muhammad"),
    ("Popular Mobilisation Forces", "Popular Mobilization Units"), ("Deir ez-Zor", "Deir al-Zour"),
    ("Hasiba al-Gharbiya", "Husaybah"), ("al-Sudani", "as-Sudani"),
]
AR_NOISE = [
    ("القائم", "القـــائم"), ("السوداني", "السُّودانِي"), ("الأنبار", "الانبار"), ("إيران", "ايران"),
    ("60", "٦٠"), ("2019", "٢٠١٩"), ("حزب الله", "حزب اللّه"), ("الشعبي", "الشعبى"),
]


def sentences(text: str, arabic: bool) -> list[str]:
    parts = re.split(r"(?<=[.!?؟])\s+|\n+", text)
    return [p.strip() for p in parts if len(p.strip()) > 20]


def main() -> None:
    rnd = random.Random(20261123)
    en = sentences((EXAMPLES / "report_en.txt").read_text(encoding="utf-8"), False)
    ar = sentences((EXAMPLES / "report_ar.txt").read_text(encoding="utf-8"), True)
    records: list[dict[str, object]] = []
    n = 0
    while len(records) < 198:
        lang = "ar" if n % 2 else "en"
        pool = ar if lang == "ar" else en
        text = pool[(n // 2) % len(pool)]
        if lang == "en":
            for a, b in EN_VARIANTS:
                if a in text and rnd.random() < 0.5:
                    text = text.replace(a, b)
        else:
            for a, b in AR_NOISE:
                if a in text and rnd.random() < 0.5:
                    text = text.replace(a, b)
            if rnd.random() < 0.1:
                text = "\u200f" + text  # a bidi mark as copied from a web page
        records.append({"id": f"r{len(records) + 1:03d}", "lang": lang, "source": "example", "text": text})
        n += 1
    # Two records a bulk job must survive: an empty text and a mixed-script line.
    records.append({"id": "r199", "lang": "ar", "source": "example", "text": ""})
    records.append({"id": "r200", "lang": "mixed", "source": "example",
                    "text": "Kataeb Hezbollah (كتائب حزب الله) near Al-Qaim / القائم"})
    out = HERE / "reports.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} records to {out}")


if __name__ == "__main__":
    main()
