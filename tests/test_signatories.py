"""Who signed an act and who is party to it, told the ways news articles tell it, in each language: the
parties an act's name lists after "between" (all of them, not only the first), a signature told in the
passive with its signers after the verb (in Russian, by their instrumental case) or with none (then the parties
the act's name lists signed it), parties and signatories listed around a verb ("sont parties au traité",
"являются участниками Договора", "the signatories of the Treaty are"), and, as near-misses, a signature still
to come ("is to be signed by", "sera signé par", "будет подписан"), which makes no one a signatory. The sentences are
written for these tests; the answers are what each sentence says.
"""

from __future__ import annotations

import pytest

SIGNED, PARTY = "cas:signed", "cas:partyTo"


def _who(facts: set[tuple[str, str, str]], predicate: str) -> set[str]:
    return {s for s, p, _ in facts if p == predicate}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The agreement on military cooperation between Kazakhstan and Kyrgyzstan entered into force in May."),
        ("fr", "L'accord de coopération militaire entre le Kazakhstan et le Kirghizistan est entré en vigueur en mai."),
        ("ru", "Соглашение о торговле между Казахстаном и Кыргызстаном вступило в силу в мае."),
    ],
)
def test_every_party_an_acts_name_lists_is_party_to_it(facts, language, text):
    assert _who(facts(language, text), PARTY) == {"KAZ", "KGZ"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The treaty on the state border is to be signed by Kyrgyzstan and Tajikistan in June."),
        ("en", "The treaty on the state border will be signed by Kyrgyzstan and Tajikistan in June."),
        ("fr", "Le traité sur la frontière d'État sera signé par le Kirghizistan et le Tadjikistan en juin."),
        ("fr", "Le traité sur la frontière d'État doit être signé par le Kirghizistan et le Tadjikistan en juin."),
        ("ru", "Кыргызстан сообщил, что договор о государственной границе будет подписан в июне."),
    ],
)
def test_a_signature_still_to_come_makes_no_signatory(facts, language, text):
    assert not _who(facts(language, text), SIGNED)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The treaty on the state border was signed by Kyrgyzstan and Tajikistan in June."),
        ("fr", "Le traité sur la frontière d'État a été signé par le Kirghizistan et le Tadjikistan en juin."),
    ],
)
def test_signers_after_a_passive_verb_signed(facts, language, text):
    assert _who(facts(language, text), SIGNED) == {"KGZ", "TJK"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The treaty between Kyrgyzstan and Tajikistan on the state border was signed in Bishkek."),
        ("fr", "L'accord entre le Kirghizistan et le Tadjikistan sur la frontière a été signé à Bichkek."),
        ("ru", "Договор между Кыргызстаном и Таджикистаном о государственной границе был подписан в Бишкеке."),
        # the agent of a Russian passive is in the instrumental; a place after the verb is not one
        ("ru", "Договор о государственной границе был подписан Кыргызстаном и Таджикистаном в Бишкеке."),
    ],
)
def test_a_passive_signature_is_by_its_agent_or_the_parties_the_act_names(facts, language, text):
    assert _who(facts(language, text), SIGNED) == {"KGZ", "TJK"}


def test_a_negated_passive_signature_makes_no_signatory(facts):
    text = "Договор о государственной границе не был подписан Кыргызстаном и Таджикистаном."
    assert not _who(facts("ru", text), SIGNED)


@pytest.mark.parametrize(
    ("language", "text", "predicate", "who"),
    [
        (
            "fr",
            "Le Kazakhstan, le Kirghizistan et le Tadjikistan sont parties au traité sur la zone exempte d'armes "
            "nucléaires en Asie centrale.",
            PARTY,
            {"KAZ", "KGZ", "TJK"},
        ),
        (
            "ru",
            "Казахстан, Киргизия и Таджикистан являются участниками Договора о зоне, свободной от ядерного оружия, "
            "в Центральной Азии.",
            PARTY,
            {"KAZ", "KGZ", "TJK"},
        ),
        ("ru", "Казахстан ратифицировал Договор о союзнических отношениях.", PARTY, {"KAZ"}),
        (
            "en",
            "The signatories of the Treaty on a Nuclear-Weapon-Free Zone are Kazakhstan, Kyrgyzstan and Tajikistan.",
            SIGNED,
            {"KAZ", "KGZ", "TJK"},
        ),
        # near-misses: negated, or only meant to happen
        ("fr", "Le Kazakhstan n'a pas ratifié l'accord sur la coopération militaire.", PARTY, set()),
        ("fr", "Le Kazakhstan devrait ratifier l'accord sur la coopération militaire.", PARTY, set()),
        ("ru", "Туркменистан не является участником Договора о коллективной безопасности.", PARTY, set()),
        ("ru", "Казахстан планирует ратифицировать Договор о союзнических отношениях.", PARTY, set()),
        ("en", "Russia is not among the signatories of the Treaty on a Nuclear-Weapon-Free Zone.", SIGNED, set()),
    ],
)
def test_parties_and_signatories_listed_around_a_verb(facts, language, text, predicate, who):
    assert _who(facts(language, text), predicate) == who
