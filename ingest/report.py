"""Problems in the data, as reports: where (file, line, field), what, and how bad."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place of one source file."""

    file: str
    line: int | None
    field: str | None
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" [{self.field}]" if self.field else ""
        return f"{where}:{field} {self.severity.value}: {self.message}"
