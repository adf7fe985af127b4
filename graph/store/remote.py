"""A remote SPARQL 1.1 endpoint behind the same `Store` interface as the embedded store.

Queries go through SPARQLWrapper; the answer is fetched as SPARQL JSON results (SELECT, ASK) or
N-Triples (CONSTRUCT, DESCRIBE) and parsed by pyoxigraph, so callers get the very result types
the embedded store returns and the query library, the exports and the server run unchanged.
Loading replaces one named graph at a time, through the Graph Store HTTP Protocol (`PUT` of a
graph is a replace) when a graph-store URL is known, else through SPARQL Update.

The library's queries read the union of all named graphs as their default graph. Many stores do
that already (GraphDB, Virtuoso, QLever; Oxigraph server with `--union-default-graph`; Fuseki
with `tdb2:unionDefaultGraph true`). For an endpoint that does not, each query names the dataset
through the SPARQL 1.1 Protocol instead: every named graph as a `default-graph-uri` and a
`named-graph-uri`. `union="auto"` finds out which applies with two tiny queries.
"""

from __future__ import annotations

import ast
import contextlib
import http.client
import json
import re
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Iterable, Mapping
from typing import Literal

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from casckg.ingest.contract import QueryError, StoreError
from casckg.queries import QueryFileError, with_prefixes, with_values

from ..web.sparql_guard import Refused, query_form
from .embedded import QueryResult, Store, Term, names_dataset

Union = Literal["auto", "endpoint", "protocol"]

#: Known layouts: the end of a query URL -> (update URL end, graph store URL end).
_LAYOUTS = (
    (re.compile(r"^(https?://[^/]+)/query$"), r"\1/update", r"\1/store"),  # Oxigraph server
    (re.compile(r"^(https?://[^/]+(?:/[^/]+)+)/(sparql|query)$"), r"\1/update", r"\1/data"),  # Fuseki /DATASET/sparql
    (re.compile(r"(/repositories/[^/]+)$"), r"\1/statements", r"\1/rdf-graphs/service"),  # GraphDB, RDF4J
)
_PROBE = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o FILTER(isIRI(?s) && !isBlank(?o)) } } LIMIT 1"
_GRAPH_FORMATS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5, application/ld+json;q=0.4"
_INSERT_CHUNK = 1000  # quads per SPARQL Update INSERT (Virtuoso refuses SQL over 10,000 lines)


def derive_endpoints(query_url: str) -> tuple[str, str | None]:
    """The update URL and graph-store URL that usually sit beside a query URL.

    Without a known layout the update URL is the query URL itself (the SPARQL 1.1 Protocol
    allows one URL for both; Virtuoso's /sparql and QLever work so) and there is no graph store.
    """
    for pattern, update, store in _LAYOUTS:
        if pattern.search(query_url):
            return pattern.sub(update, query_url), pattern.sub(store, query_url)
    return query_url, None


class RemoteStore(Store):
    """A SPARQL 1.1 endpoint (query URL), with its update and graph-store URLs."""

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        graph_store_url: str | None = None,
        union: Union = "auto",
        timeout: float = 60.0,
    ):
        derived_update, derived_store = derive_endpoints(query_url)
        self.location = query_url
        self.update_url = update_url or derived_update
        self.graph_store_url = graph_store_url if graph_store_url is not None else derived_store
        self.union: Union = union
        self.timeout = timeout
        self._graphs: list[str] | None = None

    # --- reading ------------------------------------------------------------------------------

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> QueryResult:
        try:
            text = with_prefixes(with_values(sparql, {k: str(v) for k, v in (bindings or {}).items()}))
        except QueryFileError as exc:
            raise QueryError(f"the query is not valid SPARQL: {exc}") from exc
        own_dataset = names_dataset(text)  # FROM / FROM NAMED: the query's, not the union of all graphs
        dataset = self.named_graphs() if not own_dataset and self._union_mode() == "protocol" else []
        return self._select(text, dataset)

    def named_graphs(self) -> list[str]:
        if self._graphs is None:
            result = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", [])
            self._graphs = sorted(row["g"].value for row in result if isinstance(row["g"], ox.NamedNode))
        return self._graphs

    def _union_mode(self) -> Union:
        """Whether this endpoint unions the graphs itself; asked once, when there is data to ask about."""
        if self.union != "auto":
            return self.union
        rows = list(self._select(_PROBE, []))
        if not rows:
            return "endpoint"  # nothing stored yet: decide when there is
        s, p, o = rows[0]["s"], rows[0]["p"], rows[0]["o"]
        seen = self._select(f"ASK {{ {s} {p} {o} }}", [])
        self.union = "endpoint" if bool(seen) else "protocol"
        return self.union

    def _select(self, text: str, dataset: list[str]) -> QueryResult:
        wrapper = SPARQLWrapper(self.location)
        wrapper.setMethod(POST)
        wrapper.setTimeout(int(self.timeout))
        with warnings.catch_warnings():  # it warns on text it cannot classify; the endpoint says why
            warnings.simplefilter("ignore", RuntimeWarning)
            wrapper.setQuery(text)
        # SPARQLWrapper guesses the form from words in the text (a comment saying "address" reads
        # as ADD, an update); the parsed query says what it is.
        with contextlib.suppress(Refused):
            wrapper.queryType = query_form(text)
        graph_result = wrapper.queryType in ("CONSTRUCT", "DESCRIBE")
        wrapper.setReturnFormat(TURTLE if graph_result else JSON)
        if graph_result:  # SPARQLWrapper has no N-Triples format: say what pyoxigraph reads, best first
            wrapper.addCustomHttpHeader("Accept", _GRAPH_ACCEPT)
        for graph in dataset:
            wrapper.addDefaultGraph(graph)
            wrapper.addNamedGraph(graph)
        try:
            response = wrapper.query().response
            body = response.read()
            content_type = response.headers.get("Content-Type", "")
        except SPARQLWrapperException as exc:
            raise QueryError(f"the endpoint refused the query: {_endpoint_message(exc)}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"cannot reach the SPARQL endpoint {self.location}: {_reason(exc)}") from exc
        except http.client.HTTPException as exc:  # it died mid-answer (IncompleteRead, a bad status line)
            raise StoreError(f"the SPARQL endpoint {self.location} broke off its answer: {_broken(exc)}") from exc
        try:
            if graph_result:
                return _as_query_triples(body, content_type)
            result = ox.parse_query_results(_plain_bnodes(body), format=ox.QueryResultsFormat.JSON)
            return _as_boolean(result) if wrapper.queryType == "ASK" else result
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"the endpoint {self.location} sent an answer that is not SPARQL results: {exc}") from exc

    # --- writing ------------------------------------------------------------------------------

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> int:
        name = ox.NamedNode(graph)
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        if self.graph_store_url:
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            self._send("PUT", self.graph_store_url, {"graph": graph}, body, "application/n-triples")
        else:
            self._update(f"DROP SILENT GRAPH {name}")
            for start in range(0, len(triples), _INSERT_CHUNK):
                chunk = ox.serialize(triples[start : start + _INSERT_CHUNK], format=ox.RdfFormat.N_TRIPLES)
                # INSERT ... WHERE {} rather than INSERT DATA: the same triples, and Virtuoso takes
                # blank nodes only in a template.
                self._update(f"INSERT {{ GRAPH {name} {{\n{chunk.decode('utf-8')}}} }} WHERE {{}}")
        self._graphs = None
        return len(triples)

    def drop_graph(self, graph: str) -> None:
        """Remove one named graph (a source that no longer exists)."""
        self._update(f"DROP SILENT GRAPH {ox.NamedNode(graph)}")
        self._graphs = None

    def _update(self, text: str) -> None:
        self._send("POST", self.update_url, {}, text.encode("utf-8"), "application/sparql-update")

    def _send(self, method: str, url: str, params: dict[str, str], body: bytes, content_type: str) -> None:
        if params:
            url = f"{url}{'&' if '?' in url else '?'}{urllib.parse.urlencode(params)}"
        request = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": content_type})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            detail = _first_line(exc.read().decode("utf-8", "replace")) or exc.reason
            raise StoreError(f"the endpoint {url} refused the {method}: HTTP {exc.code} {detail}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"cannot reach {url}: {_reason(exc)}") from exc
        except http.client.HTTPException as exc:
            raise StoreError(f"{url} broke off its answer to the {method}: {_broken(exc)}") from exc

    def close(self) -> None:
        self._graphs = None


def _as_query_triples(body: bytes, content_type: str) -> ox.QueryTriples:
    """Triples sent by an endpoint, as the `QueryTriples` an embedded CONSTRUCT returns."""
    media = content_type.split(";")[0].strip().lower()
    fmt = _GRAPH_FORMATS.get(media, ox.RdfFormat.TURTLE)  # the Turtle parser also reads N-Triples
    scratch = ox.Store()
    scratch.extend(ox.Quad(t.subject, t.predicate, t.object) for t in ox.parse(body, format=fmt))
    return scratch.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")


def _plain_bnodes(body: bytes) -> bytes:
    """SPARQL JSON results with blank node labels pyoxigraph reads (Virtuoso's are `nodeID://b1`).

    The same label always maps to the same plain one, so a blank node keeps its identity.
    """
    if b'"bnode"' not in body:
        return body

    def plain(term: dict) -> dict:
        if term.get("type") == "bnode":
            return {**term, "value": re.sub(r"[^A-Za-z0-9_]", "_", str(term.get("value", "")))}
        if term.get("type") == "triple" and isinstance(term.get("value"), dict):
            return {**term, "value": {k: plain(v) for k, v in term["value"].items()}}
        return term

    try:
        data = json.loads(body)
        for row in data.get("results", {}).get("bindings", []):
            row.update({name: plain(term) for name, term in row.items()})
    except (ValueError, AttributeError, TypeError):
        return body  # not what it claims: the parser will say so
    return json.dumps(data).encode("utf-8")


def _as_boolean(result: QueryResult) -> QueryResult:
    """An ASK's answer as a boolean, also from an endpoint that sends it as one row (Virtuoso's
    `__ASK_RETVAL` = 1 or 0)."""
    if not isinstance(result, ox.QuerySolutions):
        return result
    rows = list(result)
    value = rows[0][0] if rows and len(rows[0]) else None
    truth = value is not None and value.value not in ("0", "false")
    return ox.parse_query_results(
        b'{"head": {}, "boolean": %s}' % (b"true" if truth else b"false"), ox.QueryResultsFormat.JSON
    )


def _endpoint_message(exc: SPARQLWrapperException) -> str:
    """What the endpoint said, which SPARQLWrapper keeps only as a repr inside its message."""
    head, sep, said = str(exc).partition("Response:\n")
    if sep:
        with contextlib.suppress(ValueError, SyntaxError):
            value = ast.literal_eval(said.strip())
            said = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        return _first_line(said)
    return _first_line(head)


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0][:300] if lines else ""


def _broken(exc: http.client.HTTPException) -> str:
    """What went wrong in a broken-off answer, in a few words (IncompleteRead's text holds the bytes)."""
    if isinstance(exc, http.client.IncompleteRead):
        return f"{len(exc.partial)} bytes arrived, {exc.expected} more were announced"
    return type(exc).__name__


def _reason(exc: BaseException) -> str:
    return str(getattr(exc, "reason", None) or exc)
