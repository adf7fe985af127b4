"""Signatories of an act told in the passive without its agent: "The main memorandum ... was signed on 14
February", "un accord supplémentaire a été signé avec le mémorandum", "соглашение было подписано в Бишкеке".

Such a sentence continues a story of who signs with whom: the act was signed by those the article named as
signing last before it (the two parties of the earlier agreement), as long as the sentence names no other
state or organisation (then it tells of another act: "it was thanks to the UN, the OSCE and Russia that the
agreement was signed in 1997"). When no one signed before, nothing is said. The passive that says so is
data (`signed_passive` in `patterns/LANG.yaml`); one still to come ("will be signed", "doit être signé")
does not match it, and a negated one ("was not signed") asserts nothing.
"""

from __future__ import annotations

from .lexicon import pattern_regex
from .linker import ArticleMentions
from .negation import negated
from .records import Ref
from .statements import Found

SIGNED = "cas:signed"
SIGNERS = ("State", "Institution")


def agentless_signings(am: ArticleMentions, found: list[Found]) -> list[Found]:
    """cas:signed for the acts an agentless passive says were signed, by the latest signers before them."""
    rx = pattern_regex(am.language, "signed_passive")
    if rx is None:
        return []
    signings = [f for f in found if f.predicate == SIGNED and am.classes.get(f.subject) in SIGNERS]
    signed_in = {f.sentence for f in found if f.predicate == SIGNED}
    out: list[Found] = []
    for index, mentions in enumerate(am.by_sentence):
        if index in signed_in:
            continue  # the sentence names its signatories itself
        folded = am.folded[index]
        passive = [t for t in rx.finditer(folded) if not negated(folded, t.start(), t.end(), am.language)]
        acts = [m.ref for m in mentions if m.cls == "Agreement" and m.top]
        if not passive or not acts:
            continue
        signers = _latest(signings, index)
        named = {m.ref for m in mentions if m.cls in SIGNERS}
        if not named <= set(signers):
            continue  # others are named: the act is another story's ("thanks to the UN, the OSCE and Russia")
        out += [Found(s, SIGNED, act, index, 0.5, "signed.agentless") for act in dict.fromkeys(acts) for s in signers]
    return out


def _latest(signings: list[Found], index: int) -> list[Ref]:
    """Who signed in the latest sentence before `index`."""
    before = [f.sentence for f in signings if f.sentence < index]
    if not before:
        return []
    latest = max(before)
    return list(dict.fromkeys(f.subject for f in signings if f.sentence == latest))
