"""`casckg serve`: the graph on the web, as a SPARQL endpoint and as linked data.

The base IRI maps to the server's root: `https://w3id.org/casckg/id/state/KAZ` is served at
`/id/state/KAZ`, as HTML for people and as Turtle, JSON-LD, RDF/XML, N-Triples, TriG or N-Quads
for machines (by `Accept`, or by a suffix such as `.ttl`). `/sparql` speaks the SPARQL 1.1
Protocol, read-only, each query in a worker process that is killed past the time limit
(`query_pool`), with a row and a byte cap, refused updates and refused SERVICE calls
(`sparql_guard`). `/ontology`, `/context.jsonld`, `/void`, `/dump` and `/explorer` publish the rest.

The server follows the store (`state`): after a build or an ingest gives it a new version, the
query workers switch to it whole, the pages' store is reopened and what is computed once per
store (the summary, /void, the dumps) is computed again, once. A client must send its whole
request within `request_timeout` (`timed_http`) and an idle connection is closed after
`idle_timeout`, so slow clients cannot hold connections.
"""

from __future__ import annotations

import contextlib
import io
import re
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import parse_qs, unquote

import anyio
import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from casckg import ontology
from casckg.ingest.contract import CasckgError

from ..build.job import ontology_quads
from ..build.mint import base_iri
from ..publish.export import WRITERS, serialize
from ..publish.void import DUMPS, PREFIXES_VOID, void_quads
from ..publish.void import summary as void_summary
from ..store.embedded import Store
from . import browse
from .answer import EXPORT_NAME, Answer
from .describe import describe, labels
from .entity import build_page
from .negotiate import MEDIA, SUFFIXES, choose, content_type
from .pages import render
from .sparql_guard import Refused, check_query
from .state import AppState, ServerConfig, summary
from .timed_http import timed_protocol

RDF_OFFER = ("ttl", "jsonld", "rdfxml", "nt", "trig", "nq")
PAGE_OFFER = ("html", *RDF_OFFER)
_FORMAT_LABELS = {
    "ttl": "Turtle",
    "jsonld": "JSON-LD",
    "rdfxml": "RDF/XML",
    "nt": "N-Triples",
    "trig": "TriG",
    "nq": "N-Quads",
}
_SUFFIX_OF = {fmt: suffix for suffix, fmt in SUFFIXES.items()}


async def _state(request: Request) -> AppState:
    state: AppState = request.app.state.casckg
    await state.follow()
    return state


def _vary(response: Response) -> Response:
    response.headers["Vary"] = "Accept"
    return response


def _message(request: Request, status: int, heading: str, text: str) -> Response:
    """An error or notice, as a page for browsers and as one line of text for everything else."""
    if "text/html" in request.headers.get("accept", ""):
        return _vary(HTMLResponse(render("message.html", heading=heading, message=text), status_code=status))
    return _vary(PlainTextResponse(text + "\n", status_code=status))


def _rdf_response(quads: list[ox.Quad], fmt: str, prefixes: dict[str, str] | None = None) -> Response:
    out = io.BytesIO()
    serialize(quads, EXPORT_NAME.get(fmt, fmt), out, prefixes)
    return _vary(Response(out.getvalue(), media_type=content_type(fmt)))


def _formats() -> list[tuple[str, str, str]]:
    """(label, media type, suffix) of each machine format of a page."""
    return [(_FORMAT_LABELS[f], MEDIA[f][0], _SUFFIX_OF[f]) for f in RDF_OFFER]


# --- SPARQL -----------------------------------------------------------------------------------


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise Refused(413, f"the request body is over the limit of {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise Refused(413, f"the request body is over the limit of {limit} bytes")
    return bytes(body)


async def _sparql_request(request: Request, limit: int) -> tuple[str | None, dict[str, list[str]]]:
    """The query text and the protocol parameters of a GET or POST, or `Refused`."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    if request.method == "POST":
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await _read_body(request, limit)
        if kind == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif kind == "application/sparql-query":
            params.setdefault("query", []).append(body.decode("utf-8", "replace"))
        elif kind == "application/sparql-update":
            raise Refused(403, "this endpoint is read-only: SPARQL Update is not allowed")
        else:
            raise Refused(415, "POST a query as application/x-www-form-urlencoded or application/sparql-query")
    if "update" in params:
        raise Refused(403, "this endpoint is read-only: SPARQL Update is not allowed")
    if "default-graph-uri" in params or "named-graph-uri" in params:
        raise Refused(400, "dataset parameters are not supported: the default graph is the union of all source graphs")
    queries = params.get("query", [])
    if len(queries) > 1:
        raise Refused(400, "give exactly one query parameter")
    return (queries[0] if queries else None), params


async def sparql(request: Request) -> Response:
    state = await _state(request)
    config = state.config
    try:
        query, params = await _sparql_request(request, config.max_body)
        if browse.wants_page(request, params):
            try:
                if query is not None:
                    await anyio.to_thread.run_sync(check_query, query, config.allow_service)
            except Refused as refused:
                return await browse.sparql_page(request, state, query, refused=str(refused))
            return await browse.sparql_page(request, state, query)
        if query is None:
            raise Refused(400, "give a SPARQL query in the 'query' parameter (GET) or the body (POST)")
        if len(query.encode("utf-8")) > config.max_body:
            raise Refused(413, f"the query is over the limit of {config.max_body} bytes")
    except Refused as refused:
        return _vary(PlainTextResponse(f"{refused}\n", status_code=refused.status))
    accept = request.headers.get("accept")
    wanted = params.get("format", [None])[0]
    if wanted in MEDIA:
        accept = MEDIA[wanted][0]
    answer: Answer = await state.pool.run(query, accept)
    response = Response(answer.body, status_code=answer.status, media_type=answer.media_type)
    if answer.truncated:
        response.headers["X-Result-Truncated"] = (
            f"the result was cut at {config.max_rows} rows or {config.max_response} bytes"
        )
    return _vary(response)


# --- linked data ------------------------------------------------------------------------------


def _split_suffix(path: str) -> tuple[str, str | None]:
    for suffix, fmt in SUFFIXES.items():
        if path.endswith(suffix) and len(path) > len(suffix):
            return path[: -len(suffix)], fmt
    return path, None


async def resource(request: Request) -> Response:
    """A linked-data page for the resource whose IRI is the base IRI plus this path."""
    state = await _state(request)
    raw = request.scope.get("raw_path") or request.url.path.encode()
    path = raw.decode("latin-1").split("?")[0].lstrip("/")
    segments = unquote(path).split("/")
    # Encoded spaces and slashes may be part of a name (an article file "talks in astana.txt"
    # is source/article/talks%20in%20astana); raw ones, dot segments and markup may not.
    if any(s in ("..", ".") for s in segments) or re.search(r"[<>\"\\{}|^`]", unquote(path)) or re.search(r"\s", path):
        return _message(request, 400, "Not a resource", "not a valid resource path: no '..', markup or spaces")
    stem, suffix_fmt = _split_suffix(path)
    candidates = [(path, None), (stem, suffix_fmt)] if suffix_fmt else [(path, None)]
    description = None
    for candidate, fmt in candidates:
        try:
            iri = ox.NamedNode(base_iri() + candidate).value
        except ValueError:
            return _message(request, 400, "Not a resource", "not a valid resource path")
        found = await anyio.to_thread.run_sync(describe, state.store, iri)
        if found.found:
            description, chosen, path = found, fmt, candidate
            break
    if description is None:
        return _message(request, 404, "Not found", f"nothing is known about {base_iri() + path}")
    fmt = chosen or choose(request.headers.get("accept"), PAGE_OFFER)
    if fmt is None:
        return _message(request, 406, "Not acceptable", f"available as {', '.join(MEDIA[f][0] for f in PAGE_OFFER)}")
    if fmt != "html":
        return _rdf_response(description.quads(), fmt)
    order = browse.label_order(browse.language(request))
    page = await anyio.to_thread.run_sync(build_page, state.store, description, order)
    title = page.labels.get(description.iri) or description.label(description.iri) or description.iri
    html = render(
        "resource.html",
        title=title,
        description=description,
        page=page,
        path="/" + path,
        formats=_formats(),
        languages=browse.language_links(request),
    )
    return _vary(HTMLResponse(html))


# --- ontology, context, VoID, dumps, explorer -------------------------------------------------


async def ontology_page(request: Request) -> Response:
    fmt = request.path_params.get("fmt")
    if fmt is not None:
        fmt = SUFFIXES.get("." + fmt)
        if fmt is None:
            return _message(request, 404, "Not found", "the ontology is available as .html, .ttl, .jsonld, .rdf, .nt")
    fmt = fmt or choose(request.headers.get("accept"), ("html", "ttl", "jsonld", "rdfxml", "nt")) or "ttl"
    if fmt == "ttl":
        return _vary(FileResponse(ontology.ONTOLOGY_PATH, media_type=content_type("ttl")))
    if fmt == "html":
        from ..publish.ontology_docs import document

        return _vary(HTMLResponse(render("ontology.html", doc=document())))
    quads = [ox.Quad(q.subject, q.predicate, q.object) for q in ontology_quads()]
    return _rdf_response(quads, fmt)


async def context_document(request: Request) -> Response:
    return FileResponse(ontology.CONTEXT_PATH, media_type=content_type("jsonld"))


async def void(request: Request) -> Response:
    state: AppState = request.app.state.casckg
    fmt = request.path_params.get("fmt")
    fmt = SUFFIXES.get("." + fmt) if fmt else choose(request.headers.get("accept"), ("ttl", *RDF_OFFER[1:], "html"))
    quads = await state.once("void", void_quads)
    if fmt in (None, "html"):
        view = void_summary(quads)
        iris = {t.value for t in [*view["examples"], *(c for c, _ in view["classes"])] if isinstance(t, ox.NamedNode)}
        iris |= {g.value for g, *_ in view["subsets"]}
        order = browse.label_order(browse.language(request))
        known = await anyio.to_thread.run_sync(labels, state.store, iris, order)
        page = render("void.html", void=view, labels=known, path="/void", formats=_formats())
        return _vary(HTMLResponse(page))
    return _rdf_response(quads, fmt, PREFIXES_VOID)


async def dump_index(request: Request) -> Response:
    rows = [
        (_FORMAT_LABELS.get(fmt, fmt.upper()) if fmt != "xml" else "RDF/XML", file, media)
        for fmt, (file, media) in DUMPS.items()
    ]
    return HTMLResponse(render("dump.html", dumps=rows))


async def dump(request: Request) -> Response:
    state: AppState = request.app.state.casckg
    by_file = {file: (fmt, media) for fmt, (file, media) in DUMPS.items()}
    name = request.path_params["file"]
    if name not in by_file:
        return _message(request, 404, "Not found", f"no download named {name}; see /dump")
    fmt, media = by_file[name]

    def write(store: Store) -> bytes:
        out = io.BytesIO()
        WRITERS[fmt](store, out)
        return out.getvalue()

    return Response(await state.once("dump:" + fmt, write), media_type=media)


async def explorer(request: Request) -> Response:
    state: AppState = request.app.state.casckg
    if not state.config.explorer.is_file():
        return _message(request, 404, "No explorer yet", "the explorer page has not been built for this graph")
    return FileResponse(state.config.explorer, media_type="text/html")


async def index(request: Request) -> Response:
    state = await _state(request)
    return HTMLResponse(render("index.html", **state.summary))


# --- the app ----------------------------------------------------------------------------------


def create_app(config: ServerConfig) -> Starlette:
    """The ASGI app; its lifespan opens the store and starts the query workers."""
    state = AppState(config)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state.store = config.store_options.open()
        state.summary = await anyio.to_thread.run_sync(summary, state.store, config)
        await state.pool.start()
        app.state.casckg = state
        try:
            yield
        finally:
            await state.pool.close()
            state.store.close()

    routes = [
        Route("/", index),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/queries", browse.queries_index),
        Route("/queries/{name}", browse.library_page),
        Route("/search", browse.entity_search),
        Mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static"),
        Route("/ontology", ontology_page),
        Route("/ontology.{fmt}", ontology_page),
        Route("/context.jsonld", context_document),
        Route("/void", void),
        Route("/void.{fmt}", void),
        Route("/dump", dump_index),
        Route("/dump/{file}", dump),
        Route("/explorer", explorer),
        Route("/{path:path}", resource),
    ]

    async def store_failed(request: Request, exc: Exception) -> Response:
        # The store's own message may name a backend's address: the client learns only that it failed.
        return _message(request, 502, "Store unavailable", "the store behind this server could not answer; try again")

    return Starlette(routes=routes, lifespan=lifespan, exception_handlers={CasckgError: store_failed})


def serve(config: ServerConfig, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the server until interrupted; raises CasckgError when the store or the port is unavailable."""
    import uvicorn

    config.store_options.open().close()  # fail early, with the store's own message
    with socket.socket() as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise CasckgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    uvicorn.run(
        create_app(config),
        host=host,
        port=port,
        log_level="info",
        timeout_graceful_shutdown=5,
        http=timed_protocol(config.request_timeout),
        timeout_keep_alive=max(int(config.idle_timeout), 1),
        limit_concurrency=config.max_connections,
    )
