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
from .discover import lang_lexicon
from .frames import event_focus
from .language import Sentence
from .lexicon import patterns as load_patterns
from .mentions import ArticleMentions, Mention
from .negation import clause_span, event_status, negated, unrealised
from .records import Ref
from .slug import slug
from .tokens import fold

ACTORS = ("State", "Institution", "Person")
HAPPENED = ("cas:participant", "cas:hostedIn", "cas:date")  # not asserted from what was only meant to happen
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
            if isinstance(arg, dict) and arg.get("lead"):
                arg = {**arg, "lead_re": re.compile(arg["lead"])}
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
    if arg.get("near") is not None:  # at most this many characters from the trigger
        pool = [m for m in pool if min(abs(t0 - m.end), abs(m.start - t1)) <= arg["near"]]
    take = arg.get("take", "nearest")
    heads = pool
    if arg.get("prefix_re"):
        heads = [m for m in pool if arg["prefix_re"].search(fold(sentence.text[: m.start - sentence.start]))]
        if take != "list":
            pool = heads
    if not heads:
        return []
    if take == "list":  # the first item may need a prefix ("held in"), the others are coordinated with it
        return _listed(pool, heads, sentence, (t0, t1), side, language, arg.get("lead_re"))
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
    if re.search(r"[.:!?]", folded):
        return False
    sep = _separator(language).search(folded)
    if sep is None:  # the rest of one item, a title between two names ("'s Republic of China Colonel General")
        return not gap.strip() or _title_lead(gap, language, need_title=True) or _joins(gap, language)
    before, after = _WORD.findall(folded[: sep.start()]), _WORD.findall(folded[sep.end() :])
    stop = lang_lexicon(language)["stop"]
    if any(w in stop for w in before + after) or len(before) > 2 and not _title_lead(gap[: sep.start()], language):
        return False
    return len(after) <= 4 or _title_lead(gap[sep.end() :], language)


def _title_lead(text: str, language: str, need_title: bool = False) -> bool:
    """Whether the lead of a list item is a person's title ("Defence Minister of the Republic of",
    "le ministre des Affaires étrangères"): words that are capitalised, title words, ranks or the
    small words that join them (a nationality adjective is a mention of its state, an item itself)."""
    vocab, titles = _title_words(language), _title_words(language, titles_only=True)
    words = re.findall(r"\w+", text)
    if need_title and not any(_inflected_in(w, titles) for w in words):
        return False
    return 0 < len(words) <= 14 and all(w[:1].isupper() or len(w) == 1 or _inflected_in(w, vocab) for w in words)


def _joins(gap: str, language: str) -> bool:
    """One or two joining words between two names of one item ("l'ambassadeur kirghize au Turkménistan")."""
    words = _WORD.findall(fold(gap))
    return 0 < len(words) <= 2 and all(w in lang_lexicon(language)["connectors"] for w in words)


def _inflected_in(word: str, vocab: frozenset[str]) -> bool:
    """A word of the vocabulary, also in its feminine or plural form ("secrétaire générale", "ministres")."""
    w = fold(word)
    return any(form in vocab for form in (w, w.removesuffix("s"), w.removesuffix("es"), w.removesuffix("e")))


@cache
def _title_words(language: str, titles_only: bool = False) -> frozenset[str]:
    lex = lang_lexicon(language)
    words = set() if titles_only else set(lex["determiners"]) | set(lex["connectors"]) | set(lex.get("title_of") or ())
    for key in ("titles", "ranks"):
        for phrase in lex.get(key) or {}:
            words |= set(_WORD.findall(fold(phrase)))
    return frozenset(words)


def _listed(
    pool: list[Mention],
    heads: list[Mention],
    sentence: Sentence,
    trigger: tuple[int, int],
    side: str,
    language: str,
    lead: re.Pattern[str] | None = None,
) -> list[Mention]:
    """The mention of `heads` nearest the trigger and the items of `pool` coordinated with it ("X, Y and Z");
    `lead`, when given, is what the text between the trigger and the list must match ("of the CSTO – ")."""
    if side == "any":  # the list after the trigger, else the one before it
        return _listed(pool, heads, sentence, trigger, "after", language, lead) or _listed(
            pool, heads, sentence, trigger, "before", language, lead
        )
    t0, t1 = trigger

    def gap(a: int, b: int) -> str:
        return sentence.text[a - sentence.start : b - sentence.start]

    if side == "before":
        ordered = sorted((m for m in pool if m.end <= t0), key=lambda m: -m.start)
        first = max((m for m in heads if m.end <= t0), key=lambda m: m.start, default=None)
        if first is None or not _LEAD.fullmatch(gap(first.end, t0)) or lead and not lead.search(gap(first.end, t0)):
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
        if first is None or not _LEAD.fullmatch(gap(t1, first.start)) or lead and not lead.search(gap(t1, first.start)):
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


def pattern_statements(am: ArticleMentions, language: str, default_year: int | None) -> list[Found]:
    """Facts from the trigger patterns of the article's language."""
    out: list[Found] = []
    in_focus = event_focus(am)
    for index, sentence in enumerate(am.sentences):
        mentions = am.by_sentence[index]
        focus = in_focus[index]
        text = fold(sentence.text)
        for spec in _compiled(language):
            denied = [  # "did not take part", "was to include": clauses that assert no such fact
                clause_span(text, t.start(), t.end(), language)
                for t in spec["regex"].finditer(text)
                if negated(text, t.start(), t.end(), language)
                or (spec["predicate"] in HAPPENED and unrealised(text, t.start(), language))
            ]
            if denied:
                mentions = [
                    m for m in am.by_sentence[index] if not any(a <= m.start - sentence.start < b for a, b in denied)
                ]
            else:
                mentions = am.by_sentence[index]
            for trig in spec["regex"].finditer(text):
                if any(a <= trig.start() < b for a, b in denied):
                    continue
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
                    objects = [dates[0].iso(default_year)] if dates else []
                elif spec["object"] in ("topics", "topics before"):
                    objects = _topics(am, index, sentence, t0, t1, spec["object"] == "topics before")
                else:
                    picked = _pick(mentions, spec["object"], sentence, t0, t1, language)
                    if not spec.get("name_parts"):
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


def status_statements(am: ArticleMentions) -> list[Found]:
    """The status of each forum a sentence calls cancelled, postponed or planned: the forum it names
    (nearest the cue word), else the event in focus."""
    out: list[Found] = []
    in_focus = event_focus(am)
    for index, sentence in enumerate(am.sentences):
        forums = [m for m in am.by_sentence[index] if m.cls == "Forum" and m.top]
        focus = in_focus[index]
        status = event_status(fold(sentence.text), am.language)
        if status is None:
            continue
        subject = forums[0].ref if forums else focus
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
    r"^(?:(?:the|les?|la|l'|des|du|de|d')\s+|(?:\w+\s+)?topics,?\s*|including\s+|such as\s+|notamment\s+"
    r"|importance of\s+)+",
    re.I,
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
    """Facts said by the structure of names: parts, states, places inside a longer name (not of a name
    a negation stands right before)."""
    out: list[Found] = []
    lex = lang_lexicon(am.language)
    for index, mentions in enumerate(am.by_sentence):
        sentence = am.sentences[index]
        folded = fold(sentence.text)
        for outer in mentions:
            if outer.how == "alias":
                continue
            at = outer.start - sentence.start
            if negated(folded, at, at, am.language, reach=2):
                continue  # "нет центра НАТО", "no NATO centre": the name is of nothing that exists
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
                elif outer.cls == "Forum" and outer.how != "anaphor":
                    out += _forum_name_part(am, index, outer, m, before_head)
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
                elif (  # "Shymkent, Kazakhstan": a place and its state, unless the places lexicon says otherwise
                    outer.cls == "Place"
                    and nxt[0].cls == "State"
                    and gap.strip() == ","
                    and gazetteer_located.get(outer.ref, nxt[0].ref) == nxt[0].ref
                ):
                    out.append(Found(outer.ref, "cas:locatedIn", nxt[0].ref, index, 0.6, "name.place-state"))
    return out


def _forum_name_part(am: ArticleMentions, index: int, forum: Mention, m: Mention, before_head: bool) -> list[Found]:
    """What a name inside a forum's name says of the forum: "summit in Bishkek" was held there, "CSTO
    exercise" and "meeting of the Council of CIS Heads of State" are the organisation's. (A state in
    the name, "visit of the Kazakh minister", is not reliably a participant: measured, it was not.)"""
    where = _preposition(am, index, forum, m)
    if m.cls in ("Place", "State") and not before_head and where in lang_lexicon(am.language)["locative"]:
        return [Found(forum.ref, "cas:hostedIn", m.ref, index, 0.6, "name.hosted-in")]
    if m.cls == "Institution":
        return [Found(forum.ref, "cas:organizedBy", m.ref, index, 0.6, "name.organized-by")]
    return []


def _preposition(am: ArticleMentions, index: int, outer: Mention, inner: Mention) -> str:
    """The word that joins a name inside a longer name to what comes before it ("in" of "Office in Dushanbe")."""
    tokens = am.tokens[index]
    lex = lang_lexicon(am.language)
    j = inner.first - 1
    while j > outer.first and tokens[j].key in lex["determiners"]:
        j -= 1
    return tokens[j].key if j >= outer.first else ""


def people_statements(am: ArticleMentions) -> list[Found]:
    """Role and affiliation of every person with a title. The role is one per person and article, in one
    normal form (`normal_role`): ranks first, then titles, a title dropped when a longer one holds it
    ("minister" within "minister of foreign affairs")."""
    out: list[Found] = []
    roles: dict[Ref, tuple[int, list[str]]] = {}
    for index, person in am.people:
        if person.ref is None:
            continue
        if person.role:
            _, parts = roles.setdefault(person.ref, (index, []))
            parts += [r for r in person.role.split(", ") if r not in parts]
        if person.affiliation is not None:
            out.append(Found(person.ref, "cas:affiliatedWith", person.affiliation, index, 0.7, "people.title"))
    ranks = set(lexicon_ranks())
    for ref, (index, parts) in roles.items():
        ordered = [p for p in parts if p in ranks] + [p for p in parts if p not in ranks]
        out.append(Found(ref, "cas:role", (normal_role(ordered), "string"), index, 0.7, "people.title"))
    return out


_ITEM_BREAK = re.compile(r"[,;:()«»\"“”]|\s[–—-]\s|\.(?=\w)")
_POSSESSIVE = re.compile(r"\s*['’]s\s+")


def title_statements(am: ArticleMentions) -> list[Found]:
    """A state named in the title right before a person or an office is theirs: a nationality adjective
    ("le ministre ouzbek des Affaires étrangères Bakhtiyor Saidov"), a possessive ("Kazakhstan's
    Foreign Minister X", "Kyrgyzstan's Ministry of Defense") or a complement ("Defence Minister of
    the Republic of India X"). The title runs back from the name to the last list or clause break (a
    coordinator before a determiner starts a new item; "ministre kazakh et ministre des Affaires
    étrangères" is one title) and holds only title words, ranks, capitalised words and joining words."""
    out: list[Found] = []
    lex = lang_lexicon(am.language)
    coordinators = "|".join(re.escape(w) for w in lex.get("coordinators") or [])
    determiners = "|".join(re.escape(w) for w in lex["determiners"])
    new_item = re.compile(rf"\s(?:{coordinators})\s+(?=(?:{determiners})\b)") if coordinators else None
    for index, mentions in enumerate(am.by_sentence):
        sentence = am.sentences[index]
        states = [m for m in mentions if m.cls == "State"]
        for holder in mentions:
            if not holder.top or holder.cls not in ("Person", "Institution"):
                continue
            if holder.cls == "Institution" and not NATIONAL.search(holder.text):
                continue
            head = sentence.text[: holder.start - sentence.start]
            breaks = list(_ITEM_BREAK.finditer(head)) + (list(new_item.finditer(fold(head))) if new_item else [])
            cut = max((m.end() for m in breaks), default=0)
            lead = [m for m in states if sentence.start + cut <= m.start and m.end <= holder.start]
            if not lead:
                continue
            state = lead[-1]
            between = head[state.end - sentence.start :]
            rest = head[cut:]
            for m in lead:  # the state's own words are not title words
                a, b = m.start - sentence.start - cut, m.end - sentence.start - cut
                rest = rest[:a] + " " * (b - a) + rest[b:]
            possessive = _POSSESSIVE.match(between)
            if possessive and (
                possessive.end() == len(between) or _title_lead(between[possessive.end() :], am.language)
            ):
                pass  # "Kazakhstan's Foreign Minister X", "Kyrgyzstan's Ministry of Defense"
            elif rest.strip() and not _title_lead(rest, am.language):
                continue
            predicate = "cas:affiliatedWith" if holder.cls == "Person" else "cas:belongsToState"
            out.append(Found(holder.ref, predicate, state.ref, index, 0.6, "title.state"))
    return out


def normal_role(parts: list[str]) -> str:
    """One written form for a role: its parts in order, lower-case but for acronyms ("UN special
    representative"), none that a longer part already contains."""

    def lower(part: str) -> str:
        return " ".join(w if len(w) > 1 and w.isupper() else w.lower() for w in part.split())

    low = list(dict.fromkeys(lower(p) for p in parts))
    kept = [p for p in low if not any(p != q and re.search(rf"\b{re.escape(p)}\b", q) for q in low)]
    return ", ".join(kept)


def lexicon_ranks() -> list[str]:
    """The English names of military ranks, which come first in a role."""
    from .lexicon import lexicon

    return [english for lang in lexicon("discovery").values() for english in (lang.get("ranks") or {}).values()]
