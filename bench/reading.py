"""What the linguistic backbone costs: model load, gazetteer build, and extraction per article
with the models against without them (the baseline), per language.

    python bench/reading.py [--corpus ../shared/corpus] [--repeat 1]

Model load and gazetteer build happen once per process and are timed apart. Then each seeds+dev
article is extracted `--repeat` times with the models (named-entity recognition and tagging) and
with the models switched off (`reading.without_models`: every reading empty), which is
extraction as it was before the backbone.
Articles are read from disk once, before timing. Wall time is what a user waits; CPU time (the
process's, all its threads) is the cost per core, and the steadier figure on a shared machine.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import time
from collections import defaultdict
from pathlib import Path

from rich.console import Console
from rich.table import Table

from casckg.ingest import reading
from casckg.ingest.article import load_article
from casckg.ingest.extract import extract
from casckg.ingest.extraction import reference_gazetteer

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CASCKG_SHARED", REPO.parent / "shared"))


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _wall_and_cpu(fn) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    console = Console(width=140)
    once = Table("once per process", "seconds", title="Loading", title_justify="left")
    for language in ("fr", "ru"):
        once.add_row(
            f"{language} model ({reading.PACKAGES[language]})",
            f"{_timed(lambda lang=language: reading.load(lang)):.2f}",
        )
    gazetteer = None

    def build() -> None:
        nonlocal gazetteer
        gazetteer = reference_gazetteer(REPO / "sources")

    once.add_row("gazetteer (reference records, every state)", f"{_timed(build):.2f}")
    console.print(once)

    articles = [load_article(p) for folder in ("seeds", "dev") for p in sorted((args.corpus / folder).glob("*.md"))]
    spent: dict[tuple[str, str], float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)  # models, per language
    count: dict[str, int] = defaultdict(int)
    for article in articles:
        count[article.language] += args.repeat
        for setup, switch in (("models", contextlib.nullcontext), ("baseline", reading.without_models)):
            with switch():
                for _ in range(args.repeat):
                    wall, used = _wall_and_cpu(lambda a=article: extract(a, gazetteer))
                    spent[(setup, article.language)] += wall
                    if setup == "models":
                        cpu[article.language] += used
    table = Table(
        "language",
        "articles",
        "baseline ms/article",
        "models ms/article",
        "models articles/s",
        "models CPU ms/article",
        "models articles/CPU s",
        title="Extraction per article (models loaded)",
        title_justify="left",
    )
    for language in sorted(count) + ["all"]:
        n = sum(count.values()) if language == "all" else count[language]
        base = sum(v for (s, lang), v in spent.items() if s == "baseline" and language in (lang, "all"))
        with_models = sum(v for (s, lang), v in spent.items() if s == "models" and language in (lang, "all"))
        used = sum(v for lang, v in cpu.items() if language in (lang, "all"))
        table.add_row(
            language,
            str(n),
            f"{1000 * base / n:.0f}",
            f"{1000 * with_models / n:.0f}",
            f"{n / with_models:.1f}",
            f"{1000 * used / n:.0f}",
            f"{n / used:.1f}",
        )
    console.print(table)


if __name__ == "__main__":
    main()
