"""The explorer: the network as one self-contained HTML page an analyst opens from disk.

The page carries everything it needs: vis-network's script and style (read from the copy pyvis
ships), our script and style, and the network as JSON. It makes no request to any other host
(its Content-Security-Policy forbids it). Positions are computed here (`layout.py`) and physics
is off, so the browser only draws. Text from sources reaches the page only as JSON data and is
put on screen as text (canvas labels, `textContent`), never as HTML; the JSON is escaped so that
nothing in a label can close the script element that holds it.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
from markupsafe import Markup

from casckg.ingest.contract import CasckgError

from ..publish.export import replacing
from ..store.embedded import Store
from . import analysis, layout
from .projection import LANGUAGES, config, project

TEMPLATES = Path(__file__).resolve().parent / "templates"
VIS_VERSION = "9.1.2"
#: Betweenness is computed for the page up to this many nodes (beyond, `casckg network` computes it).
PAGE_BETWEENNESS_LIMIT = 1000
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def vis_assets() -> tuple[str, str]:
    """vis-network's script and style sheet, from the copy inside the pyvis package."""
    folder = files("pyvis") / "lib" / f"vis-{VIS_VERSION}"
    try:
        return (folder / "vis-network.min.js").read_text(encoding="utf-8"), (folder / "vis-network.css").read_text(
            encoding="utf-8"
        )
    except FileNotFoundError as exc:
        raise CasckgError(f"vis-network {VIS_VERSION} is missing from the installed pyvis: {exc}") from exc


def script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' appear literally.

    >>> script_json({"label": "</script><b>"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return "".join(_JSON_ESCAPES.get(ch, ch) for ch in text) if any(c in text for c in _JSON_ESCAPES) else text


def page_data(graph: nx.MultiDiGraph, lang: str = "en", seed: int = 0) -> dict[str, Any]:
    """The network as the page's JSON: tables of classes, relations and sources, then nodes and edges."""
    if lang not in LANGUAGES:
        raise CasckgError(f"unknown language '{lang}'; expected one of {', '.join(LANGUAGES)}")
    terms = graph.graph.get("terms", {})
    styles = config()["classes"]
    classes = [{"id": name, **style, "labels": terms.get(f"cas:{name}", {})} for name, style in styles.items()]
    class_index = {c["id"]: i for i, c in enumerate(classes)}
    edge_list = list(graph.edges(data=True))  # networkx's edge view is slow to walk: walked once
    relations = sorted({a["relation"] for *_, a in edge_list})
    relation_index = {r: i for i, r in enumerate(relations)}
    sources = graph.graph.get("sources", {})
    source_list = sorted(set(sources).union(*(a["sources"] for *_, a in edge_list)))
    source_index = {s: i for i, s in enumerate(source_list)}

    ties = layout.undirected(graph)  # read once for degree, communities and layout
    degree = ties.degree()
    community = layout.communities(ties, seed=seed)
    xy = layout.positions(ties, seed=seed, groups=community)
    between = analysis.betweenness(graph) if graph.number_of_nodes() <= PAGE_BETWEENNESS_LIMIT else {}
    node_index = {n: i for i, n in enumerate(graph.nodes)}
    nodes = []
    for n, a in graph.nodes(data=True):
        node = {
            "iri": n,
            "c": class_index.get(a["cls"], 0),
            "t": a["type"],
            "l": a["labels"],
            "a": a["aliases"],
            "x": xy[n][0],
            "y": xy[n][1],
            "d": degree.get(n, 0),
            "m": community.get(n, 0),
        }
        optional = {
            "b": round(between[n], 5) if n in between else None,
            "w": a["wikidata"],
            "p": [list(p) for p in a["properties"]],
            "q": a["citations"],
            "s": [source_index[g] for g in a["sources"] if g in source_index],
            "t0": a["start"],
            "t1": a["end"],
        }
        node.update({k: v for k, v in optional.items() if v})
        nodes.append(node)
    edges = []
    for s, o, a in edge_list:
        edge = {"f": node_index[s], "t": node_index[o], "r": relation_index[a["relation"]]}
        optional = {
            "i": 1 if a["inferred"] else 0,
            "s": [source_index[g] for g in a["sources"]],
            "k": a["links"],
            "v": [[e["text"], source_index.get(e["source"], -1), e["start"], e["end"]] for e in a["evidence"]],
            "t0": a["start"],
            "t1": a["end"],
            "n": a["count"],
            "via": a["via"],
        }
        edge.update({k: v for k, v in optional.items() if v})
        edges.append(edge)
    return {
        "lang": lang,
        "languages": list(LANGUAGES),
        "classes": classes,
        "relations": [{"id": r, "labels": terms.get(r, {})} for r in relations],
        "terms": terms,
        "sources": [{"iri": s, **sources.get(s, {})} for s in source_list],
        "nodes": nodes,
        "edges": edges,
        "betweenness": bool(between),
    }


def render(graph: nx.MultiDiGraph, lang: str = "en", title: str = "casckg explorer", seed: int = 0) -> str:
    """The explorer page for a network, as one HTML string."""
    vis_js, vis_css = vis_assets()
    own_js = (TEMPLATES / "explorer.js").read_text(encoding="utf-8")
    own_css = (TEMPLATES / "explorer.css").read_text(encoding="utf-8")
    for name, text in (("vis-network.min.js", vis_js), ("explorer.js", own_js)):
        if "</script" in text.lower():
            raise CasckgError(f"{name} contains '</script' and cannot be inlined")
    for name, text in (("vis-network.css", vis_css), ("explorer.css", own_css)):
        if "</style" in text.lower():
            raise CasckgError(f"{name} contains '</style' and cannot be inlined")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    template = env.get_template("explorer.html")
    return template.render(
        title=title,
        lang=lang,
        vis_js=Markup(vis_js),
        vis_css=Markup(vis_css),
        own_js=Markup(own_js),
        own_css=Markup(own_css),
        data=Markup(script_json(page_data(graph, lang, seed))),
    )


def write_page(graph: nx.MultiDiGraph, out: Path, lang: str = "en") -> Path:
    """Write the page for a network to `out` (atomically: a failed write leaves the old page)."""
    html = render(graph, lang)
    with replacing(out) as partial:
        partial.write_text(html, encoding="utf-8")
    return out


def write_explorer(store: Store, out: Path, lang: str = "en") -> Path:
    """Project the store and write its explorer page to `out`."""
    return write_page(project(store), out, lang)
