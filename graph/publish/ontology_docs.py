"""Human-readable documentation generated from the ontology itself, so it cannot drift from it.

Each class and property gets its labels in every language, its English definition, and the
axioms a reader needs (super-classes, domain, range, inverse, characteristics). The page
anchors each term by its local name, so the term IRIs (…/ontology#State) land on their entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
import rdflib
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from casckg import ontology


@dataclass
class TermDoc:
    name: str
    labels: list[tuple[str, str]]
    comment: str
    relations: list[tuple[str, list[ox.NamedNode]]] = field(default_factory=list)


@dataclass
class OntologyDoc:
    iri: str
    title: str
    description: str
    version: str
    license: str | None
    sections: list[tuple[str, list[TermDoc]]]


_SECTIONS = (
    ("Classes", OWL.Class, (("subclass of", RDFS.subClassOf), ("same as", OWL.equivalentClass))),
    (
        "Object properties",
        OWL.ObjectProperty,
        (
            ("domain", RDFS.domain),
            ("range", RDFS.range),
            ("inverse of", OWL.inverseOf),
            ("sub-property of", RDFS.subPropertyOf),
        ),
    ),
    ("Datatype properties", OWL.DatatypeProperty, (("domain", RDFS.domain), ("range", RDFS.range))),
)
_CHARACTERISTICS = (
    OWL.TransitiveProperty,
    OWL.SymmetricProperty,
    OWL.FunctionalProperty,
    OWL.InverseFunctionalProperty,
)


def _text(graph: rdflib.Graph, subject: rdflib.term.Node, predicate: rdflib.URIRef, lang: str = "en") -> str:
    values = list(graph.objects(subject, predicate))
    preferred = [v for v in values if getattr(v, "language", None) == lang]
    return str((preferred or values or [""])[0])


def document(graph: rdflib.Graph | None = None) -> OntologyDoc:
    """The documentation of the ontology (parsed from its Turtle unless a graph is given)."""
    graph = graph if graph is not None else ontology.load()
    head = rdflib.URIRef(ontology.ONTOLOGY_IRI)
    sections = []
    for title, kind, relations in _SECTIONS:
        terms = []
        for subject in sorted(s for s in graph.subjects(RDF.type, kind) if str(s).startswith(ontology.NAMESPACE)):
            labels = sorted((lit.language or "", str(lit)) for lit in graph.objects(subject, RDFS.label))
            order = {"en": 0, "fr": 1, "ru": 2}
            labels.sort(key=lambda pair: order.get(pair[0], 3))
            doc = TermDoc(str(subject)[len(ontology.NAMESPACE) :], labels, _text(graph, subject, RDFS.comment))
            for name, predicate in relations:
                values = sorted(
                    ox.NamedNode(str(v)) for v in graph.objects(subject, predicate) if isinstance(v, rdflib.URIRef)
                )
                if values:
                    doc.relations.append((name, values))
            traits = [ox.NamedNode(str(t)) for t in _CHARACTERISTICS if (subject, RDF.type, t) in graph]
            if traits:
                doc.relations.append(("characteristics", traits))
            terms.append(doc)
        sections.append((title, terms))
    license_ = graph.value(head, DCTERMS.license)
    return OntologyDoc(
        iri=ontology.ONTOLOGY_IRI,
        title=_text(graph, head, DCTERMS.title),
        description=_text(graph, head, DCTERMS.description),
        version=_text(graph, head, OWL.versionInfo),
        license=str(license_) if license_ else None,
        sections=sections,
    )
