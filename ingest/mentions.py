"""Mentions of entities in one article: gazetteer hits, discovered names, people, aliases, anaphora.

Each sentence is tokenised once; known names come first (the gazetteer), then names around cue
words (`discover`), then people with titles (`people`). Linking happens per article: a
discovered name that is a known name or carries a known acronym is that entity; a bare definite
head ("the summit", "cette rencontre") refers back to the latest entity of its class with the
same head, else of its class; acronyms in brackets and people's surnames become aliases for
the rest of the article. New entities get a stable key from their class and name.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from .discover import OPENING, Candidate, discover, head_at, lang_lexicon
from .gazetteer import Gazetteer, Known, Match
from .language import Sentence
from .people import Person, find_people
from .reading import Name, read
from .records import Ref
from .slug import slug
from .tokens import Token, fold, tokenize

EVENT_CLASSES = ("Forum",)  # classes whose unnamed and named mentions are merged within a story
FOCUS_SPAN = 2  # an event stays in focus this many sentences after it was last named
_ORDINAL_WORDS = re.compile(r"^(first|second|third|\w+th|premier|premiere|\w+ieme|перв\w+|втор\w+|трет\w+|\w+ый)$")


@dataclass
class Mention:
    """One mention in one sentence: tokens [first, last), its class and the entity it names."""

    sentence: int
    first: int
    last: int
    start: int
    end: int
    text: str
    cls: str
    ref: Ref
    how: str  # "known", "nested" (known, inside a known name), "new", "anaphor", "alias", "person"
    head: str = ""  # the head word's key for discovered names
    candidate: Candidate | None = None
    outer: Mention | None = None  # the mention this one is nested in

    @property
    def top(self) -> bool:
        return self.outer is None


@dataclass
class ArticleMentions:
    """Every mention of an article, sentence by sentence, and what is known of each entity."""

    sentences: list[Sentence]
    tokens: list[list[Token]]
    by_sentence: list[list[Mention]] = field(default_factory=list)
    labels: dict[Ref, str] = field(default_factory=dict)
    classes: dict[Ref, str] = field(default_factory=dict)
    people: list[tuple[int, Person]] = field(default_factory=list)
    language: str = ""

    def all(self) -> list[Mention]:
        return [m for ms in self.by_sentence for m in ms]


def _strip_determiner(tokens: list[Token], first: int, last: int, lex: dict) -> int:
    while first < last - 1 and (tokens[first].key in lex["determiners"] or not tokens[first].is_word):
        first += 1
    return first


def _span_text(sentence: Sentence, tokens: list[Token], first: int, last: int) -> str:
    return sentence.text[tokens[first].start - sentence.start : tokens[last - 1].end - sentence.start]


class Linker:
    """Per-article state: the entities named so far, aliases, and the latest of each class."""

    def __init__(self, gazetteer: Gazetteer, language: str):
        self.gaz = gazetteer
        self.language = language
        self.lex = lang_lexicon(language)
        self.labels: dict[Ref, str] = {}
        self.classes: dict[Ref, str] = {}
        self.aliases: dict[str, Ref] = {}  # exact surface -> entity (acronyms, surnames)
        self.recent: list[tuple[str, str, Ref]] = []  # (class, head, ref), most recent last
        self.counts: Counter[Ref] = Counter()
        self.sentence = 0  # the sentence being read
        self.last_seen: dict[Ref, int] = {}  # entity -> the sentence it was last named in
        self.minted: set[Ref] = set()  # entities this article names that the gazetteer does not know
        self.same: dict[Ref, Ref] = {}  # a minted entity -> the entity it turned out to be
        self.office_holders: dict[tuple[str, Ref], Ref] = {}  # (role, of what) -> the person named with it
        self.dropped: set[Ref] = set()  # entities a mention was taken back from
        self.offices: set[Ref] = set()  # people named only by their office ("the President of Kazakhstan")
        self.rejected: set[Ref] = set()  # people found after a title that the recogniser does not read as people

    def note(self, ref: Ref, cls: str, label: str, head: str = "") -> None:
        self.labels.setdefault(ref, label)
        self.classes.setdefault(ref, cls)
        self.recent.append((cls, head, ref))
        self.counts[ref] += 1
        self.last_seen[ref] = self.sentence

    def resolve(self, ref: Ref) -> Ref:
        while ref in self.same:
            ref = self.same[ref]
        return ref

    def merge(self, one: Ref, other: Ref) -> None:
        """Two names of one entity: a minted one becomes the other (a known one wins)."""
        one, other = self.resolve(one), self.resolve(other)
        if one == other:
            return
        if one not in self.minted:
            one, other = other, one
        if one in self.minted:
            self.same[one] = other

    def in_focus(self, cls: str, span: int) -> Ref | None:
        """The latest entity of a class named in the last `span` sentences (the event being told)."""
        for c, _, ref in reversed(self.recent):
            if c == cls:
                return ref if self.sentence - self.last_seen[ref] <= span else None
        return None

    def known(self, known: Known) -> Ref:
        self.note(known.ref, known.cls, known.label)
        return known.ref

    def refer_back(self, cls: str, head: str) -> Ref | None:
        same_head = [r for c, h, r in reversed(self.recent) if c == cls and h == head and head]
        if same_head:
            return same_head[0]
        of_class = [r for c, _, r in self.recent if c == cls]
        if not of_class:
            return None
        return max(of_class, key=lambda r: (self.counts[r], -of_class.index(r)))

    def mint(self, cls: str, name: str) -> Ref:
        ref = Ref(cls.lower(), slug(name)[:80] or "name-" + hashlib.sha256(name.encode()).hexdigest()[:12])
        if ref not in self.gaz.entities:
            self.minted.add(ref)
        return ref


def find_mentions(sentences: list[Sentence], language: str, gazetteer: Gazetteer) -> ArticleMentions:
    """All mentions of an article's sentences, linked to known or new entities."""
    linker = Linker(gazetteer, language)
    result = ArticleMentions(sentences, [tokenize(s.text, s.start) for s in sentences], language=language)
    readings = read([s.text for s in sentences], language)
    for index, (sentence, tokens) in enumerate(zip(sentences, result.tokens, strict=True)):
        linker.sentence = index
        stops = frozenset(i for i, t in enumerate(tokens) if t.start - sentence.start in readings[index].stops)
        mentions = _sentence_mentions(index, sentence, tokens, linker, result, stops)
        _recognised(index, sentence, tokens, readings[index].names, linker, mentions)
        result.by_sentence.append(mentions)
    _generic_links(result, linker)
    result.people = [(i, p) for i, p in result.people if p.ref not in linker.rejected]
    linker.aliases = {a: r for a, r in linker.aliases.items() if r not in linker.rejected}
    _resolve(result, linker)
    _alias_pass(result, linker)
    named = {m.ref for m in result.all()} | {p.ref for _, p in result.people}
    for ref in linker.dropped - named:  # an entity none of whose mentions was kept is not in the article
        linker.labels.pop(ref, None)
        linker.classes.pop(ref, None)
    result.labels = linker.labels
    result.classes = linker.classes
    return result


def _resolve(result: ArticleMentions, linker: Linker) -> None:
    """Every mention of a merged entity names the entity it turned out to be."""
    if not linker.same:
        return
    for m in result.all():
        m.ref = linker.resolve(m.ref)
    for _, person in result.people:
        if person.ref is not None:
            person.ref = linker.resolve(person.ref)
    linker.aliases = {a: linker.resolve(r) for a, r in linker.aliases.items()}
    for ref in linker.same:
        linker.labels.pop(ref, None)
        linker.classes.pop(ref, None)


def _choose(candidates: tuple[Known, ...], prefer: str | None = None) -> Known:
    if prefer:
        for k in candidates:
            if k.cls == prefer:
                return k
    order = ("State", "Institution", "Person", "Mission", "Place", "Forum", "Agreement", "Resolution", "Initiative")
    return min(candidates, key=lambda k: order.index(k.cls) if k.cls in order else 99)


def _sentence_mentions(
    index: int,
    sentence: Sentence,
    tokens: list[Token],
    linker: Linker,
    result: ArticleMentions,
    stops: frozenset[int] = frozenset(),
) -> list[Mention]:
    gaz, lex = linker.gaz, linker.lex
    mentions: list[Mention] = []

    def add(first: int, last: int, cls: str, ref: Ref, how: str, head: str = "", cand=None) -> Mention:
        m = Mention(
            index,
            first,
            last,
            tokens[first].start,
            tokens[last - 1].end,
            _span_text(sentence, tokens, first, last),
            cls,
            ref,
            how,
            head,
            cand,
        )
        mentions.append(m)
        return m

    matches = gaz.match(tokens)
    known_idx = {i for m in matches for i in range(m.first, m.last)}
    spans = {(m.first, m.last) for m in matches}
    for m in matches:
        k = _choose(m.candidates)
        if k.cls in EVENT_CLASSES:
            _known_event(m, k, tokens, linker)
        add(m.first, m.last, k.cls, linker.known(k), "known")
        _nested_known(m, k, tokens, linker, add)
    for cand in discover(tokens, linker.language, known_idx, stops):
        head = " ".join(t.key for t in tokens[cand.head[0] : cand.head[1]])
        first = _strip_determiner(tokens, cand.first, cand.last, lex)
        inside = next((m for m in matches if m.first <= cand.head[0] < m.last), None)
        if inside is not None and (cand.last <= inside.last or cand.acronym or cand.anaphor):
            continue  # the head word is part of a known name, which names the thing ("Ministry of Defence (MoD)")
        if cand.anaphor:
            ref = linker.refer_back(cand.cls, head)
            if ref is not None:
                linker.note(ref, cand.cls, linker.labels[ref], head)
                add(first, cand.last, cand.cls, ref, "anaphor", head, cand)
            continue
        if (first, cand.last) in spans or any(m.first <= first and cand.last <= m.last for m in matches):
            continue
        text = _span_text(sentence, tokens, first, cand.last)
        same = [k for k in gaz.lookup(text) if k.cls == cand.cls] or (
            [k for k in gaz.lookup(cand.acronym) if k.cls == cand.cls] if cand.acronym else []
        )
        if cand.quoted:
            same = same or [k for k in gaz.lookup(cand.quoted) if k.cls == cand.cls]
        if same:
            ref = linker.known(same[0])
            linker.note(ref, cand.cls, linker.labels[ref], head)
            add(first, cand.last, cand.cls, ref, "known", head, cand)
            continue
        if first == cand.head[0] and cand.last == cand.head[1] and not (cand.acronym or cand.quoted):
            # a head word alone ("the Centre", "l'Organisation") is no name: it refers back, or to nothing
            ref = linker.refer_back(cand.cls, head)
            if ref is not None:
                linker.note(ref, cand.cls, linker.labels[ref], head)
                add(first, cand.last, cand.cls, ref, "anaphor", head, cand)
            continue
        name = cand.quoted or text
        if cand.acronym and text.endswith(")"):
            name = text[: text.rfind("(")].strip()
        named = cand.quoted or any(t.is_cap for t in tokens[first : cand.last] if t.key not in lex["determiners"])
        ref = None
        if cand.cls in ("Forum", "Mission") and not cand.quoted:
            # a second description of the event in focus ("joint tactical exercises") is that event
            ref = next((r for c, h, r in reversed(linker.recent) if c == cand.cls and h == head), None)
            if ref is not None and named and not linker.labels[ref][:1].isupper():
                linker.labels[ref] = name
        if ref is None and _describes_event_in_focus(cand, tokens, first, matches):
            ref = linker.in_focus(cand.cls, FOCUS_SPAN)
        if ref is None:
            ref = linker.mint(cand.cls, name)
        linker.note(ref, cand.cls, name, head)
        add(first, cand.last, cand.cls, ref, "new", head, cand)
        of_another = any(
            inside is not None
            and inside.last <= m.first
            and m.last <= cand.last
            and _choose(m.candidates).cls == "State"
            for m in matches
        )
        if of_another and first <= inside.first and _choose(inside.candidates).cls == cand.cls:
            # the known short name was only the head of a longer one, of a state ("Security Council | of
            # the Republic of Tajikistan" is not the UN Security Council): it names nothing here
            mentions[:] = [
                m
                for m in mentions
                if not (m.how in ("known", "nested") and inside.first <= m.first and m.last <= inside.last)
            ]
            linker.dropped.update(k.ref for k in inside.candidates)
        if cand.acronym:
            linker.aliases[cand.acronym] = ref
        if cand.quoted:
            linker.labels[ref] = cand.quoted
    for person in find_people(tokens, linker.language, mentions, gaz):
        result.people.append((index, person))
        holder = linker.office_holders.get((person.role, person.affiliation)) if person.office else None
        if person.known is not None:
            ref = linker.known(person.known)
        elif holder is not None:  # "the Tajik president" after "Tajik President Emomali Rahmon"
            ref = holder
            linker.note(ref, "Person", linker.labels[ref])
        else:
            ref = linker.mint("Person", person.name)
            linker.note(ref, "Person", person.name)
        if person.first is not None:
            mentions[:] = [
                m
                for m in mentions
                if not (m.first >= person.first and m.last <= person.last and m.cls not in ("State", "Institution"))
            ]
            add(person.first, person.last, "Person", ref, "person")
            for m in [m for m in mentions if m.how == "new" and m.first < person.first < m.last <= person.last]:
                _reshape(m, m.first, person.first, sentence, tokens, linker)  # "initiative of the President | Name"
        person.ref = ref
        if person.office:
            linker.offices.add(ref)
        if not person.office and person.role and person.affiliation is not None:
            linker.office_holders.setdefault((person.role, person.affiliation), ref)
        if person.surname and person.known is None:
            linker.aliases.setdefault(person.surname, ref)
    mentions.sort(key=lambda m: (m.first, -(m.last - m.first)))
    for m in mentions:  # the smallest mention that contains this one
        containers = [
            o
            for o in mentions
            if o is not m and o.first <= m.first and m.last <= o.last and (o.last - o.first) > (m.last - m.first)
        ]
        m.outer = min(containers, key=lambda o: o.last - o.first, default=None)
    _apposition(sentence, mentions, linker)
    return mentions


NAME_CLASSES = {"PER": ("Person",), "LOC": ("State", "Place"), "ORG": ("Institution",)}
MINTED_FROM_NAMES = ("PER",)  # the kinds of recognised name that become new entities when unknown
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
        first = _strip_determiner(tokens, first, last, linker.lex)
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
        if name.label == "PER" and last - first >= 2 and _correct_bounds(inside, first, last, sentence, tokens, linker):
            continue
        inside = [m for m in mentions if m.first < last and first < m.last]
        if (
            name.label == "PER"
            and inside
            and last - first >= 2
            and all(
                m.how == "known" and m.cls in ("State", "Place") and first <= m.first and m.last < last for m in inside
            )
        ):
            mentions[:] = [m for m in mentions if m not in inside]
            inside = []
        if inside or not name.label or last - first > 6:
            continue
        words = tokens[first:last]
        if (
            not all(_NAME_TOKEN.match(t.text) for t in words)
            or not words[0].is_cap
            or words[-1].key in linker.lex["determiners"]
        ):
            continue
        text = _span_text(sentence, tokens, first, last)
        classes = NAME_CLASSES[name.label]
        known = [k for k in linker.gaz.lookup(text) if k.cls in classes]
        if known:
            ref = linker.known(_choose(tuple(known)))
            how = "known"
        elif name.label in MINTED_FROM_NAMES and _clean_person(words):
            label = _person_name(words, linker.language)
            ref = linker.resolve(linker.aliases.get(words[-1].text) or linker.mint("Person", label))
            linker.note(ref, "Person", label)
            linker.aliases.setdefault(words[-1].text, ref)
            how = "new"
        else:
            continue
        mentions.append(
            Mention(index, first, last, tokens[first].start, tokens[last - 1].end, text, linker.classes[ref], ref, how)
        )
    _unlikely_people(names, tokens, sentence, linker, mentions)
    mentions.sort(key=lambda m: (m.first, -(m.last - m.first)))


GENERIC_CLASSES = ("Agreement", "Forum", "Initiative", "Resolution", "Mission")


def _generic(m: Mention, tokens: list[Token]) -> bool:
    """A description, not a name: no capital (but a sentence's first word), no digit, no quote."""
    words = tokens[m.first : m.last]
    return not any(
        (t.is_cap and i + m.first > 0) or any(c.isdigit() for c in t.text) or t.text in OPENING
        for i, t in enumerate(words)
    )


def _generic_links(result: ArticleMentions, linker: Linker) -> None:
    """A known event or agreement named only by a description ("the border treaty", "договор о
    границе", "table ronde régionale") is that entity only if the article also names it: otherwise
    the description is of an entity of its own, when it has a head word, or of nothing."""
    mentions = [(m, result.tokens[m.sentence]) for m in result.all()]
    named = {m.ref for m, tokens in mentions if m.how in ("known", "nested") and not _generic(m, tokens)}
    for m, tokens in mentions:
        cls = linker.classes.get(m.ref)
        if m.how != "known" or cls not in GENERIC_CLASSES or m.ref in named or not _generic(m, tokens):
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
    m.text = _span_text(sentence, tokens, first, last)
    label = _person_name(tokens[first:last], linker.language) if m.cls == "Person" else m.text
    ref = linker.mint(m.cls, label)
    if ref != m.ref:
        linker.note(ref, m.cls, label, m.head)
        linker.same[m.ref] = ref
        m.ref = ref


def _clean_person(words: list[Token]) -> bool:
    """Two to four capitalised words, no acronym, no digit: a person's name, not a fragment."""
    return 2 <= len(words) <= 4 and all(
        (t.is_cap or t.key in ("de", "da", "van", "von", "bin", "ul", "al"))
        and not t.is_upper
        and not any(c.isdigit() for c in t.text)
        for t in words
    )


def _person_name(words: list[Token], language: str) -> str:
    """The name as written; in Russian, each word in the nominative ("Сергеем Шойгу" -> "Сергей Шойгу")."""
    if language != "ru":
        return " ".join(t.text for t in words)
    return " ".join(_nominative(t.text) for t in words)


def _nominative(word: str) -> str:
    from .tokens import _morph

    for p in _morph().parse(word):
        if {"Name", "Surn", "Patr"} & set(str(p.tag).replace(" ", ",").split(",")):
            form = p.inflect({"nomn"})
            if form is not None:
                return "-".join(x.capitalize() for x in form.word.split("-"))
    return word


def _describes_event_in_focus(cand: Candidate, tokens: list[Token], first: int, matches: list[Match]) -> bool:
    """A definite description of an event without a name of its own ("The Central Asian summit", no
    number, no quoted name, no organisation's name in it) is the event the story is telling."""
    if cand.cls not in EVENT_CLASSES or not cand.definite or cand.quoted or cand.acronym:
        return False
    if any(any(c.isdigit() for c in t.text) or _ORDINAL_WORDS.match(t.key) for t in tokens[first : cand.last]):
        return False
    inside = [m for m in matches if first <= m.first and m.last <= cand.last]
    return not any(_choose(m.candidates).cls in ("Institution", "Forum") for m in inside)


def _apposition(sentence: Sentence, mentions: list[Mention], linker: Linker) -> None:
    """ "The exercise, dubbed Rubezh-2014": an event and the name it is given right after are one."""
    events = [m for m in mentions if m.cls in EVENT_CLASSES and m.outer is None]
    words = "|".join(re.escape(fold(w)) for w in linker.lex.get("apposition") or [])
    if len(events) < 2 or not words:
        return
    gap_re = re.compile(rf"\s*,?\s*(?:{words})\s*[«“\"„(]?\s*")
    for a, b in zip(events, events[1:], strict=False):
        gap = sentence.text[a.end - sentence.start : b.start - sentence.start]
        if a.ref != b.ref and gap_re.fullmatch(fold(gap)):
            linker.merge(a.ref, b.ref)


def _known_event(m: Match, known: Known, tokens: list[Token], linker: Linker) -> None:
    """A known event named after an unnamed one with the same head word, while that one is still
    being told ("Groundbreaking Roundtable" in a headline, then the roundtable's full name), is it."""
    for i in range(m.first, m.last):
        found = head_at(tokens, i, linker.lex)
        if found and found[1].split("/")[0] == known.cls:
            head = " ".join(t.key for t in tokens[i : i + found[0]])
            break
    else:
        return
    recent = next((r for c, h, r in reversed(linker.recent) if c == known.cls and h == head), None)
    if recent in linker.minted and linker.sentence - linker.last_seen[recent] <= FOCUS_SPAN:
        linker.merge(recent, known.ref)


def _nested_known(outer: Match, known: Known, tokens: list[Token], linker: Linker, add) -> None:
    """Known names inside a known name ("Ministry of Defence of Kazakhstan" inside the name of a
    centre of that ministry): their structure states facts (part of, belongs to, located in)."""
    if outer.last - outer.first < 2 or known.cls == "State":
        return  # a state's name holds no other entity ("South Sudan" is not in Sudan)
    if all(t.is_upper or not t.is_word for t in tokens[outer.first : outer.last]):
        return  # the parts of a compound acronym are not names ("ЦАР" in "КСБР ЦАР" is not a state)
    size = outer.last - outer.first - 1
    inners = linker.gaz.match(tokens[outer.first : outer.last], longest=size, exclude=frozenset([known.ref]))
    for inner in inners:
        k = _choose(inner.candidates)
        if k.cls == "Topic":
            continue
        if inner.first == 0 and k.cls == known.cls and _of_a_state(inner, inners):
            continue  # the outer is the same kind of body of a state ("Security Council | of Tajikistan")
        linker.labels.setdefault(k.ref, k.label)
        linker.classes.setdefault(k.ref, k.cls)
        span = Match(outer.first + inner.first, outer.first + inner.last, inner.candidates)
        add(span.first, span.last, k.cls, k.ref, "nested")
        _nested_known(span, k, tokens, linker, add)


def _of_a_state(inner: Match, inners: list[Match]) -> bool:
    return any(_choose(o.candidates).cls == "State" for o in inners if o.first >= inner.last)


def _alias_pass(result: ArticleMentions, linker: Linker) -> None:
    """Acronyms and surnames named once stand for their entity in every sentence."""
    if not linker.aliases:
        return
    from .tokens import fold, russian

    lemmas = {fold(russian(a.lower())[0]) if linker.language == "ru" else fold(a): r for a, r in linker.aliases.items()}
    for index, (_sentence, tokens) in enumerate(zip(result.sentences, result.tokens, strict=True)):
        taken = {i for m in result.by_sentence[index] for i in range(m.first, m.last)}
        for i, tok in enumerate(tokens):
            if i in taken or not tok.is_cap:
                continue
            ref = linker.aliases.get(tok.text) or lemmas.get(tok.key)
            if ref is None:
                continue
            m = Mention(index, i, i + 1, tok.start, tok.end, tok.text, linker.classes[ref], ref, "alias")
            result.by_sentence[index].append(m)
        result.by_sentence[index].sort(key=lambda m: (m.first, -(m.last - m.first)))
