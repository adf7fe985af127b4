"""Deployments: missions named by their place ("missions in Nepal, Mali…"), who deployed to
them, and how many ("139 military personnel"), as cas:Deployment nodes with cas:personnelCount.

A mission named only by its place is the known mission operating there when the gazetteer
knows exactly one; otherwise a new mission keyed by its place ("un-mission-in-nepal"), so the
same place gives the same node in every article.
"""

from __future__ import annotations

import re
from functools import cache

from .counts import count_regex, count_value
from .gazetteer import Gazetteer
from .lexicon import lexicon
from .lexicon import patterns as load_patterns
from .mentions import ArticleMentions, Mention
from .negation import negated
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


GENERIC = Ref("mission", "un-missions")  # "UN missions", "в миссиях ООН": missions in general


def several(mention: Mention, language: str) -> bool:
    """Whether a mission's name speaks of several missions ("UN missions", "missions in Nepal, Mali…",
    "в миссиях ООН"): what it is tied to (a count, a place) is not one mission's."""
    return mention.cls == "Mission" and bool(_plural(language).search(fold(mention.text)))


@cache
def _plural(language: str) -> re.Pattern[str]:
    return re.compile(lexicon("numbers")["missions"][language])


@cache
def _peace_operation(language: str) -> re.Pattern[str]:
    """Words that make a group sent to a place a peace operation's ("peacekeepers", "contingent"),
    when the sentence names no mission: officers sent to a city for training are not one."""
    return re.compile(lexicon("numbers")["peace operation"][language])


@cache
def _contingent(language: str) -> re.Pattern[str]:
    return re.compile(lexicon("numbers")["contingent"][language])


@cache
def _towards(language: str) -> re.Pattern[str]:
    """The few words between a count and the place it is at: "officers in", "are to be deployed in"."""
    return re.compile(rf"^\s*(?:[^\W\d]+\s+){{0,4}}?{lexicon('numbers')['towards'][language]}$", re.I)


def deployment_statements(
    am: ArticleMentions, language: str, gazetteer: Gazetteer
) -> tuple[list[Found], dict[Ref, tuple[str, str]]]:
    """Facts about deployments, and the new entities (missions, deployment nodes) they need."""
    found: list[Found] = []
    new: dict[Ref, tuple[str, str]] = {}
    last: Mention | None = None
    for index, sentence in enumerate(am.sentences):
        text = am.folded[index]
        if not _deploy(language).search(text):
            continue
        mentions = am.by_sentence[index]
        missions = [m for m in mentions if m.cls == "Mission"]
        counts = [c for c in count_regex(language).finditer(sentence.text) if count_value(c, language) is not None]
        counts = [c for c in counts if not negated(text, c.start(), c.end(), language, reach=6)]
        placed = [(c, p) for c in counts if (p := _place_of(c, sentence.text, sentence.start, mentions, language))]
        if not missions and not (placed and _peace_operation(language).search(text)):
            continue  # no mission named, nor peacekeepers sent to a place ("139 peacekeepers to the Golan Heights")
        targets: list[tuple[Ref, Mention]] = [
            (GENERIC if several(m, language) else m.ref, m) for m in missions if m.top
        ]
        if GENERIC in (r for r, _ in targets):
            am.classes.setdefault(GENERIC, "Mission")
            am.labels.setdefault(GENERIC, lexicon("numbers")["several missions"][language])
        # places listed after a mission word ("missions in Nepal, Côte d’Ivoire, Mali"), and the place
        # a count's own phrase leads to ("six officers in Western Sahara, two in the CAR")
        places = [p for m in missions for p in _listed_places(sentence.text, sentence.start, mentions, m, language)]
        for place in places + [p for _, p in placed if p not in places]:
            ref = _mission_at(place, am, gazetteer, new)
            found.append(Found(ref, "cas:missionLocation", place.ref, index, 0.6, "deploy.mission-by-place"))
            mention = Mention(
                index, place.first, place.last, place.start, place.end, place.text, "Mission", ref, "place"
            )
            am.by_sentence[index].append(mention)
            targets.append((ref, mention))
        # a contingent in a sentence naming no state is the one the article last sent ("le contingent
        # national … composé de 139 militaires"); a mission's whole strength is no contingent
        contributor = _contributor(mentions, min(m.start for _, m in targets))
        if contributor is None and counts and _contingent(language).search(text):
            contributor = last
        if contributor is None:
            continue
        last = contributor
        for ref, _ in targets:
            found.append(Found(contributor.ref, "cas:deployedTo", ref, index, 0.6, "deploy.contributor"))
        found += _count_statements(am, index, counts, contributor, targets, new, language)
    return found, new


def _count_statements(
    am: ArticleMentions,
    index: int,
    counts: list[re.Match[str]],
    contributor: Mention,
    targets: list[tuple[Ref, Mention]],
    new: dict[Ref, tuple[str, str]],
    language: str,
) -> list[Found]:
    """A cas:Deployment node (contributor, mission, count) for each count the sentence ties to a mission."""
    out: list[Found] = []
    for i, m in enumerate(counts):
        n = count_value(m, language)
        mission = _counted(counts, i, am.sentences[index].start, targets)
        if mission is None:
            continue
        node = Ref("deployment", f"{contributor.ref.path}-{contributor.ref.key}--{mission.key}--{n}")
        new[node] = ("Deployment", f"{n} to {am.labels.get(mission) or new[mission][1]}")
        out.append(Found(node, "cas:contributor", contributor.ref, index, 0.6, "deploy.count"))
        out.append(Found(node, "cas:mission", mission, index, 0.6, "deploy.count"))
        out.append(Found(node, "cas:personnelCount", (str(n), "nonNegativeInteger"), index, 0.6, "deploy.count"))
    return out


def _place_of(count: re.Match[str], text: str, offset: int, mentions: list[Mention], language: str) -> Mention | None:
    """The place a counted group is at, by the count's own phrase: "six officers in Western Sahara",
    "139 peacekeepers are to be deployed in the Golan Heights", "девять военнослужащих в Ливане"."""
    after = sorted((m for m in mentions if m.top and m.start >= offset + count.end()), key=lambda m: m.start)
    if not after or after[0].cls not in ("Place", "State"):
        return None
    gap = text[count.end() : after[0].start - offset]
    return after[0] if _towards(language).match(fold(gap)) else None


def _counted(counts: list[re.Match[str]], i: int, offset: int, targets: list[tuple[Ref, Mention]]) -> Ref | None:
    """The mission the i-th count of a sentence is of: the first named after it and before the
    next count ("six officers in Western Sahara, two in the CAR, nine in Lebanon": nine is
    Lebanon's, the CAR's two is not), else, for the sentence's first count, the last named before
    it ("UNDOF will receive 139 servicemen"). None when the sentence ties no mission to the count."""
    at = offset + counts[i].start()
    until = offset + counts[i + 1].start() if i + 1 < len(counts) else None
    named = sorted((pm.start, r) for r, pm in targets)
    after = [r for start, r in named if start >= at and (until is None or start < until)]
    if after:
        return after[0]
    before = [r for start, r in named if start < at]
    return before[-1] if before and i == 0 else None


def _contributor(mentions: list[Mention], at: int) -> Mention | None:
    """The state that sends: the first named before the first mission (at `at`), else after it; never a
    state inside a mission's name ("Interim Force in Lebanon"), which is where the mission is."""
    mentions = [m for m in mentions if not _inside_mission(m) and m.cls != "Mission"]
    states = [m for m in mentions if m.cls == "State" and m.start < at]
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


def _listed_places(text: str, offset: int, mentions: list[Mention], mission: Mention, language: str) -> list[Mention]:
    """The places listed after a mission word ("missions in Nepal, Côte d’Ivoire, Mali"); a name of
    several missions lists its own place too ("missions in Nepal"), a mission's own name does not."""
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
            if several(mission, language):
                out.append(p)
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
