"""Names found by the noun of their kind.

A name in quotes after the noun of its kind ("бригада «Скорпион»", "l'accord « Ciel ouvert »") is a
name; lower-case words quoted right after the noun are a comment on the thing ("cet accord
« historique »"), not its name. A document is named by its kind's noun written with a capital (Russian capitalises
only a title's first word: "утвержден План сотрудничества", "подписан Протокол о намерениях").

Hand-written sentences; a reader checks which things the article names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casckg.ingest.extract import extract


@pytest.fixture
def named(tmp_path: Path, gazetteer):
    """(key, class) of each entity a hand-written article in one language names."""

    def read(language: str, text: str) -> set[tuple[str, str]]:
        path = tmp_path / f"{language}.md"
        front = (
            f"---\nid: t-{language}\ntitle: T\npublisher: P\nlanguage: {language}\npublished: 2024-01-01\n"
            f"url: https://example.org/{language}\n---\n"
        )
        path.write_text(front + text + "\n", encoding="utf-8")
        return {(e.ref.key, c) for e in extract(path, gazetteer).entities for c in e.classes}

    return read


@pytest.mark.parametrize(
    ("language", "text", "key", "cls"),
    [
        ("ru", "Бойцы бригады «Скорпион» показали высокую выучку на учениях.", "skorpion", "Institution"),
        ("ru", "Подразделения батальона «Казбат» прибыли на полигон.", "kazbat", "Institution"),
        ("fr", "Les soldats du bataillon « Kazbat » ont défilé à Almaty.", "kazbat", "Institution"),
        ("fr", "Les deux pays ont signé l'accord « Ciel ouvert » en 2020.", "ciel-ouvert", "Agreement"),
        # events named by the same kinds of noun in every language: a seminar, a training
        ("ru", "В Ашхабаде прошел семинар «Безопасность границ» для пограничников.", "bezopasnost-granits", "Forum"),
        ("fr", "Un séminaire « Frontières sûres » s'est tenu à Douchanbé en mai.", "frontieres-sures", "Forum"),
        ("ru", "Для офицеров прошел тренинг «Мобильные группы» в Душанбе.", "mobil-nye-gruppy", "Forum"),
        (
            "fr",
            "Moscou et Pékin ont signé un accord de «transparence militaire».",
            "transparence-militaire",
            "Agreement",
        ),
    ],
)
def test_a_quoted_name_after_its_kind_is_named(named, language, text, key, cls):
    assert (key, cls) in named(language, text)


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("fr", "Le président a salué cet accord « historique » conclu avec Bichkek.", "historique"),
        ("ru", "Стороны подписали соглашение «века» о поставках газа.", "veka"),
        ("ru", "Совет безопасности «одобрил» план, сообщили в ведомстве.", "odobril"),
    ],
)
def test_quoted_lower_case_words_name_nothing(named, language, text, word):
    assert not [k for k, _ in named(language, text) if word in k]


@pytest.mark.parametrize(
    ("language", "text", "key", "cls"),
    [
        (
            "ru",
            "Министры утвердили План сотрудничества оборонных ведомств на 2025 год.",
            "plan-sotrudnichestva",
            "Initiative",
        ),
        ("ru", "Стороны подписали Протокол о намерениях.", "protokol-o-namereniyakh", "Agreement"),
        ("fr", "Les ministres ont signé le Protocole d'Almaty sur les frontières.", "protocole-d-almaty", "Agreement"),
    ],
)
def test_a_document_is_named_by_its_capitalised_kind(named, language, text, key, cls):
    assert any(k.startswith(key) and c == cls for k, c in named(language, text))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Этот план был утвержден в мае."),
        ("ru", "У Москвы есть план действий на этот случай."),
        ("fr", "Un protocole a été signé mardi."),
    ],
)
def test_a_plan_or_protocol_spoken_of_is_no_name(named, language, text):
    assert not {c for _, c in named(language, text)} & {"Agreement", "Initiative"}
