"""Identity by name: the people, organisations, missions, ... an article introduces are the graph's
own when their names say so.

Names are compared with the key entity linking uses (`ingest/tokens.py`): an alias of UNIFIL
("UN mission in Lebanon"), an inflected form ("Токаева"), a transliteration (Tokaev) or a fuller
form ("Kassym-Jomart Tokayev") finds the entity the graph holds. One clear match merges; several,
or a weak one (a surname alone), leave a `Candidate` for an analyst instead; an analyst's
decision (sources/identity.yaml) overrides both. Forums are matched by what identifies them
(`identity.py`), since many meetings share a name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import pyoxigraph as ox
import yaml

from casckg.ingest.contract import Document, Literal, Ref, key_of
from casckg.ontology import expand
from casckg.queries import internal

from ..query import run
from ..store.embedded import Store
from .descriptions import Contexts, DescribedBy, context_facts, contexts_in, description_scores, words
from .forum_evidence import StoreForums
from .graph_facts import GraphFacts
from .identity import RULE_PATH, Candidate, Merge, _name, rename, resolve_forums
from .mint import entity_iri, ref_of, source_iri
from .person_names import SHORT_SURNAME, PersonName, loose_keys, person_name, person_score
from .quads import RDF_TYPE

_NAME_PREDICATES = ("rdfs:label", "skos:altLabel", "cas:acronym")
_NAME_IRIS = frozenset(ox.NamedNode(expand(p)) for p in _NAME_PREDICATES)
# A leading article is no part of a name ("the CSTO", "l'OTSC"); as written, so "UN" stays.
_LEADING_ARTICLE = re.compile(r"^(?:(?:[Tt]he|[Ll][ae]s?|[Uu]ne?|[Dd]es|[Dd]u)\s+|[Ll][’'])")


@dataclass(frozen=True)
class NameRule:
    """When an article's entity is one of the graph's by name (see identity.yaml, `names`)."""

    threshold: float
    doubtful: float
    weights: dict[str, float]
    types: frozenset[str]
    titles: frozenset[str]
    particles: frozenset[str]

    def person(self, name: str) -> PersonName | None:
        """A person's name as compared (`person_names`), with this rule's titles and particles."""
        return person_name(name, self.titles, self.particles)


@cache
def load_name_rule(path: Path = RULE_PATH) -> NameRule:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["names"]
    return NameRule(
        threshold=float(data["threshold"]),
        doubtful=float(data["doubtful"]),
        weights={k: float(v) for k, v in data["weights"].items()},
        types=frozenset(data["types"]),
        titles=frozenset(" ".join(key_of(t)) for t in data["titles"]),
        particles=frozenset(data["particles"]),
    )


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """A name as entity linking compares it: token keys (Russian lemmas), no leading article."""
    return " ".join(key_of(_LEADING_ARTICLE.sub("", name.strip(' .,;:«»"“”')))).strip()


def top_classes(store: Store) -> dict[str, str]:
    """Local name of each ontology class -> the local name of its top class (Summit -> Forum)."""
    return {
        row["class"].value.rpartition("#")[2]: row["top"].value.rpartition("#")[2]
        for row in run(store, internal("articles", "class-tops"))
    }


def _document_names(doc: Document) -> dict[Ref, list[Literal]]:
    names: dict[Ref, list[Literal]] = defaultdict(list)
    for st in doc.statements:
        if st.predicate in _NAME_PREDICATES and isinstance(st.object, Literal):
            names[st.subject].append(st.object)
    for m in doc.mentions:
        names[m.ref].append(Literal(m.text, language=doc.source.language))
    return names


class StoreNames:
    """The names and top classes each graph of the store gives entities, read once and kept
    current by the writer (`replaced`, with the quads that replace a graph), and the `Pool` of
    those names: identity resolution compares each article with every name outside its own graph,
    and reading and indexing them all again for each article was most of the cost of writing one.
    Only the entities a write touched are indexed again. The ontology's class tops and the
    analysts' identity decisions are read once too: no article states either."""

    def __init__(self, store: Store):
        self.names: GraphFacts[tuple[ox.Term, ox.Term]] = GraphFacts()  # (entity, name)
        for row in run(store, internal("articles", "names-by-graph")):
            self.names.add(row["g"], (row["entity"], row["name"]))
        self.tops: GraphFacts[tuple[ox.Term, str]] = GraphFacts()  # (entity, local name of a top class)
        self._top_of: dict[ox.Term, str] = {}  # top class -> its local name, in the query's order
        for row in run(store, internal("articles", "entity-tops")):
            top = self._top_of.setdefault(row["top"], row["top"].value.rpartition("#")[2])
            if row["entity"] is not None:
                self.tops.add(row["g"], (row["entity"], top))
        self._rank = {top: rank for rank, top in enumerate(self._top_of.values())}
        self.contexts = context_facts(store)  # what ties entities to states and organisations
        # what no article changes: the ontology's top classes and the analysts' decisions
        self.class_tops = top_classes(store)
        self.decisions = decisions(store)
        self._pool: Pool | None = None  # every name of the store, outside no graph
        self._stale: set[ox.Term] = set()  # entities the pool must index again
        self._described = DescribedBy()  # the pool's entities by the words of their names

    @property
    def by_graph(self) -> dict[ox.Term, set[tuple[ox.Term, ox.Term]]]:
        """Graph -> the (entity, name) pairs it states."""
        return self.names.by_graph

    def replaced(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """The graph now holds these quads (and nothing else)."""
        node, quads = ox.NamedNode(graph), list(quads)
        names = [(q.subject, q.object) for q in quads if q.predicate in _NAME_IRIS]
        tops = [
            (q.subject, self._top_of[q.object]) for q in quads if q.predicate == RDF_TYPE and q.object in self._top_of
        ]
        self._stale |= self.names.replace(node, names) | self.tops.replace(node, tops)
        self.contexts.replace(node, contexts_in(quads))

    def _index(self, pool: Pool, entity: ox.Term, exclude: ox.Term | None = None) -> None:
        """(Re)index one entity in `pool`: each of its names outside the graph `exclude`, once per
        top class it has in any graph."""
        if not isinstance(entity, ox.NamedNode):
            return
        pool.remove(entity.value)
        tops = sorted((top for _, top in self.tops.about(entity)), key=self._rank.__getitem__)
        for pair in sorted(self.names.about(entity), key=_in_order):  # the same order however learned
            name = pair[1]
            if isinstance(name, ox.Literal) and (exclude is None or self.names.stated_outside(pair, exclude)):
                for top in tops:
                    pool.add(entity.value, top, Literal(name.value, language=name.language))

    def pool(self, rule: NameRule, exclude: str) -> Pool:
        """Every entity typed with a top class in any graph, with its names outside the graph
        `exclude`: a copy the caller may add to."""
        if self._pool is None or self._pool.rule is not rule:
            self._pool, self._stale = Pool(rule), set(self.names.subjects())
            self._described = DescribedBy()
        for entity in self._stale:
            self._index(self._pool, entity)
            if isinstance(entity, ox.NamedNode):
                iri = entity.value
                self._described.update(iri, self._pool.tops.get(iri), self._pool.names.get(iri, ()))
        self._stale = set()
        pool = self._pool.copy()
        left_out = ox.NamedNode(exclude)
        for entity in {entity for entity, _ in self.names.by_graph.get(left_out, ())}:
            self._index(pool, entity, left_out)
        return pool

    def described(self, top: str, names: list[Literal]) -> set[str]:
        """The entities of the pool (as `pool` last made it) of top class `top` that may be what one
        of these descriptions names (`DescribedBy`)."""
        pool = self._pool
        assert pool is not None, "pool() first"
        if not self._described.built(top):
            self._described.build(top, ((iri, pool.names[iri]) for iri, t in pool.tops.items() if t == top))
        return set().union(*(self._described.candidates(top, own) for n in names if len(own := words(n.value)) >= 2))


def _in_order(pair: tuple[ox.Term, ox.Term]) -> tuple[str, str]:
    """(entity, name) pairs in the order an entity's names are compared: which of two equally good
    matches is given as the evidence of a merge."""
    return pair[1].value, getattr(pair[1], "language", None) or ""


Scores = dict[str, tuple[float, dict[str, tuple[Literal, ...]]]]  # IRI -> (score, shared evidence)


@dataclass
class Pool:
    """The entities an article's new entities are compared with, indexed by name: the graph's,
    then each of the article's own that stays apart (so the article's "M. Dominique de Villepin"
    finds its "Dominique de Villepin"). People are also found by their surname's keys
    (`loose_keys`), so a person is compared only with those whose surname may agree rather than
    with every person. A set of `by_key` or `by_surname` is replaced, never changed, so a `copy`
    shares the rest."""

    rule: NameRule
    tops: dict[str, str] = field(default_factory=dict)  # IRI -> top class
    by_key: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    names: dict[str, list[Literal]] = field(default_factory=dict)
    people: dict[str, list[tuple[Literal, PersonName]]] = field(default_factory=dict)
    keys: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # IRI -> where it is in by_key
    by_surname: dict[str, frozenset[str]] = field(default_factory=dict)  # surname key -> people
    surnames: dict[str, set[str]] = field(default_factory=dict)  # IRI -> where it is in by_surname

    def add(self, iri: str, top: str, name: Literal) -> None:
        self.tops[iri] = top
        self.names[iri] = [*self.names.get(iri, ()), name]
        if key := name_key(name.value):
            self.by_key[(top, key)] = self.by_key.get((top, key), frozenset()) | {iri}
            self.keys[iri] = self.keys.get(iri, set()) | {(top, key)}
        if top == "Person" and (parsed := self.rule.person(name.value)):
            self.people[iri] = [*self.people.get(iri, ()), (name, parsed)]
            keys = loose_keys(parsed.surname, SHORT_SURNAME)
            for key in keys:
                self.by_surname[key] = self.by_surname.get(key, frozenset()) | {iri}
            self.surnames[iri] = self.surnames.get(iri, set()).union(keys)

    def remove(self, iri: str) -> None:
        """Forget an entity and its names."""
        for key in self.keys.pop(iri, ()):
            if left := self.by_key[key] - {iri}:
                self.by_key[key] = left
            else:
                del self.by_key[key]
        for key in self.surnames.pop(iri, ()):
            if left := self.by_surname[key] - {iri}:
                self.by_surname[key] = left
            else:
                del self.by_surname[key]
        for table in (self.tops, self.names, self.people):
            table.pop(iri, None)

    def copy(self) -> Pool:
        return Pool(
            self.rule,
            dict(self.tops),
            dict(self.by_key),
            dict(self.names),
            dict(self.people),
            dict(self.keys),
            dict(self.by_surname),
            dict(self.surnames),
        )

    def _alike(self, surname: str) -> set[str]:
        """The people whose surname may agree with this one (`surnames_agree` decides)."""
        return set().union(*(self.by_surname.get(key, ()) for key in loose_keys(surname, SHORT_SURNAME)))

    def scores(self, top: str, names: list[Literal]) -> Scores:
        """Entities of the top class `names` may denote, each with its best score and evidence:
        a name in common, else (people) what the surname and given names agree on."""
        weights = self.rule.weights
        found: Scores = {}
        for name in names:
            key = name_key(name.value)
            for other in self.by_key.get((top, key), ()) if key else ():
                found[other] = (weights["name"], {"name": (name,)})
            mine = self.rule.person(name.value) if top == "Person" else None
            alike = self._alike(mine.surname) if mine else set()
            for other in alike:
                for their_name, parsed in self.people[other]:
                    score = person_score(mine, parsed, weights)
                    if score > found.get(other, (0.0, {}))[0]:
                        found[other] = (score, {"name": (name, their_name)})
        return found


def resolve_names(
    doc: Document,
    store: Store,
    rule: NameRule | None = None,
    base: str | None = None,
    names: StoreNames | None = None,
) -> tuple[Document, list[Merge], list[Candidate]]:
    """The document with its new entities merged into entities they share a name with.

    Only entities the graph does not hold yet (minted by this article) are compared, each with the
    graph's entities of the same top class and with the article's own new entities read before it
    (names with a title last, so "Dominique de Villepin" keeps the IRI, not "M. Dominique de
    Villepin"). One match at the threshold merges; several, or one between `doubtful` and the
    threshold, are candidates and the entity keeps its own IRI. `names`: the store's names as a
    writer keeps them (read from the store when not given).
    """
    rule = rule or load_name_rule()
    known = names or StoreNames(store)
    tops = known.class_tops
    pool = known.pool(rule, source_iri(doc.source, base))
    in_graph = set(pool.tops)
    contexts = Contexts.read(store, doc, source_iri(doc.source, base), base, known.contexts)
    named_here = {i for e in doc.entities if (i := entity_iri(e.ref, base)) in in_graph}
    same, different = known.decisions
    names = _document_names(doc)
    added: set[str] = set()  # the article's own entities the pool now holds
    mapping: dict[Ref, Ref] = {}
    merges: list[Merge] = []
    candidates: list[Candidate] = []
    for entity in sorted(doc.entities, key=lambda e: _titled(names.get(e.ref, []), rule)):
        iri = entity_iri(entity.ref, base)
        top = next((tops[c] for c in entity.classes if c in tops), None)
        if iri in in_graph or top not in rule.types or entity.ref in mapping:
            continue
        scores = pool.scores(top, names.get(entity.ref, []))
        if top != "Person" and not any(s >= rule.threshold for s, _ in scores.values()):
            maybe = known.described(top, names.get(entity.ref, [])) | added
            of_top = {o: pool.names[o] for o in maybe if pool.tops.get(o) == top}
            described = description_scores(iri, names.get(entity.ref, []), of_top, contexts, named_here, rule.weights)
            scores = {**described, **scores}
        for other in different.get(iri, ()):
            scores.pop(other, None)  # an analyst said these are two
        for other in same.get(iri, ()):
            if other in in_graph:
                scores = {other: (1.0, {})}  # an analyst said these are one
                break
        strong = sorted(o for o, (s, _) in scores.items() if s >= rule.threshold)
        doubtful = sorted(o for o, (s, _) in scores.items() if rule.doubtful <= s < rule.threshold)
        label = _name(doc, entity.ref)
        if len(strong) == 1 and (into := ref_of(strong[0], base)) is not None:
            score, shared = scores[strong[0]]
            mapping[entity.ref] = into
            merges.append(Merge(entity.ref, into, label, score, shared))
            continue
        for other in strong + doubtful:
            if (ref := ref_of(other, base)) is not None:
                score, shared = scores[other]
                candidates.append(Candidate(entity.ref, ref, label, score, shared))
        for name in names.get(entity.ref, []):
            pool.add(iri, top, name)
            added.add(iri)
    return rename(doc, mapping), merges, candidates


def _titled(names: list[Literal], rule: NameRule) -> bool:
    """Whether an entity's first name begins with a title ("M. Dominique de Villepin")."""
    first = names[0].value.split() if names else []
    return bool(first) and name_key(first[0]) in rule.titles


def decisions(store: Store) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """What analysts decided (sources/identity.yaml): IRI -> IRIs it is one with, and IRIs it is
    not; both ways round."""
    same: dict[str, set[str]] = defaultdict(set)
    different: dict[str, set[str]] = defaultdict(set)
    for row in run(store, internal("articles", "identity-decisions")):
        a, b = row["entity"].value, row["other"].value
        table = same if row["decision"].value.endswith("sameAs") else different
        table[a].add(b)
        table[b].add(a)
    return same, different


def resolve(
    doc: Document,
    store: Store,
    base: str | None = None,
    names: StoreNames | None = None,
    forums: StoreForums | None = None,
) -> tuple[Document, list[Merge], list[Candidate]]:
    """Identity resolution of one article against the store: forums by what identifies them,
    other entities by name (`names`, `forums`: the store's names and forums as a writer keeps
    them). The merges made and the candidates left for an analyst."""
    doc, merges = resolve_forums(doc, store, base=base, forums=forums)
    doc, by_name, candidates = resolve_names(doc, store, base=base, names=names)
    return doc, merges + by_name, candidates
