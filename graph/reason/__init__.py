"""OWL 2 RL materialisation inside the store: what the ontology lets the graph conclude.

The rules are the OWL 2 RL rules the ontology's axioms call for, each one SPARQL CONSTRUCT
run by the store whose N-Triples the store loads itself (one transaction, IRIs not checked
again), so what they find never becomes a Python object per triple; which classes
and properties they apply to is read from the ontology graph, so an
edit of the ontology changes the inferences and nothing here names a casckg term:

    cax-sco    x a C, C ⊑ D                    -> x a D     (subClassOf, equivalentClass, unionOf)
    prp-spo1   x p y, p ⊑ q                    -> x q y     (subPropertyOf, equivalentProperty)
    prp-inv    x p y, p inverseOf q            -> y q x     (both ways)
    prp-symp   x p y, p symmetric              -> y p x
    prp-trp    x p y, y p z, p transitive      -> x p z
    prp-spo2   x p1 y, y p2 z, chain(p1 p2) ⊑ p -> x p z    (any chain length)
    prp-dom    x p y, p domain C               -> x a C
    prp-rng    x p y, p range C                -> y a C     (y not a literal, C a class)

Left out on purpose: the equality rules (owl:sameAs links to Wikidata are links, not merges, and
functional properties would merge records that a source got wrong), the schema rules (scm-*:
the class hierarchy stays in the ontology graph, where `rdfs:subClassOf*` reaches it), and the
consistency rules (disjointness and the like are `casckg check`'s job), and conclusions about
blank nodes (the store's bulk load, which writes the conclusions, renames blank nodes; the
sources name every entity with an IRI).

Conclusions go into one named graph, `graph_iri("inferred")`, and only conclusions that no
graph holds yet: asserted facts are never repeated there. The rules run to a fixpoint in a
workspace of their own, a second in-memory store that holds one copy of each fact they can read
or conclude (the statements with a predicate a rule names, the memberships of the classes it
names, the dates; read as SELECT rows, which Oxigraph serialises faster than CONSTRUCT
triples) and what they conclude, never a proof record: the in-memory store finds a
pattern by walking the quads that share one of its terms, so sources restating types and
labels, evidence nodes and the trace would make every lookup about a busy entity slower. The
store gets the conclusions and their trace, bulk-loaded as each rule finds them.
Semi-naively: after the first round, a rule runs once per premise with that premise read from
what the round before found (scratch graphs of the workspace), its table cut to the rows the
new facts can fire; a rule whose inputs did not change does not run at all. In the first round
a rule that joins two whole premises reads one copy of each fact (sources restate
facts, and joining every copy with every copy grows as their product). What is known already
is read once (MINUS) in the first round, and in a later one for class memberships drawn from
over 1,000 new facts; otherwise it is looked up for each conclusion.

Time (always on): a fact about a dated record (a membership, a mission: anything with
`cas:startDate` or `cas:endDate`) holds while the record does. A relation drawn from dated facts
(prp-spo1, -inv, -symp, -trp, -spo2) holds in the intersection of their intervals, written on its
statement node (`cas:startDate`, `cas:endDate`), and is not drawn at all when the intervals do
not meet; a relation that also follows from undated facts holds always. Classes are timeless.
So Uzbekistan's 2006–2012 CSTO membership makes it `org:memberOf` the CSTO for 2006–2012 only.

Traceability (on by default): each inferred triple gets a statement node
`{inferred}/statement/{digest of the triple}` with its triple as one RDF 1.2 triple term
(`rdf:reifies <<( s p o )>>`) and one link per premise, to the premise's own triple term, by
the rule itself: `{inferred}/rule/{id}`, a property declared once (a sub-property of
`prov:wasDerivedFrom`, with the rule's label). A proof record so costs one quad plus one per
premise: an asserted premise gets no node (`GRAPH ?g { s p o }` names its sources), the rule no
quad per conclusion, and no premise a digest; an inferred premise is found by the node that
reifies its triple. One derivation is kept per conclusion: the first round that finds it, then the first
rule, then the smallest key of its premises' terms (or the smallest IRI, where the key is one
IRI: the same order without a string per derivation), chosen in the store (GROUP BY … MIN), so
reasoning twice writes the same quads; the rows of a rule's table whose conclusions have one
derivation each (one premise, the table fixing the rest: prp-inv, most of prp-spo1) skip the
choice. The library query `why-inferred` walks the proof.

The package: `terms` (names and graphs), `axioms` (read from the ontology), `rules` (the rule
table), `sparql` (each rule's CONSTRUCT), `fixpoint` (the rounds, and replacing the store's
inferred graph).
"""

from __future__ import annotations

from .axioms import Axioms, closure, read_axioms
from .fixpoint import ReasonReport, infer, materialise
from .rules import Rule, rules
from .terms import Progress, inferred_graph, rule_node

__all__ = [
    "Axioms",
    "Progress",
    "ReasonReport",
    "Rule",
    "closure",
    "infer",
    "inferred_graph",
    "materialise",
    "read_axioms",
    "rule_node",
    "rules",
]
