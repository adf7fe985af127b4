"""A discovered body's name that ran on past a known body's whole name into the clause: "the UN General
Assembly in September 2017", "the Ministry of Defence of Kazakhstan in Astana", "le Conseil de sécurité de
l'ONU sur les femmes". The known name is complete; the word after it (the `name_run_on` pattern: a place,
a time or a topic follows) belongs to the verb, so the longer name is no body of its own and the known
body is the one named. A name that goes on with words of its own ("UN Office in Dushanbe", where "UN" is
followed by "Office") is not touched: only what follows the known name's last word is read.
"""

from __future__ import annotations

from .discover import lang_lexicon
from .lexicon import pattern_regex
from .linker import ArticleMentions, Mention
from .tokens import Token


def end_run_ons(am: ArticleMentions) -> None:
    """Drop each discovered body's name that only runs a known body's name on into the clause, and the
    entity it alone stood for."""
    run_on = pattern_regex(am.language, "name_run_on")
    if run_on is None:
        return
    dropped = []
    for index, mentions in enumerate(am.by_sentence):
        tokens = am.tokens[index]
        for outer in [m for m in mentions if _runs_on(am, tokens, mentions, m, run_on)]:
            dropped.append(outer.ref)
            mentions.remove(outer)
            for m in mentions:
                if m.outer is outer:
                    m.outer = None
    named = {m.ref for m in am.all()}
    for ref in set(dropped) - named:
        am.classes.pop(ref, None)
        am.labels.pop(ref, None)


def _runs_on(am: ArticleMentions, tokens: list[Token], mentions: list[Mention], outer: Mention, run_on) -> bool:
    """Whether a discovered body's name is a known body's name, then a word of the clause."""
    if outer.cls != "Institution" or outer.how != "new" or not outer.top:
        return False
    lex = lang_lexicon(am.language)
    for inner in mentions:
        if inner.outer is not outer or inner.cls != "Institution" or inner.how not in ("known", "nested"):
            continue
        if inner.last >= outer.last or not run_on.fullmatch(tokens[inner.last].key):
            continue
        # the words before the known name are determiners or another known name ("the UN | General Assembly")
        before = range(outer.first, inner.first)
        if all(tokens[k].key in lex["determiners"] or _known_at(mentions, outer, k) for k in before):
            return True
    return False


def _known_at(mentions: list[Mention], outer: Mention, k: int) -> bool:
    return any(m is not outer and m.how in ("known", "nested") and m.first <= k < m.last for m in mentions)
