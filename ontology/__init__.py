"""The casckg ontology, its SHACL shapes and JSON-LD context, as files beside this module.

The files are the source of truth; this module only says where they are and parses them, so
that every part of the project reads the same ontology.
"""

from __future__ import annotations

import json
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

