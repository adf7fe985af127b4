"""Topics a meeting discussed, named by a multilingual vocabulary (`lexicons/topics.yaml`).

The gold and the graph name topics in English whatever the article's language, and a French or
Russian phrase copied from the text ("la sécurité de l'eau") joins nothing. So a sentence that says
what a meeting was about is read for the vocabulary's topics, each recorded under its English label
("water security"); the same topic is then one node across articles in every language.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .mentions import ArticleMentions
from .records import Ref
from .slug import slug


@cache
def vocabulary(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(English label, compiled expression) of each topic the vocabulary spells in this language."""
    return tuple(
        (entry["label"], re.compile(r"(?<!\w)(?:" + entry[language] + r")(?!\w)"))
        for entry in lexicon("topics")["topics"]
        if entry.get(language)
    )


def labels_in(folded: str, language: str, names: list[tuple[int, int]] = ()) -> list[str]:
    """The labels of the topics named in this lowercased, accent-folded text, in vocabulary order; a
    stretch of text names one topic only (the first, most specific, entry that matches it), and words
    inside a name (`names`: spans of the entities found) name no topic: the "Collective Security Treaty
    Organization" is not a discussion of collective security.

    >>> labels_in("jointly countering terrorism, extremism and cybercrime", "en")
    ['cybercrime', 'terrorism', 'extremism']
    >>> labels_in("la securite de l'eau et l'energie verte", "fr")
    ['water security', 'green energy']
    >>> labels_in("the collective security treaty organization", "en", [(4, 43)])
    []
    """
    taken: list[tuple[int, int]] = list(names)
    out: list[str] = []
    for label, regex in vocabulary(language):
        for m in regex.finditer(folded):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            if label not in out:
                out.append(label)
    return out


def vocabulary_topics(am: ArticleMentions, index: int, folded: str) -> list[Ref]:
    """The vocabulary's topics named in sentence `index` (`folded`: its folded text) outside the names of
    the entities found there, as cas:Topic entities of the article."""
    start = am.sentences[index].start
    names = [(m.start - start, m.end - start) for m in am.by_sentence[index] if m.cls != "Topic"]
    out = []
    for label in labels_in(folded, am.language, names):
        ref = Ref("topic", slug(label)[:80])
        am.classes.setdefault(ref, "Topic")
        am.labels.setdefault(ref, label)
        out.append(ref)
    return out
