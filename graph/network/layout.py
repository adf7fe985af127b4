"""Node positions computed once in Python, so the browser draws without running physics.

igraph's Fruchterman-Reingold (C, with a grid above a thousand nodes) lays out 10,000 nodes in
about a second, where networkx's spring_layout takes minutes and the browser's own physics
does not settle at all. The layout is seeded: the same network gets the same picture. A part
of over 10,000 nodes gets fewer iterations (`iterations`), so that 30,000 nodes cost about what
10,000 do. The network is read into igraph once per page (`undirected`): degree, communities
and the layout share it.

The largest connected part is laid out in the middle; smaller parts are laid out each on its
own and set in rows below it, then the entities without any tie on a grid, so that a few
stray pairs neither frame the drawing (making the first view small) nor ring it.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import igraph as ig
import networkx as nx

#: Average distance in pixels between neighbouring nodes at scale 1.
SPACING = 160.0
#: How much more a tie inside a community pulls than a tie across two (communities group).
COMMUNITY_PULL = 4.0
#: Fruchterman-Reingold iterations for a part of up to FULL_LAYOUT nodes; a larger part gets
#: proportionally fewer (the same work as FULL_LAYOUT nodes), down to MIN_ITERATIONS. On a
#: 30,000-node network of 150 planted communities, 167 iterations keep each community as
#: compact as 500 do (mean distance to its centre 0.235 against 0.232 of the whole drawing's
#: spread) at a third of the time.
ITERATIONS, FULL_LAYOUT, MIN_ITERATIONS = 500, 10_000, 150

Point = tuple[float, float]


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """igraph's random numbers from a seeded generator while the block runs: the same picture,
    the same communities, for the same network."""
    ig.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        ig.set_random_number_generator(random)


@dataclass(frozen=True)
class Ties:
    """Who is tied to whom, read once from a network: its nodes in order, and the simple
    undirected igraph over their indexes (each pair once, no loops). Degree, communities and
    the layout all read this one graph, rather than each converting the network again."""

    nodes: list[str]
    network: ig.Graph

    def degree(self) -> dict[str, int]:
        """How many others each node is tied to."""
        return dict(zip(self.nodes, self.network.degree(), strict=True))


def undirected(graph: nx.Graph) -> Ties:
    """The network's ties (see `Ties`), read from its adjacency: one look per neighbour, however
    many relations join the pair."""
    nodes = list(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    pairs = set()
    for s, targets in graph.adj.items():
        i = index[s]
        for o in targets:
            j = index[o]
            if i < j:
                pairs.add((i, j))
            elif j < i:
                pairs.add((j, i))
    return Ties(nodes, ig.Graph(n=len(nodes), edges=sorted(pairs)))


def _ties(graph: nx.Graph | Ties) -> Ties:
    """The ties of a network, or the ones already read."""
    return graph if isinstance(graph, Ties) else undirected(graph)


def iterations(nodes: int) -> int:
    """Layout iterations for a connected part of `nodes` nodes (see ITERATIONS).

    >>> iterations(2_000), iterations(30_000), iterations(100_000)
    (500, 166, 150)
    """
    return max(MIN_ITERATIONS, min(ITERATIONS, ITERATIONS * FULL_LAYOUT // max(nodes, 1)))


def _force(network: ig.Graph, names: list[str], groups: dict[str, int] | None, spacing: float) -> dict[str, Point]:
    """Fruchterman-Reingold positions of one connected part, centred on 0, about `spacing` * sqrt(n) wide."""
    if network.vcount() == 1:
        return {names[0]: (0.0, 0.0)}
    weights = None
    if groups:
        group = [groups.get(name) for name in names]
        weights = [COMMUNITY_PULL if group[a] == group[b] else 1.0 for a, b in network.get_edgelist()]
    coords = network.layout_fruchterman_reingold(niter=iterations(network.vcount()), weights=weights).coords
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    width = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = spacing * math.sqrt(len(names)) / width
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {name: ((x - cx) * scale, (y - cy) * scale) for name, (x, y) in zip(names, coords, strict=True)}


def positions(
    graph: nx.Graph | Ties, seed: int = 0, spacing: float = SPACING, groups: dict[str, int] | None = None
) -> dict[str, Point]:
    """Seeded positions for every node (see the module docstring).

    With `groups` (a community per node), ties within a community pull harder, so communities
    sit together.
    """
    ties = _ties(graph)
    nodes, whole = ties.nodes, ties.network
    if not nodes:
        return {}
    parts = sorted(whole.connected_components(), key=lambda c: (-len(c), c[0]))
    with seeded(seed):
        out = _force(whole.induced_subgraph(parts[0]), [nodes[i] for i in parts[0]], groups, spacing)
        xs, ys = [x for x, _ in out.values()], [y for _, y in out.values()]
        left, right, y = min(xs), max(xs), max(ys) + 2 * spacing
        x, row = left, 0.0
        for part in parts[1:]:
            laid = _force(whole.induced_subgraph(part), [nodes[i] for i in part], groups, spacing / 2)
            px = [p[0] for p in laid.values()]
            py = [p[1] for p in laid.values()]
            w, h = max(px) - min(px) + spacing / 2, max(py) - min(py) + spacing / 2
            if x + w > right and x > left:
                x, y, row = left, y + row, 0.0
            for node, (nx_, ny) in laid.items():
                out[node] = (x + nx_ - min(px), y + ny - min(py))
            x, row = x + w, max(row, h)
    return {node: (round(out[node][0], 1), round(out[node][1], 1)) for node in nodes}


def communities(graph: nx.Graph | Ties, seed: int = 0) -> dict[str, int]:
    """Louvain communities (igraph's multilevel method, in C, seeded), numbered from the largest;
    isolated entities get their own. networkx's Louvain took three quarters of the explorer's
    writing time at 10,000 nodes."""
    ties = _ties(graph)
    nodes, network = ties.nodes, ties.network
    if not nodes:
        return {}
    with seeded(seed):
        found = network.community_multilevel()
    ordered = sorted(([nodes[i] for i in members] for members in found), key=lambda c: (-len(c), min(c)))
    return {node: i for i, members in enumerate(ordered) for node in members}
