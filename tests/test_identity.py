"""One real-world event reported by several sources becomes one node; different events stay apart.

The seed articles report one roundtable in two languages under different names
(../shared/corpus/cross-document.yaml). Ingested into a store whose reference records do not
list that event, the second article's forum must be merged into the first one's by the identity
rule, and the merge recorded; two events with the same organiser but other dates and
participants must not be merged.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import SOURCES
from goldnames import Names, gold_names, load_gold

from casckg.graph.build.articles import ingest_articles
from casckg.graph.build.identity import Profile, compare, compare_dates, load_rule, resolve_forums
from casckg.graph.build.job import build
from casckg.graph.build.mint import entity_iri, source_iri
from casckg.graph.store import open_store
from casckg.ingest.records import Document, Entity, Literal, Ref, Source, Statement

CAS = "https://w3id.org/casckg/ontology#"


@pytest.fixture(scope="module")
def store_without_the_event(tmp_path_factory: pytest.TempPathFactory, corpus: Path):
    """Reference records without the seeds' event (so no name links it), then both seeds ingested."""
    root = tmp_path_factory.mktemp("identity")
    shutil.copytree(SOURCES / "reference", root / "sources" / "reference")
    forums = root / "sources" / "reference" / "forums.yaml"
    data = yaml.safe_load(forums.read_text(encoding="utf-8"))
    data["records"] = [r for r in data["records"] if "lapresseturquoise.fr" not in " ".join(r.get("sources", []))]
    forums.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    build(root / "sources", root / "store")
    with open_store(root / "store", read_only=False) as store:
        report = ingest_articles(store, [corpus / "seeds"])
    assert len(report.ingested) == 2
    with open_store(root / "store") as store:
        yield store, report


def _event(corpus: Path) -> dict:
    return yaml.safe_load((corpus / "cross-document.yaml").read_text(encoding="utf-8"))["same_entity"][0]


def test_the_event_both_seeds_report_is_one_node_with_participants_from_both(store_without_the_event, corpus):
    store, _ = store_without_the_event
    event = _event(corpus)
    graphs = [source_iri(Source("article", s.split("/")[-1], "", "")) for s in event["sources"]]
    names = Names(store)
    golds = [load_gold(corpus / f"{s}.gold.yaml") for s in event["sources"]]
    organiser = set.union(*(gold_names(g)["KAZCENT"] for g in golds))
    kazcent = names.named(organiser)
    # forums organised by KAZCENT (cross-document.yaml: same organiser) in either seed graph
    forums: dict[str, set[str]] = {}
    rows = store.query("SELECT DISTINCT ?forum ?g ?org WHERE { GRAPH ?g { ?forum cas:organizedBy ?org } }")
    for row in rows:
        if row["g"].value in graphs and row["org"].value in kazcent:
            forums.setdefault(row["forum"].value, set()).add(row["g"].value)
    assert len(forums) == 1, f"one node for the event, not {sorted(forums)}"
    ((forum, said_by),) = forums.items()
    assert said_by == set(graphs)
    participants = {
        row["p"].value: row["g"].value
        for row in store.query(f"SELECT ?p ?g WHERE {{ GRAPH ?g {{ <{forum}> cas:participant ?p }} }}")
    }
    # a participant only the French gold names, and one only the English gold names, both on the node
    fr, en = (
        gold_names(g) for g in sorted(golds, key=lambda g: "Ministry of Defence of Tajikistan" not in gold_names(g))
    )
    assert any(names.is_one_of(p, fr["Ministry of Defence of Tajikistan"]) for p in participants)
    assert any(names.is_one_of(p, en["Ministry of Defence of Kazakhstan"]) for p in participants)
    assert {g for p, g in participants.items()} == set(graphs)


def test_the_merge_is_recorded_with_score_and_shared_evidence(store_without_the_event, corpus):
    store, report = store_without_the_event
    merges = [m for item in report.ingested for m in item.merges]
    assert merges, "the second seed's forum was merged into the first's"
    rows = list(
        store.query(
            "SELECT ?m ?into ?score ?org ?g WHERE { GRAPH ?g { ?m a cas:Merge , prov:Activity ; cas:mergedInto ?into ;"
            " cas:matchScore ?score ; cas:sharedOrganiser ?org ; cas:mergedName ?name ; cas:sharedParticipant ?p } }"
        )
    )
    assert rows
    names = Names(store)
    kazcent = gold_names(load_gold(corpus / "seeds" / "turkishnewsworld-kazcent-roundtable-en.gold.yaml"))["KAZCENT"]
    assert all(names.is_one_of(r["org"].value, kazcent) for r in rows)
    assert all(float(r["score"].value) >= load_rule().threshold for r in rows)


def _forum_doc(key: str, forum: str, statements: list[tuple[str, object]]) -> Document:
    ref = Ref("forum", forum)
    return Document(
        Source("article", key, f"{key}.md", "0" * 64, language="en"),
        [Entity(ref, ("Forum",))],
        [Statement(ref, p, o) for p, o in statements],
    )


def test_same_organiser_with_other_date_and_participants_stays_apart(store_without_the_event):
    store, _ = store_without_the_event
    other = _forum_doc(
        "other-kazcent-event",
        "kazcent-winter-course",
        [
            ("cas:organizedBy", Ref("institution", "kazcent")),
            ("cas:participant", Ref("state", "USA")),
            ("cas:participant", Ref("state", "GBR")),
            ("cas:date", Literal("2023-11-20", datatype="date")),
        ],
    )
    resolved, merges = resolve_forums(other, store)
    assert merges == []
    assert resolved.entities[0].ref == Ref("forum", "kazcent-winter-course")


def test_two_dates_are_a_conflict_even_when_the_rest_agrees():
    organisers, participants = {"urn:org"}, {"urn:p1", "urn:p2", "urn:p3"}
    mine = Profile("urn:a", organisers, participants, set(), {Literal("2023-01-01", datatype="date")})
    theirs = Profile("urn:b", organisers, participants, set(), {Literal("--05-31", datatype="gMonthDay")})
    verdict = compare(mine, theirs, load_rule(), set())
    assert verdict.score >= load_rule().threshold  # everything else agrees...
    assert "date" in verdict.conflicts and not verdict.passes(load_rule())  # ...but two days are two events


def test_a_month_day_fits_a_full_date_and_a_city_fits_its_state():
    rule = load_rule()
    almaty, kaz = entity_iri(Ref("place", "almaty")), entity_iri(Ref("state", "KAZ"))
    a = Profile("urn:a", {"urn:org"}, {"urn:p1", "urn:p2"}, {almaty}, {Literal("--05-31", datatype="gMonthDay")})
    b = Profile("urn:b", {"urn:org"}, {"urn:p1", "urn:p3"}, {kaz}, {Literal("2024-05-31", datatype="date")})
    verdict = compare(a, b, rule, {(almaty, kaz)})
    assert verdict.shared["place"] == (kaz,) and verdict.shared["date"] == (Literal("2024-05-31", datatype="date"),)
    assert verdict.passes(rule)
    assert compare(a, b, rule, set()).conflicts == ("place",)  # not known to lie in one another


@pytest.mark.parametrize(
    ("a", "b", "outcome"),
    [
        ("--05-31", "2024-05-31", "match"),
        ("2024-05", "2024-05-31", "match"),
        ("2024-05-31", "2024-05-31", "match"),
        ("2024-05-30", "2024-05-31", "conflict"),
        ("--05-30", "2024-05-31", "conflict"),
        ("2023", "2024-05-31", "conflict"),
        ("2024", "--05-31", "unknown"),
    ],
)
def test_dates_compare_by_the_parts_both_give(a: str, b: str, outcome: str) -> None:
    assert compare_dates(a, b) == outcome
    assert compare_dates(b, a) == outcome
