"""Centrality and time windows, on networks small enough to work out by hand."""

from __future__ import annotations

import networkx as nx
import pytest

from casckg.graph.network.analysis import betweenness, central, communities, degree, window
from casckg.ingest.errors import CasckgError


def network(edges, classes=None):
    """A projection-shaped network: (s, o, start, end) edges; every node a State unless told."""
    graph = nx.MultiDiGraph()
    for s, o, start, end in edges:
        for n in (s, o):
            graph.add_node(n, cls=(classes or {}).get(n, "State"), labels={"en": n.upper()}, start=None, end=None)
        graph.add_edge(s, o, key="cas:cooperatesWith", start=start, end=end)
    return graph


PATH = network([("a", "b", None, None), ("b", "c", None, None), ("c", "d", None, None)])


def test_betweenness_of_a_path():
    # On a path a-b-c-d, b lies on the shortest paths a-c and a-d: 2 of the 3 pairs not involving it.
    scores = betweenness(PATH)
    assert scores["b"] == pytest.approx(2 / 3) and scores["a"] == 0


def test_degree_counts_each_neighbour_once():
    twice = network([("a", "b", None, None), ("b", "a", None, None), ("a", "c", None, None)])
    assert degree(twice)["a"] == pytest.approx(1.0) and degree(twice)["b"] == pytest.approx(0.5)


def test_central_ranks_and_limits():
    ranked = central(PATH, "betweenness", top=2)
    assert [(r.iri, r.label) for r in ranked] == [("b", "B"), ("c", "C")]


def test_central_keeps_only_the_asked_classes():
    graph = network([("a", "f", None, None), ("b", "f", None, None)], classes={"f": "Forum"})
    assert [r.iri for r in central(graph, "degree", classes=("Forum",))] == ["f"]
    assert "f" not in [r.iri for r in central(graph, "degree")]


def test_time_window_keeps_edges_that_hold_within_it():
    graph = network([("a", "b", "2001-01-01", "2001-12-31"), ("b", "c", "2010-01-01", None), ("c", "d", None, None)])
    kept = window(graph, "2005-01-01", "2012-01-01")
    assert sorted(kept.edges()) == [("b", "c"), ("c", "d")]
    assert central(graph, "degree", since="2005-01-01")[0].iri == "c"


def test_bad_metric_or_date_is_a_clear_error():
    with pytest.raises(CasckgError, match="unknown metric"):
        central(PATH, "pagerank")
    with pytest.raises(CasckgError, match="not a date"):
        central(PATH, "degree", since="2020-13-01")


def test_communities_split_two_cliques_joined_by_one_edge():
    left = [(a, b, None, None) for a in "abc" for b in "abc" if a < b]
    right = [(a, b, None, None) for a in "xyz" for b in "xyz" if a < b]
    found = communities(network([*left, *right, ("c", "x", None, None)]))
    assert found["a"] == found["b"] == found["c"] != found["x"] == found["y"] == found["z"]
