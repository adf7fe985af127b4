"""Descriptions as names: "the Ministry of Defense", "Regional Information Centre", "Joint
Statement". An article often names a thing by what it is rather than by its name, and the
recogniser mints it as an entity of its own. Such a description is the graph's entity of the same
top class whose name holds every word of it (Ministry of Defence of the Kyrgyz Republic) and that
the article ties to the same context: the description belongs to or is affiliated with the same
state, or is part or a member of the same organisation (`entity-context.rq`). Which of five
ministries of defence "the Ministry of Defense" is, only that context tells, so words alone never
merge; an entity the article itself also names is weaker evidence and leaves a candidate.

Words are compared by their loose spelling (`person_names.spelling`), a long word one letter off
(defence, defense) agreeing; words of three letters or fewer (of, the, de, UN) are left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox
from rapidfuzz.distance import Levenshtein

from casckg.ingest.contract import Document, Literal, Ref, key_of
from casckg.ontology import expand
from casckg.queries import internal

from ..query import run
from ..store.embedded import Store
from .graph_facts import GraphFacts
from .mint import entity_iri
from .person_names import loose_keys, spelling

#: What ties a description to its context in the article (the query reads the same predicates).
CONTEXT = ("cas:belongsToState", "cas:affiliatedWith", "cas:partOf", "cas:memberOf")
#: Words of this length or shorter are function words or acronyms, not what a description says.
SHORT_WORD = 3


@lru_cache(maxsize=50_000)
def words(name: str) -> tuple[str, ...]:
    """The content words of a name, loosely spelled."""
    return tuple(w for t in key_of(name) if len(t) > SHORT_WORD and (w := spelling(t)))


#: Words longer than this agree one letter off (defence, defense); shorter ones only as written.
LOOSE_WORD = 5


def _holds(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether a longer name holds every word of a description (each word as written, or a long
    one a letter off: writing compares a description with every name of its class, so the cheap
    test comes first)."""
    return len(longer) > len(shorter) and all(w in longer or _one_off(w, longer) for w in shorter)


def _one_off(word: str, others: tuple[str, ...]) -> bool:
    """Whether a long word is one letter off one of the other long words."""
    n = len(word)
    return n > LOOSE_WORD and any(
        len(v) > LOOSE_WORD and abs(len(v) - n) <= 1 and Levenshtein.distance(word, v, score_cutoff=1) <= 1
        for v in others
    )


class DescribedBy:
    """Which entities of a top class have names that may hold every word of a description: an
    index from each content word's keys (`loose_keys`) to the entities with a name that has it.
    Writing compares each description with the names of its class; by the index it compares only
    those entities that have every word, so the cost no longer grows with the store. It may give
    an entity none of whose names holds them all (the words in different names, or keys shared
    by words two letters apart): `description_scores` decides. Built per class on first use, then
    kept current entity by entity (`update`) by whoever keeps the names."""

    def __init__(self) -> None:
        self._index: dict[str, dict[str, set[str]]] = {}  # top -> key -> IRIs
        self._keys: dict[str, tuple[str, set[str]]] = {}  # IRI -> its top and the keys it is under

    def built(self, top: str) -> bool:
        return top in self._index

    def build(self, top: str, entities: Iterable[tuple[str, Iterable[Literal]]]) -> None:
        """Index the class `top` with its entities and their names."""
        self._index[top] = {}
        for iri, names in entities:
            self.update(iri, top, names)

    def update(self, iri: str, top: str | None, names: Iterable[Literal]) -> None:
        """The entity's top class and names are now these (top None: it has none)."""
        if (old := self._keys.pop(iri, None)) is not None:
            index = self._index[old[0]]
            for key in old[1]:
                index[key].discard(iri)
        if top is None or (index := self._index.get(top)) is None:
            return
        keys = {key for name in names for word in words(name.value) for key in loose_keys(word, LOOSE_WORD + 1)}
        for key in keys:
            index.setdefault(key, set()).add(iri)
        self._keys[iri] = (top, keys)

    def candidates(self, top: str, description: tuple[str, ...]) -> set[str]:
        """The entities of the built class `top` with every word of the description (its `words`)."""
        index = self._index[top]
        found: set[str] | None = None
        for word in description:
            having = set().union(*(index.get(key, ()) for key in loose_keys(word, LOOSE_WORD + 1)))
            found = having if found is None else found & having
            if not found:
                break
        return found or set()


_CONTEXT_IRIS = frozenset(ox.NamedNode(expand(p)) for p in CONTEXT)


def context_facts(store: Store) -> GraphFacts[tuple[str, str]]:
    """(entity IRI, IRI of a state or organisation it is tied to), by the graphs that say so."""
    facts: GraphFacts[tuple[str, str]] = GraphFacts()
    for row in run(store, internal("articles", "entity-context")):
        facts.add(row["g"], (row["entity"].value, row["context"].value))
    return facts


def contexts_in(quads: Iterable[ox.Quad]) -> list[tuple[str, str]]:
    """The (entity, context) facts of a graph's quads, as `context_facts` reads them."""
    return [
        (q.subject.value, q.object.value)
        for q in quads
        if q.predicate in _CONTEXT_IRIS and isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.NamedNode)
    ]


@dataclass
class Contexts:
    """Each entity of the graph (and of the article) -> the states and organisations it is tied to."""

    of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def read(
        cls,
        store: Store,
        doc: Document,
        exclude: str,
        base: str | None,
        facts: GraphFacts[tuple[str, str]] | None = None,
    ) -> Contexts:
        """What the graphs other than `exclude` and the article say (`facts`: as a writer keeps
        them, read from the store when not given)."""
        contexts = cls()
        facts = facts if facts is not None else context_facts(store)
        left_out = ox.NamedNode(exclude)
        for fact in facts.all():
            if facts.stated_outside(fact, left_out):
                contexts.of[fact[0]].add(fact[1])
        for st in doc.statements:
            if st.predicate in CONTEXT and isinstance(st.object, Ref):
                contexts.of[entity_iri(st.subject, base)].add(entity_iri(st.object, base))
        return contexts


def description_scores(
    iri: str,
    names: list[Literal],
    candidates: dict[str, list[Literal]],
    contexts: Contexts,
    named_here: set[str],
    weights: dict[str, float],
) -> dict[str, tuple[float, dict[str, tuple]]]:
    """Entities (of the same top class, with their names) a description may stand for, scored:
    every word of the description in one of the entity's names, plus a shared context (a state,
    an organisation) or, weaker, the article naming the entity too."""
    found: dict[str, tuple[float, dict[str, tuple]]] = {}
    mine = [(n, w) for n in names if len(w := words(n.value)) >= 2]
    for other, their_names in candidates.items() if mine else ():
        for name, own in mine:
            match = next((t for t in their_names if _holds(words(t.value), own)), None)
            if match is None:
                continue
            shared = sorted(contexts.of.get(iri, set()) & contexts.of.get(other, set()))
            score = weights["description"] + (
                weights["context"] if shared else weights["named_here"] if other in named_here else 0.0
            )
            evidence = {"name": (name, match), **({"context": tuple(shared)} if shared else {})}
            found[other] = (round(score, 3), evidence)
            break
    return found
