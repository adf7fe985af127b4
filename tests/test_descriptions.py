"""A description is not a name: the one test every reader of phrases asks (`descriptions.describes`).
Phrases as an analyst would judge them, in each language."""

from __future__ import annotations

import pytest

from casckg.ingest.descriptions import describes
from casckg.ingest.tokens import tokenize


def _judge(language: str, sentence: str, phrase: str, *inside: str) -> bool:
    """Whether `phrase`, read where it stands in `sentence`, describes; `inside`: other names in it."""
    tokens = tokenize(sentence)
    at = sentence.index(phrase)
    span = [i for i, t in enumerate(tokens) if at <= t.start and t.end <= at + len(phrase)]
    names = set()
    for name in inside:
        where = sentence.index(name)
        names |= {i for i, t in enumerate(tokens) if where <= t.start and t.end <= where + len(name)}
    return describes(tokens, span[0], span[-1] + 1, language, names)


@pytest.mark.parametrize(
    ("language", "sentence", "phrase", "inside"),
    [
        ("en", "Both sides praised the border treaty signed last year.", "border treaty", ()),
        ("en", "Kazakhstan trains officers for UN missions.", "UN missions", ("UN",)),
        ("fr", "Le bureau de l'OTAN au Kirghizistan a ouvert.", "bureau de l'OTAN", ("OTAN",)),
        ("ru", "Стороны обсудили договор о границе.", "договор о границе", ()),
        ("en", "Regional organizations met in Almaty.", "Regional organizations", ()),  # a sentence's first capital
    ],
)
def test_a_phrase_in_lower_case_describes(language, sentence, phrase, inside):
    assert _judge(language, sentence, phrase, *inside)


@pytest.mark.parametrize(
    ("language", "sentence", "phrase", "inside"),
    [
        ("en", "Officers of the CSTO Joint Staff met in Minsk.", "CSTO Joint Staff", ("CSTO",)),
        ("fr", "Les experts du Centre régional de l'ONU ont parlé.", "Centre régional de l'ONU", ("ONU",)),
        ("ru", "Прошло заседание Объединенного штаба ОДКБ.", "Объединенного штаба ОДКБ", ("ОДКБ",)),
        ("en", "The troops took part in the exercise Rubezh-2014 in May.", "exercise Rubezh-2014", ()),
        ("fr", "Les troupes ont pris part à l'exercice « frontière » en mai.", "exercice « frontière »", ()),
        ("en", "They marked the 2002 treaty in Moscow.", "2002 treaty", ()),
        # Russian has no articles: a body opening a sentence is as bare as its description would be
        ("ru", "Учебный центр ОДКБ находится в Москве.", "Учебный центр ОДКБ", ("ОДКБ",)),
    ],
)
def test_a_capital_of_its_own_a_digit_or_a_quote_makes_a_name(language, sentence, phrase, inside):
    assert not _judge(language, sentence, phrase, *inside)
