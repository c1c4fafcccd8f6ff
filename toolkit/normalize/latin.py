"""Normalization of romanized Arabic names (placeholder: being written)."""
from __future__ import annotations
import unicodedata
from .arabic import Level, Normalized

def normalize_latin(text: str, level: Level = "match") -> str:
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().split()) if level != "display" else " ".join(text.split())

def normalize_latin_offsets(text: str, level: Level = "match") -> Normalized:
    out = normalize_latin(text, level)
    return Normalized(out, tuple(range(len(out))))
