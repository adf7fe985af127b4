"""Topics a meeting discussed, read through the multilingual topic vocabulary: the gold names topics in
English whatever the article's language, so a French or Russian sentence must yield the English label.
Golden answers are the corpus gold files' `discussed` relations; each case is a different construction
from a different publisher.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from casckg.graph.build.mint import entity_iri
from casckg.ingest.extract import extract
from casckg.ingest.extraction import extraction_json
from casckg.ingest.tokens import fold
from casckg.ingest.topics import labels_in

MAPPING = Path(__file__).resolve().parents[1] / "ingest" / "gold_mapping.yaml"


@pytest.fixture(scope="module")
def scorer(scorer_path):
    spec = importlib.util.spec_from_file_location("score_extraction", scorer_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("article", "topics"),
    [
        # "Les discussions ont également porté sur les connexions de transport, les projets dans le domaine de
        # l'énergie verte et la sécurité de l'eau" (a list after "porter sur", an adverb in between)
        ("dev/amoledo-accord-frontalier-trilateral-khodjent-2025", {"transport connections", "water security"}),
        # "Les participants se sont concentrés sur le renforcement des mesures de sécurité aux frontières, la
        # prévention des menaces transfrontalières, ... l'interconnectivité régionale et ... changement climatique"
        (
            "dev/lasitique-forum-osce-ministres-asie-centrale-achgabat-2023",
            {
                "strengthening border security measures",
                "prevention of cross-border threats",
                "regional interconnectivity",
                "joint mitigation of the effects of climate change",
            },
        ),
        # "an open and friendly exchange of views on matters of international and regional security"
        ("dev/sectsco-sco-defence-ministers-meeting-bishkek-2019", {"international and regional security"}),
    ],
)
def test_topics_after_a_discussion_cue_are_found_in_english(scorer, corpus, gazetteer, article, topics):
    gold = yaml.safe_load((corpus / f"{article}.gold.yaml").read_text(encoding="utf-8"))
    wanted = [r for r in gold["relations"] if r[1] == "discussed" and r[2] in topics]
    assert len(wanted) == len(topics)
    types, relations = scorer.load_mapping(MAPPING)
    doc = extract(corpus / f"{article}.md", gazetteer)
    result = scorer.score(extraction_json(doc, entity_iri), gold, types, relations)
    assert not [r for r in result["relations"]["missed"] if r in wanted]


@pytest.mark.parametrize(
    ("language", "text", "gold_topic"),
    [
        # the Sarbaz article: "обмен мнениями по актуальным вопросам международной и региональной безопасности"
        (
            "ru",
            "обмен мнениями по актуальным вопросам международной и региональной безопасности",
            "current issues of international and regional security",
        ),
        # the Tajik foreign ministry's release: "особо выделил складывающуюся ситуацию в Афганистане"
        ("ru", "особо выделил складывающуюся ситуацию в Афганистане", "situation in Afghanistan"),
        # Sputnik Afrique: "accorder au Tadjikistan une assistance militaro-technique"
        (
            "fr",
            "accorder au Tadjikistan une assistance militaro-technique",
            "military-technical assistance to Tajikistan",
        ),
    ],
)
def test_a_french_or_russian_phrase_names_the_gold_topic_in_english(scorer, language, text, gold_topic):
    labels = labels_in(fold(text), language)
    assert labels, text
    assert any(scorer.literal_match(gold_topic, label) for label in labels)
