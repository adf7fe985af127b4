"""The store behind one small interface: embedded Oxigraph on disk, or a remote SPARQL endpoint.

Everything that reads or writes the graph goes through `Store`, so the query library, the
explorer and the server give the same answers whatever holds the data. Query results are
pyoxigraph's own result objects, which serialise to the standard SPARQL result formats.

The embedded store lives in a folder. A build never writes into the folder readers use: it
fills a fresh folder beside it and then swaps a symbolic link (`publish`), so a failed or killed
build leaves the last good store answering.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox

from casckg.ingest.contract import QueryError, StoreError
from casckg.ontology import PREFIXES
from casckg.queries import QueryFileError, with_values

DEFAULT_STORE = Path("build") / "store"

QueryResult = ox.QuerySolutions | ox.QueryTriples | ox.QueryBoolean
Term = ox.NamedNode | ox.Literal | ox.BlankNode


class Store(ABC):
    """What every store can do."""

    location: str

    @abstractmethod
    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> QueryResult:
        """Run a SPARQL query over the union of all graphs, with variables pre-bound to terms."""

    @abstractmethod
    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> int:
        """Make `graph` hold exactly `quads` (their graph name is `graph`); return how many."""

    def drop_graph(self, graph: str) -> None:
        """Remove one named graph."""
        self.replace_graph(graph, [])

    @abstractmethod
    def named_graphs(self) -> list[str]:
        """The IRIs of the named graphs in the store, sorted."""

    @abstractmethod
    def close(self) -> None:
        """Release the store."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_AT = re.compile(r"^error at (\d+):(\d+): expected one of (.*)$", re.DOTALL)
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*)?:")


def syntax_message(text: str, message: str) -> str:
    """Oxigraph's parse error as one line a person can act on: line, column and what was expected.

    The parser lists every character class it would have taken (Unicode ranges for a name);
    those say nothing to a reader, so only the named alternatives are kept, and an unknown
    prefix is named with the prefixes the store knows.
    """
    m = _AT.match(message.strip())
    if not m:
        return " ".join(message.split())
    line, column, expected = int(m.group(1)), int(m.group(2)), m.group(3)
    where = f"line {line}, column {column}"
    if "Prefix not found" in expected:
        lines = text.splitlines()
        before = lines[line - 1][: column - 1] if 0 < line <= len(lines) else ""
        found = _PREFIXED.findall(before)
        name = found[-1] if found else ""
        return f"{where}: unknown prefix '{name}:' (known: {', '.join(sorted(PREFIXES))}; or declare it with PREFIX)"
    words = [w.strip() for w in re.sub(r"\[[^\]]*\]", "", expected).split(",")]
    words = [w for w in words if w and not w.startswith("|")]
    return f"{where}: expected {' or '.join(words)}" if words else f"{where}: unexpected text"


class EmbeddedStore(Store):
    """An Oxigraph store in a folder (or in memory when `path` is None)."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False):
        self.location = str(path) if path else ":memory:"
        self.writable = path is not None and not read_only
        try:
            if path is None:
                self.ox = ox.Store()
            elif read_only:
                self.ox = ox.Store.read_only(str(path))
            else:
                self.ox = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.location}: {exc}") from exc

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> QueryResult:
        try:
            text = with_values(sparql, {k: str(v) for k, v in (bindings or {}).items()})
            return self.ox.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
        except (SyntaxError, QueryFileError) as exc:
            raise QueryError(f"the query is not valid SPARQL: {syntax_message(sparql, str(exc))}") from exc
        except OSError as exc:
            raise StoreError(f"reading the store failed: {exc}") from exc

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> int:
        """Drop and refill the graph in one SPARQL update, which Oxigraph runs as one transaction.

        The quads are all gathered before anything is written, so an error while producing them
        (or a failed write) leaves the graph as it was: a reader sees the old graph or the new
        one, never half of either.
        """
        name = ox.NamedNode(graph)
        batch = list(dict.fromkeys(quads))  # a graph is a set: the same quad twice is stored once
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in batch)
        try:
            self.ox.update(f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}")
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"writing the graph {graph} failed: {exc}") from exc
        return len(batch)

    def bulk_add(self, quads: Iterable[ox.Quad]) -> None:
        """Fast load (streamed, not transactional: for builds into a new folder, and derived graphs)."""
        try:
            self.ox.bulk_extend(quads)
        except OSError as exc:
            raise StoreError(f"writing the store failed: {exc}") from exc

    def drop_graph(self, graph: str) -> None:
        self.ox.update(f"DROP SILENT GRAPH {ox.NamedNode(graph)}")

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Every quad of the store, or of one named graph."""
        return self.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph) if graph else None)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def dump(self, path: Path, fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> None:
        self.ox.dump(str(path), format=fmt)

    def close(self) -> None:
        if hasattr(self, "ox"):
            if self.writable:
                self.ox.flush()
            del self.ox


# --- atomic builds ----------------------------------------------------------------------------


def fresh_folder(target: Path) -> Path:
    """A new empty folder beside `target` for a build to fill."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}-{time.strftime('%Y%m%d%H%M%S')}-", dir=target.parent))


def publish(folder: Path, target: Path) -> None:
    """Point `target` at the built `folder` in one atomic step, then remove the old build."""
    previous = target.resolve() if target.is_symlink() else None
    if target.exists() and not target.is_symlink():
        # A plain folder from elsewhere: move it aside first, never delete user data silently.
        aside = target.parent / f".{target.name}-replaced-{os.getpid()}"
        target.rename(aside)
        previous = aside
    link = target.parent / f".{target.name}-link-{os.getpid()}"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(folder.name)
    os.replace(link, target)
    if previous and previous.exists() and previous != folder.resolve():
        shutil.rmtree(previous, ignore_errors=True)


def discard(folder: Path) -> None:
    """Remove a build folder that will not be published."""
    shutil.rmtree(folder, ignore_errors=True)


def stale_builds(target: Path) -> list[Path]:
    """Folders of builds that died before publishing, safe to remove."""
    current = target.resolve() if target.is_symlink() else None
    return [p for p in target.parent.glob(f".{target.name}-*") if p.is_dir() and p.resolve() != current]
