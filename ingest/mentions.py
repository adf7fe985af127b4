"""Mentions of entities in one article: gazetteer hits, discovered names, people, aliases, anaphora.

Each sentence is tokenised once; known names come first (the gazetteer), then names around cue
words (`discover`), then people with titles (`people`). Linking happens per article: a
discovered name that is a known name or carries a known acronym is that entity; a bare definite
head ("the summit", "cette rencontre") refers back to the latest entity of its class with the
same head, else of its class; acronyms in brackets and people's surnames become aliases for
the rest of the article. New entities get a stable key from their class and name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .discover import Candidate, discover, lang_lexicon
from .gazetteer import Gazetteer, Known
from .language import Sentence
from .people import Person, find_people
from .records import Ref
from .slug import slug
from .tokens import Token, tokenize


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
    how: str  # "known", "new", "anaphor", "alias", "person"
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

    def note(self, ref: Ref, cls: str, label: str, head: str = "") -> None:
        self.labels.setdefault(ref, label)
        self.classes.setdefault(ref, cls)
        self.recent.append((cls, head, ref))
        self.counts[ref] += 1

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
        return Ref(cls.lower(), slug(name)[:80] or "unnamed")


def find_mentions(sentences: list[Sentence], language: str, gazetteer: Gazetteer) -> ArticleMentions:
    """All mentions of an article's sentences, linked to known or new entities."""
    linker = Linker(gazetteer, language)
    result = ArticleMentions(sentences, [tokenize(s.text, s.start) for s in sentences])
    for index, (sentence, tokens) in enumerate(zip(sentences, result.tokens, strict=True)):
        result.by_sentence.append(_sentence_mentions(index, sentence, tokens, linker, result))
    _alias_pass(result, linker)
    result.labels = linker.labels
    result.classes = linker.classes
    return result


def _choose(candidates: tuple[Known, ...], prefer: str | None = None) -> Known:
    if prefer:
        for k in candidates:
            if k.cls == prefer:
                return k
    order = ("State", "Institution", "Person", "Mission", "Place", "Forum", "Agreement", "Resolution", "Initiative")
    return min(candidates, key=lambda k: order.index(k.cls) if k.cls in order else 99)


def _sentence_mentions(
    index: int, sentence: Sentence, tokens: list[Token], linker: Linker, result: ArticleMentions
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
        add(m.first, m.last, k.cls, linker.known(k), "known")
    for cand in discover(tokens, linker.language, known_idx):
        head = " ".join(t.key for t in tokens[cand.head[0] : cand.head[1]])
        first = _strip_determiner(tokens, cand.first, cand.last, lex)
        if cand.anaphor:
            if any(m.first <= cand.head[0] < m.last for m in matches):
                continue
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
        if ref is None:
            ref = linker.mint(cand.cls, name)
        linker.note(ref, cand.cls, name, head)
        add(first, cand.last, cand.cls, ref, "new", head, cand)
        if cand.acronym:
            linker.aliases[cand.acronym] = ref
        if cand.quoted:
            linker.labels[ref] = cand.quoted
    for person in find_people(tokens, linker.language, mentions, gaz):
        result.people.append((index, person))
        if person.known is not None:
            ref = linker.known(person.known)
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
        person.ref = ref
        if person.surname and person.known is None:
            linker.aliases.setdefault(person.surname, ref)
    mentions.sort(key=lambda m: (m.first, -(m.last - m.first)))
    for m in mentions:
        m.outer = next(
            (
                o
                for o in mentions
                if o is not m and o.first <= m.first and m.last <= o.last and (o.last - o.first) > (m.last - m.first)
            ),
            None,
        )
    return mentions


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
