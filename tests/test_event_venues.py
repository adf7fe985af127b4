"""Where an event sat when the sentence tells it at length (a place that ends the clause after a long
object, a place that opens it before the verb, and the near misses that name a place of something else),
and who organised it when its name names bodies.

Hand-written sentences in each language; a reader checks where the event the sentence tells was held and
by whom.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casckg.ingest.extract import extract

# a first sentence, so that the one tested is read as the article's body
LEAD = {
    "en": "The press service reported this. ",
    "fr": "Le service de presse l'a annoncé. ",
    "ru": "Об этом сообщила пресс-служба. ",
}


def _objects(tmp_path: Path, gazetteer, language: str, text: str, predicate: str) -> set[str]:
    """The keys of what the article's statements of `predicate` point to (places, organisers)."""
    path = tmp_path / f"{language}.md"
    front = (
        f"---\nid: v-{language}\ntitle: T\npublisher: P\nlanguage: {language}\n"
        f"published: 2024-01-01\nurl: https://example.org/{language}\n---\n"
    )
    path.write_text(front + LEAD[language] + text + "\n", encoding="utf-8")
    return {s.object.key for s in extract(path, gazetteer).statements if s.predicate == predicate}


def _venues(tmp_path: Path, gazetteer, language: str, text: str) -> set[str]:
    """The places and states the article's events are said to be held in."""
    return _objects(tmp_path, gazetteer, language, text, "cas:hostedIn")


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        (
            "en",
            "The Prime Minister of Tajikistan received a delegation of the Committee of Secretaries of the Security "
            "Councils of the member states of the Commonwealth of Independent States (CIS) in Dushanbe.",
            "dushanbe",
        ),
        (
            "fr",
            "Le président kazakh a reçu une délégation du Conseil des ministres de la Défense des États membres de "
            "l'OTSC à Astana.",
            "astana",
        ),
        (  # the place opens the sentence, the organiser stands between it and the verb
            "ru",
            "В Душанбе Советом министров обороны государств-членов ОДКБ проведены совместные учения «Рубеж-2025».",
            "dushanbe",
        ),
        ("ru", "В Алматы проведены совместные учения ОДКБ.", "almaty"),
        ("ru", "Учения ОДКБ «Рубеж-2025» были проведены в Бишкеке.", "bishkek"),
    ],
)
def test_the_place_of_the_clause_is_the_venue_however_long_the_object(tmp_path, gazetteer, language, text, place):
    assert _venues(tmp_path, gazetteer, language, text) == {place}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The summit was held to discuss the situation of the Afghan refugees living in camps in Kazakhstan."),
        (
            "fr",
            "Le sommet s'est tenu pour discuter de la situation des réfugiés afghans installés dans des camps au "
            "Kazakhstan.",
        ),
        ("ru", "Совещание прошло для обсуждения положения беженцев из Афганистана в Таджикистане."),
        (  # a noun of the verb is no verb: the town is where troops were stationed before
            "ru",
            "После размещения военных в Душанбе стороны изучили план проведения учений «Рубеж-2025».",
        ),
        (  # a comma closes the clause: the town is where the minister went next
            "en",
            "The defence ministers of the CSTO member states held a meeting on Monday, before the minister of "
            "Russia flew to Dushanbe.",
        ),
    ],
)
def test_a_place_of_what_the_event_discussed_is_not_its_venue(tmp_path, gazetteer, language, text):
    assert _venues(tmp_path, gazetteer, language, text) == set()


def _organisers(tmp_path: Path, gazetteer, language: str, text: str) -> set[str]:
    """The bodies and states the article's events are said to be organised by."""
    return _objects(tmp_path, gazetteer, language, text, "cas:organizedBy")


@pytest.mark.parametrize(
    ("language", "text", "organisers"),
    [
        ("en", "The talks between the European Union and the CSTO took place in Bishkek.", set()),
        ("fr", "Le dialogue entre l'Union européenne et l'OTSC s'est tenu à Bichkek.", set()),
        ("ru", "Переговоры между ЕС и ОДКБ прошли в Бишкеке.", set()),
        ("fr", "Le sommet de l'OTSC s'est tenu à Bichkek.", {"csto"}),  # the body the event is of organises it
        ("ru", "Учения ОДКБ прошли в Бишкеке.", {"csto"}),
    ],
)
def test_the_bodies_talks_are_held_between_are_sides_not_organisers(tmp_path, gazetteer, language, text, organisers):
    assert _organisers(tmp_path, gazetteer, language, text) == organisers
