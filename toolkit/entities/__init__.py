"""One entity list across an English report and its Arabic counterpart.

``extract_entities(en_text, ar_text=None)`` returns an :class:`EntityList`; outputs are
in :mod:`.output` (JSON, CSV, Markdown, a readable table); :class:`Registry` keeps
entities across documents in SQLite with stable ids and reversible merges.
"""

from __future__ import annotations

from typing import Any

from .model import Entity, EntityList, Evidence, Mention
from .pipeline import extract_entities

__all__ = ["Entity", "EntityList", "Evidence", "Mention", "Registry", "extract_entities"]


def __getattr__(name: str) -> Any:
    if name == "Registry":
        from .registry import Registry

        return Registry
    raise AttributeError(name)
