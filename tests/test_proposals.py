"""Who proposed a forum, an agreement or a resolution: the subject of a proposal verb that governs it
("proposed holding the X Conference", "предложил провести"), or the author a proposal noun names ("held
at the initiative of X", "à l'initiative de X", "по инициативе X").

Hand-written sentences in each language; a reader checks who proposed what.
"""

from __future__ import annotations

import pytest


def _proposed(facts, language: str, text: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in facts(language, text) if p == "cas:proposed"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "In 2017, Uzbekistan proposed holding the Tashkent Conference on Afghanistan."),
        ("en", "The Tashkent Conference on Afghanistan, held at the initiative of Uzbekistan, gathered twenty states."),
        ("ru", "Узбекистан предложил провести Ташкентскую конференцию по Афганистану."),
        ("ru", "Ташкентская конференция по Афганистану была созвана по инициативе Узбекистана."),
    ],
)
def test_the_proposer_of_a_known_forum(facts, language, text):
    # the forum is a reference record; the proposer is the state the construction names
    assert ("UZB", "tashkent-afghanistan-conference-2018") in _proposed(facts, language, text)


def test_the_proposer_of_a_forum_named_only_in_the_article(facts):
    text = (
        "La Conférence de Tachkent sur l'Afghanistan, organisée à l'initiative de l'Ouzbékistan, a réuni vingt États."
    )
    assert {subject for subject, _ in _proposed(facts, "fr", text)} == {"UZB"}


def test_a_state_near_a_forum_without_a_proposal_word_proposed_nothing(facts):
    text = "Uzbekistan attended the Tashkent Conference on Afghanistan with twenty other states."
    assert _proposed(facts, "en", text) == set()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "The General Assembly adopted the resolution on cooperation in Central Asia. "
            "Kazakhstan, Norway and Turkey co-sponsored the resolution.",
        ),
        (
            "en",
            "The General Assembly adopted the resolution on cooperation in Central Asia. "
            "Forty countries became co-authors of the resolution. Among them are Kazakhstan, Norway and Turkey.",
        ),
        (
            "fr",
            "L'Assemblée générale a adopté la résolution sur la coopération en Asie centrale. "
            "Quarante pays sont coauteurs de la résolution. Parmi eux, le Kazakhstan, la Norvège et la Turquie.",
        ),
        (
            "ru",
            "Генеральная Ассамблея приняла резолюцию о сотрудничестве в Центральной Азии. "
            "Соавторами резолюции стали сорок стран. Среди них Казахстан, Норвегия и Турция.",
        ),
    ],
)
def test_every_co_sponsor_of_a_resolution_proposed_it(facts, language, text):
    # a co-sponsor list, in the sentence or spelled out by the next one ("Among them are ..."), names
    # proposers of the one resolution
    proposed = _proposed(facts, language, text)
    assert {s for s, _ in proposed} >= {"KAZ", "NOR", "TUR"}, proposed
    assert len({o for _, o in proposed}) == 1, proposed


@pytest.mark.parametrize(
    "text",
    [
        "The General Assembly adopted the resolution on cooperation in Central Asia. "
        "Forty countries took part in the vote. Among them are Kazakhstan, Norway and Turkey.",
        # what was co-authored is the book, not the treaty it is about
        "Kazakhstan and Norway co-authored a book on the Treaty on Friendship and Good-Neighbourliness.",
    ],
)
def test_states_near_a_resolution_without_co_sponsoring_it_proposed_nothing(facts, text):
    assert _proposed(facts, "en", text) == set()


def test_at_the_initiative_of_a_state_only_that_state_proposed(facts):
    # "по инициативе Казахстана" names the proposer, not an initiative the organisation in the forum's name
    # proposed
    text = "Саммит ОДКБ прошел в Минске 12 мая по инициативе Казахстана."
    proposed = _proposed(facts, "ru", text)
    assert proposed and {subject for subject, _ in proposed} == {"KAZ"}, proposed


@pytest.mark.parametrize(
    ("text", "proposer", "proposals"),
    [
        (
            "At the summit in Dushanbe, President Tokayev proposed to create a regional centre for water security.",
            "tokayev",
            {"regional centre for water security"},
        ),
        (
            "The SCO summit was held in Astana on 4 July. Kyrgyzstan put forward an initiative to set up a common "
            "early-warning system.",
            "KGZ",
            {"common early-warning system"},
        ),
        (
            "The SCO summit was held in Astana on 4 July. President Mirziyoyev proposed a permanent trade platform, "
            "joint logistics and the modernisation of customs posts.",
            "mirziyoyev",
            {"permanent trade platform", "joint logistics", "modernisation of customs posts"},
        ),
    ],
)
def test_what_a_proposal_verb_governs_without_a_name_is_the_proposal(facts, text, proposer, proposals):
    # the proposal is the phrase after the verb, without the act of proposing ("to create", "to set up") or an
    # article; its author is the actor right before the verb
    found = {(s, o) for s, p, o in facts("en", text) if p == "cas:proposed"}
    labels = {o.replace("-", " ") for s, o in found if s == proposer}
    assert {p.replace("-", " ") for p in proposals} <= labels, found


@pytest.mark.parametrize(
    "text",
    [
        "The SCO summit was held in Astana on 4 July. Russia did not propose creating a new fund.",
        "The SCO summit was held in Astana on 4 July. An analyst at the institute suggested building a water council.",
        "The SCO summit was held in Astana on 4 July. The proposed pipeline would cross Kazakhstan and Uzbekistan.",
        "The SCO summit was held in Astana on 4 July. Tajikistan may propose a joint plan next year.",
    ],
)
def test_a_denied_outside_or_attributive_proposal_proposes_nothing(facts, text):
    assert _proposed(facts, "en", text) == set()


def test_an_actor_named_earlier_in_the_sentence_is_not_the_author_of_a_later_proposal(facts):
    text = (
        "In his speech, the President announced a conference in Samarkand under the auspices of the United Nations "
        "and proposed the drafting of a regional water code."
    )
    assert not {s for s, o in _proposed(facts, "en", text)} & {"un", "united-nations"}, _proposed(facts, "en", text)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "The SCO summit was held in Astana on 4 July. According to Russia, Uzbekistan proposed the Regional Water "
            "Security Strategy.",
        ),
        (
            "fr",
            "Le sommet de l'OCS s'est tenu à Astana le 4 juillet. Selon la Russie, l'Ouzbékistan a proposé la "
            "Stratégie régionale de sécurité de l'eau.",
        ),
        (
            "ru",
            "7 мая в Минске прошел саммит ОДКБ. По словам представителя России, Узбекистан предложил Программу борьбы "
            "с наркотрафиком.",
        ),
    ],
)
def test_the_proposer_of_an_initiative_is_the_actor_next_to_the_proposal_word(facts, language, text):
    # the state a source is attributed to, earlier in the sentence, proposed nothing
    assert {s for s, _ in _proposed(facts, language, text)} == {"UZB"}, _proposed(facts, language, text)
