"""The OWL 2 RL materialisation: what the ontology's axioms let the graph conclude, and why.

Expected inferences are read off the ontology by hand (casckg.ttl says, for instance, that a
Summit is a Meeting is a Forum, that membership records chain into memberOf, that partOf is
transitive); the owlrl package's closure is the independent check on a generated graph.
"""

from __future__ import annotations

import re
from pathlib import Path

import owlrl
import pyoxigraph as ox
import pytest
import rdflib

from casckg.graph.build.job import ontology_quads
from casckg.graph.query import resolve, run
from casckg.graph.reason import inferred_graph, materialise
from casckg.graph.store.embedded import EmbeddedStore
from casckg.ontology import ONTOLOGY_IRI, PREFIXES

ID = "https://w3id.org/casckg/id/"
SOURCE = "https://w3id.org/casckg/source/reference/test"
KINDS = ("state", "institution", "forum", "place", "mission", "agreement", "membership")
HEADER = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())
HEADER += "".join(f"@prefix {kind}: <{ID}{kind}/> .\n" for kind in KINDS)


def turtle_of(text: str) -> str:
    """Turtle from the tests' notation: `id:state/KAZ` is written `state:KAZ` (Turtle has no '/')."""
    return HEADER + re.sub(r"\bid:(\w+)/", r"\1:", text)


def store_with(turtle: str, extra_ontology: str = "") -> EmbeddedStore:
    """An in-memory store with the ontology (plus `extra_ontology` axioms) and `turtle` as one source."""
    store = EmbeddedStore(None)
    store.bulk_add(ontology_quads())
    if extra_ontology:
        store.ox.load(turtle_of(extra_ontology), ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_IRI))
    store.ox.load(turtle_of(turtle), ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(SOURCE))
    return store


def inferred(store: EmbeddedStore) -> set[tuple[str, str, str]]:
    """The inferred triples (not the trace), as (subject, predicate, object) CURIE-ish strings."""
    names = {ns: p for p, ns in PREFIXES.items()} | {ID: "id"}

    def short(term: ox.NamedNode | ox.Literal | ox.BlankNode) -> str:
        for ns, prefix in names.items():
            if isinstance(term, ox.NamedNode) and term.value.startswith(ns):
                return f"{prefix}:{term.value[len(ns) :]}"
        return str(term)

    return {
        (short(q.subject), short(q.predicate), short(q.object))
        for q in store.quads(inferred_graph())
        if not is_trace(q.subject)
    }


def is_trace(subject: ox.NamedNode | ox.BlankNode) -> bool:
    """Whether a subject in the inferred graph is the reasoner's own record (a statement node
    with its proof or interval, a rule) rather than a thing the data is about."""
    return subject.value.startswith((inferred_graph() + "/statement/", inferred_graph() + "/rule/"))


def test_class_hierarchy_and_union_classes():
    store = store_with("id:forum/s a cas:Summit . id:place/almaty a cas:Place .")
    materialise(store)
    got = inferred(store)
    for cls in ("cas:Meeting", "cas:Forum", "schema:Event"):
        assert ("id:forum/s", "rdf:type", cls) in got
    assert ("id:place/almaty", "rdf:type", "cas:Location") in got  # Location ≡ State ⊔ Place
    assert ("id:forum/s", "rdf:type", "cas:Summit") not in got  # asserted facts are not repeated


def test_inverse_chain_and_super_property_of_a_membership():
    store = store_with(
        """id:membership/m a cas:Membership ; cas:member id:state/KAZ ; cas:organisation id:institution/csto .
        id:state/KAZ a cas:State . id:institution/csto a cas:Institution ."""
    )
    materialise(store)
    got = inferred(store)
    assert ("id:state/KAZ", "cas:hasMembership", "id:membership/m") in got  # member inverseOf hasMembership
    assert ("id:state/KAZ", "cas:memberOf", "id:institution/csto") in got  # chain hasMembership / organisation
    assert ("id:state/KAZ", "org:memberOf", "id:institution/csto") in got  # memberOf ⊑ org:memberOf


def test_transitive_part_of_and_its_inverse():
    store = store_with("id:institution/a cas:partOf id:institution/b . id:institution/b cas:partOf id:institution/c .")
    materialise(store)
    got = inferred(store)
    assert ("id:institution/a", "cas:partOf", "id:institution/c") in got
    assert ("id:institution/c", "cas:hasPart", "id:institution/a") in got
    assert ("id:institution/a", "dcterms:isPartOf", "id:institution/c") in got
    assert ("id:institution/c", "cas:partOf", "id:institution/a") not in got


def test_symmetric_cooperation():
    store = store_with("id:state/KAZ cas:cooperatesWith id:state/UZB .")
    materialise(store)
    assert ("id:state/UZB", "cas:cooperatesWith", "id:state/KAZ") in inferred(store)


def test_a_state_takes_part_through_the_parts_of_its_bodies():
    store = store_with(
        """id:forum/f cas:participant id:institution/unit .
        id:institution/unit cas:partOf id:institution/ministry .
        id:institution/ministry cas:belongsToState id:state/KAZ ."""
    )
    materialise(store)
    got = inferred(store)
    assert ("id:institution/unit", "cas:belongsToState", "id:state/KAZ") in got  # partOf / belongsToState
    assert ("id:forum/f", "cas:participant", "id:state/KAZ") in got  # participant / belongsToState
    assert ("id:state/KAZ", "cas:participatedIn", "id:forum/f") in got


def test_domain_and_range_type_the_ends_but_not_literals():
    store = store_with("id:mission/x cas:ledBy id:institution/y . id:agreement/a cas:signedIn id:place/p .")
    store.ox.load(turtle_of('id:state/KAZ cas:isoCode "KAZ" .'), ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(SOURCE))
    materialise(store)
    got = inferred(store)
    assert {("id:mission/x", "rdf:type", "cas:Mission"), ("id:institution/y", "rdf:type", "cas:Institution")} <= got
    assert ("id:place/p", "rdf:type", "cas:Location") in got
    assert ("id:state/KAZ", "rdf:type", "cas:State") in got
    assert not [t for t in got if t[0].startswith('"')]


def test_an_ontology_edit_changes_the_inferences():
    data = "id:state/A cas:cooperatesWith id:state/B . id:state/B cas:cooperatesWith id:state/C ."
    plain = store_with(data)
    materialise(plain)
    assert ("id:state/A", "cas:cooperatesWith", "id:state/C") not in inferred(plain)
    edited = store_with(data, "cas:cooperatesWith a owl:TransitiveProperty .")
    materialise(edited)
    assert ("id:state/A", "cas:cooperatesWith", "id:state/C") in inferred(edited)


def test_why_inferred_walks_the_proof_down_to_the_sources():
    store = store_with("id:membership/m cas:member id:state/KAZ ; cas:organisation id:institution/csto .")
    materialise(store)
    result = run(store, resolve("why-inferred"))
    rows = [
        {k: (row[k].value if row[k] is not None else None) for k in ("s", "p", "o", "rule", "source")} for row in result
    ]
    leaves = {(r["s"], r["p"], r["o"], r["source"]) for r in rows if r["rule"] is None}
    assert leaves == {
        (ID + "membership/m", PREFIXES["cas"] + "member", ID + "state/KAZ", SOURCE),
        (ID + "membership/m", PREFIXES["cas"] + "organisation", ID + "institution/csto", SOURCE),
    }
    rules = {r["rule"].split(":")[0] for r in rows if r["rule"]}
    assert rules == {"prp-spo1", "prp-spo2", "prp-inv"}


def test_a_proof_record_is_one_quad_and_one_per_premise():
    """A membership record makes Kazakhstan cas:memberOf the CSTO through the ontology's chain
    hasMembership ∘ organisation (prp-spo2; hasMembership is member's inverse, itself inferred):
    its statement node says which triple it stands for and links to each premise's triple by
    the rule, nothing more; the inferred premise has a node of its own, the asserted one none."""
    store = store_with("id:membership/m cas:member id:state/KAZ ; cas:organisation id:institution/csto .")
    materialise(store)
    graph, reifies = ox.NamedNode(inferred_graph()), ox.NamedNode(PREFIXES["rdf"] + "reifies")
    cas, kaz, m = PREFIXES["cas"], ox.NamedNode(ID + "state/KAZ"), ox.NamedNode(ID + "membership/m")
    csto = ox.NamedNode(ID + "institution/csto")

    def nodes(triple: ox.Triple) -> list:
        return [q.subject for q in store.ox.quads_for_pattern(None, reifies, triple, graph)]

    [node] = nodes(ox.Triple(kaz, ox.NamedNode(cas + "memberOf"), csto))
    links = {(q.predicate.value, q.object) for q in store.ox.quads_for_pattern(node, None, None, graph)}
    inferred_premise = ox.Triple(kaz, ox.NamedNode(cas + "hasMembership"), m)
    asserted_premise = ox.Triple(m, ox.NamedNode(cas + "organisation"), csto)
    rule = inferred_graph() + "/rule/prp-spo2"
    assert links == {
        (reifies.value, ox.Triple(kaz, ox.NamedNode(cas + "memberOf"), csto)),
        (rule, inferred_premise),
        (rule, asserted_premise),
    }
    assert len(nodes(inferred_premise)) == 1 and nodes(asserted_premise) == []
    declared = store.query(
        "ASK { GRAPH ?g { ?rule rdfs:subPropertyOf prov:wasDerivedFrom ; rdfs:label ?l } }",
        {"g": graph, "rule": ox.NamedNode(rule)},
    )
    assert bool(declared)


def test_reasoning_twice_gives_the_same_store(tmp_path: Path):
    from bench.generate import generate, quads_of

    folder = tmp_path / "store"
    store = EmbeddedStore(folder)
    store.bulk_add(ontology_quads())
    store.bulk_add(quads_of(generate(3000, seed=3)))
    first = materialise(store)
    once = sorted(str(q) for q in store.quads())
    second = materialise(store)
    assert sorted(str(q) for q in store.quads()) == once
    assert (first.triples, first.trace_quads) == (second.triples, second.trace_quads) and first.triples > 0
    store.close()


def test_each_proof_record_keeps_one_derivation():
    """A conclusion with several derivations (x a Summit and x a Meeting both make x a Forum)
    keeps one: its statement node links to its premises by one rule, as many as that rule has
    (one for the rules of one premise in OWL 2 RL)."""
    from bench.generate import generate, quads_of

    store = EmbeddedStore(None)
    store.bulk_add(ontology_quads())
    store.bulk_add(quads_of(generate(3000, seed=3)))
    materialise(store)
    query = """SELECT ?rule (COUNT(*) AS ?nodes) (MIN(?k) AS ?least) (MAX(?k) AS ?most) WHERE {
      { SELECT ?n (SAMPLE(?r) AS ?rule) (COUNT(DISTINCT ?r) AS ?rules) (COUNT(DISTINCT ?from) AS ?k) WHERE {
        GRAPH ?g { ?n ?r ?from . ?r rdfs:subPropertyOf prov:wasDerivedFrom } } GROUP BY ?n }
      FILTER(?rules = 1) } GROUP BY ?rule"""
    found = {
        row["rule"].value.rsplit("/", 1)[1]: (int(row["nodes"].value), int(row["least"].value), int(row["most"].value))
        for row in store.query(query, {"g": ox.NamedNode(inferred_graph())})
    }
    nodes = int(next(iter(store.query(
        "SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE { GRAPH ?g { ?n rdf:reifies ?t } }",
        {"g": ox.NamedNode(inferred_graph())},
    )))["c"].value)  # fmt: skip
    assert sum(n for n, _, _ in found.values()) == nodes  # no node names two rules
    one_premise = {"cax-sco", "prp-spo1", "prp-inv", "prp-symp", "prp-dom", "prp-rng"}
    assert {"cax-sco", "prp-spo1", "prp-inv"} <= found.keys()
    for rule in one_premise & found.keys():
        assert found[rule][1:] == (1, 1), rule
    assert found["prp-trp"][1:] == (2, 2)


def test_the_report_says_what_each_rule_found_in_each_round():
    """The per-round costs a benchmark prints add up to what the inferred graph holds."""
    from bench.generate import generate, quads_of

    store = EmbeddedStore(None)
    store.bulk_add(ontology_quads())
    store.bulk_add(quads_of(generate(3000, seed=3)))
    report = materialise(store)
    by_rule: dict[str, int] = {}
    for (_, rule), cost in report.costs.items():
        assert cost.triples >= cost.new  # a query returns its conclusions and their trace
        by_rule[rule] = by_rule.get(rule, 0) + cost.new
    assert sum(by_rule.values()) == len(inferred(store)) > 0
    assert {rule: n for rule, n in by_rule.items() if n} == report.per_rule
    assert max(round_ for round_, _ in report.costs) == report.rounds


def _comparable(triples, onto: rdflib.Graph) -> set[tuple]:
    """The triples both reasoners are compared on.

    Kept: triples about data (subject an IRI that the ontology does not describe) whose
    predicate is rdf:type with a named class outside the rdf/rdfs/owl vocabularies, or a
    property the ontology declares or names as a super-property. Left out: owlrl's axiomatic
    and datatype triples, schema (scm-*) conclusions, owl:sameAs (equality is not applied).
    """
    ontology_subjects = set(onto.subjects())
    properties = set(onto.subjects(rdflib.RDF.type, None)) | set(onto.objects(None, rdflib.RDFS.subPropertyOf))
    builtin = (str(rdflib.RDF), str(rdflib.RDFS), str(rdflib.OWL))
    out = set()
    for s, p, o in triples:
        if not isinstance(s, rdflib.URIRef) or s in ontology_subjects:
            continue
        if p == rdflib.RDF.type:
            if isinstance(o, rdflib.URIRef) and not str(o).startswith(builtin):
                out.add((s, p, o))
        elif p in properties and p != rdflib.OWL.sameAs:
            out.add((s, p, o))
    return out


def _owlrl_additions(data: rdflib.Graph, onto: rdflib.Graph) -> set[tuple]:
    """What owlrl's OWL 2 RL closure of data and ontology adds to the data."""
    closure = rdflib.Graph()
    for t in (*data, *onto):
        closure.add(t)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    return {t for t in closure if t not in data}


def test_same_triples_as_owlrl_on_a_generated_graph():
    from bench.generate import generate, quads_of

    store = EmbeddedStore(None)
    store.bulk_add(ontology_quads())
    store.bulk_add(quads_of(generate(1500, seed=5, records=False)))  # no owl:sameAs: equality is left out
    materialise(store, trace=False)
    ours = {_rdflib_triple(q) for q in store.quads(inferred_graph()) if not is_trace(q.subject)}

    def graph_of(quads) -> rdflib.Graph:
        g = rdflib.Graph()
        for q in quads:
            g.add(_rdflib_triple(q))
        return g

    onto = graph_of(store.quads(ONTOLOGY_IRI))
    data = graph_of(q for q in store.quads() if q.graph_name.value not in (ONTOLOGY_IRI, inferred_graph()))
    ours = _comparable(ours, onto)
    theirs = _comparable(_owlrl_additions(data, onto), onto)
    assert len(ours) > 500
    assert ours - theirs == set()
    assert theirs - ours == set()


def _rdflib_triple(q: ox.Quad) -> tuple:
    def conv(t):
        if isinstance(t, ox.NamedNode):
            return rdflib.URIRef(t.value)
        if isinstance(t, ox.BlankNode):
            return rdflib.BNode(t.value)
        if t.language:
            return rdflib.Literal(t.value, lang=t.language)
        return rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype.value))

    return conv(q.subject), conv(q.predicate), conv(q.object)


@pytest.mark.slow
def test_the_built_store_holds_the_inferred_graph(store):
    """The real sources: Kazakhstan's CSTO membership record makes it a member (states.yaml)."""
    ask = "ASK { GRAPH ?g { ?kaz org:memberOf ?csto } }"
    terms = {"kaz": ID + "state/KAZ", "csto": ID + "institution/csto", "g": inferred_graph()}
    assert bool(store.query(ask, {k: ox.NamedNode(v) for k, v in terms.items()}))


def _holds(store: EmbeddedStore, s: str, p: str, o: str) -> list[tuple[str | None, str | None]]:
    """The intervals the inferred graph gives a fact: [(None, None)] when it holds always, [] when not inferred."""
    ask = "ASK { GRAPH ?inferred { ?s ?p ?o } }"
    terms = {
        "s": ox.NamedNode(s),
        "p": ox.NamedNode(p),
        "o": ox.NamedNode(o),
        "inferred": ox.NamedNode(inferred_graph()),
    }
    if not bool(store.query(ask, terms)):
        return []
    rows = store.query(
        "SELECT ?since ?until WHERE { GRAPH ?inferred { ?n rdf:reifies <<( ?s ?p ?o )>> ."
        " OPTIONAL { ?n cas:startDate ?since } OPTIONAL { ?n cas:endDate ?until }"
        " FILTER(BOUND(?since) || BOUND(?until)) } }",
        terms,
    )
    found = [(r["since"] and r["since"].value, r["until"] and r["until"].value) for r in rows]
    return found or [(None, None)]


@pytest.mark.parametrize("trace", [True, False])
def test_what_follows_from_a_dated_membership_holds_in_its_interval(trace: bool):
    """Uzbekistan's CSTO membership ran from 2006-06-23 to 2012-12-19 (states.yaml): every
    relation drawn from it (the inverse, the chain, the super-property) holds in that interval,
    while its class does not depend on time; an undated membership yields undated facts."""
    store = store_with(
        """id:membership/uzb a cas:Membership ; cas:member id:state/UZB ; cas:organisation id:institution/csto ;
             cas:startDate "2006-06-23"^^xsd:date ; cas:endDate "2012-12-19"^^xsd:date .
        id:membership/kaz a cas:Membership ; cas:member id:state/KAZ ; cas:organisation id:institution/un ."""
    )
    materialise(store, trace=trace)
    org, cas = PREFIXES["org"], PREFIXES["cas"]
    span = [("2006-06-23", "2012-12-19")]
    assert _holds(store, ID + "state/UZB", org + "memberOf", ID + "institution/csto") == span
    assert _holds(store, ID + "state/UZB", cas + "memberOf", ID + "institution/csto") == span
    assert _holds(store, ID + "state/UZB", cas + "hasMembership", ID + "membership/uzb") == span
    assert _holds(store, ID + "state/KAZ", org + "memberOf", ID + "institution/un") == [(None, None)]
    assert _holds(store, ID + "state/UZB", PREFIXES["rdf"] + "type", cas + "Actor") == [(None, None)]


def test_a_chain_of_dated_facts_holds_in_their_overlap_or_not_at_all():
    store = store_with(
        """id:institution/a cas:partOf id:institution/b ;
             cas:startDate "2000-01-01"^^xsd:date ; cas:endDate "2010-12-31"^^xsd:date .
        id:institution/b cas:partOf id:institution/c ; cas:startDate "2005-01-01"^^xsd:date .
        id:institution/c cas:partOf id:institution/d ; cas:endDate "2001-12-31"^^xsd:date ."""
    )
    materialise(store)
    part = PREFIXES["cas"] + "partOf"
    assert _holds(store, ID + "institution/a", part, ID + "institution/c") == [("2005-01-01", "2010-12-31")]
    assert _holds(store, ID + "institution/b", part, ID + "institution/d") == []  # 2005- and -2001 never meet


def test_why_inferred_shows_the_interval_of_a_dated_step():
    store = store_with(
        """id:membership/m cas:member id:state/UZB ; cas:organisation id:institution/csto ;
             cas:startDate "2006-06-23"^^xsd:date ; cas:endDate "2012-12-19"^^xsd:date ."""
    )
    materialise(store)
    rows = list(run(store, resolve("why-inferred"), {"subject": "state/UZB"}))
    top = [r for r in rows if r["s"].value == ID + "state/UZB" and r["p"].value == PREFIXES["org"] + "memberOf"]
    assert top and {(r["since"].value, r["until"].value) for r in top} == {("2006-06-23", "2012-12-19")}
