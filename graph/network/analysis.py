"""Network measures an analyst expects, computed with networkx (communities: igraph) on the projection.

Centrality and communities read the network as undirected and simple: who is tied to whom,
whatever the relation or its direction, each pair counted once. A time window keeps the edges
that hold at some point within it (undated edges, such as part-of, hold always).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import networkx as nx

from casckg.ingest.contract import CasckgError

from . import layout
from .projection import label, overlaps

METRICS = ("degree", "betweenness")
ACTOR_CLASSES = ("State", "Institution", "Person")
#: Above this many nodes betweenness is estimated from this many sampled sources (seeded).
BETWEENNESS_SAMPLE = 500


@dataclass(frozen=True)
class Ranked:
    """One entity and its score."""

    iri: str
    label: str
    cls: str
    score: float


def window(graph: nx.MultiDiGraph, since: str | None = None, until: str | None = None) -> nx.MultiDiGraph:
    """The network restricted to edges that hold within [since, until] (ISO dates, open when None)."""
    if not since and not until:
        return graph
    keep = [
        (s, o, k) for s, o, k, a in graph.edges(keys=True, data=True) if overlaps(a["start"], a["end"], since, until)
    ]
    sub = nx.MultiDiGraph(graph.edge_subgraph(keep))
    sub.add_nodes_from((n, a) for n, a in graph.nodes(data=True) if overlaps(a["start"], a["end"], since, until))
    sub.graph.update(graph.graph)
    return sub


def ties(graph: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple graph of who is tied to whom."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    simple.add_edges_from((s, o) for s, o in graph.edges() if s != o)
    return simple


def degree(graph: nx.MultiDiGraph) -> dict[str, float]:
    """Degree centrality: the share of all other entities an entity is tied to."""
    return nx.degree_centrality(ties(graph))


def betweenness(graph: nx.MultiDiGraph, sample: int = BETWEENNESS_SAMPLE, seed: int = 0) -> dict[str, float]:
    """Betweenness centrality: how often an entity lies on shortest paths between others.

    Exact up to `sample` nodes; above, estimated from `sample` seeded sources (Brandes' sampling).
    """
    simple = ties(graph)
    k = sample if simple.number_of_nodes() > sample else None
    return nx.betweenness_centrality(simple, k=k, seed=seed)


def communities(graph: nx.MultiDiGraph, seed: int = 0) -> dict[str, int]:
    """Louvain communities (seeded), numbered from the largest; isolated entities get their own."""
    return layout.communities(graph, seed=seed)


def central(
    graph: nx.MultiDiGraph,
    metric: str = "degree",
    top: int = 20,
    classes: tuple[str, ...] = ACTOR_CLASSES,
    since: str | None = None,
    until: str | None = None,
    lang: str = "en",
) -> list[Ranked]:
    """The `top` most central entities of the given classes, within an optional time window."""
    if metric not in METRICS:
        raise CasckgError(f"unknown metric '{metric}'; expected one of {', '.join(METRICS)}")
    for name, value in (("since", since), ("until", until)):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise CasckgError(f"--{name} '{value}' is not a date (YYYY-MM-DD)") from None
    sub = window(graph, since, until)
    scores = degree(sub) if metric == "degree" else betweenness(sub)
    ranked = [
        Ranked(n, label(a, lang, n), a["cls"], scores.get(n, 0.0))
        for n, a in sub.nodes(data=True)
        if not classes or a["cls"] in classes
    ]
    ranked.sort(key=lambda r: (-r.score, r.label, r.iri))
    return ranked[:top]
