"""Where a sentence says a state was represented by someone, or that someone led its delegation ("Russia was
represented by N", "Minsk était représenté par son ministre de la Défense", "делегацию Казахстана
возглавил N"): the construction (`represented_by` in `patterns/LANG.yaml`) read on one sentence's
tokens, and the state it names. Read by `people.py` (a national office with no name is the represented
state's) and `represented.py` (the people named after it speak for that state).

The state (or its capital, a place the gazetteer puts in a state) is the subject before the verb in its
clause, not a place after a locative ("represented at the talks in Dushanbe"); a delegation's state
stands right around the word ("the Kazakh delegation", "Kazakhstan's delegation", "la délégation du
Kazakhstan"), so that "Kazakhstan hosted the delegation led by N" names no state for N. A negated
clause ("was not represented") names none.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .discover import lang_lexicon
from .lexicon import pattern_regex
from .negation import clause_span, negated
from .records import Ref
from .tokens import Token

if TYPE_CHECKING:
    from .linker import Mention

# a delegation's own state is named at most this many words before the word ("the Kyrgyz Republic's delegation")
_OWNER_BEFORE = re.compile(r"(?:\S+\s+){0,2}$")


def represented_states(
    tokens: list[Token], mentions: list[Mention], language: str, located: dict[Ref, Ref]
) -> list[tuple[int, Ref]]:
    """(the token after the construction, the state represented) for each construction of one sentence."""
    rx = pattern_regex(language, "represented_by")
    if rx is None or not tokens:
        return []
    base, folded = tokens[0].start, _folded(tokens)
    out: list[tuple[int, Ref]] = []
    for match in rx.finditer(folded):
        if negated(folded, match.start(), match.end(), language):
            continue
        if match.groupdict().get("led") is not None:
            begin, until = _OWNER_BEFORE.search(folded[: match.start()]).start(), match.end()
        else:
            begin, until = clause_span(folded, match.start(), match.start(), language)[0], match.start()
        named = [m for m in mentions if begin <= m.start - base and m.end - base <= until]
        state = _represented(tokens, named, language, located)
        if state is not None:
            after = next((k for k, t in enumerate(tokens) if t.start - base >= match.end()), len(tokens))
            out.append((after, state))
    return out


def _represented(tokens: list[Token], named: list[Mention], language: str, located: dict[Ref, Ref]) -> Ref | None:
    """The state named last among `named` and not after a locative (a capital stands for its state), or None."""
    for m in sorted((m for m in named if m.cls in ("State", "Place")), key=lambda m: -m.start):
        if after_locative(tokens, m, language):
            continue
        if m.cls == "State":
            return m.ref
        state = located.get(m.ref)
        return state if state is not None and state.path == "state" else None
    return None


def _folded(tokens: list[Token]) -> str:
    """One sentence's folded text rebuilt from its tokens, each at its own offset from the first."""
    base = tokens[0].start
    chars = [" "] * (tokens[-1].end - base)
    for t in tokens:
        size = t.end - t.start
        chars[t.start - base : t.end - base] = (t.fold + " " * size)[:size]
    return "".join(chars)


def after_locative(tokens: list[Token], mention: Mention, language: str) -> bool:
    """Whether a locative ("in", "à", "в") stands right before the mention, past determiners."""
    lex = lang_lexicon(language)
    k = mention.first - 1
    while k >= 0 and tokens[k].key in lex["determiners"]:
        k -= 1
    return k >= 0 and tokens[k].key in lex["locative"]
