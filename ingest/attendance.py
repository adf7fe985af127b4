"""Who is present at the event in focus: the people named in the sentences that tell of it.

News names an event once and then its people in the next sentences, each with a verb of its own
("The meeting was attended by…", "Москва была представлена на нем секретарем Совбеза X", "les
quatre présidents invités: le Russe X, …", "The ministers arrived in Bishkek"). No trigger list
can hold every such verb, but the frame can: a person named with a title or an office in a
sentence while an event is in focus (`frames.event_focus`: the sentence names it or follows it
closely) takes part in it, at a lower confidence than a stated participation. A sentence that
also names another forum is left out (its people may belong to either), and so is a person whose
clause denies it ("did not attend"), a sentence that calls the event off, and a person the sentence
quotes as its source ("according to X", "по словам X", "X, a spokesman, told reporters"): a source
speaks of the event, often from afar, and measured, such people were not among its participants.

States and organisations named in event sentences are not taken this way: they are topics as
often as parties ("clashes on the borders of Tajikistan"); measured, taking them lowered the
score on the articles that did not motivate the rule. A state an official's title governs is
another matter (`officials_at_event`): "the Defence Ministers of Russia, Belarus… arrived", "le
sommet des présidents du Kazakhstan, du Kirghizistan…", "министры обороны России и Белоруссии",
"his counterparts from X and Y" name the states whose officials are there.
"""

from __future__ import annotations

import re
from functools import cache

from .discover import lang_lexicon
from .frames import event_focus
from .lexicon import lexicon
from .linker import ArticleMentions, Mention
from .lists import listed
from .negation import clause_span, event_status, negated, unrealised, unrealised_cues
from .records import Ref
from .statements import Found
from .titles import plural_title_at, title_at


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
        if _absent(am, index, person.ref) or _source(am, index, person.ref):
            continue
        out.append(Found(event, "cas:participant", person.ref, index, 0.5, "frame.present"))
    return out


def officials_at_event(am: ArticleMentions) -> list[Found]:
    """(event in focus, participant, state) for every state, or list of states, that an official's title
    governs in a sentence while the event is in focus ("Defence Ministers of A, B and C", "ses homologues
    du A et du B", "президентов A, B и C"), also inside the event's name ("the summit of the presidents
    of A, B and C")."""
    focus = event_focus(am)
    lex = lang_lexicon(am.language)
    joining = set(lex.get("title_of") or ()) | set(lex["determiners"])
    out: list[Found] = []
    for index, event in enumerate(focus):
        mentions = am.by_sentence[index]
        if event is None or any(m.cls == "Forum" and m.ref != event for m in mentions):
            continue
        states = [m for m in mentions if m.cls == "State" and (m.top or m.outer.cls == "Forum")]
        tokens, sentence = am.tokens[index], am.sentences[index]
        for i in range(len(tokens)):
            size = _official_at(tokens, i, am.language, lex["counterparts"])
            if not size:
                continue
            j = i + size
            while j < len(tokens) and tokens[j].key in joining:
                j += 1
            head = next((m for m in states if j < len(tokens) and m.start == tokens[j].start), None)
            if head is None:
                continue
            at = (tokens[i + size - 1].end,) * 2
            for state in listed(states, [head], sentence, at, "after", am.language):
                if not (_absent(am, index, state.ref) or _quoted(am, index, state)):
                    out.append(Found(event, "cas:participant", state.ref, index, 0.5, "frame.officials"))
    return out


def _official_at(tokens, i: int, language: str, counterparts) -> int:
    """How many tokens an official's title (singular or plural, or a word for a counterpart) takes at `i`."""
    found = title_at(tokens, i, language) or plural_title_at(tokens, i, language)
    if found is not None and found[1] == "titles":
        return found[0]
    key = tokens[i].key
    return 1 if key in counterparts or key.removesuffix("s") in counterparts else 0


def _absent(am: ArticleMentions, index: int, person: Ref) -> bool:
    """Whether the sentence denies the person's presence: a negation or modality cue in the person's clause ("X
    did not attend", "X n'a pas assisté", "X was to attend"), or the event called off ("the meeting was cancelled")."""
    folded = am.folded[index]
    if event_status(folded, am.language) in ("cancelled", "postponed"):
        return True
    start = am.sentences[index].start
    for m in am.by_sentence[index]:
        if m.ref == person:
            begin, end = clause_span(folded, m.start - start, m.end - start, am.language)
            # a cue anywhere in the clause: "X did not attend", "X was unable to attend", "X was expected to attend"
            return negated(folded, begin, end, am.language, reach=0) or _meant_to(am, index, m)
    return False


def _meant_to(am: ArticleMentions, index: int, m: Mention) -> bool:
    """Whether the person was only meant to be there: a modality cue opens their clause before them ("должны были
    принять участие лидеры X") or is their own verb, at most two words after the name ("X was expected to
    attend", "X devait y participer", "X должен был"); a modal further on is another clause's ("X said the
    region could…")."""
    folded, start = am.folded[index], am.sentences[index].start
    if unrealised(folded, m.start - start, am.language):
        return True
    after = folded[m.end - start :]
    return any(len(after[: cue.start()].split()) <= 2 for cue in unrealised_cues(after, am.language))


@cache
def _source_cues(language: str) -> tuple[re.Pattern[str] | None, ...]:
    data = lexicon("modality").get(language) or {}
    keys = ("source_before", "source_after", "sender_before")
    return tuple(re.compile(data[key]) if data.get(key) else None for key in keys)


def _source(am: ArticleMentions, index: int, person: Ref) -> bool:
    """Whether the sentence names the person only as the source of what it reports
    (`lexicons/modality.yaml`); one also named acting ("X signed…, according to X's press service") is there."""
    named = [m for m in am.by_sentence[index] if m.ref == person]
    return bool(named) and all(_quoted(am, index, m) for m in named)


def _quoted(am: ArticleMentions, index: int, m: Mention) -> bool:
    """Whether this mention is named as the source of what the sentence reports ("по словам министра обороны РК"),
    or as the one who sent what reached the event ("a message from President X", "предложение президента X")."""
    folded, start = am.folded[index], am.sentences[index].start
    before, after, sender = _source_cues(am.language)
    ahead, behind = folded[: m.start - start], folded[m.end - start :]
    quoted = before and before.search(ahead) and not _POSSESSIVE.match(behind) or after and after.search(behind)
    return bool(quoted or sender and sender.search(ahead))


_POSSESSIVE = re.compile(r"['’]s\b")  # "according to X's press service": the service speaks, not X
