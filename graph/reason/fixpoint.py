"""The rounds to a fixpoint in an in-memory store, and replacing the store's inferred graph."""

from __future__ import annotations

import functools
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from casckg.ingest.contract import StoreError
from casckg.ontology import PREFIXES

from ..store.embedded import EmbeddedStore, Store
from .axioms import read_axioms
from .rules import Rule, rules
from .sparql import _TIMED, Step, dated_facts, update
from .terms import (
    DERIVED_FROM,
    LABEL,
    SUB_PROPERTY,
    TYPE,
    Progress,
    _delta_graph,
    dated_graph,
    facts_graph,
    inferred_graph,
    rule_node,
)


@dataclass
class Cost:
    """What one rule's runs in one round cost: the store's query (with the serialisation of its
    triples) and its bulk loads, in CPU seconds, and the triples the query returned, before the
    loads drop the ones already there."""

    runs: int = 0
    query_cpu: float = 0.0
    load_cpu: float = 0.0
    triples: int = 0
    new: int = 0  # conclusions no graph held before


@dataclass
class ReasonReport:
    """What a materialisation wrote."""

    triples: int = 0  # inferred triples
    trace_quads: int = 0  # statement nodes and their links
    rounds: int = 0
    seconds: float = 0.0  # wall time
    cpu_seconds: float = 0.0  # CPU time of this process: what a shared machine does not inflate
    per_rule: dict[str, int] = field(default_factory=dict)
    costs: dict[tuple[int, str], Cost] = field(default_factory=dict)  # by round and rule

    @property
    def quads(self) -> int:
        return self.triples + self.trace_quads


def materialise(
    store: Store, *, trace: bool = True, progress: Progress | None = None, workspace: EmbeddedStore | None = None
) -> ReasonReport:
    """Replace the inferred graph with the closure of the store's facts under the ontology's rules.

    The store must hold the ontology in its graph; everything else but the inferred graph is
    read as asserted data. The rules run in memory (Oxigraph answers these joins several times
    faster there than on disk): in `workspace` when the caller already holds the same data in
    an in-memory store, else in a copy. The store itself only sees its old inferred graph
    replaced by the new one at the end, so a failure leaves it as it was.
    """
    started, cpu = time.perf_counter(), time.process_time()
    graph = inferred_graph()
    if isinstance(store, EmbeddedStore) and store.location == ":memory:":
        store.drop_graph(graph)
        report = infer(store, trace=trace, progress=progress)
    else:
        work = workspace or _copy(store, skip=graph)
        report = infer(work, trace=trace, progress=progress)
        name = ox.NamedNode(graph)
        if isinstance(store, EmbeddedStore):  # N-Triples from store to store: no Python object per quad
            store.drop_graph(graph)
            # Through a file, not a bytes value: the inferred graph with its trace is as large as
            # the asserted data, and a second copy of it in memory would set the build's peak.
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "inferred.nt"
                work.ox.dump(str(path), format=ox.RdfFormat.N_TRIPLES, from_graph=name)
                store.ox.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES, to_graph=name, lenient=True)
        else:
            store.replace_graph(graph, work.quads(graph))
        work.close()
    report.seconds, report.cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    return report


def _copy(store: Store, skip: str) -> EmbeddedStore:
    """An in-memory copy of every graph of the store but `skip`."""
    work = EmbeddedStore(None)
    if isinstance(store, EmbeddedStore):
        old = ox.NamedNode(skip)
        work.bulk_add(q for q in store.quads() if q.graph_name != old)
        return work
    for name in store.named_graphs():  # any SPARQL store: one CONSTRUCT per graph
        if name != skip:
            g = ox.NamedNode(name)
            triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": g})
            work.bulk_add(ox.Quad(t.subject, t.predicate, t.object, g) for t in triples)
    return work


#: How many new facts a semi-naive run of a rule that concludes class memberships starts from
#: above which it reads the memberships known already once (MINUS), rather than looking each
#: conclusion up (FILTER NOT EXISTS): a lookup walks every quad of a busy entity, and many new
#: facts are about the same few, while what is known is at most one membership per entity and
#: class. (Relations are many per entity: for them the lookups stay cheaper, measured at 3e5.)
_MANY = 1000

#: What one rule found in one round: its delta graph -> (predicates, classes of rdf:type, count).
Found = dict[str, tuple[set[str], set[str], int]]


def _found(store: EmbeddedStore, graphs: list[str]) -> Found:
    """Which predicates (and classes) each of a round's delta graphs holds, and how many
    conclusions (statement nodes aside): one scan of them all."""
    out: Found = {g: (set(), set(), 0) for g in graphs}
    if not graphs:
        return out
    values = " ".join(f"<{g}>" for g in graphs)
    query = (
        f"SELECT ?g ?p ?c (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} "
        f'FILTER(!STRSTARTS(STR(?s), "{inferred_graph()}/statement/")) '
        f"BIND(IF(?p = rdf:type, ?o, ?nothing) AS ?c) }} GROUP BY ?g ?p ?c"
    )
    for row in store.query(query):
        predicates, classes, n = out[row["g"].value]
        predicates.add(row["p"].value)
        if row["c"] is not None:
            classes.add(row["c"].value)
        out[row["g"].value] = (predicates, classes, n + int(row["n"].value))
    return out


def _inputs(rule: Rule, premise: int, found: Found) -> tuple[list[str], tuple[tuple[str, ...], ...]]:
    """The delta graphs that hold facts premise number `premise` can match, and the rows of the
    rule's table those facts can fire: a rule whose inputs did not change runs not at all."""
    _, p, o = rule.premises[premise]
    graphs, keep = [], set()
    for graph, (predicates, classes, _) in found.items():
        if p == TYPE.value and o.startswith("?") and o[1:] in rule.columns:
            column, present = rule.columns.index(o[1:]), classes
        elif p.startswith("?") and p[1:] in rule.columns:
            column, present = rule.columns.index(p[1:]), predicates
        else:
            graphs += [graph] if p in predicates else []
            continue
        rows = {row for row in rule.rows if row[column] in present}
        if rows:
            graphs.append(graph)
            keep |= rows
    if keep:
        return graphs, tuple(row for row in rule.rows if row in keep)
    return graphs, rule.rows if graphs else ()


@functools.cache
def _proof_lines(inferred: str) -> re.Pattern[bytes]:
    """The N-Triples lines of a step's proof records (a statement node's triple and its links
    to premises) but not of its interval: what the scratch graphs leave out. One pass of the regex
    engine over the serialisation, no Python object per line."""
    dates = b"|".join(re.escape(f"{PREFIXES['cas']}{p}>".encode()) for p in ("startDate", "endDate"))
    node = re.escape(f"{inferred}/statement/".encode())
    return re.compile(rb"^<" + node + rb"[^>]*> <(?!" + dates + rb")[^\n]*\n", re.MULTILINE)


def _load(store: EmbeddedStore, data: bytes, graph: str, fmt: ox.RdfFormat = ox.RdfFormat.N_TRIPLES) -> None:
    """Load triples the store itself serialised into one graph of an in-memory store: in one
    transaction (the bulk loader's batches cost more in memory) and without checking the IRIs
    again (Oxigraph wrote them), which halves what a load costs per quad."""
    store.ox.load(data, format=fmt, to_graph=ox.NamedNode(graph), lenient=True)


def _triples(store: EmbeddedStore, select: str) -> bytes:
    """The rows of a `SELECT ?s ?p ?o` as Turtle, one triple a line. Oxigraph serialises a
    CONSTRUCT's triples three times slower than a SELECT's rows as TSV, whose terms are written
    as Turtle's (numbers and booleans short): a tab becomes a space, a row ends with " .", and
    the header line goes."""
    rows = store.ox.query(select, prefixes=PREFIXES).serialize(format=ox.QueryResultsFormat.TSV)
    return rows[rows.index(b"\n") + 1 :].replace(b"\t", b" ").replace(b"\n", b" .\n")


def _run(work: EmbeddedStore, store: EmbeddedStore, step: Step | str, what: str, cost: Cost) -> int:
    """Run one update, or one step: the query reads the workspace; its triples go to the store's
    inferred graph, and the conclusions and their intervals alone to the workspace's scratch
    graphs (the rules never read a proof record). What it costs is added to `cost`; the
    triples the query returned are counted (none for an update)."""
    cost.runs += 1
    started = time.process_time()
    try:
        if isinstance(step, str):
            work.ox.update(step, prefixes=PREFIXES)
            cost.query_cpu += time.process_time() - started
            return 0
        data = work.ox.query(step.query, prefixes=PREFIXES).serialize(format=ox.RdfFormat.N_TRIPLES)
        queried = time.process_time()
        cost.query_cpu += queried - started
        if not data:
            return 0
        triples = data.count(b"\n")
        cost.triples += triples
        _load(store, data, step.graph)
        scratch = _proof_lines(step.graph).sub(b"", data)
        for graph in step.scratch:
            _load(work, scratch, graph)
        cost.load_cpu += time.process_time() - queried
        return triples
    except (OSError, SyntaxError) as exc:
        raise StoreError(f"reasoning ({what}) failed: {exc}") from exc


def _workspace(store: EmbeddedStore, active: list[Rule]) -> EmbeddedStore:
    """A new in-memory store holding one copy of each fact the rules can read or conclude, in
    one graph: the statements whose predicate a rule names, the memberships of the classes it
    names, and the dates that make a record hold for a time.

    The in-memory store finds a pattern by walking the list of quads that share one of its terms,
    so a lookup costs as much as the busiest entity it names has quads: sources restating types
    and labels, evidence nodes and the trace lengthen those lists in the store, not here."""
    predicates, classes = set(), set()
    for rule in active:
        used = rule.reads()
        predicates |= used[0]
        classes |= used[1]
    predicates |= {PREFIXES["cas"] + "startDate", PREFIXES["cas"] + "endDate"}
    values = " ".join(f"<{p}>" for p in sorted(predicates))
    kinds = " ".join(f"<{c}>" for c in sorted(classes))
    query = (
        f"SELECT ?s ?p ?o WHERE {{ {{ VALUES ?p {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} "
        f"UNION {{ VALUES ?o {{ {kinds} }} GRAPH ?g {{ ?s rdf:type ?o }} BIND(rdf:type AS ?p) }} "
        f"FILTER(?g != <{inferred_graph()}>) }}"
    )
    work = EmbeddedStore(None)
    try:
        _load(work, _triples(store, query), facts_graph(), ox.RdfFormat.TURTLE)
    except (OSError, SyntaxError) as exc:
        work.close()
        raise StoreError(f"reasoning (reading the facts) failed: {exc}") from exc
    return work


def infer(store: EmbeddedStore, *, trace: bool = True, progress: Progress | None = None) -> ReasonReport:
    """Run the rules over `store` (with no inferred graph yet) until nothing new follows, and
    write what they find into its inferred graph.

    The rules read a workspace built from the store (`_workspace`); every rule is one SPARQL
    query the workspace runs, whose N-Triples the store bulk-loads: nothing the rules find
    passes through Python. Semi-naive rounds: after the first, a rule runs once per premise, with that premise
    read from what the round before found and its table cut to the rows those facts can fire;
    a rule none of whose premises can match what is new does not run.
    """
    started, cpu = time.perf_counter(), time.process_time()
    inferred = inferred_graph()
    report = ReasonReport()
    active = rules(read_axioms(store))
    reading = time.process_time()
    work = _workspace(store, active)
    report.costs[(0, "(workspace)")] = Cost(runs=1, query_cpu=time.process_time() - reading)
    try:
        _rounds(work, store, active, report, trace=trace, progress=progress)
    finally:
        work.close()
    if trace:
        used = [rule for rule in active if rule.id in report.per_rule]
        store.bulk_add(
            q
            for rule in used
            for q in (
                ox.Quad(rule_node(rule.id), SUB_PROPERTY, DERIVED_FROM, ox.NamedNode(inferred)),
                ox.Quad(rule_node(rule.id), LABEL, ox.Literal(f"{rule.id}: {rule.label}", language="en"),
                        ox.NamedNode(inferred)),
            )
        )  # fmt: skip
    count = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{inferred}> {{ ?s ?p ?o }} }}")
    report.trace_quads = int(next(iter(count))["n"].value) - report.triples
    report.seconds, report.cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    return report


def _rounds(
    work: EmbeddedStore,
    store: EmbeddedStore,
    active: list[Rule],
    report: ReasonReport,
    *,
    trace: bool,
    progress: Progress | None,
) -> None:
    """The semi-naive rounds on the workspace, to a fixpoint; what they find goes to the store."""
    graphs: dict = {"inferred": inferred_graph(), "dated": dated_graph()}
    _run(work, store, dated_facts(graphs), "dated facts", report.costs.setdefault((0, "dated facts"), Cost()))

    found: Found | None = None
    timed = _found(work, [graphs["dated"]])  # what the dated facts are about
    while found is None or any(n for *_, n in found.values()):
        report.rounds += 1
        outs = []
        dated_found = 0  # the dated graph changes only when a run from dated facts finds something
        for rule in active:
            cost = report.costs.setdefault((report.rounds, rule.id), Cost())
            graphs["out"] = _delta_graph(report.rounds, rule.id)
            outs.append(graphs["out"])
            if found is None:
                _run(work, store, update(rule, graphs, trace=trace), rule.id, cost)
            else:
                for premise in range(len(rule.premises)):
                    graphs["delta"], rows = _inputs(rule, premise, found)
                    if rows:
                        many = rule.conclusion[1] == TYPE.value and sum(found[g][2] for g in graphs["delta"]) > _MANY
                        text = update(rule, graphs, trace=trace, delta=premise, rows=rows, many=many)
                        _run(work, store, text, rule.id, cost)
            for dated in range(len(rule.premises)) if rule.id.startswith(_TIMED) else ():
                rows = set(_inputs(rule, dated, timed)[1])  # rows that dated facts can fire
                if found is None and rows:
                    dated_found += _run(
                        work,
                        store,
                        update(rule, graphs, trace=trace, dated=dated, rows=tuple(sorted(rows))),
                        rule.id,
                        cost,
                    )
                    continue
                for premise in range(len(rule.premises)) if found else ():  # the same semi-naive cut
                    graphs["delta"], new = _inputs(rule, premise, found)
                    if cut := tuple(row for row in new if row in rows):
                        text = update(rule, graphs, trace=trace, delta=premise, dated=dated, rows=cut)
                        dated_found += _run(work, store, text, rule.id, cost)
        started = time.process_time()
        found = _found(work, outs)
        timed = _found(work, [graphs["dated"]]) if dated_found else timed
        scan = report.costs.setdefault((report.rounds, "(what is new)"), Cost(runs=1 + bool(dated_found)))
        scan.query_cpu = time.process_time() - started
        new = 0
        for rule, out in zip(active, outs, strict=True):
            n = report.costs[(report.rounds, rule.id)].new = found[out][2]
            if n:
                report.per_rule[rule.id] = report.per_rule.get(rule.id, 0) + n
                new += n
        report.triples += new
        if progress:
            progress("reasoning", report.rounds, new)
