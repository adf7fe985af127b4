"""What a meeting dealt with beyond its discussion words: an act signed or adopted at the meeting, and
what its participants declared themselves ready for or were briefed on.

Hand-written sentences in each language; a reader checks what the summit dealt with.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("language", "text", "act"),
    [
        (
            "en",
            "The Central Asian summit took place in Dushanbe on 14 September. "
            "At the summit the presidents signed the Treaty on Friendship and Good-Neighbourliness.",
            "treaty-on-friendship-and-good-neighbourliness",
        ),
        (
            "fr",
            "Le sommet d'Asie centrale s'est tenu à Douchanbé le 14 septembre. "
            "Lors du sommet, les présidents ont signé le Traité d'amitié et de bon voisinage.",
            "traite-d-amitie-et-de-bon-voisinage",
        ),
        (
            "ru",
            "Саммит глав государств Центральной Азии прошёл в Душанбе 14 сентября. "
            "На саммите президенты подписали Договор о дружбе и добрососедстве.",
            "dogovor-o-druzhbe-i-dobrososedstve",
        ),
        (
            "en",
            "The Central Asian summit took place in Dushanbe on 14 September. "
            "At the summit the presidents welcomed the Treaty on Friendship and Good-Neighbourliness.",
            "treaty-on-friendship-and-good-neighbourliness",
        ),
        (
            "fr",
            "Le sommet d'Asie centrale s'est tenu à Douchanbé le 14 septembre. "
            "Le sommet a été l'occasion de débattre du Traité d'amitié et de bon voisinage.",
            "traite-d-amitie-et-de-bon-voisinage",
        ),
        (
            "ru",
            "Саммит глав государств Центральной Азии прошёл в Душанбе 14 сентября. "
            "На саммите президенты приветствовали Договор о дружбе и добрососедстве.",
            "dogovor-o-druzhbe-i-dobrososedstve",
        ),
    ],
)
def test_an_act_signed_welcomed_or_debated_at_a_meeting_is_what_the_meeting_discussed(facts, language, text, act):
    # signed, "welcomed the X", "l'occasion de débattre du X", "приветствовали X": the act was on the table
    discussed = {(s, o) for s, p, o in facts(language, text) if p == "cas:discussed"}
    assert [s for s, o in discussed if o == act], f"the summit should have discussed {act}: {discussed}"


@pytest.mark.parametrize(
    ("language", "text", "topic"),
    [
        (
            "en",
            "The Central Asian summit took place in Dushanbe. At the summit, the presidents expressed their "
            "readiness to strengthen cooperation against terrorism.",
            "terrorism",
        ),
        (
            "en",
            "The EU-Central Asia Ministerial Meeting was held in Dushanbe. At the meeting, the EU informed the "
            "ministers about its priorities in water security.",
            "water-security",
        ),
        (
            "fr",
            "Le sommet d'Asie centrale s'est tenu à Douchanbé. Lors du sommet, le président a exprimé sa volonté "
            "de renforcer les échanges culturels.",
            "cultural-exchanges",
        ),
        (
            "ru",
            "Саммит глав государств Центральной Азии прошёл в Душанбе. На саммите президенты выразили готовность "
            "расширить борьбу с терроризмом.",
            "terrorism",
        ),
    ],
)
def test_what_a_meeting_declared_itself_ready_for_or_was_briefed_on_is_discussed(facts, language, text, topic):
    # "expressed readiness to", "a exprimé sa volonté de", "выразили готовность", "informed ... about": a
    # meeting's stance or briefing names what it dealt with, recorded under the vocabulary's English label
    discussed = {o for _, p, o in facts(language, text) if p == "cas:discussed"}
    assert topic in discussed, discussed


def test_what_was_discussed_is_read_until_the_article_comes_back_to_the_meeting(facts):
    # four sentences of what was said, then "at the end of the meeting": the topics in between are the
    # meeting's, although its name was last written three sentences before them
    text = (
        "The summit of Central Asian heads of state was held in Dushanbe on 14 September. "
        "The president opened it with a speech. "
        "He spoke about the history of the region. "
        "He thanked the guests for coming. "
        "The leaders highlighted the importance of joint efforts against drug trafficking. "
        "At the end of the summit, the president thanked the participants."
    )
    discussed = {o for _, p, o in facts("en", text) if p == "cas:discussed"}
    assert "drug-trafficking" in discussed, discussed


def test_a_french_discussion_names_its_topics_in_the_graphs_english_only(facts):
    # the graph names topics in English: "la sécurité de l'eau" becomes "water security", and the French
    # words around it ("les questions de") are no second, French-named topic
    text = (
        "Le sommet d'Asie centrale s'est tenu à Douchanbé le 14 septembre. "
        "Les présidents ont examiné les questions de la sécurité de l'eau."
    )
    discussed = {o for _, p, o in facts("fr", text) if p == "cas:discussed"}
    assert discussed == {"water-security"}, discussed


def test_a_topic_may_hold_a_whole_name_but_not_part_of_one(facts):
    # "the situation in Afghanistan" names a state and is a topic; "collective security" inside the name of
    # the Collective Security Treaty Organization is none
    text = (
        "The summit of Central Asian heads of state was held in Dushanbe on 14 September. "
        "The leaders discussed the situation in Afghanistan with the Collective Security Treaty Organization."
    )
    discussed = {o for _, p, o in facts("en", text) if p == "cas:discussed"}
    assert "situation-in-afghanistan" in discussed, discussed
    assert "collective-security" not in discussed, discussed


@pytest.mark.parametrize(
    ("language", "text", "topics"),
    [
        (
            "en",
            "The CSTO summit was held in Minsk on 12 May. Particular attention was paid to cybersecurity and "
            "illegal migration.",
            {"cybersecurity", "illegal-migration"},
        ),
        (
            "en",
            "The CSTO summit was held in Minsk on 12 May. The talks centred on border security and drug trafficking.",
            {"border-security", "drug-trafficking"},
        ),
        (
            "en",
            "The CSTO summit was held in Minsk on 12 May. The ministers also touched upon water security and "
            "climate change.",
            {"water-security", "climate-change"},
        ),
        (
            "fr",
            "Le sommet de l'OTSC s'est tenu à Minsk le 12 mai. Une attention particulière a été accordée à la "
            "cybersécurité et à la migration illégale.",
            {"cybersecurity", "illegal-migration"},
        ),
        (
            "fr",
            "Le sommet de l'OTSC s'est tenu à Minsk le 12 mai. Les parties ont échangé leurs points de vue sur "
            "l'énergie et la sécurité des frontières.",
            {"energy", "border-security"},
        ),
        (
            "fr",
            "Le sommet de l'OTSC s'est tenu à Minsk le 12 mai. Au cœur des discussions : la sécurité aux "
            "frontières et le trafic de drogue.",
            {"border-security", "drug-trafficking"},
        ),
        (
            "ru",
            "Саммит ОДКБ прошел в Минске 12 мая. В ходе встречи стороны уделили особое внимание вопросам "
            "кибербезопасности и незаконной миграции.",
            {"cybersecurity", "illegal-migration"},
        ),
        (
            "ru",
            "Саммит ОДКБ прошел в Минске 12 мая. Стороны также затронули вопросы водной безопасности и "
            "изменения климата.",
            {"water-security", "climate-change"},
        ),
        (
            "en",
            "The CSTO summit was held in Minsk on 12 May. The meeting was devoted to regional security.",
            {"regional-security"},
        ),
        (
            "fr",
            "Le sommet de l'OTSC s'est tenu à Minsk le 12 mai. L'ordre du jour comprenait la sécurité des "
            "frontières et le trafic de drogue.",
            {"border-security", "drug-trafficking"},
        ),
        (
            "fr",
            "Le sommet de l'OTSC s'est tenu à Minsk le 12 mai. Il a été question de la situation en Afghanistan.",
            {"situation-in-afghanistan"},
        ),
        (
            "fr",
            "Le sommet de l'OTSC s'est tenu à Minsk le 12 mai. Les ministres se sont penchés sur la cybersécurité.",
            {"cybersecurity"},
        ),
        (
            "fr",
            "Le sommet de l'OTSC s'est tenu à Minsk le 12 mai. Les dirigeants se sont entretenus de la "
            "coopération militaro-technique.",
            {"military-technical-cooperation"},
        ),
        (
            "ru",
            "Саммит ОДКБ прошел в Минске 12 мая. Темой встречи стала региональная безопасность.",
            {"regional-security"},
        ),
        (
            "en",
            "The CSTO summit was held in Minsk on 12 May. The leaders agreed to step up the fight against terrorism.",
            {"terrorism"},
        ),
        (
            "fr",
            "Le sommet de l'OTSC s'est tenu à Minsk le 12 mai. Les dirigeants sont convenus de renforcer la lutte "
            "contre le terrorisme.",
            {"terrorism"},
        ),
        (
            "ru",
            "Саммит ОДКБ прошел в Минске 12 мая. Главы государств договорились усилить борьбу с терроризмом.",
            {"terrorism"},
        ),
        (
            "en",
            "The CSTO summit was held in Minsk on 12 May. The secretary general highlighted the threat of drug "
            "trafficking.",
            {"drug-trafficking"},
        ),
        (
            "fr",
            "Le sommet de l'OTSC s'est tenu à Minsk le 12 mai. Le ministre a mis l'accent sur la sécurité des "
            "frontières.",
            {"border-security"},
        ),
        (
            "ru",
            "Саммит ОДКБ прошел в Минске 12 мая. Участники обратили внимание на ситуацию в Афганистане.",
            {"situation-in-afghanistan"},
        ),
        (
            "ru",
            "Саммит ОДКБ прошел в Минске 12 мая. Министр особо выделил угрозу кибербезопасности.",
            {"cybersecurity"},
        ),
    ],
)
def test_what_a_meeting_paid_attention_to_centred_on_or_touched_upon_is_discussed(facts, language, text, topics):
    # "attention was paid to", "centred on", "touched upon", "devoted to", "échangé leurs points de vue sur",
    # "au cœur des discussions", "l'ordre du jour", "il a été question de", "se sont penchés sur", "уделили
    # внимание", "затронули", "темой встречи стала", and what it agreed on ("agreed to", "sont convenus de",
    # "договорились"): the usual ways a report says what a meeting dealt with
    discussed = {o for _, p, o in facts(language, text) if p == "cas:discussed"}
    assert topics <= discussed, discussed


def test_money_set_aside_at_a_meeting_is_no_emphasis(facts):
    # "выделить" is to single out only after "особо"; bare, it is to allocate money
    text = "Саммит ОДКБ прошел в Минске 12 мая. Россия выделила 10 миллионов долларов на борьбу с терроризмом."
    assert not [f for f in facts("ru", text) if f[1] == "cas:discussed"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "The CSTO summit was held in Minsk on 12 May. An expert at the institute drew attention to water security.",
        ),
        (
            "fr",
            "Le sommet de l'OTSC s'est tenu à Minsk le 12 mai. Un expert de l'institut a attiré l'attention sur la "
            "sécurité de l'eau.",
        ),
        ("ru", "Саммит ОДКБ прошел в Минске 12 мая. Эксперт института обратил внимание на водную безопасность."),
    ],
)
def test_what_an_outside_expert_singles_out_is_not_what_the_meeting_discussed(facts, language, text):
    assert not [f for f in facts(language, text) if f[1] == "cas:discussed"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The CSTO summit was held in Minsk on 12 May. The observer states drew attention to water security."),
        ("ru", "Саммит ОДКБ прошел в Минске 12 мая. Эксперты стран-членов обратили внимание на водную безопасность."),
    ],
)
def test_the_meetings_own_experts_and_observers_speak_for_it(facts, language, text):
    assert "water-security" in {o for _, p, o in facts(language, text) if p == "cas:discussed"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "The Central Asian summit took place in Dushanbe on 14 September. Last year, the presidents signed the "
            "Treaty on Friendship and Good-Neighbourliness.",
        ),
        (
            "fr",
            "Le sommet d'Asie centrale s'est tenu à Douchanbé le 14 septembre. L'an dernier, les présidents ont signé "
            "le Traité d'amitié et de bon voisinage.",
        ),
        (
            "ru",
            "Саммит глав государств Центральной Азии прошёл в Душанбе 14 сентября. В прошлом году президенты "
            "подписали Договор о дружбе и добрососедстве.",
        ),
    ],
)
def test_an_act_signed_at_another_time_is_not_what_the_meeting_discussed(facts, language, text):
    # the act is the background of the summit, signed a year before it
    assert not [f for f in facts(language, text) if f[1] == "cas:discussed"]


def test_attention_outside_a_meeting_is_no_discussion(facts):
    # no meeting in the article: what a ministry paid attention to was discussed at no event
    text = "The ministry of defence paid particular attention to cybersecurity and illegal migration this year."
    assert not [f for f in facts("en", text) if f[1] == "cas:discussed"]


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        (
            "The CSTO summit was held in Minsk on 12 May. The leaders discussed the creation of a joint air "
            "defence system and the supply of modern weapons.",
            {"creation-of-a-joint-air-defence-system", "supply-of-modern-weapons"},
        ),
        (
            "The CSTO summit was held in Minsk on 12 May. Tokayev discussed with Putin the prospects of military "
            "cooperation.",
            {"prospects-of-military-cooperation"},
        ),
        (
            "The CSTO summit was held in Minsk on 12 May. The leaders discussed in detail the situation on the "
            "Tajik-Afghan border.",
            {"situation-on-the-tajik-afghan-border"},
        ),
        (
            "The CSTO summit was held in Minsk on 12 May. Threats to the member states that originate in "
            "neighbouring regions were discussed.",
            {"threats-to-the-member-states"},
        ),
    ],
)
def test_what_an_english_meeting_discussed_is_the_phrase_the_verb_governs(facts, text, topics):
    # "discussed X and the Y": two phrases, each a topic; who it was discussed with, and how, is none; a
    # subject topic ends before its relative clause
    discussed = {o for _, p, o in facts("en", text) if p == "cas:discussed"}
    assert topics <= discussed, discussed
    assert not [o for o in discussed if o.startswith(("with-", "in-detail"))], discussed


@pytest.mark.parametrize(
    "text",
    [
        "The CSTO summit was held in Minsk on 12 May. They discussed matters of mutual interest and reached agreement.",
        "The CSTO summit was held in Minsk on 12 May. The issue was discussed at length.",
    ],
)
def test_saying_only_that_something_was_discussed_names_no_topic(facts, text):
    # "matters of mutual interest", "the issue": no topic; "and reached agreement" is a second clause
    assert not [f for f in facts("en", text) if f[1] == "cas:discussed"]


@pytest.mark.parametrize(
    ("language", "text", "topics"),
    [
        (
            "en",
            "The CSTO summit was held in Minsk on 12 May. The leaders discussed regional and collective security.",
            {"regional-security", "collective-security"},
        ),
        (
            "fr",
            "Le sommet de l'OTSC s'est tenu à Minsk le 12 mai. Les discussions ont porté sur la sécurité "
            "alimentaire et énergétique.",
            {"food-security", "energy-security"},
        ),
        (
            "ru",
            "Саммит ОДКБ прошел в Минске 12 мая. Участники обсудили вопросы продовольственной и энергетической "
            "безопасности.",
            {"food-security", "energy-security"},
        ),
    ],
)
def test_two_modifiers_of_one_noun_name_two_topics(facts, language, text, topics):
    # "regional and collective security" is regional security and collective security
    discussed = {o for _, p, o in facts(language, text) if p == "cas:discussed"}
    assert topics <= discussed, discussed


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "The CSTO summit was held in Minsk on 12 May. It was attended by the presidents of Kazakhstan, Kyrgyzstan "
            "and Tajikistan. The host country was represented by its president. Several documents were signed. "
            "The sides also discussed the situation in Afghanistan.",
        ),
        (
            "fr",
            "Le sommet de l'OTSC s'est tenu à Minsk le 12 mai. Les présidents du Kazakhstan, du Kirghizistan et du "
            "Tadjikistan y ont participé. Le pays hôte était représenté par son président. Plusieurs documents ont "
            "été signés. Les parties ont également évoqué la situation en Afghanistan.",
        ),
        (
            "ru",
            "Саммит ОДКБ прошел в Минске 12 мая. В нем приняли участие президенты Казахстана, Киргизии и "
            "Таджикистана. Страну-хозяйку представлял ее президент. Был подписан ряд документов. Стороны также "
            "обсудили ситуацию в Афганистане.",
        ),
    ],
)
def test_what_the_sides_also_discussed_sentences_later_is_the_meetings(facts, language, text):
    # three sentences of who came and what was signed, then "the sides also discussed": the meeting's parties
    # speak, so the topic is the summit's although the summit was named four sentences before
    discussed = {(s, o) for s, p, o in facts(language, text) if p == "cas:discussed"}
    assert [s for s, o in discussed if o == "situation-in-afghanistan"], discussed


def test_the_sides_of_no_meeting_discussed_nothing(facts):
    # no meeting named: "the sides" of a phone call the article does not call a meeting discussed at no event
    text = "Kazakhstan and Uzbekistan spoke by phone. The sides discussed the situation in Afghanistan."
    assert not [f for f in facts("en", text) if f[1] == "cas:discussed"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The CSTO summit was held in Minsk on 12 May. The sides discussed the situation in Syria."),
        ("fr", "Le sommet de l'OTSC s'est tenu à Minsk le 12 mai. Les parties ont évoqué la situation en Syrie."),
        ("ru", "Саммит ОДКБ прошел в Минске 12 мая. Стороны обсудили ситуацию в Сирии."),
    ],
)
def test_the_situation_in_any_known_state_is_a_topic_under_its_english_name(facts, language, text):
    # no vocabulary entry names Syria: "the situation in" and a state the gazetteer knows make the topic
    discussed = {o for _, p, o in facts(language, text) if p == "cas:discussed"}
    assert "situation-in-syria" in discussed, discussed


SECURITY = {"financing-of-terrorism", "human-trafficking", "air-defence"}
# "lutte contre la drogue", "борьба с наркотиками": drug trafficking; "cybermenaces", "киберугрозы": cyber threats;
# "la question afghane", "афганская проблематика": the Afghan issue; water problems are water resources
PARAPHRASED = {"drug-trafficking", "cyber-threats", "afghan-issue", "humanitarian-aid", "water-resources"}


@pytest.mark.parametrize(
    ("language", "text", "topics"),
    [
        (
            "en",
            "The CSTO summit was held in Minsk on 12 May. The leaders discussed terrorist financing, human "
            "trafficking and air defence.",
            SECURITY,
        ),
        (
            "fr",
            "Le sommet de l'OTSC s'est tenu à Minsk le 12 mai. Les dirigeants ont discuté du financement du "
            "terrorisme, du trafic d’êtres humains et de la défense aérienne.",
            SECURITY,
        ),
        (
            "ru",
            "Саммит ОДКБ прошел в Минске 12 мая. Лидеры обсудили противодействие финансированию терроризма, "
            "торговле людьми и вопросы противовоздушной обороны.",
            SECURITY,
        ),
        (
            "en",
            "The SCO summit was held in Astana on 4 July. The leaders discussed counter-narcotics work, cyber "
            "threats, the Afghan issue, humanitarian aid and water sharing.",
            PARAPHRASED,
        ),
        (
            "fr",
            "Le sommet de l'OCS s'est tenu à Astana le 4 juillet. Les dirigeants ont évoqué la lutte contre la "
            "drogue, les cybermenaces, la question afghane, l'aide humanitaire et le partage de l'eau.",
            PARAPHRASED,
        ),
        (
            "ru",
            "Саммит ШОС прошел в Астане 4 июля. Лидеры обсудили борьбу с наркотиками, киберугрозы, афганскую "
            "проблематику, гуманитарную помощь и водные проблемы.",
            PARAPHRASED,
        ),
    ],
)
def test_security_cooperation_topics_are_named_alike_in_every_language(facts, language, text, topics):
    # one English-labelled node per topic whatever the article's language, its usual paraphrases included;
    # financing of terrorism is not read as a bare "terrorism"
    discussed = {o for _, p, o in facts(language, text) if p == "cas:discussed"}
    assert topics <= discussed, discussed
    assert "terrorism" not in discussed, discussed


@pytest.mark.parametrize(
    ("language", "text", "topic"),
    [
        (
            "en",
            "The meeting of CSTO defence ministers was held in Minsk on 12 May. The results of the joint exercise "
            "Interaction-2023 were reviewed. The ministers also discussed border security.",
            "border-security",
        ),
        (
            "ru",
            "Совещание министров обороны стран ОДКБ прошло в Минске 12 мая. Участники подвели итоги учений "
            "«Взаимодействие-2023». Министры также обсудили вопросы пограничной безопасности.",
            "border-security",
        ),
    ],
)
def test_an_exercise_whose_results_a_meeting_reviews_does_not_take_the_meetings_frame(facts, language, text, topic):
    # the exercise is what the meeting looked back on; what is discussed next is still the meeting's
    discussed = [(s, o) for s, p, o in facts(language, text) if p == "cas:discussed" and o == topic]
    assert discussed and all("soveshchanie" in s or "meeting" in s for s, _ in discussed), discussed


@pytest.mark.parametrize(
    ("language", "text", "topics"),
    [
        (
            "en",
            "The SCO summit was held in Astana on 4 July. The leaders addressed regional security and terrorism.",
            {"regional-security", "terrorism"},
        ),
        (
            "en",
            "The CIS summit took place in Dushanbe on 13 October. They talked about labour migration and trade.",
            {"labour-migration", "trade"},
        ),
        (
            "en",
            "The CSTO summit was held in Minsk on 7 May. The leaders attached great importance to food security.",
            {"food-security"},
        ),
        (
            "fr",
            "Le sommet de l'OCS s'est tenu à Astana le 4 juillet. Les ministres ont parlé de la migration de travail.",
            {"labour-migration"},
        ),
        (
            "fr",
            "Le sommet de l'OTSC s'est tenu à Minsk le 7 mai. Les parties ont aussi échangé sur la cybersécurité.",
            {"cybersecurity"},
        ),
        (
            "ru",
            "7 мая в Минске прошел саммит ОДКБ. Стороны придали большое значение продовольственной безопасности.",
            {"food-security"},
        ),
        (
            "ru",
            "7 мая в Минске прошел саммит ОДКБ. Президенты говорили о сотрудничестве в сфере энергетики и транспорта.",
            {"energy", "transport"},
        ),
    ],
)
def test_what_a_meeting_addressed_talked_about_or_attached_importance_to_is_discussed(facts, language, text, topics):
    discussed = {o for _, p, o in facts(language, text) if p == "cas:discussed"}
    assert topics <= discussed, discussed


def test_what_a_state_is_considered_is_no_discussion(facts):
    text = (
        "The SCO summit was held in Astana on 4 July. Kazakhstan is considered a leader in nuclear non-proliferation."
    )
    assert not [f for f in facts("en", text) if f[1] == "cas:discussed"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "The SCO summit was held in Astana on 4 July. The leaders discussed security on the Tajik-Afghan border.",
        ),
        (
            "fr",
            "Le sommet de l'OCS s'est tenu à Astana le 4 juillet. Les dirigeants ont discuté de la sécurité à la "
            "frontière tadjiko-afghane.",
        ),
        (
            "ru",
            "7 мая в Минске прошел саммит ОДКБ. Участники обсудили вопросы обеспечения безопасности на "
            "таджикско-афганской границе.",
        ),
    ],
)
def test_security_on_a_named_border_is_border_security(facts, language, text):
    assert "border-security" in {o for _, p, o in facts(language, text) if p == "cas:discussed"}


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        (
            "The CSTO summit was held in Minsk on 7 May. The sides also exchanged views on the Afghan settlement "
            "and biological security.",
            {"afghan-settlement", "biological-security"},
        ),
        (
            "The CSTO summit was held in Minsk on 7 May. The ministers discussed regional development and water "
            "security.",
            {"regional-development", "water-security"},
        ),
    ],
)
def test_two_phrases_joined_by_and_are_two_topics(facts, text, topics):
    # without a comma, a bare "and" between two phrases of two words or more each separates two topics (a noun
    # in "-ment" is no adjective); between two modifiers of one noun it does not (test above)
    discussed = {o for _, p, o in facts("en", text) if p == "cas:discussed"}
    assert topics <= discussed, discussed


def test_the_meeting_a_topic_was_discussed_at_is_no_part_of_the_topic(facts):
    text = (
        "The CSTO summit was held in Minsk on 7 May. Last year, the leaders discussed water security at a meeting in "
        "Bishkek."
    )
    discussed = {o for _, p, o in facts("en", text) if p == "cas:discussed"}
    assert "water-security" in discussed and not any("bishkek" in o for o in discussed), discussed


def test_what_it_was_notably_a_question_of_is_discussed(facts):
    text = (
        "La réunion des ministres d'Asie centrale s'est tenue à Tachkent le 3 mars. Il a notamment été question du "
        "déminage."
    )
    assert "demining" in {o for _, p, o in facts("fr", text) if p == "cas:discussed"}


@pytest.mark.parametrize(
    ("language", "text", "topic"),
    [
        (
            "en",
            "The SCO summit was held in Astana on 4 July. The leaders discussed cooperation in the field of security.",
            "security-cooperation",
        ),
        (
            "fr",
            "Le sommet de l'OCS s'est tenu à Astana le 4 juillet. Les dirigeants ont discuté de la coopération en "
            "matière de sécurité.",
            "security-cooperation",
        ),
        (
            "ru",
            "7 мая в Минске прошел саммит ОДКБ. Стороны обсудили гуманитарное сотрудничество.",
            "humanitarian-cooperation",
        ),
        (
            "fr",
            "Le sommet de l'OCS s'est tenu à Astana le 4 juillet. Les ministres ont abordé la réponse aux catastrophes "
            "naturelles.",
            "emergency-response",
        ),
    ],
)
def test_security_humanitarian_and_emergency_topics_are_named_alike_in_every_language(facts, language, text, topic):
    assert topic in {o for _, p, o in facts(language, text) if p == "cas:discussed"}


@pytest.mark.parametrize(
    "text",
    [
        "A ministerial meeting was held in Astana on 3 March to discuss drinking water for border villages.",
        "The council held an extraordinary session on Monday, discussing drinking water for border villages.",
    ],
)
def test_what_a_meeting_was_held_to_discuss_is_what_it_discussed(facts, text):
    # "held to discuss X", "held a session, discussing X": the purpose of the meeting is its topic
    discussed = {o for _, p, o in facts("en", text) if p == "cas:discussed"}
    assert any("drinking-water" in o for o in discussed), discussed
