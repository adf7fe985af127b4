"""Who is present at the event in focus: the people named in the sentences that tell of it.

News names an event once and then its people in the next sentences, each with a verb of its own
("The meeting was attended by…", "Москва была представлена на нем секретарем Совбеза X", "les
quatre présidents invités: le Russe X, …", "The ministers arrived in Bishkek"). No trigger list
can hold every such verb, but the frame can: a person named with a title or an office in a
sentence while an event is in focus (`frames.event_focus`: the sentence names it or follows it
closely) takes part in it, at a lower confidence than a stated participation. A sentence that
also names another forum is left out: its people may belong to either.

States and organisations are not taken this way: they are named in event sentences as topics as
often as as parties ("clashes on the borders of Tajikistan"); measured, taking them lowered the
score on the articles that did not motivate the rule.
"""

from __future__ import annotations

from .frames import event_focus
from .linker import ArticleMentions
from .statements import Found


def present_at_event(am: ArticleMentions) -> list[Found]:
    """(event in focus, participant, person) for every titled person named while an event is in focus."""
    focus = event_focus(am)
    out: list[Found] = []
    for index, person in am.people:
        event = focus[index]
        if event is None or person.ref is None:
            continue
        if any(m.cls == "Forum" and m.ref != event for m in am.by_sentence[index]):
            continue
        out.append(Found(event, "cas:participant", person.ref, index, 0.5, "frame.present"))
    return out
