"""Every competency question of the seed articles' gold files, answered by a library query.

The store holds the project's reference records and both seed articles. Each question is put
to the query that answers it; the expected answers are read from the gold file and compared
through the labels and aliases of the entities the query returns (literals by value), so the
test knows nothing of the IRIs the code mints. An answer counts when every gold answer is among
the query's answers: the store holds several sources, and each may add what another omits.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from goldnames import Names, fold, gold_names, load_gold

from casckg.graph.query import resolve, run
from casckg.graph.store import open_store

ROUNDTABLE = "First regional roundtable on the contribution of Central Asian countries to peacekeeping"
SECCOUNCILS = "First meeting of the secretaries of the security councils of Central Asia"
SDG_CENTRE = "United Nations Regional Centre for the Sustainable Development Goals for Central Asia and Afghanistan"
FR = "lapresseturquoise-kazcent-forum-fr"
EN = "turkishnewsworld-kazcent-roundtable-en"

# question -> (query, the gold entity the question is about and the parameter it binds, the
# columns holding answers, a filter on rows): how an analyst answers it with the library.
HOW = {
    (FR, 0): ("forum-details", ("forum", ROUNDTABLE), "value", {"property": "organizedBy"}),
    (FR, 1): (
        "proposals",
        ("proposal", SDG_CENTRE),
        "proposer",
        {},
    ),
    (FR, 2): ("forum-details", ("forum", SECCOUNCILS), "value", {"property": "date"}),
    (FR, 3): ("forum-participants", ("forum", ROUNDTABLE), "participant", {}),
    (FR, 4): ("forum-details", ("forum", ROUNDTABLE), "value", {"property": "discussed"}),
    (FR, 5): ("single-source-claims", None, "object", {"predicate": "signed", "source": FR}),
    (EN, 0): ("forum-details", ("forum", ROUNDTABLE), "value", {"property": "organizedBy"}),
    (EN, 1): ("forum-details", ("forum", ROUNDTABLE), "value", {"property": ("hostedIn", "date")}),
    (EN, 2): ("forum-participants", ("forum", ROUNDTABLE), "participant", {}),
    (EN, 3): ("forum-details", ("forum", ROUNDTABLE), "value", {"property": "discussed"}),
    (EN, 4): ("deployments", ("state", "Kazakhstan"), "mission", {}),
    (EN, 5): ("deployments", ("state", "Kazakhstan"), "personnel", {}),
}


def questions() -> list:
    from conftest import CORPUS

    out = []
    for article in (FR, EN):
        gold = load_gold(CORPUS / "seeds" / f"{article}.gold.yaml")
        for i, qa in enumerate(gold["competency_questions"]):
            out.append(pytest.param(article, i, qa, id=f"{article.split('-')[0]}-{i}"))
    return out


@pytest.fixture(scope="module")
def opened(seeds_store: Path):
    with open_store(seeds_store) as store:
        yield store, Names(store)


def _cell(row, name: str) -> str:
    term = row[name]
    if term is None:
        return ""
    value = term.value
    return value.rsplit("#", 1)[-1] if name in ("predicate",) else value


def _keep(row, wanted: dict) -> bool:
    for column, expected in wanted.items():
        cell = _cell(row, column)
        options = expected if isinstance(expected, tuple) else (expected,)
        if column == "source":
            if not any(cell.endswith("/" + o) for o in options):
                return False
        elif cell not in options:
            return False
    return True


def test_every_gold_file_has_its_questions(corpus: Path) -> None:
    for article in (FR, EN):
        gold = load_gold(corpus / "seeds" / f"{article}.gold.yaml")
        assert {(article, i) for i in range(len(gold["competency_questions"]))} <= set(HOW)


@pytest.mark.parametrize(("article", "index", "qa"), questions())
def test_competency_question_is_answered(opened, corpus: Path, article: str, index: int, qa: dict) -> None:
    store, names = opened
    gold = load_gold(corpus / "seeds" / f"{article}.gold.yaml")
    known = gold_names(gold)
    name, about, column, wanted = HOW[(article, index)]
    query = resolve(name)
    subjects = [None]
    if about:
        param, entity = about
        subjects = sorted(names.named(known[entity]))
        assert subjects, f"no entity of the store is named like the gold entity {entity!r}"
    answers: set[str] = set()
    for subject in subjects:
        values = {param: subject} if subject else {}
        for row in run(store, query, values):
            if _keep(row, wanted) and row[column] is not None:
                answers.add(row[column].value)
    for expected in qa["answer"]:
        if expected in known:  # an entity: compare through labels and aliases
            assert any(names.is_one_of(a, known[expected]) for a in answers), (
                f"{qa['question']} -> {expected!r} not among {sorted(answers)}"
            )
        else:  # a literal (a date, a number)
            assert fold(str(expected)) in {fold(a) for a in answers}, f"{qa['question']} -> {expected!r}"
