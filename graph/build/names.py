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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pyoxigraph as ox
import yaml
from anyascii import anyascii

from casckg.ingest.contract import Document, Literal, Ref, key_of
from casckg.ontology import expand
from casckg.queries import internal

from ..query import run
from ..store.embedded import Store
from .identity import RULE_PATH, Candidate, Merge, _name, rename, resolve_forums
from .mint import entity_iri, ref_of, source_iri

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


@cache
def load_name_rule(path: Path = RULE_PATH) -> NameRule:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["names"]
    return NameRule(
        threshold=float(data["threshold"]),
        doubtful=float(data["doubtful"]),
        weights={k: float(data["weights"][k]) for k in ("name", "surname", "given_names")},
        types=frozenset(data["types"]),
        titles=frozenset(" ".join(key_of(t)) for t in data["titles"]),
    )


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """A name as entity linking compares it: token keys (Russian lemmas), no leading article."""
    return " ".join(key_of(_LEADING_ARTICLE.sub("", name.strip(' .,;:«»"“”')))).strip()


@lru_cache(maxsize=200_000)
def spelling(word: str) -> str:
    """A word in Latin letters spelled loosely, so transliterations meet: Tokayev, Tokaev,
    Tokaïev and Токаев are 'tokaev'; Zhaparov and Japarov 'aparov'; Noursoultan (French) is Nursultan."""
    text = re.sub(r"[^a-z]", "", anyascii(word).lower()).replace("zh", "j").replace("kh", "h").replace("ou", "u")
    text = re.sub(r"[yij]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


@dataclass(frozen=True)
class PersonName:
    """A person's name split as compared: the surname (loosely spelled) and given-name initials."""

    surname: str
    given: tuple[tuple[str, str], ...]  # each given name: (its initial, loosely spelled; "" for an initial)


def person_name(name: str, rule: NameRule) -> PersonName | None:
    """The surname and the given names or their initials (titles and patronymics left out)."""
    return _person_name(name, rule.titles)


@lru_cache(maxsize=200_000)  # every article compares its people with every name the store holds
def _person_name(name: str, titles: frozenset[str]) -> PersonName | None:
    words = [w.strip("-‐") for w in re.split(r"[\s.]+", name)]
    words = [w for w in words if w[:1].isalpha()]
    words = [w for w in words if name_key(w) not in titles]
    if not words or any(not w[:1].isupper() for w in words):
        return None  # a description ("Minister of Defence of Uzbekistan"), not a name
    surname = spelling(words[-1])
    given = [w for w in words[:-1] if not re.search(r"(?:вич|вна|ovich|evich|ovna|evna)$", w.lower())]
    parts = [part for w in given for part in w.split("-") if anyascii(part)[:1].isalpha()]
    initials = tuple((anyascii(p)[:1].lower(), spelling(p) if len(p) > 1 else "") for p in parts)
    return PersonName(surname, initials) if surname else None


def _person_score(mine: PersonName, theirs: PersonName, rule: NameRule) -> float:
    if mine.surname != theirs.surname or len(mine.surname) < 3:
        return 0.0
    if mine.given and theirs.given:
        pairs = zip(mine.given, theirs.given, strict=False)
        if any(a[0] != b[0] or (a[1] and b[1] and a[1] != b[1]) for a, b in pairs):
            return 0.0  # two people of one surname (father and son, Ilham and Ilhom Aliyev)
        return rule.weights["surname"] + rule.weights["given_names"]
    return rule.weights["surname"]


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
    """The names each graph of the store gives entities, read once and kept current by the writer
    (`replaced`, with the quads that replace a graph): identity resolution compares each article
    with every name outside its own graph, and reading all of them from the store again for each
    article was most of the cost of writing one."""

    def __init__(self, store: Store):
        self.by_graph: dict[ox.Term, set[tuple[ox.Term, ox.Term]]] = defaultdict(set)
        for row in run(store, internal("articles", "names-by-graph")):
            self.by_graph[row["g"]].add((row["entity"], row["name"]))

    def replaced(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """The graph now holds these quads (and nothing else)."""
        self.by_graph[ox.NamedNode(graph)] = {(q.subject, q.object) for q in quads if q.predicate in _NAME_IRIS}

    def outside(self, store: Store, exclude: str) -> Iterator[tuple[ox.Term, str, ox.Term]]:
        """(entity, local name of its top class, name) for every name outside the graph `exclude`,
        each once, of every entity typed with a top class in any graph."""
        tops: dict[ox.Term, list[str]] = defaultdict(list)
        for row in run(store, internal("articles", "entity-tops")):
            tops[row["entity"]].append(row["top"].value.rpartition("#")[2])
        left_out = ox.NamedNode(exclude)
        pairs = {pair for graph, named in self.by_graph.items() if graph != left_out for pair in named}
        for entity, name in pairs:
            for top in tops.get(entity, ()):
                yield entity, top, name


def resolve_names(
    doc: Document,
    store: Store,
    rule: NameRule | None = None,
    base: str | None = None,
    names: StoreNames | None = None,
) -> tuple[Document, list[Merge], list[Candidate]]:
    """The document with its new entities merged into entities of the graph they share a name with.

    Only entities the graph does not hold yet (minted by this article) are compared, each with the
    graph's entities of the same top class. One match at the threshold merges; several, or one
    between `doubtful` and the threshold, are candidates and the entity keeps its own IRI. `names`:
    the store's names as a writer keeps them (read from the store when not given).
    """
    rule = rule or load_name_rule()
    tops = top_classes(store)
    known: dict[str, tuple[str, list[str]]] = {}  # IRI -> (top class, names)
    by_key: dict[tuple[str, str], set[str]] = defaultdict(set)  # (top, name key) -> IRIs
    by_surname: dict[str, set[str]] = defaultdict(set)
    exclude = source_iri(doc.source, base)
    for entity, top, name in (names or StoreNames(store)).outside(store, exclude):
        if not isinstance(entity, ox.NamedNode) or not isinstance(name, ox.Literal):
            continue
        known.setdefault(entity.value, (top, []))[1].append(name.value)
        by_key[(top, name_key(name.value))].add(entity.value)
        if top == "Person" and (parsed := person_name(name.value, rule)):
            by_surname[parsed.surname].add(entity.value)
    same, different = decisions(store)
    names = _document_names(doc)
    mapping: dict[Ref, Ref] = {}
    merges: list[Merge] = []
    candidates: list[Candidate] = []
    for entity in doc.entities:
        iri = entity_iri(entity.ref, base)
        top = next((tops[c] for c in entity.classes if c in tops), None)
        if iri in known or top not in rule.types or entity.ref in mapping:
            continue
        scores: dict[str, tuple[float, dict[str, tuple[Literal, ...]]]] = {}
        for name in names.get(entity.ref, []):
            key = name_key(name.value)
            for other in by_key.get((top, key), ()) if key else ():
                scores[other] = (rule.weights["name"], {"name": (name,)})
            if top == "Person" and (mine := person_name(name.value, rule)):
                for other in by_surname.get(mine.surname, ()):
                    best = max(
                        (_person_score(mine, p, rule) for n in known[other][1] if (p := person_name(n, rule))),
                        default=0.0,
                    )
                    if best > scores.get(other, (0.0, {}))[0]:
                        scores[other] = (best, {"name": (name,)})
        for other in different.get(iri, ()):
            scores.pop(other, None)  # an analyst said these are two
        for other in same.get(iri, ()):
            if other in known:
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
    return rename(doc, mapping), merges, candidates


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
    doc: Document, store: Store, base: str | None = None, names: StoreNames | None = None
) -> tuple[Document, list[Merge], list[Candidate]]:
    """Identity resolution of one article against the store: forums by what identifies them,
    other entities by name (`names`: the store's names as a writer keeps them). The merges made and
    the candidates left for an analyst."""
    doc, merges = resolve_forums(doc, store, base=base)
    doc, by_name, candidates = resolve_names(doc, store, base=base, names=names)
    return doc, merges + by_name, candidates
