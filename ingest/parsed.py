"""What an article format loader gives (`Parsed`), and the one-line error for an unreadable article.

Shared by `article` (which picks a loader and checks the result) and the loaders themselves, so
neither imports the other for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError
from .report import Problem


@dataclass
class Parsed:
    """What a format loader gives: the text offsets refer to, where the body is, and metadata."""

    text: str
    body_start: int
    body_end: int
    metadata: dict[str, str | None] = field(default_factory=dict)


def fail(path: Path | str, reason: str, line: int | None = None, field_name: str | None = None) -> SourceError:
    """The error for one unreadable article: one Problem naming the file and the reason."""
    return SourceError([Problem(str(path), line, field_name, reason)])
