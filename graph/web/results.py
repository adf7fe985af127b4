"""Query results as a table a person reads: one row per solution, IRIs as links with labels.

The query workers answer in SPARQL 1.1 JSON results (`query_pool`); this module reads that
answer back into terms, so the query page and the library's pages show what the protocol
sends, row for row, and only add readable labels (looked up once for every IRI in the table).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pyoxigraph as ox

from .answer import GRAPH_FORMATS
from .negotiate import MEDIA

#: Downloads a SELECT or ASK result offers, and those of a CONSTRUCT or DESCRIBE.
RESULT_DOWNLOADS = (("JSON", "json"), ("XML", "xml"), ("CSV", "csv"), ("TSV", "tsv"))
GRAPH_DOWNLOADS = (("Turtle", "ttl"), ("N-Triples", "nt"), ("JSON-LD", "jsonld"), ("RDF/XML", "rdfxml"))
_TRIPLE_COLUMNS = ["subject", "predicate", "object"]


@dataclass
class Table:
    """What a query answered: column names and rows of terms (None where a variable is unbound)."""

    columns: list[str]
    rows: list[list[ox.NamedNode | ox.BlankNode | ox.Literal | None]]
    boolean: bool | None = None
    graph: bool = False  # a CONSTRUCT or DESCRIBE: rows are triples
    truncated: bool = False
    labels: dict[str, str] = field(default_factory=dict)

    def iris(self) -> set[str]:
        return {t.value for row in self.rows for t in row if isinstance(t, ox.NamedNode)}

    @property
    def downloads(self) -> tuple[tuple[str, str], ...]:
        return GRAPH_DOWNLOADS if self.graph else RESULT_DOWNLOADS


def _term(value: dict) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    kind = value["type"]
    if kind == "uri":
        return ox.NamedNode(value["value"])
    if kind == "bnode":
        return ox.BlankNode(value["value"])
    if "xml:lang" in value:
        return ox.Literal(value["value"], language=value["xml:lang"])
    if "datatype" in value:
        return ox.Literal(value["value"], datatype=ox.NamedNode(value["datatype"]))
    return ox.Literal(value["value"])


def from_json(body: bytes, truncated: bool = False) -> Table:
    """A table from a SPARQL 1.1 JSON results document (SELECT or ASK)."""
    document = json.loads(body)
    if "boolean" in document:
        return Table([], [], boolean=bool(document["boolean"]))
    columns = list(document["head"]["vars"])
    rows = [
        [_term(binding[c]) if c in binding else None for c in columns] for binding in document["results"]["bindings"]
    ]
    return Table(columns, rows, truncated=truncated)


def from_ntriples(body: bytes, truncated: bool = False) -> Table:
    """A table of the triples a CONSTRUCT or DESCRIBE answered (in N-Triples)."""
    triples = ox.parse(body, ox.RdfFormat.N_TRIPLES)
    rows = [[t.subject, t.predicate, t.object] for t in triples]
    return Table(list(_TRIPLE_COLUMNS), rows, graph=True, truncated=truncated)  # type: ignore[arg-type]


_GRAPH_MEDIA = frozenset(m for f in GRAPH_FORMATS for m in MEDIA[f])


def is_graph_query(media_type: str) -> bool:
    """Whether an answer is RDF (a CONSTRUCT or DESCRIBE) rather than a results document."""
    return media_type.split(";")[0].strip() in _GRAPH_MEDIA


def download_href(path: str, params: dict[str, str], fmt: str) -> str:
    """The link to the same answer in another format (the endpoint's `format=` parameter)."""
    return f"{path}?{urlencode({**params, 'format': fmt})}"
