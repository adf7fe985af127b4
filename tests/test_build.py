"""The build is idempotent and atomic: twice gives the same quads; a failed or killed build
leaves the previous store answering as before."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casckg.graph.build.job import build
from casckg.graph.store import open_store

DATA = Path(__file__).parent / "data"
# states the analysts' records describe (every other state comes from the ISO 3166 source)
COUNT_STATES = """SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {
  GRAPH ?g { ?s a cas:State } FILTER(CONTAINS(STR(?g), "/source/reference/") && !STRENDS(STR(?g), "/iso-3166"))
}"""


def make_sources(tmp_path: Path, *files: Path) -> Path:
    folder = tmp_path / "sources" / "reference"
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copy(f, folder / f.name)
    return tmp_path / "sources"


def sorted_dump(store_path: Path, tmp_path: Path, name: str) -> bytes:
    out = tmp_path / name
    with open_store(store_path) as store:
        store.dump(out)
    return b"\n".join(sorted(out.read_bytes().splitlines()))


def states(store_path: Path) -> int:
    with open_store(store_path) as store:
        return int(next(iter(store.query(COUNT_STATES)))["n"].value)


def test_building_twice_gives_the_same_quads(tmp_path: Path) -> None:
    sources = make_sources(tmp_path, DATA / "good-records.yaml")
    target = tmp_path / "build" / "store"
    first = build(sources, target)
    dump1 = sorted_dump(target, tmp_path, "1.nq")
    second = build(sources, target)
    dump2 = sorted_dump(target, tmp_path, "2.nq")
    assert first.graphs == second.graphs
    assert dump1 == dump2
    assert len(dump1.splitlines()) == first.quads


@pytest.mark.slow
def test_the_real_sources_build_twice_identically(tmp_path: Path) -> None:
    repo_sources = Path(__file__).resolve().parents[1] / "sources"
    target = tmp_path / "store"
    build(repo_sources, target)
    dump1 = sorted_dump(target, tmp_path, "1.nq")
    build(repo_sources, target)
    assert sorted_dump(target, tmp_path, "2.nq") == dump1


def test_a_failing_build_leaves_the_previous_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = make_sources(tmp_path, DATA / "good-records.yaml")
    target = tmp_path / "build" / "store"
    build(sources, target)
    before = sorted_dump(target, tmp_path, "before.nq")

    import casckg.graph.build.job as build_module

    def broken(doc, base=None):
        raise OSError("disk full")

    monkeypatch.setattr(build_module, "document_quads", broken)
    with pytest.raises(OSError, match="disk full"):
        build(sources, target)
    assert sorted_dump(target, tmp_path, "after.nq") == before
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".store-")] == [target.resolve().name]


def test_a_bad_source_leaves_the_previous_store(tmp_path: Path) -> None:
    sources = make_sources(tmp_path, DATA / "good-records.yaml")
    target = tmp_path / "build" / "store"
    build(sources, target)
    shutil.copy(DATA / "bad-records" / "unknown-type.yaml", sources / "reference")
    run = subprocess.run(
        [sys.executable, "-m", "casckg.graph.cli", "build", "--sources", str(sources), "--store", str(target)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert states(target) == 1


KILLABLE_BUILD = """
import sys, time
from pathlib import Path
import casckg.graph.build.job as b

def stall(folder, target):
    print("filled", folder, flush=True)
    time.sleep(120)

b.publish = stall
b.build(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def test_a_killed_build_leaves_the_previous_store(tmp_path: Path) -> None:
    sources = make_sources(tmp_path, DATA / "good-records.yaml")
    target = tmp_path / "build" / "store"
    build(sources, target)
    before = sorted_dump(target, tmp_path, "before.nq")
    # A second source file, so the killed build would have changed the store.
    (sources / "reference" / "more.yaml").write_text(
        "records:\n  - {id: TJK, type: State, label: {en: Tajikistan}, iso3: TJK,"
        " sources: ['https://www.un.org/en/about-us/member-states']}\n",
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLABLE_BUILD, str(sources), str(target)], stdout=subprocess.PIPE, text=True
    )
    try:
        line = proc.stdout.readline()  # the new store is written but not yet published
        assert line.startswith("filled"), line
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert sorted_dump(target, tmp_path, "after.nq") == before
    assert states(target) == 1
    # The next build cleans up what the killed one left and publishes both files.
    build(sources, target)
    assert states(target) == 2
    leftovers = [p for p in target.parent.iterdir() if p.name.startswith(".store-") and p != target.resolve()]
    assert leftovers == []


def test_a_reader_keeps_answering_while_a_build_publishes(tmp_path: Path) -> None:
    sources = make_sources(tmp_path, DATA / "good-records.yaml")
    target = tmp_path / "build" / "store"
    build(sources, target)
    with open_store(target) as reader:
        build(sources, target)
        time.sleep(0.05)
        assert int(next(iter(reader.query(COUNT_STATES)))["n"].value) == 1
    assert states(target) == 1
