"""Negation, modality and event status: what an article says did not happen is not asserted.

Hand-written sentences in each language; a reader checks who took part, who is a member and
whether a forum took place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casckg.ingest.extract import extract
from casckg.ingest.negation import event_status, negated, unrealised
from casckg.ingest.tokens import fold


def _facts(tmp_path: Path, gazetteer, language: str, text: str) -> set[tuple[str, str, str]]:
    path = tmp_path / f"{language}.md"
    front = f"---\nid: t-{language}\ntitle: T\npublisher: P\nlanguage: {language}\npublished: 2024-01-01\nurl: https://example.org/{language}\n---\n"
    path.write_text(front + text + "\n", encoding="utf-8")
    doc = extract(path, gazetteer)
    return {
        (s.subject.key, s.predicate, getattr(s.object, "key", None) or s.object.value)
        for s in doc.statements
        if s.predicate != "rdfs:label"
    }


@pytest.mark.parametrize(
    ("language", "text", "present", "absent"),
    [
        (
            "en",
            "The 6th CICA Summit took place in Astana. Kyrgyzstan and Russia took part in the summit. "
            "Kazakhstan did not take part in the summit.",
            {"KGZ", "RUS"},
            {"KAZ"},
        ),
        (
            "fr",
            "Le 6e sommet de la CICA s'est tenu à Astana. Le Kazakhstan n'a pas participé au sommet. "
            "Le Tadjikistan et la Russie ont participé au sommet.",
            {"TJK", "RUS"},
            {"KAZ"},
        ),
        (
            "ru",
            "VI саммит СВМДА прошёл в Астане. В саммите приняли участие Казахстан и Россия, а Туркменистан "
            "не принял участия в саммите.",
            {"KAZ", "RUS"},
            {"TKM"},
        ),
    ],
)
def test_a_negated_clause_names_no_participant(tmp_path, gazetteer, language, text, present, absent):
    participants = {o for _, p, o in _facts(tmp_path, gazetteer, language, text) if p == "cas:participant"}
    assert present <= participants
    assert not participants & absent


def test_a_state_that_is_not_a_member_is_not_made_one(tmp_path, gazetteer):
    facts = _facts(tmp_path, gazetteer, "ru", "Узбекистан не является членом ОДКБ с 2012 года.")
    assert not [f for f in facts if f[1] == "cas:memberOf"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The 6th CICA Summit was to bring together Kazakhstan, Russia and China. The summit was cancelled."),
        ("fr", "Le 6e sommet de la CICA a été annulé. Il devait rassembler le Kazakhstan, la Russie et la Chine."),
        ("ru", "VI саммит СВМДА отменён. В нём должны были принять участие Казахстан, Россия и Китай."),
    ],
)
def test_a_cancelled_forum_has_a_status_and_no_participants(tmp_path, gazetteer, language, text):
    facts = _facts(tmp_path, gazetteer, language, text)
    assert ("cica-summit-2022", "cas:eventStatus", "cancelled") in facts
    assert not [f for f in facts if f[1] == "cas:participant"]


def test_a_postponed_forum_is_postponed_not_cancelled(tmp_path, gazetteer):
    facts = _facts(tmp_path, gazetteer, "en", "The 6th CICA Summit was postponed to next year.")
    assert {f[2] for f in facts if f[1] == "cas:eventStatus"} == {"postponed"}


@pytest.mark.parametrize(
    ("cue", "language", "sentence", "trigger", "expected"),
    [
        # negation reaches the trigger of its own clause only
        ("negated", "en", "Armenia did not take part in the exercise.", "take part", True),
        ("negated", "en", "Armenia took part in the exercise, but Belarus did not.", "took part", False),
        ("negated", "fr", "L'Arménie ne participera pas à l'exercice.", "participera", True),
        ("negated", "fr", "Le Kazakhstan, qui n'est pas membre, a participé à l'exercice.", "a participe", False),
        ("negated", "ru", "Узбекистан не является членом ОДКБ.", "членом", True),
        ("negated", "ru", "Россия является членом ОДКБ.", "членом", False),
        ("negated", "en", "Kazakhstan not only took part in the exercise but hosted it.", "took part", False),
        ("negated", "ru", "Казахстан не только принял участие в учениях.", "принял участие", False),
        ("negated", "en", "Resolution No. 1325 was adopted by the Security Council.", "adopted by", False),
        # what was meant to happen is not what happened
        ("unrealised", "en", "The exercise was to include troops from Kazakhstan.", "include", True),
        (
            "unrealised",
            "en",
            "The exercise took place on May 31 and brought together troops from Kazakhstan.",
            "brought",
            False,
        ),
        ("unrealised", "fr", "Il devait rassembler des troupes des six pays membres.", "rassembler", True),
        ("unrealised", "ru", "В учениях должны были принять участие военные шести стран.", "принять участие", True),
    ],
)
def test_clause_cues(cue, language, sentence, trigger, expected):
    folded = fold(sentence)
    start = folded.index(trigger)
    if cue == "negated":
        assert negated(folded, start, start + len(trigger), language) is expected
    else:
        assert unrealised(folded, start, language) is expected


@pytest.mark.parametrize(
    ("language", "sentence", "status"),
    [
        ("en", "Official Bishkek announced that it is canceling the exercise.", "cancelled"),
        ("fr", "Bichkek a annoncé l'annulation pure et simple de l'exercice.", "cancelled"),
        ("ru", "Учения «Нерушимое братство» отменены.", "cancelled"),
        ("fr", "Le sommet est reporté à une date ultérieure.", "postponed"),
        ("ru", "В Астане состоится совещание министров обороны.", "planned"),
        ("en", "The meeting took place in Almaty.", None),
    ],
)
def test_status_words(language, sentence, status):
    assert event_status(fold(sentence), language) == status


def test_an_announced_forum_told_as_under_way_is_not_only_planned(tmp_path, gazetteer):
    planned = _facts(tmp_path, gazetteer, "en", "The 6th CICA Summit will be held in Astana on 13 October.")
    assert ("cica-summit-2022", "cas:eventStatus", "planned") in planned
    told = _facts(
        tmp_path,
        gazetteer,
        "en",
        "The 6th CICA Summit will be held in Astana. Leaders arrived on Tuesday. On 13 October the 6th CICA "
        "Summit took place in Astana.",
    )
    assert not [f for f in told if f[1] == "cas:eventStatus"]


def test_the_status_is_in_the_forum_details(tmp_path, gazetteer):
    """An analyst asks forum-details about a forum an article calls cancelled and reads its status."""
    from casckg.graph.build.job import ontology_quads
    from casckg.graph.build.quads import document_quads
    from casckg.graph.query import resolve, rows, run
    from casckg.graph.store.embedded import EmbeddedStore

    path = tmp_path / "cancelled.md"
    path.write_text(
        "---\nid: cancelled\ntitle: T\npublisher: P\nlanguage: en\npublished: 2022-10-10\n"
        "url: https://example.org/cancelled\n---\nThe 6th CICA Summit was cancelled.\n",
        encoding="utf-8",
    )
    store = EmbeddedStore()
    try:
        store.bulk_add(ontology_quads())
        store.bulk_add(document_quads(extract(path, gazetteer)))
        header, table = rows(run(store, resolve("forum-details"), {"forum": "forum/cica-summit-2022"}))
    finally:
        store.close()
    found = [dict(zip(header, row, strict=True)) for row in table]
    assert [r["value"] for r in found if r["property"] == "eventStatus"] == ["cancelled"]


def test_a_name_denied_gives_no_part(tmp_path, gazetteer):
    facts = _facts(tmp_path, gazetteer, "ru", "В Таджикистане нет центра НАТО, но есть Центр ОБСЕ в Душанбе.")
    parts = {(s, o) for s, p, o in facts if p == "cas:partOf"}
    assert ("osce-po-dushanbe", "osce") in parts
    assert not [o for _, o in parts if o == "nato"]
