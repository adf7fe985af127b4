"""Relations whose object is a literal (a day, a topic) attached by the construction that states it:
the day of the event named in the same clause or list item, the topics a meeting's sentence lists.
Golden answers are read from the corpus gold files; each case names the construction it checks."""

from __future__ import annotations

import pytest
import yaml

from bench.extraction import MAPPING, load_scorer
from casckg.graph.build.mint import entity_iri
from casckg.ingest.extract import extract
from casckg.ingest.extraction import extraction_json


@pytest.fixture(scope="module")
def scorer(scorer_path):
    return load_scorer(scorer_path.parents[1])


def _missed(scorer, corpus, gazetteer, article: str, wanted: list[list[str]]) -> list[list[str]]:
    gold = yaml.safe_load((corpus / f"{article}.gold.yaml").read_text(encoding="utf-8"))
    assert all(w in gold["relations"] for w in wanted), "the case must be in the gold file"
    types, relations = scorer.load_mapping(MAPPING)
    doc = extract(corpus / f"{article}.md", gazetteer)
    result = scorer.score(extraction_json(doc, entity_iri), gold, types, relations)
    return [r for r in result["relations"]["missed"] if r in wanted]


@pytest.mark.parametrize(
    ("article", "wanted"),
    [
        # "13 октября пройдет VI саммит СВМДА, 14 октября – заседание ..., и 14 октября – Саммит «Центральная
        # Азия – Россия»": each item of a list dates its own event
        (
            "dev/gazeta-kirgiziya-otmenila-ucheniya-nerushimoe-bratstvo-2022",
            [["Central Asia–Russia Summit (Astana 2022)", "held_on", "--10-14"]],
        ),
        # "их экстренный саммит, прошедший 20 августа в Бишкеке": a participle clause of the event
        (
            "dev/vremya-ekstrennyi-sammit-bishkek-2000",
            [["Emergency summit of Central Asian presidents in Bishkek (2000-08-20)", "held_on", "2000-08-20"]],
        ),
        # "On 29 April 2019, ... Bishkek, hosted the latest Meeting of Defence Ministers": a sentence opens with its day
        (
            "dev/sectsco-sco-defence-ministers-meeting-bishkek-2019",
            [["Meeting of SCO Defence Ministers (Bishkek, 2019)", "held_on", "2019-04-29"]],
        ),
    ],
)
def test_the_day_of_the_event_its_clause_names(scorer, corpus, gazetteer, article, wanted):
    assert _missed(scorer, corpus, gazetteer, article, wanted) == []


def test_the_topics_a_discussion_phrase_governs(corpus, gazetteer):
    # "The Heads of Defence Agencies had an open and friendly exchange of views on matters of international and
    # regional security and on further strengthening business-like defence and security cooperation.": the
    # phrases after "exchange of views on", split at "and on", not at an "and" between two modifiers of one noun
    doc = extract(corpus / "dev" / "sectsco-sco-defence-ministers-meeting-bishkek-2019.md", gazetteer)
    labels = {st.subject: st.object.value for st in doc.statements if st.predicate == "rdfs:label"}
    topics = {
        labels[st.object] for st in doc.statements if st.predicate == "cas:discussed" and st.object.path == "topic"
    }
    assert "matters of international and regional security" in topics
    assert "further strengthening business-like defence and security cooperation" in topics
    assert "matters of international" not in topics


def test_a_planned_event_is_dated_on_or_after_the_article(corpus, gazetteer):
    # an article of October 2022: "14 октября – Саммит «Центральная Азия – Россия»" in a sentence saying the
    # summits will take place ("пройдет"): the summit is in October 2022, not in the October before
    doc = extract(corpus / "dev" / "gazeta-kirgiziya-otmenila-ucheniya-nerushimoe-bratstvo-2022.md", gazetteer)
    days = {st.object.value for st in doc.statements if st.predicate == "cas:date" and "10-14" in st.object.value}
    assert days == {"2022-10-14"}
