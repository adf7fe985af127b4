"""Synthetic graphs shaped like the real one, at any size, the same for the same seed.

The generator writes `Document`s, the records every loader hands to the build, so a synthetic
graph goes through the project's own quads path and has the real graph's shape: a few large
reference graphs (states, institutions with their parts, states and places, people, forums with
participants and dates, agreements with signatories, missions with deployments, memberships)
and many small article graphs whose statements carry `cas:Assertion` evidence nodes. As in the
corpus build, articles mostly restate what the records (or earlier articles) say, and each one
writes again the type and label of every entity it names: one fact, many source graphs. Some
articles name an entity that may be one already in the graph, a pair kept apart for an analyst
(a `cas:MergeCandidate`), and an analysts' decisions graph says of other such pairs that they
are one entity or two (owl:sameAs, owl:differentFrom), in the proportions of the corpus build.

Every synthetic graph holds the project's reference records, and the first synthetic entities
of each type take their keys and those of the query library's default parameters (state/KAZ,
institution/csto, forum/cica-summit-2022, …), so every library query finds something with its
defaults. The rest get synthetic keys.

    python -m bench.generate --quads 100000 --seed 1 --out graph.nq
"""

from __future__ import annotations

import argparse
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import yaml

from casckg.graph.build.quads import document_quads
from casckg.ingest.loaders.reference import load_reference_dir
from casckg.ingest.records import Document, Entity, Evidence, Literal, Ref, Source, Statement
from casckg.queries import library

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO / "sources" / "reference"
#: About how many quads one slice (see `_slice`) gives; measured, used to size a run (the
#: reference records' own quads are counted as they are loaded: the records keep growing).
QUADS_PER_SLICE = 290
#: Relations an article may restate from the records.
RESTATABLE = ("cas:participant", "cas:signatory", "cas:cooperatesWith", "cas:proposed", "cas:party")
STATES = 200
INSTITUTION_KINDS = ("InternationalOrganisation", "GovernmentBody", "MilitaryUnit", "TrainingCentre", "NGO")
FORUM_KINDS = ("Meeting", "Summit", "Roundtable", "Conference", "Exercise", "Talks", "TrainingCourse")
AGREEMENT_KINDS = ("Treaty", "MemorandumOfUnderstanding", "Declaration")
LANGUAGES = ("en", "fr", "ru")


def anchor_keys() -> dict[str, list[str]]:
    """Real keys per type path: the reference records' ids and the library's default IRIs."""
    keys: dict[str, list[str]] = {}
    paths = {"State": "state", "Institution": "institution", "Place": "place", "Mission": "mission"}
    for path in sorted(REFERENCE.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for record in data.get("records", []):
            kind = paths.get(str(record.get("type")))
            if kind and str(record.get("id")) not in keys.setdefault(kind, []):
                keys[kind].append(str(record["id"]))
    for query in library().values():
        for param in query.params:
            if param.type == "iri" and param.default and param.default.count("/") == 1:
                kind, key = param.default.split("/")
                if key not in keys.setdefault(kind, []):
                    keys[kind].append(key)
    return keys


@dataclass
class _World:
    """The entities made so far, by type, for later statements to point at."""

    rng: random.Random
    anchors: dict[str, list[str]]
    made: dict[str, list[Ref]] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)
    known: list[tuple[Ref, str, Ref]] = field(default_factory=list)  # facts stated so far, to restate
    decisions: list[tuple[Ref, str, Ref]] = field(default_factory=list)  # analysts' identity decisions

    def new(self, path: str) -> Ref:
        n = self.counters.get(path, 0)
        self.counters[path] = n + 1
        anchors = self.anchors.get(path, [])
        ref = Ref(path, anchors[n] if n < len(anchors) else f"syn-{path}-{n:07d}")
        self.made.setdefault(path, []).append(ref)
        return ref

    def pick(self, *paths: str) -> Ref:
        path = self.rng.choice(paths)
        return self.rng.choice(self.made[path])

    def some(self, n: int, *paths: str) -> list[Ref]:
        return sorted({self.pick(*paths) for _ in range(n)})


def _labels(ref: Ref, doc: Document) -> None:
    for lang in LANGUAGES:
        doc.statements.append(Statement(ref, "rdfs:label", Literal(f"{ref.key} ({lang})", language=lang)))


def _date(rng: random.Random) -> Literal:
    return Literal(f"{rng.randint(1992, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", datatype="date")


def _entity(w: _World, doc: Document, path: str, *classes: str) -> Ref:
    ref = w.new(path)
    doc.entities.append(Entity(ref, classes))
    _labels(ref, doc)
    doc.statements.append(Statement(ref, "cas:citation", f"https://example.org/{path}/{ref.key}"))
    return ref


def _slice(w: _World, docs: dict[str, Document], articles: list[Document]) -> None:
    """One slice of the world: a few of each kind of entity and the articles about them."""
    rng = w.rng
    ref = docs["reference"]
    where = w.pick("place", "state") if w.made.get("place") else w.pick("state")  # earlier ones: no cycles
    place = _entity(w, ref, "place", "Place")
    ref.statements.append(Statement(place, "cas:locatedIn", where))
    for _ in range(2):
        kind = rng.choice(INSTITUTION_KINDS)
        parent = w.pick("institution") if w.made.get("institution") and rng.random() < 0.5 else None
        inst = _entity(w, ref, "institution", "Institution", kind)
        ref.statements.append(Statement(inst, "cas:locatedIn", w.pick("place")))
        if kind in ("GovernmentBody", "MilitaryUnit"):
            if parent:
                ref.statements.append(Statement(inst, "cas:partOf", parent))
            else:
                ref.statements.append(Statement(inst, "cas:belongsToState", w.pick("state")))
        if kind == "InternationalOrganisation":
            for member in w.some(rng.randint(2, 6), "state"):
                since = _date(rng).value
                node = Ref("membership", f"{member.path}-{member.key}--{inst.key}--{since}")
                ref.entities.append(Entity(node, ("Membership",)))
                ref.statements += [
                    Statement(node, "cas:member", member),
                    Statement(node, "cas:organisation", inst),
                    Statement(node, "cas:startDate", Literal(since, datatype="date")),
                ]
    for _ in range(3):
        person = _entity(w, ref, "person", "Person")
        ref.statements += [
            Statement(person, "cas:role", Literal("Minister")),
            Statement(person, "cas:affiliatedWith", w.pick("institution", "state")),
        ]
    forums = []
    for _ in range(3):
        forum = _entity(w, docs["forums"], "forum", "Forum", rng.choice(FORUM_KINDS))
        forums.append(forum)
        docs["forums"].statements += [
            Statement(forum, "cas:date", _date(rng)),
            Statement(forum, "cas:hostedIn", w.pick("place", "state")),
            Statement(forum, "cas:organizedBy", w.pick("state", "institution")),
        ]
        participants = w.some(rng.randint(3, 12), "state", "institution", "person")
        docs["forums"].statements += [Statement(forum, "cas:participant", a) for a in participants]
        w.known += [(forum, "cas:participant", a) for a in participants]
    agreement = _entity(w, docs["agreements"], "agreement", "Agreement", rng.choice(AGREEMENT_KINDS))
    signatories = w.some(rng.randint(2, 6), "state", "institution")
    docs["agreements"].statements += [
        Statement(agreement, "cas:date", _date(rng)),
        Statement(agreement, "cas:signedAt", rng.choice(forums)),
        Statement(agreement, "cas:signedIn", w.pick("place")),
        *(Statement(agreement, "cas:signatory", s) for s in signatories),
        *(Statement(agreement, "cas:party", s) for s in signatories if s.path == "state"),
    ]
    w.known += [(agreement, "cas:signatory", s) for s in signatories]
    if rng.random() < 0.3:
        mission = _entity(w, docs["missions"], "mission", "Mission")
        docs["missions"].statements += [
            Statement(mission, "cas:startDate", _date(rng)),
            Statement(mission, "cas:ledBy", w.pick("institution")),
            Statement(mission, "cas:missionLocation", w.pick("place", "state")),
        ]
        for who in w.some(rng.randint(1, 4), "state"):
            date = _date(rng)
            node = Ref("deployment", f"{who.path}-{who.key}--{mission.key}--{date.value}")
            docs["missions"].entities.append(Entity(node, ("Deployment",)))
            docs["missions"].statements += [
                Statement(node, "cas:contributor", who),
                Statement(node, "cas:mission", mission),
                Statement(node, "cas:date", date),
                Statement(node, "cas:personnelCount", Literal(str(rng.randint(5, 900)), datatype="nonNegativeInteger")),
            ]
    for _ in range(2):
        articles.append(_article(w, len(articles), forums, agreement))


#: The class an article gives an entity it names, by the entity's type path.
_CLASSES = {"state": "State", "institution": "Institution", "person": "Person", "forum": "Forum", "place": "Place"}
#: Share of an article's statements that restate a fact a reference record (or an earlier
#: article) already states: the corpus build shows most facts stated by several sources.
RESTATED = 0.6
#: Share of articles that give a forum another date than the records: sources disagree.
CONFLICTING = 0.1
#: Pairs identity resolution keeps apart for an analyst (cas:MergeCandidate), per article, and
#: the share of the pairs an analyst has decided (sources/identity.yaml): a corpus build of 45
#: articles (seeds and dev) writes 8 candidates and reads 3 decisions, 2 same_as, 1 different_from.
CANDIDATES_PER_ARTICLE = 8 / 45
DECIDED = 3 / (8 + 3)


def _article(w: _World, n: int, forums: list[Ref], agreement: Ref) -> Document:
    """One article: a few statements with evidence, most restating known facts, and the type
    and label (in the article's language, as the reference records write it) of every entity
    it names, as extraction writes them: the same triples stated again in another graph."""
    rng = w.rng
    key = f"a{n:08d}"
    language = rng.choice(LANGUAGES)
    source = Source(
        kind="article",
        key=key,
        path=f"articles/{key}.md",
        sha256=hashlib.sha256(key.encode()).hexdigest(),
        title=f"Article {key}",
        url=f"https://news.example.org/{key}",
        publisher="Example News",
        language=language,
        published=_date(rng).value,
    )
    facts = []
    for _ in range(5):
        if w.known and rng.random() < RESTATED:
            facts.append(rng.choice(w.known))
        else:
            facts.append(rng.choice([
                (rng.choice(forums), "cas:participant", w.pick("state", "institution")),
                (w.pick("state", "institution"), "cas:cooperatesWith", w.pick("state", "institution")),
                (agreement, "cas:signatory", w.pick("state")),
                (w.pick("state", "institution"), "cas:proposed", w.pick("forum")),
            ]))  # fmt: skip
    w.known += facts
    if rng.random() < CONFLICTING:  # a forum's date as this article reports it, another day
        facts.append((rng.choice(forums), "cas:date", _date(rng)))
    statements, offset = [], 0
    for s, p, o in facts:
        text = f"{s.key} {p.split(':')[1]} {getattr(o, 'key', getattr(o, 'value', o))}."
        evidence = Evidence(text, offset, offset + len(text))
        offset += len(text) + 1
        statements.append(Statement(s, p, o, evidence, round(rng.uniform(0.5, 1.0), 3), "pattern"))
    named = sorted({ref for s, _, o in facts for ref in (s, o) if isinstance(ref, Ref) and ref.path in _CLASSES})
    entities = [Entity(ref, (_CLASSES[ref.path],)) for ref in named]
    statements += [Statement(ref, "rdfs:label", Literal(f"{ref.key} ({language})", language=language)) for ref in named]
    doc = Document(source, entities, statements)
    while rng.random() < CANDIDATES_PER_ARTICLE / (1 + CANDIDATES_PER_ARTICLE):  # geometric, that mean
        _candidate(w, doc)
    return doc


def _candidate(w: _World, doc: Document) -> None:
    """An entity the article names that may be one already in the graph (a person or an
    institution sharing a name), kept apart: the new entity with its type and label, and the
    candidate node with the fields `graph.build.quads` writes (score, software, name, the two
    forms of the name a build shares on average).
    The node is minted as an entity of the article (`id/candidate/...`, where the build mints
    it under the article's graph IRI): documents carry no other kind of node, and the query
    reads the node's fields, not its IRI. Some pairs were decided by an analyst instead
    (`w.decisions`): those are not listed as candidates, as in a build."""
    rng = w.rng
    path = rng.choice(("person", "institution"))
    other = w.pick(path)
    local = Ref(path, f"{other.key}-{doc.source.key}")
    language = doc.source.language or "en"
    name = Literal(f"{other.key} ({language})", language=language)
    doc.entities.append(Entity(local, (_CLASSES[path],)))
    doc.statements.append(Statement(local, "rdfs:label", name))
    if rng.random() < DECIDED:
        w.decisions.append((local, rng.choice(("owl:sameAs", "owl:sameAs", "owl:differentFrom")), other))
        return
    node = Ref("candidate", hashlib.sha256(f"{local.key} {other.key}".encode()).hexdigest()[:20])
    doc.entities.append(Entity(node, ("MergeCandidate",)))
    doc.statements += [
        Statement(node, "cas:candidateFrom", local),
        Statement(node, "cas:candidateFor", other),
        Statement(node, "cas:matchScore", Literal(f"{rng.uniform(0.5, 0.85):.3f}", datatype="decimal")),
        Statement(node, "prov:wasAssociatedWith", "https://example.org/software/casckg"),
        Statement(node, "cas:mergedName", name),
        *(Statement(node, "cas:sharedName", shared) for shared in (name, Literal(other.key))),
    ]


def _decisions(w: _World, seed: int) -> Document:
    """The analysts' decisions as `ingest.loaders.decisions` gives them: one reference graph of
    owl:sameAs / owl:differentFrom links, each with the page it was checked against."""
    doc = Document(
        Source(
            kind="reference",
            key="identity",
            path="identity.yaml",
            sha256=hashlib.sha256(f"identity-{seed}".encode()).hexdigest(),
            title="Analysts' identity decisions",
        )
    )
    for entity, said, other in w.decisions:
        doc.statements += [
            Statement(entity, said, other),
            Statement(entity, "cas:citation", f"https://example.org/check/{entity.key}"),
        ]
    return doc


def generate(quads: int, seed: int = 0, records: bool = True) -> list[Document]:
    """About `quads` quads' worth of documents (before reasoning), the same for the same seed;
    with the project's reference records and the analysts' decisions (owl:sameAs) unless
    `records` is false."""
    w = _World(random.Random(seed), anchor_keys())
    docs = {
        name: Document(
            Source(
                kind="reference",
                key=name,
                path=f"reference/{name}.yaml",
                sha256=hashlib.sha256(f"{name}-{seed}".encode()).hexdigest(),
                title=f"Reference records: {name}",
            )
        )
        for name in ("reference", "forums", "agreements", "missions")
    }
    for _ in range(STATES):
        state = _entity(w, docs["reference"], "state", "State")
        docs["reference"].statements.append(Statement(state, "cas:isoCode", Literal(state.key[:3].upper())))
    real = reference_records() if records else []
    w.known += [
        (st.subject, st.predicate, st.object)
        for doc in real
        for st in doc.statements
        if st.predicate in RESTATABLE and isinstance(st.object, Ref)
    ]
    articles: list[Document] = []
    left = quads - sum(1 for _ in quads_of(real))
    for _ in range(max(1, left // QUADS_PER_SLICE)):
        _slice(w, docs, articles)
    decided = [_decisions(w, seed)] if records else []  # analysts' decisions are records too
    return [*real, *docs.values(), *decided, *articles]


def reference_records() -> list[Document]:
    """The project's own reference records, part of every synthetic graph: the library's
    default parameters name their entities, so every query finds what it finds on a real build."""
    return load_reference_dir(REFERENCE, root=REFERENCE.parent)


def quads_of(documents: list[Document]) -> Iterator[ox.Quad]:
    """The quads the build writes for the documents (before the ontology and reasoning)."""
    for doc in documents:
        yield from document_quads(doc)


def main() -> None:
    p = argparse.ArgumentParser(description="Write a synthetic casckg graph as N-Quads.")
    p.add_argument("--quads", type=int, default=100_000, help="about how many quads (default 100000)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", type=Path, required=True, help="the N-Quads file to write")
    args = p.parse_args()
    ox.serialize(quads_of(generate(args.quads, args.seed)), str(args.out), ox.RdfFormat.N_QUADS)


if __name__ == "__main__":
    main()
