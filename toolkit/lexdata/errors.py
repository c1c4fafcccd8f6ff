"""Errors and validation messages that always say where: file, line, field.

Why separate: the loader, the validator, the index builder and the CLI all report
problems the same way, and a user fixing a 10,000-line file needs the exact line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Issue:
    """One validation finding.  ``line`` is 1-based (0 when it concerns the whole file)."""

    severity: Severity
    source: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class LexiconError(ValueError):
    """A lexicon that cannot be used: malformed file or validation errors.

    ``issues`` holds every error found (the first one is in the message), so a caller
    can show them all; nothing built from such a lexicon is ever used.
    """

    def __init__(self, issues: list[Issue] | Issue) -> None:
        self.issues: list[Issue] = [issues] if isinstance(issues, Issue) else list(issues)
        first = str(self.issues[0]) if self.issues else "invalid lexicon"
        more = len(self.issues) - 1
        super().__init__(first + (f" (and {more} more error{'s' if more > 1 else ''})" if more > 0 else ""))
