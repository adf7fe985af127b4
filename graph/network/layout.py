"""Node positions computed once in Python, so the browser draws without running physics.

igraph's Fruchterman-Reingold (C, with a grid above a thousand nodes) lays out 10,000 nodes in
about a second, where networkx's spring_layout takes minutes and the browser's own physics
does not settle at all. The layout is seeded: the same network gets the same picture.
"""

from __future__ import annotations

import math
import random

import igraph as ig
import networkx as nx

#: Average distance in pixels between neighbouring nodes at scale 1.
SPACING = 160.0


def positions(graph: nx.Graph, seed: int = 0, spacing: float = SPACING) -> dict[str, tuple[float, float]]:
    """Seeded Fruchterman-Reingold positions, scaled so the drawing is about `spacing` * sqrt(n) wide."""
    nodes = list(graph.nodes)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = {(min(index[s], index[o]), max(index[s], index[o])) for s, o in graph.edges() if s != o}
    network = ig.Graph(n=len(nodes), edges=sorted(pairs))
    ig.set_random_number_generator(random.Random(seed))
    try:
        coords = network.layout_fruchterman_reingold(niter=500).coords
    finally:
        ig.set_random_number_generator(random)
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    width = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = spacing * math.sqrt(len(nodes)) / width
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {
        node: (round((x - cx) * scale, 1), round((y - cy) * scale, 1))
        for node, (x, y) in zip(nodes, coords, strict=True)
    }
