"""Documents become quads: one named graph per source, with PROV-O saying where it came from.

Curated statements are plain triples in their source's graph (the record's `cas:citation` URLs
say who states them). Extracted statements also get a `cas:Assertion` node: the reified triple
with its evidence sentence, offsets, extractor and confidence, so SPARQL can reach the sentence
behind every edge. An article's forums merged into entities already in the graph get a
`cas:Merge` node (a prov:Activity) saying which name went into which entity, the score and the
shared evidence. Nothing here reads the clock or counts: the time of an ingest run is passed in
(`recorded_at`), so the same documents give the same quads on every machine and builds are
idempotent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from pyoxigraph import Literal as OxLiteral
from pyoxigraph import NamedNode, Quad

from casckg.ingest.contract import Document, Literal, Ref, Statement
from casckg.ontology import PREFIXES, expand

from .mint import base_iri, entity_iri, source_iri

if TYPE_CHECKING:
    from .identity import Candidate, Merge

RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
XSD = PREFIXES["xsd"]
SOURCE_CLASSES = {"reference": "cas:ReferenceFile", "article": "cas:Article"}


@cache
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


def document_quads(
    doc: Document,
    base: str | None = None,
    *,
    recorded_at: str | None = None,
    merges: Iterable[Merge] = (),
    candidates: Iterable[Candidate] = (),
) -> Iterator[Quad]:
    """Every quad of one document's named graph.

    `recorded_at` (an xsd:dateTime) is when the ingest ran; builds leave it out or pass a fixed
    time so that they stay byte-for-byte repeatable. `merges` are the identity decisions taken
    for the document and `candidates` the pairs it left for an analyst (`identity.resolve`).
    """
    base = base or base_iri()
    src = doc.source
    graph = NamedNode(source_iri(src, base))

    def q(s: NamedNode, p: NamedNode, o: NamedNode | OxLiteral) -> Quad:
        return Quad(s, p, o, graph)

    yield from _source_quads(doc, graph, base, recorded_at)
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
    for merge in merges:
        yield from _merge_quads(merge, graph, base)
    for candidate in candidates:
        yield from _candidate_quads(candidate, graph, base)


def _source_quads(doc: Document, graph: NamedNode, base: str, recorded_at: str | None = None) -> Iterator[Quad]:
    src = doc.source
    activity = NamedNode(f"{graph.value}/ingest/{src.sha256[:16]}")
    agent = NamedNode(f"{base}software/casckg/{software_version()}")
    quads = [
        (graph, RDF_TYPE, _n(SOURCE_CLASSES[src.kind])),
        (graph, _n("dcterms:identifier"), OxLiteral(f"sha256:{src.sha256}")),
        (graph, _n("dcterms:source"), OxLiteral(src.published_name)),
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
    if recorded_at:
        optional.append(("prov:generatedAtTime", OxLiteral(recorded_at, datatype=NamedNode(XSD + "dateTime"))))
        quads.append((activity, _n("prov:endedAtTime"), OxLiteral(recorded_at, datatype=NamedNode(XSD + "dateTime"))))
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


SHARED = {
    "organiser": "cas:sharedOrganiser",
    "participants": "cas:sharedParticipant",
    "place": "cas:sharedPlace",
    "date": "cas:sharedDate",
    "name": "cas:sharedName",
    "context": "cas:sharedContext",
}


def _merge_quads(merge: Merge, graph: NamedNode, base: str) -> Iterator[Quad]:
    """The record of one merge: a cas:Merge activity in the article's graph."""
    local = entity_iri(merge.local, base)
    node = NamedNode(f"{graph.value}/merge/{hashlib.sha256(local.encode()).hexdigest()[:20]}")
    values: list[tuple[NamedNode, NamedNode | OxLiteral]] = [
        (RDF_TYPE, _n("cas:Merge")),
        (RDF_TYPE, _n("prov:Activity")),
        (_n("cas:mergedFrom"), NamedNode(local)),
        (_n("cas:mergedInto"), NamedNode(entity_iri(merge.into, base))),
    ]
    yield from _match_quads(node, values, merge, graph, base)


def _candidate_quads(candidate: Candidate, graph: NamedNode, base: str) -> Iterator[Quad]:
    """The record of a pair kept apart: a cas:MergeCandidate in the article's graph."""
    local, other = entity_iri(candidate.local, base), entity_iri(candidate.other, base)
    node = NamedNode(f"{graph.value}/candidate/{hashlib.sha256(f'{local} {other}'.encode()).hexdigest()[:20]}")
    values: list[tuple[NamedNode, NamedNode | OxLiteral]] = [
        (RDF_TYPE, _n("cas:MergeCandidate")),
        (_n("cas:candidateFrom"), NamedNode(local)),
        (_n("cas:candidateFor"), NamedNode(entity_iri(candidate.other, base))),
    ]
    yield from _match_quads(node, values, candidate, graph, base)


def _match_quads(
    node: NamedNode, values: list, match: Merge | Candidate, graph: NamedNode, base: str
) -> Iterator[Quad]:
    """A merge's or a candidate's quads: its own `values`, then the score, the software, the
    article's name and the shared evidence, which both record alike."""
    values = [
        *values,
        (_n("cas:matchScore"), OxLiteral(f"{match.score:.3f}", datatype=NamedNode(XSD + "decimal"))),
        (_n("prov:wasAssociatedWith"), NamedNode(f"{base}software/casckg/{software_version()}")),
    ]
    if match.name is not None:
        values.append((_n("cas:mergedName"), term(match.name, base)))
    for feature, shared in sorted(match.shared.items()):
        values += [(_n(SHARED[feature]), term(value, base)) for value in shared]
    for pred, obj in values:
        yield Quad(node, pred, obj, graph)
