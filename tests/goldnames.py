"""Reading gold files and comparing the graph's entities with gold names through labels and aliases.

A gold entity is named by a canonical English name and the surface forms the article uses. An
entity of the graph is that gold entity when one of its labels or aliases (any language, any
source) equals one of those names after folding case, accents, apostrophes and a leading article.
A person an article names by office ("le Président du Kazakhstan") answers to the names of the posts
the records say they held.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

# Articles as written (case-sensitive, so "UN mission" keeps its "UN" while "un traité" loses "un").
LEADING_ARTICLES = re.compile(r"^(?:(?:[Tt]he|[Aa]n?|[Ll][ae]s?|[Uu]ne?|[Dd]es|[Dd]u)\s+|[Ll]')")
NAMES = """
SELECT DISTINCT ?entity ?name WHERE {
  { ?entity rdfs:label|skos:altLabel|cas:acronym ?name }
  UNION
  { ?tenure a cas:Tenure ; cas:holder ?entity ; cas:post ?post . ?post rdfs:label|skos:altLabel ?name }
}
"""


def fold(text: str) -> str:
    text = re.sub(r"\s+", " ", (text or "").replace("’", "'").replace("`", "'")).strip(' .,;:«»"“”')
    text = LEADING_ARTICLES.sub("", text)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold().strip()


def load_gold(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def gold_names(gold: dict) -> dict[str, set[str]]:
    """Each gold entity's canonical name -> its folded names and aliases."""
    return {e["name"]: {fold(e["name"]), *(fold(a) for a in e.get("aliases", []))} for e in gold["entities"]}


class Names:
    """The labels and aliases of every entity in a store, folded."""

    def __init__(self, store) -> None:
        self.of: dict[str, set[str]] = defaultdict(set)
        for row in store.query(NAMES):
            if fold(row["name"].value):
                self.of[row["entity"].value].add(fold(row["name"].value))

    def named(self, names: set[str]) -> set[str]:
        """IRIs of the entities with one of these (folded) names."""
        return {iri for iri, own in self.of.items() if own & names}

    def is_one_of(self, iri: str, names: set[str]) -> bool:
        return bool(self.of.get(iri, set()) & names)
