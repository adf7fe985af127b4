"""Event frames: an event found from its noun or its verb, one forum per event in an article, and
its participants, place and day filled from the sentences that speak of it.

Hand-written sentences in each language; a reader checks which events the article holds, who took
part, where and when.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casckg.ingest.extract import extract


def _read(tmp_path: Path, gazetteer, language: str, text: str):
    path = tmp_path / f"{language}.md"
    front = (
        f"---\nid: t-{language}\ntitle: T\npublisher: P\nlanguage: {language}\n"
        f"published: 2024-01-01\nurl: https://example.org/{language}\n---\n"
    )
    path.write_text(front + text + "\n", encoding="utf-8")
    return extract(path, gazetteer)


def _frames(doc) -> dict[str, dict[str, set[str]]]:
    """For each forum of the document: its participants, places and days (keys and values)."""
    forums = {e.ref for e in doc.entities if "Forum" in e.classes}
    out: dict[str, dict[str, set[str]]] = {f.key: {} for f in forums}
    for s in doc.statements:
        if s.subject in forums and s.predicate in ("cas:participant", "cas:hostedIn", "cas:date"):
            value = getattr(s.object, "key", None) or s.object.value
            out[s.subject.key].setdefault(s.predicate, set()).add(value)
    return out


def _one_frame(doc, participants: set[str], place: str | None = None, day: str | None = None) -> None:
    """The document holds one forum, with these participants (at least), this place and this day."""
    frames = _frames(doc)
    assert len(frames) == 1, frames
    (frame,) = frames.values()
    assert participants <= frame["cas:participant"]
    if place is not None:
        assert frame["cas:hostedIn"] == {place}
    if day is not None:
        assert frame["cas:date"] == {day}


# an event named in the first sentence, for tests of what the next one says of it
SUMMIT = {
    "en": "A summit of Central Asian leaders took place in Astana on 12 March 2024. ",
    "fr": "Un sommet des dirigeants d'Asie centrale s'est tenu à Astana le 12 mars 2024. ",
    "ru": "12 марта 2024 года в Астане состоялся саммит лидеров Центральной Азии. ",
}


def _participants_after_summit(tmp_path: Path, gazetteer, language: str, sentence: str) -> set[str]:
    """Who takes part in the summit of `SUMMIT` when the next sentence of the article is `sentence`."""
    (frame,) = _frames(_read(tmp_path, gazetteer, language, SUMMIT[language] + sentence)).values()
    return frame.get("cas:participant", set())


@pytest.mark.parametrize(
    ("language", "text", "participants", "place", "day"),
    [
        (  # told by its verb, then named "the meeting": one forum
            "en",
            "Kassym-Jomart Tokayev received a delegation of the Collective Security Treaty Organization. "
            "The meeting took place in Astana on 12 March 2024.",
            {"tokayev", "csto"},
            "astana",
            "2024-03-12",
        ),
        (
            "fr",
            "Le président du Kirghizistan a reçu le ministre des Affaires étrangères de la Turquie à Bichkek "
            "le 5 avril 2022. La rencontre a porté sur la sécurité régionale.",
            {"KGZ", "TUR"},
            "bishkek",
            "2022-04-05",
        ),
        (
            "ru",
            "Президент Казахстана встретился с президентом Узбекистана в Ташкенте 22 декабря 2022 года.",
            {"KAZ", "UZB"},
            "tashkent",
            "2022-12-22",
        ),
        (  # who receives a guest: the reception's place and day as for any meeting
            "ru",
            "Президент Казахстана Касым-Жомарт Токаев принял министра иностранных дел Турции в Астане "
            "3 июня 2024 года.",
            {"KAZ", "TUR"},
            "astana",
            "2024-06-03",
        ),
    ],
)
def test_an_event_told_by_its_verb(tmp_path, gazetteer, language, text, participants, place, day):
    _one_frame(_read(tmp_path, gazetteer, language, text), participants, place, day)


@pytest.mark.parametrize(
    ("language", "text", "participants", "place", "day"),
    [
        (  # an unnamed ceremony, named again by its bare noun
            "en",
            "A signing ceremony was held in Tashkent on 3 May 2023. "
            "Uzbekistan and Tajikistan took part in the ceremony.",
            {"UZB", "TJK"},
            "tashkent",
            "2023-05-03",
        ),
        (
            "fr",
            "Une cérémonie de signature s'est tenue à Douchanbé le 14 février 2023. "
            "Le Tadjikistan et l'Ouzbékistan ont participé à la cérémonie.",
            {"UZB", "TJK"},
            "dushanbe",
            "2023-02-14",
        ),
        (  # совещание: a meeting noun; the participants in the next sentence
            "ru",
            "15 мая 2023 года в Астане состоялось совещание министров обороны. "
            "В совещании приняли участие министры обороны Казахстана, Китая и России.",
            {"KAZ", "CHN", "RUS"},
            "astana",
            "2023-05-15",
        ),
    ],
)
def test_an_event_named_by_a_common_noun(tmp_path, gazetteer, language, text, participants, place, day):
    _one_frame(_read(tmp_path, gazetteer, language, text), participants, place, day)


def test_the_opening_ceremony_of_an_exercise_is_the_exercise(tmp_path, gazetteer):
    doc = _read(
        tmp_path,
        gazetteer,
        "ru",
        "В Термезе начались совместные учения «Содружество-2022». "
        "На торжественной церемонии открытия совместных учений выступили командующие.",
    )
    forums = [e for e in doc.entities if "Forum" in e.classes]
    assert len(forums) == 1
    texts = {m.text for m in doc.mentions if m.ref == forums[0].ref}
    assert "торжественной церемонии открытия совместных учений" in texts


@pytest.mark.parametrize(
    ("language", "text", "participants", "place", "day"),
    [
        (  # a plural subject meets among itself: no one met "with"
            "en",
            "The presidents of Kazakhstan and Uzbekistan met in Tashkent on 3 March 2023.",
            {"KAZ", "UZB"},
            "tashkent",
            "2023-03-03",
        ),
        (  # the members of one organisation meet: the organisation alone is the subject
            "en",
            "The foreign ministers of the Collective Security Treaty Organization met in Bishkek on 12 May 2023.",
            set(),
            "bishkek",
            "2023-05-12",
        ),
        (  # a reflexive verb
            "fr",
            "Les chefs d'état-major de la Russie et du Tadjikistan se sont retrouvés à Douchanbé le 4 avril 2023 "
            "pour discuter de la frontière.",
            {"RUS", "TJK"},
            "dushanbe",
            "2023-04-04",
        ),
        (
            "fr",
            "Les ministres des Affaires étrangères de l'OTSC se sont réunis à Bichkek le 12 mai 2023.",
            set(),
            "bishkek",
            "2023-05-12",
        ),
        (
            "ru",
            "Министры иностранных дел ОДКБ встретились в Бишкеке 12 мая 2023 года.",
            set(),
            "bishkek",
            "2023-05-12",
        ),
    ],
)
def test_an_event_told_by_the_verb_of_a_plural_subject(tmp_path, gazetteer, language, text, participants, place, day):
    _one_frame(_read(tmp_path, gazetteer, language, text), participants, place, day)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The training centre received approval from the United Nations to train peacekeepers."),
        ("en", "We travelled to Tajikistan and Uzbekistan and met with law enforcement agencies."),
        ("fr", "Le Kazakhstan n'a pas rencontré la Russie à ce sujet."),
        # a plural subject's meeting verb, negated or in another sense, or a meeting of no actor
        ("en", "The defence ministers of Russia and Tajikistan did not meet in Dushanbe."),
        ("en", "The CSTO plan met with criticism in Moscow."),
        ("fr", "Les ministres de la Russie et du Tadjikistan ne se sont pas réunis à Douchanbé."),
        ("fr", "Des manifestants se sont réunis pour protester devant l'ambassade à Bichkek."),
        ("ru", "Министры обороны России и Таджикистана не встретились в Душанбе."),
    ],
)
def test_no_event_from_a_verb_that_tells_none(tmp_path, gazetteer, language, text):
    doc = _read(tmp_path, gazetteer, language, text)
    assert not [e for e in doc.entities if "Forum" in e.classes]


@pytest.mark.parametrize(
    ("language", "text", "participants"),
    [
        ("en", "Talks between Kazakhstan and Uzbekistan were held in Tashkent on 3 May 2023.", {"KAZ", "UZB"}),
        (
            "fr",
            "Le dialogue entre l'Union européenne et le Kazakhstan a eu lieu à Bruxelles le 28 mai 2019.",
            {"eu", "KAZ"},
        ),
        ("ru", "Переговоры между Россией и Китаем прошли в Москве 5 июня 2023 года.", {"RUS", "CHN"}),
    ],
)
def test_the_sides_named_between(tmp_path, gazetteer, language, text, participants):
    _one_frame(_read(tmp_path, gazetteer, language, text), participants)


@pytest.mark.parametrize(
    ("language", "text", "descriptions"),
    [
        (  # Russian has no articles: later descriptions without a name are the summit just told
            "ru",
            "10 марта 2023 года в Ташкенте прошел экстренный саммит президентов Казахстана и Узбекистана. "
            "На многочасовом совещании обсуждалась обстановка на границе. "
            "Итоги ташкентской встречи подвели министры иностранных дел.",
            {"многочасовом совещании", "ташкентской встречи"},
        ),
        (  # an indefinite restatement right after the event was told
            "fr",
            "Les présidents du Kazakhstan et de l'Ouzbékistan ont tenu un sommet commun. "
            "Le 3 mai, à Tachkent, une réunion bilatérale a eu lieu entre les deux présidents.",
            {"réunion bilatérale"},
        ),
    ],
)
def test_later_descriptions_without_a_name_are_the_event_in_focus(tmp_path, gazetteer, language, text, descriptions):
    doc = _read(tmp_path, gazetteer, language, text)
    forums = [e for e in doc.entities if "Forum" in e.classes]
    assert len(forums) == 1
    texts = {m.text for m in doc.mentions if m.ref == forums[0].ref}
    assert descriptions <= texts


def test_a_description_naming_an_organisation_is_another_event(tmp_path, gazetteer):
    doc = _read(
        tmp_path,
        gazetteer,
        "ru",
        "В Ташкенте прошел экстренный саммит президентов Казахстана и Узбекистана. "
        "Президенты обсудили подготовку к совещанию ОДКБ.",
    )
    assert len([e for e in doc.entities if "Forum" in e.classes]) == 2


@pytest.mark.parametrize(
    ("language", "text", "person"),
    [
        (
            "en",
            "A summit of Central Asian leaders took place in Astana on 12 March 2024. "
            "Foreign Minister of Tajikistan Anvar Karimzoda flew in from Dushanbe.",
            "anvar-karimzoda",
        ),
        (
            "fr",
            "Un sommet des dirigeants d'Asie centrale s'est tenu à Astana le 12 mars 2024. "
            "Le ministre tadjik des Affaires étrangères Anvar Karimzoda est venu de Douchanbé.",
            "anvar-karimzoda",
        ),
        (
            "ru",
            "12 марта 2024 года в Астане состоялся саммит лидеров Центральной Азии. "
            "Из Душанбе прилетел министр иностранных дел Таджикистана Анвар Каримзода.",
            "anvar-karimzoda",
        ),
    ],
)
def test_a_person_named_while_the_event_is_told_takes_part(tmp_path, gazetteer, language, text, person):
    frames = _frames(_read(tmp_path, gazetteer, language, text))
    assert len(frames) == 1, frames
    (frame,) = frames.values()
    assert person in frame.get("cas:participant", set())


@pytest.mark.parametrize(
    ("language", "absent"),
    [
        ("en", "Foreign Minister of Tajikistan Anvar Karimzoda did not attend."),
        ("fr", "Le ministre tadjik des Affaires étrangères Anvar Karimzoda n'a pas assisté à la réunion."),
        ("en", "Foreign Minister of Tajikistan Anvar Karimzoda was unable to attend."),
        ("en", "Foreign Minister of Tajikistan Anvar Karimzoda is expected to attend the next meeting."),
        ("fr", "Le ministre tadjik des Affaires étrangères Anvar Karimzoda devait y participer."),
        ("ru", "Министр иностранных дел Таджикистана Анвар Каримзода должен был принять участие в саммите."),
    ],
)
def test_a_person_said_to_be_absent_does_not_take_part(tmp_path, gazetteer, language, absent):
    assert not [p for p in _participants_after_summit(tmp_path, gazetteer, language, absent) if "karimzod" in p]


def test_a_person_named_long_after_the_event_does_not_take_part(tmp_path, gazetteer):
    doc = _read(
        tmp_path,
        gazetteer,
        "en",
        "A summit of Central Asian leaders took place in Astana on 12 March 2024. "
        "Trade grew last year. Prices rose in the spring. Harvests were good. "
        "Foreign Minister of Tajikistan Anvar Karimzoda spoke about water in Dushanbe.",
    )
    (frame,) = _frames(doc).values()
    assert "anvar-karimzoda" not in frame.get("cas:participant", set())


@pytest.mark.parametrize(
    ("language", "source"),
    [
        ("en", "According to Foreign Minister of Tajikistan Anvar Karimzoda, the talks were useful."),
        ("en", "Foreign Minister of Tajikistan Anvar Karimzoda, a former envoy, told reporters the talks were useful."),
        ("fr", "Selon le ministre tadjik des Affaires étrangères Anvar Karimzoda, les discussions ont été utiles."),
        ("ru", "По словам министра иностранных дел Таджикистана Анвара Каримзоды, переговоры были полезными."),
    ],
)
def test_a_person_quoted_as_the_source_does_not_take_part(tmp_path, gazetteer, language, source):
    (frame,) = _frames(_read(tmp_path, gazetteer, language, SUMMIT[language] + source)).values()
    # the Russian genitive ("Анвара Каримзоды") gives the name another key: any form of it
    assert not [p for p in frame.get("cas:participant", set()) if "karimzod" in p]


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "Foreign Minister of Tajikistan Anvar Karimzoda said the region was to become more united."),
        (
            "fr",
            "Le ministre tadjik des Affaires étrangères Anvar Karimzoda a souligné que la région pourrait faire plus.",
        ),
        ("ru", "Министр иностранных дел Таджикистана Анвар Каримзода заявил, что регион мог бы сделать больше."),
    ],
)
def test_a_modal_of_another_clause_does_not_keep_the_speaker_away(tmp_path, gazetteer, language, said):
    (frame,) = _frames(_read(tmp_path, gazetteer, language, SUMMIT[language] + said)).values()
    assert [p for p in frame.get("cas:participant", set()) if "karimzod" in p]


@pytest.mark.parametrize(
    ("language", "sent", "reader"),
    [
        ("en", "Ambassador Alexei Borodavkin read out a message from President Anvar Karimzoda.", "alexei-borodavkin"),
        ("en", "Ambassador Alexei Borodavkin spoke on behalf of President Anvar Karimzoda.", "alexei-borodavkin"),
        ("fr", "L'ambassadeur Alexeï Borodavkine a lu un message du président Anvar Karimzoda.", "alexei-borodavkine"),
        ("ru", "Посол Алексей Бородавкин зачитал послание президента Анвара Каримзоды.", "aleksey-borodavkin"),
    ],
)
def test_a_person_who_only_sends_a_message_does_not_take_part(tmp_path, gazetteer, language, sent, reader):
    (frame,) = _frames(_read(tmp_path, gazetteer, language, SUMMIT[language] + sent)).values()
    assert reader in frame.get("cas:participant", set())  # who reads it out is there
    assert not [p for p in frame.get("cas:participant", set()) if "karimzod" in p]


def test_a_person_who_acts_and_is_quoted_takes_part(tmp_path, gazetteer):
    doc = _read(
        tmp_path,
        gazetteer,
        "en",
        "A summit of Central Asian leaders took place in Astana on 12 March 2024. "
        "Foreign Minister of Tajikistan Anvar Karimzoda signed the protocol, according to Karimzoda's press service.",
    )
    (frame,) = _frames(doc).values()
    assert "anvar-karimzoda" in frame.get("cas:participant", set())


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        ("en", "The leaders praised the summit in Bishkek as a success.", "bishkek"),
        ("fr", "Les dirigeants ont salué le sommet à Bichkek comme un succès.", "bishkek"),
        ("ru", "Лидеры назвали саммит в Бишкеке успешным.", "bishkek"),
        ("en", "On 29 April, Bishkek hosted the meeting of the defence ministers.", "bishkek"),
        ("en", "A summit of Central Asian leaders was held in the city of Bishkek.", "bishkek"),
        ("fr", "Le 31 mars, dans la ville de Bichkek, un sommet des dirigeants a eu lieu.", "bishkek"),
        ("ru", "Саммит лидеров прошел в городе Бишкеке.", "bishkek"),
        ("ru", "Саммит лидеров прошел в г. Бишкеке.", "bishkek"),  # "г." abbreviates "город"
        ("ru", "В г.Бишкеке прошла встреча министров обороны.", "bishkek"),
        ("fr", "Au lendemain du sommet d'Almaty, le ministre a reçu la presse.", "almaty"),  # the town in its name
        ("fr", "La réunion ministérielle de Douchanbé a réaffirmé le soutien au Tadjikistan.", "dushanbe"),
    ],
)
def test_the_place_named_right_after_the_event_or_hosting_it_is_its_venue(tmp_path, gazetteer, language, text, place):
    frames = _frames(_read(tmp_path, gazetteer, language, text))
    assert [f.get("cas:hostedIn") for f in frames.values()] == [{place}], frames


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        (
            "en",
            "Joint tactical exercises of the CSTO began in Russia on 15 July 2014. "
            "The exercise, dubbed Steppe Shield-2014, included units from Kazakhstan and Kyrgyzstan.",
            "Steppe Shield-2014",
        ),
        (  # a name the records know: the described exercise is that one
            "en",
            "Joint tactical exercises of the CSTO began in Russia on 15 July 2014. "
            "The exercise, dubbed Rubezh-2014, included units from Kazakhstan and Kyrgyzstan.",
            "Rubezh-2014",
        ),
        (
            "fr",
            "Des exercices militaires de l'OTSC ont commencé en Russie le 15 juillet 2014. "
            "L'exercice, baptisé « Frontière-2014 », réunit des unités du Kazakhstan et du Kirghizistan.",
            "Frontière-2014",
        ),
    ],
)
def test_the_name_given_to_a_described_event_is_that_event(tmp_path, gazetteer, language, text, name):
    doc = _read(tmp_path, gazetteer, language, text)
    forums = {e.ref for e in doc.entities if "Forum" in e.classes}
    assert len(forums) == 1, forums
    assert {m.ref for m in doc.mentions if m.text == name} == forums


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Un sommet des dirigeants d'Asie centrale s'est tenu à Bichkek (Kirghizistan) le 12 mars 2024."),
        ("en", "A summit of Central Asian leaders was held in Bishkek, Kyrgyzstan, on 12 March 2024."),
    ],
)
def test_the_state_named_with_the_venue_town_hosts_the_event_too(tmp_path, gazetteer, language, text):
    (frame,) = _frames(_read(tmp_path, gazetteer, language, text)).values()
    assert frame.get("cas:hostedIn") == {"bishkek", "KGZ"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "A summit of Central Asian leaders, chaired by Tajikistan, took place in Dushanbe."),
        ("fr", "Le sommet d'Asie centrale, présidé par le Tadjikistan, s'est tenu à Douchanbé."),
    ],
)
def test_who_chairs_the_event_organises_it(tmp_path, gazetteer, language, text):
    doc = _read(tmp_path, gazetteer, language, text)
    organisers = {s.object.key for s in doc.statements if s.predicate == "cas:organizedBy"}
    assert organisers == {"TJK"}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The Defence Ministers of Kyrgyzstan and Tajikistan arrived in Astana."),
        ("en", "The Russian president watched the parade with his counterparts from Kyrgyzstan and Tajikistan."),
        ("fr", "Le président russe a retrouvé ses homologues du Kirghizistan et du Tadjikistan."),
        ("fr", "Les ministres de la Défense du Kirghizistan et du Tadjikistan ont visité une exposition."),
        ("ru", "Министры обороны Киргизии и Таджикистана осмотрели выставку."),
    ],
)
def test_the_states_whose_officials_a_sentence_names_take_part(tmp_path, gazetteer, language, sentence):
    assert {"KGZ", "TJK"} <= _participants_after_summit(tmp_path, gazetteer, language, sentence)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "An emergency summit of the presidents of Kazakhstan, Kyrgyzstan and Tajikistan ended in Bishkek."),
        ("ru", "Для президентов Казахстана, Киргизии и Таджикистана их экстренный саммит в Бишкеке оказался долгим."),
    ],
)
def test_the_states_of_the_leaders_the_event_is_named_for_take_part(tmp_path, gazetteer, language, text):
    (frame,) = _frames(_read(tmp_path, gazetteer, language, text)).values()
    assert {"KAZ", "KGZ", "TJK"} <= frame.get("cas:participant", set())


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fr", "Les présidents du Kirghizistan et du Tadjikistan étaient absents."),
        ("en", "The presidents of Kyrgyzstan and Tajikistan did not come."),
        ("ru", "По словам министров обороны Киргизии и Таджикистана, погода была хорошей."),
    ],
)
def test_states_of_absent_or_quoted_officials_do_not_take_part(tmp_path, gazetteer, language, sentence):
    assert not {"KGZ", "TJK"} & _participants_after_summit(tmp_path, gazetteer, language, sentence)


def test_member_states_named_in_an_event_sentence_do_not_take_part(tmp_path, gazetteer):
    # "государства-участники" are an organisation's member states, not the event's participants
    sentence = "Журналисты писали о торговле государств-участников СНГ с Турцией."
    assert "TUR" not in _participants_after_summit(tmp_path, gazetteer, "ru", sentence)


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        ("en", "The first regional forum on peace operations in Central Asia was held in Astana.", "astana"),
        ("fr", "Le Kazakhstan a accueilli le premier forum régional sur la paix en Asie centrale.", "KAZ"),
        ("ru", "В Центральной Азии прошел первый региональный форум по миротворчеству.", None),
    ],
)
def test_a_region_several_states_share_is_no_venue(tmp_path, gazetteer, language, text, place):
    frames = _frames(_read(tmp_path, gazetteer, language, text))
    assert [f.get("cas:hostedIn") for f in frames.values()] == [{place} if place else None], frames


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "President Tokayev met with Foreign Minister of Turkey Hakan Fidan to discuss relations with Azerbaijan.",
        ),
        (
            "fr",
            "Le président Tokaïev a rencontré le ministre turc Hakan Fidan "
            "pour discuter des relations avec l'Azerbaïdjan.",
        ),
        (
            "ru",
            "Президент Токаев встретился с министром иностранных дел Турции, чтобы обсудить отношения с Азербайджаном.",
        ),
    ],
)
def test_a_state_the_meeting_discusses_does_not_take_part(tmp_path, gazetteer, language, text):
    (frame,) = _frames(_read(tmp_path, gazetteer, language, text)).values()
    assert "TUR" in frame["cas:participant"]
    assert "AZE" not in frame["cas:participant"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The new policy of Kazakhstan met with criticism from Russia."),
        ("en", "NATO met its targets in Afghanistan last year."),
        ("fr", "Le Kazakhstan a rencontré des difficultés avec la Russie."),
        ("ru", "Казахстан и Узбекистан встретились с трудностями при демаркации границы."),
    ],
)
def test_meeting_a_thing_is_no_meeting(tmp_path, gazetteer, language, text):
    """A meeting verb whose object is a thing ("met with criticism from Russia", "des difficultés avec la
    Russie", "с трудностями") or a place ("met its targets in Afghanistan") tells of no event."""
    assert _frames(_read(tmp_path, gazetteer, language, text)) == {}


@pytest.mark.parametrize(
    ("language", "text", "day"),
    [
        ("fr", "La visite du ministre en Ouzbékistan, du 3 au 5 avril 2023, a renforcé les liens.", "2023-04-03"),
        ("ru", "Выступая на саммите ШОС 4 июля 2023 года, президент призвал к единству.", "2023-07-04"),
    ],
)
def test_an_event_named_in_the_clause_of_a_date_is_dated_without_a_verb_of_holding(
    tmp_path, gazetteer, language, text, day
):
    (frame,) = _frames(_read(tmp_path, gazetteer, language, text)).values()
    assert frame.get("cas:date") == {day}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The ministers recalled the Almaty summit, which was to take place on 5 May 2020."),
        ("ru", "Совещание министров обороны, которое не состоялось 5 мая 2021 года, перенесено."),
        ("en", "The summit agreed on a plan; the agreement was signed on 3 March 2019 in Moscow."),
    ],
)
def test_no_day_from_a_date_of_what_did_not_happen_or_of_another_clause(tmp_path, gazetteer, language, text):
    assert not [s for s in _read(tmp_path, gazetteer, language, text).statements if s.predicate == "cas:date"]


@pytest.mark.parametrize(
    ("language", "text", "organisers"),
    [
        ("en", "A regional conference on Afghanistan was held in Tashkent under the auspices of the UN.", {"un"}),
        ("fr", "Une conférence régionale sur l'Afghanistan, sous l'égide de l'ONU, s'est tenue à Tachkent.", {"un"}),
        (  # the auspices are of peacekeeping, told after the summit, not of the summit
            "en",
            SUMMIT["en"] + "The countries hope to send more troops to peace operations under the auspices of the UN.",
            set(),
        ),
        (
            "fr",
            SUMMIT["fr"] + "Les pays souhaitent contribuer davantage aux opérations de paix sous l'égide de l'ONU.",
            set(),
        ),
    ],
)
def test_auspices_name_the_organiser_of_the_event_the_sentence_names(tmp_path, gazetteer, language, text, organisers):
    doc = _read(tmp_path, gazetteer, language, text)
    assert {s.object.key for s in doc.statements if s.predicate == "cas:organizedBy"} == organisers


@pytest.mark.parametrize(
    ("text", "organiser"),
    [
        ("Вчера в Душанбе прошло заседание Совета министров обороны СНГ.", "institution/cis-cmd"),
        ("В Астане состоялась сессия Парламентской ассамблеи ОДКБ.", "institution/csto-pa"),
    ],
)
def test_a_meeting_of_a_body_in_the_genitive_is_an_event_the_body_holds(tmp_path, gazetteer, text, organiser):
    doc = _read(tmp_path, gazetteer, "ru", text)
    forums = {e.ref for e in doc.entities if "Forum" in e.classes}
    assert len(forums) == 1
    organisers = {f"{s.object.path}/{s.object.key}" for s in doc.statements if s.predicate == "cas:organizedBy"}
    assert organisers == {organiser}


def test_the_troops_of_an_exercise_in_the_genitive_do_not_organise_it(tmp_path, gazetteer):
    doc = _read(tmp_path, gazetteer, "ru", "В Казахстане начались учения Вооруженных сил Казахстана и Киргизии.")
    assert not [s for s in doc.statements if s.predicate == "cas:organizedBy"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The first exercise of the CSTO Collective Rapid Reaction Force began in Kazakhstan on 2 October 2023."),
        ("ru", "Учение Коллективных сил оперативного реагирования ОДКБ началось в Казахстане 2 октября 2023 года."),
    ],
)
def test_the_force_an_exercise_is_named_after_takes_part(tmp_path, gazetteer, language, text):
    (frame,) = _frames(_read(tmp_path, gazetteer, language, text)).values()
    assert "csto-crrf" in frame.get("cas:participant", set())


@pytest.mark.parametrize(
    "text",
    [  # the organisation that holds the exercise, or the body whose meeting it is, does not drill
        "The CSTO includes Russia, Armenia and Kazakhstan. The exercise of the CSTO began in Kazakhstan on 2 October.",
        "The meeting of the CIS Council of Defence Ministers took place in Minsk on 2 October 2023.",
    ],
)
def test_the_organisation_holding_an_exercise_or_meeting_is_no_participant(tmp_path, gazetteer, text):
    frames = _frames(_read(tmp_path, gazetteer, "en", text))
    assert frames
    for frame in frames.values():
        assert not {"csto", "cis-cmd"} & frame.get("cas:participant", set())


@pytest.mark.parametrize(
    ("language", "text", "sides", "venue"),
    [
        ("en", "Russia and China met in Kazakhstan on 3 May 2023.", {"RUS", "CHN"}, "KAZ"),
        (
            "fr",
            "À Bichkek, au Kirghizistan, le ministre russe a rencontré son homologue du Tadjikistan.",
            {"TJK"},
            "KGZ",
        ),
        ("ru", "Делегации России и Китая приняли участие в учениях «Мир-2023» в Казахстане.", {"RUS", "CHN"}, "KAZ"),
        ("ru", "Военные России и Китая встретились в Казахстане.", {"RUS", "CHN"}, "KAZ"),
    ],
)
def test_a_state_named_as_where_the_event_is_takes_no_part(tmp_path, gazetteer, language, text, sides, venue):
    (frame,) = _frames(_read(tmp_path, gazetteer, language, text)).values()
    assert sides <= frame["cas:participant"]
    assert venue not in frame["cas:participant"]


@pytest.mark.parametrize(
    ("language", "text", "participants"),
    [
        ("en", "Kazakhstan and Kyrgyzstan held joint military exercises near Almaty on 3 May 2024.", {"KAZ", "KGZ"}),
        ("en", "Uzbekistan and Tajikistan began their first joint drills in Termez.", {"UZB", "TJK"}),
        (
            "fr",
            "Le Kazakhstan et le Kirghizistan ont mené des exercices militaires conjoints près d'Almaty.",
            {"KAZ", "KGZ"},
        ),
        (
            "fr",
            "L'Ouzbékistan et le Tadjikistan ont entamé leurs premières manoeuvres communes à Termez.",
            {"UZB", "TJK"},
        ),
        (
            "ru",
            "Казахстан и Киргизия провели совместные командно-штабные учения в Алматинской области.",
            {"KAZ", "KGZ"},
        ),
        ("ru", "Россия и Китай завершили совместные морские учения в Японском море.", {"RUS", "CHN"}),
    ],
)
def test_the_subject_of_a_joint_act_takes_part(tmp_path, gazetteer, language, text, participants):
    """ "A and B held joint exercises": the coordinated subject of an act done together are its sides."""
    frames = _frames(_read(tmp_path, gazetteer, language, text))
    assert any(participants <= frame.get("cas:participant", set()) for frame in frames.values()), frames


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Russia and China will hold joint naval exercises next month."),
        ("en", "Kazakhstan and Kyrgyzstan did not hold joint exercises this year."),
        ("fr", "La Russie et la Chine n'ont pas mené des exercices conjoints cette année."),
        ("ru", "Казахстан и Киргизия не провели совместные учения в этом году."),
        ("ru", "Эксперт считает, что Россия и Китай проведут совместные учения осенью."),
    ],
)
def test_no_sides_from_a_joint_act_only_meant_or_denied(tmp_path, gazetteer, language, text):
    """An act done together that is negated or still to come has no participants yet."""
    frames = _frames(_read(tmp_path, gazetteer, language, text))
    assert not any(frame.get("cas:participant") for frame in frames.values()), frames


def _organisers(doc) -> set[str]:
    return {s.object.key for s in doc.statements if s.predicate == "cas:organizedBy"}


@pytest.mark.parametrize(
    ("language", "text", "organiser"),
    [
        ("en", "The Peace Mission 2024 exercise within the framework of the SCO began in Kazakhstan.", "sco"),
        ("fr", "L'exercice Frontière 2024 dans le cadre de l'OTSC a commencé au Kirghizistan.", "csto"),
        ("ru", "Учения «Нерушимое братство-2024» в рамках ОДКБ пройдут в Киргизии.", "csto"),
        ("ru", "Антитеррористические учения «Восток-2024» под эгидой ШОС начались в Казахстане.", "sco"),
    ],
)
def test_the_body_an_event_is_held_within_the_framework_of_organises_it(tmp_path, gazetteer, language, text, organiser):
    """ "The X exercise within the framework of the SCO": the body named right after the event holds it."""
    assert _organisers(_read(tmp_path, gazetteer, language, text)) == {organiser}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The sides discussed cooperation within the framework of the CSTO."),
        (
            "en",
            "The Peace Mission 2024 exercise took place near Almaty. "
            "The minister praised cooperation in the framework of the SCO.",
        ),
        ("fr", "Les parties ont évoqué la coopération dans le cadre de l'OTSC."),
        ("ru", "Учения «Восток-2024» прошли в Казахстане. Министр отметил важность сотрудничества в рамках ШОС."),
        ("en", "The sides discussed cooperation within the framework of the CSTO at the summit in Astana."),
        ("ru", "Стороны обсудили сотрудничество в рамках ОДКБ на саммите в Астане."),
    ],
)
def test_a_framework_named_for_something_else_organises_no_event(tmp_path, gazetteer, language, text):
    """Cooperation "within the framework of" a body, even while an event is in focus, says nothing of who held it."""
    assert not _organisers(_read(tmp_path, gazetteer, language, text))


def _forum_mentions(doc) -> list[str]:
    forums = {e.ref for e in doc.entities if "Forum" in e.classes}
    return [m.text for m in doc.mentions if m.ref in forums]


@pytest.mark.parametrize(
    ("language", "text", "name", "organiser"),
    [
        (
            "en",
            "The Conference of Interior Ministers of the Shanghai Cooperation Organisation opened in Astana.",
            "Conference of Interior Ministers of the Shanghai Cooperation Organisation",
            "sco",
        ),
        (
            "en",
            "The resolution was adopted at the 78th session of the UN General Assembly.",
            "78th session of the UN General Assembly",
            "unga",
        ),
    ],
)
def test_an_event_name_runs_to_the_end_of_the_known_body_it_names(tmp_path, gazetteer, language, text, name, organiser):
    """The last word of a known body's name ("Assembly", "Organisation") is no new name: the event's name
    and its organiser take the whole body."""
    doc = _read(tmp_path, gazetteer, language, text)
    assert name in _forum_mentions(doc)
    assert organiser in _organisers(doc)


@pytest.mark.parametrize(
    ("language", "text", "organiser"),
    [
        (
            "en",
            "A meeting of the defence ministers of the Collective Security Treaty Organization took place in Bishkek.",
            "csto",
        ),
        ("fr", "Une réunion des ministres de la Défense de l'OTSC s'est tenue à Bichkek.", "csto"),
    ],
)
def test_a_body_in_the_complement_of_an_event_head_organises_it(tmp_path, gazetteer, language, text, organiser):
    assert _organisers(_read(tmp_path, gazetteer, language, text)) == {organiser}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "A training exercise for officers of the Collective Security Treaty Organization was held in Osh.",
        ),
        (
            "en",
            "Exercises involving servicemen of the Collective Security Treaty Organization began near Osh.",
        ),
        ("fr", "Un exercice pour les militaires de l'OTSC s'est tenu près de Bichkek."),
    ],
)
def test_a_body_joined_to_an_event_by_another_word_does_not_organise_it(tmp_path, gazetteer, language, text):
    """ "An exercise for the personnel of X" says who takes part or for whom, not whose exercise it is."""
    assert not _organisers(_read(tmp_path, gazetteer, language, text))


@pytest.mark.parametrize(
    "text",
    [
        "Le sommet de l'OTSC s'est tenu à Minsk le 3 mai avec la participation du Tadjikistan et de l'Ouzbékistan.",
        "Le sommet de l'OTSC s'est tenu à Minsk en présence des délégations du Tadjikistan et de l'Ouzbékistan.",
        "Le sommet de l'OTSC s'est tenu à Minsk le 3 mai. Le Tadjikistan et l'Ouzbékistan ont assisté au sommet.",
    ],
)
def test_french_says_who_took_part_as_english_and_russian_do(tmp_path, gazetteer, text):
    # "avec la participation de", "en présence de", "ont assisté à": "with the participation of",
    # "in the presence of", "attended" ("при участии", "в присутствии", "присутствовали")
    frames = _frames(_read(tmp_path, gazetteer, "fr", text))
    assert [f.get("cas:participant", set()) >= {"TJK", "UZB"} for f in frames.values()] == [True], frames
