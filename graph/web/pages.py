"""HTML for people: Jinja2 templates with autoescaping, and the few helpers they share.

Everything taken from the graph (labels, literals, IRIs, source titles) reaches the page only
through autoescaping or `markupsafe` formatting, so text from sources can never become markup.
Links to resources under the base IRI point at this server (the base maps to its root); other
IRIs link out only when they are http(s), never `javascript:` or the like.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import pyoxigraph as ox
from markupsafe import Markup

from ..build.mint import base_iri
from ..query import short

TEMPLATES = Path(__file__).parent / "templates"

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def local_href(iri: str) -> str | None:
    """Where a browser should go for an IRI: this server for the project's IRIs, else the IRI itself."""
    base = base_iri()
    if iri.startswith(base):
        return "/" + iri[len(base) :]
    if iri.startswith(("http://", "https://")):
        return iri
    return None


def term_html(term: object, labels: dict[str, str] | None = None, tags: bool = True) -> Markup:
    """One RDF term as escaped HTML: a link with its label for IRIs, the text and tag for literals
    (in a table of results the tag goes into the tooltip: `tags=False`)."""
    labels = labels or {}
    if isinstance(term, ox.NamedNode):
        name = labels.get(term.value) or short(term)
        href = local_href(term.value)
        inner = Markup('<span title="{}">{}</span>').format(term.value, name)
        return Markup('<a href="{}">{}</a>').format(href, inner) if href else inner
    if isinstance(term, ox.Literal):
        tag = ""
        if term.language:
            tag = f"@{term.language}"
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            tag = short(term.datatype)
        if not tags:
            return Markup('<span class="literal" title="{}">{}</span>').format(tag, term.value)
        return Markup('<span class="literal">{}</span> <small>{}</small>').format(term.value, tag)
    return Markup("<code>{}</code>").format(str(term))


def render(template: str, **context: object) -> str:
    """A page from templates/, with the helpers every page uses."""
    return _env.get_template(template).render(
        term=term_html, href=local_href, short=short, ox_node=ox.NamedNode, **context
    )
