"""What a public SPARQL endpoint refuses before running anything: updates and foreign SERVICE calls.

The store behind the endpoint is opened read-only and only ever asked to *query*, so an update
cannot change it anyway; refusing it here gives the client a clear 403 instead of a parse error.
`SERVICE` would make the server send requests to any host a client names, so it is refused
unless the endpoint it names is on the configured allow-list.

The query is judged by its syntax tree (rdflib's SPARQL 1.1 parser), never by looking for words
in its text: however it is spaced, cased or commented, a SERVICE call is a `ServiceGraphPattern`
node. What the parser cannot read is refused, since what cannot be read cannot be judged. (A
text in which no such keyword occurs even as a substring, outside whole-line comments, is not
parsed: see `needs_judging`.)
Parsing is recursive, so the nesting depth is bounded first (`MAX_DEPTH`); the same
tree also tells the query's form (`query_form`) and its dataset (`FROM`, `FROM NAMED`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import URIRef

#: Brackets a query may nest ({ ( [): far more than any real query, far less than the parser's stack.
MAX_DEPTH = 24

_TOKENS = re.compile(
    r'(?P<long>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\')'
    r"""|(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')"""
    r"""|(?P<iri><[^<>"{}|^`\\\s]*>)|(?P<comment>\#[^\n]*)""",
)
#: Words whose presence (as substrings, any case) sends a query to the parser to be judged.
_KEYWORDS = ("service", "\\u", "insert", "delete", "load", "clear", "create", "drop", "copy", "move", "add", "with")
_LINE_BREAK = re.compile(r"[\n\r]")
_FROM = re.compile(r"(?<![\w?$])from(?!\w)", re.IGNORECASE)
_FORMS = {"SelectQuery": "SELECT", "ConstructQuery": "CONSTRUCT", "AskQuery": "ASK", "DescribeQuery": "DESCRIBE"}


class Refused(ValueError):
    """A request the endpoint will not run; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Parsed:
    """What the guard read from a query: its form, the SERVICE endpoints it names, its dataset."""

    form: str  # SELECT, CONSTRUCT, ASK, DESCRIBE
    services: tuple[str | None, ...]  # the endpoint IRIs; None for a variable or an unresolved name
    default_graphs: tuple[str, ...]  # FROM
    named_graphs: tuple[str, ...]  # FROM NAMED


def nesting_depth(text: str) -> int:
    """How deep brackets nest in the query, strings, IRIs and comments left out."""
    depth = deepest = 0
    for char in _TOKENS.sub(" ", text):
        if char in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "})]":
            depth = max(depth - 1, 0)
    return deepest


def _nodes(tree: object) -> Iterator[CompValue]:
    """Every node of a parse tree (iteratively: the tree is as deep as the query)."""
    stack = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, (ParseResults, list, tuple)):
            stack.extend(item)


def _field(node: CompValue, key: str, default: object = None) -> object:
    """A node's field (CompValue.get answers a missing key with the key's name)."""
    return node[key] if key in node else default  # noqa: SIM401 - CompValue.get differs


def _iri(term: object, prefixes: dict[str, str]) -> str | None:
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, CompValue) and term.name == "pname" and _field(term, "prefix", "") in prefixes:
        return prefixes[_field(term, "prefix", "")] + str(_field(term, "localname", "") or "")
    return None


@functools.lru_cache(maxsize=512)
def parse(text: str) -> Parsed:
    """Read a query, or raise `Refused`: 403 for an update, 400 for what is not a SPARQL query."""
    if nesting_depth(text) > MAX_DEPTH:
        raise Refused(400, f"the query nests brackets more than {MAX_DEPTH} deep")
    try:
        prologue, query = parseQuery(text)
    except ParseException as exc:
        try:
            parseUpdate(text)
        except ParseException:
            raise Refused(
                400, f"the query is not valid SPARQL: {exc.msg} (line {exc.lineno}, column {exc.col})"
            ) from None
        raise Refused(403, "this endpoint is read-only: SPARQL Update is not allowed") from None
    except RecursionError:
        raise Refused(400, "the query nests too deeply to be read") from None
    prefixes = {_field(d, "prefix", ""): str(d["iri"]) for d in _nodes(prologue) if d.name == "PrefixDecl"}
    services = tuple(_iri(_field(n, "term"), prefixes) for n in _nodes(query) if n.name == "ServiceGraphPattern")
    clauses = [c for c in _field(query, "datasetClause", None) or [] if isinstance(c, CompValue)]
    return Parsed(
        form=_FORMS.get(query.name, query.name),
        services=services,
        default_graphs=tuple(str(c["default"]) for c in clauses if "default" in c),
        named_graphs=tuple(str(c["named"]) for c in clauses if "named" in c),
    )


def query_form(text: str) -> str:
    """SELECT, CONSTRUCT, ASK or DESCRIBE, read from the parsed query; `Refused` for anything else."""
    return parse(text).form


def _allowed(endpoint: str | None, allowed: tuple[str, ...]) -> bool:
    return endpoint is not None and any(endpoint == a or endpoint.startswith(a.rstrip("/") + "/") for a in allowed)


def without_comment_lines(text: str) -> str:
    """The text without the lines that are wholly a comment (the header of a library query).

    Only a long string (three quotes) can run over a line break, so in a text without one, a line whose
    first visible character is '#' is a comment whatever came before it. With one, or with a \\u
    escape anywhere (escapes are read before comments, so one could end a comment's line), the
    text is kept whole: the cheap reading must never hide what the parser would read.
    """
    if '"""' in text or "'''" in text or "\\u" in text.lower():
        return text
    lines = _LINE_BREAK.split(text)  # SPARQL's line ends only: a short string may hold U+2028
    return "\n".join(line for line in lines if not line.lstrip(" \t").startswith("#"))


def needs_judging(text: str) -> bool:
    """Whether the text could hold an update or a SERVICE call at all.

    Parsing takes up to a second for a long query, so a text in which none of those keywords
    occurs even as a substring (in any case, nor a \\u escape that could spell one) outside
    whole-line comments is not parsed: it cannot be what the guard refuses. Everything else is
    judged on its parse.
    """
    lowered = without_comment_lines(text).lower()
    return any(word in lowered for word in _KEYWORDS)


def may_name_dataset(text: str) -> bool:
    """Whether the text could hold a FROM clause: the word on its own, outside whole-line comments
    (not `?from`, nor `validFrom`); only such a text needs parsing to find its dataset."""
    return _FROM.search(without_comment_lines(text)) is not None


def check_query(text: str, allow_service: Iterable[str] = ()) -> Parsed | None:
    """Raise `Refused` for an update or a SERVICE call to an endpoint not on `allow_service`.

    Returns the parsed query when it had to be parsed (see `needs_judging`)."""
    if nesting_depth(text) > MAX_DEPTH:
        raise Refused(400, f"the query nests brackets more than {MAX_DEPTH} deep")
    if not needs_judging(text):
        return None
    parsed = parse(text)
    allowed = tuple(allow_service)
    for endpoint in parsed.services:
        if not _allowed(endpoint, allowed):
            raise Refused(
                403,
                f"SERVICE {endpoint or '(a variable or an undeclared name)'} is not allowed: this endpoint does"
                " not query other endpoints" + (f" except {', '.join(allowed)}" if allowed else ""),
            )
    return parsed
