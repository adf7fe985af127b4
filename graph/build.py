"""The build job: sources in, a published store out, or nothing changed at all.

`build()` reads and validates every source first (a bad record stops the build before anything
is written), then fills a fresh store folder with the ontology and one named graph per source,
and only then publishes it (an atomic link swap). The quads depend only on the inputs: building
twice gives the same sorted N-Quads dump.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from casckg import ontology
from casckg.ingest.loaders.reference import load_reference_dir
from casckg.ingest.records import Document

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


def build(sources: Path, target: Path, progress: Progress | None = None) -> BuildReport:
    """Build the store at `target` from the `sources` folder, atomically."""
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
        finally:
            store.close()
        publish(folder, target)
    except BaseException:
        discard(folder)
        raise
    return report
