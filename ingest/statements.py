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
from datetime import date
from functools import cache

from .dates import find_dates
from .discover import lang_lexicon
from .language import Sentence
from .lexicon import patterns as load_patterns
from .mentions import FOCUS_SPAN, ArticleMentions, Mention
from .records import Ref
from .slug import slug
from .tokens import fold

ACTORS = ("State", "Institution", "Person")
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


def _pick(mentions: list[Mention], arg: dict, sentence: Sentence, t0: int, t1: int, language: str) -> list[Mention]:
    classes = arg["classes"]
    side = arg.get("side", "any")
    pool = [m for m in mentions if m.cls in classes and (m.top or arg.get("nested"))]
    if side == "before":
        pool = [m for m in pool if m.end <= t0]
    elif side == "after":
        pool = [m for m in pool if m.start >= t1]
    take = arg.get("take", "nearest")
    heads = pool
    if arg.get("prefix_re"):
        heads = [m for m in pool if arg["prefix_re"].search(fold(sentence.text[: m.start - sentence.start]))]
        if take != "list":
            pool = heads
    if not heads:
        return []
    if take == "list":  # the first item may need a prefix ("held in"), the others are coordinated with it
        return _listed(pool, heads, sentence, (t0, t1), side, language)
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


_BRACKETS = re.compile(r"\([^()]*\)")
_NAME_REST = re.compile(r"\s*(?:[A-ZА-ЯЁ][\w’'-]*\s*)+")
_LEAD = re.compile(r"[^.;!?]{0,60}")
_WORD = re.compile(r"[\w'-]+")


@cache
def _separator(language: str) -> re.Pattern[str]:
    words = sorted((re.escape(w) for w in lang_lexicon(language).get("coordinators") or []), key=len, reverse=True)
    alternatives = "|".join(words)
    return re.compile(rf"\s*(?:[,;]\s*(?:\b(?:{alternatives})\b)?|\b(?:{alternatives})\b)\s*")


def _coordinated(gap: str, language: str) -> bool:
    """Whether the text between two mentions joins them as items of one list: a comma or a coordinator,
    with at most two words of the item before ("the UN staff, the ICRC") and four of the next one's lead
    ("des fonctionnaires de l'ONU"), none of them a verb or relative word that starts a new clause."""
    gap = _BRACKETS.sub("", gap)
    if _NAME_REST.fullmatch(gap):
        return True  # the rest of a name the gazetteer did not know ("UN Women's Office")
    folded = fold(gap)
    sep = _separator(language).search(folded)
    if sep is None or re.search(r"[.:!?]", folded):
        return False
    before, after = _WORD.findall(folded[: sep.start()]), _WORD.findall(folded[sep.end() :])
    if len(before) > 2 or len(after) > 4:
        return False
    stop = lang_lexicon(language)["stop"]
    return not any(w in stop for w in before + after)


def _listed(
    pool: list[Mention], heads: list[Mention], sentence: Sentence, trigger: tuple[int, int], side: str, language: str
) -> list[Mention]:
    """The mention of `heads` nearest the trigger and the items of `pool` coordinated with it ("X, Y and Z")."""
    if side == "any":  # the list after the trigger, else the one before it
        return _listed(pool, heads, sentence, trigger, "after", language) or _listed(
            pool, heads, sentence, trigger, "before", language
        )
    t0, t1 = trigger

    def gap(a: int, b: int) -> str:
        return sentence.text[a - sentence.start : b - sentence.start]

    if side == "before":
        ordered = sorted((m for m in pool if m.end <= t0), key=lambda m: -m.start)
        first = max((m for m in heads if m.end <= t0), key=lambda m: m.start, default=None)
        if first is None or not _LEAD.fullmatch(gap(first.end, t0)):
            return []
        out = [first]
        for m in ordered:
            if m.end > out[-1].start:
                continue
            if not _coordinated(gap(m.end, out[-1].start), language):
                break
            out.append(m)
    else:
        ordered = sorted((m for m in pool if m.start >= t1), key=lambda m: m.start)
        first = min((m for m in heads if m.start >= t1), key=lambda m: m.start, default=None)
        if first is None or not _LEAD.fullmatch(gap(t1, first.start)):
            return []
        out = [first]
        for m in ordered:
            if m.start < out[-1].end:
                continue
            if not _coordinated(gap(out[-1].end, m.start), language):
                break
            out.append(m)
    seen: set[Ref] = set()
    return [m for m in out if not (m.ref in seen or seen.add(m.ref))]


def pattern_statements(am: ArticleMentions, language: str, published: date | None) -> list[Found]:
    """Facts from the trigger patterns of the article's language (`published` completes dates
    written without their year)."""
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
                subjects = _pick(mentions, spec["subject"], sentence, t0, t1, language)
                if (
                    not subjects
                    and spec["subject"].get("focus")
                    and focus is not None
                    and not _complement_is(mentions, t1, spec["subject"].get("focus_unless") or ())
                ):
                    subjects = [None]  # the event in focus
                if not subjects:
                    continue
                objects: list[Ref | tuple[str, str]]
                where: list[int] = []  # the sentence of each object, when it is not the trigger's
                if spec["object"] == "date":
                    dates = find_dates(sentence.text, language)
                    objects = [dates[0].iso(published)] if dates else []
                elif spec["object"] in ("topics", "topics before"):
                    objects = _topics(am, index, sentence, t0, t1, spec["object"] == "topics before")
                else:
                    picked = _pick(mentions, spec["object"], sentence, t0, t1, language)
                    # a name inside the other end's name is name structure, not what the trigger says
                    subjects = [x for x in subjects if x is None or not any(_within(x, m) for m in picked)]
                    picked = [m for m in picked if not any(x is not None and _within(m, x) for x in subjects)]
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


def _complement_is(mentions: list[Mention], t1: int, classes: list[str] | tuple[str, ...]) -> bool:
    """Whether the trigger is followed, within a few words, by an entity of one of these classes: "took part in
    UN missions" speaks of the missions, not of the event in focus."""
    after = [m for m in mentions if m.top and m.start >= t1]
    if not classes or not after:
        return False
    first = min(after, key=lambda m: m.start)
    return first.cls in classes and first.start - t1 <= 20


def _within(inner: Mention, outer: Mention) -> bool:
    return inner is not outer and outer.start <= inner.start and inner.end <= outer.end


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


_LIST_SPLIT = re.compile(r",\s*(?:and\s+|et\s+|и\s+)?|\s+(?:and|et|и|as well as|ainsi que)\s+")
_TOPIC_LEAD = re.compile(
    r"^(?:(?:the|les?|la|l'|des|du|de|d')\s+|various topics,?\s*|including\s+|notamment\s+|importance of\s+)+", re.I
)


def _topics(am: ArticleMentions, index: int, sentence: Sentence, t0: int, t1: int, before: bool) -> list[Ref]:
    """Listed subjects of a 'discussed' trigger that are not entities become cas:Topic entities: the list
    after the trigger ("discussions on X, Y and Z"), or before it ("X, Y and Z were the focus of")."""
    if before:
        seg_start = max(sentence.text.rfind(c, 0, t0 - sentence.start) for c in ";:") + 1
        seg = sentence.text[seg_start : t0 - sentence.start]
    else:
        seg_start = t1 - sentence.start
        seg = re.split(r"[.;:!?]|\b(?:were|was|is|are|that|which|who)\b", sentence.text[seg_start:])[0]
    covered = [(m.start - sentence.start, m.end - sentence.start) for m in am.by_sentence[index]]
    out = []
    pos = seg_start
    for part in _LIST_SPLIT.split(seg):
        begin = sentence.text.find(part, pos) if part else -1
        if begin >= 0:
            pos = begin + len(part)
        phrase = _TOPIC_LEAD.sub("", part.strip(' “”"«»,')).strip()
        words = phrase.split()
        if not (1 <= len(words) <= 7) or begin < 0:
            continue
        if any(s < begin + len(part) and begin < e for s, e in covered):
            continue
        ref = Ref("topic", slug(phrase)[:80])
        am.classes.setdefault(ref, "Topic")
        am.labels.setdefault(ref, phrase[:1].lower() + phrase[1:] if not phrase[:2].isupper() else phrase)
        out.append(ref)
    return out


def structure_statements(am: ArticleMentions, gazetteer_located: dict[Ref, Ref]) -> list[Found]:
    """Facts said by the structure of names: parts, states, places inside a longer name."""
    out: list[Found] = []
    lex = lang_lexicon(am.language)
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
                    and m.cls == "Place"
                    and not before_head
                    and _preposition(am, index, outer, m) in lex["locative"]
                    or outer.cls == "Place"
                    and m.cls == "State"
                ):
                    out.append(Found(outer.ref, "cas:locatedIn", m.ref, index, 0.6, "name.located-in"))
                elif outer.cls == "Mission" and m.cls in ("Place", "State") and not before_head:
                    out.append(Found(outer.ref, "cas:missionLocation", m.ref, index, 0.7, "name.mission-location"))
                elif outer.cls == "Mission" and m.cls == "Institution" and before_head:
                    out.append(Found(outer.ref, "cas:partOf", m.ref, index, 0.6, "name.part-of"))
                elif outer.cls == "Initiative" and m.cls == "Person":  # "the proposal of President Tokayev"
                    out.append(Found(m.ref, "cas:proposed", outer.ref, index, 0.6, "name.proposed"))
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


def _preposition(am: ArticleMentions, index: int, outer: Mention, inner: Mention) -> str:
    """The word that joins a name inside a longer name to what comes before it ("in" of "Office in Dushanbe")."""
    tokens = am.tokens[index]
    lex = lang_lexicon(am.language)
    j = inner.first - 1
    while j > outer.first and tokens[j].key in lex["determiners"]:
        j -= 1
    return tokens[j].key if j >= outer.first else ""


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
