"""The store behind one small interface: embedded Oxigraph on disk, or a remote SPARQL endpoint.

Everything that reads or writes the graph goes through `Store`, so the query library, the
explorer and the server give the same answers whatever holds the data. Query results are
pyoxigraph's own result objects, which serialise to the standard SPARQL result formats.

The embedded store lives in a folder. A build never writes into the folder readers use: it
fills a fresh folder beside it and then swaps a symbolic link (`publish`), so a failed or killed
build leaves the last good store answering. Every folder a build makes holds a marker file
(`MARKER`), and a build deletes only folders that hold it: a folder of anything else at `--store`
is refused, never emptied. The marker's text is the store's version, which every write (a build,
an ingest) changes, so a server can tell that the store it reads has changed. Builds and writes
to one store take one lock (`write_lock`): a second writer is refused with one line.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import tempfile
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from casckg.ingest.contract import QueryError, StoreError
from casckg.ontology import PREFIXES
from casckg.queries import QueryFileError, with_values

DEFAULT_STORE = Path("build") / "store"
#: The file in every store folder casckg makes; its text is the store's version.
MARKER = ".casckg-store"

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

    def __init__(self, path: Path | None = None, *, read_only: bool = False, lock: contextlib.ExitStack | None = None):
        self.location = str(path) if path else ":memory:"
        self.writable = path is not None and not read_only
        self.path = path
        self._lock = lock  # held while the store is open for writing; released (version bumped) on close
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
            union = not names_dataset(sparql)  # a VALUES block names no dataset: decided once per query
            return self.ox.query(text, prefixes=PREFIXES, use_default_graph_as_union=union)
        except (SyntaxError, QueryFileError) as exc:
            raise QueryError(f"the query is not valid SPARQL: {syntax_message(sparql, str(exc))}") from exc
        except OSError as exc:
            raise StoreError(f"reading the store failed: {exc}") from exc

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> int:
        """Drop and refill the graph in one transaction (a SPARQL update, which Oxigraph runs as one).

        The quads are all gathered before anything is written, so an error while producing them
        (or a failed write) leaves the graph as it was: a reader sees the old graph or the new
        one, never half of either. A graph the store does not hold yet (most of an ingest) has
        nothing to drop: its quads go in with `extend`, also one transaction, at about half the
        CPU of parsing them as an update. Only this process writes the store (its write lock),
        so the graph cannot appear in between.
        """
        name = ox.NamedNode(graph)
        batch = list(dict.fromkeys(quads))  # a graph is a set: the same quad twice is stored once
        try:
            if not self.ox.contains_named_graph(name):
                self.ox.extend(
                    q if q.graph_name == name else ox.Quad(q.subject, q.predicate, q.object, name) for q in batch
                )
                return len(batch)
            body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in batch)
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
        if self._lock is not None:
            with contextlib.suppress(OSError):
                if self.path is not None and (self.path / MARKER).is_file():
                    mark(self.path)  # readers opened before this write see a new version
            self._lock.close()
            self._lock = None


@lru_cache(maxsize=512)
def names_dataset(sparql: str) -> bool:
    """Whether a query names its own dataset (FROM, FROM NAMED), which then replaces the union of all graphs.

    Most queries have no FROM at all, so only those with the word are parsed (the parse decides),
    and each text once: a parse takes a fifth of a second, and ingest asks again for every article.
    """
    from casckg.graph.web.sparql_guard import Refused, may_name_dataset, parse

    if not may_name_dataset(sparql):
        return False

    try:
        parsed = parse(sparql)
    except Refused:
        return False  # the store's own parser will say what is wrong with it
    return bool(parsed.default_graphs or parsed.named_graphs)


# --- versions and the write lock --------------------------------------------------------------


def mark(folder: Path) -> str:
    """Give a store folder a new version (written whole: a reader never sees half of it)."""
    version = uuid.uuid4().hex
    scratch = folder / f"{MARKER}.{os.getpid()}"
    scratch.write_text(version, encoding="utf-8")
    os.replace(scratch, folder / MARKER)
    return version


@contextlib.contextmanager
def write_lock(target: Path) -> Iterator[None]:
    """Hold the one lock every writer of the store at `target` takes (a file beside it).

    A second build or ingest of the same store while one runs is refused at once with one line,
    rather than one of them being lost (an ingest into a store a build is about to replace).
    """
    lock_path = target.parent / f".{target.name}.lock"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path, "a+b")  # noqa: SIM115 - held for the whole block
    except OSError as exc:
        raise StoreError(f"cannot make the store {target}: {exc.strerror or exc}") from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(f"another build or ingest is writing {target}; try again when it has finished") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# --- atomic builds ----------------------------------------------------------------------------


def is_store_folder(folder: Path) -> bool:
    """Whether a folder is one casckg made (it holds the marker)."""
    return (folder / MARKER).is_file()


def _is_earlier_build(folder: Path, target: Path) -> bool:
    """A build folder beside `target` from before builds were marked: its name and Oxigraph's files."""
    return (
        folder.parent == target.parent.resolve()
        and folder.name.startswith(f".{target.name}-")
        and (folder / "CURRENT").is_file()
    )


def check_target(target: Path) -> None:
    """Refuse a --store a build must not replace: anything but nothing, an empty folder, or a store.

    A build replaces what is at `target`; so that it can never delete what it did not make, it
    takes only an empty folder, a folder casckg made (with the marker) or a link to one.
    """
    if os.path.ismount(target):
        raise StoreError(f"{target} is a mount point: give a folder inside it (a build replaces the store there)")
    if target.is_symlink():
        pointed = target.resolve()
        if not pointed.exists() or is_store_folder(pointed) or _is_earlier_build(pointed, target):
            return
        raise StoreError(f"{target} links to {pointed}, which is not a casckg store; nothing was changed")
    if not target.exists():
        for parent in target.parents:
            if parent.exists() and not parent.is_dir():
                raise StoreError(f"cannot make the store {target}: {parent} is a file, not a folder")
        return
    if not target.is_dir():
        raise StoreError(f"{target} is a file, not a store folder; nothing was changed")
    if is_store_folder(target) or not any(target.iterdir()):
        return
    raise StoreError(f"{target} is a folder that is not empty and not a casckg store; nothing was changed")


def fresh_folder(target: Path) -> Path:
    """A new folder beside `target` for a build to fill, marked as a casckg store."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=f".{target.name}-{time.strftime('%Y%m%d%H%M%S')}-", dir=target.parent))
        mark(folder)
    except OSError as exc:
        raise StoreError(f"cannot make the store {target}: {exc.strerror or exc}") from exc
    return folder


def publish(folder: Path, target: Path) -> None:
    """Point `target` at the built `folder` in one atomic step, then remove the old build (only if ours)."""
    previous = target.resolve() if target.is_symlink() else None
    link = target.parent / f".{target.name}-link-{os.getpid()}"
    try:
        if target.exists() and not target.is_symlink():
            # An empty folder or a store folder (check_target allowed only those): moved aside first.
            aside = target.parent / f".{target.name}-replaced-{os.getpid()}"
            target.rename(aside)
            previous = aside
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(folder.name)
        os.replace(link, target)
    except OSError as exc:
        raise StoreError(f"cannot publish the store at {target}: {exc.strerror or exc}") from exc
    if previous and previous.exists() and previous != folder.resolve():
        if is_store_folder(previous) or _is_earlier_build(previous, target):
            shutil.rmtree(previous, ignore_errors=True)
        elif previous.is_dir() and not any(previous.iterdir()):
            previous.rmdir()


def discard(folder: Path) -> None:
    """Remove a build folder that will not be published."""
    shutil.rmtree(folder, ignore_errors=True)


def stale_builds(target: Path) -> list[Path]:
    """Folders of builds that died before publishing: beside `target`, marked, and not the published one."""
    current = target.resolve() if target.is_symlink() else None
    return [
        p
        for p in target.parent.glob(f".{target.name}-*")
        if not p.is_symlink() and p.is_dir() and is_store_folder(p) and p.resolve() != current
    ]
