"""Relations stated by constructions, not by one sentence's wording: membership lists, lists of titled
people, the states of people who take part, who proposed an initiative, the topics a meeting
discussed. Golden answers are read from the corpus gold files; each case names the construction it
checks and comes from a different publisher.
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


CSTO_SIX = {"Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"}


@pytest.mark.parametrize(
    ("article", "relation", "subjects", "obj"),
    [
        # "all six member nations of the CSTO – Armenia, Belarus, ..." (a dash opens the list)
        ("dev/asiaplustj-kyrgyzstan-cancels-csto-exercise-2022", "member_of", CSTO_SIX, "CSTO"),
        # "В ОДКБ входят Россия, Армения, ..." (the organisation includes the listed states)
        ("dev/tass-shoigu-komitet-sekretarei-sovbezov-odkb-2024", "member_of", CSTO_SIX, "CSTO"),
        # "l'OTSC rassemble, autour de la Russie, l'Arménie, ..."
        ("dev/regard-est-otsc-en-difficultes-fraternite-indestructible-annulee", "member_of", CSTO_SIX, "CSTO"),
        # "l'ODKB, un groupement de pays ... (Russie, Arménie, Bélarus, ...)": the states in a bracket after it
        (
            "dev/eurokaznews-manoeuvres-force-reaction-rapide-otsc-matyboulak-2009",
            "member_of",
            CSTO_SIX | {"Uzbekistan"},
            "CSTO",
        ),
        # "спецслужб восьми государств СНГ: Кыргызстана, Армении, ..." (a colon list of the states of an organisation)
        (
            "dev/kabar-kaspii-antiterror-2021-aktau",
            "member_of",
            {"Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Moldova", "Russia", "Tajikistan", "Uzbekistan"},
            "CIS",
        ),
    ],
)
def test_membership_lists(scorer, corpus, gazetteer, article, relation, subjects, obj):
    gold = yaml.safe_load((corpus / f"{article}.gold.yaml").read_text(encoding="utf-8"))
    wanted = [r for r in gold["relations"] if r[1] == relation and r[0] in subjects and r[2] == obj]
    assert len(wanted) == len(subjects)
    _assert_found(scorer, corpus, gazetteer, article, gold, wanted)


@pytest.mark.parametrize(
    ("article", "objects"),
    [
        # "attended by Defence Minister of the Republic of India N, Defence Minister of ... Major General N, ..."
        ("dev/sectsco-sco-defence-ministers-meeting-bishkek-2019", {"Russia", "Pakistan", "Wei Fenghe", "China"}),
        # a head of state who takes part makes his state a participant
        ("dev/newscentralasia-5th-consultative-meeting-dushanbe-2023", {"Tajikistan"}),
        # "Le ministre ouzbek des Affaires étrangères B. Saidov, ..., l'ambassadeur kirghize au Turkménistan A. Madmarov
        # et la secrétaire générale de l'OSCE ... ont participé au forum": titled items before the verb
        (
            "dev/lasitique-forum-osce-ministres-asie-centrale-achgabat-2023",
            {"Bakhtiyor Saidov", "Rashid Meredov", "Uzbekistan", "Turkmenistan", "Tajikistan", "Kyrgyzstan"},
        ),
        # "Les dirigeants du Tadjikistan, du Kirghizistan et de l'Ouzbékistan ont tenu ... un sommet": actors first
        ("dev/amoledo-accord-frontalier-trilateral-khodjent-2025", {"Tajikistan", "Kyrgyzstan", "Uzbekistan"}),
    ],
)
def test_participants_from_titled_lists_and_their_states(scorer, corpus, gazetteer, article, objects):
    gold = yaml.safe_load((corpus / f"{article}.gold.yaml").read_text(encoding="utf-8"))
    wanted = [r for r in gold["relations"] if r[1] == "participant" and r[2] in objects]
    assert len(wanted) == len(objects)
    _assert_found(scorer, corpus, gazetteer, article, gold, wanted)


def _assert_found(scorer, corpus, gazetteer, article, gold, wanted):
    types, relations = scorer.load_mapping(MAPPING)
    doc = extract(corpus / f"{article}.md", gazetteer)
    result = scorer.score(extraction_json(doc, entity_iri), gold, types, relations)
    assert not [r for r in result["relations"]["missed"] if r in wanted]


@pytest.mark.parametrize(
    ("article", "relation", "pair"),
    [
        # "Меморандум ... между Исполкомом СНГ и ...": the parties of an agreement between A and B
        (
            "dev/rianovosti-cis-un-tajikistan-peacebuilding-memorandum-2004",
            "party_to",
            (
                "CIS Executive Committee",
                "Memorandum on mutual understanding and partnership between the CIS Executive Committee and the UN "
                "Bureau for Peace Building in Tajikistan",
            ),
        ),
        # "Le Kazakhstan et l'ONU ont signé un nouvel accord": two signatories cooperate
        (
            "dev/lagazetteaz-kazakhstan-renforce-missions-maintien-paix-onu",
            "cooperates_with",
            ("Kazakhstan", "United Nations"),
        ),
    ],
)
def test_parties_and_cooperation_from_joint_acts(scorer, corpus, gazetteer, article, relation, pair):
    gold = yaml.safe_load((corpus / f"{article}.gold.yaml").read_text(encoding="utf-8"))
    wanted = [r for r in gold["relations"] if r[1] == relation and (r[0], r[2]) == pair]
    assert len(wanted) == 1
    _assert_found(scorer, corpus, gazetteer, article, gold, wanted)


@pytest.mark.parametrize(
    ("parts", "written"),
    [
        (["Colonel", "Chief"], "colonel, chief"),
        (["Minister", "Minister of Foreign Affairs"], "minister of foreign affairs"),
        (["UN Special Representative"], "UN special representative"),
    ],
)
def test_a_role_has_one_written_form(parts, written):
    from casckg.ingest.names import normal_role

    assert normal_role(parts) == written


@pytest.mark.parametrize(
    ("article", "wanted"),
    [
        # "talks in Bishkek": a place after a locative inside the forum's name
        (
            "dev/fergana-kyrgyz-tajik-border-treaty-signed-bishkek",
            [("Japarov–Rahmon talks in Bishkek (Rahmon state visit)", "hosted_in", "Bishkek")],
        ),
        # "саммит СВМДА в Астане": the organisation in the name organises, the place hosts
        (
            "dev/gazeta-kirgiziya-otmenila-ucheniya-nerushimoe-bratstvo-2022",
            [("6th CICA Summit", "organized_by", "CICA"), ("6th CICA Summit", "hosted_in", "Astana")],
        ),
        # "un autre exercice de l'OTSC": the organisation's exercise
        (
            "dev/regard-est-otsc-en-difficultes-fraternite-indestructible-annulee",
            [("CSTO exercise in Kazakhstan (26 September–8 October)", "organized_by", "CSTO")],
        ),
        # "Le ministre ouzbek des Affaires étrangères Bakhtiyor Saidov, le ministre turkmène ... Raşit Meredow"
        (
            "dev/lasitique-forum-osce-ministres-asie-centrale-achgabat-2023",
            [
                ("Bakhtiyor Saidov", "affiliated_with", "Uzbekistan"),
                ("Rashid Meredov", "affiliated_with", "Turkmenistan"),
            ],
        ),
        # "take place in Shymkent, Kazakhstan": a place and its state
        ("dev/rferl-centrazbat-97-us-joint-exercise-1997", [("Shymkent", "located_in", "Kazakhstan")]),
        # "the capital of the Kyrgyz Republic, Bishkek"
        ("dev/sectsco-sco-defence-ministers-meeting-bishkek-2019", [("Bishkek", "located_in", "Kyrgyzstan")]),
        # "Kyrgyzstan's Ministry of Defense": a possessive
        (
            "dev/asiaplustj-kyrgyzstan-cancels-csto-exercise-2022",
            [("Ministry of Defence of Kyrgyzstan", "belongs_to_state", "Kyrgyzstan")],
        ),
    ],
)
def test_what_forum_names_titles_and_place_names_say(scorer, corpus, gazetteer, article, wanted):
    gold = yaml.safe_load((corpus / f"{article}.gold.yaml").read_text(encoding="utf-8"))
    wanted = [list(w) for w in wanted]
    assert all(w in gold["relations"] for w in wanted)
    _assert_found(scorer, corpus, gazetteer, article, gold, wanted)


@pytest.mark.parametrize(
    ("article", "pair"),
    [
        # "At Turkmenistan’s initiative, the UN General Assembly declared December 12 as the International Day of
        # Neutrality" (a typographic apostrophe: the text is read with apostrophes unified)
        (
            "dev/turkmenhemrasy-unga-permanent-neutrality-resolution",
            ("Turkmenistan", "International Day of Neutrality"),
        ),
    ],
)
def test_who_proposed_an_initiative(scorer, corpus, gazetteer, article, pair):
    gold = yaml.safe_load((corpus / f"{article}.gold.yaml").read_text(encoding="utf-8"))
    wanted = [r for r in gold["relations"] if r[1] == "proposed" and (r[0], r[2]) == pair]
    assert len(wanted) == 1
    _assert_found(scorer, corpus, gazetteer, article, gold, wanted)


# Topics a meeting discussed, read through the multilingual topic vocabulary: the gold names topics in English
# whatever the article's language, so a French or Russian sentence must yield the English label.
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
    _assert_found(scorer, corpus, gazetteer, article, gold, wanted)


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
