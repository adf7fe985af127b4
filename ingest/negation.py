"""Negation, modality and event status: what a clause does not assert.

A trigger in a negated clause ("did not take part", "n'a pas signé", "не является членом") asserts
nothing; one in a clause that speaks of what was meant to happen ("was to include", "devait
rassembler", "должны были") names invitees, not participants; words like "cancelled", "reporté",
"отменены" give a forum its status (cas:eventStatus). The cues are data
(`lexicons/modality.yaml`); every function takes the lowercased, accent-folded sentence.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon

STATUSES = ("cancelled", "postponed", "planned")  # in the order they win: a cancelled plan is cancelled


@cache
def _cues(language: str) -> dict:
    data = lexicon("modality").get(language) or {}
    return {
        "negation": re.compile(data["negation"]) if data.get("negation") else None,
        "unrealised": re.compile(data["unrealised"]) if data.get("unrealised") else None,
        "clause": re.compile(data["clause"]) if data.get("clause") else None,
        "status": {name: re.compile(rx) for name, rx in (data.get("status") or {}).items()},
    }


def clause_before(folded: str, start: int, language: str) -> str:
    """The part of the trigger's clause before the trigger: the text after the last clause break or
    comma ("Kazakhstan, which is not a member, took part" takes part)."""
    head = folded[:start]
    rx = _cues(language)["clause"]
    cut = max((m.end() for m in rx.finditer(head)), default=0) if rx else 0
    return head[max(cut, head.rfind(",") + 1) :]


def clause_span(folded: str, start: int, end: int, language: str) -> tuple[int, int]:
    """The offsets of the clause around [start, end) of the sentence."""
    rx = _cues(language)["clause"]
    if rx is None:
        return 0, len(folded)
    begin = max((m.end() for m in rx.finditer(folded[:start])), default=0)
    after = rx.search(folded, end)
    return begin, after.start() if after else len(folded)


def negated(folded: str, start: int, end: int, language: str, reach: int = 4) -> bool:
    """Whether a negation cue stands among the `reach` words before the trigger, in its clause, or inside it."""
    rx = _cues(language)["negation"]
    if rx is None:
        return False
    words = clause_before(folded, start, language).split()[-reach:]
    return bool(rx.search(" ".join(words)) or rx.search(folded[start:end]))


def unrealised(folded: str, start: int, language: str) -> bool:
    """Whether the trigger's clause speaks of what was meant to happen rather than what happened."""
    rx = _cues(language)["unrealised"]
    return bool(rx and rx.search(clause_before(folded, start, language)))


def unrealised_cues(folded: str, language: str) -> list[re.Match[str]]:
    """Every cue of what was only meant to happen in `folded` ("was expected to", "devait", "должен был")."""
    rx = _cues(language)["unrealised"]
    return list(rx.finditer(folded)) if rx else []


def event_status(folded: str, language: str) -> str | None:
    """The status a sentence gives the event it speaks of: cancelled, postponed or planned (None: none said)."""
    found = _cues(language)["status"]
    for name in STATUSES:
        rx = found.get(name)
        if rx and rx.search(folded):
            return name
    return None
