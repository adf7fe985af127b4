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


# --- a build deletes only what builds made; one writer at a time ---------------------------------


def cli_build(sources: Path, target: Path | str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    from casckg.graph.cli import main as cli

    code = cli.main(["build", "--no-reason", "--sources", str(sources), "--store", str(target)])
    return code, [line for line in capsys.readouterr().err.splitlines() if line.strip()]


def test_build_refuses_a_folder_it_did_not_make(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sources = make_sources(tmp_path, DATA / "good-records.yaml")
    target = tmp_path / "d"
    target.mkdir()
    (target / "f").write_text("x")
    code, lines = cli_build(sources, target, capsys)
    assert code == 2
    assert len(lines) == 1 and "not empty and not a casckg store" in lines[0]
    assert (target / "f").read_text() == "x" and not target.is_symlink()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".d-")] == []


def test_build_into_an_empty_folder_or_its_own_store_works(tmp_path: Path) -> None:
    sources = make_sources(tmp_path, DATA / "good-records.yaml")
    target = tmp_path / "empty"
    target.mkdir()
    build(sources, target, reason=False)
    assert states(target) == 1
    build(sources, target, reason=False)  # a store it made is replaced
    assert states(target) == 1


def test_build_keeps_folders_beside_the_store_it_did_not_make(tmp_path: Path) -> None:
    sources = make_sources(tmp_path, DATA / "good-records.yaml")
    target = tmp_path / "build" / "store"
    keep = tmp_path / "build" / ".store-keep"
    keep.mkdir(parents=True)
    (keep / "notes.txt").write_text("mine")
    build(sources, target, reason=False)
    build(sources, target, reason=False)
    assert (keep / "notes.txt").read_text() == "mine"


def test_build_refuses_a_link_to_a_folder_it_did_not_make(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sources = make_sources(tmp_path, DATA / "good-records.yaml")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "f").write_text("x")
    target = tmp_path / "store"
    target.symlink_to(mine)
    code, lines = cli_build(sources, target, capsys)
    assert code == 2 and len(lines) == 1 and "not a casckg store" in lines[0]
    assert (mine / "f").read_text() == "x"


def test_build_under_a_file_or_onto_a_mount_point_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = make_sources(tmp_path, DATA / "good-records.yaml")
    (tmp_path / "a-file").write_text("x")
    for target, said in ((tmp_path / "a-file" / "store", "is a file"), (Path("/proc"), "mount point")):
        code, lines = cli_build(sources, target, capsys)
        assert code == 2, target
        assert len(lines) == 1 and said in lines[0], lines
    assert (tmp_path / "a-file").read_text() == "x"


def test_build_into_a_read_only_folder_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import tempfile

    sources = make_sources(tmp_path, DATA / "good-records.yaml")
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    if os.access(parent, os.W_OK):  # a superuser writes anywhere: make the file system say no instead

        def read_only(*args, **kwargs):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))

        monkeypatch.setattr(tempfile, "mkdtemp", read_only)
    try:
        code, lines = cli_build(sources, parent / "store", capsys)
    finally:
        parent.chmod(0o755)
    assert code == 2
    assert len(lines) == 1 and lines[0].startswith("error: cannot make the store"), lines


HOLD_LOCK = """
import sys, time
from pathlib import Path
from casckg.graph.store import write_lock

with write_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(120)
"""


def test_a_second_writer_is_refused_while_a_build_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from casckg.graph.cli import main as cli

    sources = make_sources(tmp_path, DATA / "good-records.yaml")
    target = tmp_path / "build" / "store"
    build(sources, target, reason=False)
    published = target.resolve()
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(target)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().startswith("locked")
        code, lines = cli_build(sources, target, capsys)
        assert code == 2 and len(lines) == 1 and "another build or ingest" in lines[0], lines
        article = tmp_path / "a.txt"
        article.write_text("Kazakhstan and Kyrgyzstan held talks in Astana.")
        assert cli.main(["ingest", str(article), "--store", str(target)]) == 2
        assert "another build or ingest" in capsys.readouterr().err
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert target.resolve() == published and states(target) == 1


def test_two_builds_at_once_never_leave_a_dangling_store(tmp_path: Path) -> None:
    sources = make_sources(tmp_path, DATA / "good-records.yaml")
    target = tmp_path / "build" / "store"
    build(sources, target, reason=False)
    command = [sys.executable, "-m", "casckg.graph.cli", "build", "--no-reason", "--sources", str(sources)]
    runs = [subprocess.Popen([*command, "--store", str(target)], stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for run in runs:
        _, stderr = run.communicate(timeout=300)
        assert run.returncode in (0, 2), stderr
        assert "Traceback" not in stderr
        if run.returncode == 2:
            assert "another build or ingest" in stderr
    assert target.resolve().is_dir() and states(target) == 1
    leftovers = [p for p in target.parent.iterdir() if p.name.startswith(".store-") and p != target.resolve()]
    assert leftovers == []
