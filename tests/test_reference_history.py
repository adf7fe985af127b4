"""History rules of reference records: a fact dated outside the life of what it names is refused.

Each bad file is written here, so the line and field each rule must name can be read beside it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from casckg.ingest.errors import SourceError
from casckg.ingest.history import earliest, latest
from casckg.ingest.loaders.reference import load_reference_dir

SRC = 'sources: ["https://example.org/a"]'

# An organisation that lived from 15 June 2001 to some day of 2010 (lines 1-7 of every test file).
ORG = f"""\
records:
  - id: org
    type: Institution
    label: {{en: Org}}
    founded: 2001-06-15
    dissolved: 2010
    {SRC}
"""


def folder_with(tmp_path: Path, records: str) -> Path:
    folder = tmp_path / "sources" / "reference"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "records.yaml").write_text(ORG + records, encoding="utf-8")
    return folder


def problems(tmp_path: Path, records: str) -> list[str]:
    folder = folder_with(tmp_path, records)
    with pytest.raises(SourceError) as caught:
        load_reference_dir(folder, root=folder.parent)
    return [str(p) for p in caught.value.problems]


def state(member_of: str, founded: str = "") -> str:
    return f"""\
  - id: UZB
    type: State
    label: {{en: Uzbekistan}}
    iso3: UZB
    {founded or "wikidata: Q265"}
    member_of:
      - {member_of}
    {SRC}
"""


def test_partial_dates_mean_every_day_they_could_be() -> None:
    assert (earliest("2024"), latest("2024")) == (earliest("2024-01-01"), latest("2024-12-31"))
    assert latest("2024-02").isoformat() == "2024-02-29"


def test_a_membership_before_the_organisation_was_founded_is_refused(tmp_path: Path) -> None:
    assert problems(tmp_path, state("{organisation: org, since: 2001-06-14}")) == [
        "sources/reference/records.yaml:14: [member_of[0].since] error: "
        "2001-06-14 is before 'org' existed (from 2001-06-15)"
    ]


def test_a_membership_ending_after_the_organisation_ended_is_refused(tmp_path: Path) -> None:
    assert problems(tmp_path, state("{organisation: org, since: 2005, until: 2011-03}")) == [
        "sources/reference/records.yaml:14: [member_of[0].until] error: 2011-03 is after 'org' ended (2010)"
    ]


def test_a_membership_before_its_state_existed_is_refused(tmp_path: Path) -> None:
    found = problems(tmp_path, state("{organisation: org, since: 2001-06-15}", founded="founded: 2002"))
    assert found == [
        "sources/reference/records.yaml:14: [member_of[0].since] error: 2001-06-15 is before 'UZB' existed (from 2002)"
    ]


def test_imprecise_dates_that_may_fall_within_the_life_pass(tmp_path: Path) -> None:
    # 2001 may be 15 June 2001 or later; 2010-12 may be within 2010: neither is certainly outside.
    folder = folder_with(tmp_path, state("{organisation: org, since: 2001, until: 2010-12}"))
    doc, _states = load_reference_dir(folder, root=folder.parent)  # then every other state (ISO 3166)
    assert any(s.predicate == "cas:membershipStatus" for s in doc.statements)


def test_a_forum_organised_by_an_organisation_already_dissolved_is_refused(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        f"""\
  - id: summit
    type: Forum
    kind: Summit
    label: {{en: A summit}}
    date: 2012-05-01
    organized_by: [org]
    {SRC}
""",
    )
    assert found == ["sources/reference/records.yaml:12: [date] error: 2012-05-01 is after 'org' ended (2010)"]


def two_holders(second_since: str) -> str:
    """A post of 'org' held by 'first' from 2002 to 2005, and by 'second' from `second_since` (line 23)."""
    return f"""\
  - id: sg
    type: Post
    label: {{en: Secretary-General of Org}}
    post_in: org
    {SRC}
  - id: first
    type: Person
    label: {{en: First}}
    held:
      - {{post: sg, since: 2002-01-01, until: 2005-01-01}}
    {SRC}
  - id: second
    type: Person
    label: {{en: Second}}
    held:
      - {{post: sg, since: {second_since}}}
    {SRC}
"""


def test_a_post_held_by_two_people_at_once_is_refused(tmp_path: Path) -> None:
    assert problems(tmp_path, two_holders("2004-06-01")) == [
        "sources/reference/records.yaml:23: [held[0].since] error: 'sg' is held by 'first' from 2002-01-01 "
        "to 2005-01-01 (sources/reference/records.yaml:13); one holder at a time"
    ]


def test_one_holder_taking_over_the_day_the_other_leaves_is_no_overlap(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, two_holders("2005-01-01"))
    doc, _states = load_reference_dir(folder, root=folder.parent)  # then every other state (ISO 3166)
    tenures = {e.ref.key for e in doc.entities if "Tenure" in e.classes}
    assert tenures == {"first--sg--2002-01-01", "second--sg--2005-01-01"}


def test_an_unknown_membership_status_is_refused(tmp_path: Path) -> None:
    found = problems(tmp_path, state("{organisation: org, since: 2005, status: honorary}"))
    assert len(found) == 1 and "[member_of[0].status]" in found[0] and "unknown value 'honorary'" in found[0]


def test_cli_refuses_a_history_error_and_keeps_the_previous_store(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, state("{organisation: org, since: 2005}"))
    store = tmp_path / "build" / "store"
    command = [
        sys.executable,
        "-m",
        "casckg.graph.cli",
        "build",
        "--sources",
        str(folder.parent),
        "--store",
        str(store),
    ]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "0"}
    first = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env)
    assert first.returncode == 0, first.stderr
    kept = os.readlink(store)
    (folder / "records.yaml").write_text(ORG + state("{organisation: org, since: 1999}"), "utf-8")
    second = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env)
    assert second.returncode == 2
    assert second.stderr.strip().splitlines()[0] == (
        "sources/reference/records.yaml:14: [member_of[0].since] error: 1999 is before 'org' existed (from 2001-06-15)"
    )
    assert "Traceback" not in second.stderr
    assert os.readlink(store) == kept


def test_the_same_membership_written_twice_is_refused(tmp_path: Path) -> None:
    twice = state("{organisation: org, since: 2005}").replace(
        "      - {organisation: org, since: 2005}\n",
        "      - {organisation: org, since: 2005}\n      - {organisation: org, since: 2005, status: suspended}\n",
    )
    assert problems(tmp_path, twice) == [
        "sources/reference/records.yaml:15: [member_of[1]] error: the same Membership twice "
        "(first at sources/reference/records.yaml:14)"
    ]
