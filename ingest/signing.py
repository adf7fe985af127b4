"""Signatories of an act told in the passive without its agent: "The main memorandum ... was signed on 14
February", "un accord supplémentaire a été signé avec le mémorandum", "соглашение было подписано в Бишкеке".

When the act's own name lists its parties ("the agreement between A and B was signed in Moscow"), they signed
it. Otherwise such a sentence continues a story of who signs with whom: the act was signed by those the article
named as signing last before it (the two parties of the earlier agreement), as long as the sentence names no other
state or organisation (then it tells of another act: "it was thanks to the UN, the OSCE and Russia that the
agreement was signed in 1997"). When no one signed before, nothing is said. The passive that says so is
data (`signed_passive` in `patterns/LANG.yaml`); one still to come ("will be signed", "doit être signé")
does not match it, and a negated one ("was not signed") asserts nothing.

A Russian passive names its signers in the instrumental after the verb ("договор был подписан Казахстаном и
Узбекистаном"): the case, read from the morphology of each name (`passive_agent_case`), tells the agent from a
place or a date ("подписан в Ташкенте").
"""

from __future__ import annotations

from .lexicon import pattern_regex, patterns
from .linker import ArticleMentions
from .negation import negated
from .records import Ref
from .statements import Found

SIGNED = "cas:signed"
PARTY = "cas:partyTo"
SIGNERS = ("State", "Institution")
AGENTS = ("State", "Institution", "Person")


def agentless_signings(am: ArticleMentions, found: list[Found]) -> list[Found]:
    """cas:signed for the acts a passive says were signed: by the agent it names after the verb, else by the
    parties the act's name lists, else by the latest signers before it."""
    rx = pattern_regex(am.language, "signed_passive")
    if rx is None:
        return []
    signings = [f for f in found if f.predicate == SIGNED and am.classes.get(f.subject) in SIGNERS]
    signed_in = {f.sentence for f in found if f.predicate == SIGNED}
    out: list[Found] = []
    for index, mentions in enumerate(am.by_sentence):
        folded = am.folded[index]
        passive = [t for t in rx.finditer(folded) if not negated(folded, t.start(), t.end(), am.language)]
        acts = list(dict.fromkeys(m.ref for m in mentions if m.cls == "Agreement" and m.top))
        if not passive or not acts:
            continue
        agents = _agents(am, index, passive[0].end())
        named = _named_parties(found, index, acts)
        if agents:
            out += [Found(a, SIGNED, act, index, 0.6, "signed.agent") for act in acts for a in agents]
        elif named:  # "the agreement between A and B was signed": by its parties
            out += [Found(p, SIGNED, act, index, 0.5, "signed.parties-named") for act, p in named]
        elif index not in signed_in:  # else the sentence names its signatories itself
            signers = _latest(signings, index)
            if {m.ref for m in mentions if m.cls in SIGNERS} <= set(signers):
                # others named: the act is another story's ("thanks to the UN, the OSCE and Russia")
                out += [Found(s, SIGNED, act, index, 0.5, "signed.agentless") for act in acts for s in signers]
    return out


def _named_parties(found: list[Found], index: int, acts: list[Ref]) -> list[tuple[Ref, Ref]]:
    """(act, party) for each party the sentence's acts name themselves ("the Treaty between A and B")."""
    pairs = ((f.object, f.subject) for f in found if f.predicate == PARTY and f.sentence == index and f.object in acts)
    return list(dict.fromkeys(pairs))


def _latest(signings: list[Found], index: int) -> list[Ref]:
    """Who signed in the latest sentence before `index`."""
    before = [f.sentence for f in signings if f.sentence < index]
    if not before:
        return []
    latest = max(before)
    return list(dict.fromkeys(f.subject for f in signings if f.sentence == latest))


def _agents(am: ArticleMentions, index: int, after: int) -> list[Ref]:
    """The actors a passive names as its agent after the verb, by their grammatical case (Russian: the
    instrumental, "подписан Казахстаном"); none where the language marks no such case (`passive_agent_case`)."""
    case = patterns(am.language).get("passive_agent_case")
    if not case:
        return []
    tokens = am.tokens[index]
    offset = am.sentences[index].start
    return list(
        dict.fromkeys(
            m.ref
            for m in am.by_sentence[index]
            if m.top and m.cls in AGENTS and m.start - offset >= after and case in tokens[m.first].tag
        )
    )
