"""Statements from mentions: per-language trigger patterns (data) and name-structure cues.

`patterns/<lang>.yaml` says, for each trigger, which classes its subject and object have (the
property's domain and range) and on which side of the trigger they stand. Besides patterns,
the structure of names states facts: "Ministry of Defence of Tajikistan" belongs to Tajikistan,
"CSTO Joint Staff" is part of the CSTO, "OSCE Programme Office in Dushanbe" is in Dushanbe,
"Colonel X, Chief of the KAZCENT" has a role and an affiliation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .dates import find_dates
from .language import Sentence
from .lexicon import patterns as load_patterns
from .mentions import ArticleMentions, Mention
from .records import Ref
from .tokens import fold

ACTORS = ("State", "Institution", "Person")
FOCUS_SPAN = 2  # an event stays in focus this many sentences after it was last named
NATIONAL = re.compile(
    r"ministr|minist[eè]re|министерств|defen[cs]e|armed forces|forces arm|вооруж|troops|troupes|войск|border|frontali|"
    r"погранич|parliament|parlement|парламент|senate|s[ée]nat|сенат|government|gouvernement|правительств|"
    r"district|округ|staff|[ée]tat-major|штаб|task force|centre|center|центр|council|conseil|совет|airlines|air\b|"
    r"division|дивизи|agency|agence|агентств|service|служб",
    re.I,
)


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
            spec[side] = arg
        out.append(spec)
    return out


def _pick(mentions: list[Mention], arg: dict, sentence: Sentence, t0: int, t1: int) -> list[Mention]:
    classes = arg["classes"]
    side = arg.get("side", "any")
    pool = [m for m in mentions if m.cls in classes and (m.top or arg.get("nested"))]
    if side == "before":
        pool = [m for m in pool if m.end <= t0]
    elif side == "after":
        pool = [m for m in pool if m.start >= t1]
    if arg.get("prefix_re"):
        pool = [m for m in pool if arg["prefix_re"].search(fold(sentence.text[: m.start - sentence.start]))]
    take = arg.get("take", "nearest")
    if not pool:
        return []
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
    return [min(unique, key=lambda m: min(abs(m.start - t0), abs(m.end - t0), abs(m.start - t1)))]


def pattern_statements(am: ArticleMentions, language: str, default_year: int | None) -> list[Found]:
    """Facts from the trigger patterns of the article's language."""
    out: list[Found] = []
    focus: Ref | None = None
    focus_at = 0
    for index, sentence in enumerate(am.sentences):
        mentions = am.by_sentence[index]
        forums = [m for m in mentions if m.cls == "Forum"]
        if forums:
            focus, focus_at = forums[0].ref, index
        elif focus is not None and index - focus_at > FOCUS_SPAN:
            focus = None
        text = fold(sentence.text)
        for spec in _compiled(language):
            for trig in spec["regex"].finditer(text):
                t0, t1 = sentence.start + trig.start(), sentence.start + trig.end()
                subjects = _pick(mentions, spec["subject"], sentence, t0, t1)
                if not subjects and spec["subject"].get("focus") and focus is not None:
                    subjects = [None]  # the event in focus
                if not subjects:
                    continue
                objects: list[Ref | tuple[str, str]]
                if spec["object"] == "date":
                    dates = find_dates(sentence.text, language)
                    objects = [dates[0].iso(default_year)] if dates else []
                elif spec["object"] == "topics":
                    objects = _topics(am, index, sentence, t1)
                else:
                    objects = [m.ref for m in _pick(mentions, spec["object"], sentence, t0, t1)]
                for s in subjects:
                    sref = s.ref if s is not None else focus
                    for o in objects:
                        if o != sref:
                            conf = 0.75 if s is not None else 0.6
                            out.append(Found(sref, spec["predicate"], o, index, conf, spec["id"]))
                break  # one match of a pattern per sentence
    return out


_LIST_SPLIT = re.compile(r",\s*(?:and\s+|et\s+|и\s+)?|\s+(?:and|et|и|as well as|ainsi que)\s+")
_TOPIC_LEAD = re.compile(
    r"^(?:(?:the|les?|la|l'|des|du|de|d')\s+|various topics,?\s*|including\s+|notamment\s+|importance of\s+)+", re.I
)


def _topics(am: ArticleMentions, index: int, sentence: Sentence, t1: int) -> list[Ref]:
    """Listed subjects after a 'discussed' trigger that are not entities become cas:Topic entities."""
    rest_start = t1 - sentence.start
    rest = sentence.text[rest_start:]
    rest = re.split(r"[.;:!?]|\b(?:were|was|is|are|that|which|who)\b", rest)[0]
    covered = [(m.start - sentence.start, m.end - sentence.start) for m in am.by_sentence[index]]
    out = []
    pos = rest_start
    for part in _LIST_SPLIT.split(rest):
        begin = sentence.text.find(part, pos) if part else -1
        if begin >= 0:
            pos = begin + len(part)
        phrase = _TOPIC_LEAD.sub("", part.strip(' “”"«»,')).strip()
        words = phrase.split()
        if not (1 <= len(words) <= 7) or begin < 0:
            continue
        if any(s < begin + len(part) and begin < e for s, e in covered):
            continue
        ref = Ref("topic", phrase.lower().replace(" ", "-")[:80])
        from .slug import slug

        ref = Ref("topic", slug(phrase)[:80])
        am.classes.setdefault(ref, "Topic")
        am.labels.setdefault(ref, phrase)
        out.append(ref)
    return out


def structure_statements(am: ArticleMentions, gazetteer_located: dict[Ref, Ref]) -> list[Found]:
    """Facts said by the structure of names: parts, states, places inside a longer name."""
    out: list[Found] = []
    for index, mentions in enumerate(am.by_sentence):
        for outer in mentions:
            if outer.how == "alias":
                continue
            inner = [m for m in mentions if m.outer is outer and m.ref != outer.ref]
            for m in inner:
                before_head = m.first < (outer.candidate.head[0] if outer.candidate else outer.first + 1)
                if outer.cls == "Institution" and m.cls == "Institution" and outer.how != "anaphor":
                    out.append(Found(outer.ref, "cas:partOf", m.ref, index, 0.7, "name.part-of"))
                elif outer.cls == "Institution" and m.cls == "State" and NATIONAL.search(outer.text):
                    out.append(Found(outer.ref, "cas:belongsToState", m.ref, index, 0.7, "name.belongs-to-state"))
                elif (
                    outer.cls in ("Institution", "Place")
                    and m.cls in ("Place",)
                    and not before_head
                    or outer.cls == "Place"
                    and m.cls == "State"
                ):
                    out.append(Found(outer.ref, "cas:locatedIn", m.ref, index, 0.6, "name.located-in"))
                elif outer.cls == "Mission" and m.cls in ("Place", "State") and not before_head:
                    out.append(Found(outer.ref, "cas:missionLocation", m.ref, index, 0.7, "name.mission-location"))
                elif outer.cls == "Mission" and m.cls == "Institution" and before_head:
                    out.append(Found(outer.ref, "cas:partOf", m.ref, index, 0.6, "name.part-of"))
                elif outer.cls == "Resolution" and m.cls == "Institution":
                    out.append(Found(outer.ref, "cas:adoptedBy", m.ref, index, 0.7, "name.adopted-by"))
            # "X (Y)" and "X in Y" right after a name: "UNRCCA in Ashgabat", "Chebarkul (Chelyabinsk oblast)"
            nxt = [m for m in mentions if m.top and m.start > outer.end and m.start - outer.end <= 5]
            if outer.top and outer.cls in ("Institution", "Place") and nxt and nxt[0].cls in ("Place", "State"):
                gap = am.sentences[index].text[
                    outer.end - am.sentences[index].start : nxt[0].start - am.sentences[index].start
                ]
                if re.fullmatch(r"\s*(\(|in|à|en|au|в|на)\s*", gap, re.I):
                    out.append(Found(outer.ref, "cas:locatedIn", nxt[0].ref, index, 0.6, "name.located-in"))
    return out


def people_statements(am: ArticleMentions) -> list[Found]:
    """Role (rank and titles together, "Colonel, Chief") and affiliation of every person with a title."""
    out: list[Found] = []
    roles: dict[tuple[int, Ref], list[str]] = {}
    for index, person in am.people:
        if person.ref is None:
            continue
        if person.role:
            parts = roles.setdefault((index, person.ref), [])
            parts += [r for r in person.role.split(", ") if r not in parts]
        if person.affiliation is not None:
            out.append(Found(person.ref, "cas:affiliatedWith", person.affiliation, index, 0.7, "people.title"))
    ranks = set(lexicon_ranks())
    for (index, ref), parts in roles.items():
        ordered = [p for p in parts if p in ranks] + [p for p in parts if p not in ranks]
        out.append(Found(ref, "cas:role", (", ".join(ordered), "string"), index, 0.7, "people.title"))
    return out


def lexicon_ranks() -> list[str]:
    """The English names of military ranks, which come first in a role."""
    from .lexicon import lexicon

    return [english for lang in lexicon("discovery").values() for english in (lang.get("ranks") or {}).values()]
