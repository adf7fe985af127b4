"""The gazetteer finds known names in every language: Russian inflections, French elisions, acronyms."""

from __future__ import annotations

from casckg.ingest.gazetteer import Gazetteer
from casckg.ingest.records import Document, Entity, Literal, Ref, Source, Statement
from casckg.ingest.tokens import tokenize


def _gazetteer() -> Gazetteer:
    src = Source("reference", "test", "test.yaml", "0")
    un, kaz, who = Ref("institution", "un"), Ref("state", "KAZ"), Ref("institution", "who")
    doc = Document(src)
    doc.entities += [Entity(un, ("Institution",)), Entity(kaz, ("State",)), Entity(who, ("Institution",))]
    doc.statements += [
        Statement(un, "rdfs:label", Literal("United Nations", language="en")),
        Statement(un, "skos:altLabel", Literal("ONU", language="fr")),
        Statement(un, "skos:altLabel", Literal("Организация Объединённых Наций", language="ru")),
        Statement(kaz, "rdfs:label", Literal("Kazakhstan", language="en")),
        Statement(kaz, "skos:altLabel", Literal("Республика Казахстан", language="ru")),
        Statement(who, "rdfs:label", Literal("World Health Organization", language="en")),
        Statement(who, "cas:acronym", Literal("WHO")),
    ]
    return Gazetteer.from_documents([doc], places=False)


def _found(gaz: Gazetteer, text: str) -> list[tuple[str, str]]:
    tokens = tokenize(text)
    return [(text[tokens[m.first].start : tokens[m.last - 1].end], m.candidates[0].ref.key) for m in gaz.match(tokens)]


def test_russian_inflected_forms_match_by_lemma():
    found = _found(_gazetteer(), "Договор между Республикой Казахстан и Организацией Объединенных Наций")
    assert found == [("Республикой Казахстан", "KAZ"), ("Организацией Объединенных Наций", "un")]


def test_french_elision_leaves_the_name():
    assert _found(_gazetteer(), "les fonctionnaires de l’ONU et d'ONU") == [("ONU", "un"), ("ONU", "un")]


def test_acronyms_only_in_capitals():
    assert _found(_gazetteer(), "who said WHO was there") == [("WHO", "who")]


def test_reference_records_build_a_gazetteer_with_every_language(gazetteer):
    assert {k.ref.key for k in gazetteer.lookup("Таджикистана")} == {"TJK"}
    assert {k.ref.key for k in gazetteer.lookup("Tadjikistan")} == {"TJK"}


def _typography_gazetteer() -> Gazetteer:
    src = Source("reference", "test", "test.yaml", "0")
    nato, kazcent, c5 = Ref("institution", "nato"), Ref("institution", "kazcent"), Ref("forum", "c5")
    doc = Document(src)
    doc.entities += [Entity(nato, ("Institution",)), Entity(kazcent, ("Institution",)), Entity(c5, ("Forum",))]
    doc.statements += [
        Statement(nato, "rdfs:label", Literal("North Atlantic Treaty Organization", language="en")),
        Statement(nato, "skos:altLabel", Literal("OTAN", language="fr")),
        Statement(kazcent, "rdfs:label", Literal("KAZCENT", language="en")),
        Statement(kazcent, "skos:altLabel", Literal("КАЗЦЕНТ", language="ru")),
        Statement(c5, "rdfs:label", Literal("C5+1", language="en")),
    ]
    return Gazetteer.from_documents([doc], places=False)


def test_acronyms_inflected_or_written_as_words():
    gaz = _typography_gazetteer()
    assert _found(gaz, "учения в КАЗЦЕНТе") == [("КАЗЦЕНТе", "kazcent")]
    assert _found(gaz, "le sommet de l’Otan") == [("Otan", "nato")]


def test_typographic_variants_are_the_same_name():
    gaz = _gazetteer()
    assert _found(gaz, "Ka\u00adzakhstan") == [("Ka\u00adzakhstan", "KAZ")]  # a soft hyphen
    assert _found(gaz, "Организация\u00a0Объединённых Наций") == [("Организация\u00a0Объединённых Наций", "un")]
    assert _found(_typography_gazetteer(), "саммит С5+1") == [("С5+1", "c5")]  # Cyrillic С
