"""Per-article linking state: the mentions found, the entities they name, and how names refer.

`mentions.find_mentions` fills it sentence by sentence; `recognised` corrects it with what the
language models read. Kept apart so both can use it. Two passes over a whole article end the
linking: mentions of merged entities name what they turned out to be (`resolve_merged`), and
acronyms and surnames named once stand for their entity everywhere (`link_aliases`).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from .discover import Candidate, lang_lexicon
from .gazetteer import Gazetteer, Known
from .language import Sentence
from .people import Person
from .records import Ref
from .slug import slug
from .tokens import Token, fold, russian


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

    @cached_property
    def folded(self) -> list[str]:
        """Each sentence's text folded (`tokens.fold`), once for every reader of the article."""
        return [fold(s.text) for s in self.sentences]


def strip_determiner(tokens: list[Token], first: int, last: int, lex: dict) -> int:
    while first < last - 1 and (tokens[first].key in lex["determiners"] or not tokens[first].is_word):
        first += 1
    return first


def span_text(sentence: Sentence, tokens: list[Token], first: int, last: int) -> str:
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
        self.named: frozenset[int] = frozenset()  # its tokens where the recogniser reads a person's name begin
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
        if same_head or head in self.lex["kind_heads"]:  # "the police" is no other body named before
            return same_head[0] if same_head else None
        of_class = [r for c, _, r in self.recent if c == cls]
        if not of_class:
            return None
        return max(of_class, key=lambda r: (self.counts[r], -of_class.index(r)))

    def mint(self, cls: str, name: str) -> Ref:
        ref = Ref(cls.lower(), slug(name)[:80] or "name-" + hashlib.sha256(name.encode()).hexdigest()[:12])
        if ref not in self.gaz.entities:
            self.minted.add(ref)
        return ref


def choose(candidates: tuple[Known, ...], prefer: str | None = None) -> Known:
    if prefer:
        for k in candidates:
            if k.cls == prefer:
                return k
    order = ("State", "Institution", "Person", "Mission", "Place", "Forum", "Agreement", "Resolution", "Initiative")
    return min(candidates, key=lambda k: order.index(k.cls) if k.cls in order else 99)


def resolve_merged(result: ArticleMentions, linker: Linker) -> None:
    """Every mention of a merged entity names the entity it turned out to be."""
    if not linker.same:
        return
    for m in result.all():
        m.ref = linker.resolve(m.ref)
    for _, person in result.people:
        if person.ref is not None:
            person.ref = linker.resolve(person.ref)
        if person.affiliation is not None:
            person.affiliation = linker.resolve(person.affiliation)
    linker.aliases = {a: linker.resolve(r) for a, r in linker.aliases.items()}
    for ref in linker.same:
        linker.labels.pop(ref, None)
        linker.classes.pop(ref, None)


def link_aliases(result: ArticleMentions, linker: Linker) -> None:
    """Acronyms and surnames named once stand for their entity in every sentence."""
    if not linker.aliases:
        return
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
