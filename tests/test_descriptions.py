"""A description is not a name: the one test every reader of phrases asks (`descriptions.describes`).
Phrases as an analyst would judge them, in each language."""

from __future__ import annotations

import pytest

from casckg.ingest.descriptions import describes
from casckg.ingest.tokens import tokenize


def _judge(sentence: str, phrase: str, *inside: str) -> bool:
    """Whether `phrase`, read where it stands in `sentence`, describes; `inside`: other names in it."""
    tokens = tokenize(sentence)
    at = sentence.index(phrase)
    span = [i for i, t in enumerate(tokens) if at <= t.start and t.end <= at + len(phrase)]
    names = set()
    for name in inside:
        where = sentence.index(name)
        names |= {i for i, t in enumerate(tokens) if where <= t.start and t.end <= where + len(name)}
    return describes(tokens, span[0], span[-1] + 1, names)


@pytest.mark.parametrize(
    ("sentence", "phrase", "inside"),
    [
        ("Both sides praised the border treaty signed last year.", "border treaty", ()),
        ("Kazakhstan trains officers for UN missions.", "UN missions", ("UN",)),
        ("Le bureau de l'OTAN au Kirghizistan a ouvert.", "bureau de l'OTAN", ("OTAN",)),
        ("Стороны обсудили договор о границе.", "договор о границе", ()),
        ("Regional organizations met in Almaty.", "Regional organizations", ()),  # a sentence's first capital
    ],
)
def test_a_phrase_in_lower_case_describes(sentence, phrase, inside):
    assert _judge(sentence, phrase, *inside)


@pytest.mark.parametrize(
    ("sentence", "phrase", "inside"),
    [
        ("Officers of the CSTO Joint Staff met in Minsk.", "CSTO Joint Staff", ("CSTO",)),
        ("Les experts du Centre régional de l'ONU ont parlé.", "Centre régional de l'ONU", ("ONU",)),
        ("Прошло заседание Объединенного штаба ОДКБ.", "Объединенного штаба ОДКБ", ("ОДКБ",)),
        ("The troops took part in the exercise Rubezh-2014 in May.", "exercise Rubezh-2014", ()),
        ("Les troupes ont pris part à l'exercice « frontière » en mai.", "exercice « frontière »", ()),
        ("They marked the 2002 treaty in Moscow.", "2002 treaty", ()),
    ],
)
def test_a_capital_of_its_own_a_digit_or_a_quote_makes_a_name(sentence, phrase, inside):
    assert not _judge(sentence, phrase, *inside)
