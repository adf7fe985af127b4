"""Write the whole graph in a standard format: one writer function per format, in `WRITERS`.

TriG, N-Quads and JSON-LD keep the named graphs, and so which source says what; Turtle,
N-Triples and RDF/XML hold the union of the graphs (each triple once). pyoxigraph writes the
line and Turtle formats; rdflib writes RDF/XML and JSON-LD, compacted with the context the
project publishes (embedded, so a reader needs no network).

Every format is written in RDF 1.1, which every reader takes: the store's RDF 1.2 triple terms
(the reasoner's `?statement rdf:reifies <<( s p o )>>`) become the RDF 1.1 reification of the
same triple (`?statement rdf:subject s ; rdf:predicate p ; rdf:object o`), and a proof record's
link to a premise's triple a link to a blank node reifying it, see `rdf11`.

Network formats (GEXF for Gephi, GraphML for Cytoscape) write the projection of `network/projection.py`
with flat attributes, since both formats hold only scalars: one column per label language,
lists joined with " | ".
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx
import pyoxigraph as ox
import rdflib

from casckg.ingest.contract import CasckgError
from casckg.ontology import PREFIXES, context

from ..network.projection import LANGUAGES, label, project
from ..store.embedded import Store

_ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"

#: The formats `serialize` writes.
RDF_FORMATS = ("ttl", "trig", "nq", "nt", "xml", "jsonld")


def store_quads(store: Store) -> list[ox.Quad]:
    """Every quad of every named graph of the store."""
    return [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in store.query(_ALL_QUADS)]


def rdf11(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """The quads with each RDF 1.2 reifier written as an RDF 1.1 reification: many readers
    (rdflib, RDF 1.1 stores) cannot parse a triple term. Any other link to a triple term (the
    proof records' link from a statement node to a premise's triple) points to a blank node that
    is the RDF 1.1 reification of that triple, one per link, named after the link so that every
    export names it alike. A nested triple term has no RDF 1.1 form and is refused (ValueError)
    rather than silently dropped."""
    reifies = ox.NamedNode(PREFIXES["rdf"] + "reifies")
    parts = [ox.NamedNode(PREFIXES["rdf"] + name) for name in ("subject", "predicate", "object")]
    for q in quads:
        if not isinstance(q.object, ox.Triple) and not isinstance(q.subject, ox.Triple):
            yield q
        elif isinstance(q.subject, ox.Triple) or any(isinstance(t, ox.Triple) for t in q.object):
            raise ValueError(f"no RDF 1.1 form for the triple term in {q}")
        elif q.predicate == reifies:
            yield from (ox.Quad(q.subject, p, t, q.graph_name) for p, t in zip(parts, q.object, strict=True))
        else:
            key = f"{q.subject} {q.predicate} {q.object}".encode()
            node = ox.BlankNode("r" + hashlib.sha1(key, usedforsecurity=False).hexdigest())
            yield ox.Quad(q.subject, q.predicate, node, q.graph_name)
            yield from (ox.Quad(node, p, t, q.graph_name) for p, t in zip(parts, q.object, strict=True))


def union_triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    """The triples of all graphs, each once, in first-seen order."""
    return list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads))


def serialize(quads: Iterable[ox.Quad], fmt: str, out: BinaryIO, prefixes: dict[str, str] | None = None) -> int:
    """Write quads in one of RDF_FORMATS, in RDF 1.1 (`rdf11`); return how many quads (or, for
    triple formats, triples) were written."""
    quads = list(rdf11(quads))
    prefixes = prefixes or PREFIXES
    if fmt in ("trig", "nq"):
        ox_format = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
        ox.serialize(quads, out, ox_format, prefixes=prefixes if fmt == "trig" else None)
        return len(quads)
    if fmt == "jsonld":
        dataset = rdflib.Dataset()
        dataset.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS), format="nquads")
        out.write(dataset.serialize(format="json-ld", context=context()["@context"], indent=1, encoding="utf-8"))
        return len(quads)
    triples = union_triples(quads)
    if fmt in ("ttl", "nt"):
        ox_format = ox.RdfFormat.TURTLE if fmt == "ttl" else ox.RdfFormat.N_TRIPLES
        ox.serialize(triples, out, ox_format, prefixes=prefixes if fmt == "ttl" else None)
    elif fmt == "xml":
        graph = rdflib.Graph()
        graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
        for prefix, namespace in prefixes.items():
            graph.bind(prefix, namespace, replace=True)
        out.write(graph.serialize(format="xml", encoding="utf-8"))
    else:
        raise ValueError(f"unknown RDF format {fmt!r}; known: {', '.join(RDF_FORMATS)}")
    return len(triples)


def rdf_writer(fmt: str) -> Callable[[Store, BinaryIO], int]:
    """The writer of one RDF format: every quad of the store, serialised."""

    def write(store: Store, out: BinaryIO) -> int:
        return serialize(store_quads(store), fmt, out)

    write.__name__ = f"write_{fmt}"
    return write


JOIN = " | "


def flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The network with scalar attributes only, as GEXF and GraphML require."""
    terms = graph.graph.get("terms", {})
    out = nx.MultiDiGraph()
    for n, a in graph.nodes(data=True):
        attrs: dict[str, Any] = {
            "label": label(a, "en", n),
            "iri": n,
            "class": a["cls"],
            "type": a["type"],
            "wikidata": a["wikidata"],
            "aliases": JOIN.join(x for names in a["aliases"].values() for x in names),
            "sources": JOIN.join(a["sources"]),
            "citations": JOIN.join(a["citations"]),
            "start": a["start"],
            "end": a["end"],
        }
        attrs.update({f"label_{lang}": a["labels"].get(lang) for lang in LANGUAGES})
        attrs.update({f"{p}": v for p, v in a["properties"]})
        out.add_node(n, **{k.replace(":", "_"): v for k, v in attrs.items() if v not in (None, "")})
    for s, o, key, a in graph.edges(keys=True, data=True):
        attrs = {
            "relation": a["relation"],
            "label": terms.get(a["relation"], {}).get("en", a["relation"]),
            "inferred": a["inferred"],
            "sources": JOIN.join(a["sources"]),
            "links": JOIN.join(a["links"]),
            "evidence": JOIN.join(e["text"] for e in a["evidence"]),
            "start": a["start"],
            "end": a["end"],
            "count": a["count"],
            "via": a["via"],
        }
        out.add_edge(s, o, key=key, **{k: v for k, v in attrs.items() if v not in (None, "")})
    return out


def network_writer(write: Callable[[nx.MultiDiGraph, BinaryIO], None]) -> Callable[[Store, BinaryIO], int]:
    """The writer of one network format: the projection, flattened; returns how many nodes."""

    def writer(store: Store, out: BinaryIO) -> int:
        graph = flat(project(store))
        write(graph, out)
        return graph.number_of_nodes()

    writer.__name__ = f"write_{write.__name__}"
    return writer


#: Export format -> writer(store, binary file) returning how many quads, triples or nodes it wrote.
WRITERS: dict[str, Callable[[Store, BinaryIO], int]] = {
    "ttl": rdf_writer("ttl"),
    "trig": rdf_writer("trig"),
    "nq": rdf_writer("nq"),
    "nt": rdf_writer("nt"),
    "xml": rdf_writer("xml"),
    "jsonld": rdf_writer("jsonld"),
    "gexf": network_writer(nx.write_gexf),
    "graphml": network_writer(nx.write_graphml),
}


@contextmanager
def replacing(out: Path) -> Iterator[Path]:
    """A path to write to in place of `out`; it replaces `out` only when the block succeeds."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    try:
        yield partial
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


def export(store: Store, fmt: str, path: Path) -> int:
    """Write the store to `path` in format `fmt`; a failed export leaves any earlier file as it was."""
    if fmt not in WRITERS:
        raise CasckgError(f"unknown export format '{fmt}'; known: {', '.join(WRITERS)}")
    with replacing(path) as partial, partial.open("wb") as out:
        return WRITERS[fmt](store, out)
