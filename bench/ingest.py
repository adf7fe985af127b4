"""How fast articles go into the store: single process against all cores, extraction against writing.

    python bench/ingest.py [--corpus ../shared/corpus] [--repeat 3] [--workers N] [--without-models]

The reference records are built into a temporary store first (not timed). Then the corpus
articles (seeds and dev) are ingested `--repeat` times over, each pass re-ingesting (replacing)
every article's graph:

- single: one process reads, extracts and writes each article in turn;
- parallel: a pool of worker processes (all cores by default) reads and extracts, and the one
  writer (this process) resolves identities and writes each Document as it arrives, in order.

Extraction time is the sum of the time spent reading and extracting each article (in the
workers, for the parallel run); write time is identity resolution, quads and the store's
transaction. Each is also given in CPU time per article (the process's own, so a busy machine
inflates it less than wall time), with articles per CPU-second of both. Wall time is what a
user waits. Workers use the gazetteer of the store as it was before the run; the single
process one also learns each article as it is written.

`--without-models` runs the same pipeline with the language models switched off
(`reading.without_models`: the named-entity readings are empty, nothing is loaded); everything
else (segmentation, morphology, lexicons, gazetteer, frames, identity and writing) runs as usual.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing as mp
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from casckg.graph.build.articles import ArticleWriter, find_articles
from casckg.graph.build.job import build
from casckg.graph.store import open_store
from casckg.ingest import reading
from casckg.ingest.article import load_article
from casckg.ingest.language import sentences

REPO = Path(__file__).resolve().parents[1]
_GAZETTEER = None  # set in the parent before forking the pool


def _extract(path: Path):
    """Read and extract one article in a worker: (Document, sentence count, seconds)."""
    from casckg.ingest.contract import read

    start, cpu = time.perf_counter(), time.process_time()
    article = load_article(path)
    doc = read(article, _GAZETTEER)
    wall, used = time.perf_counter() - start, time.process_time() - cpu
    return doc, _sentence_count(article), wall, used


def _sentence_count(article) -> int:
    """The article's sentences, counted outside the timed work."""
    return len(sentences(article.text, article.regions, article.language))


def run_single(store_path: Path, paths: list[Path], repeat: int) -> dict[str, float]:
    extract_s = write_s = extract_cpu = write_cpu = 0.0
    n_sentences = 0
    wall = time.perf_counter()
    with open_store(store_path, read_only=False) as store:
        writer = ArticleWriter(store)
        for _ in range(repeat):
            for path in paths:
                t0, c0 = time.perf_counter(), time.process_time()
                article = load_article(path)
                doc = writer.extract(article)
                t1, c1 = time.perf_counter(), time.process_time()
                writer.write(doc)
                extract_s += t1 - t0
                write_s += time.perf_counter() - t1
                extract_cpu += c1 - c0
                write_cpu += time.process_time() - c1
                n_sentences += _sentence_count(article)
    return {
        "workers": 1,
        "wall": time.perf_counter() - wall,
        "extract": extract_s,
        "write": write_s,
        "extract_cpu": extract_cpu,
        "write_cpu": write_cpu,
        "sentences": n_sentences,
    }


def run_parallel(store_path: Path, paths: list[Path], repeat: int, workers: int) -> dict[str, float]:
    global _GAZETTEER
    extract_s = write_s = extract_cpu = write_cpu = 0.0
    n_sentences = 0
    wall = time.perf_counter()
    with open_store(store_path, read_only=False) as store:
        writer = ArticleWriter(store)
        _GAZETTEER = writer.gazetteer
        with mp.get_context("fork").Pool(workers) as pool:
            for doc, count, seconds, cpu in pool.imap(_extract, paths * repeat):
                t1, c1 = time.perf_counter(), time.process_time()
                writer.write(doc)
                write_s += time.perf_counter() - t1
                write_cpu += time.process_time() - c1
                extract_s += seconds
                extract_cpu += cpu
                n_sentences += count
    return {
        "workers": workers,
        "wall": time.perf_counter() - wall,
        "extract": extract_s,
        "write": write_s,
        "extract_cpu": extract_cpu,
        "write_cpu": write_cpu,
        "sentences": n_sentences,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus (default 3)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="worker processes (default: all)")
    parser.add_argument(
        "--without-models", action="store_true", help="switch the language models off (extraction by form and lexicons)"
    )
    args = parser.parse_args(argv)
    paths, problems, _ = find_articles([args.corpus / "seeds", args.corpus / "dev"])
    if problems or not paths:
        print(f"no articles under {args.corpus}/seeds and dev", file=sys.stderr)
        return 2
    models = reading.without_models() if args.without_models else contextlib.nullcontext()
    with models, tempfile.TemporaryDirectory(prefix="casckg-bench-") as tmp:
        reference = Path(tmp) / "reference"
        build(REPO / "sources", reference)
        rows = []
        for name, runner in (
            ("single process", lambda p: run_single(p, paths, args.repeat)),
            (f"{args.workers} workers + 1 writer", lambda p: run_parallel(p, paths, args.repeat, args.workers)),
        ):
            copy = Path(tmp) / name.replace(" ", "-")
            shutil.copytree(reference.resolve(), copy)
            rows.append((name, runner(copy)))
    articles = len(paths) * args.repeat
    table = Table(
        "mode",
        "articles",
        "sentences",
        "wall s",
        "articles/s",
        "sentences/s",
        "extraction s",
        "write s",
        "extraction CPU ms/article",
        "write CPU ms/article",
        "articles per CPU-s",
        "speed-up",
        title=(
            f"ingest: {len(paths)} articles (seeds + dev) x {args.repeat} passes, {os.cpu_count()} cores, "
            + ("without models" if args.without_models else "with models")
        ),
        title_justify="left",
    )
    base = rows[0][1]["wall"]
    for name, r in rows:
        table.add_row(
            name,
            str(articles),
            str(r["sentences"]),
            f"{r['wall']:.2f}",
            f"{articles / r['wall']:.1f}",
            f"{r['sentences'] / r['wall']:.0f}",
            f"{r['extract']:.2f}",
            f"{r['write']:.2f}",
            f"{1000 * r['extract_cpu'] / articles:.0f}",
            f"{1000 * r['write_cpu'] / articles:.0f}",
            f"{articles / (r['extract_cpu'] + r['write_cpu']):.1f}",
            f"{base / r['wall']:.2f}x",
        )
    Console(width=200).print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
