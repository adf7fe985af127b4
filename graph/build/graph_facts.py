"""Facts a writer keeps about the store it writes, graph by graph, so it need not read them again.

Identity resolution compares each article with what the rest of the store says (names, top
classes, what identifies a forum). Read from the store for every article, that was most of the
cost of writing one; a writer instead reads them once and, as it replaces a graph, replaces that
graph's facts (`StoreNames`, `StoreForums`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

Fact = TypeVar("Fact", bound=tuple[Hashable, ...])


class GraphFacts(Generic[Fact]):
    """Facts (tuples whose first item is what they are about), with the graphs that state each."""

    def __init__(self) -> None:
        self.by_graph: dict[Hashable, set[Fact]] = defaultdict(set)
        self._graphs: dict[Fact, set[Hashable]] = defaultdict(set)
        self._about: dict[Hashable, dict[Fact, None]] = defaultdict(dict)  # in the order first stated

    def add(self, graph: Hashable, fact: Fact) -> None:
        self.by_graph[graph].add(fact)
        self._graphs[fact].add(graph)
        self._about[fact[0]][fact] = None

    def replace(self, graph: Hashable, facts: Iterable[Fact]) -> set[Hashable]:
        """The graph now states these facts (and no other); what the facts it stated and states are about."""
        old = self.by_graph.pop(graph, set())
        for fact in old:
            graphs = self._graphs[fact]
            graphs.discard(graph)
            if not graphs:
                del self._graphs[fact]
                self._about[fact[0]].pop(fact, None)
        self.by_graph[graph] = set()
        for fact in facts:
            self.add(graph, fact)
        return {fact[0] for fact in old | self.by_graph[graph]}

    def about(self, subject: Hashable) -> Iterable[Fact]:
        """The facts some graph states about `subject`."""
        return self._about.get(subject, {}).keys()

    def all(self) -> Iterable[Fact]:
        """Every fact some graph states."""
        return self._graphs.keys()

    def subjects(self) -> Iterable[Hashable]:
        return self._about.keys()

    def stated(self, fact: Fact) -> bool:
        return fact in self._graphs

    def stated_outside(self, fact: Fact, graph: Hashable) -> bool:
        """Whether a graph other than `graph` states the fact."""
        return bool(self._graphs.get(fact, set()) - {graph})
