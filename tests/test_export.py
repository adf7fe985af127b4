"""Every export format is read back by a second, independent parser with nothing lost.

pyoxigraph writes Turtle, TriG, N-Quads and N-Triples, so rdflib reads them back; rdflib writes
RDF/XML and JSON-LD, so pyoxigraph (and pyld, for JSON-LD) read them back. The counts to reach
come from the store itself (its own quad count, and a SPARQL count of distinct triples), where
each of the reasoner's RDF 1.2 reifiers (one quad) is written as an RDF 1.1 reification (three).
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from pyld import jsonld

from casckg.graph.cli import main as cli
from casckg.graph.publish.export import WRITERS, export
from casckg.graph.store.remote import RemoteStore
from casckg.ingest.errors import StoreError
from casckg.ontology import CONTEXT_PATH, PREFIXES, context

KAZ = "https://w3id.org/casckg/id/state/KAZ"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
REIFIER = "SELECT ?n ?s ?p ?o ?g WHERE { GRAPH ?g { ?n rdf:reifies <<( ?s ?p ?o )>> } } ORDER BY ?n LIMIT 1"


@pytest.fixture(scope="module")
def expected(built_store: Path) -> dict[str, int]:
    from conftest import rdf11_counts

    return rdf11_counts(built_store)


def written(store, fmt: str, tmp_path: Path) -> Path:
    path = tmp_path / f"casckg.{fmt}"
    export(store, fmt, path)
    return path


def rdflib_dataset(path: Path, fmt: str) -> rdflib.Dataset:
    dataset = rdflib.Dataset()
    dataset.parse(path, format=fmt)
    return dataset


def quad_count(dataset: rdflib.Dataset) -> int:
    return sum(1 for _ in dataset.quads((None, None, None, None)))


def test_turtle_read_by_rdflib(store, tmp_path: Path, expected: dict[str, int]) -> None:
    graph = rdflib.Graph().parse(written(store, "ttl", tmp_path), format="turtle")
    assert len(graph) == expected["triples"]
    assert rdflib.Literal("Казахстан", lang="ru") in set(graph.objects(rdflib.URIRef(KAZ), rdflib.URIRef(LABEL)))


def test_ntriples_read_by_rdflib(store, tmp_path: Path, expected: dict[str, int]) -> None:
    assert len(rdflib.Graph().parse(written(store, "nt", tmp_path), format="nt")) == expected["triples"]


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("trig", "trig"), ("nq", "nquads")])
def test_quad_formats_read_by_rdflib_keep_every_source_graph(
    store, tmp_path: Path, expected: dict[str, int], fmt: str, rdflib_format: str
) -> None:
    dataset = rdflib_dataset(written(store, fmt, tmp_path), rdflib_format)
    assert quad_count(dataset) == expected["quads"]
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert graphs == set(store.named_graphs())


def test_the_trace_is_written_as_rdf11_reification(store, tmp_path: Path) -> None:
    """A reader without RDF 1.2 (rdflib here) gets each statement node's triple as rdf:subject,
    rdf:predicate and rdf:object, in the graph the store holds it in."""
    row = next(iter(store.query(REIFIER)))
    dataset = rdflib_dataset(written(store, "trig", tmp_path), "trig")
    graph = dataset.graph(rdflib.URIRef(row["g"].value))
    node = rdflib.URIRef(row["n"].value)
    rdf = rdflib.RDF
    assert {p: graph.value(node, p) for p in (rdf.subject, rdf.predicate)} == {
        rdf.subject: rdflib.URIRef(row["s"].value),
        rdf.predicate: rdflib.URIRef(row["p"].value),
    }
    assert str(graph.value(node, rdf.object)) == row["o"].value
    assert (node, rdflib.URIRef(PREFIXES["rdf"] + "reifies"), None) not in graph


def test_rdfxml_read_by_pyoxigraph(store, tmp_path: Path, expected: dict[str, int]) -> None:
    parsed = ox.parse(path=written(store, "xml", tmp_path), format=ox.RdfFormat.RDF_XML)
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in parsed}
    assert len(triples) == expected["triples"]
    assert ox.Triple(ox.NamedNode(KAZ), ox.NamedNode(LABEL), ox.Literal("Kazakhstan", language="en")) in triples


@pytest.mark.slow
def test_jsonld_expanded_by_pyld_and_read_by_pyoxigraph(store, tmp_path: Path, expected: dict[str, int]) -> None:
    path = written(store, "jsonld", tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"] == context()["@context"]  # the published context, embedded
    nquads = jsonld.to_rdf(jsonld.expand(document), {"format": "application/n-quads"})
    assert len(set(nquads.splitlines())) == expected["quads"]
    quads = list(ox.parse(path=path, format=ox.RdfFormat.JSON_LD))
    assert len(set(quads)) == expected["quads"]


def test_published_context_declares_the_project_prefixes() -> None:
    assert json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"] == PREFIXES


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_cli_exports_each_format(built_store: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "sub" / f"all.{fmt}"
    assert cli.main(["export", "--store", str(built_store), "--format", fmt, "--out", str(out)]) == 0
    assert out.stat().st_size > 1000


def test_failed_export_keeps_the_earlier_file(tmp_path: Path) -> None:
    from conftest import free_port

    path = tmp_path / "casckg.trig"
    path.write_text("earlier export\n")
    with pytest.raises(StoreError):
        export(RemoteStore(f"http://127.0.0.1:{free_port()}/query", timeout=5), "trig", path)
    assert path.read_text() == "earlier export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["casckg.trig"]
