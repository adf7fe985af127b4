"""The casckg ontology, its SHACL shapes and JSON-LD context, as files beside this module.

The files are the source of truth; this module only says where they are and parses them, so
that every part of the project reads the same ontology.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rdflib is imported by the functions that parse, so importing this module stays cheap
    import rdflib

HERE = Path(__file__).parent
ONTOLOGY_PATH = HERE / "casckg.ttl"
SHAPES_PATH = HERE / "shapes.ttl"
CONTEXT_PATH = HERE / "context.jsonld"

ONTOLOGY_IRI = "https://w3id.org/casckg/ontology"
CONTEXT_IRI = "https://w3id.org/casckg/context.jsonld"
NAMESPACE = "https://w3id.org/casckg/ontology#"


def load() -> rdflib.Graph:
    """Parse the ontology into a fresh rdflib graph."""
    import rdflib

    return rdflib.Graph().parse(ONTOLOGY_PATH, format="turtle")


def context() -> dict:
    """The JSON-LD context the project publishes (at CONTEXT_IRI): the project's prefixes."""
    return json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))


def load_shapes() -> rdflib.Graph:
    """Parse the SHACL shapes into a fresh rdflib graph."""
    import rdflib

    return rdflib.Graph().parse(SHAPES_PATH, format="turtle")


#: The prefixes the project writes and reads: Turtle output, CURIEs in records, query headers.
PREFIXES: dict[str, str] = {
    "cas": NAMESPACE,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "wd": "http://www.wikidata.org/entity/",
}


def expand(curie: str) -> str:
    """The full IRI of a CURIE written with one of PREFIXES ("cas:participant")."""
    prefix, sep, local = curie.partition(":")
    if not sep or prefix not in PREFIXES:
        raise KeyError(f"not a known CURIE: {curie!r}")
    return PREFIXES[prefix] + local


@cache
def domains_and_ranges() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Each cas: property's rdfs:domain and rdfs:range, as the cas: classes they admit (local names).

    Read once from the ontology, so the code checks what the ontology says: subclasses are
    admitted with their class, a union (cas:Location) stands for its members, and the range of
    a property's inverse is its domain (and the other way round). Properties without a cas:
    class there have no entry; datatype ranges are left out. (pyoxigraph parses the file in a
    few milliseconds; rdflib would take most of a second.)

    >>> domains, ranges = domains_and_ranges()
    >>> {"State", "Institution", "Person", "MilitaryUnit"} <= ranges["cas:participant"]
    True
    >>> "Summit" in domains["cas:participant"], "Forum" in ranges["cas:participant"]
    (True, False)
    """
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE)
    rdf, rdfs, owl = (PREFIXES[p] for p in ("rdf", "rdfs", "owl"))

    def objects(s: ox.NamedNode | ox.BlankNode, p: str) -> list:
        return [q.object for q in store.quads_for_pattern(s, ox.NamedNode(p), None)]

    def subjects(p: str, o: ox.NamedNode | ox.BlankNode) -> list:
        return [q.subject for q in store.quads_for_pattern(None, ox.NamedNode(p), o)]

    def members(items: ox.BlankNode | ox.NamedNode) -> list:
        out = []
        while isinstance(items, ox.BlankNode):
            out += objects(items, rdf + "first")
            items = next(iter(objects(items, rdf + "rest")), None)
        return out

    def admitted(cls: ox.NamedNode | ox.BlankNode) -> set[str]:
        if isinstance(cls, ox.BlankNode):
            return {n for union in objects(cls, owl + "unionOf") for m in members(union) for n in admitted(m)}
        if not cls.value.startswith(NAMESPACE):
            return set()
        found = {cls.value[len(NAMESPACE) :]}
        for related in [*subjects(rdfs + "subClassOf", cls), *objects(cls, owl + "equivalentClass")]:
            found |= admitted(related)
        return found

    def table(own: str, inverse: str) -> dict[str, frozenset[str]]:
        out: dict[str, frozenset[str]] = {}
        for prop in subjects(rdf + "type", ox.NamedNode(owl + "ObjectProperty")):
            if not prop.value.startswith(NAMESPACE):
                continue
            inverses = [*objects(prop, owl + "inverseOf"), *subjects(owl + "inverseOf", prop)]
            classes = [*objects(prop, own), *(c for i in inverses for c in objects(i, inverse))]
            sets = [s for s in map(admitted, classes) if s]
            if sets:
                out["cas:" + prop.value[len(NAMESPACE) :]] = frozenset(set.intersection(*sets))
        return out

    return table(rdfs + "domain", rdfs + "range"), table(rdfs + "range", rdfs + "domain")
