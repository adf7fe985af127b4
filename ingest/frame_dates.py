"""The day of an event the article names together with a date but tells with no verb of holding.

"la visite du ministre en Ouzbékistan, du 3 au 5 avril", "выступая на сессии Генеральной
Ассамблеи ООН в марте 2015 г.", "the ministers' meeting of 12 March": the sentence dates the event it names
without one of the trigger verbs of `patterns/LANG.yaml` ("held", "s'est tenu", "состоялся"). An event that
no trigger dated takes the first date the article gives in the same clause or list item as its name
(`dates.dated_events`), unless that clause is negated or only meant to happen. A date a trigger gave always
wins: this reading is weaker, and the statement says so by its confidence.
"""

from __future__ import annotations

from datetime import date

from .dates import dated_events, find_dates
from .mentions import ArticleMentions
from .negation import event_status, negated, unrealised
from .statements import Found

DATED = "cas:date"
STATUS = "cas:eventStatus"


def named_with_a_date(am: ArticleMentions, found: list[Found], published: date | None) -> list[Found]:
    """cas:date for each forum no statement dates yet, from the first sentence that names it in the clause
    of a date by its name (not by a word that refers back to it, "the meeting", which may be another one's). A
    date whose clause names an event already dated is that event's; a cancelled or postponed
    event has no day (what the article gives is the day it was planned for)."""
    dated = {f.subject for f in found if f.predicate == DATED}
    dated |= {f.subject for f in found if f.predicate == STATUS and f.object[0] in ("cancelled", "postponed")}
    out: list[Found] = []
    for index, mentions in enumerate(am.by_sentence):
        forums = [m for m in mentions if m.cls == "Forum" and m.top]
        if all(m.ref in dated for m in forums):
            continue
        sentence, folded = am.sentences[index], am.folded[index]
        days = find_dates(sentence.text, am.language)
        if not days:
            continue
        spans = [(m.start - sentence.start, m.end - sentence.start, m) for m in forums]
        ahead = event_status(folded, am.language) == "planned"
        for mention, day in dated_events(sentence.text, days, spans):
            if (
                mention is None
                or mention.ref in dated
                or mention.how == "anaphor"
                or _not_asserted(folded, day.start, am.language)
            ):
                continue
            dated.add(mention.ref)
            out.append(Found(mention.ref, DATED, day.iso(published, ahead), index, 0.45, "frame.named-with-date"))
    return out


def _not_asserted(folded: str, at: int, language: str) -> bool:
    """Whether the date stands in a negated clause or one about what was only meant to happen."""
    return negated(folded, at, at, language) or unrealised(folded, at, language)
