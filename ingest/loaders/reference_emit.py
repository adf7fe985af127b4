"""Turn checked reference records into entities and statements.

Kept apart from the checks in `reference.py`: by the time a record reaches here every value has
been validated and converted, so this module only decides what each value becomes (a property
from `reference_schema.yaml`, or an n-ary node: membership, deployment, tenure, historical
name). The one problem it can still find is the same n-ary node written twice, which only
shows once the node's key is built.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...ontology import expand
from ..history import AT
from ..records import Document, Entity, Literal, Ref, Statement
from ..report import Problem
from ..slug import slug

REFERENCE_EXTRACTOR = "reference"
_DATE_TYPES = {4: "gYear", 7: "gYearMonth", 10: "date"}


class Emitter:
    """Writes one record's values into a Document; remembers every n-ary node to refuse repeats."""

    def __init__(self, schema: dict[str, Any], problems: list[Problem]):
        self.schema = schema
        self.problems = problems  # shared with the checker, so one list reports everything
        self.nodes: dict[Ref, str] = {}  # n-ary nodes written so far, and where (file:line)

    def emit(self, doc: Document, file: str, subject: Ref, classes: list[str], fields: dict, values: dict) -> None:
        """Add the record `subject` of `classes`, with every value its fields map to a property or node."""
        doc.entities.append(Entity(subject, tuple(classes)))
        citations = values.get("sources", [])
        for key, value in values.items():
            spec = fields[key]
            if spec["kind"] == "memberships":
                for item in value:
                    self.emit_membership(doc, file, subject, item, citations)
            elif spec["kind"] == "deployments":
                for item in value:
                    self.emit_deployment(doc, file, subject, item, citations)
            elif spec["kind"] == "tenures":
                for item in value:
                    self.emit_tenure(doc, file, subject, item, citations)
            elif spec["kind"] == "names":
                for item in value:
                    self.emit_name(doc, file, subject, item, citations)
            elif "property" in spec:
                for obj in _objects(spec, value):
                    doc.statements.append(
                        Statement(subject, spec["property"], obj, confidence=1.0, extractor=REFERENCE_EXTRACTOR)
                    )

    def emit_membership(self, doc: Document, file: str, member: Ref, item: dict, citations: list[str]) -> None:
        if "organisation" not in item or "since" not in item:
            return
        org = item["organisation"][0]
        node = Ref("membership", f"{member.path}-{member.key}--{org.key}--{item['since']}")
        links = [("cas:member", member), ("cas:organisation", org)]
        self.emit_nary(doc, file, node, "Membership", item, self.schema["memberships"], citations, links)

    def emit_deployment(self, doc: Document, file: str, mission: Ref, item: dict, citations: list[str]) -> None:
        if "contributor" not in item:
            return
        who = item["contributor"][0]
        node = Ref("deployment", f"{who.path}-{who.key}--{mission.key}--{item.get('date', 'undated')}")
        links = [("cas:contributor", who), ("cas:mission", mission)]
        self.emit_nary(doc, file, node, "Deployment", item, self.schema["deployments"], citations, links)

    def emit_tenure(self, doc: Document, file: str, person: Ref, item: dict, citations: list[str]) -> None:
        if "post" not in item or "since" not in item:
            return
        post = item["post"][0]
        node = Ref("tenure", f"{person.key}--{post.key}--{item['since']}")
        links = [("cas:holder", person), ("cas:post", post)]
        self.emit_nary(doc, file, node, "Tenure", item, self.schema["tenures"], citations, links)

    def emit_name(self, doc: Document, file: str, owner: Ref, item: dict, citations: list[str]) -> None:
        """A name borne in an interval; its texts are also the owner's aliases, so articles that use it are read."""
        if "name" not in item:
            return
        node = Ref("name", f"{owner.path}-{owner.key}--{slug(item['name']['en'])}--{item.get('since', 'undated')}")
        if not self.emit_nary(doc, file, node, "HistoricalName", item, self.schema["names"], citations, []):
            return
        extra = [Statement(owner, "cas:hadName", node)]
        extra += [
            Statement(owner, "skos:altLabel", Literal(text, language=lang)) for lang, text in item["name"].items()
        ]
        doc.statements += [
            Statement(s.subject, s.predicate, s.object, confidence=1.0, extractor=REFERENCE_EXTRACTOR) for s in extra
        ]

    def emit_nary(
        self,
        doc: Document,
        file: str,
        node: Ref,
        cls: str,
        item: dict,
        fields: dict,
        citations: list[str],
        links: list[tuple[str, Ref]],
    ) -> bool:
        """Add one n-ary node with its links; False (and a problem) when the same node was already written."""
        prefix, line, _ = item[AT]
        if node in self.nodes:
            key = prefix.rstrip(".")
            self.problems.append(Problem(file, line, key, f"the same {cls} twice (first at {self.nodes[node]})"))
            return False
        self.nodes[node] = f"{file}:{line}"
        doc.entities.append(Entity(node, (cls,)))
        statements = [Statement(node, p, o) for p, o in links]
        for key, value in item.items():
            if key != AT and "property" in fields[key]:
                statements += [Statement(node, fields[key]["property"], o) for o in _objects(fields[key], value)]
        if "sources" not in item:
            statements += [Statement(node, "cas:citation", url) for url in citations]
        doc.statements += [
            Statement(s.subject, s.predicate, s.object, confidence=1.0, extractor=REFERENCE_EXTRACTOR)
            for s in statements
        ]
        return True


def _objects(spec: dict, value: Any) -> Iterable[Ref | Literal | str]:
    """The RDF objects one checked value of a field becomes."""
    kind = spec["kind"]
    if kind == "text":
        yield Literal(value)
    elif kind == "langtext":
        for lang, text in value.items():
            yield Literal(text, language=lang)
    elif kind == "langlist":
        for lang, texts in value.items():
            for text in texts:
                yield Literal(text, language=lang)
    elif kind == "date":
        yield Literal(value, datatype=_DATE_TYPES[len(value)])
    elif kind == "integer":
        yield Literal(str(value), datatype="integer")
    elif kind in ("url", "urls"):
        yield from value
    elif kind == "wikidata":
        yield f"http://www.wikidata.org/entity/{value}"
    elif kind in ("ref", "refs"):
        yield from value
    elif kind == "choice":
        yield expand(spec["choices"][value])
    elif kind == "kind":
        return
