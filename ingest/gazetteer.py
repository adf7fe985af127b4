"""Known names: every label and alias of every known entity, in every language, to find them in text.

A gazetteer is built from Documents (the reference records today; the store's labels later:
anything that yields `rdfs:label` / `skos:altLabel` / `cas:acronym` statements and typed
entities), plus the places lexicon. Names are compared by token keys (`tokens.key_of`): folded
case and accents, Russian lemmas, French elisions split off. Acronyms must match in capitals
and capitalised names must be capitalised in the text, so "who" is never the WHO.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .lexicon import lexicon
from .records import Document, Literal, Ref
from .tokens import Token, key_of, tokenize

TOP_CLASSES = (
    "State",
    "Institution",
    "Person",
    "Forum",
    "Agreement",
    "Resolution",
    "Mission",
    "Initiative",
    "Place",
    "Topic",
)
NAME_PREDICATES = ("rdfs:label", "skos:altLabel", "cas:acronym")
PATHS = {cls: cls.lower() for cls in TOP_CLASSES}


@dataclass(frozen=True)
class Known:
    """A known entity: its reference, its top class, and its English label."""

    ref: Ref
    cls: str
    label: str


@dataclass(frozen=True)
class Match:
    """A gazetteer hit: tokens [first, last) of a sentence, and the entities the name may be."""

    first: int
    last: int
    candidates: tuple[Known, ...]


def _case_rule(name: str) -> str:
    tokens = [t for t in tokenize(name) if t.is_word]
    if tokens and all(t.is_upper for t in tokens) and max(len(t.text) for t in tokens) <= 8:
        return "upper"
    return "cap" if name[:1].isupper() else "any"


class Gazetteer:
    """Names of known entities, looked up by token keys."""

    def __init__(self) -> None:
        self.entities: dict[Ref, Known] = {}
        self.names: dict[tuple[str, ...], set[tuple[Known, str]]] = defaultdict(set)
        self.located: dict[Ref, Ref] = {}
        self.missions_at: dict[Ref, set[Ref]] = defaultdict(set)  # location -> known missions there
        self.longest = 1
        self.prefixes: set[tuple[str, ...]] = set()  # every leading part of a name's key: where to stop looking
        self.forms: dict[tuple[str, ...], str] = {}  # a name as written, by key (to restore its case)

    def __len__(self) -> int:
        return len(self.entities)

    def add(self, ref: Ref, cls: str, label: str, names: Iterable[str]) -> Known:
        """Add (or extend) one entity with names in any language."""
        known = self.entities.get(ref) or Known(ref, cls, label)
        self.entities[ref] = known
        for name in [label, *names]:
            key = key_of(name)
            if not key or not any(k[:1].isalnum() for k in key):
                continue
            self.names[key].add((known, _case_rule(name)))
            self.forms.setdefault(key, name)
            self._extend(key)
        return known

    def _extend(self, key: tuple[str, ...]) -> None:
        """Note a name's key: its length and its leading parts (what `match` walks along)."""
        self.longest = max(self.longest, len(key))
        self.prefixes.update(key[:n] for n in range(1, len(key) + 1))

    @classmethod
    def from_documents(cls, documents: Iterable[Document], places: bool = True) -> Gazetteer:
        """A gazetteer of every typed entity with a name in the documents (and the places lexicon)."""
        gaz = cls()
        classes: dict[Ref, str] = {}
        labels: dict[Ref, dict[str, str]] = defaultdict(dict)
        names: dict[Ref, list[str]] = defaultdict(list)
        for doc in documents:
            for entity in doc.entities:
                top = next((c for c in entity.classes if c in TOP_CLASSES), None)
                if top:
                    classes[entity.ref] = top
            for st in doc.statements:
                if st.predicate in NAME_PREDICATES and isinstance(st.object, Literal):
                    names[st.subject].append(st.object.value)
                    if st.predicate == "rdfs:label":
                        labels[st.subject].setdefault(st.object.language or "", st.object.value)
                elif st.predicate == "cas:locatedIn" and isinstance(st.object, Ref):
                    gaz.located[st.subject] = st.object
                elif st.predicate == "cas:missionLocation" and isinstance(st.object, Ref):
                    gaz.missions_at[st.object].add(st.subject)
        for ref, top in classes.items():
            if not names.get(ref):
                continue
            by_lang = labels.get(ref, {})
            label = by_lang.get("en") or next(iter(by_lang.values()), names[ref][0])
            gaz.add(ref, top, label, names[ref])
        if places:
            gaz.add_places()
        return gaz

    def add_places(self) -> None:
        """The places lexicon (cities, regions, sites), unless already known by the same key."""
        for key, entry in lexicon("places").items():
            ref = Ref("place", key)
            if ref not in self.entities and any(k.cls == "Place" for k in self.lookup(entry["en"][0])):
                continue
            all_names = [n for lang in ("en", "fr", "ru") for n in entry.get(lang, [])]
            self.add(ref, "Place", entry["en"][0], all_names)
            if entry.get("in"):
                self.located.setdefault(ref, Ref("state", entry["in"]))

    def lookup(self, name: str) -> list[Known]:
        """The entities a name (as written) may denote."""
        return sorted({k for k, _ in self.names.get(key_of(name), ())}, key=lambda k: k.ref)

    def match(
        self,
        tokens: list[Token],
        longest: int | None = None,
        exclude: frozenset[Ref] = frozenset(),
        caseless: bool = False,
    ) -> list[Match]:
        """Longest non-overlapping known names in a token list, left to right (at most `longest` tokens,
        naming none of the entities in `exclude`). `caseless`: the text's case says nothing (all
        lower or all capitals), so capitalised names match in any case and acronyms of three
        letters or more match too."""
        out, i = [], 0
        limit = min(self.longest, longest or self.longest)
        keys = [t.key for t in tokens]
        while i < len(tokens):
            hit = None
            if tokens[i].is_word:
                # no name is longer than the run of keys that begins one: only those lengths are looked up
                reach, most = 0, min(limit, len(tokens) - i)
                while reach < most and tuple(keys[i : i + reach + 1]) in self.prefixes:
                    reach += 1
                for n in range(reach, 0, -1):
                    span = tokens[i : i + n]
                    if not span[-1].is_word and span[-1].text not in ".)":
                        continue
                    entries = self.names.get(tuple(keys[i : i + n]))
                    if not entries:
                        continue
                    ok = tuple(
                        sorted(
                            {k for k, rule in entries if _fits(rule, span, caseless) and k.ref not in exclude},
                            key=lambda k: k.ref,
                        )
                    )
                    if ok:
                        hit = Match(i, i + n, ok)
                        break
            if hit:
                out.append(hit)
                i = hit.last
            else:
                i += 1
        return out

    def learn(self, doc: Document) -> None:
        """Learn the names a newly written document gives its entities (and where they lie),
        so the next article of the same run finds them; what is known already stays."""
        part = Gazetteer.from_documents([doc], places=False)
        for ref, known in part.entities.items():
            self.entities.setdefault(ref, known)
        for key, entries in part.names.items():
            self.names[key] |= {(self.entities[k.ref], rule) for k, rule in entries}
            self._extend(key)
        for ref, where in part.located.items():
            self.located.setdefault(ref, where)
        for where, missions in part.missions_at.items():
            self.missions_at[where] |= missions


_INFLECTED_ACRONYM = re.compile(r"^[A-ZА-ЯЁ\d]{2,}[a-zа-яё]{1,3}$")  # "КАЗЦЕНТе", "ОДКБ-шные" aside


def _acronym_as_word(tok: Token) -> bool:
    """An acronym inflected ("КАЗЦЕНТе", "ОДКБ") or written as a word, as the press writes
    pronounceable ones of four letters or more ("l'Otan", "Nato")."""
    return bool(_INFLECTED_ACRONYM.match(tok.text)) or (tok.is_cap and len(tok.text) >= 4 and tok.text[1:].islower())


@cache
def _determiners() -> frozenset[str]:
    """Articles and determiners of every language (token keys): a capital on one may be a sentence's."""
    return frozenset(w for data in lexicon("discovery").values() for w in data.get("determiners") or ())


def _capital_only_from_article(span: list[Token]) -> bool:
    """A name opening with an article whose next word is in lower case ("La réunion a eu lieu" is no
    "La Réunion"): the article's capital is the sentence's, not the name's."""
    words = [t for t in span if t.is_word]
    return len(words) >= 2 and words[0].key in _determiners() and not words[1].is_cap


def _fits(rule: str, span: list[Token], caseless: bool = False) -> bool:
    if caseless:
        return rule != "upper" or sum(len(t.text) for t in span if t.is_word) >= 3
    if rule == "upper":
        return all(t.is_upper or not t.is_word or len(t.text) == 1 or _acronym_as_word(t) for t in span)
    if rule == "cap":
        return span[0].is_cap and not _capital_only_from_article(span)
    return True
