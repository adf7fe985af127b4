"""The build job: sources in, a published store out, or nothing changed at all.

`build()` reads and validates every source first (a bad record stops the build before anything
is written), then fills a fresh store folder with the ontology and one named graph per source,
then ingests the articles under `sources/articles/` (and any other article folders given) into
the same store, materialises the OWL 2 RL inferences into the inferred graph (graph/reason.py),
compacts the store (`optimize()`) and only then publishes it (an atomic link swap). An article that cannot be
read is skipped and reported; it does not stop the build. The quads depend only on the inputs:
building twice gives the same sorted N-Quads dump (the ingest run's time is recorded only when
SOURCE_DATE_EPOCH is set, and then is that time).

A remote store (a SPARQL endpoint URL) gets the same graphs, each written whole through the
Graph Store Protocol or SPARQL Update; there is no swap there: the dataset's graphs are dropped
first, so a remote build, like a folder build, starts from nothing and gives the same data twice.

A build deletes only what builds made: `--store` must be nothing yet, an empty folder or a casckg
store (`store.check_target`), and folders of killed builds are recognised by their marker. It
holds the store's write lock from start to publish, so two builds (or a build and an ingest) of
one store never interleave.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from casckg import ontology
from casckg.ingest.contract import Document, identity_decisions, reference_documents

from ..reason import ReasonReport, inferred_graph, materialise
from ..store import is_remote, open_store
from ..store.embedded import (
    EmbeddedStore,
    Store,
    check_target,
    discard,
    fresh_folder,
    publish,
    stale_builds,
    write_lock,
)
from .articles import ArticleWriter, IngestReport, build_time, ingest_articles
from .mint import base_iri, source_iri
from .quads import document_quads

#: Quads per bulk load into an embedded store: few loads (each writes files), bounded memory.
CHUNK = 500_000
#: Called as progress(description, done, total) while a build runs.
Progress = Callable[[str, int, int], None]


@dataclass
class BuildReport:
    """What a build wrote."""

    store: Path | str
    graphs: dict[str, int] = field(default_factory=dict)  # graph IRI -> quads
    articles: IngestReport = field(default_factory=IngestReport)
    reasoning: ReasonReport | None = None
    #: CPU seconds of each part of a folder build: "quads" (documents and articles to quads),
    #: "load" (bulk loads, into the folder and the reasoner's copy), "optimize"; the
    #: reasoning's own is in `reasoning`. What the build costs, and where it goes.
    cpu: dict[str, float] = field(default_factory=dict)

    @property
    def quads(self) -> int:
        return sum(self.graphs.values())


def ontology_quads() -> Iterator[ox.Quad]:
    """The ontology as quads in its own graph, blank nodes labelled by order of appearance.

    Parsers give blank nodes fresh random labels; relabelling them in file order keeps the
    build's dump identical from one run to the next.
    """
    graph = ox.NamedNode(ontology.ONTOLOGY_IRI)
    labels: dict[str, ox.BlankNode] = {}

    def stable(t: ox.NamedNode | ox.BlankNode | ox.Literal) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        if isinstance(t, ox.BlankNode):
            return labels.setdefault(t.value, ox.BlankNode(f"onto{len(labels)}"))
        return t

    for triple in ox.parse(path=str(ontology.ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE):
        yield ox.Quad(stable(triple.subject), triple.predicate, stable(triple.object), graph)


def load_documents(sources: Path) -> list[Document]:
    """Every document under the sources folder; raises SourceError listing all problems."""
    reference = sources / "reference"
    if not reference.is_dir():
        from casckg.ingest.contract import Problem, SourceError

        raise SourceError(
            [Problem(str(reference), None, None, "no reference folder: expected sources/reference/*.yaml")]
        )
    documents = reference_documents(reference, root=sources)
    decisions = identity_decisions(sources / "identity.yaml", root=sources)
    return documents + ([decisions] if decisions else [])


def article_folders(sources: Path, extra: Sequence[Path] = ()) -> list[Path]:
    """The folders of articles a build ingests: `sources/articles` when present, then `extra`."""
    own = sources / "articles"
    return ([own] if own.is_dir() else []) + list(extra)


def source_graphs(documents: list[Document]) -> Iterator[tuple[str, str, list[ox.Quad]]]:
    """(graph IRI, description, quads) of the ontology and of each document, in build order. A graph is a
    set: a record that states one fact twice (an alias that is also one of its past names) gives one quad,
    so the report counts what every store holds."""
    yield ontology.ONTOLOGY_IRI, "ontology", list(dict.fromkeys(ontology_quads()))
    for doc in documents:
        yield source_iri(doc.source), doc.source.path, list(dict.fromkeys(document_quads(doc)))


def build(
    sources: Path,
    target: Path | str,
    progress: Progress | None = None,
    articles: Sequence[Path] = (),
    *,
    update_url: str | None = None,
    graph_store_url: str | None = None,
    reason: bool = True,
    trace: bool = True,
) -> BuildReport:
    """Build the store at `target` (a folder, or a SPARQL endpoint URL) from the `sources` folder
    and extra article folders: a folder atomically, an endpoint graph by graph.

    With `reason`, the inferred graph is materialised before the store is published (`trace`:
    with a statement node per inference that says why)."""
    return build_documents(
        load_documents(sources),
        target,
        progress,
        article_folders(sources, articles),
        update_url=update_url,
        graph_store_url=graph_store_url,
        reason=reason,
        trace=trace,
    )


def build_documents(
    documents: list[Document],
    target: Path | str,
    progress: Progress | None = None,
    folders: Sequence[Path] = (),
    *,
    update_url: str | None = None,
    graph_store_url: str | None = None,
    reason: bool = True,
    trace: bool = True,
) -> BuildReport:
    """Build the store at `target` from documents already read (and article folders to ingest)."""
    folders = list(folders)
    if is_remote(target):
        with open_store(target, update_url=update_url, graph_store_url=graph_store_url) as store:
            # Start from none of this dataset's graphs, as a folder build starts empty: articles are
            # matched against the events the store holds, so an earlier build's articles and
            # inferences left in place would change what this build writes. Other datasets stay.
            for graph in store.named_graphs():
                if graph.startswith(base_iri()) or graph == ontology.ONTOLOGY_IRI:
                    store.drop_graph(graph)
            report = _fill(store, documents, folders, str(target), progress)
            if reason:
                report.reasoning = materialise(store, trace=trace)
                report.graphs[inferred_graph()] = report.reasoning.quads
        return report
    target = Path(target)
    check_target(target)
    with write_lock(target):  # one writer at a time: builds and ingests of this store
        return _build_folder(documents, target, progress, folders, reason=reason, trace=trace)


def _build_folder(
    documents: list[Document],
    target: Path,
    progress: Progress | None,
    folders: list[Path],
    *,
    reason: bool,
    trace: bool,
) -> BuildReport:
    """Fill a fresh marked folder beside `target` and publish it; the caller holds the write lock."""
    for stale in stale_builds(target):
        discard(stale)
    folder = fresh_folder(target)
    try:
        store = EmbeddedStore(folder)
        # The rules run in memory: the build fills a copy there as it goes, rather than read the
        # folder back (reading a freshly bulk-loaded folder is the slowest part of a copy).
        mirror = EmbeddedStore(None) if reason else None
        try:
            report = _fill(store, documents, folders, target, progress, mirror)
            if mirror:
                report.reasoning = materialise(store, trace=trace, workspace=mirror)
                report.graphs[inferred_graph()] = report.reasoning.quads
                if progress:
                    progress("reasoning", 1, 1)
            started = time.process_time()
            store.ox.optimize()  # compacted once, now: queries on a freshly bulk-loaded folder are slower
            report.cpu["optimize"] = time.process_time() - started
        finally:
            store.close()
        publish(folder, target)
    except BaseException:
        discard(folder)
        raise
    return report


def _fill(
    store: Store,
    documents: list[Document],
    folders: list[Path],
    target: Path | str,
    progress: Progress | None,
    mirror: EmbeddedStore | None = None,
) -> BuildReport:
    """Write every graph into `store` (and `mirror`): bulk loads into a fresh embedded folder, replaces elsewhere."""
    report = BuildReport(store=target)
    steps = len(documents) + 1
    pending: list[ox.Quad] = []  # graphs gathered into one bulk load: each load writes files
    started = time.process_time()
    report.cpu["load"] = 0.0

    def flush() -> None:
        loading = time.process_time()
        store.bulk_add(pending)
        if mirror:
            mirror.bulk_add(pending)
        pending.clear()
        report.cpu["load"] += time.process_time() - loading

    for i, (graph, description, quads) in enumerate(source_graphs(documents), start=1):
        if isinstance(store, EmbeddedStore):
            pending += quads
            if len(pending) >= CHUNK:
                flush()
        else:
            store.replace_graph(graph, quads)
        report.graphs[graph] = len(quads)
        if progress:
            progress(description, i, steps)
    if pending:
        flush()
    if folders:
        writer = ArticleWriter(store, recorded_at=build_time())
        report.articles = ingest_articles(store, folders, writer=writer, progress=progress)
        report.graphs.update((i.graph, i.quads) for i in report.articles.ingested)
        if mirror and isinstance(store, EmbeddedStore):
            loading = time.process_time()
            for ingested in report.articles.ingested:
                mirror.bulk_add(store.quads(ingested.graph))
            report.cpu["load"] += time.process_time() - loading
    report.cpu["quads"] = time.process_time() - started - report.cpu["load"]
    return report
