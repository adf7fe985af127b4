"""The front door: every command explains itself with an example, and the README knows them."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from casckg.graph.cli import main as cli
from casckg.queries import library

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = cli.parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_command_has_help_with_an_example(name: str) -> None:
    sub = subcommands()[name]
    assert sub.description, f"casckg {name} --help needs a description"
    assert sub.epilog and f"casckg {name}" in sub.epilog, f"casckg {name} --help needs an example"


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_readme_documents_command(name: str) -> None:
    assert f"casckg {name}" in README


@pytest.mark.parametrize("name", sorted(library()))
def test_readme_lists_library_query(name: str) -> None:
    assert f"`{name}`" in README, f"README should list the query {name}"


def test_no_arguments_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 2
    assert "usage: casckg" in capsys.readouterr().out


def test_missing_store_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["stats", "--store", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "no store at" in err and "Traceback" not in err


def test_version_names_the_installed_package(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"casckg {version('casckg')}"


def test_the_library_list_is_machine_readable(capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io
    import json

    assert cli.main(["query", "--list", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [q["name"] for q in listed] == sorted(library())
    members = next(q for q in listed if q["name"] == "members-as-of")
    assert [(p["name"], p["type"], p["default"]) for p in members["params"]] == [
        (p.name, p.type, p.default) for p in library()["members-as-of"].params
    ]
    assert cli.main(["query", "--list", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["name"]: r["title"] for r in rows} == {q.name: q.title for q in library().values()}
    assert cli.main(["query", "--list", "--format", "xml"]) == 2


@pytest.mark.slow
def test_a_sparql_syntax_error_is_one_line_with_its_place(built_store: Path, capsys) -> None:
    query = "SELECT ?s WHERE {\n  ?s a foo:State }"
    assert cli.main(["query", "--store", str(built_store), "--sparql", query]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "line 2, column" in err and "unknown prefix 'foo:'" in err


@pytest.mark.slow
def test_extract_shows_the_evidence_without_json(built_store: Path, corpus: Path, capsys) -> None:
    import json

    article = corpus / "seeds" / "turkishnewsworld-kazcent-roundtable-en.md"
    assert cli.main(["extract", str(article), "--json", "--store", str(built_store)]) == 0
    said = [st["evidence"] for st in json.loads(capsys.readouterr().out)["statements"] if st.get("evidence")]
    assert cli.main(["extract", str(article), "--store", str(built_store)]) == 0
    table = capsys.readouterr().out
    shown = [e for e in said if f"[{e['start']}–{e['end']}]" in table]
    assert said and len(shown) == len(said)  # every statement's sentence, with its place in the file
