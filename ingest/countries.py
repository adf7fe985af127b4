"""Every state and territory, with its names and adjectives in English, French and Russian.

Articles name states no analyst wrote a record for ("Italy", "Italie", "Италии", "Italian
troops"). Rather than typing them, they come from two well-kept libraries: pycountry (ISO 3166-1
codes and names, ISO 3166-3 for former states such as the Soviet Union, and the iso-codes
translations of both) and Babel (CLDR's display names of territories and languages, official
languages of each territory, likely territory of each language).

Adjectives are derived, not listed: the name of a language official in the country, when CLDR
gives that country as the language's likely territory and, in each language, the language's name
begins as a word of the country's short name does ("Italian" / "Italy", "français" / "France",
"итальянский" / "Италия"; not "Arabic" for Egypt, "Kalaallisut" for Greenland). What that rule
cannot give (a shared language: "American", "British") is the small checked list in
`lexicons/countries.yaml`. A name that two current states share ("Congo", "Korea") names
neither; a former state never takes a current state's name.
"""

from __future__ import annotations

import gettext
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

from .lexicon import lexicon
from .records import Document, Entity, Literal, Ref, Source, Statement
from .tokens import fold

LANGUAGES = ("en", "fr", "ru")
SOURCE_KEY = "iso-3166"  # the reference source (named graph) the countries are in
EXTRACTOR = "iso-3166+cldr"
CITATIONS = (
    "https://www.iso.org/iso-3166-country-codes.html",
    "https://cldr.unicode.org/",
)
_FIELDS = ("name", "official_name", "common_name")  # pycountry's names of an entry
_FUNCTION_WORD = re.compile(r"^(of|the|de|du|des|d'|la|le|l')$", re.I)


@dataclass(frozen=True)
class Country:
    """One state or territory: ISO codes, one display name and other names per language, adjectives."""

    alpha3: str
    alpha2: str
    numeric: str | None
    former: bool  # in ISO 3166-3 (a state or territory that no longer has its code)
    labels: dict[str, str]
    names: dict[str, tuple[str, ...]]
    adjectives: dict[str, tuple[str, ...]]

    @property
    def ref(self) -> Ref:
        return Ref("state", self.alpha3)


def _parts(name: str) -> list[str]:
    """The names in one library entry. ISO writes some names inverted: "Korea, Republic of" ->
    "Korea" and "Republic of Korea"; "USSR, Union of Soviet Socialist Republics" -> both;
    "Myanmar (Burma)" -> both; CLDR's disambiguated display form "Congo - Kinshasa" -> none."""
    name = name.replace("\u0301", "").strip()  # a stress mark is not part of the name
    if not name or " - " in name:
        return []
    bracket = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if bracket:
        return [bracket.group(1), bracket.group(2)]
    if ", " not in name:
        return [name.replace(" & ", " and ")]
    head, _, tail = name.partition(", ")
    words = tail.split()
    if "(" in tail or "," in tail:
        return [head]
    if _FUNCTION_WORD.match(words[-1]) or words[-1].endswith("'"):
        return [head, f"{tail}{head}" if tail.endswith("'") else f"{tail} {head}"]
    return [head, tail] if head.isupper() else [head]  # "USSR, Union of Soviet Socialist Republics"


def _feminine_fr(adjective: str) -> list[str]:
    """French adjective forms: masculine and feminine, singular and plural ("italien", "italienne",
    "italiens", "italiennes")."""
    a = adjective
    if a.endswith("e"):
        fem = a
    elif a.endswith(("ien", "éen")):
        fem = a + "ne"
    elif a.endswith("c"):
        fem = a[:-1] + "que"
    else:
        fem = a + "e"
    plural = [a if a.endswith(("s", "x")) else a + "s", fem + "s"]
    return list(dict.fromkeys([a, fem, *plural]))


@cache
def _translations(domain: str, language: str):
    import pycountry

    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language], fallback=True)


def _derived_adjectives(alpha2: str, names: dict[str, list[str]]) -> dict[str, list[str]]:
    from babel import Locale
    from babel.core import get_global
    from babel.languages import get_official_languages

    likely = get_global("likely_subtags")
    out: dict[str, list[str]] = {}
    for language in get_official_languages(alpha2):
        if likely.get(language, "").rpartition("_")[2] != alpha2:
            continue
        shown = {lang: Locale(lang).languages.get(language) or "" for lang in LANGUAGES}
        if any(not text or " " in text or "," in text for text in shown.values()):
            continue
        for lang, text in shown.items():
            short = names.get(lang, [""])[0]  # CLDR's short name comes first
            if fold(text)[:2] in {fold(w)[:2] for w in short.split()} and fold(text) != fold(short):
                out.setdefault(lang, []).append(text)
    return out


def _own(key: str, alpha3: str, former: bool, primary: dict, owners: Counter, current: set[str]) -> bool:
    """Whether a name (folded) is one country's alone: no two current states share it, and a former
    state never takes a current state's name."""
    if primary.get(key):
        return primary[key] == {alpha3}
    return owners[(former, key)] == 1 and not (former and key in current)


@cache
def countries() -> tuple[Country, ...]:
    """Every current (ISO 3166-1) and former (ISO 3166-3) state and territory, by alpha-3 code."""
    import pycountry
    from babel import Locale

    extra = lexicon("countries")
    territories = {lang: Locale(lang).territories for lang in LANGUAGES}
    raw: list[tuple[object, bool, dict[str, list[str]], dict[str, str]]] = []
    primary: dict[str, set[str]] = defaultdict(set)
    for former, table, domain in (
        (False, pycountry.countries, "iso3166-1"),
        (True, pycountry.historic_countries, "iso3166-3"),
    ):
        for entry in table:
            if former and pycountry.countries.get(alpha_3=entry.alpha_3):
                continue  # a code ISO gave back to a current entry names that entry
            names: dict[str, list[str]] = {}
            labels: dict[str, str] = {}
            for lang in LANGUAGES:
                cldr = None if former else territories[lang].get(entry.alpha_2)
                library = [n for n in (getattr(entry, f, None) for f in _FIELDS) if n]
                if lang != "en":  # an English name left untranslated is not a French or Russian one
                    tr = _translations(domain, lang)
                    library = [tr.gettext(n) for n in library if tr.gettext(n) != n]
                found = [p for n in ([cldr] if cldr else []) + library for p in _parts(n)]
                found += (extra["names"].get(entry.alpha_3) or {}).get(lang, [])
                found = list(dict.fromkeys(found))
                if found:
                    names[lang] = found
                    labels[lang] = found[0]
                if cldr and _parts(cldr) == [cldr]:
                    primary[fold(cldr)].add(entry.alpha_3)
            raw.append((entry, former, names, labels))
    owners = Counter(
        (former, key) for _, former, names, _ in raw for key in {fold(n) for ns in names.values() for n in ns}
    )
    current = {key for (former, key) in owners if not former}
    out = []
    for entry, former, names, labels in raw:
        alpha3 = entry.alpha_3

        # CLDR's whole display name of one country is its own, not a qualifier in another's name
        kept = {
            lang: tuple(n for n in ns if _own(fold(n), alpha3, former, primary, owners, current))
            for lang, ns in names.items()
        }
        # the display name is the first name that is this country's alone, else the library's own
        labels = {lang: (kept.get(lang) or (labels[lang],))[0] for lang in labels}
        if former and not kept.get("en"):
            labels["en"] = entry.name
        adjectives = {} if former else _derived_adjectives(entry.alpha_2, names)
        for lang, words in (extra["adjectives"].get(alpha3) or {}).items():
            adjectives.setdefault(lang, []).extend(words)
        adjectives = {
            lang: tuple(dict.fromkeys(f for w in words for f in (_feminine_fr(w) if lang == "fr" else [w])))
            for lang, words in adjectives.items()
        }
        out.append(Country(alpha3, entry.alpha_2, getattr(entry, "numeric", None), former, labels, kept, adjectives))
    return tuple(out)


def by_code(code: str) -> Country | None:
    """The country with this ISO 3166 alpha-3 or alpha-2 code (current before former)."""
    code = code.upper()
    return next((c for c in countries() if code in (c.alpha3, c.alpha2)), None)


def countries_document(records: list[Document]) -> Document:
    """One Document of every country the analysts' records do not describe: a State entity with
    its labels, names, adjectives, ISO code and citations; for a recorded state, the names and
    adjectives its record lacks. A name a record or the places lexicon
    gives to something else (the region "Western Sahara", where a mission is) stays theirs."""
    import babel
    import pycountry

    recorded = {e.ref for doc in records for e in doc.entities if "State" in e.classes}
    taken = {
        fold(st.object.value)
        for doc in records
        for st in doc.statements
        if st.predicate in ("rdfs:label", "skos:altLabel") and isinstance(st.object, Literal)
    } | {fold(n) for entry in lexicon("places").values() for lang in LANGUAGES for n in entry.get(lang, [])}
    version = f"pycountry {_version(pycountry)}; babel {babel.__version__}"
    source = Source(
        kind="reference",
        key=SOURCE_KEY,
        path=f"ISO 3166 and CLDR ({version})",
        sha256=hashlib.sha256(version.encode()).hexdigest(),
        title="States and territories: ISO 3166 codes, CLDR names",
    )
    doc = Document(source)
    for country in countries():
        names = {
            lang: list(
                dict.fromkeys(
                    n for n in (*country.names.get(lang, ()), *country.adjectives.get(lang, ())) if fold(n) not in taken
                )
            )
            for lang in LANGUAGES
        }
        if country.ref in recorded:  # the record describes it; CLDR adds the names it lacks ("arménien")
            doc.statements += [
                _fact(country.ref, "skos:altLabel", Literal(name, language=lang))
                for lang, found in names.items()
                for name in found
            ]
            continue
        if not names["en"]:
            continue
        doc.entities.append(Entity(country.ref, ("State",)))
        for lang, found in names.items():
            for i, name in enumerate(found):
                doc.statements.append(
                    _fact(country.ref, "skos:altLabel" if i else "rdfs:label", Literal(name, language=lang))
                )
        doc.statements.append(_fact(country.ref, "cas:isoCode", Literal(country.alpha3)))
        for url in CITATIONS:
            doc.statements.append(_fact(country.ref, "cas:citation", url))
    return doc


def _fact(subject: Ref, predicate: str, obj: Literal | str) -> Statement:
    return Statement(subject, predicate, obj, confidence=1.0, extractor=EXTRACTOR)


def _version(module) -> str:
    from importlib.metadata import version

    return version(module.__name__)
