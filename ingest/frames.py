"""The event a sentence speaks of, so that a frame (participants, organiser, place, day, what was
discussed or signed) is filled across the sentences that tell of one event.

A sentence that names a forum speaks of it (the first named); the next FOCUS_SPAN sentences still
do ("The parties signed...", "Participants discussed..."). Keeping the article's main event in
focus to the end of the article was measured and dropped: it gave places, days and participants of
the background ("in the past, peacekeepers served in Lebanon") to the event.
"""

from __future__ import annotations

from .mentions import FOCUS_SPAN, ArticleMentions
from .records import Ref


def event_focus(am: ArticleMentions) -> list[Ref | None]:
    """For each sentence, the forum it speaks of (None: no event in focus)."""
    out: list[Ref | None] = []
    focus: Ref | None = None
    focus_at = 0
    for index, mentions in enumerate(am.by_sentence):
        forums = [m.ref for m in mentions if m.cls == "Forum"]
        if forums:
            focus, focus_at = forums[0], index
        elif focus is not None and index - focus_at > FOCUS_SPAN:
            focus = None
        out.append(focus)
    return out


def frame_focus(am: ArticleMentions) -> list[Ref | None]:
    """`event_focus`, and also every sentence between two namings of the same forum with no other forum
    named between them: an article that comes back to "the meeting" after several sentences of what
    was said there ("At the conclusion of the meeting, ...") was still telling of it."""
    out = event_focus(am)
    last: tuple[int, Ref] | None = None
    for index, mentions in enumerate(am.by_sentence):
        forums = [m.ref for m in mentions if m.cls == "Forum"]
        if not forums:
            continue
        if last is not None and forums[0] == last[1]:
            for gap in range(last[0] + 1, index):
                out[gap] = out[gap] or last[1]
        last = (index, forums[-1])
    return out
