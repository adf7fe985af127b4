"""The forces an exercise is named after take part in it.

News names an exercise by the troops that drill: "the exercise of the CSTO Collective Rapid Reaction
Force", "les manœuvres de la force de réaction rapide", "учение коллективных сил быстрого
развертывания". The body in the exercise head's complement (joined by "of", "de", or in Russian put in
the genitive right after the head) is one of its participants. A meeting's complement is another
matter: "the meeting of the Council of Defence Ministers" is the council's own (`names` makes that body
its organiser), so only heads whose kind is an exercise (`forum-kinds.yaml`) are read here. A body the
article makes a whole (others are its parts or members: "the CSTO" of "the exercise of the CSTO") is the
organisation that holds the exercise, not a force that drills, and is not taken.
"""

from __future__ import annotations

from .discover import lang_lexicon
from .kinds import kind_words
from .linker import ArticleMentions, Mention
from .statements import Found
from .tokens import Token

CONFIDENCE = 0.6


def troops_at_exercises(am: ArticleMentions, found: list[Found]) -> list[Found]:
    """(exercise, participant, body) for every body named as the complement of an exercise's head word,
    save one that `found` makes a whole of parts or members."""
    wholes = {f.object for f in found if f.predicate in ("cas:partOf", "cas:memberOf")}
    exercise_heads = {" ".join(word) for word, kind in kind_words(am.language) if kind == "Exercise"}
    lex = lang_lexicon(am.language)
    joining = set(lex["connectors"]) | set(lex["determiners"])
    out: list[Found] = []
    for index, mentions in enumerate(am.by_sentence):
        tokens = am.tokens[index]
        for forum in mentions:
            if forum.cls != "Forum" or forum.head not in exercise_heads:
                continue
            body = _complement(forum, mentions, tokens, joining, am.language)
            if body is not None and body.ref not in wholes:
                out.append(Found(forum.ref, "cas:participant", body.ref, index, CONFIDENCE, "frame.exercise-troops"))
    return out


def _complement(forum: Mention, mentions: list[Mention], tokens: list[Token], joining: set[str], language: str):
    """The body whose name starts right after the forum's head word, past connectors and determiners only
    (in Russian with no word between, in the genitive), inside the forum's name or right after it."""
    head = forum.head.split()
    end = next(
        (i + len(head) for i in range(forum.first, forum.last) if [t.key for t in tokens[i : i + len(head)]] == head),
        None,
    )
    if end is None:
        return None
    start = end
    while start < len(tokens) and tokens[start].key in joining and language != "ru":
        start += 1
    if language == "ru" and (start >= len(tokens) or "gent" not in tokens[start].tag):
        return None
    return next((m for m in mentions if m.cls == "Institution" and m.first == start and m is not forum), None)
