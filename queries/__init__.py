"""The library of named SPARQL queries: `.rq` files whose header says what they answer.

A query file starts with comment lines:

    # title: Members of an organisation as of a date
    # description: States and institutions that were members of ?org on ?date.
    # param: org iri = institution/csto -- the organisation
    # param: date date = 2024-01-01 -- the day to look at

A parameter names a variable of the query; its value is bound as an RDF term of the given type
(iri, date, string, integer, language), never pasted into the query text. `checks/*-violation.rq`
are queries that must return no rows in a well-formed graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
CHECKS = HERE / "checks"
PARAM_TYPES = ("iri", "date", "string", "integer", "language")
_HEADER = re.compile(r"^#\s*(title|description|param):\s*(.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s+(?P<type>\w+)(?:\s*=\s*(?P<default>\S+))?(?:\s+--\s*(?P<doc>.*))?$")


class QueryFileError(ValueError):
    """A query file's header is malformed."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    description: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str
    path: Path
    params: tuple[Param, ...] = field(default=())


def parse(path: Path) -> NamedQuery:
    """Read one `.rq` file and its header."""
    text = path.read_text(encoding="utf-8")
    meta: dict[str, list[str]] = {"title": [], "description": [], "param": []}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if m:
            meta[m.group(1)].append(m.group(2).strip())
        elif meta["description"] and line.startswith("#  "):
            meta["description"][-1] += " " + line[1:].strip()
    if not meta["title"]:
        meta["title"] = [path.stem]  # an analyst's own file may go without a header
    params = []
    for spec in meta["param"]:
        m = _PARAM.match(spec)
        if not m or m.group("type") not in PARAM_TYPES:
            raise QueryFileError(
                f"{path.name}: bad '# param: {spec}' (expected NAME TYPE [= DEFAULT] [-- text], "
                f"TYPE one of {', '.join(PARAM_TYPES)})"
            )
        params.append(Param(m.group("name"), m.group("type"), m.group("default"), m.group("doc") or ""))
    return NamedQuery(path.stem, meta["title"][0], " ".join(meta["description"]), text, path, tuple(params))


def library() -> dict[str, NamedQuery]:
    """Every analyst query of the library, by name (read again only when its files change)."""
    files = sorted(HERE.glob("*.rq"))
    return _library(tuple((p, p.stat().st_mtime_ns) for p in files))


@cache
def _library(files: tuple[tuple[Path, int], ...]) -> dict[str, NamedQuery]:
    return {p.stem: parse(p) for p, _ in files}


@cache
def internal(group: str, name: str) -> NamedQuery:
    """A query the project's own code runs (`GROUP/NAME.rq`: network, articles); not in the library."""
    return parse(HERE / group / f"{name}.rq")


def checks() -> dict[str, NamedQuery]:
    """Every violation check: queries that must return no rows."""
    return {p.stem: parse(p) for p in sorted(CHECKS.glob("*-violation.rq"))}


_SCAN = re.compile(
    r"""(?P<iri><[^<>"{}|^`\\\s]*>)|(?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(?P<comment>\#[^\n]*)"""
    r"""|(?P<where>\bWHERE\b)|(?P<open>\{)|(?P<close>\})""",
    re.IGNORECASE,
)


def where_position(text: str) -> int:
    """The offset just after the `{` that opens the query's WHERE group.

    Comments, strings and IRIs are skipped, so a '#' in an IRI or a brace in a string is not
    taken for syntax; a CONSTRUCT template is skipped by looking for WHERE first.
    """
    depth, first_open, seen_where = 0, None, False
    for m in _SCAN.finditer(text):
        kind = m.lastgroup
        if kind == "where" and depth == 0:
            seen_where = True
        elif kind == "open":
            if depth == 0 and seen_where:
                return m.end()
            if depth == 0 and first_open is None:
                first_open = m.end()
            depth += 1
        elif kind == "close":
            depth -= 1
    if first_open is None:
        raise QueryFileError("the query has no WHERE group")
    return first_open


def with_prefixes(text: str) -> str:
    """The query with a PREFIX line for each of the project's prefixes it uses but does not declare.

    The embedded store takes the prefixes as an argument; another endpoint, an editor that checks
    prefixes and a reader need them in the text. Whole-line comments are not counted as use.
    """
    from casckg.ontology import PREFIXES

    declared = set(_PREFIX_DECL.findall(text))
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    used = [p for p in PREFIXES if p not in declared and f"{p}:" in code]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in used) + text


_PREFIX_DECL = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE | re.MULTILINE)


def with_values(text: str, terms: dict[str, str]) -> str:
    """The query with a VALUES block binding each variable to a term in N-Triples syntax.

    The block opens the WHERE group, so every pattern and FILTER of that group sees the
    values; it is plain SPARQL 1.1, so the embedded and any remote store bind alike. Terms
    must come already serialised by an RDF library (escaped), never from user text.
    """
    if not terms:
        return text
    names = " ".join(f"?{name}" for name in terms)
    row = " ".join(terms.values())
    at = where_position(text)
    return f"{text[:at]} VALUES ({names}) {{ ({row}) }}{text[at:]}"
