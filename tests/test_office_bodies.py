"""An attending official's department stands for its state: "attended by the Chief of the General Staff of
the Armed Forces of Kyrgyzstan X" names X and Kyrgyzstan as parties, not the general staff. Hand-written
sentences; a reader checks who took part in the meeting."""

from __future__ import annotations

import pytest


def _participants(statements: set[tuple[str, str, str]]) -> set[str]:
    return {o for _, p, o in statements if p == "cas:participant"}


@pytest.mark.parametrize(
    ("language", "text", "state", "body"),
    [
        (
            "en",
            "A meeting of defence ministers took place in Bishkek on 29 April 2019. The meeting was attended by "
            "the Chief of the General Staff of the Armed Forces of the Republic of Uzbekistan Major General "
            "Shukhrat Kholmukhamedov.",
            "UZB",
            "general staff",
        ),
        (  # a service of a state committee: part of the committee, which is the state's
            "en",
            "A meeting of border chiefs took place in Bishkek on 29 April 2019. The meeting was attended by the "
            "Chief of the Border Service of the National Security Committee of Kyrgyzstan Ulan Israilov.",
            "KGZ",
            "border service",
        ),
        (
            "ru",
            "29 апреля 2019 года в Бишкеке состоялось совещание министров обороны. В совещании приняли участие "
            "начальник Генерального штаба Вооруженных сил Казахстана генерал-майор Арман Тулегенов.",
            "KAZ",
            "генеральн",
        ),
    ],
)
def test_an_officials_department_takes_part_as_its_state(facts, language, text, state, body):
    found = facts(language, text)
    participants = _participants(found)
    assert state in participants
    assert not any(body in p.replace("-", " ") for p in participants), participants


def test_a_department_named_without_an_official_is_left_as_it_is(facts):
    # no official's title here: the ministry is named as a party of its own
    found = facts(
        "en",
        "A meeting of defence ministers took place in Bishkek on 29 April 2019. "
        "The meeting was attended by representatives of the Ministry of Defence of Kazakhstan.",
    )
    assert "mod-kaz" in _participants(found), found
