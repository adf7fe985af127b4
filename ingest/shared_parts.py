"""A complement two coordinated bodies share: "the Joint Staff and Secretariat of the CSTO", "Объединенного
штаба и Секретариата ОДКБ", "le Conseil et le Secrétariat de l'OTSC". Both bodies are the organisation's,
though its name follows only the second.

The mention finder ends the first name at the coordinator (a second body's name starts there), so the
first reads bare: a body with no owner of its own. A capitalised head alone ("the Joint Staff") is read
there as a reference back to the organisation named before; followed by "and the Secretariat of" that
organisation it is one of its bodies, named, and becomes an entity of its own. It takes the owner its
neighbour's name gives after that name's head word, never one written before it ("the Council and the
UN Bureau": the UN's bureau, not the UN's council), and only when nothing owns it already ("Kazakhstan's
ministry and the Secretariat of the CSTO").
"""

from __future__ import annotations

import itertools
import re

from .descriptions import describes
from .discover import lang_lexicon
from .linker import ArticleMentions, Mention
from .records import Ref
from .slug import slug
from .statements import Found
from .tokens import fold

PART = "cas:partOf"
_WORD = re.compile(r"[\w']+")


def shared_complements(am: ArticleMentions, found: list[Found]) -> list[Found]:
    """partOf for the bare first of two coordinated bodies, from the owner the second one's name gives."""
    owners: dict[tuple, list[Found]] = {}
    for f in found:
        if f.predicate == PART:
            owners.setdefault((f.subject, f.sentence), []).append(f)
    out: list[Found] = []
    for index, mentions in enumerate(am.by_sentence):
        # names of their own: not inside another body's name (an event's run-on span may hold them)
        tops = sorted((m for m in mentions if _own(m) and m.how != "alias"), key=lambda m: m.start)
        for a, b in itertools.pairwise(tops):
            if a.cls != b.cls or a.cls != "Institution" or a.ref == b.ref or not _bare(am, a, mentions):
                continue
            if not _joined(am, a, b):
                continue
            for f in owners.get((b.ref, index), []):
                if not _after_head(am, b, f, mentions):
                    continue
                if a.how == "anaphor" and a.ref == f.object:
                    _name_apart(am, a)  # "the Joint Staff | and Secretariat of the CSTO" is not the CSTO
                if a.ref != f.object:
                    out.append(Found(a.ref, PART, f.object, index, 0.5, "phrase.shared-complement"))
    return out


def _own(m: Mention) -> bool:
    return m.outer is None or m.outer.cls != m.cls and _own(m.outer)


def _joined(am: ArticleMentions, a: Mention, b: Mention) -> bool:
    """Whether only a coordinator (and a determiner) stands between the two names."""
    sentence = am.sentences[a.sentence]
    words = _WORD.findall(fold(sentence.text[a.end - sentence.start : b.start - sentence.start]))
    lex = lang_lexicon(am.language)
    return len(words) in (1, 2) and words[0] in lex["coordinator_keys"] and set(words[1:]) <= lex["determiners"]


def _bare(am: ArticleMentions, a: Mention, mentions: list[Mention]) -> bool:
    """A discovered body's name with no other name inside it and none owning it right before it
    ("Kazakhstan's ministry", "the UN Council")."""
    if a.how not in ("new", "anaphor") or any(m.outer is a for m in mentions):
        return False
    if a.how == "anaphor" and describes(am.tokens[a.sentence], a.first, a.last, am.language):
        return False  # "the council and the Secretariat of ...": a lower-case head refers back
    tokens = am.tokens[a.sentence]
    k = a.first - 1
    while k >= 0 and tokens[k].key in lang_lexicon(am.language)["determiners"]:
        k -= 1
    return k < 0 or not any(m.first <= k < m.last for m in mentions) and tokens[k].key != "s"


def _after_head(am: ArticleMentions, b: Mention, f: Found, mentions: list[Mention]) -> bool:
    """Whether the owner is named after the second body's head word (its complement), not before it."""
    tokens = am.tokens[b.sentence]
    head_end = tokens[b.candidate.head[1] - 1].end if b.candidate is not None else b.start + 1
    return any(m.ref == f.object and m.start >= head_end and m.start <= b.end + 40 for m in mentions)


def _name_apart(am: ArticleMentions, a: Mention) -> None:
    """The capitalised head read as a reference back becomes the name of a body of its own."""
    ref = Ref(a.cls.lower(), slug(a.text))
    am.classes.setdefault(ref, a.cls)
    am.labels.setdefault(ref, a.text)
    a.ref, a.how = ref, "new"
