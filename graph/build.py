"""The build job: sources in, a published store out, or nothing changed at all.

`build()` reads and validates every source first (a bad record stops the build before anything
is written), then fills a fresh store folder with the ontology and one named graph per source,
then ingests the articles under `sources/articles/` (and any other article folders given) into
the same store, and only then publishes it (an atomic link swap). An article that cannot be
read is skipped and reported; it does not stop the build. The quads depend only on the inputs:
building twice gives the same sorted N-Quads dump (the ingest run's time is recorded only when
SOURCE_DATE_EPOCH is set, and then is that time).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from casckg import ontology
from casckg.ingest.loaders.reference import load_reference_dir
from casckg.ingest.records import Document

from .articles import ArticleWriter, IngestReport, build_time, ingest_articles
from .mint import source_iri
from .quads import document_quads
from .store import EmbeddedStore, discard, fresh_folder, publish, stale_builds

#: Called as progress(description, done, total) while a build runs.
Progress = Callable[[str, int, int], None]


@dataclass
class BuildReport:
    """What a build wrote."""

    store: Path
    graphs: dict[str, int] = field(default_factory=dict)  # graph IRI -> quads
    articles: IngestReport = field(default_factory=IngestReport)

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
        from casckg.ingest.errors import SourceError
        from casckg.ingest.report import Problem

        raise SourceError(
            [Problem(str(reference), None, None, "no reference folder: expected sources/reference/*.yaml")]
        )
    return load_reference_dir(reference, root=sources)


def article_folders(sources: Path, extra: Sequence[Path] = ()) -> list[Path]:
    """The folders of articles a build ingests: `sources/articles` when present, then `extra`."""
    own = sources / "articles"
    return ([own] if own.is_dir() else []) + list(extra)


def build(sources: Path, target: Path, progress: Progress | None = None, articles: Sequence[Path] = ()) -> BuildReport:
    """Build the store at `target` from the `sources` folder (and extra article folders), atomically."""
    documents = load_documents(sources)
    for stale in stale_builds(target):
        discard(stale)
    folder = fresh_folder(target)
    report = BuildReport(store=target)
    steps = len(documents) + 1
    try:
        store = EmbeddedStore(folder)
        try:
            batch = list(ontology_quads())
            store.bulk_add(batch)
            report.graphs[ontology.ONTOLOGY_IRI] = len(batch)
            if progress:
                progress("ontology", 1, steps)
            for i, doc in enumerate(documents, start=2):
                batch = list(document_quads(doc))
                store.bulk_add(batch)
                report.graphs[source_iri(doc.source)] = len(batch)
                if progress:
                    progress(doc.source.path, i, steps)
            folders = article_folders(sources, articles)
            if folders:
                writer = ArticleWriter(store, recorded_at=build_time())
                report.articles = ingest_articles(store, folders, writer=writer, progress=progress)
                report.graphs.update((i.graph, i.quads) for i in report.articles.ingested)
        finally:
            store.close()
        publish(folder, target)
    except BaseException:
        discard(folder)
        raise
    return report
