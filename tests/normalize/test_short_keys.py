"""Names without consonant evidence (issue 14, item 7): the phonetic key folds every
vowel-only name to one key, so such names are compared by their letters instead."""

from __future__ import annotations

import subprocess
import sys

from toolkit.normalize.keys import DEFAULT_THRESHOLD, consonants, match, similarity, symbols


def test_consonants_count_the_evidence_of_a_name() -> None:
    assert consonants(symbols("aaaa")) == 0
    assert consonants(symbols("EU")) == 0
    assert consonants(symbols("Iraq")) == 2
    assert consonants(symbols("كتائب حزب الله")) >= 5


def test_vowel_only_names_are_not_the_same_name() -> None:
    assert not match("AA", "AAH").same
    assert similarity("AA", "AAH") < 0.7
    assert similarity("EU", "AU") < DEFAULT_THRESHOLD
    assert similarity("aaaa", "AA") < DEFAULT_THRESHOLD


def test_a_vowel_only_name_still_matches_itself() -> None:
    assert similarity("AA", "aa") == 1.0
    assert match("Aya", "Aya").same


def test_vowel_only_across_scripts_is_capped_under_the_threshold() -> None:
    assert similarity("آية", "Aya") < DEFAULT_THRESHOLD


def test_names_with_consonants_score_as_before() -> None:
    assert similarity("Kataeb Hezbollah", "كتائب حزب الله") >= DEFAULT_THRESHOLD
    assert similarity("Mohammed", "Muhammad") > 0.95


def test_match_command_on_vowel_only_names() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "toolkit.cli", "match", "AA", "AAH"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    score, verdict = proc.stdout.split("\t")[:2]
    assert verdict == "different" and float(score) < DEFAULT_THRESHOLD
