"""The dataset described for machines: VoID and DCAT, counted from the store as it is.

The description says what the dataset is (title, licence, vocabulary), how big it is (triples,
entities, per class and per source graph), where it comes from (one subset per source graph,
with its file and primary source), how to get it (the SPARQL endpoint and one download per
export format) and where to start (example resources).
"""

from __future__ import annotations

import pyoxigraph as ox
import rdflib
from rdflib.namespace import DCTERMS

from casckg import ontology
from casckg.ontology import PREFIXES

from ..build.mint import base_iri
from ..store.embedded import Store

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
PREFIXES_VOID = {**PREFIXES, "void": VOID, "dcat": DCAT}

# Sizes are those of the published (RDF 1.1) form, the dumps' (export.rdf11): a statement node's one
# quad `n rdf:reifies <<( s p o )>>` is published as three (rdf:subject, rdf:predicate, rdf:object),
# and a proof record's link `n rule <<( s p o )>>` as four (the link to a blank node, and its three),
# the blank node standing for one link (here the link itself, as a triple term, names it).
_SIZE = """SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties)
WHERE { SELECT DISTINCT ?s ?p ?o WHERE {
  { GRAPH ?g { ?s ?p ?o } FILTER(?p != rdf:reifies) }
  UNION { GRAPH ?g { ?s rdf:reifies ?t } VALUES ?p { rdf:subject rdf:predicate rdf:object }
    BIND(IF(?p = rdf:subject, SUBJECT(?t), IF(?p = rdf:predicate, PREDICATE(?t), OBJECT(?t))) AS ?o) }
  UNION { GRAPH ?g { ?n ?link ?t } FILTER(isTRIPLE(?t) && ?link != rdf:reifies) BIND(TRIPLE(?n, ?link, ?t) AS ?s)
    VALUES ?p { rdf:subject rdf:predicate rdf:object }
    BIND(IF(?p = rdf:subject, SUBJECT(?t), IF(?p = rdf:predicate, PREDICATE(?t), OBJECT(?t))) AS ?o) } } }"""
_ENTITIES = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(STRSTARTS(STR(?s), ?space)) }"
_CLASSES = """SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(STRSTARTS(STR(?c), STR(cas:))) }
GROUP BY ?c ORDER BY ?c"""
_SOURCES = """SELECT ?g (SUM(IF(?p = rdf:reifies, 3, IF(isTRIPLE(?o), 4, 1))) AS ?n)
  (SAMPLE(?file) AS ?path) (SAMPLE(?t) AS ?title) (SAMPLE(?url) AS ?primary)
WHERE { GRAPH ?g { ?s ?p ?o }
  OPTIONAL { GRAPH ?g { ?g dcterms:source ?file } } OPTIONAL { GRAPH ?g { ?g dcterms:title ?t } }
  OPTIONAL { GRAPH ?g { ?g prov:hadPrimarySource ?url } } }
GROUP BY ?g ORDER BY ?g"""
_EXAMPLES = """SELECT ?c (MIN(STR(?s)) AS ?example) WHERE { ?s a ?c VALUES ?c { cas:State cas:Institution cas:Forum
  cas:Agreement cas:Mission } } GROUP BY ?c ORDER BY ?c"""

#: Download formats of /dump: export name -> (file name, media type).
DUMPS = {
    "ttl": ("casckg.ttl", "text/turtle"),
    "trig": ("casckg.trig", "application/trig"),
    "nq": ("casckg.nq", "application/n-quads"),
    "nt": ("casckg.nt", "application/n-triples"),
    "xml": ("casckg.rdf", "application/rdf+xml"),
    "jsonld": ("casckg.jsonld", "application/ld+json"),
}


def _n(curie_or_iri: str) -> ox.NamedNode:
    prefix, sep, local = curie_or_iri.partition(":")
    if sep and prefix in PREFIXES_VOID:
        return ox.NamedNode(PREFIXES_VOID[prefix] + local)
    return ox.NamedNode(curie_or_iri)


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(PREFIXES["xsd"] + "integer"))


def dataset_iri() -> str:
    return f"{base_iri()}void#dataset"


def void_quads(store: Store) -> list[ox.Quad]:
    """The VoID/DCAT description of what `store` holds, as default-graph quads."""
    base = base_iri()
    ds = ox.NamedNode(dataset_iri())
    triples: list[tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.Literal | ox.BlankNode]] = []

    def add(s: ox.NamedNode | ox.BlankNode, p: str, o: ox.NamedNode | ox.Literal | ox.BlankNode) -> None:
        triples.append((s, _n(p), o))

    onto = ox.NamedNode(ontology.ONTOLOGY_IRI)
    licence = ontology.load().value(rdflib.URIRef(ontology.ONTOLOGY_IRI), DCTERMS.license)
    add(ds, "rdf:type", _n("void:Dataset"))
    add(ds, "rdf:type", _n("dcat:Dataset"))
    add(ds, "dcterms:title", ox.Literal("casckg: security cooperation in Central Asia", language="en"))
    add(
        ds,
        "dcterms:description",
        ox.Literal(
            "An open knowledge graph of security cooperation in Central Asia: who met whom, who signed what, "
            "who deployed where, since when, and which source says so (one named graph per source).",
            language="en",
        ),
    )
    if licence:
        add(ds, "dcterms:license", ox.NamedNode(str(licence)))
    add(ds, "void:vocabulary", ox.NamedNode(ontology.NAMESPACE))
    add(ds, "dcterms:conformsTo", onto)
    add(ds, "void:uriSpace", ox.Literal(f"{base}id/"))
    add(ds, "void:sparqlEndpoint", ox.NamedNode(f"{base}sparql"))
    service = ox.NamedNode(f"{base}sparql")
    add(ds, "dcat:accessService", service)
    add(service, "rdf:type", _n("dcat:DataService"))
    add(service, "dcat:endpointURL", service)
    add(service, "dcterms:conformsTo", ox.NamedNode("https://www.w3.org/TR/sparql11-protocol/"))

    size = next(iter(store.query(_SIZE)))
    add(ds, "void:triples", _int(int(size["triples"].value)))
    add(ds, "void:distinctSubjects", _int(int(size["subjects"].value)))
    add(ds, "void:properties", _int(int(size["properties"].value)))
    entities = next(iter(store.query(_ENTITIES, {"space": ox.Literal(f"{base}id/")})))
    add(ds, "void:entities", _int(int(entities["n"].value)))

    for i, row in enumerate(store.query(_CLASSES)):
        part = ox.BlankNode(f"class{i}")
        add(ds, "void:classPartition", part)
        add(part, "void:class", row["c"])
        add(part, "void:entities", _int(int(row["n"].value)))

    for row in store.query(_SOURCES):
        graph = row["g"]
        add(ds, "void:subset", graph)
        add(graph, "rdf:type", _n("void:Dataset"))
        add(graph, "void:triples", _int(int(row["n"].value)))
        for key, predicate in (
            ("path", "dcterms:source"),
            ("title", "dcterms:title"),
            ("primary", "prov:hadPrimarySource"),
        ):
            if row[key] is not None:
                add(graph, predicate, row[key])

    for row in store.query(_EXAMPLES):
        add(ds, "void:exampleResource", ox.NamedNode(row["example"].value))

    for fmt, (file, media) in DUMPS.items():
        url = ox.NamedNode(f"{base}dump/{file}")
        add(ds, "void:dataDump", url)
        dist = ox.NamedNode(f"{base}dump/{file}#distribution")
        add(ds, "dcat:distribution", dist)
        add(dist, "rdf:type", _n("dcat:Distribution"))
        add(dist, "dcat:downloadURL", url)
        add(dist, "dcat:mediaType", ox.NamedNode(f"https://www.iana.org/assignments/media-types/{media}"))
        add(dist, "dcterms:format", ox.Literal(fmt))
    return [ox.Quad(s, p, o) for s, p, o in sorted(triples, key=lambda t: str(t[0]))]  # grouped by subject


def summary(quads: list[ox.Quad]) -> dict[str, object]:
    """The VoID description arranged for its HTML page: the dataset's facts, its classes, its
    source graphs and its example resources (read back from the quads, so the page and the
    Turtle say the same)."""
    about: dict[str, dict[str, list[ox.Term]]] = {}
    for q in quads:
        about.setdefault(str(q.subject), {}).setdefault(q.predicate.value, []).append(q.object)

    def one(node: str, curie: str) -> ox.Term | None:
        values = about.get(node, {}).get(_n(curie).value, [])
        return values[0] if values else None

    ds = str(ox.NamedNode(dataset_iri()))
    classes = [
        (one(str(part), "void:class"), one(str(part), "void:entities"))
        for part in about.get(ds, {}).get(_n("void:classPartition").value, [])
    ]
    subsets = [
        (
            graph,
            one(str(graph), "dcterms:title"),
            one(str(graph), "void:triples"),
            one(str(graph), "prov:hadPrimarySource"),
            one(str(graph), "dcterms:source"),
        )
        for graph in about.get(ds, {}).get(_n("void:subset").value, [])
    ]
    counts = [(name, one(ds, f"void:{name}")) for name in ("triples", "entities", "distinctSubjects", "properties")]
    return {
        "title": one(ds, "dcterms:title"),
        "description": one(ds, "dcterms:description"),
        "license": one(ds, "dcterms:license"),
        "endpoint": one(ds, "void:sparqlEndpoint"),
        "counts": counts,
        "classes": sorted(classes, key=lambda c: -int(c[1].value) if c[1] is not None else 0),
        "subsets": sorted(subsets, key=lambda s: s[0].value),
        "examples": about.get(ds, {}).get(_n("void:exampleResource").value, []),
    }
