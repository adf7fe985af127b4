"""What the store says identifies each forum (organisers, participants, places, dates), read
once by a writer and kept current as it replaces graphs (`StoreForums`), for matching an
article's forums with the store's (`identity.py`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from casckg.ingest.contract import Literal
from casckg.ontology import expand
from casckg.queries import internal

from ..query import run
from ..store.embedded import Store
from .graph_facts import GraphFacts
from .quads import RDF_TYPE

_PREDICATES = {  # (predicate, the forum is the subject) -> feature
    ("cas:organizedBy", True): "organiser",
    ("cas:organized", False): "organiser",
    ("cas:participant", True): "participant",
    ("cas:participatedIn", False): "participant",
    ("cas:hostedIn", True): "place",
    ("cas:date", True): "date",
}


@dataclass
class Profile:
    """What a description of a forum says about it: IRIs of organisers, participants, places; dates."""

    iri: str
    organisers: set[str] = field(default_factory=set)
    participants: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    dates: set[Literal] = field(default_factory=set)

    def add(self, feature: str, value: str | Literal) -> None:
        if feature == "date":
            if isinstance(value, Literal):
                self.dates.add(value)
        elif isinstance(value, str):
            {"organiser": self.organisers, "participant": self.participants, "place": self.places}[feature].add(value)


def _literal(term: ox.Literal) -> Literal:
    datatype = term.datatype.value.rpartition("#")[2] if term.datatype else None
    return Literal(term.value, datatype=datatype, language=term.language)


_KIND = "kind"  # a fact saying the subject is a forum
_Node = ox.NamedNode | ox.BlankNode | ox.Literal
Fact = tuple[_Node, str, _Node | None]  # (forum, feature or _KIND, value)


class StoreForums:
    """What identifies each forum of the store, by graph, read once and kept current by the writer
    (`replaced`, with the quads that replace a graph): reading it from the store again for each
    article was a large part of the cost of writing one. The places within places are kept until
    a write adds or removes a cas:locatedIn."""

    def __init__(self, store: Store):
        self._kinds = frozenset(row["class"] for row in run(store, internal("articles", "forum-classes")))
        self._predicates = {ox.NamedNode(expand(p)): (forward, f) for (p, forward), f in _PREDICATES.items()}
        self._located_in = ox.NamedNode(expand("cas:locatedIn"))
        self.facts: GraphFacts[Fact] = GraphFacts()
        for row in run(store, internal("articles", "forum-evidence")):
            self.facts.add(row["g"], (row["forum"], row["feature"].value, row["value"]))
        for row in run(store, internal("articles", "forums-by-graph")):
            self.facts.add(row["g"], (row["forum"], _KIND, None))
        self._forums = {forum for forum in self.facts.subjects() if self.facts.stated((forum, _KIND, None))}
        self._profiles: dict[str, Profile] = {}  # forum -> what every graph says of it
        self._stale: set[ox.Term] = set(self._forums)  # forums whose profile must be made again
        self.located: GraphFacts[tuple[ox.Term, ox.Term]] = GraphFacts()  # (place, where it lies), by graph
        for row in run(store, internal("articles", "located-by-graph")):
            self.located.add(row["g"], (row["inner"], row["outer"]))
        self._within: set[tuple[str, str]] | None = None

    @property
    def kinds(self) -> frozenset[str]:
        """Local names of cas:Forum and its subclasses (as `forum_classes`)."""
        return _local_names(self._kinds)

    def replaced(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """The graph now holds these quads (and nothing else)."""
        node = ox.NamedNode(graph)
        facts: list[Fact] = []
        located: list[tuple[ox.Term, ox.Term]] = []
        for q in quads:
            if q.predicate == RDF_TYPE and q.object in self._kinds:
                facts.append((q.subject, _KIND, None))
            elif found := self._predicates.get(q.predicate):
                forward, feature = found
                facts.append((q.subject, feature, q.object) if forward else (q.object, feature, q.subject))
            elif q.predicate == self._located_in:
                located.append((q.subject, q.object))
        for subject in self.facts.replace(node, facts):
            if self.facts.stated((subject, _KIND, None)):
                self._forums.add(subject)
            else:
                self._forums.discard(subject)
            self._stale.add(subject)
        self._relocated(node, located)

    def _relocated(self, node: ox.NamedNode, located: list[tuple[ox.Term, ox.Term]]) -> None:
        """Keep the places within places current after a graph's cas:locatedIn facts were replaced:
        facts no graph states any more make them be read again; new facts between IRIs join the
        closure (what lies in the place now lies in all that holds the place too), anything else
        (a blank node on a path) makes them be read again."""
        before = self.located.by_graph.get(node, set())
        new = [edge for edge in dict.fromkeys(located) if not self.located.stated(edge)]
        self.located.replace(node, located)
        if self._within is None or any(not self.located.stated(edge) for edge in before):
            self._within = None
            return
        for inner, outer in new:
            if not (isinstance(inner, ox.NamedNode) and isinstance(outer, ox.NamedNode)):
                self._within = None
                return
            self._within = _joined(self._within, inner.value, outer.value)

    def profiles(self, exclude: str) -> dict[str, Profile]:
        """Every forum the store holds (typed so in any graph) of which the graphs other than
        `exclude` say something that identifies it, with what they say."""
        for forum in self._stale:
            self._profile(self._profiles, forum)
        self._stale = set()
        profiles = dict(self._profiles)
        left_out = ox.NamedNode(exclude)
        for forum in {fact[0] for fact in self.facts.by_graph.get(left_out, ())}:
            self._profile(profiles, forum, left_out)
        return profiles

    def _profile(self, profiles: dict[str, Profile], forum: ox.Term, exclude: ox.Term | None = None) -> None:
        """Make a forum's profile again in `profiles`, from every graph but `exclude`."""
        if not isinstance(forum, ox.NamedNode):
            return
        profiles.pop(forum.value, None)
        if forum not in self._forums:
            return
        for fact in self.facts.about(forum):
            if fact[1] != _KIND and (exclude is None or self.facts.stated_outside(fact, exclude)):
                value = fact[2]
                profile = profiles.setdefault(forum.value, Profile(forum.value))
                profile.add(fact[1], _literal(value) if isinstance(value, ox.Literal) else value.value)

    def within(self, store: Store) -> set[tuple[str, str]]:
        """`places_within(store)`, read again only after a write changed where places lie."""
        if self._within is None:
            self._within = places_within(store)
        return self._within


def _joined(within: set[tuple[str, str]], inner: str, outer: str) -> set[tuple[str, str]]:
    """The pairs of `within` (closed under "lies in") with `inner` now lying in `outer`: every place
    in `inner` (and itself) lies in `outer` and everything `outer` lies in."""
    lower = {inner} | {a for a, b in within if b == inner}
    upper = {outer} | {b for a, b in within if a == outer}
    return within | {(a, b) for a in lower for b in upper}


def places_within(store: Store) -> set[tuple[str, str]]:
    """(place, wider place) for every place the store locates, through any number of steps."""
    return {
        (row["inner"].value, row["outer"].value)
        for row in run(store, internal("articles", "places-within"))
        if isinstance(row["inner"], ox.NamedNode) and isinstance(row["outer"], ox.NamedNode)
    }


def forum_classes(store: Store) -> frozenset[str]:
    """Local names of cas:Forum and its subclasses, from the ontology in the store."""
    return _local_names(row["class"] for row in run(store, internal("articles", "forum-classes")))


def _local_names(classes: Iterable[ox.NamedNode]) -> frozenset[str]:
    return frozenset({c.value.rpartition("#")[2] for c in classes} | {"Forum"})
