"""Writing compares an article's people and descriptions only with the entities an index gives,
not with every name of the store: the index must never leave out an entity a full comparison
would find. Each test compares the indexed answer with a scan of every entity."""

from __future__ import annotations

import itertools

from rapidfuzz.distance import Levenshtein

from casckg.graph.build.descriptions import LOOSE_WORD, Contexts, DescribedBy, description_scores, words
from casckg.graph.build.names import Pool, load_name_rule
from casckg.graph.build.person_names import SHORT_SURNAME, loose_keys, person_score
from casckg.ingest.records import Literal

ID = "https://example.org/id/"

SURNAMES = [
    "Tokayev",
    "Tokaev",
    "Tokaïev",
    "Токаева",
    "Nazarbayev",
    "Nazerbaïev",
    "Rahmon",
    "Rakhmonov",
    "Rakhamonov",
    "Rahmonov",
    "Aliyev",
    "Aliev",
    "Aleev",
    "Li",
    "Wu",
    "Mirziyoyev",
    "Mirzioïev",
    "Japarov",
    "Zhaparov",
    "Sadyr",
    "Atambayev",
    "Atambaev",
    "Jeenbekov",
    "Zheenbekov",
]
GIVEN = ["", "Kassym-Jomart ", "K.-J. ", "Ilham ", "Ilhom ", "Heydar ", "Emomali ", "Nursultan ", "Sadyr "]


def test_words_one_letter_apart_share_a_key_and_others_do_not_all() -> None:
    # the answer comes from the edit distance itself, over every pair of a set of spellings
    spelled = [
        "defence",
        "defense",
        "defences",
        "defnce",
        "ministry",
        "ministre",
        "minister",
        "tokaev",
        "tokayev",
        "nazarbaev",
        "nazerbaev",
        "rahmonov",
        "rahamonov",
        "aliev",
        "aleev",
        "centre",
        "center",
    ]
    for a, b in itertools.product(spelled, repeat=2):
        if min(len(a), len(b)) >= SHORT_SURNAME and Levenshtein.distance(a, b) <= 1:
            assert set(loose_keys(a, SHORT_SURNAME)) & set(loose_keys(b, SHORT_SURNAME)), (a, b)
    assert not set(loose_keys("aliev", SHORT_SURNAME)) & set(loose_keys("aleev", SHORT_SURNAME))  # short: as written


def _people() -> Pool:
    pool = Pool(load_name_rule())
    for n, (given, surname) in enumerate(itertools.product(GIVEN, SURNAMES)):
        pool.add(f"{ID}person/{n}", "Person", Literal(given + surname, language="en"))
    return pool


def test_a_person_is_compared_with_everyone_whose_surname_may_agree() -> None:
    pool = _people()
    weights = pool.rule.weights
    for given, surname in itertools.product(GIVEN, SURNAMES):
        mine = Literal("President " + given + surname, language="en")  # titled: no name in common, only the person
        parsed = pool.rule.person(mine.value)
        every = {  # a scan of every person of the pool, as writing did before the index
            other
            for other, theirs in pool.people.items()
            if parsed and any(person_score(parsed, p, weights) > 0 for _, p in theirs)
        }
        found = set(pool.scores("Person", [mine]))
        assert found == every, mine.value
    assert len(pool.scores("Person", [Literal("Tokayev")])) > 1  # the index does find someone


def test_a_person_removed_or_copied_is_found_where_it_is() -> None:
    pool = _people()
    copy = pool.copy()
    gone = next(iri for iri, theirs in pool.people.items() if theirs[0][0].value == "Nazarbayev")
    copy.remove(gone)
    assert gone in pool.scores("Person", [Literal("Nazarbaev")])
    assert gone not in copy.scores("Person", [Literal("Nazarbaev")])


INSTITUTIONS = {
    "mod-kgz": ["Ministry of Defence of the Kyrgyz Republic"],
    "mod-kaz": ["Ministry of Defense of the Republic of Kazakhstan", "Минобороны Казахстана"],
    "mfa-uzb": ["Ministry of Foreign Affairs of Uzbekistan"],
    "rcis": ["Regional Information Centre", "Regional Informaton Center of the CSTO"],
    "csto-staff": ["Joint Staff of the CSTO"],
    "ministre": ["Ministère de la Défense de la République kirghize"],
}
DESCRIPTIONS = [
    "Ministry of Defense",
    "ministry of defence",
    "Defence Ministry",
    "Information Centre",
    "Regional Information Center",
    "Foreign Affairs Ministry",
    "Joint Staff",
    "Ministère de la Défense",
    "Ministry of Agriculture",
]


def test_a_description_is_compared_with_every_entity_that_may_hold_its_words() -> None:
    described = DescribedBy()
    candidates = {ID + key: [Literal(n) for n in names] for key, names in INSTITUTIONS.items()}
    described.build("Institution", candidates.items())
    weights = load_name_rule().weights
    for text in DESCRIPTIONS:
        mine = [Literal(text)]
        every = description_scores(ID + "x", mine, candidates, Contexts(), set(), weights)  # every entity scanned
        maybe = described.candidates("Institution", words(text))
        assert set(every) <= maybe, text
        assert (
            description_scores(ID + "x", mine, {o: candidates[o] for o in maybe}, Contexts(), set(), weights) == every
        )
    assert described.candidates("Institution", words("Ministry of Defense")) >= {ID + "mod-kgz", ID + "mod-kaz"}
    assert not described.candidates("Institution", words("Ministry of Agriculture"))


def test_a_renamed_entity_is_found_by_its_new_names_only() -> None:
    described = DescribedBy()
    described.build("Institution", [(ID + "a", [Literal("Regional Information Centre")])])
    described.update(ID + "a", "Institution", [Literal("Joint Staff of the Organisation")])
    assert described.candidates("Institution", words("Joint Staff")) == {ID + "a"}
    assert not described.candidates("Institution", words("Information Centre"))
    described.update(ID + "a", None, [])
    assert not described.candidates("Institution", words("Joint Staff"))
    assert len(words("Information Centre")) == 2 and len("centre") > LOOSE_WORD
