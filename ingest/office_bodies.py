"""The body named in an attending official's title stands for its state, not for itself.

"The talks were attended by X, Chief of the General Staff of the Armed Forces of Kazakhstan", "на
совещании выступил командующий Центральным военным округом генерал-майор X": the general staff or the
district is where the official works, named to say who he is; the party at the event is the official
and the state he serves, not a department of that state. A participant that is a state's body
(`cas:belongsToState`) and the office of a person who takes part in the same event in the same
sentence is therefore read as its state, also through the bodies it is part of ("the General Staff of
the Armed Forces of X": the general staff is part of the armed forces, which are X's). A body of no
known state stays as it is: an international organisation's office (a UN centre, a regional
anti-terrorist structure) takes part in its own right.
"""

from __future__ import annotations

from dataclasses import replace

from .records import Ref
from .statements import Found


def offices_as_states(found: list[Found], classes: dict[Ref, str]) -> list[Found]:
    """`found` with each participating state body that is an attending official's office replaced by its state."""
    state_of = _states_of_bodies(found, classes)
    offices = {
        (f.subject, f.object)
        for f in found
        if f.predicate == "cas:affiliatedWith" and classes.get(f.subject) == "Person"
    }
    present = {
        (f.subject, f.sentence, f.object)
        for f in found
        if f.predicate == "cas:participant" and classes.get(f.object) == "Person"
    }
    out = []
    for f in found:
        state = state_of.get(f.object) if f.predicate == "cas:participant" else None
        if state is not None and classes.get(f.object) == "Institution":
            officials = {p for event, index, p in present if event == f.subject and index == f.sentence}
            if any((p, f.object) in offices for p in officials):
                f = replace(f, object=state, extractor=f.extractor + "+office-state")
        out.append(f)
    return out


def _states_of_bodies(found: list[Found], classes: dict[Ref, str]) -> dict[Ref, Ref]:
    """The state each body belongs to, directly or through the bodies it is part of."""
    state = {
        f.subject: f.object for f in found if f.predicate == "cas:belongsToState" and classes.get(f.object) == "State"
    }
    whole = {
        f.subject: f.object for f in found if f.predicate == "cas:partOf" and classes.get(f.subject) == "Institution"
    }
    for body in whole:
        seen, up = {body}, whole[body]
        while up not in state and up in whole and whole[up] not in seen:
            seen.add(up)
            up = whole[up]
        if body not in state and up in state:
            state[body] = state[up]
    return state
