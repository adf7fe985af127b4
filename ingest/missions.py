"""Deployments: missions named by their place ("missions in Nepal, Mali…"), who deployed to
them, and how many ("139 military personnel"), as cas:Deployment nodes with cas:personnelCount.

A mission named only by its place is the known mission operating there when the gazetteer
knows exactly one; otherwise a new mission keyed by its place ("un-mission-in-nepal"), so the
same place gives the same node in every article.
"""

from __future__ import annotations

import re
from functools import cache

from .gazetteer import Gazetteer
from .lexicon import lexicon
from .lexicon import patterns as load_patterns
from .mentions import ArticleMentions, Mention
from .records import Ref
from .slug import slug
from .statements import Found
from .tokens import fold

_SEPARATOR = re.compile(r"^\s*(,|and|et|и|the|la|le|l'|en|in|au|à|в|во|на|\s)*\s*$", re.I)


@cache
def _deploy(language: str) -> re.Pattern[str]:
    """What marks a sentence about a deployment: the deployed-to trigger of the language's patterns, or its cues."""
    (spec,) = (p for p in load_patterns(language)["patterns"] if p["predicate"] == "cas:deployedTo")
    return re.compile(f"(?:{spec['trigger']})|(?:{spec['cues']})")


@cache
def _counts(language: str) -> re.Pattern[str]:
    data = lexicon("numbers")
    words = "|".join(sorted(data["words"][language], key=len, reverse=True))
    return re.compile(rf"\b(?P<n>\d[\d  ,]*\d|\d|{words})\s+(?:\w+\s+){{0,2}}?{data['personnel'][language]}", re.I)


def _number(text: str, language: str) -> int | None:
    text = text.strip().replace(" ", "").replace(" ", "").replace(",", "")
    if text.isdigit():
        return int(text)
    return lexicon("numbers")["words"][language].get(text.lower())


def deployment_statements(
    am: ArticleMentions, language: str, gazetteer: Gazetteer
) -> tuple[list[Found], dict[Ref, tuple[str, str]]]:
    """Facts about deployments, and the new entities (missions, deployment nodes) they need."""
    found: list[Found] = []
    new: dict[Ref, tuple[str, str]] = {}
    for index, sentence in enumerate(am.sentences):
        text = am.folded[index]
        if not _deploy(language).search(text):
            continue
        mentions = am.by_sentence[index]
        missions = [m for m in mentions if m.cls == "Mission"]
        if not missions:
            continue
        contributor = _contributor(mentions, missions[0])
        targets: list[tuple[Ref, Mention | None]] = [(m.ref, m) for m in missions if m.top]
        # places listed after a mission word: "missions in Nepal, Côte d’Ivoire, Mali"
        for mission in missions:
            for place in _listed_places(sentence.text, sentence.start, mentions, mission):
                ref = _mission_at(place, am, gazetteer, new)
                found.append(Found(ref, "cas:missionLocation", place.ref, index, 0.6, "deploy.mission-by-place"))
                am.by_sentence[index].append(
                    Mention(index, place.first, place.last, place.start, place.end, place.text, "Mission", ref, "place")
                )
                targets.append((ref, place))
        if contributor is None:
            continue
        for ref, _ in targets:
            found.append(Found(contributor.ref, "cas:deployedTo", ref, index, 0.6, "deploy.contributor"))
        counts = list(_counts(language).finditer(sentence.text))
        for i, m in enumerate(counts):
            n = _number(m.group("n"), language)
            if n is None:
                continue
            mission = _counted(counts, i, sentence.start, targets)
            if mission is None:
                continue
            node = Ref("deployment", f"{contributor.ref.path}-{contributor.ref.key}--{mission.key}--{n}")
            new[node] = ("Deployment", f"{n} to {am.labels.get(mission) or new[mission][1]}")
            found.append(Found(node, "cas:contributor", contributor.ref, index, 0.6, "deploy.count"))
            found.append(Found(node, "cas:mission", mission, index, 0.6, "deploy.count"))
            found.append(Found(node, "cas:personnelCount", (str(n), "nonNegativeInteger"), index, 0.6, "deploy.count"))
    return found, new


def _counted(counts: list[re.Match[str]], i: int, offset: int, targets: list[tuple[Ref, Mention | None]]) -> Ref | None:
    """The mission the i-th count of a sentence is of: the first named after it and before the
    next count ("six officers in Western Sahara, two in the CAR, nine in Lebanon": nine is
    Lebanon's, the CAR's two is not), else, for the sentence's first count, the last named before
    it ("UNDOF will receive 139 servicemen"). None when the sentence ties no mission to the count."""
    at = offset + counts[i].start()
    until = offset + counts[i + 1].start() if i + 1 < len(counts) else None
    named = sorted((pm.start, r) for r, pm in targets if pm is not None)
    after = [r for start, r in named if start >= at and (until is None or start < until)]
    if after:
        return after[0]
    before = [r for start, r in named if start < at]
    return before[-1] if before and i == 0 else None


def _contributor(mentions: list[Mention], mission: Mention) -> Mention | None:
    """The state that sends: the first named before the mission, else after it; never a state inside a
    mission's name ("Interim Force in Lebanon"), which is where the mission is."""
    mentions = [m for m in mentions if not _inside_mission(m)]
    states = [m for m in mentions if m.cls == "State" and m.start < mission.start]
    if states:
        return states[0]
    later = [m for m in mentions if m.cls == "State"]
    return later[0] if later else None


def _inside_mission(m: Mention) -> bool:
    while m.outer is not None:
        if m.outer.cls == "Mission":
            return True
        m = m.outer
    return False


def _listed_places(text: str, offset: int, mentions: list[Mention], mission: Mention) -> list[Mention]:
    places = sorted(
        (
            m
            for m in mentions
            if m.cls in ("Place", "State") and m.start >= mission.start and m.outer in (None, mission)
        ),
        key=lambda m: m.start,
    )
    out, pos = [], mission.end
    for p in places:
        if p.outer is mission:
            continue  # the mission's own name says its place
        gap = text[pos - offset : p.start - offset]
        if not _SEPARATOR.match(fold(gap)) and not (
            not out and re.search(r"\b(in|en|в|на|au|à)\s+(the\s+)?$", fold(gap))
        ):
            break
        out.append(p)
        pos = p.end
    return out


def _mission_at(place: Mention, am: ArticleMentions, gazetteer: Gazetteer, new: dict) -> Ref:
    known = sorted(gazetteer.missions_at.get(place.ref, ()))
    if len(known) == 1:
        ref = known[0]
        label = gazetteer.entities[ref].label if ref in gazetteer.entities else ref.key
    else:
        label_place = gazetteer.entities[place.ref].label if place.ref in gazetteer.entities else place.text
        ref = Ref("mission", slug(f"un-mission-in-{label_place}"))
        label = f"UN mission in {label_place}"
    am.classes.setdefault(ref, "Mission")
    am.labels.setdefault(ref, label)
    return ref
