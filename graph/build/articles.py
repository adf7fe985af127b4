"""Articles into the store: each article its own named graph, written whole or not at all.

For every article: load it from a file or URL and read it into a Document with a gazetteer of
what the store already knows (`ingest.contract.load` and `read`: ingest's one road), merge its
forums into the events the store already holds (`identity`), and replace its graph in one
transaction (`Store.replace_graph`). An article that cannot be read is reported (file and
reason) and skipped; the others go in. Re-ingesting an article replaces its graph, so nothing
doubles.

The gazetteer is built once per run from the store (`known`) and learns each article's entities
as it is written (`Gazetteer.learn`), so a later article links to names an earlier one introduced.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from casckg.ingest.contract import (
    Article,
    Document,
    Gazetteer,
    Problem,
    SourceError,
    StoreError,
    article_suffixes,
    is_url,
    load,
    read,
)

from ..store.embedded import Store
from .forum_evidence import StoreForums
from .identity import Merge
from .known import gazetteer_from_store
from .mint import source_iri
from .names import StoreNames, resolve
from .quads import document_quads

#: Files in an article folder that document it rather than being articles.
NOT_ARTICLES = ("readme",)

#: Called as progress(description, done, total) while articles are ingested.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Ingested:
    """One article written to the store."""

    path: str
    graph: str
    quads: int
    entities: int
    statements: int
    merges: tuple[Merge, ...]


@dataclass
class IngestReport:
    """What an ingest run wrote, what it skipped (with the reason) and what it noted."""

    ingested: list[Ingested] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def quads(self) -> int:
        return sum(i.quads for i in self.ingested)


def now() -> str:
    """The current time as xsd:dateTime (UTC, seconds): when `casckg ingest` ran."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def build_time() -> str | None:
    """The time a build records: SOURCE_DATE_EPOCH when set (reproducible builds), else none at all.

    A build must give the same quads from the same sources, so it never reads the clock.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), UTC).isoformat().replace("+00:00", "Z")


def find_articles(paths: Iterable[Path | str]) -> tuple[list[Path | str], list[Problem], list[str]]:
    """Article files and URLs to read, problems with the paths given, and notes on files passed over.

    Folders are searched recursively in name order; files of a format no loader reads, hidden
    files and README files are passed over with a note. A file named on the command line is
    always tried, so a wrong suffix there is a problem, not a note.
    """
    found: list[Path | str] = []
    problems: list[Problem] = []
    notes: list[str] = []
    for item in paths:
        if isinstance(item, str) and is_url(item):
            found.append(item)
            continue
        path = Path(item)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = file.relative_to(path)
                if any(part.startswith(".") for part in rel.parts) or file.stem.lower() in NOT_ARTICLES:
                    continue
                if file.suffix.lower() in article_suffixes():
                    found.append(file)
                else:
                    notes.append(
                        f"{file}: passed over, not an article format ({', '.join(sorted(article_suffixes()))})"
                    )
        elif path.exists():
            found.append(path)
        else:
            problems.append(Problem(str(path), None, None, "no such file or folder"))
    return found, problems, notes


def _kept() -> None:
    """What a writer has just built (the gazetteer, the store's names and forums) lives as long as
    the run, so it is moved out of the cyclic collector's reach: each full collection would walk
    all of it again (about a fifth of writing's CPU time on the corpus). Objects are still freed
    when their last reference goes; what is in a reference cycle at that moment stays for the process's
    life."""
    gc.freeze()


class ArticleWriter:
    """Writes extracted articles into one store, one graph each, keeping the gazetteer current."""

    def __init__(
        self,
        store: Store,
        *,
        recorded_at: str | None = None,
        gazetteer: Gazetteer | None = None,
        base: str | None = None,
    ):
        self.store = store
        self.recorded_at = recorded_at
        self.base = base
        self.gazetteer = gazetteer if gazetteer is not None else gazetteer_from_store(store, base)
        self._names: StoreNames | None = None  # the store's names, read on the first write, kept current
        self._forums: StoreForums | None = None  # the store's forums, likewise
        _kept()

    @property
    def names(self) -> StoreNames:
        if self._names is None:
            self._names = StoreNames(self.store)
            _kept()
        return self._names

    @property
    def forums(self) -> StoreForums:
        if self._forums is None:
            self._forums = StoreForums(self.store)
            _kept()
        return self._forums

    def extract(self, article: Article) -> Document:
        """The article's entities and statements, with the kinds it calls its forums by."""
        return read(article, self.gazetteer)

    def document(self, article: Article) -> tuple[Document, list[Merge]]:
        """The article as the store would hold it (its events merged with the store's), and the merges.

        `casckg extract` shows this without writing it; `write` stores the same.
        """
        resolved, merges, _ = resolve(self.extract(article), self.store, base=self.base)
        return resolved, merges

    def quads(self, doc: Document) -> tuple[Document, list[Merge], Iterator]:
        """The document after identity resolution, its merges, and the quads of its graph."""
        resolved, merges, candidates = resolve(doc, self.store, base=self.base, names=self.names, forums=self.forums)
        quads = document_quads(resolved, self.base, recorded_at=self.recorded_at, merges=merges, candidates=candidates)
        return resolved, merges, quads

    def write(self, doc: Document) -> Ingested:
        """Replace the document's graph in the store (one transaction) and learn its names."""
        resolved, merges, quads = self.quads(doc)
        graph = source_iri(resolved.source, self.base)
        try:
            batch = list(quads)
        except ValueError as exc:  # a term RDF cannot hold (an IRI with spaces, ...): nothing is written
            raise SourceError([Problem(resolved.source.path, None, None, f"cannot be stored: {exc}")]) from None
        count = self.store.replace_graph(graph, batch)
        self.names.replaced(graph, batch)
        self.forums.replaced(graph, batch)
        self.gazetteer.learn(resolved)
        return Ingested(
            resolved.source.path, graph, count, len(resolved.entities), len(resolved.statements), tuple(merges)
        )

    def ingest(self, item: Path | str) -> Ingested:
        """Read (or fetch), extract and write one article. SourceError when it cannot be read."""
        return self.write(self.extract(load(item)))


def ingest_articles(
    store: Store,
    paths: Iterable[Path | str],
    *,
    recorded_at: str | None = None,
    progress: Progress | None = None,
    writer: ArticleWriter | None = None,
) -> IngestReport:
    """Ingest every article under `paths` (files, folders, URLs) into `store`; never half an article."""
    items, problems, notes = find_articles(paths)
    report = IngestReport(skipped=problems, notes=notes)
    if not items:
        return report
    writer = writer or ArticleWriter(store, recorded_at=recorded_at)
    for done, item in enumerate(items, start=1):
        try:
            report.ingested.append(writer.ingest(item))
        except SourceError as exc:
            report.skipped += exc.problems
        except StoreError as exc:  # this article's write failed as a whole; the store holds none of it
            report.skipped.append(Problem(str(item), None, None, f"not written: {exc}"))
        if progress:
            progress(str(item), done, len(items))
    return report
