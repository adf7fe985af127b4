"""The graph as a network: entities as nodes, relations as edges, every edge with why it is there.

`project(store)` reads the store with the queries of `queries/network/` (SPARQL only, through
the `Store` interface, so a remote store projects alike) and returns a networkx MultiDiGraph:

- a node per entity (its IRI), with its top-level class (`cls`) and exact type, labels and
  aliases per language, Wikidata link, literal properties, citations, sources and dates;
- an edge per relation between two entities, keyed by the relation's CURIE, with the source
  graphs that state it, the citation URLs of the records, the evidence sentences of its
  assertions, and `inferred` when only the reasoner's graph holds it;
- an n-ary record (membership, deployment) folded into one edge keyed by the record's IRI,
  carrying its dates and counts (which records fold, and how, is data: `explorer.yaml`).

Inferred edges that only restate an asserted one the other way round (an inverse or symmetric
property), restate a folded record (`memberOf` beside its Membership) or name a super-property
of a relation already drawn between the same two entities (`schema:attendee` beside
`cas:participant`, either way round) are left out: they would double every edge without
telling the reader anything.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
import yaml

from casckg.ingest.contract import COUNTRIES_SOURCE, Source
from casckg.ontology import PREFIXES, expand
from casckg.queries import NamedQuery, internal

from ..build.mint import graph_iri, source_iri
from ..query import run, short
from ..store.embedded import Store

CONFIG_PATH = Path(__file__).resolve().parent / "explorer.yaml"
WIKIDATA = PREFIXES["wd"]
LANGUAGES = ("en", "fr", "ru")
DATE_TYPES = {PREFIXES["xsd"] + t for t in ("date", "gYear", "gYearMonth")}


def curie(iri: str) -> str:
    """An IRI as the project writes it short: `cas:memberOf`, `state/KAZ`."""
    return short(ox.NamedNode(iri))


def inferred_graph() -> str:
    """The named graph the reasoner writes its conclusions to."""
    return graph_iri("inferred")


@cache
def config() -> dict[str, Any]:
    """The explorer's classes, styles and n-ary folding rules (explorer.yaml)."""
    return yaml.safe_load(CONFIG_PATH.read_text(encoding="utf-8"))


def network_query(name: str) -> NamedQuery:
    return internal("network", name)


def interval(value: str) -> tuple[str, str] | None:
    """The first and last day an xsd date, gYearMonth or gYear covers; None without a year.

    >>> interval("1992"), interval("1992-02"), interval("1992-03-02"), interval("--05-23")
    (('1992-01-01', '1992-12-31'), ('1992-02-01', '1992-02-29'), ('1992-03-02', '1992-03-02'), None)
    """
    parts = value.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4:
        return None
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(parts[1])
    if len(parts) == 2:
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    return value[:10], value[:10]


class _Terms:
    """What the ontology says about classes and properties: hierarchy, labels, inverses."""

    def __init__(self, store: Store):
        self.supers: dict[str, set[str]] = defaultdict(set)
        self.labels: dict[str, dict[str, str]] = defaultdict(dict)
        for row in run(store, network_query("terms")):
            term = row["term"].value
            if row["super"] is not None:
                self.supers[term].add(row["super"].value)
            label = row["label"]
            if label is not None:
                lang = label.language or "en"
                current = self.labels[term].get(lang)
                self.labels[term][lang] = min(current, label.value) if current else label.value
        self.inverse: dict[str, str] = {}
        for row in run(store, network_query("inverses")):
            p, q = row["p"].value, row["q"].value
            self.inverse[p], self.inverse[q] = q, p
        self.tops = [expand(f"cas:{name}") for name in config()["classes"]]

    def top(self, cls: str) -> str | None:
        """The top-level entity class `cls` falls under, in the configured order."""
        supers = self.supers.get(cls) or {cls}
        return next((t for t in self.tops if t in supers), None)

    def depth(self, cls: str) -> int:
        return len(self.supers.get(cls, ()))


def _nary_rules() -> dict[str, dict[str, str]]:
    return {expand(f"cas:{name}"): {k: expand(v) for k, v in rule.items()} for name, rule in config()["nary"].items()}


def project(store: Store) -> nx.MultiDiGraph:
    """The network of the store's entities and relations (see the module docstring)."""
    terms = _Terms(store)
    rules = _nary_rules()
    hidden = {expand(c) for c in config()["hidden"]}
    inferred = inferred_graph()
    graph = nx.MultiDiGraph()

    nary: dict[str, dict[str, Any]] = {}
    types: dict[str, list[str]] = defaultdict(list)
    for row in run(store, network_query("types")):
        node, cls = row["node"].value, row["class"].value
        if cls in rules:
            nary[node] = {"rule": rules[cls], "values": {}, "graphs": set(), "links": set()}
        elif terms.top(cls):
            types[node].append(cls)
    for node, classes in types.items():
        if node in nary:
            continue
        exact = max(sorted(classes), key=terms.depth)
        graph.add_node(node, **_blank_node(terms.top(exact), exact))

    triples: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    citations: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in run(store, network_query("statements")):
        s, p, o, g = row["s"].value, row["p"].value, row["o"], row["g"].value
        if s in nary:
            record = nary[s]
            record["graphs"].add(g)
            if p == expand("cas:citation"):
                record["links"].add(o.value)
            else:
                record["values"].setdefault(p, o.value)
            continue
        if s not in graph:
            continue
        attrs = graph.nodes[s]
        if g != inferred:
            attrs["sources"].add(g)
        if p == expand("cas:citation"):
            citations[(s, g)].add(o.value)
            attrs["citations"].add(o.value)
        elif isinstance(o, ox.Literal):
            _literal(attrs, p, o)
        elif p == expand("owl:sameAs") and o.value.startswith(WIKIDATA):
            attrs["wikidata"] = o.value
        elif o.value in graph and p not in hidden:
            triples[(s, p, o.value)].add(g)
        elif p not in hidden:
            attrs["properties"].append((curie(p), o.value))

    evidence = _evidence(store)
    spans = _inferred_spans(store)
    about: dict[str, list[dict[str, Any]]] = defaultdict(list)  # evidence by subject, for n-ary records
    for (s, _, _), found in evidence.items():
        about[s].extend(found)
    for (s, p, o), graphs in sorted(triples.items()):
        asserted = graphs - {inferred}
        edge = _edge(p, asserted, inferred=not asserted)
        for g in sorted(asserted):
            edge["links"].update(citations.get((s, g), ()))
        edge["evidence"] = evidence.get((s, p, o), [])
        # an inferred relation drawn from dated facts holds in their interval, not its ends' dates
        dated = not asserted and (s, p, o) in spans
        edge["start"], edge["end"] = spans[(s, p, o)] if dated else _edge_time(graph, s, o)
        graph.add_edge(s, o, key=curie(p), **edge)
    for node, record in sorted(nary.items()):
        _fold(graph, node, record, about.get(node, []), inferred)
    _drop_restated(graph, terms, rules)
    _drop_unrelated_countries(graph)
    _finish(graph, terms, _sources(store))
    return graph


def _drop_unrelated_countries(graph: nx.MultiDiGraph) -> None:
    """States only the ISO 3166 list speaks of, tied to nothing, are not drawn: they are there
    for reading articles, and a network of two hundred lone dots helps no one."""
    only = source_iri(Source("reference", COUNTRIES_SOURCE, "", ""))
    alone = [n for n, a in graph.nodes(data=True) if a["sources"] == {only} and graph.degree(n) == 0]
    graph.remove_nodes_from(alone)


def _blank_node(cls: str | None, exact: str) -> dict[str, Any]:
    return {
        "cls": curie(cls or exact).removeprefix("cas:"),
        "type": curie(exact),
        "labels": {},
        "aliases": defaultdict(set),
        "wikidata": None,
        "properties": [],
        "citations": set(),
        "sources": set(),
        "start": None,
        "end": None,
    }


def _literal(attrs: dict[str, Any], p: str, o: ox.Literal) -> None:
    lang = o.language
    if p == expand("rdfs:label") or p == expand("skos:prefLabel"):
        key = lang or "en"
        current = attrs["labels"].get(key)
        attrs["labels"][key] = min(current, o.value) if current else o.value
    elif p == expand("skos:altLabel"):
        attrs["aliases"][lang or "en"].add(o.value)
    else:
        attrs["properties"].append((curie(p), o.value))
        span = interval(o.value) if o.datatype and o.datatype.value in DATE_TYPES else None
        if span and p in (expand("cas:date"), expand("cas:startDate")):
            attrs["start"] = min(filter(None, (attrs["start"], span[0])))
            if p == expand("cas:date"):
                attrs["end"] = max(filter(None, (attrs["end"], span[1])))
        elif span and p == expand("cas:endDate"):
            attrs["end"] = max(filter(None, (attrs["end"], span[1])))


def _edge(p: str, sources: set[str], inferred: bool) -> dict[str, Any]:
    return {
        "relation": curie(p),
        "predicate": p,
        "inferred": inferred,
        "sources": sorted(sources),
        "links": set(),
        "evidence": [],
        "start": None,
        "end": None,
        "count": None,
        "via": None,
    }


def _edge_time(graph: nx.MultiDiGraph, s: str, o: str) -> tuple[str | None, str | None]:
    """An edge between entities holds when its dated end does: a participant when the forum met."""
    for node in (s, o):
        attrs = graph.nodes[node]
        if attrs["start"] or attrs["end"]:
            return attrs["start"], attrs["end"]
    return None, None


def _inferred_spans(store: Store) -> dict[tuple[str, str, str], tuple[str | None, str | None]]:
    """The first and last day of each inferred fact the reasoner drew from dated facts."""
    spans: dict[tuple[str, str, str], tuple[str | None, str | None]] = {}
    for row in run(store, network_query("intervals")):
        key = (row["s"].value, row["p"].value, row["o"].value)
        since = (interval(row["since"].value) or (None,))[0] if row["since"] else None
        until = (interval(row["until"].value) or (None, None))[1] if row["until"] else None
        old_since, old_until = spans.get(key, (since, until))
        spans[key] = (min(filter(None, (since, old_since)), default=None),
                      max(filter(None, (until, old_until)), default=None))  # fmt: skip
    return spans


def _evidence(store: Store) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    found: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in run(store, network_query("assertions")):
        key = (row["s"].value, row["p"].value, row["o"].value)
        found[key].append(
            {
                "text": row["evidence"].value,
                "source": row["source"].value if row["source"] else None,
                "start": int(row["start"].value) if row["start"] else None,
                "end": int(row["end"].value) if row["end"] else None,
            }
        )
    return {k: sorted(v, key=lambda e: (e["source"] or "", e["start"] or 0, e["text"])) for k, v in found.items()}


def _fold(
    graph: nx.MultiDiGraph,
    node: str,
    record: dict[str, Any],
    evidence: list[dict[str, Any]],
    inferred: str,
) -> None:
    rule, values = record["rule"], record["values"]
    s, o = values.get(rule["from"]), values.get(rule["to"])
    if s not in graph or o not in graph:
        return
    asserted = record["graphs"] - {inferred}
    edge = _edge(rule["relation"], asserted, inferred=not asserted)
    edge["via"] = node
    edge["links"] = set(record["links"])
    edge["evidence"] = evidence
    start = values.get(rule.get("start") or rule.get("date", ""))
    end = values.get(rule.get("end") or rule.get("date", ""))
    edge["start"] = (interval(start) or (None,))[0] if start else None
    edge["end"] = (interval(end) or (None, None))[1] if end else None
    count = values.get(rule.get("count", ""))
    edge["count"] = int(count) if count and count.isdigit() else None
    graph.add_edge(s, o, key=node, **edge)


def _drop_restated(graph: nx.MultiDiGraph, terms: _Terms, rules: dict[str, dict[str, str]]) -> None:
    """Remove inferred edges that restate an asserted or folded edge (see the module docstring)."""
    folded = {rule["relation"] for rule in rules.values()}
    drop = []
    for s, o, key, attrs in graph.edges(keys=True, data=True):
        if not attrs["inferred"]:
            continue
        prop = attrs["predicate"]
        inverse = terms.inverse.get(prop)
        back = graph.get_edge_data(o, s, default={})
        ahead = graph.get_edge_data(s, o, default={})
        if inverse and any(a["predicate"] == inverse and not a["inferred"] for a in back.values()):
            drop.append((s, o, key))
        elif inverse and inverse != prop and any(a["predicate"] == inverse and a["inferred"] for a in back.values()):
            # both directions inferred: keep the one whose property sorts first
            if prop > inverse:
                drop.append((s, o, key))
        elif (prop in folded and any(a["via"] and not a["inferred"] for a in ahead.values())) or _narrower_drawn(
            prop, inverse, ahead, back, terms
        ):
            drop.append((s, o, key))
    graph.remove_edges_from(drop)


def _narrower_drawn(prop: str, inverse: str | None, ahead: dict, back: dict, terms: _Terms) -> bool:
    """Whether a sub-property of `prop` already links the same two entities (this way, or the
    other way as a sub-property of its inverse): the edge would only repeat it more vaguely."""

    def narrower(attrs: dict, wider: str | None) -> bool:
        q = attrs.get("predicate")
        return bool(wider) and q != wider and wider in terms.supers.get(q, ())

    return any(narrower(a, prop) for a in ahead.values()) or any(narrower(a, inverse) for a in back.values())


def _sources(store: Store) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for row in run(store, network_query("sources")):
        iri = row["source"].value
        entry = found.setdefault(iri, {"kind": curie(row["kind"].value), "title": None, "url": None})
        for key in ("title", "url", "issued", "publisher"):
            if row[key] is not None and not entry.get(key):
                entry[key] = row[key].value
    return found


def _finish(graph: nx.MultiDiGraph, terms: _Terms, sources: dict[str, dict[str, Any]]) -> None:
    """Freeze sets into sorted lists and keep the vocabulary the network uses on the graph."""
    for _, attrs in graph.nodes(data=True):
        attrs["aliases"] = {lang: sorted(v) for lang, v in sorted(attrs["aliases"].items())}
        attrs["citations"] = sorted(attrs["citations"])
        attrs["sources"] = sorted(attrs["sources"])
        attrs["properties"] = sorted(set(attrs["properties"]))
    used = {a["relation"] for *_, a in graph.edges(data=True)}
    used |= {a["type"] for _, a in graph.nodes(data=True)}
    used |= {f"cas:{name}" for name in config()["classes"]}
    # A relation outside the known prefixes (an inferred schema: super-property) is its full IRI.
    iris = {c: c if "://" in c else expand(c) for c in sorted(used) if ":" in c}
    graph.graph["terms"] = {c: dict(terms.labels.get(iri, {})) for c, iri in iris.items()}
    cited = {g for *_, a in graph.edges(data=True) for g in a["sources"]}
    cited |= {g for _, a in graph.nodes(data=True) for g in a["sources"]}
    graph.graph["sources"] = {iri: info for iri, info in sorted(sources.items()) if iri in cited}
    for *_, attrs in graph.edges(data=True):
        attrs["links"] = sorted(attrs["links"])


def label(attrs: dict[str, Any], lang: str = "en", fallback: str = "") -> str:
    """A node's label in `lang`, else in English, French, Russian, any language, else `fallback`."""
    labels = attrs.get("labels", {})
    for choice in (lang, *LANGUAGES, *sorted(labels)):
        if labels.get(choice):
            return labels[choice]
    return fallback


def overlaps(start: str | None, end: str | None, since: str | None, until: str | None) -> bool:
    """Whether [start, end] meets [since, until]; open ends reach forever, undated always meets."""
    if since and end and end < since:
        return False
    return not (until and start and start > until)
