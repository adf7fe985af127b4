"""Stable, readable IRIs: the same input gives the same IRIs on every machine.

Entities: `{base}id/{type path}/{key}` (…/id/state/KAZ, …/id/institution/kazcent). Sources, and
so named graphs: `{base}source/{kind}/{key}`. The base comes from `CASCKG_BASE_IRI` or the default.
"""

from __future__ import annotations

import os
from urllib.parse import quote, unquote

from casckg.ingest.contract import Ref, Source, slug

__all__ = ["DEFAULT_BASE_IRI", "base_iri", "entity_iri", "graph_iri", "ref_of", "slug", "source_iri"]

DEFAULT_BASE_IRI = "https://w3id.org/casckg/"


def base_iri() -> str:
    """The configured base IRI, always ending with a slash."""
    base = os.environ.get("CASCKG_BASE_IRI", DEFAULT_BASE_IRI)
    return base if base.endswith(("/", "#")) else base + "/"


def entity_iri(ref: Ref, base: str | None = None) -> str:
    """The IRI of an entity; keys keep their case (ISO codes) but are percent-encoded."""
    return f"{base or base_iri()}id/{ref.path}/{quote(ref.key, safe='-._~')}"


def ref_of(iri: str, base: str | None = None) -> Ref | None:
    """The `Ref` an entity IRI was minted from (the inverse of `entity_iri`); None for other IRIs."""
    prefix = f"{base or base_iri()}id/"
    if not iri.startswith(prefix):
        return None
    path, sep, key = iri[len(prefix) :].rpartition("/")
    return Ref(path, unquote(key)) if sep and path and key else None


def source_iri(source: Source, base: str | None = None) -> str:
    """The IRI of a source, which is also the name of its graph."""
    return f"{base or base_iri()}source/{source.kind}/{quote(source.key, safe='-._~')}"


def graph_iri(name: str, base: str | None = None) -> str:
    """The IRI of one of the project's own graphs: 'ontology', 'inferred', …"""
    return f"{base or base_iri()}graph/{name}"
