"""Statements from mentions by per-language trigger patterns (data), and the status of forums.

`patterns/<lang>.yaml` says, for each trigger, which classes its subject and object have (the
property's domain and range) and on which side of the trigger they stand; a trigger in a negated
clause, or in one about what was only meant to happen, asserts nothing (`negation.py`). Lists
are read by `lists.py`; what the structure of names says is in `names.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from .dates import dated_events, find_dates
from .events import placed
from .frames import event_focus, frame_focus
from .language import Sentence
from .lexicon import patterns as load_patterns
from .lists import listed
from .mentions import ArticleMentions, Mention
from .negation import clause_span, event_status, negated, unrealised
from .records import Ref
from .tokens import Token, fold
from .topics import phrase_topics, said_from_outside, vocabulary_topics

ACTORS = ("State", "Institution", "Person")
HAPPENED = ("cas:participant", "cas:hostedIn", "cas:date")  # not asserted from what was only meant to happen


@dataclass(frozen=True)
class Found:
    """One extracted fact before it becomes a Statement."""

    subject: Ref
    predicate: str
    object: Ref | tuple[str, str]  # an entity, or (lexical form, xsd datatype) for a literal
    sentence: int
    confidence: float
    extractor: str


@cache
def _compiled(language: str) -> list[dict]:
    out = []
    for p in load_patterns(language)["patterns"]:
        spec = dict(p)
        spec["regex"] = re.compile(p["trigger"])
        for side in ("subject", "object"):
            arg = p[side]
            if isinstance(arg, dict) and arg.get("prefix"):
                arg = {**arg, "prefix_re": re.compile(arg["prefix"])}
            if isinstance(arg, dict) and arg.get("lead"):
                arg = {**arg, "lead_re": re.compile(arg["lead"])}
            if isinstance(arg, dict) and arg.get("until_re"):
                arg = {**arg, "until_re": re.compile(arg["until_re"])}
            if isinstance(arg, dict) and arg.get("next"):
                arg = {**arg, "next_re": re.compile(arg["next"])}
            spec[side] = arg
        out.append(spec)
    return out


def _pick(
    mentions: list[Mention], arg: dict, sentence: Sentence, tokens: list[Token], t0: int, t1: int, language: str
) -> list[Mention]:
    classes = arg["classes"]
    side = arg.get("side", "any")
    pool = [m for m in mentions if m.cls in classes and (m.top or arg.get("nested"))]
    if side == "before":  # `around`: also a name the trigger stands inside ("exercise … within the framework of X")
        pool = [m for m in pool if m.end <= t0 or arg.get("around") and m.start <= t0 and t1 <= m.end]
    elif side == "after":
        pool = [m for m in pool if m.start >= t1]
    if arg.get("until"):  # items stop where this text first comes after the trigger (")" of a bracket)
        end = sentence.text.find(arg["until"], t1 - sentence.start)
        pool = [m for m in pool if m.start < t1 or end < 0 or m.end <= sentence.start + end]
    if arg.get("until_re"):  # items stop where a clause of their own opens after the trigger ("to discuss the border")
        cut = arg["until_re"].search(fold(sentence.text), t1 - sentence.start)
        pool = [m for m in pool if m.start < t1 or cut is None or m.end <= sentence.start + cut.start()]
    if arg.get("near") is not None:  # at most this many characters from the trigger
        # a mention the trigger stands inside is at distance 0 ("talks between A and B", one name)
        pool = [
            m for m in pool if (m.start <= t0 and t1 <= m.end) or min(abs(t0 - m.end), abs(m.start - t1)) <= arg["near"]
        ]
    if arg.get("unless_between"):  # "the EU and the countries of Central Asia (A, B, C)": the list is the place's
        between = [m for m in mentions if m.cls in arg["unless_between"]]
        pool = [
            m
            for m in pool
            if not any(m.end <= b.start and b.end <= t0 or t1 <= b.start and b.end <= m.start for b in between)
        ]
    if arg.get("unless_placed"):  # "участвует в заседании … в Казахстане": a state after "in" is where, not who
        pool = [m for m in pool if not placed(tokens, m, language)]
    take = arg.get("take", "nearest")
    heads = pool
    if arg.get("prefix_re"):
        heads = [m for m in pool if arg["prefix_re"].search(fold(sentence.text[: m.start - sentence.start]))]
        if take != "list":
            pool = heads
    if not heads:
        return []
    if take == "list":  # the first item may need a prefix ("held in"), the others are coordinated with it
        items = listed(pool, heads, sentence, (t0, t1), side, language, arg.get("lead_re"), arg.get("reach", 0))
        return items if len(items) >= arg.get("at_least", 1) else []
    seen, unique = set(), []
    for m in pool:
        if m.ref not in seen:
            seen.add(m.ref)
            unique.append(m)
    if take == "all":
        return unique
    if take == "first":
        return unique[:1]
    if take == "second":
        return unique[1:2]
    return [min(unique, key=lambda m: _distance(m, t0, t1))]


def _distance(m: Mention, t0: int, t1: int) -> int:
    """How far a mention stands from the trigger at t0-t1; a name inside the trigger's own words is nearest of all
    ("at Turkmenistan's initiative")."""
    if t0 <= m.start and m.end <= t1:
        return 0
    return min(abs(m.start - t0), abs(m.end - t0), abs(m.start - t1))


def pattern_statements(am: ArticleMentions, language: str, published: date | None) -> list[Found]:
    """Facts from the trigger patterns of the article's language (`published` completes dates
    written without their year)."""
    out: list[Found] = []
    in_focus = event_focus(am)
    in_frame = frame_focus(am)
    for index, sentence in enumerate(am.sentences):
        text = am.folded[index]
        tokens = am.tokens[index]
        for spec in _compiled(language):
            triggers = list(spec["regex"].finditer(text))
            if not triggers:  # most patterns in most sentences: nothing more to look at
                continue
            focus = in_frame[index] if spec.get("frame") else in_focus[index]
            if spec.get("outside_names"):  # "Шанхайской организации сотрудничества": a word of a name, no trigger
                triggers = [t for t in triggers if not _in_name(am.by_sentence[index], sentence.start, t)]
            denied = [  # "did not take part", "was to include": clauses that assert no such fact
                clause_span(text, t.start(), t.end(), language)
                for t in triggers
                if negated(text, t.start(), t.end(), language)
                or (spec["predicate"] in HAPPENED and unrealised(text, t.start(), language))
            ]
            if denied:
                mentions = [
                    m for m in am.by_sentence[index] if not any(a <= m.start - sentence.start < b for a, b in denied)
                ]
            else:
                mentions = am.by_sentence[index]
            for trig in triggers:
                if any(a <= trig.start() < b for a, b in denied):
                    continue
                if spec.get("heard") and said_from_outside(text, trig.start(), language):
                    continue
                t0, t1 = sentence.start + trig.start(), sentence.start + trig.end()
                subjects = _pick(mentions, spec["subject"], sentence, tokens, t0, t1, language)
                if not subjects and spec["subject"].get("next_re"):
                    subjects = _next_listed(am, index, spec["subject"])
                if (
                    not subjects
                    and spec["subject"].get("focus")
                    and focus is not None
                    and not _complement_is(mentions, t1, spec["subject"].get("focus_unless") or ())
                ):
                    subjects = [None]  # the event in focus
                if not subjects:
                    continue
                if spec["object"] == "date":
                    event = (subjects[0].ref, 0.75) if subjects[0] is not None else (focus, 0.6)
                    out += _dates(mentions, sentence, text, language, event, spec["id"], index, published)
                    break
                objects: list[Ref | tuple[str, str]]
                where: list[int] = []  # the sentence of each object, when it is not the trigger's
                if spec["object"] in ("topics", "topics before", "proposal topics"):
                    objects = phrase_topics(am, index, t0, t1, spec["object"] == "topics before")
                elif spec["object"] == "vocabulary topics":
                    objects = vocabulary_topics(am, index, text)
                else:
                    picked = _pick(mentions, spec["object"], sentence, tokens, t0, t1, language)
                    if not spec.get("name_parts"):
                        # a name inside the other end's name is name structure, not what the trigger says
                        subjects = [x for x in subjects if x is None or not any(_within(x, m) for m in picked)]
                        picked = [m for m in picked if not any(x is not None and _within(m, x) for x in subjects)]
                    if spec.get("named_author"):  # "la proposition du président X": X's alone
                        picked = [m for m in picked if not _names_its_author(m, mentions)]
                    objects = [m.ref for m in picked]
                    if not picked and _LIST_INTRO.fullmatch(sentence.text[t1 - sentence.start :]):
                        items = _list_items(am, index, spec["object"]["classes"])
                        objects = [ref for _, ref in items]
                        where = [i for i, _ in items]
                for s in subjects:
                    sref = s.ref if s is not None else focus
                    for o in objects:
                        if o != sref:
                            conf = 0.75 if s is not None else 0.6
                            at = where[objects.index(o)] if where else index
                            out.append(Found(sref, spec["predicate"], o, at, conf, spec["id"]))
                break  # one match of a pattern per sentence
    return out


def _dates(
    mentions: list[Mention],
    sentence: Sentence,
    folded: str,
    language: str,
    event: tuple[Ref, float],
    extractor: str,
    index: int,
    published: date | None,
) -> list[Found]:
    """The day of each event a dating sentence names, by the clause or list item that holds both
    (`dates.dated_events`); a date whose item names no event is `event`'s (the sentence's first
    forum, or the one in focus, with the confidence of that reading), the first such date only."""
    forums = [(m.start - sentence.start, m.end - sentence.start, m.ref) for m in mentions if m.cls == "Forum" and m.top]
    out: list[Found] = []
    dated: set[Ref] = set()
    ahead = event_status(folded, language) == "planned"  # "пройдет 14 октября": on or after publication
    for ref, day in dated_events(sentence.text, find_dates(sentence.text, language), forums):
        ref, confidence = (ref, 0.75) if ref is not None else event
        if ref not in dated:
            dated.add(ref)
            out.append(Found(ref, "cas:date", day.iso(published, ahead), index, confidence, extractor))
    return out


def status_statements(am: ArticleMentions) -> list[Found]:
    """The status of each forum a sentence calls cancelled, postponed or planned: the forum it names
    (nearest the cue word), else the event in focus."""
    out: list[Found] = []
    in_focus = event_focus(am)
    for index, text in enumerate(am.folded):
        status = event_status(text, am.language)
        if status is None:
            continue
        forums = [m for m in am.by_sentence[index] if m.cls == "Forum" and m.top]
        subject = forums[0].ref if forums else in_focus[index]
        if subject is not None and (forums or status != "planned"):
            out.append(Found(subject, "cas:eventStatus", (status, "token"), index, 0.6, f"status.{status}"))
    return out


def _complement_is(mentions: list[Mention], t1: int, classes: list[str] | tuple[str, ...]) -> bool:
    """Whether the trigger is followed, within a few words, by an entity of one of these classes: "took part in
    UN missions" speaks of the missions, not of the event in focus."""
    after = [m for m in mentions if m.top and m.start >= t1]
    if not classes or not after:
        return False
    first = min(after, key=lambda m: m.start)
    return first.cls in classes and first.start - t1 <= 20


def _in_name(mentions: list[Mention], offset: int, trigger: re.Match[str]) -> bool:
    """Whether the trigger's words are inside a name the sentence mentions."""
    a, b = offset + trigger.start(), offset + trigger.end()
    return any(m.top and m.start <= a and b <= m.end for m in mentions)


def _names_its_author(proposal: Mention, mentions: list[Mention]) -> bool:
    """Whether a proposal's own name holds the person who made it ("the proposal of President X", "предложение
    президента X"): its author is read from the name (`names.py`), not from who else the sentence names."""
    return proposal.cls == "Initiative" and any(m.cls == "Person" and _within(m, proposal) for m in mentions)


def _within(inner: Mention, outer: Mention) -> bool:
    return inner is not outer and outer.start <= inner.start and inner.end <= outer.end


def _next_listed(am: ArticleMentions, index: int, arg: dict) -> list[Mention]:
    """The entities of the given classes in the sentence after `index` when it opens by listing what the
    trigger's sentence counted ("55 countries became co-authors of the resolution. Among them are A, B,
    C and others."): a plural that the next sentence spells out."""
    if index + 1 >= len(am.sentences) or not arg["next_re"].match(am.folded[index + 1]):
        return []
    seen: set[Ref] = set()
    return [
        m
        for m in am.by_sentence[index + 1]
        if m.top and m.cls in arg["classes"] and not (m.ref in seen or seen.add(m.ref))
    ]


_LIST_INTRO = re.compile(r"\s*:\s*")  # "was attended by:" and the items on the lines that follow
MAX_ITEM_WORDS = 40


def _list_items(am: ArticleMentions, index: int, classes: list[str]) -> list[tuple[int, Ref]]:
    """The entities of the given classes named by the list items after sentence `index`: the lines
    that follow, up to the first that ends a sentence ("Kazakhstan – President Tokayev")."""
    out: list[tuple[int, Ref]] = []
    for j in range(index + 1, len(am.sentences)):
        text = am.sentences[j].text.rstrip(' "”»')
        if len(text.split()) > MAX_ITEM_WORDS:
            break
        out += [(j, m.ref) for m in am.by_sentence[j] if m.top and m.cls in classes]
        if text.endswith((".", "!", "?")):
            break
    seen: set[Ref] = set()
    return [(j, ref) for j, ref in out if not (ref in seen or seen.add(ref))]
