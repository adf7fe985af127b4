"""One article in, one Document out: entities, mentions, and statements with their evidence.

`extract` reads nothing but the article and the gazetteer it is given, and writes nothing: the
caller decides whether the Document goes to a store, to JSON, or to a test.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .article import Article, load_article
from .casing import truecase
from .gazetteer import Gazetteer
from .language import sentences
from .mentions import find_mentions
from .missions import deployment_statements
from .records import Document, Entity, Evidence, Literal, Mention, Ref, Statement
from .statements import Found, pattern_statements, people_statements, structure_statements

# the ontology's domain and range, checked once more on every extracted fact
DOMAIN = {
    "cas:organizedBy": ("Forum",),
    "cas:hostedIn": ("Forum",),
    "cas:participant": ("Forum",),
    "cas:discussed": ("Forum",),
    "cas:missionLocation": ("Mission",),
    "cas:affiliatedWith": ("Person",),
    "cas:deployedTo": ("State", "Institution", "Person"),
    "cas:memberOf": ("State", "Institution", "Person"),
    "cas:cooperatesWith": ("State", "Institution", "Person"),
    "cas:proposed": ("State", "Institution", "Person"),
    "cas:signed": ("State", "Institution", "Person", "Place"),
}
RANGE = {
    "cas:hostedIn": ("State", "Place"),
    "cas:missionLocation": ("State", "Place"),
    "cas:locatedIn": ("State", "Place"),
    "cas:deployedTo": ("Mission",),
    "cas:signed": ("Agreement",),
    "cas:partyTo": ("Agreement",),
    "cas:adoptedBy": ("Institution",),
    "cas:memberOf": ("Institution",),
    "cas:belongsToState": ("State",),
    "cas:participant": ("State", "Institution", "Person"),
    "cas:organizedBy": ("State", "Institution", "Person"),
}


def _one_date_per_event(found: list[Found]) -> list[Found]:
    """Keep, for each subject, only the date stated first.

    An article dates an event once and then reports what happened on later days (an opening
    ceremony, the day of the press release); taking those as further dates of the event would
    make the article contradict itself.
    """
    first: dict[Ref, Found] = {}
    for f in found:
        if f.predicate == "cas:date" and (f.subject not in first or f.sentence < first[f.subject].sentence):
            first[f.subject] = f
    return [f for f in found if f.predicate != "cas:date" or f is first[f.subject]]


def extract(article: Article | Path | str, gazetteer: Gazetteer) -> Document:
    """Entities and statements of one article (a path is loaded first; raises SourceError)."""
    if not isinstance(article, Article):
        article = load_article(article)
    language = article.language
    original = article.text
    cased = truecase(original, language, gazetteer)  # all lower case or all capitals: case restored
    if cased is not None:
        article = replace(article, text=cased)
    sents = sentences(article.text, article.regions, language)
    am = find_mentions(sents, language, gazetteer)
    year = int(article.source.published[:4]) if article.source.published else None
    found: list[Found] = []
    found += pattern_statements(am, language, year)
    found += structure_statements(am, gazetteer.located)
    found += people_statements(am)
    deployments, extra_entities = deployment_statements(am, language, gazetteer)
    found += deployments
    for ref, (cls, label) in extra_entities.items():
        am.classes.setdefault(ref, cls)
        am.labels.setdefault(ref, label)
    found += _inferred(found, am.classes)  # may also add the states of people who signed
    found = _one_date_per_event(found)

    doc = Document(article.source)
    for ref, cls in sorted(am.classes.items()):
        doc.entities.append(Entity(ref, (cls,)))
        doc.statements.append(
            Statement(ref, "rdfs:label", Literal(am.labels[ref], language=_label_lang(ref, am, language)))
        )
    for m in am.all():
        doc.mentions.append(Mention(m.ref, original[m.start : m.end], m.start, m.end))
    seen = set()
    for f in found:
        if not _fits(f, am.classes):
            continue
        key = (f.subject, f.predicate, f.object)
        if key in seen:
            continue
        seen.add(key)
        s = sents[f.sentence]
        obj = (
            f.object
            if isinstance(f.object, Ref)
            else Literal(
                f.object[0],
                datatype=f.object[1] if f.object[1] != "string" else None,
                language="en" if f.object[1] == "string" else None,
            )
        )
        doc.statements.append(
            Statement(
                f.subject,
                f.predicate,
                obj,
                Evidence(original[s.start : s.end], s.start, s.end),
                round(f.confidence, 3),
                f.extractor,
            )
        )
    return doc


def _label_lang(ref: Ref, am, language: str) -> str:
    return "en" if any(m.ref == ref and m.how == "known" for m in am.all()) else language


def _fits(f: Found, classes: dict[Ref, str]) -> bool:
    if f.subject == f.object:
        return False
    dom = DOMAIN.get(f.predicate)
    if dom and f.subject.path != "deployment" and classes.get(f.subject) not in dom:
        return False
    rng = RANGE.get(f.predicate)
    return not (rng and isinstance(f.object, Ref) and classes.get(f.object) not in rng)


def _inferred(found: list[Found], classes: dict[Ref, str]) -> list[Found]:
    """States that sign an agreement together are parties to it and cooperate."""
    out = []
    state_of = {
        f.subject: f.object
        for f in found
        if f.predicate == "cas:affiliatedWith" and isinstance(f.object, Ref) and classes.get(f.object) == "State"
    }
    for f in list(found):
        if f.predicate == "cas:signed" and f.subject in state_of:
            found.append(Found(state_of[f.subject], "cas:signed", f.object, f.sentence, 0.6, "infer.signer-state"))
    signers: dict[Ref, list[Found]] = {}
    for f in found:
        if f.predicate == "cas:signed" and isinstance(f.object, Ref) and classes.get(f.subject) == "State":
            signers.setdefault(f.object, []).append(f)
    for agreement, fs in signers.items():
        states = list(dict.fromkeys(f.subject for f in fs))
        for f in fs:
            out.append(Found(f.subject, "cas:partyTo", agreement, f.sentence, 0.6, "infer.signatory-party"))
        if len(states) == 2:
            out.append(Found(states[0], "cas:cooperatesWith", states[1], fs[0].sentence, 0.5, "infer.co-signatories"))
    return out
