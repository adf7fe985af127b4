"""The projection of the graph into a network, checked against the hand-made tests/data/network.trig."""

from __future__ import annotations

import pytest

from casckg.graph.network.projection import interval, label, overlaps

ID = "https://w3id.org/casckg/id/"
SRC = "https://w3id.org/casckg/source/"
FORUM, KAZ, KGZ = ID + "forum/roundtable-2024", ID + "state/KAZ", ID + "state/KGZ"
KAZCENT, CSTO, UNIFIL = ID + "institution/kazcent", ID + "institution/csto", ID + "mission/unifil"
IMG, SCRIPT = ID + "person/img", ID + "person/script"


def edge(graph, s, o, relation):
    found = [a for a in graph.get_edge_data(s, o, default={}).values() if a["relation"] == relation]
    assert len(found) == 1, f"expected one {relation} edge from {s} to {o}, found {len(found)}"
    return found[0]


def test_entities_are_nodes_and_records_are_not(network_graph):
    assert set(network_graph.nodes) == {FORUM, KAZ, KGZ, KAZCENT, CSTO, UNIFIL, IMG, SCRIPT}


def test_node_class_type_labels_aliases_and_wikidata(network_graph):
    kazcent = network_graph.nodes[KAZCENT]
    assert (kazcent["cls"], kazcent["type"]) == ("Institution", "cas:TrainingCentre")
    forum = network_graph.nodes[FORUM]
    assert (forum["cls"], forum["type"]) == ("Forum", "cas:Roundtable")
    kaz = network_graph.nodes[KAZ]
    assert kaz["labels"] == {"en": "Kazakhstan", "fr": "Kazakhstan", "ru": "Казахстан"}
    assert kaz["aliases"] == {"en": ["Republic of Kazakhstan"], "ru": ["РК"]}
    assert kaz["wikidata"] == "http://www.wikidata.org/entity/Q232"
    assert ("cas:isoCode", "KAZ") in kaz["properties"]
    assert network_graph.nodes[CSTO]["citations"] == ["https://en.odkb-csto.org/"]


def test_label_falls_back_to_english_then_other_languages(network_graph):
    assert label(network_graph.nodes[KGZ], "fr") == "Kirghizistan"
    assert label(network_graph.nodes[KGZ], "ru") == "Kyrgyzstan"
    assert label(network_graph.nodes[CSTO], "fr") == "Collective Security Treaty Organization"
    assert label({"labels": {"ru": "Казахстан"}}, "fr") == "Казахстан"
    assert label({"labels": {}}, "en", "fallback") == "fallback"


def test_a_relation_stated_by_two_sources_is_one_edge_with_both_sentences(network_graph):
    participant = edge(network_graph, FORUM, KAZ, "cas:participant")
    assert participant["sources"] == [SRC + "article/alpha", SRC + "article/beta"]
    assert not participant["inferred"]
    assert [(e["text"], e["source"], e["start"], e["end"]) for e in participant["evidence"]] == [
        ("Officers from Kazakhstan joined the first regional roundtable at KAZCENT.", SRC + "article/alpha", 120, 193),
        ("Le Kazakhstan a pris part à la table ronde.", SRC + "article/beta", 40, 83),
    ]
    assert (participant["start"], participant["end"]) == ("2024-05-23", "2024-05-23")  # when the forum met


def test_membership_folds_into_a_dated_member_of_edge(network_graph):
    member = edge(network_graph, KAZ, CSTO, "cas:memberOf")
    assert member["via"] == ID + "membership/state-KAZ--csto--2002-10-07"
    assert (member["start"], member["end"]) == ("2002-10-07", None)
    assert member["links"] == ["https://example.org/csto-charter"]
    assert member["sources"] == [SRC + "reference/records"]
    assert not member["inferred"]


def test_deployment_folds_into_an_edge_with_count_and_date(network_graph):
    deployed = edge(network_graph, KAZ, UNIFIL, "cas:deployedTo")
    assert deployed["count"] == 120
    assert (deployed["start"], deployed["end"]) == ("2018-10-31", "2018-10-31")
    assert deployed["via"] == ID + "deployment/state-KAZ--unifil--2018-10-31"


def test_inferred_edges_are_marked_and_restatements_dropped(network_graph):
    belongs = edge(network_graph, KAZCENT, KAZ, "cas:belongsToState")
    assert belongs["inferred"] and belongs["sources"] == []
    # inverse of an asserted edge, symmetric twin, and restated memberships/deployments: not drawn
    assert not network_graph.has_edge(KAZ, FORUM)
    assert not network_graph.has_edge(KGZ, KAZ)
    assert len(network_graph.get_edge_data(KAZ, CSTO)) == 1
    assert len(network_graph.get_edge_data(KAZ, UNIFIL)) == 1
    assert network_graph.number_of_edges() == 8


def test_sources_carry_title_and_address(network_graph):
    sources = network_graph.graph["sources"]
    assert sources[SRC + "article/alpha"]["title"] == "Peacekeeping roundtable opens in Almaty"
    assert sources[SRC + "article/alpha"]["url"] == "https://news.example.org/alpha"
    assert sources[SRC + "reference/records"]["kind"] == "cas:ReferenceFile"


def test_relation_and_class_labels_come_from_the_ontology(network_graph):
    terms = network_graph.graph["terms"]
    assert terms["cas:participant"] == {"en": "participant", "fr": "participant", "ru": "участник"}
    assert terms["cas:State"]["fr"] == "État"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2002", ("2002-01-01", "2002-12-31")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("1992-03-02", ("1992-03-02", "1992-03-02")),
        ("--05-23", None),
    ],
)
def test_interval_of_partial_dates(value, expected):
    assert interval(value) == expected


def test_overlaps_treats_open_ends_and_undated_as_always():
    assert overlaps("2002-10-07", None, "2020-01-01", "2020-12-31")
    assert not overlaps("2002-10-07", "2003-01-01", "2020-01-01", None)
    assert not overlaps("2024-05-23", "2024-05-23", None, "2024-01-01")
    assert overlaps(None, None, "2020-01-01", "2020-12-31")


def test_projection_of_the_built_reference_store(store):
    """Every state a record describes is a node, states only the ISO 3166 list names and nothing
    ties to are not; every membership, deployment and tenure record becomes one edge."""
    from casckg.graph.network.projection import project

    graph = project(store)
    states = {
        r["s"].value
        for r in store.query(
            "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s a cas:State } FILTER(!STRENDS(STR(?g), '/iso-3166')) }"
        )
    }
    assert states and states <= set(graph.nodes)
    listed = {r["s"].value for r in store.query("SELECT DISTINCT ?s WHERE { ?s a cas:State }")} - states
    assert listed  # the ISO 3166 states are in the store, for reading articles
    assert all(graph.degree(n) > 0 for n in listed & set(graph.nodes))
    assert len(listed - set(graph.nodes)) > 100
    records = {
        r["m"].value
        for r in store.query(
            "SELECT ?m WHERE { { ?m a cas:Membership } UNION { ?m a cas:Deployment } UNION { ?m a cas:Tenure } }"
        )
    }
    assert records == {a["via"] for *_, a in graph.edges(data=True) if a["via"]}


def test_an_inferred_membership_is_drawn_only_in_its_interval(store):
    """Uzbekistan was in the CSTO from 2006 to its suspension on 2012-12-19 (states.yaml): filtered
    to 2015 the explorer draws no Uzbekistan–CSTO edge, asserted or inferred; in 2010 it does."""
    from casckg.graph.network.projection import project

    graph = project(store)
    uzb, csto = "https://w3id.org/casckg/id/state/UZB", "https://w3id.org/casckg/id/institution/csto"
    edges = list(graph.get_edge_data(uzb, csto, default={}).values())
    assert edges
    assert not [e for e in edges if overlaps(e["start"], e["end"], "2015-01-01", "2015-12-31")]
    assert [e for e in edges if overlaps(e["start"], e["end"], "2010-01-01", "2010-12-31")]


def test_a_relation_is_drawn_once_not_beside_its_inferred_super_property(built_store):
    """After reasoning, `schema:attendee` holds wherever `cas:participant` does; the network draws
    the narrower relation only. Super-properties are read from the ontology file itself."""
    import rdflib

    from casckg import ontology
    from casckg.graph.network.projection import curie, project
    from casckg.graph.store import open_store

    onto = ontology.load()
    wider = {
        curie(str(p)): {curie(str(q)) for q in onto.transitive_objects(p, rdflib.RDFS.subPropertyOf)} - {curie(str(p))}
        for p in onto.subjects(rdflib.RDF.type, rdflib.OWL.ObjectProperty)
    }
    assert curie(ontology.expand("schema:attendee")) in wider[curie(ontology.expand("cas:participant"))]
    with open_store(built_store) as store:
        graph = project(store)
    assert graph.number_of_edges() > 100
    for s, o in {(s, o) for s, o in graph.edges()}:
        relations = {a["relation"] for a in graph.get_edge_data(s, o).values()}
        for relation in relations:
            assert not (wider.get(relation, set()) & relations), (s, o, relation, relations)
