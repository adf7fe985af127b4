"""The examples in the docstrings run and say what they show (`>>>` lines are tests too)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import casckg.graph
import casckg.ingest
import casckg.ontology
import casckg.queries


def _modules() -> list[str]:
    names = []
    for package in (casckg.ontology, casckg.queries, casckg.ingest, casckg.graph):
        names.append(package.__name__)
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if not info.name.endswith("__main__"):  # running it would run the command line
                names.append(info.name)
    return names


def _with_examples() -> list[str]:
    finder = doctest.DocTestFinder()
    return [name for name in _modules() if any(t.examples for t in finder.find(importlib.import_module(name)))]


@pytest.mark.parametrize("name", _with_examples())
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} fail"


def test_the_examples_are_found() -> None:
    """The finder sees the modules whose docstrings carry examples (else the test above checks nothing)."""
    assert {"casckg.ontology", "casckg.ingest.known", "casckg.graph.cli.query"} <= set(_with_examples())
