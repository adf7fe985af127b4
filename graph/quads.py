"""Documents become quads: one named graph per source, with PROV-O saying where it came from.

Curated statements are plain triples in their source's graph (the record's `cas:citation` URLs
say who states them). Extracted statements also get a `cas:Assertion` node: the reified triple
with its evidence sentence, offsets, extractor and confidence, so SPARQL can reach the sentence
behind every edge. Nothing here reads the clock or counts: the same documents give the same
quads on every machine, so builds are idempotent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, version

from pyoxigraph import Literal as OxLiteral
from pyoxigraph import NamedNode, Quad

from casckg.ingest.records import Document, Literal, Ref, Statement
from casckg.ontology import PREFIXES, expand

from .mint import base_iri, entity_iri, source_iri

RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
XSD = PREFIXES["xsd"]
SOURCE_CLASSES = {"reference": "cas:ReferenceFile", "article": "cas:Article"}


def software_version() -> str:
    try:
        return version("casckg")
    except PackageNotFoundError:
        return "0+unknown"


def _n(curie: str) -> NamedNode:
    return NamedNode(expand(curie))


def term(value: Ref | Literal | str, base: str) -> NamedNode | OxLiteral:
    """The RDF term for a statement's object."""
    if isinstance(value, Ref):
        return NamedNode(entity_iri(value, base))
    if isinstance(value, Literal):
        if value.language:
            return OxLiteral(value.value, language=value.language)
        if value.datatype:
            return OxLiteral(value.value, datatype=NamedNode(XSD + value.datatype))
        return OxLiteral(value.value)
    return NamedNode(value)


def document_quads(doc: Document, base: str | None = None) -> Iterator[Quad]:
    """Every quad of one document's named graph."""
    base = base or base_iri()
    src = doc.source
    graph = NamedNode(source_iri(src, base))

    def q(s: NamedNode, p: NamedNode, o: NamedNode | OxLiteral) -> Quad:
        return Quad(s, p, o, graph)

    yield from _source_quads(doc, graph, base)
    for entity in doc.entities:
        subject = NamedNode(entity_iri(entity.ref, base))
        for cls in entity.classes:
            yield q(subject, RDF_TYPE, _n(f"cas:{cls}"))
    for statement in doc.statements:
        s = NamedNode(entity_iri(statement.subject, base))
        p = _n(statement.predicate)
        o = term(statement.object, base)
        yield q(s, p, o)
        if statement.evidence is not None:
            yield from _assertion_quads(statement, s, p, o, graph)


def _source_quads(doc: Document, graph: NamedNode, base: str) -> Iterator[Quad]:
    src = doc.source
    activity = NamedNode(f"{graph.value}/ingest/{src.sha256[:16]}")
    agent = NamedNode(f"{base}software/casckg/{software_version()}")
    quads = [
        (graph, RDF_TYPE, _n(SOURCE_CLASSES[src.kind])),
        (graph, _n("dcterms:identifier"), OxLiteral(f"sha256:{src.sha256}")),
        (graph, _n("dcterms:source"), OxLiteral(src.path)),
        (graph, _n("prov:wasGeneratedBy"), activity),
        (activity, RDF_TYPE, _n("prov:Activity")),
        (activity, _n("prov:wasAssociatedWith"), agent),
        (agent, RDF_TYPE, _n("prov:SoftwareAgent")),
        (agent, _n("rdfs:label"), OxLiteral(f"casckg {software_version()}")),
    ]
    optional = [
        ("dcterms:title", src.title and OxLiteral(src.title)),
        ("prov:hadPrimarySource", src.url and NamedNode(src.url)),
        ("dcterms:publisher", src.publisher and OxLiteral(src.publisher)),
        ("dcterms:language", src.language and OxLiteral(src.language)),
        ("dcterms:issued", src.published and OxLiteral(src.published, datatype=NamedNode(XSD + "date"))),
    ]
    quads += [(graph, _n(p), o) for p, o in optional if o]
    for s, p, o in quads:
        yield Quad(s, p, o, graph)


def _assertion_quads(
    statement: Statement, s: NamedNode, p: NamedNode, o: NamedNode | OxLiteral, graph: NamedNode
) -> Iterator[Quad]:
    ev = statement.evidence
    assert ev is not None
    digest = hashlib.sha256(f"{s}|{p}|{o}|{ev.start}|{ev.end}".encode()).hexdigest()[:20]
    node = NamedNode(f"{graph.value}/assertion/{digest}")
    values = [
        (RDF_TYPE, _n("cas:Assertion")),
        (_n("rdf:subject"), s),
        (_n("rdf:predicate"), p),
        (_n("rdf:object"), o),
        (_n("cas:evidence"), OxLiteral(ev.text)),
        (_n("cas:startOffset"), OxLiteral(str(ev.start), datatype=NamedNode(XSD + "integer"))),
        (_n("cas:endOffset"), OxLiteral(str(ev.end), datatype=NamedNode(XSD + "integer"))),
        (_n("prov:wasDerivedFrom"), graph),
    ]
    if statement.confidence is not None:
        values.append(
            (_n("cas:confidence"), OxLiteral(f"{statement.confidence:.3f}", datatype=NamedNode(XSD + "decimal")))
        )
    if statement.extractor:
        values.append((_n("cas:extractor"), OxLiteral(statement.extractor)))
    for pred, obj in values:
        yield Quad(node, pred, obj, graph)
