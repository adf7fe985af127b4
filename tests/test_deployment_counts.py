"""A count of personnel belongs to the mission its own phrase names, not to the nearest one: "six
officers in Western Sahara, two officers in the Central African Republic" gives six to the mission in
Western Sahara and two to the one in the CAR; "67 officers took part in UN missions in Western Sahara,
Côte d'Ivoire, Mali…" is a count for the UN missions in general. The figures are those the articles
state, read by hand."""

from __future__ import annotations

import pytest

from casckg.ingest.extract import extract
from casckg.ingest.records import Ref


def _counts(doc) -> set[tuple[str, int]]:
    """(mission key, count) of each deployment node the article gives."""
    nodes: dict[Ref, dict[str, object]] = {}
    for st in doc.statements:
        if st.subject.path == "deployment" and st.predicate in ("cas:mission", "cas:personnelCount"):
            nodes.setdefault(st.subject, {})[st.predicate] = st.object
    return {(n["cas:mission"].key, int(n["cas:personnelCount"].value)) for n in nodes.values()}


def test_each_count_goes_to_the_mission_of_its_own_phrase(corpus, gazetteer):
    # "… 67 казахстанских офицеров приняли участие в миссиях ООН в Западной Сахаре, Кот-д’Ивуаре, …";
    # "… в миссии "Временные силы ООН в Ливане" … участвовали 538 военнослужащих …";
    # "… в миссиях ООН: шесть офицеров в Западной Сахаре, два офицера в Центральноафриканской республике,
    # два офицера в Демократической республике Конго, девять военнослужащих в Ливане."
    doc = extract(corpus / "dev" / "mgorod-kazakhstan-mirotvortsy-golan-sovmestnoe-zasedanie-2024.md", gazetteer)
    assert _counts(doc) == {
        ("un-missions", 67),
        ("unifil", 538),
        ("minurso", 6),
        ("minusca", 2),
        ("monusco", 2),
        ("unifil", 9),
    }


def test_missions_in_several_places_are_not_one_mission_located_in_the_first(corpus, gazetteer):
    # "… deployed to various missions in Nepal, Côte d’Ivoire, Mali, Lebanon, …"
    doc = extract(corpus / "seeds" / "turkishnewsworld-kazcent-roundtable-en.md", gazetteer)
    located = {(st.subject.key, st.object.key) for st in doc.statements if st.predicate == "cas:missionLocation"}
    assert not [pair for pair in located if pair[0] == "un-missions"]
    assert {place for _, place in located} >= {"NPL", "CIV", "MLI", "LBN"}


def test_peacekeepers_sent_to_a_place_count_for_the_mission_there(corpus, gazetteer):
    # "The country is to send 139 peacekeepers to the Golan Heights" (no mission named: UNDOF serves there)
    doc = extract(corpus / "dev" / "qazinform-kazakhstan-to-send-139-peacekeepers-golan.md", gazetteer)
    assert ("undof", 139) in _counts(doc)


def test_a_national_contingent_is_the_one_the_article_sends(corpus, gazetteer):
    # "… le contingent national de maintien de la paix - composé de 139 militaires … - a été déployé dans
    # le cadre de la mission sur le plateau du Golan": no state in the sentence, Kazakhstan's contingent
    doc = extract(corpus / "dev" / "lagazetteaz-kazakhstan-renforce-missions-maintien-paix-onu.md", gazetteer)
    contributors = {st.subject: st.object.key for st in doc.statements if st.predicate == "cas:contributor"}
    counts = {
        contributors.get(st.subject): int(st.object.value)
        for st in doc.statements
        if st.predicate == "cas:personnelCount"
    }
    assert counts == {"KAZ": 139}


def _article(tmp_path, language: str, text: str):
    path = tmp_path / "article.md"
    path.write_text(
        f"---\nid: counts\nurl: https://example.org/counts\ntitle: Counts\npublisher: Example\n"
        f"language: {language}\npublished: 2024-05-01\n---\n\n{text}\n",
        encoding="utf-8",
    )
    return path


def test_thousands_multiply_and_a_negated_count_counts_nothing(tmp_path, gazetteer):
    text = "Киргизия направит 2 тыс. миротворцев в Ливан. Казахстан не будет направлять 300 миротворцев в Сирию."
    assert {n for _, n in _counts(extract(_article(tmp_path, "ru", text), gazetteer))} == {2000}
    text = "Le Kazakhstan n'enverra pas de contingent de 300 soldats en Syrie."
    assert _counts(extract(_article(tmp_path, "fr", text), gazetteer)) == set()


def test_officers_sent_to_a_city_are_no_peace_operation(tmp_path, gazetteer):
    doc = extract(
        _article(tmp_path, "en", "Uzbekistan sent 50 officers to Moscow for training at the academy."), gazetteer
    )
    assert _counts(doc) == set()


@pytest.mark.parametrize(
    ("language", "text", "count"),
    [
        # inflected Russian number words, a multiplier after them, a collective numeral
        ("ru", "Казахстан направил в миротворческую миссию ООН в Ливане около двух тысяч военнослужащих.", 2000),
        ("ru", "Казахстан направил в миротворческую миссию ООН в Ливане сто двадцать военнослужащих.", 120),
        ("ru", "Казахстан направил в миротворческую миссию ООН в Ливане пятерых офицеров.", 5),
        ("en", "Kazakhstan sent two hundred and fifty peacekeepers to the UN mission in Lebanon.", 250),
        ("fr", "Le Kazakhstan a envoyé deux cents casques bleus à la mission de l'ONU au Liban.", 200),
        # "une centaine": about a hundred, not one
        ("fr", "Le Kazakhstan a envoyé une centaine de casques bleus à la mission de l'ONU au Liban.", 100),
    ],
)
def test_counts_written_in_words(tmp_path, gazetteer, language, text, count):
    assert {n for _, n in _counts(extract(_article(tmp_path, language, text), gazetteer))} == {count}


def test_hundreds_of_troops_is_no_count(tmp_path, gazetteer):
    text = "Kazakhstan sent hundreds of peacekeepers to the UN mission in Lebanon."
    assert _counts(extract(_article(tmp_path, "en", text), gazetteer)) == set()
