"""Facts said by the structure of names and titles: parts, states and places inside a longer name,
what a forum's name says, the state in a title before a person or an office, roles.
"""

from __future__ import annotations

import re
from functools import cache

from .discover import lang_lexicon
from .lexicon import lexicon, pattern_regex
from .lexicon import patterns as load_patterns
from .lists import coordinated, title_lead
from .mentions import ArticleMentions, Mention
from .missions import several
from .negation import negated
from .phrases import common_noun, is_complement, joined_as_complement, owns_next
from .records import Ref
from .represented_by import after_locative
from .statements import Found
from .tokens import fold

# words of an office that belongs to one state ("Ministry of Defence of Tajikistan")
NATIONAL = re.compile(
    r"ministr|minist[eè]re|министерств|defen[cs]e|armed forces|forces arm|вооруж|troops|troupes|войск|border|frontali|"
    r"погранич|parliament|parlement|парламент|senate|s[ée]nat|сенат|government|gouvernement|правительств|"
    r"district|округ|staff|[ée]tat-major|штаб|task force|centre|center|центр|council|conseil|совет|airlines|air\b|"
    r"division|дивизи|agency|agence|агентств|service|служб|оборон|committee|comit[ée]|комитет|security council|"
    r"conseil de s[ée]curit[ée]|совет безопасност|chamber|chambre|палат|academy|acad[ée]mie|академи|command\b|"
    r"commandement|командовани|guard|garde|охран|гварди|brigade|бригад|battalion|bataillon|батальон|regiment|"
    r"r[ée]giment|полк|police|полиц|army|arm[ée]e|арми|navy|marine|флот|intelligence|renseignement|разведк|"
    r"ведомств|forces|сил[аыу]?\b",
    re.I,
)


def structure_statements(am: ArticleMentions, gazetteer_located: dict[Ref, Ref]) -> list[Found]:
    """Facts said by the structure of names: parts, states, places inside a longer name (not of a name
    a negation stands right before)."""
    out: list[Found] = []
    lex = lang_lexicon(am.language)
    for index, mentions in enumerate(am.by_sentence):
        sentence = am.sentences[index]
        folded = am.folded[index]
        for outer in mentions:
            if outer.how == "alias":
                continue
            at = outer.start - sentence.start
            if negated(folded, at, at, am.language, reach=2):
                continue  # "нет центра НАТО", "no NATO centre": the name is of nothing that exists
            inner = [m for m in mentions if m.outer is outer and m.ref != outer.ref]
            parties = _between(am, index, outer, inner) if outer.cls == "Agreement" else set()
            for m in inner:
                before_head = m.first < (outer.candidate.head[0] if outer.candidate else outer.first + 1)
                placed = not before_head and (  # "Office in Dushanbe"; a place's place as its complement
                    _preposition(am, index, outer, m) in lex["locative"]
                    or outer.cls == m.cls == "Place"
                    and joined_as_complement(am, index, outer.first, m)
                )
                if outer.cls == "Institution" and m.cls == "Institution" and outer.how != "anaphor":
                    if common_noun(am, outer) or common_noun(am, m):
                        continue  # "the training department of the UN", "советов безопасности": no named part
                    if _qualifies_countries(am, index, outer, m):
                        continue  # "департамент стран СНГ МИД России": the CIS countries are its field
                    out.append(Found(outer.ref, "cas:partOf", m.ref, index, 0.7, "name.part-of"))
                elif (
                    outer.cls == "Institution"
                    and m.cls == "State"
                    and NATIONAL.search(outer.text)
                    and not placed  # "UN Bureau for Peace Building in Tajikistan" works there, it is not Tajik
                    and not common_noun(am, outer)
                ):
                    out.append(Found(outer.ref, "cas:belongsToState", m.ref, index, 0.7, "name.belongs-to-state"))
                elif (
                    outer.cls in ("Institution", "Place")
                    and m.cls in ("Place", "State")
                    and placed
                    or outer.cls == "Place"
                    and m.cls == "State"
                ):
                    if _serves_region(outer, m, gazetteer_located):
                        continue  # "Regional Office in Central Asia": the area it works for
                    if m.end == outer.end and owns_next(am, m) is not None:
                        continue  # "training ground in Russia's Chelyabinsk oblast": in the oblast (phrases.py)
                    out.append(Found(outer.ref, "cas:locatedIn", m.ref, index, 0.6, "name.located-in"))
                    if outer.cls == "Place" and m.cls == "State":  # "Khatlon, Sugd and the ... region of Tajikistan"
                        out += [
                            Found(p.ref, "cas:locatedIn", m.ref, index, 0.5, "name.located-in.coordinated")
                            for p in _coordinated_before(am, index, outer)
                            if gazetteer_located.get(p.ref, m.ref) == m.ref
                        ]
                elif outer.cls == "Forum" and outer.how != "anaphor":
                    out += _forum_name_part(am, index, outer, m, before_head)
                elif outer.cls == "Mission" and m.cls in ("Place", "State") and not before_head:
                    if several(outer, am.language):
                        continue  # "missions in Nepal, Mali…": where some of them are (missions.py)
                    out.append(Found(outer.ref, "cas:missionLocation", m.ref, index, 0.7, "name.mission-location"))
                elif (
                    outer.cls == "Mission"
                    and m.cls == "Institution"
                    and before_head
                    and not several(outer, am.language)
                    and not common_noun(am, outer)  # "as part of a UN mission": a kind of mission, not one named
                ):
                    out.append(Found(outer.ref, "cas:partOf", m.ref, index, 0.6, "name.part-of"))
                elif outer.cls == "Initiative" and m.cls == "Person":  # "the proposal of President Tokayev"
                    out.append(Found(m.ref, "cas:proposed", outer.ref, index, 0.6, "name.proposed"))
                elif outer.cls == "Agreement" and m.cls in ("State", "Institution") and m.ref in parties:
                    out.append(Found(m.ref, "cas:partyTo", outer.ref, index, 0.7, "name.party-to"))
                elif outer.cls == "Resolution" and m.cls == "Institution":
                    out.append(Found(outer.ref, "cas:adoptedBy", m.ref, index, 0.7, "name.adopted-by"))
            out += _after_name(am, index, outer, gazetteer_located)
    return out


def _qualifies_countries(am: ArticleMentions, index: int, outer: Mention, inner: Mention) -> bool:
    """Whether an organisation inside a longer name only says which countries a department deals with:
    right after a plural such as "countries" ("стран СНГ", "pays de la CEI") with the name going on
    after it to its owner ("... МИД России"). A name that ends with it ("Совет министров обороны
    государств-членов ОДКБ") is the organisation's body."""
    collective = load_patterns(am.language).get("collective")
    if not collective or inner.end >= outer.end:
        return False
    sentence = am.sentences[index]
    lead = fold(sentence.text[outer.start - sentence.start : inner.start - sentence.start])
    return re.search(rf"\b(?:{collective})\s+(?:(?:de|of|des|du)\s+)?(?:(?:la|l'|the)\s*)?$", lead) is not None


def _after_name(am: ArticleMentions, index: int, outer: Mention, gazetteer_located: dict[Ref, Ref]) -> list[Found]:
    """What a place right after a name says of it. "X (Y)" and "X in Y": where a body or place is ("UNRCCA in
    Ashgabat", "Chebarkul (Chelyabinsk oblast)"; a bracket that lists several, "the countries of Central Asia
    (Kazakhstan, ...)", is no place of X); after an event's name ("the summit in Bishkek", "the exercise at
    Matybulak"), where it was held."""
    out: list[Found] = []
    sentence, mentions = am.sentences[index], am.by_sentence[index]
    nxt = [m for m in mentions if m.top and m.start > outer.end and m.start - outer.end <= 5]
    placed = nxt and nxt[0].cls in ("Place", "State")
    if outer.top and outer.cls in ("Institution", "Place", "Forum") and placed:
        gap = sentence.text[outer.end - sentence.start : nxt[0].start - sentence.start]
        closes = sentence.text[nxt[0].end - sentence.start :].lstrip().startswith(")")
        if outer.cls == "Forum":
            if re.fullmatch(r"\s*(in|at|à|en|au|aux|в|во|на)\s*", gap, re.I) or gap.strip() == "(" and closes:
                out.append(Found(outer.ref, "cas:hostedIn", nxt[0].ref, index, 0.6, "name.held-in"))
        elif _serves_region(outer, nxt[0], gazetteer_located):
            pass
        elif outer.cls == "Institution" and is_complement(am, index, outer):
            pass  # "Представительство ООН в Казахстане": the office is there, not the UN
        elif re.fullmatch(r"\s*(in|à|en|au|в|на)\s*", gap, re.I) or gap.strip() == "(" and closes:
            out.append(Found(outer.ref, "cas:locatedIn", nxt[0].ref, index, 0.6, "name.located-in"))
        elif (  # "Shymkent, Kazakhstan", "à Bichkek, au Kirghizistan": a place and its state, unless the
            outer.cls == "Place"  # places lexicon says otherwise
            and nxt[0].cls == "State"
            and re.fullmatch(r"\s*,\s*(?:(?:in|à|en|au|в|на)\s+)?", gap, re.I)
            and gazetteer_located.get(outer.ref, nxt[0].ref) == nxt[0].ref
        ):
            out.append(Found(outer.ref, "cas:locatedIn", nxt[0].ref, index, 0.6, "name.place-state"))
    return out


def _between(am: ArticleMentions, index: int, outer: Mention, inner: list[Mention]) -> set[Ref]:
    """The parties an agreement's name lists after "between" ("the Treaty between the Republic of Kazakhstan and
    the Republic of Uzbekistan on Allied Relations", "Договор между Республикой Казахстан и Республикой
    Узбекистан"): the first name after the word and those coordinated with it."""
    words = set(load_patterns(am.language).get("between") or ())
    joins = set(lang_lexicon(am.language).get("coordinators") or ()) | {","}
    out: set[Ref] = set()
    for m in sorted(inner, key=lambda m: m.start):
        if m.cls not in ("State", "Institution"):
            continue
        word = _preposition(am, index, outer, m)
        if word in words or out and (word in joins or not word.isalnum()):
            out.add(m.ref)
        elif out:
            break
    return out


def _coordinated_before(am: ArticleMentions, index: int, last: Mention) -> list[Mention]:
    """The places listed right before `last` and coordinated with it ("Khatlon, Sugd and the Kuhistani
    Badakhshan region of Tajikistan"), which share its complement."""
    sentence = am.sentences[index]
    places = sorted((m for m in am.by_sentence[index] if m.top and m.end <= last.start), key=lambda m: -m.start)
    out: list[Mention] = []
    for m in places:
        nxt = out[-1] if out else last
        if m.end > nxt.start:
            continue
        if m.cls != "Place" or not coordinated(
            sentence.text[m.end - sentence.start : nxt.start - sentence.start], am.language
        ):
            break
        out.append(m)
    return out


def _serves_region(body: Mention, place: Mention, gazetteer_located: dict[Ref, Ref]) -> bool:
    """Whether a body's name ends with a known region that no state holds ("UNODC's Regional Office in
    Central Asia", "Border Management Programme in Central Asia"): the name says which area it works for,
    not where it sits; a city or province the places lexicon puts in a state is where it sits."""
    return (
        body.cls == "Institution"
        and place.cls == "Place"
        and place.how in ("known", "nested")  # a known region, also inside a known name
        and place.ref not in gazetteer_located
    )


def _forum_name_part(am: ArticleMentions, index: int, forum: Mention, m: Mention, before_head: bool) -> list[Found]:
    """What a name inside a forum's name says of the forum: "summit in Bishkek", "Sommet d'Almaty" was held there, "CSTO
    exercise" and "meeting of the Council of CIS Heads of State" are the organisation's. (A state in
    the name, "visit of the Kazakh minister", is not reliably a participant: measured, it was not.)"""
    where, lex = _preposition(am, index, forum, m), lang_lexicon(am.language)
    venue = where in lex["locative"] or m.cls == "Place" and m.how != "anaphor" and where in lex.get("venue_of", ())
    if m.cls in ("Place", "State") and not before_head and venue:
        return [Found(forum.ref, "cas:hostedIn", m.ref, index, 0.6, "name.hosted-in")]
    if (
        m.cls == "Institution"
        and _preposition(am, index, forum, m, "'’") not in load_patterns(am.language).get("between", ())
        and not _joined_otherwise(am, index, forum, m)
    ):
        # "talks between the EU and the CSTO": the bodies after "between" are the sides, not the organiser
        return [Found(forum.ref, "cas:organizedBy", m.ref, index, 0.6, "name.organized-by")]
    return []


def _joined_otherwise(am: ArticleMentions, index: int, forum: Mention, m: Mention) -> bool:
    """Whether a body named after an event's head is joined to it by something else than the head's own
    complement ("exercise for officers of the CSTO", "exercises involving servicemen of the
    CSTO"): those words say who takes part or for whom, not whose event it is ("meeting of the Council
    of the CSTO", "réunion des ministres de l'OTSC" are the body's). Russian joins by case, not by a word."""
    complement = pattern_regex(am.language, "complement")
    if am.language == "ru" or complement is None or not forum.candidate or m.first < forum.candidate.head[1]:
        return False
    sentence = am.sentences[index]
    after_head = am.tokens[index][forum.candidate.head[1] - 1].end - sentence.start
    return not complement.match(fold(sentence.text[after_head:]))


def _preposition(am: ArticleMentions, index: int, outer: Mention, inner: Mention, elided: str = "") -> str:
    """The word that joins a name inside a longer name to what comes before it ("in" of "Office in Dushanbe");
    the apostrophe of an elided article ("entre l'Union") is passed over when it is one of `elided`."""
    tokens = am.tokens[index]
    lex = lang_lexicon(am.language)
    j = inner.first - 1
    while j > outer.first and (tokens[j].key in lex["determiners"] or tokens[j].key and tokens[j].key in elided):
        j -= 1
    return tokens[j].key if j >= outer.first else ""


def people_statements(am: ArticleMentions) -> list[Found]:
    """Role and affiliation of every person with a title. A person has one role per title held in the
    article ("a spokesman for X and the head of Y": two), each in one normal form (`normal_role`), the
    ranks written before the first ("colonel, chief"), a title dropped when a longer one holds it
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
    ranks = lexicon_ranks()
    for ref, (index, parts) in roles.items():
        held = normal_role([p for p in parts if p not in ranks]).split(", ")
        written = [normal_role([p for p in parts if p in ranks] + held[:1])] + held[1:]
        out += [Found(ref, "cas:role", (role, "string"), index, 0.7, "people.title") for role in written if role]
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
            # a state after a locative is where the title is held ("l'ambassadeur kirghize au Turkménistan",
            # "посол Казахстана в России"): the state the holder is posted in, not theirs
            lead = [
                m
                for m in states
                if sentence.start + cut <= m.start
                and m.end <= holder.start
                and not after_locative(am.tokens[index], m, am.language)
            ]
            if len({m.ref for m in lead}) != 1:
                continue  # none, or several ("Президенты Казахстана и Узбекистана A и B": one each, `people.py`)
            state = lead[-1]
            between = head[state.end - sentence.start :]
            rest = head[cut:]
            for m in lead:  # the state's own words are not title words
                a, b = m.start - sentence.start - cut, m.end - sentence.start - cut
                rest = rest[:a] + " " * (b - a) + rest[b:]
            possessive = _POSSESSIVE.match(between)
            if possessive and (
                possessive.end() == len(between) or title_lead(between[possessive.end() :], am.language)
            ):
                pass  # "Kazakhstan's Foreign Minister X", "Kyrgyzstan's Ministry of Defense"
            elif rest.strip() and not title_lead(rest, am.language):
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


@cache
def lexicon_ranks() -> frozenset[str]:
    """The English names of military ranks, which come first in a role."""
    return frozenset(
        english for lang in lexicon("discovery").values() for english in (lang.get("ranks") or {}).values()
    )
