"""Mentions of entities in one article: gazetteer hits, discovered names, people, aliases, anaphora.

Each sentence is tokenised once; known names come first (the gazetteer), then names around cue
words (`discover`), then people with titles (`people`). Linking happens per article: a
discovered name that is a known name or carries a known acronym is that entity; a bare definite
head ("the summit", "cette rencontre") refers back to the latest entity of its class with the
same head, else of its class; acronyms in brackets and people's surnames become aliases for
the rest of the article. New entities get a stable key from their class and name.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from .descriptions import (
    EVENT_CLASSES,
    described_institution,
    describes,
    describes_event_in_focus,
    first_of_event,
    part_of_a_known_place,
)
from .discover import Candidate, discover, head_at, lang_lexicon, own_head, rank_words
from .events import event_mentions
from .gazetteer import Gazetteer, Known, Match
from .language import Sentence
from .linker import ArticleMentions, Linker, Mention, link_aliases, resolve_merged
from .linker import choose as _choose
from .linker import span_text as _span_text
from .linker import strip_determiner as _strip_determiner
from .people import find_people
from .reading import read
from .recognised import _generic_links, _recognised, _reshape, person_starts
from .records import Ref
from .tokens import Token, fold, tokenize

__all__ = ["ArticleMentions", "Linker", "Mention", "find_mentions"]

# bodies, missions and initiatives are named by their names: a lower-case description of one speaks
# of a kind ("international organization", "peacekeeping missions", "подобная организация")
UNNAMED_IS_NOTHING = ("Institution", "Mission", "Initiative")
CAPITALISED_HEADS = ("en",)
FOCUS_SPAN = 2  # an event stays in focus this many sentences after it was last named


def find_mentions(sentences: list[Sentence], language: str, gazetteer: Gazetteer) -> ArticleMentions:
    """All mentions of an article's sentences, linked to known or new entities."""
    linker = Linker(gazetteer, language)
    result = ArticleMentions(sentences, [tokenize(s.text, s.start) for s in sentences], language=language)
    readings = read([s.text for s in sentences], language)
    for index, (sentence, tokens) in enumerate(zip(sentences, result.tokens, strict=True)):
        linker.sentence = index
        stops = frozenset(i for i, t in enumerate(tokens) if t.start - sentence.start in readings[index].stops)
        linker.named = person_starts(tokens, sentence, readings[index].names)  # (`people.find_people`)
        mentions = _sentence_mentions(index, sentence, tokens, linker, result, stops)
        _recognised(index, sentence, tokens, readings[index].names, linker, mentions)
        event_mentions(index, sentence, tokens, mentions, linker, FOCUS_SPAN)
        _dateline(sentence, mentions, linker)
        result.by_sentence.append(mentions)
    _generic_links(result, linker)
    result.people = [(i, p) for i, p in result.people if p.ref not in linker.rejected]
    linker.aliases = {a: r for a, r in linker.aliases.items() if r not in linker.rejected}
    resolve_merged(result, linker)
    link_aliases(result, linker)
    named = {m.ref for m in result.all()} | {p.ref for _, p in result.people}
    for ref in linker.dropped - named:  # an entity none of whose mentions was kept is not in the article
        linker.labels.pop(ref, None)
        linker.classes.pop(ref, None)
    result.labels = linker.labels
    result.classes = linker.classes
    return result


_DATELINE_END = re.compile(r"\s*(?:,|\(|[–—-]\s)")


def _dateline(sentence: Sentence, mentions: list[Mention], linker: Linker) -> None:
    """A place in capitals that opens a sentence, before a comma, a bracket or a dash ("DUSHANBE, July
    16", "МОСКВА, 6 июня. /ТАСС/", "ASTANA (TCA) —"), is the dateline: where the story was filed, not
    a place the story speaks of. The entity stays only if the article names it elsewhere."""
    for m in mentions:
        words = [w for w in m.text.split() if any(c.isalpha() for c in w)]
        opens = not sentence.text[: m.start - sentence.start].strip()
        capitals = words and all(w.isupper() and len(w) > 1 for w in words)
        if (
            opens
            and capitals
            and m.cls in ("Place", "State")
            and _DATELINE_END.match(sentence.text, m.end - sentence.start)
        ):
            mentions.remove(m)
            linker.dropped.add(m.ref)
            return


def _sentence_mentions(
    index: int,
    sentence: Sentence,
    tokens: list[Token],
    linker: Linker,
    result: ArticleMentions,
    stops: frozenset[int] = frozenset(),
) -> list[Mention]:
    gaz, lex = linker.gaz, linker.lex
    mentions: list[Mention] = []

    def add(first: int, last: int, cls: str, ref: Ref, how: str, head: str = "", cand=None) -> Mention:
        m = Mention(
            index,
            first,
            last,
            tokens[first].start,
            tokens[last - 1].end,
            _span_text(sentence, tokens, first, last),
            cls,
            ref,
            how,
            head,
            cand,
        )
        mentions.append(m)
        return m

    matches = gaz.match(tokens)
    known_idx = {i for m in matches for i in range(m.first, m.last)}
    spans = {(m.first, m.last) for m in matches}
    for m in matches:
        k = _choose(m.candidates)
        if k.cls in EVENT_CLASSES:
            _known_event(m, k, tokens, linker)
        add(m.first, m.last, k.cls, linker.known(k), "known")
        _nested_known(m, k, tokens, linker, add)
    for i, first, last, known in _hyphened_places(tokens, known_idx, gaz):
        m = add(i, i + 1, known.cls, linker.known(known), "known")
        m.start, m.end, m.text = first, last, sentence.text[first - sentence.start : last - sentence.start]
    for cand in discover(tokens, linker.language, known_idx, stops):
        head = " ".join(t.key for t in tokens[cand.head[0] : cand.head[1]])
        first = _strip_determiner(tokens, cand.first, cand.last, lex)
        inside = next((m for m in matches if m.first <= cand.head[0] < m.last), None)
        if inside is not None and (cand.last <= inside.last or cand.acronym or cand.anaphor):
            continue  # the head word is part of a known name, which names the thing ("Ministry of Defence (MoD)")
        if cand.anaphor:
            ref = linker.refer_back(cand.cls, head) or first_of_event(cand, head, tokens, first, linker)
            _refer(ref, cand, first, head, linker, add)
            continue
        if (first, cand.last) in spans or any(m.first <= first and cand.last <= m.last for m in matches):
            continue
        text = _span_text(sentence, tokens, first, cand.last)
        same = [k for k in gaz.lookup(text) if k.cls == cand.cls] or (
            [k for k in gaz.lookup(cand.acronym) if k.cls == cand.cls] if cand.acronym else []
        )
        if cand.quoted:
            same = same or [k for k in gaz.lookup(cand.quoted) if k.cls == cand.cls]
        if same:
            ref = linker.known(same[0])
            linker.note(ref, cand.cls, linker.labels[ref], head)
            add(first, cand.last, cand.cls, ref, "known", head, cand)
            continue
        if first == cand.head[0] and cand.last == cand.head[1] and not (cand.acronym or cand.quoted):
            # a head word alone ("the Centre", "l'Organisation") is no name: it refers back, or to nothing
            _refer(linker.refer_back(cand.cls, head), cand, first, head, linker, add)
            continue
        described = described_institution(cand, first, sentence, tokens, mentions, linker)
        if described is not None:  # "Centrasbat, a security organization", "the regional security organization"
            _refer(described, cand, first, head, linker, add)
            continue
        _name_new(cand, text, first, head, inside, tokens, matches, mentions, linker, add)
    _people(index, sentence, tokens, linker, result, mentions, add)
    _set_outer(mentions)
    _apposition(sentence, mentions, linker)
    return mentions


def _refer(ref: Ref | None, cand: Candidate, first: int, head: str, linker: Linker, add) -> None:
    """A phrase that refers to an entity named before (a head word, an anaphor, a description) is a mention of it."""
    if ref is not None:
        linker.note(ref, cand.cls, linker.labels[ref], head)
        add(first, cand.last, cand.cls, ref, "anaphor", head, cand)


def _name_new(
    cand: Candidate,
    text: str,
    first: int,
    head: str,
    inside: Match | None,
    tokens: list[Token],
    matches: list[Match],
    mentions: list[Mention],
    linker: Linker,
    add,
) -> None:
    """A discovered name no gazetteer entry has: the event already in focus, or a new entity."""
    name = cand.quoted or text
    if cand.acronym and text.endswith(")"):
        name = text[: text.rfind("(")].strip()
    end = cand.last
    if cand.cls in ("Institution", "Initiative") and linker.language in CAPITALISED_HEADS:
        # English capitalises the head of a name ("Ministry of Defence"): after a lower-case head the
        # capitals are a complement's ("service of Russia", "year of its chairmanship", "year Kuwait")
        end = cand.head[1]
    named = bool(cand.quoted or cand.acronym) or not describes(
        tokens, first, end, linker.language, _others(cand, matches)
    )
    if cand.cls == "Place" and not cand.quoted and part_of_a_known_place(tokens, first, cand, matches, linker.lex):
        return  # "области Казахстана", "aéroport d'Almaty": a part of a known place, told, not named
    if not named and cand.cls in UNNAMED_IS_NOTHING:
        return  # "a regional security organization", "UN missions": a description of a kind, no entity
    ref = None
    if cand.cls in ("Forum", "Mission") and not cand.quoted:
        # a second description of the event in focus ("joint tactical exercises") is that event
        ref = next((r for c, h, r in reversed(linker.recent) if c == cand.cls and h == head), None)
        if ref is not None and named and not linker.labels[ref][:1].isupper():
            linker.labels[ref] = name
    if ref is None and describes_event_in_focus(cand, tokens, first, matches):
        ref = linker.in_focus(cand.cls, FOCUS_SPAN)
    if ref is None and named and cand.cls == "Institution":
        ref = _shortened(name, linker)
    if ref is None:
        ref = linker.mint(cand.cls, name)
    linker.note(ref, cand.cls, name, head)
    add(first, cand.last, cand.cls, ref, "new", head, cand)
    if inside is not None:
        _only_a_head(inside, cand, first, matches, mentions, linker)
    if cand.acronym:
        linker.aliases[cand.acronym] = ref
    if cand.quoted:
        linker.labels[ref] = cand.quoted


def _shortened(name: str, linker: Linker) -> Ref | None:
    """ "The UN Bureau" after "the UN Bureau for Peace Building in Tajikistan": a body's name the
    article already gave in full, cut before its complement, is that body, not a second one."""
    words = fold(name).split()
    for cls, _, ref in reversed(linker.recent):
        if cls == "Institution" and ref in linker.minted:
            full = fold(linker.labels.get(ref, "")).split()
            if len(full) > len(words) + 1 and full[: len(words)] == words:
                return ref
    return None


def _others(cand: Candidate, matches: list[Match]) -> set[int]:
    """Tokens of a body's description that belong to known names inside it, whose capitals are theirs,
    not the description's ("the training department of the UN", "bureau de l'OTAN", "двух структур в
    Центральной Азии"); the head's are its own. Other kinds keep every capital: operations are named
    by their owner and place ("a UN mission" sent to the Golan; "UN missions" in general is what
    deployment counts are of), and plans in French write their names so ("la stratégie de l'UE pour
    l'Asie centrale")."""
    if cand.cls != "Institution":
        return set()
    return {i for m in matches for i in range(m.first, m.last)}.difference(range(*cand.head))


def _hyphened_places(tokens: list[Token], known_idx: set[int], gaz: Gazetteer):
    """States or places joined by a hyphen into one word ("Syria-Israel", "Россия-Китай",
    "Douchanbé-Bichkek"): each is a mention (i, start, end, known) when every part is the name of
    a state or place (a state's adjective too: "Kyrgyz-Tajik")."""
    for i, tok in enumerate(tokens):
        if i in known_idx or "-" not in fold(tok.text) or not tok.is_cap:
            continue
        parts = [p for p in tokenize(tok.text.replace("‑", "-").replace("‐", "-").replace("-", " "), tok.start)]
        states = [
            next((k for k in gaz.lookup(p.text) if k.cls in ("State", "Place")), None) if p.is_cap else None
            for p in parts
        ]
        if len(parts) >= 2 and all(states):
            yield from ((i, p.start, p.end, k) for p, k in zip(parts, states, strict=True))


def _set_outer(mentions: list[Mention]) -> None:
    """Sort the mentions and give each the smallest mention that contains it.

    A container starts at most `longest` tokens before the mention ends, so only those are
    looked at (bisect): linear in a sentence's mentions, not quadratic.
    """
    mentions.sort(key=lambda m: (m.first, -(m.last - m.first)))
    firsts = [m.first for m in mentions]
    longest = max((m.last - m.first for m in mentions), default=0)
    for m in mentions:
        near = mentions[bisect.bisect_left(firsts, m.last - longest) : bisect.bisect_right(firsts, m.first)]
        containers = [
            o
            for o in near
            if o is not m and o.first <= m.first and m.last <= o.last and (o.last - o.first) > (m.last - m.first)
        ]
        m.outer = min(containers, key=lambda o: o.last - o.first, default=None)


def _only_a_head(inside: Match, cand: Candidate, first: int, matches: list[Match], mentions, linker: Linker) -> None:
    """A known short name that only heads a longer new name of a state's body names nothing there
    ("Security Council | of the Republic of Tajikistan" is not the UN Security Council)."""
    of_a_state = any(
        inside.last <= m.first and m.last <= cand.last and _choose(m.candidates).cls == "State" for m in matches
    )
    if of_a_state and first <= inside.first and _choose(inside.candidates).cls == cand.cls:
        mentions[:] = [
            m
            for m in mentions
            if not (m.how in ("known", "nested") and inside.first <= m.first and m.last <= inside.last)
        ]
        linker.dropped.update(k.ref for k in inside.candidates)


def _people(
    index: int, sentence: Sentence, tokens: list[Token], linker: Linker, result: ArticleMentions, mentions, add
) -> None:
    """People named with a title or by their office: known, the office's holder named before, or new."""
    for person in find_people(tokens, linker.language, mentions, linker.gaz, linker.named):
        result.people.append((index, person))
        holder = linker.office_holders.get((person.role, person.affiliation)) if person.office else None
        if person.known is not None:
            ref = linker.known(person.known)
        elif holder is not None:  # "the Tajik president" after "Tajik President Emomali Rahmon"
            ref = holder
            linker.note(ref, "Person", linker.labels[ref])
        else:
            ref = linker.mint("Person", person.name)
            linker.note(ref, "Person", person.name)
        if person.first is not None:
            mentions[:] = [
                m
                for m in mentions
                if not (m.first >= person.first and m.last <= person.last and m.cls not in ("State", "Institution"))
            ]
            add(person.first, person.last, "Person", ref, "person")
            cut = person.first  # "initiative of the President | Name", "… Armed Forces | Major General Name"
            while cut > 0 and tokens[cut - 1].key in rank_words(linker.language):
                cut -= 1
            for m in [m for m in mentions if m.how == "new" and m.first < cut < m.last <= person.last]:
                _reshape(m, m.first, cut, sentence, tokens, linker)
        person.ref = ref
        if person.office:
            linker.offices.add(ref)
        if not person.office and person.role and person.affiliation is not None:
            linker.office_holders.setdefault((person.role, person.affiliation), ref)
        if person.surname and person.known is None:
            linker.aliases.setdefault(person.surname, ref)


def _apposition(sentence: Sentence, mentions: list[Mention], linker: Linker) -> None:
    """ "The exercise, dubbed Rubezh-2014": an event and the name it is given right after are one."""
    events = [m for m in mentions if m.cls in EVENT_CLASSES and m.outer is None]
    gap_re = _apposition_gap(linker.language)
    if len(events) < 2 or gap_re is None:
        return
    for a, b in zip(events, events[1:], strict=False):
        gap = sentence.text[a.end - sentence.start : b.start - sentence.start]
        if a.ref != b.ref and gap_re.fullmatch(fold(gap)):
            linker.merge(a.ref, b.ref)


@cache
def _apposition_gap(language: str) -> re.Pattern | None:
    """What stands between an event and the name it is given ("…, dubbed"), from the lexicon; built once."""
    words = "|".join(re.escape(fold(w)) for w in lang_lexicon(language).get("apposition") or [])
    return re.compile(rf"\s*,?\s*(?:{words})\s*[«“\"„(]?\s*") if words else None


def _known_event(m: Match, known: Known, tokens: list[Token], linker: Linker) -> None:
    """A known event named after an unnamed one with the same head word, while that one is still
    being told ("Groundbreaking Roundtable" in a headline, then the roundtable's full name), is it."""
    for i in range(m.first, m.last):
        found = head_at(tokens, i, linker.lex)
        if found and found[1].split("/")[0] == known.cls:
            head = " ".join(t.key for t in tokens[i : i + found[0]])
            break
    else:
        return
    recent = next((r for c, h, r in reversed(linker.recent) if c == known.cls and h == head), None)
    if recent in linker.minted and linker.sentence - linker.last_seen[recent] <= FOCUS_SPAN:
        linker.merge(recent, known.ref)


def _nested_known(outer: Match, known: Known, tokens: list[Token], linker: Linker, add) -> None:
    """Known names inside a known name ("Ministry of Defence of Kazakhstan" inside the name of a
    centre of that ministry): their structure states facts (part of, belongs to, located in)."""
    if outer.last - outer.first < 2 or known.cls == "State":
        return  # a state's name holds no other entity ("South Sudan" is not in Sudan)
    parts = tokens[outer.first : outer.last]
    if all(t.is_upper or not t.is_word for t in parts):
        return  # the parts of a compound acronym are not names ("ЦАР" in "КСБР ЦАР" is not a state)
    inners = linker.gaz.match(parts, longest=len(parts) - 1, exclude=frozenset([known.ref]))
    for inner in inners:
        k = _choose(inner.candidates)
        if k.cls == "Topic" or k.cls == known.cls and _the_outer(inner, inners, parts, linker.lex):
            continue
        linker.labels.setdefault(k.ref, k.label)
        linker.classes.setdefault(k.ref, k.cls)
        span = Match(outer.first + inner.first, outer.first + inner.last, inner.candidates)
        add(span.first, span.last, k.cls, k.ref, "nested")
        _nested_known(span, k, tokens, linker, add)


def _the_outer(inner: Match, inners: list[Match], parts: list[Token], lex: dict) -> bool:
    """Whether inner only names the outer ("Security Council | of Tajikistan", "Collective | Security Council")"""
    of_a_state = inner.first == 0 and any(_choose(o.candidates).cls == "State" for o in inners if o.first >= inner.last)
    return of_a_state or own_head(parts, inner, lex)
