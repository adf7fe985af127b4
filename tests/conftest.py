"""Shared fixtures: where the shared corpus is, and one store built per test run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CASCKG_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
SOURCES = REPO / "sources"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus of articles with gold annotations (read, never copied)."""
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is missing: expected it at {CORPUS} (or set CASCKG_SHARED)")
    return CORPUS


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own sources built once into a temporary store."""
    from casckg.graph.build import build

    target = tmp_path_factory.mktemp("build") / "store"
    build(SOURCES, target)
    return target


@pytest.fixture
def store(built_store: Path):
    """The built store, opened read-only for one test."""
    from casckg.graph.store import open_store

    with open_store(built_store) as opened:
        yield opened


NETWORK_DATA = REPO / "tests" / "data" / "network.trig"


@pytest.fixture(scope="session")
def network_store():
    """A small hand-made store (tests/data/network.trig) beside the ontology, in memory."""
    import pyoxigraph as ox

    from casckg.graph.build import ontology_quads
    from casckg.graph.store import EmbeddedStore

    store = EmbeddedStore()
    store.bulk_add(ontology_quads())
    store.bulk_add(ox.parse(path=str(NETWORK_DATA), format=ox.RdfFormat.TRIG))
    yield store
    store.close()


@pytest.fixture(scope="session")
def network_graph(network_store):
    """The projection of the hand-made store."""
    from casckg.graph.network import project

    return project(network_store)


@pytest.fixture(scope="session")
def scorer_path() -> Path:
    """The shared extraction scorer (read from the shared folder, never copied)."""
    path = SHARED / "tools" / "score_extraction.py"
    if not path.is_file():
        pytest.fail(f"the shared scorer is missing: expected it at {path} (or set CASCKG_SHARED)")
    return path


@pytest.fixture(scope="session")
def gazetteer():
    """The gazetteer of the project's reference records."""
    from casckg.graph.extraction import reference_gazetteer

    return reference_gazetteer(SOURCES)
