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
