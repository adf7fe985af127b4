"""The event a sentence speaks of, so that a frame (participants, organiser, place, day, what was
discussed or signed) is filled across the sentences that tell of one event.

A sentence that names a forum speaks of it (the first named); the next FOCUS_SPAN sentences still
do ("The parties signed...", "Participants discussed..."). Keeping the article's main event in
focus to the end of the article was measured and dropped: it gave places, days and participants of
the background ("in the past, peacekeepers served in Lebanon") to the event. What was discussed is
read further (`frame_focus`): up to the next naming of the same forum, and wherever the meeting's own
parties speak.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from .lexicon import lexicon, pattern_regex
from .mentions import FOCUS_SPAN, ArticleMentions
from .records import Ref
from .tokens import fold

if TYPE_CHECKING:  # statements reads the event focus from here
    from .statements import Found


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
    was said there ("At the conclusion of the meeting, ...") was still telling of it; and a sentence
    whose subject is the meeting's parties."""
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
    return _not_another_time(am, _told_by_its_parties(am, _past_the_background(am, out)))


def _past_the_background(am: ArticleMentions, out: list[Ref | None]) -> list[Ref | None]:
    """A forum named only as the time or the matter of what the meeting in focus did ("The results of the joint
    exercise were approved", "au lendemain du Sommet d'Almaty", "по итогам учений", `background_forum` of
    `patterns/LANG.yaml`) does not take the frame from it: what that sentence and the ones after it say was
    dealt with is still the meeting's."""
    cue = pattern_regex(am.language, "background_forum")
    if cue is None:
        return out
    result = list(out)
    frame: Ref | None = None
    shadow: set[Ref] = set()
    for index, mentions in enumerate(am.by_sentence):
        sentence = am.sentences[index]
        others = [m for m in mentions if m.cls == "Forum" and m.top and m.ref != frame]
        if (
            frame is not None
            and others
            and all(cue.search(fold(sentence.text[: m.start - sentence.start])) for m in others)
        ):
            shadow |= {m.ref for m in others}
            result[index] = frame
        elif others or out[index] not in shadow:
            shadow = set()
        else:
            result[index] = frame
        frame = result[index]
    return result


def _not_another_time(am: ArticleMentions, out: list[Ref | None]) -> list[Ref | None]:
    """A sentence that names no forum and opens on another time than the meeting's ("Last year, the two
    countries signed…", "Ранее стороны подписали…", `elsewhen` of `patterns/LANG.yaml`) tells of the
    background: what it says was signed or dealt with was not at the meeting in focus."""
    elsewhen = pattern_regex(am.language, "elsewhen")
    if elsewhen is None:
        return out
    return [
        None if elsewhen.match(am.folded[index]) and not any(m.cls == "Forum" for m in am.by_sentence[index]) else ref
        for index, ref in enumerate(out)
    ]


def _told_by_its_parties(am: ArticleMentions, out: list[Ref | None]) -> list[Ref | None]:
    """A sentence out of focus whose subject is the meeting's own parties ("The sides also discussed…", "Les
    parties ont également évoqué…", "Стороны также обсудили…") still tells of the last forum named, however
    many sentences of who came and what was signed lie between (`parties` of `patterns/LANG.yaml`)."""
    parties = pattern_regex(am.language, "parties")
    named: Ref | None = None
    for index, mentions in enumerate(am.by_sentence):
        forums = [m.ref for m in mentions if m.cls == "Forum"]
        if forums:
            named = forums[0]
        elif out[index] is None and named is not None and parties is not None and parties.search(am.folded[index]):
            out[index] = named
    return out


def venue_states(found: list[Found], classes: dict[Ref, str]) -> list[Found]:
    """The state of an event's town when the sentence that places the event there names it too
    ("à Khodjent (Tadjikistan)", "в Актау Мангистауской области Казахстана"): the event was held in
    that state as well."""
    located = {(f.subject, f.sentence): f.object for f in found if f.predicate == "cas:locatedIn"}
    out = []
    for f in found:
        if f.predicate == "cas:hostedIn" and classes.get(f.object) == "Place":
            state = located.get((f.object, f.sentence))
            if state is not None and classes.get(state) == "State":
                out.append(replace(f, object=state, confidence=0.5, extractor="frame.venue-state"))
    return out


@cache
def _regions() -> frozenset[Ref]:
    """The places of `lexicons/places.yaml` that several states share (`region: true`)."""
    return frozenset(Ref("place", key) for key, entry in lexicon("places").items() if entry.get("region"))


def held_in_no_region(found: list[Found]) -> list[Found]:
    """`found` without venues that are regions several states share: an event is held in a town, a site or a
    state, and "the first regional forum on peace operations in Central Asia", "high-level meetings in
    Central Asia" name what the event is about or the area a tour covered, not where it sat."""
    regions = _regions()
    return [f for f in found if not (f.predicate == "cas:hostedIn" and f.object in regions)]
