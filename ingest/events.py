"""Events an article tells by their verbs before (or without) naming them.

News often opens with the act, not the event's name: "President X received a delegation of Y in
Bishkek", "X a rencontré Y", "X встретился с Y"; only later, if at all, does it say "the meeting".
A participant pattern that `tells` a kind (`patterns/LANG.yaml`) marks such verbs: when a sentence
has one, between people, states or organisations, names no forum itself and no forum is in focus,
the verb's words become the mention of a new forum of that kind. A `reciprocal` pattern marks a
verb whose plural subject meets among itself ("the ministers of A and B met in Bishkek", "se sont
réunis", "встретились"): there the subject may be one organisation, whose members are the sides;
the trigger itself keeps out the verb's other senses ("met with criticism"). The frame then fills as for a
named event (the same pattern gives its participants; place and day patterns, later sentences in
focus and "the meeting" referring back give the rest), and later mentions of its kind word refer
back to it, so the article has one forum per event.

An event described before it is named ("The exercise, dubbed Rubezh-2014 (Frontier-2014), …",
"l'exercice, baptisé « Frontière »", "учения под названием «Рубеж»") has that name as a mention of
the described event (`dubbed_name`), so the name and the description are one forum.
"""

from __future__ import annotations

import re
from functools import cache

from .discover import lang_lexicon
from .language import Sentence
from .lexicon import pattern_regex, patterns
from .linker import Linker, Mention
from .negation import negated, unrealised
from .represented_by import after_locative
from .tokens import Token, fold, key_of

ACTORS = ("Person", "State", "Institution")
_COORDINATION = {"and", "or", "et", "ou", "и", "или"}
# the name given after an apposition word: quoted, or a run of capitalised words that may end in a year
# ("Rubezh-2014", "Peace Mission 2021")
_NAME = re.compile(
    r"[«“\"„]\s*([^»”\"]{2,60}?)\s*[»”\"]|([A-ZА-ЯЁ][\w'’-]*(?:\s+(?:[A-ZА-ЯЁ][\w'’-]*|\d{2,4}\b)){0,4})"
)


def _subject(folded: str, actor: Mention, start: int, sentence: Sentence) -> bool:
    """Whether the actor is the verb's subject: right before it, at most one word between ("X
    received", "X also met"), not coordinated with what comes before ("travelled to Y and met")."""
    gap = folded[actor.end - sentence.start : start - sentence.start].split()
    return len(gap) <= 1 and not _COORDINATION.intersection(gap)


def placed(tokens: list[Token], m: Mention, language: str) -> bool:
    """Whether a state is named as where something is, after a locative ("in Kazakhstan", "au
    Kirghizistan", "в Казахстане"), so it is no side of a meeting told there."""
    return m.cls == "State" and after_locative(tokens, m, language)


def event_mentions(
    index: int, sentence: Sentence, tokens: list[Token], mentions: list[Mention], linker: Linker, span: int
) -> None:
    """Add to `mentions` the events the sentence tells by a verb (`told_event`) or names by apposition
    (`dubbed_name`)."""
    told_event(index, sentence, tokens, mentions, linker, span)
    dubbed_name(sentence, tokens, mentions, linker)


@cache
def telling_verbs(language: str) -> tuple[tuple[re.Pattern[str], str, bool], ...]:
    """(trigger, kind word, reciprocal) of the patterns that tell of an event by its verb."""
    return tuple(
        (re.compile(p["trigger"]), p["tells"], bool(p.get("reciprocal")))
        for p in patterns(language)["patterns"]
        if p.get("tells")
    )


def _two_sides(before: list[Mention], after: list[Mention], reciprocal: bool) -> bool:
    """Whether the verb meets two sides: one before and one after it ("X met with Y"), two before
    ("X and Y met"), or, for a verb whose subject meets among itself ("met in", "se sont réunis",
    "встретились"), an organisation whose members are the sides ("the CSTO ministers met")."""
    if after or len({m.ref for m in before}) > 1:
        return True
    return reciprocal and before[-1].cls == "Institution"


# at most this many words between a meeting verb and whom it meets ("received | a delegation of the | CSTO")
OBJECT_REACH = 4


def _meets_someone(folded: str, after: list[Mention], end: int, sentence: Sentence, language: str) -> bool:
    """Whether the verb's object is a person, state or organisation, within `OBJECT_REACH` words of it and not
    the complement of a thing met (`object_not_party` of `patterns/LANG.yaml`): "met with criticism from
    Russia", "a rencontré des difficultés avec la Russie", "встретились с трудностями" meet a thing, and tell
    of no meeting; a state after a locative word is where ("met its targets in Afghanistan")."""
    thing = pattern_regex(language, "object_not_party")
    where = set(lang_lexicon(language).get("locative") or ())
    for actor in after:
        gap = folded[end - sentence.start : max(end, actor.start) - sentence.start].split()
        if len(gap) > OBJECT_REACH or thing and thing.search(" ".join(gap)):
            return False
        if not gap or gap[-1] not in where:  # "met its targets in | Afghanistan": a place, not whom it met
            return True
    return False


def told_event(
    index: int, sentence: Sentence, tokens: list[Token], mentions: list[Mention], linker: Linker, span: int
) -> None:
    """Add to `mentions` the forum a meeting verb of the sentence tells of, when the sentence names
    none and none was named in the last `span` sentences."""
    if any(m.cls == "Forum" for m in mentions) or linker.in_focus("Forum", span) is not None:
        return
    text = fold(sentence.text)
    actors = [m for m in mentions if m.cls in ACTORS and m.outer is None]
    for regex, kind, reciprocal in telling_verbs(linker.language):
        hit = regex.search(text)
        if hit is None:
            continue
        if negated(text, hit.start(), hit.end(), linker.language) or unrealised(text, hit.start(), linker.language):
            return
        start, end = sentence.start + hit.start(), sentence.start + hit.end()
        before = [m for m in actors if m.end <= start]
        after = [m for m in actors if m.start >= end and not placed(tokens, m, linker.language)]
        if not before or not _two_sides(before, after, reciprocal) or not _subject(text, before[-1], start, sentence):
            return
        met = [
            m for m in actors if m.end > end
        ]  # "принял министра | иностранных дел Турции": the trigger holds a title
        if not reciprocal and not _meets_someone(text, met, end, sentence, linker.language):
            return
        first = next(i for i, t in enumerate(tokens) if t.end > start)
        last = max(i for i, t in enumerate(tokens) if t.start < end) + 1
        sides = (before[-1], *after[:1]) if after else tuple(before[-2:])
        label = f"{kind} ({', '.join(linker.labels.get(m.ref, m.text) for m in sides)})"
        ref = linker.mint("Forum", label)
        head = " ".join(key_of(kind))
        linker.note(ref, "Forum", label, head)
        mentions.append(
            Mention(
                index,
                first,
                last,
                tokens[first].start,
                tokens[last - 1].end,
                sentence.text[hit.start() : hit.end()],
                "Forum",
                ref,
                "told",
                head,
            )
        )
        mentions.sort(key=lambda m: (m.first, -(m.last - m.first)))
        return


@cache
def _apposition_cue(language: str) -> re.Pattern[str] | None:
    """The lexicon's apposition words (", dubbed", ", baptisé", "под названием") right after an event's mention."""
    words = sorted((re.escape(fold(w)) for w in lang_lexicon(language).get("apposition") or []), key=len, reverse=True)
    return re.compile(rf"\s*,?\s*(?:{'|'.join(words)})\s+") if words else None


def dubbed_name(sentence: Sentence, tokens: list[Token], mentions: list[Mention], linker: Linker) -> None:
    """Add to `mentions` the name a sentence gives the event it describes ("The exercise, dubbed
    Rubezh-2014, …") when the name is no mention yet (a name that is one is merged with the event by
    `mentions._apposition`); later uses of the name refer to the event too."""
    cue = _apposition_cue(linker.language)
    folded = fold(sentence.text)
    if cue is None or len(folded) != len(sentence.text):  # the cue is read folded, the name in the text
        return
    for m in [m for m in mentions if m.cls == "Forum" and m.outer is None]:
        said = cue.match(folded, m.end - sentence.start)
        hit = _NAME.match(sentence.text, said.end()) if said else None
        if hit is None:
            continue
        group = 1 if hit.group(1) else 2
        start, end = sentence.start + hit.start(group), sentence.start + hit.end(group)
        if any(o.start < end and start < o.end for o in mentions):
            continue
        first = next(i for i, t in enumerate(tokens) if t.end > start)
        last = max(i for i, t in enumerate(tokens) if t.start < end) + 1
        mentions.append(Mention(m.sentence, first, last, start, end, hit.group(group), "Forum", m.ref, "alias", m.head))
        linker.aliases.setdefault(hit.group(group), m.ref)
    mentions.sort(key=lambda m: (m.first, -(m.last - m.first)))
