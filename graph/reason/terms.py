"""The names the reasoner writes under: its graphs, its rules' nodes, the vocabulary it uses."""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox

from casckg.ontology import PREFIXES

from ..build.mint import graph_iri

RDF, RDFS, PROV = (PREFIXES[p] for p in ("rdf", "rdfs", "prov"))
TYPE = ox.NamedNode(RDF + "type")
LABEL = ox.NamedNode(RDFS + "label")
SUB_PROPERTY = ox.NamedNode(RDFS + "subPropertyOf")
DERIVED_FROM = ox.NamedNode(PROV + "wasDerivedFrom")

Term = ox.NamedNode | ox.BlankNode | ox.Literal
#: Called as progress(description, round, new triples) after each round.
Progress = Callable[[str, int, int], None]


def inferred_graph() -> str:
    """The IRI of the graph that holds the inferred facts."""
    return graph_iri("inferred")


def dated_graph() -> str:
    """The scratch graph of the facts about dated records, each with its interval."""
    return graph_iri("inferred-dated")


def facts_graph() -> str:
    """The scratch graph of the reasoning workspace that holds one copy of each asserted fact."""
    return graph_iri("inferred-facts")


def _delta_graph(round: int, rule: str) -> str:
    """A scratch graph of what one rule found in one round. Each round gets its own: deleting
    quads from an in-memory Oxigraph store leaves tombstones that every later scan walks over."""
    return graph_iri(f"inferred-delta-{round}-{rule}")


def rule_node(rule_id: str) -> ox.NamedNode:
    """The property that links a conclusion's statement node to each of its premises' triples in
    proof records: one per rule, a sub-property of `prov:wasDerivedFrom`, so that the rule costs
    no quad of its own per conclusion."""
    return ox.NamedNode(f"{inferred_graph()}/rule/{rule_id}")
