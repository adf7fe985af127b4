"""Run named or ad-hoc queries with parameters bound as RDF terms, and format the results."""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from casckg.ingest.contract import QueryError
from casckg.ontology import PREFIXES
from casckg.queries import NamedQuery, QueryFileError, library, parse

from .build.mint import base_iri
from .store.embedded import QueryResult, Store, Term

XSD = PREFIXES["xsd"]
RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


def resolve(name_or_path: str) -> NamedQuery:
    """A library query by name, or a `.rq` file by path."""
    path = Path(name_or_path)
    try:
        if path.suffix == ".rq" and path.exists():
            return parse(path)
        queries = library()
    except QueryFileError as exc:
        raise QueryError(str(exc)) from exc
    if name_or_path not in queries:
        raise QueryError(f"no query named '{name_or_path}'; 'casckg query --list' shows the library")
    return queries[name_or_path]


def to_term(value: str, kind: str) -> Term:
    """A parameter value as an RDF term.

    IRIs may be written in full, as a CURIE of a known prefix (cas:date), or relative to the
    base: 'state/KAZ' is an entity, 'source/article/x' a source, 'graph/inferred' a graph.
    """
    if kind == "iri":
        text = value.strip("<>")
        prefix, sep, local = text.partition(":")
        if sep and prefix in PREFIXES:
            text = PREFIXES[prefix] + local
        elif text.startswith(("source/", "graph/")):
            text = base_iri() + text
        elif not text.startswith(("http://", "https://", "urn:")):
            text = f"{base_iri()}id/{text.lstrip('/')}"
        try:
            return ox.NamedNode(text)
        except ValueError as exc:
            raise QueryError(f"'{value}' is not a valid IRI") from exc
    if kind == "date":
        try:
            date.fromisoformat(value)
        except ValueError as exc:
            raise QueryError(f"'{value}' is not a date (YYYY-MM-DD)") from exc
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))
    if kind == "integer":
        if not value.lstrip("-").isdigit():
            raise QueryError(f"'{value}' is not a whole number")
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "integer"))
    return ox.Literal(value)


def bindings(query: NamedQuery, values: Mapping[str, str]) -> dict[str, Term]:
    """Terms for every parameter: given values, else defaults. Unknown names are errors."""
    known = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise QueryError(
            f"query '{query.name}' has no parameter {', '.join(unknown)}; it takes: {', '.join(known) or 'none'}"
        )
    out = {}
    for p in query.params:
        raw = values.get(p.name, p.default)
        if raw is None:
            raise QueryError(f"query '{query.name}' needs --param {p.name}=… ({p.description})")
        out[p.name] = to_term(raw, p.type)
    return out


def run(store: Store, query: NamedQuery, values: Mapping[str, str] | None = None) -> QueryResult:
    """Run a named query on a store with its parameters bound."""
    return store.query(query.text, bindings(query, values or {}))


def serialize(result: QueryResult, fmt: str) -> str:
    """A SELECT or ASK result in a SPARQL 1.1 results format; CONSTRUCT results as Turtle/N-Triples."""
    out = io.BytesIO()
    if isinstance(result, ox.QueryTriples):
        rdf = ox.RdfFormat.N_TRIPLES if fmt in ("nt", "csv", "tsv") else ox.RdfFormat.TURTLE
        result.serialize(out, format=rdf)
    else:
        result.serialize(out, format=RESULT_FORMATS[fmt])
    return out.getvalue().decode("utf-8")


def short(term: Term | None) -> str:
    """A term as an analyst reads it: IRIs relative to the base or as CURIEs, literals bare."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        base = base_iri()
        if term.value.startswith(base + "id/"):
            return term.value[len(base) + 3 :]
        for prefix in ("cas", "rdf", "rdfs", "owl", "xsd", "skos", "dcterms", "org", "prov"):
            if term.value.startswith(PREFIXES[prefix]):
                return f"{prefix}:{term.value[len(PREFIXES[prefix]) :]}"
        if term.value.startswith(base):
            return term.value[len(base) :]
        return term.value
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def rows(result: ox.QuerySolutions) -> tuple[list[str], list[list[str]]]:
    """Column names and readable cells of a SELECT result."""
    columns = [v.value for v in result.variables]
    return columns, [[short(solution[c]) for c in columns] for solution in result]
