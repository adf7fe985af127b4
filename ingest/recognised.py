"""Names the language models read, and corrections they allow: people no title announces, bounds
of names that ran on into a person's, people that are not, descriptions that name nothing known.

Called by `mentions.find_mentions` for each sentence, after the gazetteer, the cue words and the
titles have had their say.
"""

from __future__ import annotations

import re

from .descriptions import describes
from .discover import head_at, rank_words
from .language import Sentence
from .linker import ArticleMentions, Linker, Mention, choose, span_text, strip_determiner
from .nominative import name_case, person_name
from .reading import Name
from .tokens import Token

NAME_CLASSES = {"PER": ("Person",), "LOC": ("State", "Place"), "ORG": ("Institution",)}
MINTED_FROM_NAMES = ("PER",)  # the kinds of recognised name that become new people when unknown (places: LOC)
_NAME_TOKEN = re.compile(r"^[\w’'.-]+$")


def _recognised(
    index: int, sentence: Sentence, tokens: list[Token], names: list[Name], linker: Linker, mentions: list[Mention]
) -> None:
    """Names the recogniser found that nothing else did: linked to a known entity of a fitting class
    by the gazetteer, else minted when the name is clean; a known state or place read inside a
    person's name ("Dominique" in "Dominique de Villepin") is not that state."""
    for name in names:
        span = [
            i
            for i, t in enumerate(tokens)
            if name.start <= t.start - sentence.start and t.end - sentence.start <= name.end
        ]
        if not span:
            continue
        first, last = span[0], span[-1] + 1
        first = strip_determiner(tokens, first, last, linker.lex)
        while last > first and not tokens[last - 1].is_word:
            last -= 1
        # a known state or body before or after a person's name is not part of it ("Kyrgyzstan Sadyr Japarov")
        for m in sorted(mentions, key=lambda m: m.first):
            rest = tokens[m.last : last]
            if name.label == "PER" and m.cls in ("State", "Institution") and m.first <= first < m.last < last - 1:
                first = m.last if rest[0].is_cap else first
        for m in sorted(mentions, key=lambda m: -m.last):
            if name.label == "PER" and m.cls in ("State", "Institution") and first < m.first < last <= m.last:
                last = m.first
        inside = [m for m in mentions if m.first < last and first < m.last]
        corrected = name.label == "PER" and last - first >= 2
        corrected = corrected and _correct_bounds(inside, first, last, sentence, tokens, linker)
        inside = [m for m in mentions if m.first < last and first < m.last]
        places = [m for m in inside if m.how == "known" and m.cls in ("State", "Place") and first <= m.first]
        if (
            name.label == "PER"
            and places
            and last - first >= 2
            and all(m.last < last for m in places)
            # the rest is the person the title announced ("M. Dominique de Villepin")
            and all(m in places or m.cls == "Person" for m in inside)
        ):
            mentions[:] = [m for m in mentions if m not in places]
            inside = [m for m in inside if m not in places]
            linker.dropped.update(m.ref for m in places)  # not in the article unless named elsewhere
        if corrected:
            continue
        if inside or not name.label or last - first > 6:
            continue
        first, least = _name_start(tokens, first, last, linker)
        words = tokens[first:last]
        if (
            not all(_NAME_TOKEN.match(t.text) for t in words)
            or not words[0].is_cap
            or words[-1].key in linker.lex["determiners"]
        ):
            continue
        text = span_text(sentence, tokens, first, last)
        classes = NAME_CLASSES[name.label]
        known = [k for k in linker.gaz.lookup(text) if k.cls in classes]
        if known:
            ref = linker.known(choose(tuple(known)))
            how = "known"
        elif name.label in MINTED_FROM_NAMES and _clean_person(words, least) and not _title_only(words, linker):
            label = person_name(words, linker.language)
            surname = name_case(words[-1].text)
            ref = linker.resolve(linker.aliases.get(surname) or linker.mint("Person", label))
            linker.note(ref, "Person", label)
            linker.aliases.setdefault(surname, ref)
            how = "new"
        elif name.label == "LOC" and _clean_place(words) and _placed(tokens, first, last, sentence, linker):
            ref = linker.resolve(linker.aliases.get(_place_key(words)) or linker.mint("Place", text))
            linker.note(ref, "Place", text)
            linker.aliases.setdefault(_place_key(words), ref)  # "Термез" after "Термезе": one place
            how = "new"
        else:
            continue
        mentions.append(
            Mention(index, first, last, tokens[first].start, tokens[last - 1].end, text, linker.classes[ref], ref, how)
        )
    _unlikely_people(names, tokens, sentence, linker, mentions)
    mentions.sort(key=lambda m: (m.first, -(m.last - m.first)))


def person_starts(tokens: list[Token], sentence: Sentence, names: list[Name]) -> frozenset[int]:
    """The tokens where the recogniser reads a person's name begin: where a title's complement of
    capitalised words ends ("Regional Director for Europe | Hans Kluge", `person_spans.py`)."""
    starts = {n.start for n in names if n.label == "PER"}
    return frozenset(i for i, t in enumerate(tokens) if t.start - sentence.start in starts)


GENERIC_CLASSES = ("Agreement", "Forum", "Initiative", "Resolution", "Mission")


def _generic_links(result: ArticleMentions, linker: Linker) -> None:
    """A known event or agreement named only by a description ("the border treaty", "договор о
    границе", "table ronde régionale") is that entity only if the article also names it: otherwise
    the description is of an entity of its own, when it has a head word, or of nothing."""
    mentions = [(m, result.tokens[m.sentence]) for m in result.all()]
    named = {
        m.ref
        for m, tokens in mentions
        if m.how in ("known", "nested") and not describes(tokens, m.first, m.last, linker.language)
    }
    for m, tokens in mentions:
        cls = linker.classes.get(m.ref)
        if (
            m.how != "known"
            or cls not in GENERIC_CLASSES
            or m.ref in named
            or not describes(tokens, m.first, m.last, linker.language)
        ):
            continue
        linker.dropped.add(m.ref)
        same = result.by_sentence[m.sentence]
        longer = [o for o in same if o.how == "new" and o.first <= m.first and m.last <= o.last and o is not m]
        headed = any(
            (h := head_at(tokens, i, linker.lex)) and h[1].split("/")[0] == cls for i in range(m.first, m.last)
        )
        if not headed or any(linker.classes.get(o.ref) == cls for o in longer):
            # a phrase with no head word names nothing ("separatism and extremism"); a longer
            # description found around it is the entity ("border treaty in Beijing")
            same.remove(m)
            continue
        ref = linker.mint(cls, m.text)
        linker.labels.setdefault(ref, m.text)
        linker.classes.setdefault(ref, cls)
        m.ref, m.how = ref, "new"


def _unlikely_people(
    names: list[Name], tokens: list[Token], sentence: Sentence, linker: Linker, mentions: list[Mention]
) -> None:
    """A new person found after a title is dropped when the recogniser reads an organisation or a
    place there ("Kyrgyzstan Airports Inc.") and no person, or when morphology says a one-word
    name is no noun (the ordinal "Первого" after a title)."""
    for m in [m for m in mentions if m.how == "person" and m.ref in linker.minted and m.ref not in linker.offices]:
        start, end = m.start - sentence.start, m.end - sentence.start
        over = {n.label for n in names if n.start < end and start < n.end}
        word = tokens[m.first]
        not_a_noun = m.last - m.first == 1 and word.tag != "" and "NOUN" not in word.tag  # "Первого"
        if "PER" in over or not (over & {"ORG", "LOC"} or not_a_noun):
            continue
        mentions.remove(m)
        linker.dropped.add(m.ref)
        linker.rejected.add(m.ref)


def _correct_bounds(
    inside: list[Mention], first: int, last: int, sentence: Sentence, tokens: list[Token], linker: Linker
) -> bool:
    """Bounds of new names the recogniser corrects with a person's name [first, last): a discovered
    name that ran on into it ends where it begins ("Chief of the CSTO Joint Staff | Anatoly
    Sidorov"); a person's name cut short at a particle runs to its end ("Dominique" -> "Dominique
    de Villepin"). True when the person's name is now a mention."""
    for m in inside:
        if m.how == "new" and m.first < first < m.last <= last:
            _reshape(m, m.first, first, sentence, tokens, linker)
    for m in inside:
        cut_short = m.how == "person" and m.first == first and m.last < last and m.ref in linker.minted
        if cut_short and _clean_person(tokens[first:last]):
            _reshape(m, first, last, sentence, tokens, linker)
            return True
    return False


def _reshape(m: Mention, first: int, last: int, sentence: Sentence, tokens: list[Token], linker: Linker) -> None:
    """A new name whose bounds the recogniser corrects: one that ran on into a person's name ends
    where the person's name begins; a person's name cut short at a particle runs to its end."""
    m.first, m.last, m.start, m.end = first, last, tokens[first].start, tokens[last - 1].end
    m.text = span_text(sentence, tokens, first, last)
    label = person_name(tokens[first:last], linker.language) if m.cls == "Person" else m.text
    ref = linker.mint(m.cls, label)
    if ref != m.ref:
        linker.note(ref, m.cls, label, m.head)
        linker.same[m.ref] = ref
        m.ref = ref


def _title_only(words: list[Token], linker: Linker) -> bool:
    """Words that are all of titles and ranks ("Defence Minister" in "N, Kazakhstan's Defence Minister,"):
    an office named, not a person's name."""
    return all(t.key in rank_words(linker.language) for t in words)


def _clean_place(words: list[Token]) -> bool:
    """One to three capitalised words, no acronym, no digit: a place's name ("Matyboulak", "Термезе"),
    not an organisation's acronym the model read as a place."""
    return 1 <= len(words) <= 3 and all(
        t.is_cap and not t.is_upper and not any(c.isdigit() for c in t.text) for t in words
    )


_DATELINE_AFTER = re.compile(r"\s*(?:/|,\s*\d)")


def _placed(tokens: list[Token], first: int, last: int, sentence: Sentence, linker: Linker) -> bool:
    """Whether the text puts the name where something is or happens: right after a locative ("à
    Matyboulak", "в Термезе", "near Osh"), and not in a date line ("Paris, 07 juin 2002", "Paris /
    La Gazette"). A model's place read elsewhere is too often a common noun or a fragment ("chefs
    d'État", "Советского Союза") to mint."""
    k = first - 1
    while k >= 0 and tokens[k].key in linker.lex["determiners"]:
        k -= 1
    after = sentence.text[tokens[last - 1].end - sentence.start :]
    return k >= 0 and tokens[k].key in linker.lex["locative"] and not _DATELINE_AFTER.match(after)


def _place_key(words: list[Token]) -> str:
    """What every case form of a place's name shares (Russian lemmas)."""
    return " ".join(t.lemma for t in words)


def _name_start(tokens: list[Token], first: int, last: int, linker: Linker) -> tuple[int, int]:
    """Where a person's name starts past the ranks and honorifics before it ("Army General Sergei Shoigu",
    "M. Tokaïev", "Mr. Smith": they are no part of the name), and the fewest words the name must have:
    one after an honorific (a surname), else two, as one word alone is too weak a sign of a person."""
    while last - first > 2 and tokens[first].key in rank_words(linker.language):
        first += 1
    start = first
    while last - first > 1 and tokens[first].key in linker.lex["honorific_keys"]:
        first += 1
        if last - first > 1 and tokens[first].text == ".":
            first += 1
    return first, 1 if first > start else 2


def _clean_person(words: list[Token], least: int = 2) -> bool:
    """`least` (two) to four capitalised words, no acronym, no digit: a person's name, not a fragment."""
    return least <= len(words) <= 4 and all(
        (t.is_cap or t.key in ("de", "da", "van", "von", "bin", "ul", "al"))
        and (not t.is_upper or t is words[-1] and len(words) >= 2 and len(t.text) > 2)  # "Emomali RAHMON"
        and not any(c.isdigit() for c in t.text)
        for t in words
    )
