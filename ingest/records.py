"""What ingest hands to the graph: sources, entities and statements, free of any RDF library.

Every loader (reference YAML, articles) produces a `Document`: one source and what it says.
The graph builder turns a Document into the quads of one named graph. Entities are named by
`Ref` (ontology class and a key); the graph mints IRIs from them, so the same input gives the
same IRIs on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath


@dataclass(frozen=True, order=True)
class Ref:
    """A reference to an entity: its ontology type path ("state", "forum", …) and its key."""

    path: str
    key: str


@dataclass(frozen=True)
class Literal:
    """A literal value: text with a language, or a lexical form with an XSD datatype name."""

    value: str
    datatype: str | None = None  # an xsd local name: "date", "gYear", "integer", …
    language: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Where in a source a statement is said: the sentence and its character offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Statement:
    """One fact a source states. `predicate` is a CURIE ("cas:participant", "rdfs:label")."""

    subject: Ref
    predicate: str
    object: Ref | Literal | str  # str: an absolute IRI (a citation URL, a Wikidata item)
    evidence: Evidence | None = None
    confidence: float | None = None
    extractor: str | None = None


@dataclass(frozen=True)
class Entity:
    """An entity a source speaks of, with the ontology classes (local names) it has."""

    ref: Ref
    classes: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    """Where an entity is named in a source: the surface text and its character offsets."""

    ref: Ref
    text: str
    start: int
    end: int


@dataclass
class Source:
    """A document facts come from; it becomes one named graph."""

    kind: str  # "reference" or "article"
    key: str  # the file stem or the article id: the last segment of the source IRI
    path: str  # where it was read from, relative to the sources folder when possible
    sha256: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    language: str | None = None
    published: str | None = None

    @property
    def published_name(self) -> str:
        """What the graph says the source is (`dcterms:source`): never a path of the machine that read it.

        A reference file: its path relative to the sources folder. An article: the URL its front
        matter gives, else its file name.
        """
        if self.kind == "reference":
            return self.path
        return self.url or PurePath(self.path).name


@dataclass
class Document:
    """One source and everything it says."""

    source: Source
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)  # articles only: where each entity is named
