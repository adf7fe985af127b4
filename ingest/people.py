"""People named with a title or rank ("Colonel Bauyrzhan Nigmetullin, Chief of the KAZCENT",
"le vice-ministre de la Défense du Kazakhstan, Shaikh-Hasan Zhazykbayev", "министра обороны РК
Руслана Жаксылыкова"), and office holders named only by office ("le Président du Kazakhstan").

The role is the rank and the title in English ("Colonel, Chief"); the affiliation is the state or
institution the title is of ("Chief of the KAZCENT", "Kyrgyz President", "UN Secretary-General").
A title stands before the name or after it (", NATO Spokesman"), and a plural title over a list
of people gives each the title and the state named with them ("les présidents de A, B et C — X, Y
et Z", "the presidents: the Russian X, the Kazakh Y"); without a colon or dash ("the Kazakh and Uzbek
foreign ministers, X and Y", "Министры обороны России и Казахстана X и Y") only names that pair one for
one with the states do. Titles and ranks per language are data
(`lexicons/discovery.yaml`); how titles are written is read in `titles.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .discover import lang_lexicon
from .gazetteer import Gazetteer, Known
from .nominative import name_case, person_name
from .person_spans import body_end, genitive_chain, name_at, name_before, past_complement, ranks_before_name
from .records import Ref
from .represented_by import represented_states
from .titles import more_titles, plural_title_at, qualifier, title_at, title_through_state
from .tokens import Token

if TYPE_CHECKING:
    from .mentions import Mention

DASHES = ("–", "—", "-")
HEAD_OF_STATE = {
    "President",
    "Prime Minister",
    "Vice President",
    "Minister of Defence",
    "Defence Minister",
    "Defense Minister",
    "Minister of Foreign Affairs",
    "Foreign Minister",
}


@dataclass
class Person:
    """A person found with a title: where the name is, the English role, and the affiliation."""

    name: str
    first: int | None
    last: int | None
    role: str
    affiliation: Ref | None
    known: Known | None = None
    surname: str | None = None
    ref: Ref | None = None
    title_span: tuple[int, int] = (0, 0)
    extra: list[str] = field(default_factory=list)
    office: bool = False  # named only by the office ("the Tajik president")


def _outermost(
    mentions: list[Mention], tokens: list[Token], taken: dict[int, Mention], t0: int, c: int, language: str
) -> Mention | None:
    """The state or institution named over token c after a title at t0: the longest that a name follows
    ("Head of the UN Regional Center … Kakha Imnadze", "Chief of the CSTO Joint Staff Anatoly Sidorov":
    not "UN", "CSTO", nor a name that ran on into the person's), else the longest."""
    at = sorted(
        (m for m in mentions if t0 < m.first <= c < m.last and m.cls in ("State", "Institution")),
        key=lambda m: m.first - m.last,
    )
    lex = lang_lexicon(language)
    for m in at:
        j, _ = ranks_before_name(tokens, m.last, taken, lex, language)
        if name_at(tokens, j, taken, lex, language):
            return m
    return at[0] if at else None


def _affiliation_before(tokens: list[Token], t0: int, taken: dict[int, Mention]) -> Ref | None:
    """The state or body a title is of, named before it: "Kyrgyz President", "UN Secretary-General",
    "Turkmenistan’s", or the opener of a list line ("Kazakhstan – President …")."""
    affiliation = None
    k = t0 - 1
    while k >= 0 and tokens[k].text in "’'s" and k > t0 - 3:
        k -= 1
    before = taken.get(k)
    if before is not None and before.cls in ("State", "Institution") and before.last <= t0:
        affiliation = before.ref
    elif k > 0 and tokens[k].text in DASHES:
        # a list item "Kazakhstan – President Kassym-Jomart Tokayev": the line opens with what the title is of
        opener = taken.get(0)
        others = {taken[i].ref for i in range(1, k) if i in taken and taken[i].cls in ("State", "Institution")}
        if opener is not None and opener.cls in ("State", "Institution") and others <= {opener.ref}:
            affiliation = opener.ref
    return affiliation


def _titled(
    tokens: list[Token],
    first: int,
    last: int,
    role: str,
    affiliation: Ref | None,
    taken: dict[int, Mention],
    gaz: Gazetteer,
    title_span: tuple[int, int],
    language: str,
) -> Person:
    """The person named by tokens [first, last) with a title: a known person when the gazetteer knows the name."""
    existing = taken.get(first)
    known = None
    if existing is not None and existing.cls == "Person" and existing.how == "known":
        first, last = existing.first, existing.last
        known = next((k for k in gaz.lookup(existing.text) if k.cls == "Person"), None)
    name = person_name(tokens[first:last], language)
    surname = name_case(tokens[last - 1].text) if last - first >= 2 else None
    return Person(name, first, last, role, affiliation, known, surname, title_span=title_span)


def _listed_people(
    tokens: list[Token], t0: int, t1: int, english: str, taken: dict[int, Mention], gaz: Gazetteer, language: str
) -> list[Person]:
    """The people a plural title stands over: "les présidents de l'Ouzbékistan, du Tadjikistan et du
    Kirghizistan — A, B et C" (each of the state in the same place of its list), "the four presidents:
    the Russian A, the Kazakh B" (each of the state named before the name)."""
    lex = lang_lexicon(language)
    states, j = _coordinated(tokens, t1, taken, lex, "State")
    states = states or _states_before(tokens, t0, taken, lex)
    k = j
    while k < len(tokens) and k - j < 3 and tokens[k].text not in ":–—" and not taken.get(k):
        k += 1  # "les quatre présidents invités:"
    # without a colon or dash, the names in apposition ("…, A and B,") or right after the states ("Министры
    # обороны России и Казахстана A и B") are theirs only one for one, in the same order
    paired = k >= len(tokens) or tokens[k].text not in ":–—"
    if paired and len(states) < 2:
        return []
    k = j + (j < len(tokens) and tokens[j].text == ",") if paired else k + 1
    items: list[tuple[Ref | None, int, int]] = []
    while k < len(tokens):
        while k < len(tokens) and (tokens[k].key in lex["determiners"] or tokens[k].text in "’'"):
            k += 1
        demonym = taken.get(k)
        if demonym is not None and demonym.cls == "State":
            k = demonym.last
        else:
            demonym = None
        size = name_at(tokens, k, taken, lex, language)
        if not size:
            break
        items.append((demonym.ref if demonym else None, k, k + size))
        k = _after_separator(tokens, k + size, lex)
        if k is None:
            break
    respective = len(states) == len(items)
    if paired and not (respective and all(item[0] in (None, s.ref) for s, item in zip(states, items, strict=True))):
        return []
    return [
        _titled(tokens, first, last, english, states[n].ref if respective else state, taken, gaz, (t0, t1), language)
        for n, (state, first, last) in enumerate(items)
        if len(items) >= 2
    ]


def _coordinated(
    tokens: list[Token], k: int, taken: dict[int, Mention], lex: dict, cls: str
) -> tuple[list[Mention], int]:
    """The mentions of a class coordinated from token k ("de l'Ouzbékistan, du Tadjikistan et du
    Kirghizistan"), and the token after them."""
    out: list[Mention] = []
    while True:
        c = k
        while c < len(tokens) and (tokens[c].key in lex["title_of"] or tokens[c].key in lex["determiners"]):
            c += 1
        m = taken.get(c)
        if m is None or m.cls != cls or m.first != c:
            return out, k
        out.append(m)
        k = m.last
        nxt = _after_separator(tokens, k, lex)
        if nxt is None:
            return out, k
        k = nxt


def _states_before(tokens: list[Token], t0: int, taken: dict[int, Mention], lex: dict) -> list[Mention]:
    """Two or more states coordinated right before a plural title ("the Kazakh and Uzbek foreign ministers")."""
    out: list[Mention] = []
    k = t0
    while (m := taken.get(k - 1)) is not None and m.cls == "State" and m.last == k:
        out.insert(0, m)
        k = m.first
        while k > 0 and (tokens[k - 1].text == "," or tokens[k - 1].key in lex["coordinator_keys"]):
            k -= 1
        if k == m.first:
            break
    return out if len(out) >= 2 else []


def _after_separator(tokens: list[Token], k: int, lex: dict) -> int | None:
    """The token after a list separator (a comma, a coordinator, or both) at k, or None."""
    coordinators = lex["coordinator_keys"]
    start = k
    while k < len(tokens) and (tokens[k].text == "," or tokens[k].key in coordinators):
        k += 1
    return k if k > start else None


def _complement(
    tokens: list[Token], t0: int, j: int, mentions: list[Mention], taken: dict[int, Mention], language: str
) -> tuple[Ref | None, int]:
    """The state or body a title's complement names ("of the KAZCENT", "du Kazakhstan", "Казахстана",
    "министра обороны РК"), and the token after it (j when there is none)."""
    lex = lang_lexicon(language)
    c = j
    while c < len(tokens) and (tokens[c].key in lex["title_of"] or tokens[c].key in lex["determiners"]):
        c += 1
    after = _outermost(mentions, tokens, taken, t0, c, language)
    if (c > j or language in ("fr", "ru")) and after is not None:
        return after.ref, body_end(tokens, after, taken, lex, language)
    if language == "ru":  # genitive words after a Russian title: "министра обороны РК"
        while j < len(tokens) and "gent" in tokens[j].tag and not tokens[j].is_cap:
            j += 1
        after = _outermost(mentions, tokens, taken, t0, j, language)
        if after is not None:
            return after.ref, body_end(tokens, after, taken, lex, language)
    return None, j


def find_people(
    tokens: list[Token], language: str, mentions: list[Mention], gaz: Gazetteer, named: frozenset[int] = frozenset()
) -> list[Person]:
    """People with titles in one sentence's tokens, given its other mentions and where names of people begin."""
    lex = lang_lexicon(language)
    taken: dict[int, Mention] = {}
    for m in sorted(mentions, key=lambda m: m.last - m.first):
        for i in range(m.first, m.last):
            taken.setdefault(i, m)
    people: list[Person] = []
    counterparts = lex["counterparts"]
    said = None  # the last title named in the sentence
    chain: tuple[Person, int] | None = None  # a person named before their title, and where it ended
    i = 0
    while i < len(tokens):
        if tokens[i].is_word and (plural := plural_title_at(tokens, i, language)):
            people += _listed_people(tokens, i, i + plural[0], plural[2], taken, gaz, language)
            i += plural[0]
            said = plural[2]
            continue
        found = title_at(tokens, i, language) if tokens[i].is_word else None
        if found is None and said and tokens[i].key in counterparts and "plur" not in tokens[i].tag:
            found = (1, "titles", said)  # "their Chinese counterpart Jiang Zemin": the title just named
        if found and found[1] == "titles":
            said = found[2]
        if not found:
            i += 1
            continue
        n, kind, english = found
        inner_state = None
        if through := title_through_state(tokens, i, n, taken, language):
            n, kind, english, inner_state = through
        t0, t1 = i, i + n
        ranks, titles = ([english], []) if kind == "ranks" else ([], [english])
        j = more_titles(tokens, t1, language, ranks, titles)
        of, j = _complement(tokens, t0, j, mentions, taken, language)
        j = past_complement(tokens, j, taken, lex, language, named)
        if language == "ru" and of is not None and name_at(tokens, j, taken, lex, language) < 2:
            j, of = genitive_chain(tokens, j, taken, lex, of)  # "начальник отдела ОДКБ … МИД России N"
        affiliation = _affiliation_before(tokens, t0, taken) or inner_state or of
        # the name: right after the title (and its complement), or before ", a TITLE"
        j, later = ranks_before_name(tokens, j, taken, lex, language)
        ranks += later
        when, q0 = qualifier(tokens, t0, taken, language)
        if titles and when:
            titles[0] = f"{when} {titles[0]}"  # "Former Kyrgyz Vice-President", "alors vice Premier ministre"
        n_name = name_at(tokens, j, taken, lex, language)
        if n_name == 0 and j < len(tokens) - 1 and tokens[j].text == ",":  # ", Lieutenant Colonel N"
            j, later = ranks_before_name(tokens, j + 1, taken, lex, language)
            ranks += later
            n_name = name_at(tokens, j, taken, lex, language)
        role = ", ".join(ranks + titles)
        first, last = (j, j + n_name) if n_name else name_before(tokens, q0, taken, lex, language)
        if not n_name and any(p.first == first and (p.affiliation or not affiliation) for p in people):
            first = last = None  # that name has its title before it: this title is the next item's
        if first is None and chain is not None and _joined(tokens, chain[1], q0, taken, lex):
            first, last = chain[0].first, chain[0].last  # "N, a spokesman for X and the head of Y"
        if first is not None:
            people.append(_titled(tokens, first, last, role, affiliation, taken, gaz, (t0, t1), language))
        elif (holder := taken.get(t0)) is not None and holder.cls == "Person" and holder.how in ("known", "nested"):
            # the office is a known name of its holder ("Президента Казахстана" inside a longer name)
            known = next((k for k in gaz.lookup(holder.text) if k.cls == "Person"), None)
            people.append(Person(holder.text, None, None, role, affiliation, known, title_span=(t0, t1)))
        elif (
            titles
            and titles[-1] in HEAD_OF_STATE
            and (affiliation := _office_state(affiliation, tokens, t0, mentions, gaz, language))
        ):
            label = gaz.entities[affiliation].label if affiliation in gaz.entities else affiliation.key
            people.append(
                Person(f"{titles[-1]} of {label}", t0, j, role, affiliation, title_span=(t0, t1), office=True)
            )
        i = max(j, t1)
        if first is not None and not n_name:
            chain = (people[-1], i)  # a name before its title: a title joined to this one is theirs too
        elif first is not None or not chain or chain[1] != t0:
            chain = None  # (a title right after the last one's complement is inside it: "for the UN Secretary General")
        else:
            chain = (chain[0], i)
    return people


def _office_state(
    affiliation: Ref | None, tokens: list[Token], t0: int, mentions: list[Mention], gaz: Gazetteer, language: str
) -> Ref | None:
    """The state whose office a title without a name is: the one it names ("le Président du Kazakhstan"),
    else the one the sentence says was represented by the office's holder ("Minsk était représenté par son
    ministre de la Défense")."""
    if affiliation is not None:
        return affiliation if affiliation.path == "state" else None
    return next((s for after, s in represented_states(tokens, mentions, language, gaz.located) if after <= t0), None)


def _joined(tokens: list[Token], end: int, start: int, taken: dict[int, Mention], lex: dict) -> bool:
    """Whether a coordinator joins two titles ("… and the head of"), past what is left of the first
    one's complement ("in Tajikistan"), so that the second is the same person's (a comma before it
    may start the next person's item)."""
    joining = set(lex["title_of"]) | set(lex["locative"]) | lex["determiners"]
    while end < start and (tokens[end].key in joining or (m := taken.get(end)) is not None and m.cls != "Person"):
        end += 1
    between = tokens[end:start]
    return (
        bool(between)
        and between[0].key in lex["coordinator_keys"]
        and all(t.key in lex["determiners"] for t in between[1:])
    )
