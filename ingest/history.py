"""History rules for reference records: each dated fact must fit the lives of the things it names.

A record can be well-formed and still impossible: a membership in an organisation before it was
founded, a summit organised by a body already dissolved, a state joining something before it
existed, two people holding one post on the same day. These rules need every record at once,
so they run after each record has been checked on its own. Which fields they read is data, in
`reference_schema.yaml`:

- `alive_at: FIELD` (or a list of fields) on a reference: the record referred to must exist on
  the dates in those fields of the same record or nested item;
- `owner_alive: true` on a nested item's date: the record that holds the item (the member of a
  membership) must exist on that date;
- nested `tenures` under a person: one holder per post at a time.

The life of a record is its `founded` .. `dissolved`; a post lives as long as the institution it
belongs to (a state's post, such as its presidency, may predate independence: the Soviet
republics had presidents before 1991). Dates may be partial (`2001`, `2001-06`): a rule is broken
only when it is broken for every day the dates could mean, so imprecision never raises a false alarm.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from .records import Ref
from .report import Problem

AT = "_at"  # where a nested item was written; set by the reference loader
NESTED = ("memberships", "deployments", "tenures", "names")  # kinds of nested records, described in the schema


class RecordLike(Protocol):
    """What the rules need of a record: its id, type, file and the line of each field."""

    file: str

    @property
    def id(self) -> str: ...

    @property
    def type(self) -> str: ...

    def line(self, key: str | None = None) -> int: ...


def earliest(text: str) -> date:
    """The first day a date written as YYYY, YYYY-MM or YYYY-MM-DD can mean."""
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def latest(text: str) -> date:
    """The last day a date written as YYYY, YYYY-MM or YYYY-MM-DD can mean."""
    parts = [int(p) for p in text.split("-")]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(parts[0], month)[1]
    return date(parts[0], month, day)


@dataclass(frozen=True)
class Life:
    """When something existed: from `start` to `end` (either may be unknown)."""

    name: str
    start: str | None
    end: str | None

    def refuses(self, when: str) -> str | None:
        """Why `when` cannot fall within this life, or None when it may."""
        if self.start and latest(when) < earliest(self.start):
            return f"{when} is before {self.name} existed (from {self.start})"
        if self.end and earliest(when) > latest(self.end):
            return f"{when} is after {self.name} ended ({self.end})"
        return None


def check_history(
    checked: Iterable[tuple[RecordLike, dict]], types: dict[str, dict], schema: dict[str, Any]
) -> list[Problem]:
    """Every breach of the history rules among valid records, one Problem each, at its line and field."""
    checked = list(checked)
    by_id = {record.id: (record, values) for record, values in checked}
    problems: list[Problem] = []

    def life(key: str) -> Life | None:
        if key not in by_id:  # a state from ISO 3166 that no record describes has no recorded life
            return None
        record, values = by_id[key]
        if record.type == "Post":
            (owner,) = values["post_in"]
            return life(owner.key) if by_id[owner.key][0].type == "Institution" else None
        if "founded" in values or "dissolved" in values:
            return Life(f"'{key}'", values.get("founded"), values.get("dissolved"))
        return None

    def check_item(record: RecordLike, values: dict, fields: dict, prefix: str, line_of) -> None:
        for key, spec in fields.items():
            if key not in values:
                continue
            own = life(record.id) if spec.get("owner_alive") else None
            if own and (reason := own.refuses(values[key])):
                problems.append(Problem(record.file, line_of(key), prefix + key, reason))
            alive_at = spec.get("alive_at")
            if not alive_at:
                continue
            for target in values[key]:
                target_life = life(target.key) if isinstance(target, Ref) else None
                if target_life is None:
                    continue
                for when_key in [alive_at] if isinstance(alive_at, str) else alive_at:
                    if when_key in values and (reason := target_life.refuses(values[when_key])):
                        problems.append(Problem(record.file, line_of(when_key), prefix + when_key, reason))

    holders: dict[str, list[tuple[RecordLike, dict]]] = defaultdict(list)
    for record, values in checked:
        fields = {**schema["common"], **types[record.type]["fields"]}
        check_item(record, values, fields, "", record.line)
        for key, spec in fields.items():
            if spec["kind"] not in NESTED or key not in values:
                continue
            for item in values[key]:
                prefix, item_line, lines = item[AT]
                check_item(
                    record, item, schema[spec["kind"]], prefix, lambda k, at=lines, first=item_line: at.get(k, first)
                )
                if spec["kind"] == "tenures" and "post" in item:
                    holders[item["post"][0].key].append((record, item))
    for post, tenures in holders.items():
        problems += _overlaps(post, tenures)
    return problems


def _overlaps(post: str, tenures: list[tuple[RecordLike, dict]]) -> list[Problem]:
    """Two people holding `post` on a day both tenures certainly cover."""
    out = []
    ordered = sorted(tenures, key=lambda t: earliest(t[1]["since"]))
    for i, (record, item) in enumerate(ordered):
        for other, before in ordered[:i]:
            if other.id == record.id:
                continue
            before_end = earliest(before["until"]) if "until" in before else date.max
            mine_end = earliest(item["until"]) if "until" in item else date.max
            if latest(item["since"]) < before_end and latest(before["since"]) < mine_end:
                prefix, item_line, lines = item[AT]
                until = before.get("until", "")
                out.append(
                    Problem(
                        record.file,
                        lines.get("since", item_line),
                        prefix + "since",
                        f"'{post}' is held by '{other.id}' from {before['since']} to {until or 'now'} "
                        f"({other.file}:{other.line()}); one holder at a time",
                    )
                )
    return out
