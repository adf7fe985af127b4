"""The build job: sources in, a published store out, or nothing changed at all.

`build()` reads and validates every source first (a bad record stops the build before anything
is written), then fills a fresh store folder with the ontology and one named graph per source,
and only then publishes it (an atomic link swap). The quads depend only on the inputs: building
twice gives the same sorted N-Quads dump.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
from casckg import ontology
from casckg.ingest.loaders.reference import load_reference_dir
from casckg.ingest.records import Document

from .mint import source_iri
from .quads import document_quads
from .reason import ReasonReport, infer, inferred_graph
from .store import EmbeddedStore, discard, fresh_folder, publish, stale_builds

#: Quads loaded per bulk write: large enough for few files on disk, small enough for memory.
CHUNK = 500_000
#: Called as progress(description, done, total) while a build runs.
Progress = Callable[[str, int, int], None]


@dataclass
class BuildReport:
    """What a build wrote."""

    store: Path
    graphs: dict[str, int] = field(default_factory=dict)  # graph IRI -> quads
    reasoning: ReasonReport | None = None

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


def _chunks(quads: Iterator[ox.Quad], size: int) -> Iterator[list[ox.Quad]]:
    while chunk := list(islice(quads, size)):
        yield chunk


def _counted(
    documents: list[Document], report: BuildReport, progress: Progress | None, steps: int
) -> Iterator[ox.Quad]:
    """The ontology's and the documents' quads in one stream (one bulk load), counted per graph."""
    parts = [(ontology.ONTOLOGY_IRI, "ontology", ontology_quads())]
    parts += [(source_iri(doc.source), doc.source.path, document_quads(doc)) for doc in documents]
    for i, (graph, description, quads) in enumerate(parts, start=1):
        n = 0
        for quad in quads:
            n += 1
            yield quad
        report.graphs[graph] = n
        if progress:
            progress(description, i, steps)


def build(
    sources: Path, target: Path, progress: Progress | None = None, *, reason: bool = True, trace: bool = True
) -> BuildReport:
    """Build the store at `target` from the `sources` folder, atomically.

    With `reason`, the OWL 2 RL consequences are materialised into the inferred graph before
    the store is published (`trace`: with a statement node per inference saying why).
    """
    return build_documents(load_documents(sources), target, progress, reason=reason, trace=trace)


def build_documents(
    documents: list[Document],
    target: Path,
    progress: Progress | None = None,
    *,
    reason: bool = True,
    trace: bool = True,
) -> BuildReport:
    """Load the ontology and `documents` into a fresh folder, reason, then publish it at `target`."""
    for stale in stale_builds(target):
        discard(stale)
    folder = fresh_folder(target)
    report = BuildReport(store=target)
    steps = len(documents) + 1 + int(reason)
    try:
        store = EmbeddedStore(folder)
        memory = EmbeddedStore(None) if reason else None  # where the rules run: joins are faster in memory
        try:
            for chunk in _chunks(_counted(documents, report, progress, steps), CHUNK):
                store.add(chunk)
                if memory:
                    memory.add(chunk)
            if memory:
                report.reasoning = infer(memory, trace=trace)
                store.add(memory.quads(inferred_graph()))
                report.graphs[inferred_graph()] = report.reasoning.quads
                if progress:
                    progress("reasoning", steps, steps)
        finally:
            store.close()
            if memory:
                memory.close()
        publish(folder, target)
    except BaseException:
        discard(folder)
        raise
    return report
