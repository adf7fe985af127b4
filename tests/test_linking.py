"""A short known name links only where the text means that entity: the head of a longer name of
another state's body, or a part of a compound acronym, is not the entity the short name denotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from casckg.graph.build.mint import entity_iri
from casckg.ingest.extract import extract
from casckg.ingest.extraction import extraction_json


def _entities(tmp_path: Path, gazetteer, text: str) -> dict[str, list[str]]:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    data = extraction_json(extract(article, gazetteer), entity_iri)
    return {e["label"]: [m["text"] for m in e["mentions"]] for e in data["entities"]}


def test_a_state_security_council_is_not_the_un_security_council(tmp_path, gazetteer):
    assert gazetteer.lookup("Security Council")  # the short name is the UN body's alias
    found = _entities(
        tmp_path,
        gazetteer,
        "The Secretary of the Security Council of the Republic of Tajikistan met a delegation in Dushanbe "
        "on Monday to discuss border security with the visitors from the region.",
    )
    assert "United Nations Security Council" not in found
    assert "Security Council of the Republic of Tajikistan" in found
    assert "Tajikistan" in found


@pytest.mark.parametrize(
    "text",
    [
        "The CSTO Collective Security Council held an extraordinary session in Moscow on Monday.",
        "Le Conseil de sécurité collective de l'OTSC s'est réuni lundi à Moscou en session extraordinaire.",
    ],
)
def test_the_head_of_a_longer_name_is_not_another_body(tmp_path, gazetteer, text):
    # "Security Council" ends "Collective Security Council", "Conseil de sécurité" begins "Conseil de
    # sécurité collective": the longer name's own head, not the UN body the short name denotes
    found = _entities(tmp_path, gazetteer, text)
    assert "United Nations Security Council" not in found
    assert "CSTO Collective Security Council" in found


def test_a_name_after_of_inside_a_longer_name_is_still_named(tmp_path, gazetteer):
    found = _entities(tmp_path, gazetteer, "The Council of the European Union adopted conclusions on Central Asia.")
    assert "European Union" in found


def test_a_part_of_a_compound_acronym_is_not_a_state(tmp_path, gazetteer):
    found = _entities(
        tmp_path,
        gazetteer,
        "Учение коллективных сил быстрого развертывания Центрально-Азиатского региона (КСБР ЦАР) "
        "стартовало в Таджикистане, сообщили в министерстве обороны республики.",
    )
    assert "Central African Republic" not in found
    assert any("КСБР ЦАР" in texts for texts in found.values())


def test_fragments_are_never_minted(tmp_path, gazetteer):
    """A head word alone, a clause after a name, an ordinal or a company after a title are no entities."""
    en = _entities(
        tmp_path,
        gazetteer,
        "Lieutenant General Beksultan Sarsekov, Director of the Centre, spoke to reporters in Almaty about "
        "the work of the Centre. The agreement reaffirmed the desire of the parties to cooperate.",
    )
    assert "Centre" not in en and not any("reaffirmed" in label for label in en)
    fr = _entities(
        tmp_path,
        gazetteer,
        "La porte-parole de Kyrgyzstan Airports Inc. a confirmé l'information. Cet accord contribuera à la "
        "stabilité de la région, selon le ministère des Affaires étrangères du Kirghizistan.",
    )
    assert not any("Airports" in label or "contribuera" in label for label in fr)
    ru = _entities(
        tmp_path,
        gazetteer,
        "В заседании участвовал начальник отдела ОДКБ Первого департамента стран Европы Иван Петров, "
        "сообщили в министерстве иностранных дел Таджикистана.",
    )
    assert "Первого" not in ru


def test_a_description_links_to_a_known_agreement_only_where_the_article_names_it(tmp_path, gazetteer):
    """ "договор о границе" is an alias of the 2025 Kyrgyz–Tajik border treaty in the records; an
    article about another border treaty that only describes it is not about that one."""
    (known,) = gazetteer.lookup("договор о границе")
    treaty = known.label
    found = _entities(
        tmp_path,
        gazetteer,
        "В 1999 году стороны обсудили договор о границе между двумя странами, сообщили в министерстве "
        "иностранных дел Казахстана после переговоров в Астане.",
    )
    assert treaty not in found


def test_a_new_name_ends_where_a_person_named_after_a_title_begins(tmp_path, gazetteer):
    found = _entities(
        tmp_path,
        gazetteer,
        "The resolution was adopted on the initiative of the President of the Republic of Uzbekistan "
        "Shavkat Mirziyoyev, the ministry said in Tashkent on Friday.",
    )
    assert [label for label in found if "Mirziyoyev" in label] == ["Shavkat Mirziyoyev"]


def test_a_description_of_a_kind_of_body_or_mission_is_no_entity(tmp_path, gazetteer):
    """ "a regional security organization", "independent peacekeeping mission", "the service of Russia"
    speak of a kind of thing; only a name (capitalised head, quoted, an acronym) is an entity."""
    found = _entities(
        tmp_path,
        gazetteer,
        "Kazakhstan joined a regional security organization in 1992. The country sent an independent "
        "peacekeeping mission abroad, said an officer of the training department of the UN. "
        "The Ministry of Defence of Kazakhstan confirmed it.",
    )
    assert not any("organization" in label or "department" in label for label in found)
    assert not any("peacekeeping mission" in label for label in found)
    assert any(label.startswith("Ministry of Defence") for label in found)


def test_a_body_s_description_with_a_known_name_in_it_is_no_entity(tmp_path, gazetteer):
    """ "le bureau de l'OTAN au Kirghizistan", "двух структур в Центральной Азии": the capitals are the
    known names' (NATO, Central Asia), the description's own words are lower-case: no body is named.
    A body whose own head is capitalised is one ("Bureau de liaison de l'OTAN")."""
    fr = _entities(
        tmp_path,
        gazetteer,
        "Le bureau de l'OTAN au Kirghizistan a reçu les experts. Le Bureau de liaison de l'OTAN a ouvert à Tachkent.",
    )
    assert not any(label.startswith("bureau") for label in fr)
    assert any(label.startswith("Bureau de liaison") for label in fr)
    ru = _entities(tmp_path, gazetteer, "Стороны обсудили работу двух структур в Центральной Азии.")
    assert not any("структур" in label for label in ru)


def test_two_coordinated_documents_are_two_names(tmp_path, gazetteer):
    # "a protocol on … and a programme of …": a second document's head after the coordinator, even of
    # another kind of document, starts a second name
    ru = _entities(
        tmp_path,
        gazetteer,
        "Министры подписали протокол о сотрудничестве в области связи и программу развития партнерства.",
    )
    assert any(label.startswith("протокол о сотрудничестве") for label in ru), ru
    assert not any("протокол" in label and "программ" in label for label in ru), ru


def test_two_coordinated_bodies_are_two_names(tmp_path, gazetteer):
    """A coordinator before another body's head word or a known name joins two names, not the words of
    one: "Совета министров иностранных дел и Совета министров обороны", "… du Kirghizistan et le Comité
    …"; inside a known name it is the name's own ("Conference on Interaction and Confidence-Building
    Measures in Asia")."""
    ru = _entities(
        tmp_path,
        gazetteer,
        "Шойгу выступил на совместном заседании Совета министров иностранных дел и Совета министров обороны ОДКБ.",
    )
    assert "Совета министров иностранных дел" in ru and not any(" и " in label for label in ru)
    fr = _entities(
        tmp_path,
        gazetteer,
        "Le Comité de sécurité nationale du Kirghizistan et le Comité d'État de sécurité nationale du Tadjikistan "
        "ont signé un accord.",
    )
    assert {
        "Comité de sécurité nationale du Kirghizistan",
        "Comité d'État de sécurité nationale du Tadjikistan",
    } <= set(fr)
    en = _entities(
        tmp_path,
        gazetteer,
        "The 6th Summit of the Conference on Interaction and Confidence-Building Measures in Asia met.",
    )
    assert any("Conference on Interaction and Confidence-Building Measures" in " ".join(t) for t in en.values())


def test_a_dateline_names_no_place_of_the_story(tmp_path, gazetteer):
    """ "МОСКВА, 6 июня. /ТАСС/." and "DUSHANBE, July 16 —" say where the story was filed; a place the
    story speaks of is named in its sentences ("held in Almaty")."""
    ru = _entities(tmp_path, gazetteer, "МОСКВА, 6 июня. /ТАСС/. Секретари советов безопасности встретились в Астане.")
    assert "Moscow" not in ru and "Astana" in ru
    en = _entities(
        tmp_path,
        gazetteer,
        "DUSHANBE, July 16, 2014 — The joint exercise of the armed forces was held in Almaty, the ministry said.",
    )
    assert "Dushanbe" not in en and "Almaty" in en
    twice = _entities(
        tmp_path,
        gazetteer,
        "DUSHANBE, July 16, 2014 — The joint exercise of the armed forces was held in Dushanbe, the ministry said.",
    )
    assert "Dushanbe" in twice


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        (
            "en",
            "The project is led by the State Border Guard of the Republic of Latvia.",
            "State Border Guard of the Republic of Latvia",
        ),
        (
            "ru",
            "В конференции участвовали сотрудники Института изучения проблем стран Азии и Европы Академии наук "
            "Республики Таджикистан.",
            "Академии наук Республики Таджикистан",
        ),
        (
            "fr",
            "Le projet est soutenu par le Bataillon de la paix du Kazakhstan depuis 2019.",
            "Bataillon de la paix du Kazakhstan",
        ),
    ],
)
def test_a_body_no_record_knows_is_named_by_its_head_word(tmp_path, gazetteer, language, text, name):
    """A guard, an academy, a battalion, a commission: the kinds of bodies the articles name are found
    by their head word without a record of them."""
    path = tmp_path / f"{language}.md"
    front = f"---\nid: s-{language}\ntitle: T\npublisher: P\nlanguage: {language}\npublished: 2024-01-01\nurl: https://example.org/s\n---\n"
    path.write_text(front + text + "\n", encoding="utf-8")
    data = extraction_json(extract(path, gazetteer), entity_iri)
    assert name in {e["label"] for e in data["entities"] if e["type"].endswith("#Institution")}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "The CSTO held an exercise in Kazakhstan last week. Police officers detained three men in Bishkek, and "
            "the border guard closed the road. The commission will report in May.",
        ),
        (
            "fr",
            "L'OTSC a tenu un exercice au Kazakhstan. La police a arrêté trois hommes à Bichkek et la commission "
            "rendra son rapport en mai.",
        ),
        (
            "ru",
            "ОДКБ провела учения в Казахстане. Полиция задержала трех человек в Бишкеке, комиссия представит "
            "доклад в мае.",
        ),
    ],
)
def test_a_kind_of_body_alone_is_no_other_body(tmp_path, gazetteer, language, text):
    """ "the police", "la commission", "Полиция" speak of a body of that kind, not of the organisation the
    story named before: the CSTO is mentioned by its own name only."""
    found = _entities(tmp_path, gazetteer, text)
    assert [texts for label, texts in found.items() if label == "Collective Security Treaty Organization"] == [
        [{"en": "CSTO", "fr": "OTSC", "ru": "ОДКБ"}[language]]
    ]


def test_states_joined_by_a_hyphen_are_each_named(tmp_path, gazetteer):
    """ "UNDOF, Syria-Israel": a hyphened pair of states names both, at their own offsets."""
    text = "Kazakh officers will serve with the observer force on the Syria-Israel line from next spring."
    found = _entities(tmp_path, gazetteer, text)
    assert found.get("Syria") == ["Syria"] and found.get("Israel") == ["Israel"]
    ru = _entities(tmp_path, gazetteer, "Делегации обсудили сотрудничество Россия-Китай в Астане в четверг.")
    assert "Russia" in ru and "China" in ru


def test_a_body_s_name_ends_where_a_rank_and_a_person_s_name_begin(tmp_path, gazetteer):
    found = _entities(
        tmp_path,
        gazetteer,
        "The delegation was led by the Commander of the Border Service of the Republic of Uzbekistan "
        "Lieutenant General Rustam Ismoilov, who arrived in Dushanbe on Tuesday.",
    )
    assert not any("Lieutenant" in label or "Rustam" in label for label in found if label != "Rustam Ismoilov")
    assert "Rustam Ismoilov" in found


def test_an_article_s_capital_at_a_sentence_start_makes_no_name(tmp_path, gazetteer):
    """ "La réunion" (the meeting) opening a sentence is not the island La Réunion; "La Réunion" is."""
    assert gazetteer.lookup("La Réunion")
    found = _entities(tmp_path, gazetteer, "La réunion des ministres a eu lieu à Douchanbé le 3 mai.")
    assert not any("Réunion" in label for label in found)
    found = _entities(tmp_path, gazetteer, "La Réunion a envoyé un observateur à Douchanbé le 3 mai.")
    assert any("Réunion" in label for label in found)


def test_a_place_word_with_only_a_known_place_after_it_names_no_place(tmp_path, gazetteer):
    """ "в области безопасности" is a field, "западной области Казахстана" a part of Kazakhstan, "l'aéroport
    d'Almaty" Almaty's airport: none is a place's name; "полигоне в Термезе" is a place of its own."""
    ru = _entities(
        tmp_path,
        gazetteer,
        "Стороны договорились о сотрудничестве в области безопасности и провели учения в западной области Казахстана.",
    )
    assert not any("област" in label for label in ru)
    assert "Kazakhstan" in ru
    fr = _entities(tmp_path, gazetteer, "Les soldats sont arrivés à l'aéroport d'Almaty le 7 janvier au matin.")
    assert not any("aéroport" in label for label in fr) and "Almaty" in fr
    held = _entities(tmp_path, gazetteer, "Учения прошли на полигоне в Термезе в среду, сообщили в министерстве.")
    assert any("полигон" in label for label in held)


def test_a_head_word_s_accents_tell_it_from_another_word(tmp_path, gazetteer):
    """ "la traite des êtres humains" (trafficking) is no treaty, though "traite" and "traité" fold alike;
    "le Traité d'amitié" is one, and so is a treaty named in a sentence typed without any accent."""
    trafficking = _entities(
        tmp_path,
        gazetteer,
        "Les ministres ont évoqué la lutte contre la traite des êtres humains en Asie centrale à Almaty.",
    )
    assert not any(label.lower().startswith("traite") for label in trafficking)
    treaty = _entities(tmp_path, gazetteer, "Le Traité d'amitié entre les deux pays a été signé à Tachkent.")
    assert any(label.startswith("Traité d'amitié") for label in treaty)
    plain = _entities(tmp_path, gazetteer, "Le Traite d'amitie entre les deux pays a ete signe a Tachkent.")
    assert any(label.startswith("Traite d'amitie") for label in plain)


def test_a_body_named_in_full_then_without_its_complement_is_one_body(tmp_path, gazetteer):
    """Articles name a body in full once and shorten it after ("the UN Bureau for Peace Building in
    Tajikistan … the UN Bureau"): the short name is that body, not a second one."""
    found = _entities(
        tmp_path,
        gazetteer,
        "The Joint Commission for Border Security in the Ferghana Valley met in Osh. "
        "According to him, the Joint Commission will meet again in May.",
    )
    bodies = [label for label in found if label.startswith("Joint Commission")]
    assert bodies == ["Joint Commission for Border Security in the Ferghana Valley"]
    assert len(found[bodies[0]]) == 2


def test_a_russian_body_opening_a_sentence_is_a_name_not_a_description(tmp_path, gazetteer):
    """Russian has no articles: "Учебный центр ОДКБ" opens a sentence bare whether it names a body or
    describes one, so its capital counts, and what the sentence says of it is not said of the CSTO.
    English marks the description with its article ("The training centre of the CSTO")."""
    ru = _entities(tmp_path, gazetteer, "Учебный центр ОДКБ находится в Москве.")
    assert "Учебный центр ОДКБ" in ru
    en = _entities(tmp_path, gazetteer, "The training centre of the CSTO is in Moscow.")
    assert not any(label.lower().startswith("training centre") for label in en)
