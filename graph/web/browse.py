"""The graph for people in a browser: the query page, the query library as pages, entity search.

`/sparql` stays the SPARQL 1.1 Protocol for clients; a browser (whose `Accept` prefers HTML and
who asks for no `format=`) gets a page instead: an editor (Yasqe, served from /static, see
static/vendor-yasqe.sh), the answer as a table with labelled links, and downloads of the same
answer in every format. `/queries` lists the library; `/queries/NAME` is one question with a
form for its parameters, its results and its machine twins (`/queries/NAME.json`, `.csv`, ...,
or SPARQL results by `Accept`). Every query runs through the server's query workers, with their
time limit and row cap; parameters are bound as terms (`querying.bindings`), never pasted.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import anyio
import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from casckg.ingest.contract import QueryError, fold
from casckg.queries import NamedQuery, internal, library, with_prefixes, with_values

from ..network.projection import LANGUAGES
from ..query import bindings, run, short, to_term
from .answer import GRAPH_FORMATS, RESULT_FORMATS
from .describe import labels
from .negotiate import MEDIA, choose
from .pages import render
from .results import RESULT_DOWNLOADS, Table, download_href, from_json, from_ntriples, is_graph_query

#: What a page asks the workers for: results as JSON, a CONSTRUCT's triples as N-Triples.
_PAGE_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
SEARCH_LIMIT = 12


def language(request: Request) -> str:
    """The reader's language: `?lang=`, else the first of en/fr/ru the browser accepts, else en."""
    chosen = request.query_params.get("lang", "")
    if chosen in LANGUAGES:
        return chosen
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "en"


def language_links(request: Request) -> list[tuple[str, str, bool]]:
    """(code, this page's URL in that language, whether it is the current one) for the nav."""
    current = language(request)
    params = dict(request.query_params)
    return [(code, f"{request.url.path}?{urlencode({**params, 'lang': code})}", code == current) for code in LANGUAGES]


def label_order(lang: str) -> tuple[str, ...]:
    """The languages to take a label in, the reader's first."""
    return (lang, *(code for code in LANGUAGES if code != lang))


def wants_page(request: Request, params: dict[str, list[str]]) -> bool:
    """A browser navigating: it prefers HTML to every results format and names no `format=`."""
    if "format" in params:
        return False
    return choose(request.headers.get("accept"), (*RESULT_FORMATS, *GRAPH_FORMATS, "html")) == "html"


def runnable(query: NamedQuery, values: dict[str, str] | None = None) -> str:
    """A library query as a self-standing SPARQL text: its parameters bound by a VALUES block."""
    terms = {name: str(term) for name, term in bindings(query, values or {}).items()}
    return with_prefixes(with_values(query.text, terms).strip() + "\n")


async def run_table(state: Any, sparql: str, lang: str) -> tuple[Table | None, str | None, int]:
    """The answer to a query as a table with labels, or the error message and status."""
    answer = await state.pool.run(sparql, _PAGE_ACCEPT)
    if answer.status != 200:
        return None, answer.body.decode("utf-8", "replace").strip(), answer.status
    if is_graph_query(answer.media_type):
        table = from_ntriples(answer.body, answer.truncated)
    else:
        table = from_json(answer.body, answer.truncated)
    iris = table.iris()
    if iris:
        table.labels = await anyio.to_thread.run_sync(labels, state.store, iris, label_order(lang))
    return table, None, 200


def examples() -> list[tuple[NamedQuery, str]]:
    """Each library query with its defaults bound, for the query page's examples."""
    out = []
    for query in library().values():
        try:
            out.append((query, runnable(query)))
        except QueryError:
            continue  # a parameter without a default: it has no runnable example
    return out


async def sparql_page(request: Request, state: Any, query: str | None, refused: str | None = None) -> Response:
    """The query page: editor, examples, and the answer to `query` (or why it was refused)."""
    lang = language(request)
    table, error, status = None, refused, 400 if refused else 200
    text = query if query is not None else state.summary["example_query"]
    if query is not None and query.strip() and refused is None:
        table, error, status = await run_table(state, query, lang)
    downloads = []
    if table is not None:
        downloads = [(name, download_href("/sparql", {"query": query}, fmt)) for name, fmt in table.downloads]
    page = render(
        "sparql.html",
        query=with_prefixes(text),
        table=table,
        error=error,
        downloads=downloads,
        examples=examples(),
        lang=lang,
        timeout=state.summary["timeout"],
        max_rows=state.summary["max_rows"],
    )
    return HTMLResponse(page, status_code=status, headers={"Vary": "Accept"})


async def queries_index(request: Request) -> Response:
    """`/queries`: every question of the library, with what it answers and its parameters."""
    page = render("queries.html", queries=list(library().values()), languages=language_links(request))
    return HTMLResponse(page)


def _split_format(name: str) -> tuple[str, str | None]:
    stem, dot, suffix = name.rpartition(".")
    if dot and suffix in RESULT_FORMATS:
        return stem, suffix
    return name, None


async def library_page(request: Request) -> Response:
    """One library query: description, parameter form, results; or its results as data."""
    state = request.app.state.casckg
    await state.follow()
    name, fmt = _split_format(request.path_params["name"])
    query = library().get(name)
    if query is None:
        return PlainTextResponse(f"no query named '{name}'; /queries lists the library\n", status_code=404)
    known = {p.name for p in query.params}
    given = {k: v for k, v in request.query_params.items() if k in known and v.strip()}
    lang = language(request)
    try:
        sparql = runnable(query, given)
    except QueryError as exc:
        sparql, problem = None, str(exc)
    else:
        problem = None
    if fmt is None and not wants_page(request, {k: [v] for k, v in request.query_params.items()}):
        fmt = request.query_params.get("format") or choose(request.headers.get("accept"), RESULT_FORMATS) or "json"
    if fmt is not None:
        if problem is not None:
            return PlainTextResponse(problem + "\n", status_code=400)
        answer = await state.pool.run(sparql, MEDIA.get(fmt, MEDIA["json"])[0])
        response = Response(answer.body, status_code=answer.status, media_type=answer.media_type)
        response.headers["Vary"] = "Accept"
        if answer.truncated:
            response.headers["X-Result-Truncated"] = f"only the first {state.config.max_rows} results are sent"
        return response
    table = None
    if problem is None:
        table, problem, _ = await run_table(state, sparql, lang)
    values = {p.name: given.get(p.name, p.default or "") for p in query.params}
    iri_values = [v for p in query.params if p.type == "iri" and (v := values[p.name])]
    value_labels = await anyio.to_thread.run_sync(_param_labels, state.store, iri_values, lang)
    query_string = urlencode({k: v for k, v in given.items()})
    suffix = f"?{query_string}" if query_string else ""
    downloads = [(label, f"/queries/{name}.{f}{suffix}") for label, f in RESULT_DOWNLOADS]
    page = render(
        "query.html",
        query=query,
        values=values,
        value_labels=value_labels,
        table=table,
        error=problem,
        downloads=downloads,
        sparql=sparql,
        editor_href="/sparql?" + urlencode({"query": sparql}) if sparql else None,
        lang=lang,
        languages=language_links(request),
    )
    return HTMLResponse(page, status_code=200 if problem is None else 400, headers={"Vary": "Accept"})


def _param_labels(store: Any, values: list[str], lang: str) -> dict[str, str]:
    """Labels of the entities a form names, keyed by what was typed (state/KAZ -> Kazakhstan)."""
    iris = {}
    for value in values:
        try:
            iris[value] = to_term(value, "iri").value
        except QueryError:
            continue
    found = labels(store, set(iris.values()), label_order(lang))
    return {value: found[iri] for value, iri in iris.items() if iri in found}


class NameIndex:
    """Every entity's labels, aliases and acronyms in every language, folded as the gazetteer
    folds them (case and accents left out), held in memory so
    that search-as-you-type answers at once. Read once from the store with the gazetteer's own
    query (`queries/articles/known-names.rq`); the served store does not change underneath."""

    def __init__(self, rows: list[tuple[str, str, str]]):
        self.rows = sorted({(fold(name), iri, top) for name, iri, top in rows})

    @classmethod
    def from_store(cls, store: Any) -> NameIndex:
        found = run(store, internal("articles", "known-names"))
        return cls([(r["name"].value, r["entity"].value, r["top"].value) for r in found if r["name"] is not None])

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[tuple[str, str]]:
        """(IRI, top class IRI) of the entities a name of which contains `text`: whole names
        first, then names that start with it, then the rest."""
        wanted = fold(text.strip())
        best: dict[str, tuple[int, str, str]] = {}
        for name, iri, top in self.rows:
            if wanted not in name:
                continue
            rank = 0 if name == wanted else 1 if name.startswith(wanted) else 2
            if iri not in best or rank < best[iri][0]:
                best[iri] = (rank, name, top)
        ordered = sorted(best.items(), key=lambda kv: (kv[1][0], len(kv[1][1]), kv[1][1]))
        return [(iri, top) for iri, (_, _, top) in ordered[:limit]]


async def entity_search(request: Request) -> Response:
    """Entities whose label, alias or acronym in any language contains `q`, as JSON
    [{id, iri, label, class}] in the reader's language, for the forms' search-as-you-type."""
    state = request.app.state.casckg
    text = request.query_params.get("q", "").strip()
    if len(text) < 2:
        return JSONResponse([])
    names = await state.once("names", NameIndex.from_store)  # read once per store version
    found = names.search(text)
    order = label_order(language(request))
    known = await anyio.to_thread.run_sync(labels, state.store, {i for pair in found for i in pair}, order)
    return JSONResponse(
        [
            {"id": short(ox.NamedNode(iri)), "iri": iri, "label": known.get(iri, iri), "class": known.get(top, top)}
            for iri, top in found
        ]
    )
