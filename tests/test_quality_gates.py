"""The violation queries that keep the corpus build honest: each finds what it names on a small
graph that has the fault, and the corpus build has none of the faults extraction now avoids."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from casckg.graph.build.job import ontology_quads
from casckg.graph.store import EmbeddedStore, open_store
from casckg.queries import checks

CAS = "https://w3id.org/casckg/ontology#"
ID = "https://w3id.org/casckg/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ARTICLE = ox.NamedNode("https://w3id.org/casckg/source/article/a")
REFERENCE = ox.NamedNode("https://w3id.org/casckg/source/reference/states")


def n(text: str) -> ox.NamedNode:
    for prefix, iri in (("cas:", CAS), ("rdf:", RDF), ("id:", ID)):
        if text.startswith(prefix):
            return ox.NamedNode(iri + text[len(prefix) :])
    return ox.NamedNode(text)


def store_with(*quads: tuple) -> EmbeddedStore:
    store = EmbeddedStore()
    store.bulk_add(ontology_quads())
    base = [
        (ARTICLE, n("rdf:type"), n("cas:Article"), ARTICLE),
        (REFERENCE, n("rdf:type"), n("cas:ReferenceFile"), REFERENCE),
        (n("id:state/KAZ"), n("rdf:type"), n("cas:State"), REFERENCE),
        (n("id:state/KAZ"), RDFS_LABEL, ox.Literal("Казахстан", language="ru"), REFERENCE),
    ]
    store.bulk_add(ox.Quad(*q) for q in base + list(quads))
    return store


def culprits(store: EmbeddedStore, name: str) -> set[str]:
    return {row[0].value for row in store.query(checks()[name].text)}


def test_an_article_entity_tied_to_nothing_is_reported() -> None:
    store = store_with(
        (n("id:institution/main-centre"), n("rdf:type"), n("cas:Institution"), ARTICLE),
        (n("id:institution/kazcent"), n("rdf:type"), n("cas:Institution"), ARTICLE),
        (n("id:institution/kazcent"), n("cas:belongsToState"), n("id:state/KAZ"), ARTICLE),
    )
    assert culprits(store, "unconnected-entity-violation") == {ID + "institution/main-centre"}


def test_a_latin_label_tagged_russian_is_reported() -> None:
    store = store_with((n("id:state/KAZ"), RDFS_LABEL, ox.Literal("Kazakhstan", language="ru"), ARTICLE))
    assert culprits(store, "label-language-violation") == {ID + "state/KAZ"}


def test_a_count_from_a_sentence_that_does_not_name_its_mission_is_reported() -> None:
    sentence = "Kazakh officers serve in Western Sahara (six), the CAR (two) and Lebanon (nine)."
    quads = []
    for key, count, evidence in (
        ("unifil--2", "2", "two officers in the Central African Republic"),
        ("unifil--9", "9", sentence),
    ):
        deployment, assertion = n(f"id:deployment/state-KAZ--{key}"), ox.BlankNode()
        quads += [
            (deployment, n("cas:mission"), n("id:mission/unifil"), ARTICLE),
            (assertion, n("rdf:type"), n("cas:Assertion"), ARTICLE),
            (assertion, n("rdf:subject"), deployment, ARTICLE),
            (assertion, n("rdf:predicate"), n("cas:personnelCount"), ARTICLE),
            (assertion, n("rdf:object"), ox.Literal(count), ARTICLE),
            (assertion, n("cas:evidence"), ox.Literal(evidence), ARTICLE),
        ]
    quads.append(
        (n("id:mission/unifil"), RDFS_LABEL, ox.Literal("UN Interim Force in Lebanon", language="en"), REFERENCE)
    )
    store = store_with(*quads)
    assert culprits(store, "untied-count-violation") == {ID + "deployment/state-KAZ--unifil--2"}


def test_a_pair_kept_apart_at_the_merge_threshold_is_reported() -> None:
    def candidate(key: str, score: str) -> list[tuple]:
        node = n(f"{ARTICLE.value}/candidate/{key}")
        return [
            (node, n("rdf:type"), n("cas:MergeCandidate"), ARTICLE),
            (node, n("cas:candidateFrom"), n(f"id:person/{key}"), ARTICLE),
            (node, n("cas:candidateFor"), n("id:person/other"), ARTICLE),
            (
                node,
                n("cas:matchScore"),
                ox.Literal(score, datatype=n("http://www.w3.org/2001/XMLSchema#decimal")),
                ARTICLE,
            ),
        ]

    store = store_with(*candidate("strong", "1.000"), *candidate("weak", "0.600"))
    assert culprits(store, "likely-duplicate-violation") == {ID + "person/strong"}


def test_the_threshold_in_the_check_is_the_identity_rule_s() -> None:
    from casckg.graph.build.names import load_name_rule

    assert f">= {load_name_rule().threshold}" in checks()["likely-duplicate-violation"].text


@pytest.fixture(scope="module")
def built(corpus_store: Path):
    with open_store(corpus_store) as store:
        yield store


@pytest.mark.parametrize("name", ["label-language-violation", "untied-count-violation", "untyped-entity-violation"])
def test_the_corpus_build_has_none_of_these_faults(built, name: str) -> None:
    found = list(built.query(checks()[name].text))
    assert not found, f"{name}: {[str(row[0]) for row in found[:5]]}"
