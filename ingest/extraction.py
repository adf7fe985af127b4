"""One article's extraction as JSON (for review, and for the shared scorer's format).

Entities carry their IRI, class IRI, label and mentions with offsets; statements carry subject,
predicate and object IRIs (or a literal) with the evidence sentence and its offsets. A personnel
count on a cas:Deployment node is given flattened, contributor -> cas:personnelCount -> N, which is
how the gold files state it (the graph keeps the n-ary node, whose cas:mission says where the N
went; the node's own count is left out of the JSON, so a count is not listed twice). The value is
the bare count, as the property's range says: a description such as "N to <mission label>" would
only compare with a reader's wording of the same fact when both name the mission alike.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from casckg.ingest.gazetteer import Gazetteer
from casckg.ingest.loaders.reference import load_reference_dir
from casckg.ingest.records import Document, Literal, Ref
from casckg.ontology import PREFIXES, expand


def reference_gazetteer(sources: Path) -> Gazetteer:
    """The gazetteer of the reference records under `sources/reference` (and the places lexicon)."""
    folder = sources / "reference"
    documents = load_reference_dir(folder, root=sources) if folder.is_dir() else []
    return Gazetteer.from_documents(documents)


def _object(value: Ref | Literal | str, entity_iri: Callable[[Ref], str]) -> str | dict[str, str]:
    if isinstance(value, Ref):
        return entity_iri(value)
    if isinstance(value, Literal):
        out = {"value": value.value}
        if value.datatype:
            out["datatype"] = PREFIXES["xsd"] + value.datatype
        if value.language:
            out["language"] = value.language
        return out
    return value


def extraction_json(doc: Document, entity_iri: Callable[[Ref], str]) -> dict[str, Any]:
    """The scorer's JSON for one extracted Document, entities named by `entity_iri`."""
    labels = {
        st.subject: st.object.value
        for st in doc.statements
        if st.predicate == "rdfs:label" and isinstance(st.object, Literal)
    }
    mentions: dict[Ref, list[dict]] = {}
    for m in doc.mentions:
        mentions.setdefault(m.ref, []).append({"text": m.text, "start": m.start, "end": m.end})
    entities = [
        {
            "id": entity_iri(e.ref),
            "type": expand(f"cas:{e.classes[0]}"),
            "label": labels.get(e.ref, e.ref.key),
            "mentions": mentions.get(e.ref, []),
        }
        for e in doc.entities
    ]
    statements = []
    nodes: dict[Ref, dict[str, Any]] = {}
    for st in doc.statements:
        if st.predicate == "rdfs:label":
            continue
        item = {
            "subject": entity_iri(st.subject),
            "predicate": expand(st.predicate),
            "object": _object(st.object, entity_iri),
        }
        if st.evidence:
            item["evidence"] = {"text": st.evidence.text, "start": st.evidence.start, "end": st.evidence.end}
        if st.confidence is not None:
            item["confidence"] = st.confidence
        if st.extractor:
            item["extractor"] = st.extractor
        statements.append(item)
        if st.subject.path == "deployment":
            nodes.setdefault(st.subject, {})[st.predicate] = (st.object, item.get("evidence"))
    for ref, node in nodes.items():
        if {"cas:contributor", "cas:mission", "cas:personnelCount"} <= node.keys():
            node_iri = entity_iri(ref)
            statements = [
                item
                for item in statements
                if not (item["subject"] == node_iri and item["predicate"] == expand("cas:personnelCount"))
            ]
            who, evidence = node["cas:contributor"]
            count = node["cas:personnelCount"][0]
            statements.append(
                {
                    "subject": entity_iri(who),
                    "predicate": expand("cas:personnelCount"),
                    "object": _object(count, entity_iri),
                    "evidence": evidence,
                    "extractor": "deploy.count-flattened",
                }
            )
    return {"source": doc.source.key, "language": doc.source.language, "entities": entities, "statements": statements}
