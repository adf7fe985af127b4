"""Extraction quality on the shared corpus, scored by the shared scorer against the gold files.

Two set-ups, as `bench/extraction.py` prints them (`python bench/extraction.py` for the tables,
by language and by publisher): **all**, read with the reference records' gazetteer, and
**cold**, read with a gazetteer without the records' forums, people, agreements, initiatives
and resolutions (what a user's own new articles meet). The floors are the level reached on the
45 articles of seeds and dev, less a small margin; raise them as the work goes. Per-language
scores are printed with `pytest -s`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bench.extraction import corpus_articles, gazetteers, load_scorer, score_articles, summary
from casckg.graph.build.mint import entity_iri
from casckg.ingest.extract import extract
from casckg.ingest.extraction import extraction_json

REPO = Path(__file__).resolve().parents[1]
MAPPING = REPO / "ingest" / "gold_mapping.yaml"
# level reached on seeds+dev (45 articles): all 0.929 / 0.834, cold 0.932 / 0.834
FLOORS = {"all": (0.925, 0.83), "cold": (0.93, 0.83)}


@pytest.fixture(scope="module")
def scorer(scorer_path):
    return load_scorer(scorer_path.parents[1])


@pytest.fixture(scope="module")
def results(scorer, corpus):
    pairs = corpus_articles(corpus)
    return {setup: score_articles(pairs, gaz, scorer) for setup, gaz in gazetteers().items()}


def test_every_mapped_term_is_in_the_ontology():
    from casckg.ontology import load

    terms = {str(s) for s in load().subjects()}
    mapping = yaml.safe_load(MAPPING.read_text(encoding="utf-8"))
    missing = [t for t in [*mapping["types"], *mapping["relations"]] if t not in terms]
    assert not missing


@pytest.mark.parametrize("setup", sorted(FLOORS))
def test_seeds_and_dev_reach_the_floor(scorer, results, setup):
    scores = results[setup]
    assert len(scores) == 45
    for lang in ("en", "fr", "ru", None):
        chosen = [s for s in scores if lang is None or s.language == lang]
        total = summary(scorer, chosen)
        print(
            f"\n{setup} {lang or 'all':>4} ({len(chosen)} articles): "
            + "  ".join(
                f"{k} P={total[k]['precision']:.3f} R={total[k]['recall']:.3f} F1={total[k]['f1']:.3f}"
                for k in ("entities", "relations")
            )
        )
    total = summary(scorer, scores)
    entity_floor, relation_floor = FLOORS[setup]
    assert total["entities"]["f1"] >= entity_floor
    assert total["relations"]["f1"] >= relation_floor


@pytest.mark.parametrize(
    ("article", "relation", "objects"),
    [
        # participants listed on the lines after "was attended by:", each line "State – President Name"
        (
            "dev/newscentralasia-5th-consultative-meeting-dushanbe-2023",
            "participant",
            {"Kazakhstan", "Kyrgyzstan", "Turkmenistan", "Uzbekistan", "Azerbaijan", "Sadyr Japarov", "Ilham Aliyev"},
        ),
        ("dev/newscentralasia-5th-consultative-meeting-dushanbe-2023", "affiliated_with", {"Kazakhstan", "Azerbaijan"}),
        # "The exercise, dubbed Rubezh-2014": the exercise told before its name is the named one
        ("dev/asiaplus-tajik-task-force-csto-rubezh-2014", "participant", {"Kazakhstan", "Kyrgyzstan", "Russia"}),
        # "held in Khatlon, Sugd and the Kuhistani Badakhshan Autonomous region": every coordinated place
        (
            "dev/osce-dushanbe-mobile-training-courses-tajik-border-troops-2019",
            "hosted_in",
            {"Khatlon", "Sugd", "Kuhistani Badakhshan Autonomous Region"},
        ),
        # topics listed before "were the focus of"
        ("dev/osce-dushanbe-mobile-training-courses-tajik-border-troops-2019", "discussed", {"human rights"}),
    ],
)
def test_relations_a_reader_finds_in_lists_and_appositions(scorer, corpus, gazetteer, article, relation, objects):
    """Gold relations (from the article's gold file) that need list, colon-list and apposition handling."""
    gold = yaml.safe_load((corpus / f"{article}.gold.yaml").read_text(encoding="utf-8"))
    wanted = [r for r in gold["relations"] if r[1] == relation and r[2] in objects]
    assert len(wanted) == len(objects)
    types, relations = scorer.load_mapping(MAPPING)
    result = scorer.score(
        extraction_json(extract(corpus / f"{article}.md", gazetteer), entity_iri), gold, types, relations
    )
    missed = [r for r in result["relations"]["missed"] if r in wanted]
    assert not missed


def test_every_statement_has_evidence_in_the_original_text(corpus, gazetteer):
    article = corpus / "seeds" / "turkishnewsworld-kazcent-roundtable-en.md"
    text = article.read_text(encoding="utf-8")
    doc = extract(article, gazetteer)
    extracted = [s for s in doc.statements if s.predicate != "rdfs:label"]
    assert extracted
    for st in extracted:
        assert st.evidence is not None and text[st.evidence.start : st.evidence.end] == st.evidence.text
        assert st.extractor and 0 < st.confidence <= 1
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text


def test_the_seed_roundtable_facts_an_analyst_checks(corpus, gazetteer):
    """Organiser, place and day of the roundtable, as the English seed's gold file states them."""
    doc = extract(corpus / "seeds" / "turkishnewsworld-kazcent-roundtable-en.md", gazetteer)
    facts = {(s.predicate, getattr(s.object, "key", None) or getattr(s.object, "value", None)) for s in doc.statements}
    assert ("cas:organizedBy", "kazcent") in facts
    assert ("cas:hostedIn", "almaty") in facts
    assert ("cas:date", "--05-31") in facts


@pytest.mark.slow
def test_the_scorer_runs_the_cli_on_the_seeds(scorer_path, corpus, built_store):
    casckg = Path(sys.executable).parent / "casckg"
    proc = subprocess.run(
        [
            sys.executable,
            str(scorer_path),
            "--corpus",
            str(corpus / "seeds"),
            "--extractor",
            f"{casckg} extract {{article}} --json --store {built_store}",
            "--mapping",
            str(MAPPING),
            "--json",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
        check=True,
    )
    summary = json.loads(proc.stdout)
    assert summary["articles"] == 2
    assert summary["entities"]["f1"] >= FLOORS["all"][0]
