"""People, their roles, and the states and institutions they speak for, as a reader of a short
sentence would state them: titles before or after a name, nationality adjectives, possessives,
plural titles over lists of names, in English, French and Russian."""

from __future__ import annotations

from pathlib import Path

import pytest

from casckg.graph.build.mint import entity_iri
from casckg.ingest.extract import extract
from casckg.ingest.extraction import extraction_json


def _facts(tmp_path: Path, gazetteer, text: str) -> set[tuple[str, str, str]]:
    """(subject label, property, object label or literal) of every statement of one article."""
    language = "ru" if any("а" <= c <= "я" for c in text.lower()) else "fr" if " le " in f" {text.lower()} " else "en"
    article = tmp_path / "article.md"
    front = f"id: a\nurl: https://example.org/a\ntitle: A\npublisher: P\npublished: null\nlanguage: {language}"
    article.write_text(f"---\n{front}\n---\n{text}\n", encoding="utf-8")
    data = extraction_json(extract(article, gazetteer), entity_iri)
    labels = {e["id"]: e["label"] for e in data["entities"]}
    # a subject is also named as the article names it (a recorded person's label may be in another script)
    names = {e["id"]: {e["label"]} | {m["text"] for m in e.get("mentions") or []} for e in data["entities"]}
    out = set()
    for s in data["statements"]:
        obj = s["object"]
        obj = obj["value"] if isinstance(obj, dict) else labels.get(obj, obj)
        for subject in names.get(s["subject"], {s["subject"]}):
            out.add((subject, s["predicate"].rsplit("#", 1)[-1], obj))
    return out


def _roles(facts: set[tuple[str, str, str]], person: str) -> list[str]:
    return [o for s, p, o in facts if s == person and p == "role"]


@pytest.mark.parametrize(
    ("text", "person", "state"),
    [
        (
            "Le Premier ministre arménien Nikol Pachinian a déclaré mardi que son pays envisageait de quitter "
            "l'organisation.",
            "Nikol Pachinian",
            "Armenia",
        ),
        (
            "Georgian Defence Minister Irakli Tamaz arrived in Tashkent on Monday for talks with his counterpart.",
            "Irakli Tamaz",
            "Georgia",
        ),
    ],
)
def test_a_nationality_adjective_in_a_title_gives_the_persons_state(tmp_path, gazetteer, text, person, state):
    facts = _facts(tmp_path, gazetteer, text)
    assert (person, "affiliatedWith", state) in facts


def test_a_french_title_with_a_nationality_adjective_inside_it(tmp_path, gazetteer):
    facts = _facts(
        tmp_path,
        gazetteer,
        "Le ministre kirghize des Affaires étrangères Ulan Moldoev et le ministre ouzbek des Affaires "
        "étrangères Ulugbek Tursunov se sont rencontrés à Tachkent.",
    )
    assert ("Ulan Moldoev", "affiliatedWith", "Kyrgyzstan") in facts
    assert ("Ulugbek Tursunov", "affiliatedWith", "Uzbekistan") in facts
    assert ("Ulugbek Tursunov", "affiliatedWith", "Kyrgyzstan") not in facts
    assert _roles(facts, "Ulugbek Tursunov") == ["minister of foreign affairs"]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (  # a plural title over a list of demonyms and names
            "Les trois présidents invités: le Kazakh Aibek Dzhumabaev, le Tadjik Timur Rakhimov et "
            "l'Ouzbek Nurlan Sadykov, sont arrivés à Astana mardi.",
            [("Aibek Dzhumabaev", "Kazakhstan"), ("Timur Rakhimov", "Tajikistan"), ("Nurlan Sadykov", "Uzbekistan")],
        ),
        (  # a plural title of a list of states, then the names in the same order
            "The presidents of Kyrgyzstan and Tajikistan – Aibek Moldoev and Daler Saidzoda – met in Batken on Friday.",
            [("Aibek Moldoev", "Kyrgyzstan"), ("Daler Saidzoda", "Tajikistan")],
        ),
        (  # the names in apposition, one for each state in the same order
            "The presidents of Kazakhstan and Turkmenistan, Ayan Seitkali and Merdan Orazov, opened the new "
            "border crossing on Monday.",
            [("Ayan Seitkali", "Kazakhstan"), ("Merdan Orazov", "Turkmenistan")],
        ),
        (  # nationality adjectives coordinated before the plural title
            "The Kyrgyz and Uzbek presidents, Bolot Asanov and Jasur Karimov, inaugurated the reservoir.",
            [("Bolot Asanov", "Kyrgyzstan"), ("Jasur Karimov", "Uzbekistan")],
        ),
        (  # French adjectives after the plural title
            "Les présidents tadjik et kirghize, Farrukh Nazarov et Bolot Asanov, ont signé le protocole à Batken.",
            [("Farrukh Nazarov", "Tajikistan"), ("Bolot Asanov", "Kyrgyzstan")],
        ),
        (  # Russian: the names right after the states' genitives
            "Президенты Казахстана и Узбекистана Айбек Сейткали и Жасур Каримов подписали договор в Ташкенте.",
            [("Айбек Сейткали", "Kazakhstan"), ("Жасур Каримов", "Uzbekistan")],
        ),
    ],
)
def test_a_plural_title_gives_each_listed_person_the_title_and_a_state(tmp_path, gazetteer, text, wanted):
    facts = _facts(tmp_path, gazetteer, text)
    for person, state in wanted:
        assert (person, "affiliatedWith", state) in facts
        assert _roles(facts, person) == ["president"]
    for person, state in wanted:  # each has his own state only
        others = {s for _, s in wanted} - {state}
        assert not any((person, "affiliatedWith", other) in facts for other in others)


@pytest.mark.parametrize(
    "text",
    [
        # three states, two names: which is whose is not said
        "The defence ministers of Kazakhstan, Kyrgyzstan and Tajikistan, Serik Abenov and Bolot Asanov, met.",
        # the names after the verb are the ones met, not the titled ones
        "The foreign ministers of Kazakhstan and Uzbekistan met Pavel Novak and Jan Kovac in Prague.",
    ],
)
def test_a_plural_title_gives_no_state_to_names_it_does_not_pair_one_for_one(tmp_path, gazetteer, text):
    facts = _facts(tmp_path, gazetteer, text)
    assert not any(p == "affiliatedWith" and o in ("Kazakhstan", "Kyrgyzstan", "Uzbekistan") for _, p, o in facts)


def test_a_counterpart_has_the_title_just_named(tmp_path, gazetteer):
    facts = _facts(
        tmp_path,
        gazetteer,
        "Le président russe Vladimir Poutine a reçu au Kremlin son homologue kazakh Daniyar Abenov.",
    )
    assert ("Daniyar Abenov", "affiliatedWith", "Kazakhstan") in facts
    assert _roles(facts, "Daniyar Abenov") == ["president"]


@pytest.mark.parametrize(
    ("text", "person", "role", "body"),
    [
        (
            "The delegation was led by Chief of the CSTO Joint Staff Viktor Sorokin, who arrived in Dushanbe.",
            "Viktor Sorokin",
            "chief",
            "CSTO Joint Staff",
        ),
        (
            "Секретарь Совета безопасности Кыргызстана Марат Иманкулов провел встречу в Бишкеке.",
            "Марат Иманкулов",
            "secretary",
            None,
        ),
        (
            "Defence Minister of the Republic of Kazakhstan Colonel General Serik Abenov arrived in Bishkek.",
            "Serik Abenov",
            "colonel general, defence minister",
            "Kazakhstan",
        ),
    ],
)
def test_a_title_and_what_it_is_of_before_a_name(tmp_path, gazetteer, text, person, role, body):
    facts = _facts(tmp_path, gazetteer, text)
    assert _roles(facts, person) == [role]
    if body:
        assert (person, "affiliatedWith", body) in facts


def test_a_name_then_a_bodys_title(tmp_path, gazetteer):
    facts = _facts(tmp_path, gazetteer, "James Hartley, NATO Spokesman, visited Bishkek on Tuesday.")
    assert ("James Hartley", "affiliatedWith", "North Atlantic Treaty Organization") in facts
    assert _roles(facts, "James Hartley") == ["spokesman"]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Минобороны Киргизии сообщило во вторник, что учения пройдут осенью.", "Kyrgyzstan"),
        (
            "The State Committee for National Security of the Republic of Tajikistan hosted the border talks.",
            "Tajikistan",
        ),
    ],
)
def test_a_states_own_body_named_with_the_state_belongs_to_it(tmp_path, gazetteer, text, state):
    facts = _facts(tmp_path, gazetteer, text)
    assert any(p == "belongsToState" and o == state for _, p, o in facts)


@pytest.mark.parametrize(
    "text",
    [
        "The press service of Russia said the exercises would end on Friday.",
        "Les exercices se sont déroulés dans un centre du Kirghizistan proche de la frontière.",
    ],
)
def test_a_body_only_described_with_a_state_names_no_body_of_that_state(tmp_path, gazetteer, text):
    """ "the press service of Russia" describes some service in passing: no body is said to be Russia's."""
    facts = _facts(tmp_path, gazetteer, text)
    assert not any(p == "belongsToState" for _, p, _ in facts)


def test_a_bodys_name_that_ran_on_past_a_rank_ends_before_it(tmp_path, gazetteer):
    """ "Chief of the General Staff of the Armed Forces of the Kyrgyz Republic Major General N": the
    body's name ends before the rank, so N holds the title, of that body, and the armed forces are the
    state's."""
    facts = _facts(
        tmp_path,
        gazetteer,
        "The meeting was attended by Chief of the General Staff of the Armed Forces of the Kyrgyz Republic "
        "Major General Almaz Dzhumaliev, who arrived from Bishkek.",
    )
    assert _roles(facts, "Almaz Dzhumaliev") == ["major general, chief"]
    body = "General Staff of the Armed Forces of the Kyrgyz Republic"
    assert ("Almaz Dzhumaliev", "affiliatedWith", body) in facts
    assert ("Armed Forces of the Kyrgyz Republic", "belongsToState", "Kyrgyzstan") in facts
    assert not any("Major General" in s or "Major General" in o for s, _, o in facts)


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        (
            "Former Kyrgyz Vice-President Almaz Toktorov told reporters the drills were cancelled.",
            "Almaz Toktorov",
            "former vice president",
        ),
        (
            "Par ailleurs, M. Bolat Serikov, alors vice Premier ministre, a visité le siège de l'OTAN en juin.",
            "Bolat Serikov",
            "then deputy prime minister",
        ),
        (
            "Его сопровождал бывший министр обороны Таджикистана Далер Саидов.",
            "Далер Саидов",
            "former minister of defence",
        ),
    ],
)
def test_former_and_then_stay_in_the_role(tmp_path, gazetteer, text, person, role):
    assert _roles(_facts(tmp_path, gazetteer, text), person) == [role]


def test_names_followed_by_their_titles(tmp_path, gazetteer):
    facts = _facts(
        tmp_path,
        gazetteer,
        "On Monday, Daler Nazarov, Minister of Foreign Affairs of Tajikistan, met Anna Berger, Secretary "
        "General of the OSCE, and Elena Sokolova, spokesperson of Kyrgyzstan Airports Inc., in Vienna.",
    )
    assert ("Daler Nazarov", "affiliatedWith", "Tajikistan") in facts
    assert _roles(facts, "Daler Nazarov") == ["minister of foreign affairs"]
    assert ("Anna Berger", "affiliatedWith", "Organization for Security and Co-operation in Europe") in facts
    assert _roles(facts, "Anna Berger") == ["secretary-general"]
    assert _roles(facts, "Elena Sokolova") == ["spokesperson"]
    assert any(s == "Elena Sokolova" and p == "affiliatedWith" and "Airports" in o for s, p, o in facts)


def test_a_possessive_and_a_russian_genitive_give_the_state(tmp_path, gazetteer):
    english = _facts(tmp_path, gazetteer, "Kazakhstan's Foreign Minister Erlan Sadvakasov arrived in Ashgabat today.")
    assert ("Erlan Sadvakasov", "affiliatedWith", "Kazakhstan") in english
    assert _roles(english, "Erlan Sadvakasov") == ["foreign minister"]
    russian = _facts(tmp_path, gazetteer, "В заседании принял участие министр обороны Казахстана Нуржан Абишев.")
    assert ("Нуржан Абишев", "affiliatedWith", "Kazakhstan") in russian
    assert _roles(russian, "Нуржан Абишев") == ["minister of defence"]


@pytest.mark.parametrize(
    ("text", "person", "state", "posting"),
    [
        (
            "L’ambassadeur kirghize au Turkménistan Azizbek Madmarov et le ministre turkmène ont participé au forum.",
            "Azizbek Madmarov",
            "Kyrgyzstan",
            "Turkmenistan",
        ),
        ("Посол Казахстана в России Даурен Абаев принял участие во встрече.", "Даурен Абаев", "Kazakhstan", "Russia"),
    ],
)
def test_an_ambassador_is_of_his_state_not_of_the_state_he_is_posted_in(
    tmp_path, gazetteer, text, person, state, posting
):
    facts = _facts(tmp_path, gazetteer, text)
    assert (person, "affiliatedWith", state) in facts
    assert (person, "affiliatedWith", posting) not in facts


@pytest.mark.parametrize(
    ("text", "person", "body", "role"),
    [
        (
            "The talks were opened by EU Special Representative for Central Asia Terhi Hakala.",
            "Terhi Hakala",
            "European Union",
            "special representative",
        ),
        (
            "Учения посетил представитель Министерства обороны Казахстана, генерал-майор Серик Ахметов.",
            "Серик Ахметов",
            "Ministry of Defence of the Republic of Kazakhstan",
            "major general, representative",
        ),
        (
            "La directrice de l’ONUDC Anna Petit a visité le centre régional à Bichkek.",
            "Anna Petit",
            "United Nations Office on Drugs and Crime",
            "director",
        ),
    ],
)
def test_a_title_reaches_its_name_past_a_complement_a_rank_or_a_feminine_ending(
    tmp_path, gazetteer, text, person, body, role
):
    """ "Special Representative for Central Asia N", "representative of X, Major General N" and the
    feminine "directrice" all name the person who holds the title and the body it is of."""
    facts = _facts(tmp_path, gazetteer, text)
    assert (person, "affiliatedWith", body) in facts
    assert _roles(facts, person) == [role]


def test_a_nationality_adjective_after_a_title_is_the_state_not_the_post(tmp_path, gazetteer):
    """ "l'ambassadrice ouzbèke en Chine N": the ambassador is Uzbekistan's, posted in China."""
    facts = _facts(
        tmp_path,
        gazetteer,
        "L’ambassadrice ouzbèke en Chine Nodira Karimova et la secrétaire générale adjointe de l’OTAN "
        "Marie Dupont sont arrivées le 3 mai à Tachkent.",
    )
    assert ("Nodira Karimova", "affiliatedWith", "Uzbekistan") in facts
    assert ("Nodira Karimova", "affiliatedWith", "China") not in facts
    assert ("Marie Dupont", "affiliatedWith", "North Atlantic Treaty Organization") in facts
    assert _roles(facts, "Marie Dupont") == ["deputy secretary-general"]


def test_a_possessive_title_after_a_ranked_name_gives_the_body_and_keeps_one_person(tmp_path, gazetteer):
    """ "Colonel John Carter, NATO's special representative": one person (the rank is no part of the
    name), with the rank and the title as his role and NATO as his affiliation."""
    facts = _facts(
        tmp_path, gazetteer, "Colonel John Carter, NATO’s special representative, told reporters that talks went well."
    )
    assert ("John Carter", "affiliatedWith", "North Atlantic Treaty Organization") in facts
    assert _roles(facts, "John Carter") == ["colonel, special representative"]
    assert not any(s.startswith("Colonel") for s, _, _ in facts)


def test_a_russian_title_reaches_the_name_its_bodys_name_ran_into(tmp_path, gazetteer):
    """ "секретарь Совета безопасности России Сергей Шойгу": the body's name ends where the first name
    begins, so the person after it holds the title."""
    facts = _facts(tmp_path, gazetteer, "Вчера секретарь Совета безопасности России Сергей Шойгу прибыл в Астану.")
    assert _roles(facts, "Сергей Шойгу") == ["secretary"]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("По словам министра обороны Казахстана Нуржана Абишева, учения пройдут осенью.", "Нуржан Абишев"),
        ("Делегацию возглавлял вместе с министром обороны Казахстана Вячеславом Трубниковым.", "Вячеслав Трубников"),
        ("Вчера министр обороны Казахстана Ислам Каримов прибыл в Астану.", "Ислам Каримов"),
    ],
)
def test_a_russian_titled_persons_name_is_in_the_nominative(tmp_path, gazetteer, text, person):
    """A name read after a title in the genitive or instrumental is the person's name in the nominative;
    one already in the nominative stays as written."""
    facts = _facts(tmp_path, gazetteer, text)
    assert (person, "affiliatedWith", "Kazakhstan") in facts


@pytest.mark.parametrize(
    ("text", "person", "role", "body"),
    [
        ("Aidar Bekov, deputy head of the CSTO Joint Staff, spoke first.", "Aidar Bekov", "deputy head", "Joint Staff"),
        (
            "Deputy Foreign Minister Akylbek Kamaldinov met the delegation.",
            "Akylbek Kamaldinov",
            "deputy foreign minister",
            None,
        ),
        (
            "Le directeur adjoint du Centre antiterroriste de la CEI, Ivan Petrov, a ouvert la séance.",
            "Ivan Petrov",
            "deputy director",
            "Anti-Terrorism",
        ),
        (
            "Заместитель директора Антитеррористического центра СНГ Иван Петров открыл заседание.",
            "Иван Петров",
            "deputy director",
            "Anti-Terrorism",
        ),
    ],
)
def test_a_deputy_holds_a_title_of_his_own(tmp_path, gazetteer, text, person, role, body):
    """ "Deputy", "adjoint", "заместитель" make any title a deputy's: the deputy is neither the head
    nor untitled, and still speaks for the body the title is of."""
    facts = _facts(tmp_path, gazetteer, text)
    assert _roles(facts, person) == [role]
    if body:
        assert any(s == person and p == "affiliatedWith" and body in o for s, p, o in facts)


@pytest.mark.parametrize(
    ("text", "person", "roles", "bodies"),
    [
        (
            "Vladimir Sotirov, a spokesman for the UN Secretary General in Tajikistan and the head of the UN "
            "Bureau for Peace Building in Tajikistan, signed the memorandum.",
            "Vladimir Sotirov",
            {"spokesman", "head"},
            {"UN Bureau for Peace Building in Tajikistan"},
        ),
        (
            "Иван Петров, начальник Антитеррористического центра СНГ и бывший министр обороны Киргизии, "
            "открыл заседание.",
            "Иван Петров",
            {"chief", "former minister of defence"},
            {"Kyrgyzstan"},
        ),
    ],
)
def test_titles_joined_after_a_name_are_all_that_persons(tmp_path, gazetteer, text, person, roles, bodies):
    """ "N, TITLE of X and (the) TITLE of Y": N holds both titles, each a role of its own, and serves both."""
    facts = _facts(tmp_path, gazetteer, text)
    assert set(_roles(facts, person)) == roles
    assert bodies <= {o for s, p, o in facts if s == person and p == "affiliatedWith"}


def test_a_title_after_a_comma_and_a_coordinator_is_the_next_persons(tmp_path, gazetteer):
    """ "Signed by N, director of X, and the Kazakh Defence Minister": the minister is someone else."""
    facts = _facts(
        tmp_path,
        gazetteer,
        "The protocol was signed by Marat Ospanov, director of CARICC, and the Kazakh Defence Minister.",
    )
    assert _roles(facts, "Marat Ospanov") == ["director"]
    assert ("Marat Ospanov", "affiliatedWith", "Kazakhstan") not in facts


def test_an_office_in_apposition_is_no_second_person(tmp_path, gazetteer):
    """ "N, Kazakhstan's Defence Minister,": one person with the title, no person called "Defence Minister"."""
    facts = _facts(tmp_path, gazetteer, "Nurlan Yermekbayev, Kazakhstan's Defence Minister, attended the meeting.")
    assert ("Nurlan Yermekbayev", "affiliatedWith", "Kazakhstan") in facts
    assert not any(s == "Defence Minister" for s, _, _ in facts)


def test_a_word_that_opens_a_clause_is_no_part_of_the_name_before_a_title(tmp_path, gazetteer):
    """ "Selon Ivan Petrov, porte-parole du ministère …": the person is Ivan Petrov."""
    facts = _facts(
        tmp_path,
        gazetteer,
        "Selon Ivan Petrov, porte-parole du ministère russe de la Défense, le retrait a commencé.",
    )
    assert _roles(facts, "Ivan Petrov") == ["spokesperson"]
    assert not any(s.startswith("Selon") for s, _, _ in facts)


def test_a_russian_title_reaches_its_holder_past_a_chain_of_genitives(tmp_path, gazetteer):
    """The complement of a Russian title is often a chain of bodies in the genitive, each of the next; the
    holder's name comes after it, and the person serves what the chain names (the ministry here)."""
    facts = _facts(
        tmp_path,
        gazetteer,
        "Начальник отдела ОДКБ Первого департамента стран СНГ МИД Российской Федерации Олег Кравченко "
        "выступил с докладом.",
    )
    assert _roles(facts, "Олег Кравченко") == ["chief"]
    bodies = {o for s, p, o in facts if s == "Олег Кравченко" and p == "affiliatedWith"}
    assert any("МИД" in o for o in bodies)
    assert not any("Кравченко" in o for o in bodies)


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        ("Political analyst Arkady Dubnov said the summit would change little.", "Arkady Dubnov", "political analyst"),
        (
            "Le politologue Arkadi Doubnov estime que le sommet changera peu de choses.",
            "Arkadi Doubnov",
            "political scientist",
        ),
        ("По словам политолога Аркадия Дубнова, саммит мало что изменит.", "Аркадий Дубнов", "political scientist"),
    ],
)
def test_an_analyst_has_the_role_the_text_gives(tmp_path, gazetteer, text, person, role):
    assert _roles(_facts(tmp_path, gazetteer, text), person) == [role]


def test_analysts_not_named_are_nobody(tmp_path, gazetteer):
    facts = _facts(tmp_path, gazetteer, "Analysts say the summit would change little.")
    assert not [f for f in facts if f[1] in ("role", "affiliatedWith")]


def test_a_bodys_name_ends_before_a_title_coordinated_after_it(tmp_path, gazetteer):
    """ "N, chef du Centre … de la CEI et ancien ministre de la Défense du Kirghizistan": the centre's name
    stops before "et ancien ministre", which is N's second title."""
    facts = _facts(
        tmp_path,
        gazetteer,
        "Ivan Petrov, chef du Centre antiterroriste de la CEI et ancien ministre de la Défense du Kirghizistan, "
        "a ouvert le séminaire.",
    )
    assert set(_roles(facts, "Ivan Petrov")) == {"chief", "former minister of defence"}
    assert ("Ivan Petrov", "affiliatedWith", "Kyrgyzstan") in facts
    assert not any("ancien ministre" in s or "ancien ministre" in o for s, _, o in facts)


def test_a_title_reaches_its_holder_past_a_possessive_in_its_complement(tmp_path, gazetteer):
    facts = _facts(
        tmp_path,
        gazetteer,
        "Director of the Executive Committee of the SCO's Regional Anti-Terrorist Structure Jumakhon Giyosov "
        "also took part in the meeting.",
    )
    assert _roles(facts, "Jumakhon Giyosov") == ["director"]
    assert any(s == "Jumakhon Giyosov" and p == "affiliatedWith" for s, p, _ in facts)
    assert not any("Giyosov" in o for s, p, o in facts if p == "affiliatedWith")


def test_a_bodys_name_that_ran_on_into_the_holders_ends_before_it(tmp_path, gazetteer):
    """With no morphology to say "Kakha" is a first name, two capitalised words with no head word after
    the known name that closes the body's ("… for Central Asia") are the holder's name."""
    facts = _facts(
        tmp_path,
        gazetteer,
        "Head of the UN Regional Center for Preventive Diplomacy for Central Asia Kakha Imnadze spoke first.",
    )
    assert _roles(facts, "Kakha Imnadze") == ["head"]
    bodies = {o for s, p, o in facts if s == "Kakha Imnadze" and p == "affiliatedWith"}
    assert any(o.endswith("Central Asia") for o in bodies)


def test_a_name_after_a_title_of_a_body_written_as_an_acronym_is_a_person(tmp_path, gazetteer):
    # "Chairman of NSC Nurtay Abykaev": the acronym ends the body's name, the capitalised words after it
    # are the holder's, also where no recogniser reads them as a person
    facts = _facts(tmp_path, gazetteer, "The Chairman of NSC Nurtay Abykaev observed the final stage of the exercise.")
    assert _roles(facts, "Nurtay Abykaev") == ["chairman"], facts
