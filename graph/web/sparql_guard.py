"""What a public SPARQL endpoint refuses before running anything: updates and foreign SERVICE calls.

The store behind the endpoint is opened read-only and only ever asked to *query*, so an update
cannot change it anyway; refusing it here gives the client a clear 403 instead of a parse error.
`SERVICE` would make the server send requests to any host a client names, so it is refused
unless the endpoint it names is on the configured allow-list. Keywords are looked for in the
query text with its comments, strings and IRIs taken out, so a `#` in an IRI or the word
"delete" in a literal is not mistaken for syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_TOKENS = re.compile(
    r'(?P<long>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\')'
    r"""|(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')"""
    r"""|(?P<iri><[^<>"{}|^`\\\s]*>)|(?P<comment>\#[^\n]*)""",
)
_WORD = r"(?<![\w:?$\-.])({})(?![\w:\-])"
_UPDATE = re.compile(_WORD.format("INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH"), re.IGNORECASE)
_SERVICE = re.compile(_WORD.format("SERVICE") + r"\s+(?:SILENT\s+)?(?P<target>\S+)", re.IGNORECASE)


class Refused(ValueError):
    """A request the endpoint will not run; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def _masked(text: str) -> tuple[str, list[str]]:
    """The text with strings and comments blanked and IRIs replaced by `<N>` (their index)."""
    iris: list[str] = []

    def mask(m: re.Match[str]) -> str:
        if m.lastgroup == "iri":
            iris.append(m.group()[1:-1])
            return f"<{len(iris) - 1}>"
        return " " if m.lastgroup == "comment" else '""'

    return _TOKENS.sub(mask, text), iris


def check_query(text: str, allow_service: Iterable[str] = ()) -> None:
    """Raise `Refused` for an update or a SERVICE call to an endpoint not on `allow_service`."""
    masked, iris = _masked(text)
    update = _UPDATE.search(masked)
    if update:
        raise Refused(403, f"this endpoint is read-only: SPARQL Update ({update.group(1).upper()}) is not allowed")
    allowed = tuple(allow_service)
    for m in _SERVICE.finditer(masked):
        target = m.group("target")
        index = re.fullmatch(r"<(\d+)>", target)
        endpoint = iris[int(index.group(1))] if index else target
        if not index or not any(endpoint == a or endpoint.startswith(a.rstrip("/") + "/") for a in allowed):
            raise Refused(
                403,
                f"SERVICE {endpoint} is not allowed: this endpoint does not query other endpoints"
                + (f" except {', '.join(allowed)}" if allowed else ""),
            )
