"""An optional local token-classification model (for example a CAMeLBERT NER model).

Why optional and local: nothing in the toolkit depends on a model, and nothing is
downloaded at run time; a user who already has a transformers token-classification
model in a directory can add its mentions with one option (``--ner-model DIR``).  Its
mentions join the lexicon and cue-word mentions with source ``model``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .model import RawMention

_LABELS = {
    "PER": "PER", "PERS": "PER", "PERSON": "PER", "ORG": "ORG", "ORGANIZATION": "ORG",
    "LOC": "LOC", "GPE": "LOC", "LOCATION": "LOC", "FAC": "LOC", "MISC": "MISC", "NORP": "MISC",
}


def load_ner(directory: str | Path, lang: str) -> Callable[[str], list[RawMention]]:
    """Load the model in ``directory`` (local files only) and return ``text -> mentions``.

    Raises ValueError with a readable reason when the directory is not a model.
    """
    path = Path(directory)
    if not path.is_dir() or not (path / "config.json").is_file():
        raise ValueError(f"{path}: not a local model directory (no config.json)")
    if not any(path.glob("*.safetensors")):
        raise ValueError(f"{path}: no safetensors weights (pickled weights are never loaded)")
    try:
        from transformers import pipeline  # heavy: imported only here
    except ImportError as exc:  # pragma: no cover - transformers is a dependency
        raise ValueError(f"transformers is not installed: {exc}") from exc
    try:
        from transformers import AutoModelForTokenClassification, AutoTokenizer

        # Local files only: a directory the user names, never a download.
        model = AutoModelForTokenClassification.from_pretrained(str(path), local_files_only=True, use_safetensors=True)
        tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        nlp = pipeline("token-classification", model=model, tokenizer=tokenizer, aggregation_strategy="simple")
    except Exception as exc:
        raise ValueError(f"{path}: cannot load a token-classification model: {exc}") from exc

    def run(text: str) -> list[RawMention]:
        out: list[RawMention] = []
        for chunk_start, chunk in _chunks(text):
            for ent in nlp(chunk):
                label = str(ent.get("entity_group") or ent.get("entity") or "MISC").upper()
                label = label.split("-")[-1]
                start = chunk_start + int(ent["start"])
                end = chunk_start + int(ent["end"])
                while start < end and text[start].isspace():
                    start += 1
                if end <= start or not any(c.isalpha() for c in text[start:end]):
                    continue
                span = text[start:end]
                out.append(RawMention(lang, start, end, span, span, _LABELS.get(label, "MISC"), "model", "",
                                      round(float(ent.get("score", 0.5)), 3)))
        return out

    return run


def _chunks(text: str, size: int = 1500) -> list[tuple[int, str]]:
    """Split on line breaks into pieces the model's window can hold."""
    out: list[tuple[int, str]] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            nl = text.rfind("\n", pos, end)
            if nl > pos:
                end = nl + 1
        out.append((pos, text[pos:end]))
        pos = end
    return out
