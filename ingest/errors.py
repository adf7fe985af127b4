"""The exceptions casckg raises. One base class, so the CLI can catch everything it expects.

Problems found *in the data* (a bad date in a record, a dangling reference) are not raised one
by one: they are collected as `Problem` reports and raised together in one `SourceError`, so an
analyst sees every problem of a build at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from .report import Problem


class CasckgError(Exception):
    """Base of every error casckg raises on purpose."""


class SourceError(CasckgError):
    """Sources could not be read or are not valid; `problems` says where and why."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class StoreError(CasckgError):
    """The store could not be opened, read or written."""


class QueryError(CasckgError):
    """A query is unknown, malformed, or was given bad parameters."""
