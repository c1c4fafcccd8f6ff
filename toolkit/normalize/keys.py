"""Cross-script keys (placeholder: being written)."""
from __future__ import annotations
from dataclasses import dataclass
import difflib

def detect_script(text: str) -> str:
    ar = any("\u0600" <= c <= "\u06ff" for c in text)
    la = any(c.isascii() and c.isalpha() for c in text)
    return "mixed" if ar and la else "arabic" if ar else "latin" if la else "none"

def match_key(text: str) -> str:
    from . import normalize
    return normalize(text, level="match")

def skeleton(text: str) -> str:
    return match_key(text)

def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, skeleton(a), skeleton(b)).ratio()

@dataclass(frozen=True)
class MatchResult:
    score: float
    same: bool
    threshold: float
    key_a: str
    key_b: str

def match(a: str, b: str, threshold: float = 0.8) -> MatchResult:
    s = similarity(a, b)
    return MatchResult(s, s >= threshold, threshold, skeleton(a), skeleton(b))
