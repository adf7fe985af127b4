"""Export the graph to files other tools read: one writer function per format, in `FORMATS`.

A writer takes the store and the output path and writes the whole file (atomically: a failed
export leaves no half-written file). Network formats (GEXF for Gephi, GraphML for Cytoscape)
write the projection of `network.py` with flat attributes, since both formats hold only
scalars: one column per label language, lists joined with " | ".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx

from casckg.ingest.errors import CasckgError

from .network import LANGUAGES, label, project
from .store import Store

Writer = Callable[[Store, Path], None]
JOIN = " | "


def flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The network with scalar attributes only, as GEXF and GraphML require."""
    terms = graph.graph.get("terms", {})
    out = nx.MultiDiGraph()
    for n, a in graph.nodes(data=True):
        attrs: dict[str, Any] = {
            "label": label(a, "en", n),
            "iri": n,
            "class": a["cls"],
            "type": a["type"],
            "wikidata": a["wikidata"],
            "aliases": JOIN.join(x for names in a["aliases"].values() for x in names),
            "sources": JOIN.join(a["sources"]),
            "citations": JOIN.join(a["citations"]),
            "start": a["start"],
            "end": a["end"],
        }
        attrs.update({f"label_{lang}": a["labels"].get(lang) for lang in LANGUAGES})
        attrs.update({f"{p}": v for p, v in a["properties"]})
        out.add_node(n, **{k.replace(":", "_"): v for k, v in attrs.items() if v not in (None, "")})
    for s, o, key, a in graph.edges(keys=True, data=True):
        attrs = {
            "relation": a["relation"],
            "label": terms.get(a["relation"], {}).get("en", a["relation"]),
            "inferred": a["inferred"],
            "sources": JOIN.join(a["sources"]),
            "links": JOIN.join(a["links"]),
            "evidence": JOIN.join(e["text"] for e in a["evidence"]),
            "start": a["start"],
            "end": a["end"],
            "count": a["count"],
            "via": a["via"],
        }
        out.add_edge(s, o, key=key, **{k: v for k, v in attrs.items() if v not in (None, "")})
    return out


@contextmanager
def replacing(out: Path) -> Iterator[Path]:
    """A path to write to in place of `out`; it replaces `out` only when the block succeeds."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    try:
        yield partial
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)


def _atomic(write: Callable[[nx.MultiDiGraph, Path], None]) -> Writer:
    def writer(store: Store, out: Path) -> None:
        graph = flat(project(store))
        with replacing(out) as partial:
            write(graph, partial)

    writer.__doc__ = f"Write the network with {write.__module__}.{write.__name__}."
    return writer


#: Export formats by name; each writes the whole store's content to a path.
FORMATS: dict[str, Writer] = {
    "gexf": _atomic(nx.write_gexf),
    "graphml": _atomic(nx.write_graphml),
}


def export(store: Store, fmt: str, out: Path) -> Path:
    """Write the store in format `fmt` (a key of FORMATS) to `out`."""
    if fmt not in FORMATS:
        raise CasckgError(f"unknown export format '{fmt}'; expected one of {', '.join(sorted(FORMATS))}")
    FORMATS[fmt](store, out)
    return out
