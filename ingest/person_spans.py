"""Where a person's name stands around a title: right after it, past ranks ("Army General Sergei
Shoigu") and a complement that names no person ("Under-Secretary-General for Peacekeeping Operations
N"), or before it (", a TITLE"); and where a title's body ends when its name ran on into the person's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .discover import head_at, rank_words
from .records import Ref
from .titles import title_at
from .tokens import NAME_GRAMMEMES, Token

if TYPE_CHECKING:
    from .mentions import Mention


def name_at(tokens: list[Token], i: int, taken: dict[int, Mention], lex: dict, language: str) -> int:
    """How many tokens from i form a personal name (0 when none)."""
    n = 0
    while i + n < len(tokens) and n < 3:
        tok = tokens[i + n]
        m = taken.get(i + n)
        if not tok.is_word or not tok.is_cap or tok.key in lex["determiners"]:
            break
        if tok.is_upper and (n == 0 or m is not None or len(tok.text) < 3):
            break  # an acronym; a surname in capitals ends a name begun in lower case ("Kassymjomart TOKAEV")
        if any(ch.isdigit() for ch in tok.text):
            return 0  # a name glued to what follows it ("Sarsekov22 May"): its end is unknown
        if m is not None and m.cls != "Person" and m.first >= i:
            break  # (a discovered name that ran on from before the title into the name does not end it)
        if head := head_at(tokens, i + n, lex):
            return 0 if n and head[1] == "Institution" else n  # "Regional | Center": the words of a body's name
        if title_at(tokens, i + n, language):
            break
        n += 1
        if tok.is_upper:
            break
    return n


def ranks_before_name(
    tokens: list[Token], j: int, taken: dict[int, Mention], lex: dict, language: str
) -> tuple[int, list[str]]:
    """Honorifics and ranks between a title and the name ("Army General Sergei Shoigu", "… of Kazakhstan
    Major General N"): the token where the name starts, and the ranks, kept only when a name follows."""
    start, ranks = j, []
    while j < len(tokens) and (tokens[j].key in rank_words(language) or tokens[j].text in "–-"):
        found = title_at(tokens, j, language)
        if found and found[1] == "ranks":
            ranks.append(found[2])
        j += found[0] if found else 1
    if j > start and not name_at(tokens, j, taken, lex, language):
        return start, []
    return j, ranks


def body_end(tokens: list[Token], body: Mention, taken: dict[int, Mention], lex: dict, language: str) -> int:
    """Where the name of a title's body ends, when the name found for the body ran on into the person's:
    before a first name the morphology knows ("Совета безопасности России Сергей Шойгу"), or before a
    rank that a name follows ("General Staff of the Armed Forces of the Kyrgyz Republic | Major General N").
    The name is the run of capitalised words that ends the body's name, past no known name, when morphology
    reads a personal name in it ("… Республики Таджикистан | Носир Назарзода": "Носир" it does not know),
    or, with no morphology, when two or three words with no head word follow a known name that ends
    the body's own ("UN Regional Center for Preventive Diplomacy for Central Asia | Kakha Imnadze")."""
    last = taken.get(body.last - 1)
    if last is not None and last.cls == "Person" and body.first < last.first:
        return last.first  # a known person's name closes it
    k = body.last
    while k - 1 > body.first and body.last - k < 3 and tokens[k - 1].is_cap and not tokens[k - 1].is_upper:
        if (inner := taken.get(k - 1)) is not None and inner.how not in ("new", "person"):
            break
        k -= 1
    run = tokens[k : body.last]
    if run and any(g in t.tag for t in run for g in NAME_GRAMMEMES):
        return k
    before = taken.get(k - 1)
    untagged = not any(t.tag for t in run) and not any(head_at(tokens, i, lex) for i in range(k, body.last))
    if len(run) >= 2 and untagged and before is not None and before.how == "known" and before.last == k:
        return k
    for k in range(body.first + 1, body.last):
        if "Name" in tokens[k].tag:
            return k
        if tokens[k].key in rank_words(language) and ranks_before_name(tokens, k, taken, lex, language)[0] > k:
            return k
    return body.last


def _possessive(tokens: list[Token], k: int) -> int:
    """How many tokens the possessive "'s" at k takes (0 when there is none)."""
    if tokens[k].text in ("’s", "'s"):
        return 1
    return 2 if tokens[k].text in "’'" and k + 1 < len(tokens) and tokens[k + 1].text == "s" else 0


def past_complement(
    tokens: list[Token],
    j: int,
    taken: dict[int, Mention],
    lex: dict,
    language: str,
    named: frozenset[int] = frozenset(),
) -> int:
    """The token after a complement that says what a title is for or where it is held, when a name
    follows it ("Under-Secretary-General for Peacekeeping Operations N", "Regional Director for Europe
    N", "l'ambassadeur kirghize au Turkménistan N"): joining words and names of anything but a person;
    j itself when no name follows."""
    k = j
    while k < len(tokens) and k - j < 8:
        m = taken.get(k)
        if m is not None and m.cls != "Person" and m.first == k:
            k = m.last
        elif m is None and tokens[k].key in lex["connectors"] and not tokens[k].is_cap:
            k += 1
        elif m is None and taken.get(k - 1) is not None and (size := _possessive(tokens, k)):
            k += size  # "Director of the Executive Committee of the SCO's Regional Anti-Terrorist Structure N"
        else:
            break
    if k == j or taken.get(k - 1) is None:
        return _complement_to_person(tokens, j, taken, lex, language, named)
    after, _ = ranks_before_name(tokens, k, taken, lex, language)
    return (
        k
        if name_at(tokens, after, taken, lex, language)
        else _complement_to_person(tokens, j, taken, lex, language, named)
    )


def _complement_to_person(
    tokens: list[Token], j: int, taken: dict[int, Mention], lex: dict, language: str, named: frozenset[int]
) -> int:
    """The token after a complement of capitalised words that names nothing known, when it runs from a
    joining word right up to where the recogniser reads a person's name (`named`) ("Regional Director for Europe N",
    "High Representative of the EU for Foreign Affairs and Security Policy N"); j when it does not, or
    when another title stands in it (the name is that title's)."""
    k = j
    if k >= len(tokens) or not (tokens[k].text == "(" or tokens[k].key in lex["connectors"] and not tokens[k].is_cap):
        return j
    while k < len(tokens) and k - j < 10:
        m = taken.get(k)
        if k > j + 1 and (k in named or tokens[k - 1].is_upper) and name_at(tokens, k, taken, lex, language) >= 2:
            return k  # where the recogniser reads a person, or after an acronym ("Chairman of NSC | N")
        if m is not None:
            k = max(m.last, k + 1)
        elif title_at(tokens, k, language) or not (
            tokens[k].text in "()" or tokens[k].is_word and (tokens[k].is_cap or tokens[k].key in lex["connectors"])
        ):
            return j
        else:
            k += 1
    return j


def name_word(token: Token, mention: Mention | None, lex: dict) -> bool:
    """A word of a personal name: capitalised, no acronym, not part of another entity's name, no word
    that ends a name ("Selon" opening "Selon Ivan Petrov, porte-parole …")."""
    return (
        token.is_word
        and token.is_cap
        and not token.is_upper
        and token.key not in lex["stop"]
        and (mention is None or mention.cls == "Person")
    )


def name_before(
    tokens: list[Token], t0: int, taken: dict[int, Mention], lex: dict, language: str
) -> tuple[int | None, int | None]:
    """A name written before ", a TITLE" ("Erlan Karin, Secretary of …"): its token span, or (None, None)."""
    first = last = None
    k = t0 - 1
    while k > t0 - 3 and tokens[k].text in ("’s", "'s", "’", "'", "s"):
        k -= 1  # "Martin Berndt, the U.S. Atlantic Command's director"
    before = taken.get(k)
    if before is not None and before.cls in ("State", "Institution"):
        k = before.first - 1  # "James Appathurai, NATO Spokesman": the title's body stands between
    while k >= 0 and tokens[k].key in lex["determiners"]:
        k -= 1
    if k >= 1 and tokens[k].text == ",":
        end = k
        start = end
        while start > 0 and end - start < 3 and name_word(tokens[start - 1], taken.get(start - 1), lex):
            start -= 1
        while start < end and tokens[start].key in rank_words(language):
            start += 1  # "M. Imangali Tasmagambetov", "General Martin Berndt": honorific and rank are no name
        if end - start >= 2 or (end - start == 1 and taken.get(start) and taken[start].cls == "Person"):
            first, last = start, end
    return first, last


def genitive_chain(tokens: list[Token], j: int, taken: dict[int, Mention], lex: dict, of: Ref) -> tuple[int, Ref]:
    """A Russian title's complement that goes on as a chain of genitives before the name ("начальник
    отдела ОДКБ Первого департамента стран СНГ МИД Российской Федерации Олег Кравченко"): the token
    where the name starts and the last state or body of the chain, which the others belong to (the
    ministry, not the CSTO the department deals with); (j, of) when no name of two words follows."""
    k, last = j, of
    while k < len(tokens) and k - j < 15:
        m = taken.get(k)
        if m is not None and m.cls != "Person" and m.first == k:
            last = m.ref if m.cls in ("State", "Institution") else last
            k = body_end(tokens, m, taken, lex, "ru")  # (a new name that ran on into the person's ends there)
            if k < m.last:
                break
        elif (
            m is None
            and tokens[k].is_word
            and "gent" in tokens[k].tag
            and not any(g in tokens[k].tag for g in NAME_GRAMMEMES)
        ):
            k += 1
        else:
            break
    if k > j and name_at(tokens, k, taken, lex, "ru") >= 2:
        return k, last
    return j, of
