"""Node positions computed once in Python, so the browser draws without running physics.

igraph's Fruchterman-Reingold (C, with a grid above a thousand nodes) lays out 10,000 nodes in
about a second, where networkx's spring_layout takes minutes and the browser's own physics
does not settle at all. The layout is seeded: the same network gets the same picture.

The largest connected part is laid out in the middle; smaller parts are laid out each on its
own and set in rows below it, then the entities without any tie on a grid, so that a few
stray pairs neither frame the drawing (making the first view small) nor ring it.
"""

from __future__ import annotations

import math
import random

import igraph as ig
import networkx as nx

#: Average distance in pixels between neighbouring nodes at scale 1.
SPACING = 160.0
#: How much more a tie inside a community pulls than a tie across two (communities group).
COMMUNITY_PULL = 4.0

Point = tuple[float, float]


def _force(nodes: list[str], graph: nx.Graph, groups: dict[str, int] | None, spacing: float) -> dict[str, Point]:
    """Fruchterman-Reingold positions of `nodes`, centred on 0 and about `spacing` * sqrt(n) wide."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    sub = graph.subgraph(nodes)
    pairs = sorted({(min(index[s], index[o]), max(index[s], index[o])) for s, o in sub.edges() if s != o})
    weights = None
    if groups:
        weights = [COMMUNITY_PULL if groups.get(nodes[a]) == groups.get(nodes[b]) else 1.0 for a, b in pairs]
    coords = ig.Graph(n=len(nodes), edges=pairs).layout_fruchterman_reingold(niter=500, weights=weights).coords
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    width = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = spacing * math.sqrt(len(nodes)) / width
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {node: ((x - cx) * scale, (y - cy) * scale) for node, (x, y) in zip(nodes, coords, strict=True)}


def positions(
    graph: nx.Graph, seed: int = 0, spacing: float = SPACING, groups: dict[str, int] | None = None
) -> dict[str, Point]:
    """Seeded positions for every node (see the module docstring).

    With `groups` (a community per node), ties within a community pull harder, so communities
    sit together.
    """
    if graph.number_of_nodes() == 0:
        return {}
    order = {node: i for i, node in enumerate(graph.nodes)}
    parts = sorted(
        (sorted(c, key=order.__getitem__) for c in nx.connected_components(nx.Graph(graph).to_undirected())),
        key=lambda c: (-len(c), order[c[0]]),
    )
    ig.set_random_number_generator(random.Random(seed))
    try:
        out = _force(parts[0], graph, groups, spacing)
        xs, ys = [x for x, _ in out.values()], [y for _, y in out.values()]
        left, right, y = min(xs), max(xs), max(ys) + 2 * spacing
        x, row = left, 0.0
        for part in parts[1:]:
            laid = _force(part, graph, groups, spacing / 2) if len(part) > 1 else {part[0]: (0.0, 0.0)}
            px = [p[0] for p in laid.values()]
            py = [p[1] for p in laid.values()]
            w, h = max(px) - min(px) + spacing / 2, max(py) - min(py) + spacing / 2
            if x + w > right and x > left:
                x, y, row = left, y + row, 0.0
            for node, (nx_, ny) in laid.items():
                out[node] = (x + nx_ - min(px), y + ny - min(py))
            x, row = x + w, max(row, h)
    finally:
        ig.set_random_number_generator(random)
    return {node: (round(out[node][0], 1), round(out[node][1], 1)) for node in graph.nodes}
