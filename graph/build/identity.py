"""Cross-source identity: one real-world thing, reported by several sources, is one node.

An article names an event in its own words ("le premier forum régional…", "the first regional
roundtable…"), so names alone cannot tell that two reports are about one event. What can is what
the reports say about it: who organised it, who took part, where and when. Before an article's
graph is written, each of its forums is compared with the forums the store already holds (from
reference records or other articles) by a scored rule whose weights are data (`identity.yaml`).
When the best candidate passes, the article's forum takes that IRI, and a `Merge` records which
name was merged into which entity, with the score and the shared evidence.

Other entities an article introduces are compared by name (`names.py`); `resolve` there runs both.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from casckg.ingest.contract import Document, Literal, Ref

from ..store.embedded import Store
from .forum_evidence import _PREDICATES, Profile, StoreForums, forum_classes
from .mint import entity_iri, ref_of, source_iri

RULE_PATH = Path(__file__).with_name("identity.yaml")
FEATURES = ("organiser", "participants", "place", "date")


@dataclass(frozen=True)
class Rule:
    """The weights and threshold of the match (see identity.yaml)."""

    threshold: float
    min_kinds: int
    weights: dict[str, float]
    place_conflict: float
    date_veto: bool


@cache
def load_rule(path: Path = RULE_PATH) -> Rule:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Rule(
        threshold=float(data["threshold"]),
        min_kinds=int(data["min_kinds"]),
        weights={k: float(data["weights"][k]) for k in FEATURES},
        place_conflict=float(data["place_conflict"]),
        date_veto=data["date_conflict"] == "veto",
    )


@dataclass(frozen=True)
class Verdict:
    """The outcome of comparing two forum descriptions."""

    score: float
    shared: dict[str, tuple[str | Literal, ...]]  # feature -> shared IRIs or dates
    conflicts: tuple[str, ...]

    def passes(self, rule: Rule) -> bool:
        vetoed = rule.date_veto and "date" in self.conflicts
        return not vetoed and len(self.shared) >= rule.min_kinds and self.score >= rule.threshold


@dataclass(frozen=True)
class Merge:
    """An article's entity taken to be one already in the graph, and why."""

    local: Ref
    into: Ref
    name: Literal | None
    score: float
    shared: dict[str, tuple[str | Literal, ...]]


@dataclass(frozen=True)
class Candidate:
    """An article's entity that may be one already in the graph, kept apart for an analyst."""

    local: Ref
    other: Ref
    name: Literal | None
    score: float
    shared: dict[str, tuple[str | Literal, ...]]


# --- dates -------------------------------------------------------------------------------------


def date_parts(lexical: str) -> tuple[str | None, str | None, str | None]:
    """(year, month, day) of xsd:date, gYearMonth, gYear or gMonthDay ('--05-31'); None where absent."""
    text = lexical.strip()[:10]
    if text.startswith("--"):
        month, _, day = text[2:].partition("-")
        return None, month or None, day or None
    parts = text.split("-")
    return parts[0] or None, parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


def compare_dates(a: str, b: str) -> str:
    """'match' when the dates can be one day and say enough to tell (two parts at least),
    'conflict' when some part differs, else 'unknown' (2024 against --05-31)."""
    pa, pb = date_parts(a), date_parts(b)
    both = [(x, y) for x, y in zip(pa, pb, strict=True) if x and y]
    if any(x != y for x, y in both):
        return "conflict"
    return "match" if len(both) >= 2 else "unknown"


# --- scoring -----------------------------------------------------------------------------------


def compare(a: Profile, b: Profile, rule: Rule, within: set[tuple[str, str]]) -> Verdict:
    """Score two descriptions of forums; `within` holds (place, wider place) pairs."""
    w = rule.weights
    score, shared, conflicts = 0.0, {}, []
    organisers = sorted(a.organisers & b.organisers)
    if organisers:
        score += w["organiser"]
        shared["organiser"] = tuple(organisers)
    participants = sorted(a.participants & b.participants)
    if participants:
        score += w["participants"] * len(participants) / min(len(a.participants), len(b.participants))
        shared["participants"] = tuple(participants)
    if a.places and b.places:
        places = sorted(_wider(x, y, within) for x in a.places for y in b.places if _wider(x, y, within))
        if places:
            score += w["place"]
            shared["place"] = tuple(places)
        else:
            score -= rule.place_conflict
            conflicts.append("place")
    if a.dates and b.dates:
        outcomes = {(x, y): compare_dates(x.value, y.value) for x in a.dates for y in b.dates}
        matched = sorted(
            {max(x, y, key=lambda d: len(d.value)) for (x, y), r in outcomes.items() if r == "match"},
            key=lambda d: d.value,
        )
        if matched:
            score += w["date"]
            shared["date"] = tuple(matched)
        elif all(r == "conflict" for r in outcomes.values()):
            conflicts.append("date")
    return Verdict(round(score, 3), shared, tuple(conflicts))


def _wider(x: str, y: str, within: set[tuple[str, str]]) -> str | None:
    """The place two compatible places agree on (the wider one), or None when they are apart."""
    if x == y or (y, x) in within:
        return x
    return y if (x, y) in within else None


# --- profiles from the store and from a document ----------------------------------------------


def document_profiles(doc: Document, forum_kinds: Iterable[str], base: str | None = None) -> dict[Ref, Profile]:
    """The forums a document speaks of, each with what the document says identifies it."""
    kinds = set(forum_kinds)
    forums = {e.ref for e in doc.entities if kinds & set(e.classes)}
    profiles = {ref: Profile(entity_iri(ref, base)) for ref in forums}
    for st in doc.statements:
        for (predicate, forward), feature in _PREDICATES.items():
            if st.predicate != predicate:
                continue
            forum, value = (st.subject, st.object) if forward else (st.object, st.subject)
            if forum in profiles:
                profiles[forum].add(feature, entity_iri(value, base) if isinstance(value, Ref) else value)
    return profiles


def _name(doc: Document, ref: Ref) -> Literal | None:
    for st in doc.statements:
        if st.subject == ref and st.predicate == "rdfs:label" and isinstance(st.object, Literal):
            return st.object
    mention = next((m for m in doc.mentions if m.ref == ref), None)
    return Literal(mention.text, language=doc.source.language) if mention else None


# --- resolution --------------------------------------------------------------------------------


def rename(doc: Document, mapping: dict[Ref, Ref]) -> Document:
    """The document with every reference in `mapping` replaced (entities, statements, mentions).

    A merged entity keeps the graph's label: the article's own name for it becomes an alias
    (skos:altLabel), so each entity has one label per language however many sources name it.
    """
    if not mapping:
        return doc

    def m(x):
        return mapping.get(x, x) if isinstance(x, Ref) else x

    def restate(s):
        predicate = "skos:altLabel" if s.predicate == "rdfs:label" and s.subject in mapping else s.predicate
        return dataclasses.replace(s, subject=m(s.subject), predicate=predicate, object=m(s.object))

    entities, seen = [], set()
    for e in doc.entities:
        renamed = dataclasses.replace(e, ref=m(e.ref))
        if (renamed.ref, renamed.classes) not in seen:
            seen.add((renamed.ref, renamed.classes))
            entities.append(renamed)
    statements = [restate(s) for s in doc.statements]
    mentions = [dataclasses.replace(x, ref=m(x.ref)) for x in doc.mentions]
    return dataclasses.replace(doc, entities=entities, statements=statements, mentions=mentions)


def resolve_forums(
    doc: Document,
    store: Store,
    rule: Rule | None = None,
    base: str | None = None,
    forums: StoreForums | None = None,
) -> tuple[Document, list[Merge]]:
    """The document with its forums merged into matching forums of the store, and the merges made.

    Each store forum takes at most one of the document's forums (the best-scoring one): two
    events one article tells apart stay apart. `forums`: the store's forums as a writer keeps
    them (read from the store when not given).
    """
    rule = rule or load_rule()
    ours = document_profiles(doc, forums.kinds if forums else forum_classes(store), base)
    if not ours:
        return doc, []
    forums = forums or StoreForums(store)
    theirs = forums.profiles(exclude=source_iri(doc.source, base))
    within = forums.within(store) | _document_within(doc, base)
    scored = []
    for local, mine in ours.items():
        for iri, other in theirs.items():
            if iri == mine.iri:
                continue
            verdict = compare(mine, other, rule, within)
            if verdict.passes(rule):
                scored.append((verdict.score, local, iri, verdict))
    mapping: dict[Ref, Ref] = {}
    merges: list[Merge] = []
    taken: set[str] = set()
    for score, local, iri, verdict in sorted(scored, key=lambda x: (-x[0], x[1], x[2])):
        into = ref_of(iri, base)
        if local in mapping or iri in taken or into is None:
            continue
        mapping[local] = into
        taken.add(iri)
        merges.append(Merge(local, into, _name(doc, local), score, verdict.shared))
    return rename(doc, mapping), merges


def _document_within(doc: Document, base: str | None) -> set[tuple[str, str]]:
    """(place, wider place) pairs the document itself states, closed under transitivity."""
    up: dict[str, set[str]] = defaultdict(set)
    for st in doc.statements:
        if st.predicate == "cas:locatedIn" and isinstance(st.object, Ref):
            up[entity_iri(st.subject, base)].add(entity_iri(st.object, base))
    pairs = set()
    for inner in list(up):
        stack, seen = list(up[inner]), set()
        while stack:
            outer = stack.pop()
            if outer not in seen:
                seen.add(outer)
                pairs.add((inner, outer))
                stack.extend(up.get(outer, ()))
    return pairs
