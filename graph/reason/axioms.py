"""The ontology's axioms the rules need, read from its graph in the store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from casckg.ontology import ONTOLOGY_IRI, PREFIXES

from ..store.embedded import Store
from .terms import RDF, RDFS, Term

#: Ranges that are datatypes, not classes: prp-rng does not type literals.
_DATATYPE_SPACES = (PREFIXES["xsd"], RDFS + "Literal", RDF + "langString", RDF + "PlainLiteral")


@dataclass
class Axioms:
    """The axioms the rules need, read from the ontology graph (IRIs only)."""

    subclass: set[tuple[str, str]] = field(default_factory=set)  # (C, D): C ⊑ D, direct
    subproperty: set[tuple[str, str]] = field(default_factory=set)
    inverse: set[tuple[str, str]] = field(default_factory=set)  # both directions
    transitive: set[str] = field(default_factory=set)
    symmetric: set[str] = field(default_factory=set)
    chains: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)  # (p, (p1, …, pn))
    domain: set[tuple[str, str]] = field(default_factory=set)
    range: set[tuple[str, str]] = field(default_factory=set)


_AXIOMS = """SELECT ?kind ?a ?b WHERE { GRAPH ?ontology {
  { ?a rdfs:subClassOf ?b BIND("sco" AS ?kind) }
  UNION { ?a owl:equivalentClass ?b BIND("eqc" AS ?kind) }
  UNION { ?b owl:equivalentClass?/owl:unionOf/rdf:rest*/rdf:first ?a BIND("sco" AS ?kind) }
  UNION { ?a rdfs:subPropertyOf ?b BIND("spo" AS ?kind) }
  UNION { ?a owl:equivalentProperty ?b BIND("eqp" AS ?kind) }
  UNION { ?a owl:inverseOf ?b BIND("inv" AS ?kind) }
  UNION { ?a a owl:TransitiveProperty BIND("trp" AS ?kind) }
  UNION { ?a a owl:SymmetricProperty BIND("symp" AS ?kind) }
  UNION { ?a owl:propertyChainAxiom ?b BIND("chain" AS ?kind) }
  UNION { ?a rdfs:domain ?b BIND("dom" AS ?kind) }
  UNION { ?a rdfs:range ?b BIND("rng" AS ?kind) }
} }"""
_LISTS = "SELECT ?node ?p ?o WHERE { GRAPH ?ontology { ?node ?p ?o VALUES ?p { rdf:first rdf:rest } } }"


def read_axioms(store: Store, ontology_graph: str = ONTOLOGY_IRI) -> Axioms:
    """The rule-relevant axioms of the ontology graph in the store."""
    g = {"ontology": ox.NamedNode(ontology_graph)}
    lists: dict[str, dict[str, Term]] = {}
    for row in store.query(_LISTS, g):
        lists.setdefault(str(row["node"]), {})[row["p"].value] = row["o"]

    def members(node: Term) -> tuple[str, ...] | None:
        out = []
        while str(node) in lists:
            first = lists[str(node)].get(RDF + "first")
            if not isinstance(first, ox.NamedNode):
                return None
            out.append(first.value)
            node = lists[str(node)][RDF + "rest"]
        return tuple(out) if node == ox.NamedNode(RDF + "nil") else None

    ax = Axioms()
    for row in store.query(_AXIOMS, g):
        kind, a, b = row["kind"].value, row["a"], row["b"]
        if not isinstance(a, ox.NamedNode):
            continue
        if kind == "trp":
            ax.transitive.add(a.value)
        elif kind == "symp":
            ax.symmetric.add(a.value)
        elif kind == "chain":
            chain = members(b)
            if chain:
                ax.chains.add((a.value, chain))
        elif not isinstance(b, ox.NamedNode):
            continue
        elif kind in ("sco", "eqc"):
            ax.subclass.add((a.value, b.value))
            if kind == "eqc":
                ax.subclass.add((b.value, a.value))
        elif kind in ("spo", "eqp"):
            ax.subproperty.add((a.value, b.value))
            if kind == "eqp":
                ax.subproperty.add((b.value, a.value))
        elif kind == "inv":
            ax.inverse |= {(a.value, b.value), (b.value, a.value)}
        elif kind == "dom":
            ax.domain.add((a.value, b.value))
        elif kind == "rng" and not b.value.startswith(_DATATYPE_SPACES):
            ax.range.add((a.value, b.value))
    return ax


def closure(pairs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """The transitive closure of a relation, without reflexive pairs.

    >>> sorted(closure({("a", "b"), ("b", "c")}))
    [('a', 'b'), ('a', 'c'), ('b', 'c')]
    """
    up: dict[str, set[str]] = {}
    for a, b in pairs:
        up.setdefault(a, set()).add(b)
    out = set()
    for start in up:
        seen, todo = set(), list(up[start])
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo += up.get(node, ())
        out |= {(start, b) for b in seen if b != start}
    return out
