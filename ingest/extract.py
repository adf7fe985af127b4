"""One article in, one Document out: entities, mentions, and statements with their evidence.

`extract` reads nothing but the article and the gazetteer it is given, and writes nothing: the
caller decides whether the Document goes to a store, to JSON, or to a test.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from casckg.ontology import domains_and_ranges

from .article import Article, load_article
from .attendance import officials_at_event, present_at_event
from .casing import truecase
from .exercise_troops import troops_at_exercises
from .frame_dates import named_with_a_date
from .frames import held_in_no_region, venue_states
from .gazetteer import Gazetteer
from .language import sentences
from .mentions import find_mentions
from .missions import deployment_statements
from .names import people_statements, structure_statements, title_statements
from .negation import STATUSES
from .office_bodies import offices_as_states
from .phrases import phrase_statements, placed_wholes
from .records import Document, Entity, Evidence, Literal, Mention, Ref, Statement
from .represented import represented_statements
from .run_ons import end_run_ons
from .shared_parts import shared_complements
from .signing import agentless_signings
from .statements import HAPPENED, Found, pattern_statements, status_statements

# up to this many signatories cooperate pairwise (bi- and trilateral acts); a larger treaty is an alliance
MAX_JOINT = 3


def _one_date_per_event(found: list[Found]) -> list[Found]:
    """Keep, for each subject, only the date stated first, a day before a month ("in May 2011" in
    passing, "on 12 May" when the article tells of it).

    An article dates an event once and then reports what happened on later days (an opening
    ceremony, the day of the press release); taking those as further dates of the event would
    make the article contradict itself.
    """

    def rank(f: Found) -> tuple[bool, int]:
        return (f.object[1] == "gYearMonth", f.sentence)

    first: dict[Ref, Found] = {}
    for f in found:
        if f.predicate == "cas:date" and (f.subject not in first or rank(f) < rank(first[f.subject])):
            first[f.subject] = f
    return [f for f in found if f.predicate != "cas:date" or f is first[f.subject]]


def _invitees_are_not_participants(found: list[Found]) -> list[Found]:
    """One status per forum, the strongest the article gives (a planned event later cancelled is
    cancelled; one announced in the headline and told as under way in the text is not planned);
    and no participants for a forum cancelled or postponed: those the article names were invited or
    expected, and did not take part."""
    rank = {name: i for i, name in enumerate(STATUSES)}
    status: dict[Ref, Found] = {}
    for f in found:
        if f.predicate == "cas:eventStatus":
            kept = status.get(f.subject)
            if kept is None or rank[f.object[0]] < rank[kept.object[0]]:
                status[f.subject] = f
    planned_in = {(f.subject, f.sentence) for f in found if f.predicate == "cas:eventStatus"}
    for f in found:  # told as taking place in a sentence that does not call it planned: it is not (only) planned
        kept = status.get(f.subject)
        said_elsewhere = (f.subject, f.sentence) not in planned_in
        if kept and kept.object[0] == "planned" and f.predicate in HAPPENED and said_elsewhere:
            del status[f.subject]
    off = {ref for ref, f in status.items() if f.object[0] in ("cancelled", "postponed")}
    return [
        f
        for f in found
        if not (f.predicate == "cas:participant" and f.subject in off)
        and (f.predicate != "cas:eventStatus" or f is status.get(f.subject))
    ]


def extract(article: Article | Path | str, gazetteer: Gazetteer) -> Document:
    """Entities and statements of one article (a path is loaded first; raises SourceError)."""
    if not isinstance(article, Article):
        article = load_article(article)
    language = article.language
    original = article.text
    cased = truecase(original, language, gazetteer, article.regions)  # all lower case or all capitals: case restored
    if cased is not None:
        article = replace(article, text=cased)
    sents = sentences(article.text, article.regions, language)
    am = find_mentions(sents, language, gazetteer)
    end_run_ons(am)  # "the UN General Assembly | in September 2017": the known body is the one named
    found: list[Found] = []
    found += pattern_statements(am, language, _published(article.source.published))
    found += structure_statements(am, gazetteer.located)
    found += phrase_statements(am)
    found += shared_complements(am, found)  # "the Joint Staff and Secretariat of the CSTO": both the CSTO's
    found += people_statements(am)
    found += title_statements(am)
    found += status_statements(am)
    found += present_at_event(am)  # before `_inferred`: a present minister's state takes part too
    found += officials_at_event(am)
    found += troops_at_exercises(am, found)  # "the exercise of the Collective Rapid Reaction Force"
    found += venue_states(found, am.classes)
    deployments, extra_entities = deployment_statements(am, language, gazetteer)
    found += deployments
    represented, represented_states = represented_statements(am, gazetteer)
    found += represented
    extra_entities.update(represented_states)
    for ref, (cls, label) in extra_entities.items():
        am.classes.setdefault(ref, cls)
        am.labels.setdefault(ref, label)
    found = placed_wholes(found, am)  # before `_inferred`: a state only named as a place signs nothing
    found += agentless_signings(am, found)  # "the memorandum was signed on 14 February": by the latest signers
    found += _inferred(found, am.classes)  # may also put the state of a person who signed in their place
    found = offices_as_states(found, am.classes)  # an attending official's department stands for its state
    found += named_with_a_date(am, found, _published(article.source.published))  # no verb of holding dated it
    found = held_in_no_region(_one_date_per_event(found))
    found = _invitees_are_not_participants(found)

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


_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def _published(text: str | None) -> date | None:
    """The article's publication day, when its metadata give a full date."""
    try:
        return date.fromisoformat(text[:10]) if text and len(text) >= 10 else None
    except ValueError:
        return None


def _label_lang(ref: Ref, am, language: str) -> str:
    """The language of the text a label came from: the article's when the article writes it so,
    else the gazetteer's (English) or the script's. A Russian article's "Kazakhstan" is English."""
    label = am.labels[ref]
    if any(m.ref == ref and m.text == label for m in am.all()):
        return language
    if _CYRILLIC.search(label):
        return "ru"
    known = any(m.ref == ref and m.how == "known" for m in am.all())
    return "en" if known or language == "ru" else language


def _fits(f: Found, classes: dict[Ref, str]) -> bool:
    if f.subject == f.object:
        return False
    domains, ranges = domains_and_ranges()  # the ontology's, checked once more on every extracted fact
    dom = domains.get(f.predicate)
    if dom and f.subject.path != "deployment" and classes.get(f.subject) not in dom:
        return False
    rng = ranges.get(f.predicate)
    return not (rng and isinstance(f.object, Ref) and classes.get(f.object) not in rng)


def _inferred(found: list[Found], classes: dict[Ref, str]) -> list[Found]:
    """Those who sign an agreement together (states and organisations; "the parties signed" names the
    forum's participants, `_parties_who_signed`) are parties to it and cooperate pairwise; a person who
    signs signs for the one they serve (`_served`), and the state of a person who takes part in a forum
    takes part too."""
    out = []
    participants: dict[Ref, list[Ref]] = {}
    for f in found:
        if f.predicate == "cas:participant" and classes.get(f.object) in ("State", "Institution"):
            participants.setdefault(f.subject, []).append(f.object)
    found[:] = _parties_who_signed(found, classes, participants)
    serves = _served(found, classes)
    signed = []
    for f in found:  # "President Japarov signed": the state he serves is the signatory
        if f.predicate == "cas:signed" and classes.get(f.subject) == "Person":
            if f.subject in serves:
                signed.append(Found(serves[f.subject], "cas:signed", f.object, f.sentence, 0.6, "infer.signer-state"))
            continue
        signed.append(f)
    found[:] = signed
    for f in list(found):  # a minister who attends speaks for his state: the state takes part
        state = serves.get(f.object) if f.predicate == "cas:participant" else None
        if state is not None and classes.get(state) == "State":
            out.append(Found(f.subject, "cas:participant", state, f.sentence, 0.5, "infer.participant-state"))
    signers: dict[Ref, list[Found]] = {}
    for f in found:
        if (
            f.predicate == "cas:signed"
            and isinstance(f.object, Ref)
            and classes.get(f.subject) in ("State", "Institution")
        ):
            signers.setdefault(f.object, []).append(f)
    for agreement, fs in signers.items():
        parties = list(dict.fromkeys(f.subject for f in fs))
        for f in fs:
            out.append(Found(f.subject, "cas:partyTo", agreement, f.sentence, 0.6, "infer.signatory-party"))
        if len(parties) <= MAX_JOINT:  # a joint act ties every pair of its parties
            out += [
                Found(a, "cas:cooperatesWith", b, fs[0].sentence, 0.5, "infer.co-signatories")
                for i, a in enumerate(parties)
                for b in parties[i + 1 :]
            ]
    return out


def _served(found: list[Found], classes: dict[Ref, str]) -> dict[Ref, Ref]:
    """The one state or body each person acts for, decided here once: a state the article ties them to
    ("Kazakhstan's Foreign Minister"), else the body they hold office in ("Chief of the KAZCENT"). A
    state comes first because a minister signs and attends for the state, not for the ministry."""
    served: dict[Ref, Ref] = {}
    for f in found:
        if f.predicate != "cas:affiliatedWith" or classes.get(f.object) not in ("State", "Institution"):
            continue
        if classes.get(served.get(f.subject)) != "State" or classes.get(f.object) == "State":
            served[f.subject] = f.object
    return served


def _parties_who_signed(found: list[Found], classes: dict[Ref, str], participants: dict[Ref, list[Ref]]) -> list[Found]:
    """ "The parties signed", "les chefs d'État ont signé": the forum's participating states and organisations
    sign; when the article names none, those who signed last before (the same leaders signing a second act,
    "the two leaders also signed a Joint Statement"). The forum itself signs nothing."""
    actors = [f for f in found if f.predicate == "cas:signed" and classes.get(f.subject) in ("State", "Institution")]
    out = []
    for f in found:
        if not (f.predicate == "cas:signed" and classes.get(f.subject) == "Forum"):
            out.append(f)
            continue
        parties = participants.get(f.subject) or _latest_signers(actors, f)
        out += [Found(p, "cas:signed", f.object, f.sentence, 0.5, f.extractor) for p in parties]
    return out


def _latest_signers(signings: list[Found], act: Found) -> list[Ref]:
    """Who signed another act in the latest sentence up to `act`'s."""
    before = [f for f in signings if f.sentence <= act.sentence and f.object != act.object]
    latest = max((f.sentence for f in before), default=None)
    return list(dict.fromkeys(f.subject for f in before if f.sentence == latest))
