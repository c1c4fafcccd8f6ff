"""One entity list across an English report and its Arabic counterpart.

``extract_entities(en_text, ar_text=None)`` returns an :class:`EntityList`, built by
components applied in order to one :class:`Document` (:mod:`.pipeline`); outputs are
in :mod:`.output` (JSON, CSV, Markdown, a readable table); :class:`Registry` keeps
entities across documents in SQLite with stable ids and reversible merges.
"""

from __future__ import annotations

from typing import Any

from .document import Document
from .model import Entity, EntityList, Evidence, Mention
from .pipeline import Pipeline, build_pipeline, extract_entities

__all__ = [
    "Document", "Entity", "EntityList", "Evidence", "Mention", "Pipeline", "Registry", "build_pipeline",
    "extract_entities",
]


def __getattr__(name: str) -> Any:
    if name == "Registry":
        from .registry import Registry

        return Registry
    raise AttributeError(name)
