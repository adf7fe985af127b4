"""How well the graph keeps one node per real thing: duplicates and false merges, per type.

The gold files of the shared corpus name each entity an article speaks of by a canonical English
name, the same across articles ("Kassym-Jomart Tokayev", "CSTO"), with the surface forms the
article uses. After a build with those articles, each article's entities (the nodes its graph
types) are matched to its gold entities through their labels and aliases (any language, any
source), compared by the key entity linking uses (ingest/tokens.py: folded, Russian words by
lemma, so "Астане" is "Астана"). Gold entities of one type that share a name or alias across
articles by canonical name ("SCO" in one file, "Shanghai Cooperation Organisation" with the
alias "SCO" in another) count as one; a node named by a gold entity's canonical name is matched
to it alone, not to others sharing a generic alias ("Ministry of Defence"). Then, per gold type:

    gold        gold entities (type and canonical name) across the articles
    duplicates  pairs of nodes that denote one gold entity (Tokayev as person/tokayev and
                person/kassym-jomart-tokayev is one pair)
    merged      nodes that denote two or more gold entities of the type (a false merge)

    python -m bench.identity                       # builds reference + seeds + dev in a temporary folder
    python -m bench.identity --store build/store   # measures a store already built with the corpus
    python -m bench.identity --show                # also lists each duplicate and merge
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import yaml

from casckg.ingest.tokens import key_of

REPO = Path(__file__).resolve().parents[1]
# A leading article is not part of a name ("the CSTO", "l'OTSC"), as written (so "UN" stays).
LEADING_ARTICLES = re.compile(r"^(?:(?:[Tt]he|[Aa]n?|[Ll][ae]s?|[Uu]ne?|[Dd]es|[Dd]u)\s+|[Ll][’'])")


def fold(name: str) -> str:
    """A name as entity linking compares it: token keys (Russian lemmas), without a leading article."""
    return " ".join(key_of(LEADING_ARTICLES.sub("", name.strip(' .,;:«»"“”')))).strip()


def load_gold(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


GOLD_TYPES = yaml.safe_load((REPO / "ingest" / "gold_mapping.yaml").read_text(encoding="utf-8"))["types"]
ARTICLE_NODES = """
SELECT DISTINCT ?node ?class WHERE { GRAPH ?article { ?node a ?class } FILTER(isIRI(?node)) }
"""
NAMES = """
SELECT DISTINCT ?entity ?name WHERE { ?entity rdfs:label|skos:altLabel|cas:acronym ?name }
"""


@dataclass
class Figures:
    """Per gold type: gold entities, duplicate pairs, falsely merged nodes (with examples)."""

    gold: dict[str, int] = field(default_factory=dict)
    duplicates: dict[str, list[tuple[str, tuple[str, str]]]] = field(default_factory=lambda: defaultdict(list))
    merged: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=lambda: defaultdict(list))

    def total(self, what: str) -> int:
        if what == "gold":
            return sum(self.gold.values())
        return sum(len(v) for v in getattr(self, what).values())


def gold_files(corpus: Path, folders: tuple[str, ...] = ("seeds", "dev")) -> dict[str, Path]:
    """Article id -> its gold file."""
    out = {}
    for folder in folders:
        for path in sorted((corpus / folder).glob("*.gold.yaml")):
            out[path.name.removesuffix(".gold.yaml")] = path
    return out


def measure(store, golds: dict[str, Path], base: str = "https://w3id.org/casckg/") -> Figures:
    """Match each article's nodes to its gold entities and count duplicates and false merges."""
    names: dict[str, set[str]] = defaultdict(set)
    for row in store.query(NAMES):
        if fold(row["name"].value):
            names[row["entity"].value].add(fold(row["name"].value))
    canonical = _gold_identities(golds)
    nodes_of: dict[tuple[str, str], set[str]] = defaultdict(set)  # gold (type, name) -> nodes
    for article, path in golds.items():
        graph = f"<{base}source/article/{article}>"
        typed: dict[str, set[str]] = defaultdict(set)
        for row in store.query(ARTICLE_NODES.replace("?article", graph)):
            gold_type = GOLD_TYPES.get(row["class"].value)
            if gold_type:
                typed[row["node"].value].add(gold_type)
        entities = load_gold(path)["entities"]
        for node, types in typed.items():
            own = names.get(node, set())
            found = [e for e in entities if e["type"] in types and own & _names(e)]
            # a node named by an entity's canonical name is that entity, not another that shares
            # a generic alias with it ("Ministry of Defence")
            exact = [e for e in found if fold(e["name"]) in own]
            for entity in exact or found:
                nodes_of[canonical[(entity["type"], entity["name"])]].add(node)
    figures = Figures()
    keys_of: dict[tuple[str, str], set[str]] = defaultdict(set)  # (type, node) -> gold names
    for (gold_type, name), nodes in sorted(nodes_of.items()):
        for pair in combinations(sorted(nodes), 2):
            figures.duplicates[gold_type].append((name, pair))
        for node in nodes:
            keys_of[(gold_type, node)].add(name)
    for (gold_type, node), gold_names in sorted(keys_of.items()):
        if len(gold_names) > 1:
            figures.merged[gold_type].append((node, tuple(sorted(gold_names))))
    for gold_type, _ in set(canonical.values()):
        figures.gold[gold_type] = figures.gold.get(gold_type, 0) + 1
    return figures


def _gold_identities(golds: dict[str, Path]) -> dict[tuple[str, str], tuple[str, str]]:
    """Each gold (type, name) -> the one (type, name) standing for every gold entity of that type
    it shares a name or alias with, in any article (union-find)."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(x: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    by_name: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for path in golds.values():
        for entity in load_gold(path)["entities"]:
            key = (entity["type"], entity["name"])
            find(key)
            for name in _names(entity):
                by_name.setdefault((entity["type"], name), set()).add(key)
    for path in golds.values():  # a canonical name another entity gives as a name or alias joins them
        for entity in load_gold(path)["entities"]:
            key = (entity["type"], entity["name"])
            for other in by_name.get((entity["type"], fold(entity["name"])), ()):
                a, b = find(key), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {key: find(key) for key in parent}


def _names(entity: dict) -> set[str]:
    return {fold(entity["name"]), *(fold(a) for a in entity.get("aliases") or [])} - {""}


def table(figures: Figures) -> str:
    lines = [f"{'type':12} {'gold':>5} {'duplicates':>10} {'merged':>7}"]
    for gold_type in sorted(figures.gold):
        lines.append(
            f"{gold_type:12} {figures.gold[gold_type]:5d} {len(figures.duplicates[gold_type]):10d} "
            f"{len(figures.merged[gold_type]):7d}"
        )
    gold = figures.total("gold")
    dup, merged = figures.total("duplicates"), figures.total("merged")
    lines.append(f"{'all':12} {gold:5d} {dup:10d} {merged:7d}")
    lines.append(f"duplicates {dup / gold:.1%} of gold entities, false merges {merged / gold:.1%}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    shared = Path(os.environ.get("CASCKG_SHARED", REPO.parent / "shared"))
    parser.add_argument("--corpus", type=Path, default=shared / "corpus")
    parser.add_argument("--store", type=Path, help="a store built with the corpus (default: build one)")
    parser.add_argument("--show", action="store_true", help="list every duplicate pair and merged node")
    args = parser.parse_args(argv)

    from casckg.graph.build.job import build
    from casckg.graph.store import open_store

    golds = gold_files(args.corpus)
    if not golds:
        parser.error(f"no gold files in {args.corpus}/seeds or /dev: give --corpus (or set CASCKG_SHARED)")
    with tempfile.TemporaryDirectory() as tmp:
        location = args.store
        if location is None:
            location = Path(tmp) / "store"
            build(REPO / "sources", location, articles=[args.corpus / "seeds", args.corpus / "dev"])
        with open_store(location) as store:
            figures = measure(store, golds)
    print(table(figures))
    if args.show:
        for gold_type, found in sorted(figures.duplicates.items()):
            for name, (a, b) in found:
                print(f"duplicate {gold_type}: {name}: {a} {b}")
        for gold_type, found in sorted(figures.merged.items()):
            for node, gold_names in found:
                print(f"merged {gold_type}: {node}: {' | '.join(gold_names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
