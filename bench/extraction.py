"""Extraction quality three ways: all of seeds+dev, cold, and by publisher, with run-to-run deltas.

    python bench/extraction.py [--corpus ../shared/corpus] [--save run.json]
                               [--compare before.json [--motivated-by PUBLISHER]] [--relations]

Why three scores. The corpus score flatters: the reference records name most of the corpus's
own events and people, so the gazetteer finds them whether or not extraction works. New
articles are mostly about events no record knows. So:

- **all**: every seeds+dev article, read with the reference records' gazetteer;
- **cold**: the same articles, read with a gazetteer that keeps only states, organisations,
  missions and places (the records' forums, people, agreements, initiatives and resolutions are
  left out), which is what a user's own new articles meet;
- **by publisher**: each publisher's articles scored apart (cold), so a change made for one
  article can be judged on every *other* publisher. `--save` writes a run; `--compare` prints the
  change against a saved run, overall and without the publisher that motivated the change
  (`--motivated-by`, a part of its name). A change is worth keeping when the second line improves.

The scorer is the shared one (`shared/tools/score_extraction.py`), run in process.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import yaml

from casckg.graph.build.mint import entity_iri
from casckg.ingest.article import load_article
from casckg.ingest.extract import extract
from casckg.ingest.extraction import extraction_json
from casckg.ingest.gazetteer import Gazetteer
from casckg.ingest.loaders.reference import load_reference_dir
from casckg.ingest.records import Document

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "sources"
MAPPING = REPO / "ingest" / "gold_mapping.yaml"
SHARED = Path(os.environ.get("CASCKG_SHARED", REPO.parent / "shared"))
# what a new article's events and people are: unknown to the records (the "cold" set-up)
COLD_LEFT_OUT = frozenset({"Forum", "Person", "Agreement", "Initiative", "Resolution"})
PARTS = ("entities", "relations")


@dataclass(frozen=True)
class ArticleScore:
    """The shared scorer's counts for one article, with what the article is."""

    name: str
    language: str
    publisher: str
    result: dict


def load_scorer(shared: Path = SHARED) -> ModuleType:
    """The shared scorer as a module (read from the shared folder, never copied)."""
    path = shared / "tools" / "score_extraction.py"
    if not path.is_file():
        raise FileNotFoundError(f"the shared scorer is missing: expected it at {path} (or set CASCKG_SHARED)")
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference_documents(sources: Path = SOURCES) -> list[Document]:
    folder = sources / "reference"
    return load_reference_dir(folder, root=sources) if folder.is_dir() else []


def without_classes(documents: Iterable[Document], left_out: frozenset[str]) -> list[Document]:
    """The documents less every entity of a left-out class and every statement about one."""
    out = []
    for doc in documents:
        gone = {e.ref for e in doc.entities if set(e.classes) & left_out}
        kept = Document(doc.source)
        kept.entities = [e for e in doc.entities if e.ref not in gone]
        kept.statements = [s for s in doc.statements if s.subject not in gone]
        out.append(kept)
    return out


def gazetteers(sources: Path = SOURCES) -> dict[str, Gazetteer]:
    """The two set-ups: the records' full gazetteer, and the cold one."""
    documents = reference_documents(sources)
    return {
        "all": Gazetteer.from_documents(documents),
        "cold": Gazetteer.from_documents(without_classes(documents, COLD_LEFT_OUT)),
    }


def publisher_group(publisher: str | None) -> str:
    """One name per publisher: "Asia-Plus (asiaplus.news)" and "Asia-Plus (asiaplustj.info)" are one."""
    return (publisher or "unknown").split(" (")[0].strip()


def corpus_articles(corpus: Path, folders: tuple[str, ...] = ("seeds", "dev")) -> list[tuple[Path, Path]]:
    """(article, gold) pairs of the corpus folders, sorted."""
    pairs = []
    for folder in folders:
        for gold in sorted((corpus / folder).glob("*.gold.yaml")):
            pairs.append((gold.with_name(gold.name.replace(".gold.yaml", ".md")), gold))
    return pairs


def score_articles(
    pairs: list[tuple[Path, Path]],
    gazetteer: Gazetteer,
    scorer: ModuleType,
    extractor: Callable[[Path, Gazetteer], Document] = lambda path, gaz: extract(path, gaz),
) -> list[ArticleScore]:
    """Extract every article with the gazetteer and score it against its gold file."""
    types, relations = scorer.load_mapping(MAPPING)
    out = []
    for article, gold_path in pairs:
        loaded = load_article(article)
        doc = extractor(article, gazetteer)
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        result = scorer.score(extraction_json(doc, entity_iri), gold, types, relations)
        name = f"{article.parent.name}/{article.stem}"
        out.append(ArticleScore(name, loaded.language, publisher_group(loaded.source.publisher), result))
    return out


def summary(scorer: ModuleType, scores: Iterable[ArticleScore]) -> dict:
    return scorer.total([s.result for s in scores])


def per_relation(scores: Iterable[ArticleScore]) -> dict[str, dict[str, int]]:
    """Missed gold relations and spurious statements, counted per gold relation name."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"missed": 0, "spurious": 0})
    for s in scores:
        for item in s.result["relations"]["missed"]:
            counts[item[1]]["missed"] += 1
        for item in s.result["relations"]["spurious"]:
            counts[item[1]]["spurious"] += 1
    return counts


def _line(label: str, n: int, total: dict) -> str:
    cells = [f"{total[p]['precision']:.3f} {total[p]['recall']:.3f} {total[p]['f1']:.3f}" for p in PARTS]
    return f"| {label:<14} | {n:>3} | {cells[0]} | {cells[1]} |"


def table(scorer: ModuleType, runs: dict[str, list[ArticleScore]]) -> str:
    """Markdown table: one row per set-up and language, P R F1 for entities and relations."""
    rows = ["| set-up / lang  |   n | entities P R F1    | relations P R F1   |", "|---|---|---|---|"]
    for setup, scores in runs.items():
        for lang in ("en", "fr", "ru", None):
            chosen = [s for s in scores if lang is None or s.language == lang]
            rows.append(_line(f"{setup} {lang or 'all'}", len(chosen), summary(scorer, chosen)))
    return "\n".join(rows)


def publisher_table(scorer: ModuleType, scores: list[ArticleScore]) -> str:
    by: dict[str, list[ArticleScore]] = defaultdict(list)
    for s in scores:
        by[s.publisher].append(s)
    rows = ["| publisher | n | entities F1 | relations F1 |", "|---|---|---|---|"]
    for name in sorted(by):
        t = summary(scorer, by[name])
        rows.append(f"| {name} | {len(by[name])} | {t['entities']['f1']:.3f} | {t['relations']['f1']:.3f} |")
    return "\n".join(rows)


def to_json(runs: dict[str, list[ArticleScore]]) -> dict:
    return {setup: [s.__dict__ for s in scores] for setup, scores in runs.items()}


def from_json(data: dict) -> dict[str, list[ArticleScore]]:
    return {setup: [ArticleScore(**s) for s in scores] for setup, scores in data.items()}


def compare(
    scorer: ModuleType,
    before: dict[str, list[ArticleScore]],
    after: dict[str, list[ArticleScore]],
    motivated_by: str | None,
) -> str:
    """F1 before and after, overall and on the publishers other than the motivating one."""
    rows = ["| set-up | articles | entities F1 before -> after | relations F1 before -> after |", "|---|---|---|---|"]
    for setup in after:
        if setup not in before:
            continue
        groups = {"every article": lambda s: True}
        if motivated_by:
            groups[f"without '{motivated_by}'"] = lambda s: motivated_by.lower() not in s.publisher.lower()
        for label, keep in groups.items():
            b = summary(scorer, [s for s in before[setup] if keep(s)])
            a = summary(scorer, [s for s in after[setup] if keep(s)])
            n = sum(1 for s in after[setup] if keep(s))
            rows.append(
                f"| {setup} | {label} ({n}) | {b['entities']['f1']:.3f} -> {a['entities']['f1']:.3f} "
                f"| {b['relations']['f1']:.3f} -> {a['relations']['f1']:.3f} |"
            )
    changed = []
    old = {s.name: s for s in before.get("cold", [])}
    for s in after.get("cold", []):
        if s.name in old:
            d = scorer.total([s.result])["relations"]["f1"] - scorer.total([old[s.name].result])["relations"]["f1"]
            if abs(d) >= 0.0005:
                changed.append(f"  {d:+.3f}  {s.name} ({s.publisher})")
    if changed:
        rows.append("\ncold relations F1 changed on:\n" + "\n".join(sorted(changed)))
    return "\n".join(rows)


def run(corpus: Path, scorer: ModuleType) -> dict[str, list[ArticleScore]]:
    pairs = corpus_articles(corpus)
    return {setup: score_articles(pairs, gaz, scorer) for setup, gaz in gazetteers().items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--save", type=Path, help="write this run's per-article scores (JSON)")
    parser.add_argument("--compare", type=Path, help="a run saved earlier with --save")
    parser.add_argument("--motivated-by", help="the publisher (part of its name) whose article motivated the change")
    parser.add_argument("--relations", action="store_true", help="also list missed and spurious counts per relation")
    args = parser.parse_args(argv)
    scorer = load_scorer()
    runs = run(args.corpus, scorer)
    print(table(scorer, runs))
    print()
    print(publisher_table(scorer, runs["cold"]))
    if args.relations:
        print("\n| relation (cold) | missed | spurious |\n|---|---|---|")
        for name, c in sorted(per_relation(runs["cold"]).items()):
            print(f"| {name} | {c['missed']} | {c['spurious']} |")
    if args.save:
        args.save.write_text(json.dumps(to_json(runs)), encoding="utf-8")
    if args.compare:
        print()
        print(compare(scorer, from_json(json.loads(args.compare.read_text(encoding="utf-8"))), runs, args.motivated_by))
    return 0


if __name__ == "__main__":
    sys.exit(main())
