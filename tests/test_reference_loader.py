"""Reference records: every kind of bad input is reported with its file, line and field."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casckg.ingest.errors import SourceError
from casckg.ingest.loaders.reference import load_reference_dir
from casckg.ingest.records import Literal, Ref

DATA = Path(__file__).parent / "data"
BAD = sorted((DATA / "bad-records").glob("*.yaml"))
_EXPECT = re.compile(r'^# expect: line (\d+), field (\S+), "(.*)"$')


def expectation(path: Path) -> tuple[int, str | None, str]:
    m = _EXPECT.match(path.read_text(encoding="utf-8").splitlines()[0])
    assert m, f"{path.name} lacks its '# expect:' header"
    line, field, message = m.groups()
    return int(line), None if field == "None" else field, message


def sources_with(tmp_path: Path, *files: Path) -> Path:
    folder = tmp_path / "sources" / "reference"
    folder.mkdir(parents=True)
    for f in files:
        shutil.copy(f, folder / f.name)
    return tmp_path / "sources"


def test_good_records_give_statements(tmp_path: Path) -> None:
    sources = sources_with(tmp_path, DATA / "good-records.yaml")
    doc, world = load_reference_dir(sources / "reference", root=sources)
    kaz = Ref("state", "KAZ")
    assert kaz not in {e.ref for e in world.entities}  # the record describes Kazakhstan
    facts = {(s.subject, s.predicate, s.object) for s in doc.statements}
    assert (kaz, "rdfs:label", Literal("Казахстан", language="ru")) in facts
    assert (kaz, "cas:isoCode", Literal("KAZ")) in facts
    membership = Ref("membership", "state-KAZ--un--1992-03-02")
    assert (membership, "cas:member", kaz) in facts
    assert (membership, "cas:organisation", Ref("institution", "un")) in facts
    assert (membership, "cas:startDate", Literal("1992-03-02", datatype="date")) in facts
    assert doc.source.path == "sources/reference/good-records.yaml"


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_record_is_reported_at_its_line(tmp_path: Path, path: Path) -> None:
    line, field, message = expectation(path)
    sources = sources_with(tmp_path, path)
    with pytest.raises(SourceError) as caught:
        load_reference_dir(sources / "reference", root=sources)
    problems = caught.value.problems
    assert any(p.line == line and p.field == field and message in p.message for p in problems), problems
    assert all(p.file == f"sources/reference/{path.name}" for p in problems)


def test_problems_of_several_files_are_all_reported(tmp_path: Path) -> None:
    sources = sources_with(tmp_path, *BAD)
    with pytest.raises(SourceError) as caught:
        load_reference_dir(sources / "reference", root=sources)
    files = {p.file for p in caught.value.problems}
    # duplicate ids across files are reported too, so every bad file shows up at least once
    assert {f"sources/reference/{p.name}" for p in BAD} <= files


def test_not_utf8_is_reported(tmp_path: Path) -> None:
    sources = sources_with(tmp_path)
    (sources / "reference" / "latin1.yaml").write_bytes("records: [{id: caf\xe9}]".encode("latin-1"))
    with pytest.raises(SourceError, match="not UTF-8"):
        load_reference_dir(sources / "reference", root=sources)


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_cli_build_exits_2_with_one_line_per_problem(tmp_path: Path, path: Path) -> None:
    line, field, message = expectation(path)
    sources = sources_with(tmp_path, path)
    store = tmp_path / "build" / "store"
    run = subprocess.run(
        [sys.executable, "-m", "casckg.graph.cli", "build", "--sources", str(sources), "--store", str(store)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert f"sources/reference/{path.name}:{line}:" in run.stderr
    assert message in run.stderr
    assert not store.exists()


BILLION_LAUGHS = "lol: &l0 [lol]\n" + "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]\n" for i in range(1, 10))


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        (BILLION_LAUGHS + "records: *l9\n", 6, "expand it to more than"),  # l5 is the first too big
        ("records: &r [*r]\n", 1, "recursive alias"),
        (
            "records:\n" + "".join(f"  - *a{i}\n" for i in range(300)).replace("*a0", "&a0 x"),
            259,
            "more than 256 aliases",
        ),
        ("records: " + "[" * 5000 + "]" * 5000 + "\n", 1, "nested more than"),
    ],
    ids=["billion-laughs", "recursive-alias", "too-many-aliases", "5000-deep"],
)
def test_yaml_that_would_explode_is_one_problem_at_its_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    folder = tmp_path / "sources" / "reference"
    folder.mkdir(parents=True)
    (folder / "bomb.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load_reference_dir(folder)
    (problem,) = info.value.problems
    assert reason in problem.message and problem.line == line, problem


def test_a_few_aliases_still_work(tmp_path: Path) -> None:
    folder = tmp_path / "sources" / "reference"
    folder.mkdir(parents=True)
    (folder / "states.yaml").write_text(
        "cite: &un ['https://www.un.org/en/about-us/member-states']\nrecords:\n"
        "  - {id: KAZ, type: State, label: {en: Kazakhstan}, iso3: KAZ, sources: *un}\n"
        "  - {id: TJK, type: State, label: {en: Tajikistan}, iso3: TJK, sources: *un}\n",
        encoding="utf-8",
    )
    (doc,) = [d for d in load_reference_dir(folder) if d.source.key == "states"]
    assert {e.ref.key for e in doc.entities} == {"KAZ", "TJK"}


def test_a_state_no_record_describes_is_named_by_its_iso_code(tmp_path: Path) -> None:
    """Qatar and the UAE attended a meeting: their ISO 3166 codes name the states the country
    library gives, with no hand-typed record; a code of the wrong case or an alpha-2 code is still refused."""
    folder = tmp_path / "sources" / "reference"
    folder.mkdir(parents=True)
    meeting = (
        "records:\n"
        "  - {{id: m, type: Forum, kind: Meeting, label: {{en: A meeting}}, date: 2022-11-16,\n"
        "     participants: [{}], sources: ['https://tass.com/world/1663157']}}\n"
    )
    (folder / "forums.yaml").write_text(meeting.format("QAT, ARE"), encoding="utf-8")
    docs = load_reference_dir(folder)
    (doc,) = [d for d in docs if d.source.key == "forums"]
    participants = {s.object for s in doc.statements if s.predicate == "cas:participant"}
    assert participants == {Ref("state", "QAT"), Ref("state", "ARE")}
    world = docs[-1]
    labels = {(s.subject, s.object) for s in world.statements if s.predicate == "rdfs:label"}
    assert (Ref("state", "QAT"), Literal("Катар", language="ru")) in labels
    assert Ref("state", "ARE") in {e.ref for e in world.entities}
    (folder / "forums.yaml").write_text(meeting.format("qat, QA"), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_reference_dir(folder)
    assert sorted(p.message for p in caught.value.problems) == ["unknown id 'QA'", "unknown id 'qat'"]
