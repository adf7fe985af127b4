"""People's names compared across languages and spellings, with a score and its evidence.

Sources write one person many ways: Tokayev, Tokaev, Tokaïev, Токаева (genitive); Nazarbayev and
Nazerbaïev; Rahmon, Rakhmonov, Rakhamonov; "M. Dominique de Villepin". A name is read into a
surname and given names: titles ("M.", "Mr", "г-н", "President") and patronymics left out, a
Russian word taken in its dictionary form as a name (`name_lemma`), then every word transliterated
to Latin letters (anyascii) and spelled loosely (`spelling`), so transliteration conventions meet.

Two names score by what they agree on (weights in identity.yaml, `names.weights`): the same
surname, or a surname one letter apart (a vowel heard differently, Nazarbayev/Nazerbaiev), plus
given names that agree in full (Kassym-Jomart, Kassymjomart) or by initials (K.-J.). Given names
that disagree rule a match out, so a father and son (Heydar and Ilham Aliyev) or two namesakes
(Ilham and Ilhom Aliyev) stay two people however alike their surnames.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from casckg.ingest.contract import key_of, name_lemma

#: A surname this short must be spelled alike to match (Li, Wu; Aliev against Aleev would be a guess).
SHORT_SURNAME = 6
_PATRONYMIC = re.compile(r"(?:вич|вна|ovich|evich|ovna|evna|ovitch|evitch)$")


@lru_cache(maxsize=200_000)
def spelling(word: str) -> str:
    """A word in Latin letters spelled loosely, so transliterations meet: Tokayev, Tokaev,
    Tokaïev and Токаев are 'tokaev'; Zhaparov and Japarov 'aparov'; Noursoultan (French) is Nursultan."""
    text = re.sub(r"[^a-z]", "", anyascii(word.replace("ё", "йо")).lower())
    text = re.sub(r"[yij]", "", text.replace("zh", "j").replace("kh", "h").replace("ou", "u"))
    return re.sub(r"(.)\1+", r"\1", text)


@dataclass(frozen=True)
class PersonName:
    """A person's name split as compared: the surname (loosely spelled) and given-name initials."""

    surname: str
    given: tuple[tuple[str, str], ...]  # each given name: (its initial, loosely spelled; "" for an initial)


@lru_cache(maxsize=200_000)  # every article compares its people with every name the store holds
def person_name(name: str, titles: frozenset[str], particles: frozenset[str]) -> PersonName | None:
    """The surname and the given names or their initials (titles, particles and patronymics left
    out); None for a description ("Minister of Defence of Uzbekistan"), which is no name."""
    words = [w.strip("-‐'’") for w in re.split(r"[\s.,]+", name)]
    words = [w for w in words if w[:1].isalpha() and " ".join(key_of(w)) not in titles]
    words = [w for w in words if w.lower() not in particles]
    if not words or any(not w[:1].isupper() for w in words):
        return None
    surname = spelling(name_lemma(words[-1], "Surn"))
    parts = [
        part
        for word in words[:-1]
        if not _PATRONYMIC.search(word.lower())
        for part in (name_lemma(word, "Name") if len(word) > 1 else word).split("-")
        if anyascii(part)[:1].isalpha()
    ]
    given = tuple((_initial(p), spelling(p) if len(p) > 1 else "") for p in parts)
    return PersonName(surname, given) if surname else None


def _initial(word: str) -> str:
    """A given name's initial as transliterations agree on it: Zhomart and Jomart 'j', and the
    letters one language writes for another's (Yerlan, Ierlan, Jerlan) one class, 'i'."""
    text = anyascii(word).lower().replace("zh", "j")[:1]
    return "i" if text in ("i", "j", "y") else text


def loose_keys(word: str, shortest: int) -> tuple[str, ...]:
    """What a word is indexed and looked up under to find the words one letter off it: itself and,
    when it has `shortest` letters or more, each of its forms with one letter left out. Two such
    words one letter apart share a key (one left out of the other, or both without the letter that
    differs); a shared key alone proves nothing (two letters swapped share one too)."""
    if len(word) < shortest:
        return (word,)
    return (word, *{word[:i] + word[i + 1 :] for i in range(len(word))})


def surnames_agree(a: str, b: str) -> str | None:
    """'same' when two loosely spelled surnames are one, 'variant' when a long surname differs by
    one letter (Nazarbaev/Nazerbaev, Rahmonov/Rahamonov), else None."""
    if a == b and len(a) >= 3:
        return "same"
    if min(len(a), len(b)) >= SHORT_SURNAME and Levenshtein.distance(a, b, score_cutoff=1) <= 1:
        return "variant"
    return None


def given_names_agree(a: tuple[tuple[str, str], ...], b: tuple[tuple[str, str], ...]) -> str | None:
    """'full' when both spell their given names and they agree (Kassym-Jomart, Kassymjomart,
    Kassym), 'initials' when one side gives initials that fit, 'absent' when one side gives none,
    None when they disagree (Ilham and Ilhom, Heydar and Ilham)."""
    if not a or not b:
        return "absent"
    if any(x[0] != y[0] for x, y in zip(a, b, strict=False)):
        return None
    full_a, full_b = "".join(s for _, s in a), "".join(s for _, s in b)
    if all(s for _, s in a) and all(s for _, s in b):
        return "full" if full_a.startswith(full_b) or full_b.startswith(full_a) else None
    if a[0][1] and b[0][1] and a[0][1] != b[0][1]:
        return None
    return "initials"


def person_score(mine: PersonName, theirs: PersonName, weights: dict[str, float]) -> float:
    """How strongly two names say one person (0 when something rules it out: mostly the surname,
    tested first, since an article's people are compared with every person of the store)."""
    surname = surnames_agree(mine.surname, theirs.surname)
    if surname is None:
        return 0.0
    given = given_names_agree(mine.given, theirs.given)
    if given is None:
        return 0.0
    score = weights["surname"] if surname == "same" else weights["surname_variant"]
    return round(score + {"full": weights["given_names"], "initials": weights["initials"], "absent": 0.0}[given], 3)
