"""The ontology: documented in three languages, closed vocabulary up to date, and consistent."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, URIRef

from casckg import ontology
from casckg.ontology import generate_vocab

LANGUAGES = {"en", "fr", "ru"}


@pytest.fixture(scope="module")
def onto():
    return ontology.load()


def terms(graph, kinds=(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)):
    return sorted(
        {s for k in kinds for s in graph.subjects(RDF.type, k) if isinstance(s, URIRef) and ontology.NAMESPACE in s}
    )


def test_vocab_module_is_regenerated_from_the_ontology() -> None:
    assert generate_vocab.VOCAB_PATH.read_text(encoding="utf-8") == generate_vocab.render(), (
        "vocab.py is out of date: run python -m casckg.ontology.generate_vocab"
    )


def test_every_term_has_label_and_comment_in_en_fr_ru(onto) -> None:
    missing = []
    for term in terms(onto):
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in onto.objects(term, prop)}
            if not langs >= LANGUAGES:
                missing.append(f"{term} {prop.fragment or prop}: {sorted(LANGUAGES - langs)}")
    assert missing == []


def test_ontology_header_has_version_and_licence(onto) -> None:
    iri = URIRef(ontology.ONTOLOGY_IRI)
    assert (iri, RDF.type, OWL.Ontology) in onto
    assert onto.value(iri, OWL.versionIRI) is not None
    assert onto.value(iri, URIRef("http://purl.org/dc/terms/license")) is not None


def test_core_classes_align_with_standard_vocabularies(onto) -> None:
    cas, org, prov, schema = (ontology.PREFIXES[p] for p in ("cas", "org", "prov", "schema"))
    expected = {
        ("Institution", org + "Organization"),
        ("Membership", org + "Membership"),
        ("Source", prov + "Entity"),
        ("Forum", schema + "Event"),
        ("Person", schema + "Person"),
        ("Place", schema + "Place"),
    }
    for local, parent in expected:
        assert (URIRef(cas + local), RDFS.subClassOf, URIRef(parent)) in onto, (local, parent)


def test_transitive_and_symmetric_characteristics(onto) -> None:
    cas = ontology.NAMESPACE
    assert (URIRef(cas + "partOf"), RDF.type, OWL.TransitiveProperty) in onto
    assert (URIRef(cas + "locatedIn"), RDF.type, OWL.TransitiveProperty) in onto
    assert (URIRef(cas + "cooperatesWith"), RDF.type, OWL.SymmetricProperty) in onto


def test_every_object_property_has_a_domain_or_range_or_inverse(onto) -> None:
    loose = [
        p
        for p in terms(onto, (OWL.ObjectProperty,))
        if not any(onto.value(p, q) for q in (RDFS.domain, RDFS.range, OWL.inverseOf))
        and not any(onto.subjects(OWL.inverseOf, p))
    ]
    # cas:discussed and cas:citation may point at anything; everything else is constrained.
    assert [str(p).rsplit("#", 1)[1] for p in loose] == ["citation"]


@pytest.mark.slow
def test_ontology_is_consistent_under_hermit(tmp_path) -> None:
    from casckg.graph.check import run_hermit
    from casckg.graph.store.embedded import EmbeddedStore

    consistent, unsatisfiable = run_hermit(EmbeddedStore())
    assert consistent
    assert unsatisfiable == []
