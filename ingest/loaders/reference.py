"""Load analysts' reference records (YAML) into Documents, reporting every problem with its line.

The fields a record may have, and what each becomes, are data: `reference_schema.yaml`. This
module only reads YAML with line numbers, checks values against that schema, and emits
statements. Cross-file checks (duplicate ids, dangling references) need every file at once, so
`load_reference_dir` is the entry point; it raises one `SourceError` listing all problems.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..countries import countries_document
from ..errors import SourceError
from ..records import Document, Entity, Literal, Ref, Source, Statement
from ..report import Problem

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "reference_schema.yaml"
REFERENCE_EXTRACTOR = "reference"
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_WIKIDATA = re.compile(r"^Q[1-9]\d*$")
_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")


@cache
def schema() -> dict[str, Any]:
    """The record schema, parsed once."""
    return yaml.safe_load(SCHEMA_PATH.read_text(encoding="utf-8"))


# --- YAML with line numbers -------------------------------------------------------------------


_SCALARS = yaml.SafeLoader("")  # only its constructor is used, to type scalars as safe_load does


class Located(dict):
    """A YAML mapping that remembers the line (1-based) of each key."""

    line: int
    lines: dict[str, int]


def _to_python(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = Located()
        out.line = node.start_mark.line + 1
        out.lines = {}
        for key_node, value_node in node.value:
            key = str(_to_python(key_node))
            out[key] = _to_python(value_node)
            out.lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item) for item in node.value]
    try:
        return _SCALARS.construct_object(node, deep=True)
    except ValueError:  # a timestamp-shaped scalar that is no real date: let validation say so
        return node.value


def _parse_yaml(text: str, file: str) -> tuple[Any, list[Problem]]:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(exc, "problem", None) or str(exc)
        context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and start:
            reason += f" ({context} at line {start.line + 1})"
        return None, [Problem(file, line, None, f"malformed YAML: {reason}")]
    return (_to_python(node) if node is not None else None), []


# --- records ----------------------------------------------------------------------------------


@dataclass
class RawRecord:
    """A record as read, with where it came from."""

    file: str
    data: Located

    @property
    def id(self) -> str:
        return str(self.data.get("id"))

    @property
    def type(self) -> str:
        return str(self.data.get("type"))

    def line(self, key: str | None = None) -> int:
        return self.data.lines.get(key, self.data.line) if key else self.data.line


def _read_file(path: Path, display: str) -> tuple[list[RawRecord], str, list[Problem]]:
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [], digest, [Problem(display, None, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})")]
    data, problems = _parse_yaml(text, display)
    if problems:
        return [], digest, problems
    if not isinstance(data, dict) or not isinstance(data.get("records"), list):
        line = data.line if isinstance(data, Located) else 1
        return [], digest, [Problem(display, line, "records", "expected a mapping with a 'records:' list")]
    records, problems = [], []
    for item in data["records"]:
        if not isinstance(item, Located):
            problems.append(Problem(display, data.lines.get("records"), "records", "each record must be a mapping"))
            continue
        records.append(RawRecord(display, item))
    return records, digest, problems


class _Checker:
    """Validates records against the schema and turns them into statements."""

    def __init__(self, records: list[RawRecord]):
        self.schema = schema()
        self.types: dict[str, dict[str, Any]] = self.schema["types"]
        self.problems: list[Problem] = []
        self.index: dict[str, RawRecord] = {}
        for record in records:
            if record.id in self.index and "id" in record.data:
                first = self.index[record.id]
                self.problem(
                    record, "id", f"duplicate id '{record.id}' (first defined at {first.file}:{first.line('id')})"
                )
            elif "id" in record.data:
                self.index[record.id] = record

    def problem(self, record: RawRecord, key: str | None, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(record.file, line or record.line(key), key, message))

    def ref(self, record: RawRecord, type_name: str) -> Ref:
        return Ref(self.types[type_name]["path"], record.id)

    # value checks return a value or None after reporting ------------------------------------

    def check_value(self, record: RawRecord, key: str, spec: dict, value: Any, line: int) -> Any:
        kind = spec["kind"]
        where = (record, key)

        def bad(message: str) -> None:
            self.problem(*where, message, line)

        if kind == "text":
            if not isinstance(value, str | int | float) or isinstance(value, bool) or str(value).strip() == "":
                return bad("expected a non-empty text")
            if spec.get("pattern") and not re.match(spec["pattern"], str(value)):
                return bad(f"'{value}' does not match {spec['pattern']}")
            return str(value)
        if kind == "langtext":
            if not isinstance(value, dict) or not value:
                return bad("expected a mapping of language codes to text, e.g. {en: ..., ru: ...}")
            for lang, text in value.items():
                if not _LANG.match(str(lang)) or not isinstance(text, str) or not text.strip():
                    return bad(f"language '{lang}' needs a non-empty text (quote texts that hold commas or colons)")
            missing = [lang for lang in spec.get("required_languages", []) if lang not in value]
            if missing:
                return bad(f"missing language(s): {', '.join(missing)}")
            return {str(k): v.strip() for k, v in value.items()}
        if kind == "langlist":
            if not isinstance(value, dict):
                return bad("expected a mapping of language codes to lists of text")
            out = {}
            for lang, texts in value.items():
                if (
                    not _LANG.match(str(lang))
                    or not isinstance(texts, list)
                    or not all(isinstance(t, str) and t.strip() for t in texts)
                ):
                    return bad(f"language '{lang}' needs a list of non-empty texts")
                out[str(lang)] = [t.strip() for t in texts]
            return out
        if kind == "date":
            text = value.isoformat() if isinstance(value, date) else str(value)
            if not _DATE.match(text):
                return bad(f"'{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            parts = [int(p) for p in text.split("-")]
            try:
                date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
            except ValueError:
                return bad(f"'{value}' is not a real date")
            return text
        if kind == "integer":
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                return bad(f"'{value}' is not a whole number >= 0")
            return value
        if kind in ("url", "urls"):
            values = value if kind == "urls" else [value]
            if kind == "urls" and (not isinstance(value, list) or not value):
                return bad("expected a list of at least one URL")
            for url in values:
                if not isinstance(url, str) or not _URL.match(url):
                    return bad(f"'{url}' is not an http(s) URL")
            return list(values)
        if kind == "wikidata":
            if not isinstance(value, str) or not _WIKIDATA.match(value):
                return bad(f"'{value}' is not a Wikidata item id (Q followed by digits)")
            return value
        if kind in ("ref", "refs"):
            values = value if kind == "refs" else [value]
            if kind == "refs" and not isinstance(value, list):
                values = [value]  # one id is a list of one
            out = []
            for item in values:
                target = self.index.get(str(item))
                if target is None:
                    bad(f"unknown id '{item}'")
                    continue
                if target.type not in spec["types"]:
                    bad(f"'{item}' is of type {target.type}; expected {' or '.join(spec['types'])}")
                    continue
                out.append(self.ref(target, target.type))
            return out if len(out) == len(values) else None
        if kind == "kind":
            allowed = self.types[record.type].get("kinds", [])
            if value not in allowed:
                return bad(f"unknown kind '{value}'; expected one of {', '.join(allowed)}")
            return str(value)
        raise ValueError(f"reference_schema.yaml: unknown value kind {kind!r}")

    def check_fields(
        self, record: RawRecord, mapping: Located, fields: dict[str, dict], context: str, prefix: str = ""
    ) -> dict:
        """Check a mapping's fields; problems name the field's path (member_of[0].since)."""
        values = {}
        for key in mapping:
            if key not in fields:
                self.problem(record, prefix + key, f"unknown field '{key}' for {context}", mapping.lines[key])
        for key, spec in fields.items():
            name = prefix + key
            if key not in mapping or mapping[key] is None:
                if spec.get("required"):
                    self.problem(record, name, f"missing required field '{key}'", mapping.line)
                continue
            if spec["kind"] in ("memberships", "deployments"):
                values[key] = self.check_nested(record, name, spec["kind"], mapping[key], mapping.lines[key])
                continue
            checked = self.check_value(record, name, spec, mapping[key], mapping.lines[key])
            if checked is not None:
                values[key] = checked
        return values

    def check_nested(self, record: RawRecord, name: str, kind: str, items: Any, line: int) -> list[dict]:
        if not isinstance(items, list):
            self.problem(record, name, f"'{name}' must be a list", line)
            return []
        out = []
        for i, item in enumerate(items):
            if not isinstance(item, Located):
                self.problem(record, f"{name}[{i}]", f"each item of '{name}' must be a mapping", line)
                continue
            out.append(self.check_fields(record, item, self.schema[kind], f"an item of '{name}'", f"{name}[{i}]."))
        return out

    # statements ------------------------------------------------------------------------------

    def document(self, source: Source, records: list[RawRecord]) -> Document:
        doc = Document(source)
        for record in records:
            if record.type not in self.types:
                self.problem(record, "type", f"unknown type '{record.type}'; expected one of {', '.join(self.types)}")
                continue
            if "id" in record.data and not _ID.match(record.id):
                self.problem(record, "id", f"'{record.id}' is not a valid id (letters, digits, '.', '_', '-')")
                continue
            fields = {**self.schema["common"], **self.types[record.type]["fields"]}
            values = self.check_fields(record, record.data, fields, f"a {record.type}")
            if "id" not in values:
                continue
            self.emit(doc, record, fields, values)
        return doc

    def emit(self, doc: Document, record: RawRecord, fields: dict, values: dict) -> None:
        subject = self.ref(record, record.type)
        classes = [record.type] + ([values["kind"]] if "kind" in values else [])
        doc.entities.append(Entity(subject, tuple(classes)))
        citations = values.get("sources", [])
        for key, value in values.items():
            spec = fields[key]
            if spec["kind"] == "memberships":
                for item in value:
                    self.emit_membership(doc, subject, item, citations)
            elif spec["kind"] == "deployments":
                for item in value:
                    self.emit_deployment(doc, subject, item, citations)
            elif "property" in spec:
                for obj in _objects(spec, value):
                    doc.statements.append(
                        Statement(subject, spec["property"], obj, confidence=1.0, extractor=REFERENCE_EXTRACTOR)
                    )

    def emit_membership(self, doc: Document, member: Ref, item: dict, citations: list[str]) -> None:
        if "organisation" not in item or "since" not in item:
            return
        org = item["organisation"][0]
        node = Ref("membership", f"{member.path}-{member.key}--{org.key}--{item['since']}")
        self.emit_nary(
            doc,
            node,
            "Membership",
            item,
            self.schema["memberships"],
            citations,
            [("cas:member", member), ("cas:organisation", org)],
        )

    def emit_deployment(self, doc: Document, mission: Ref, item: dict, citations: list[str]) -> None:
        if "contributor" not in item:
            return
        who = item["contributor"][0]
        node = Ref("deployment", f"{who.path}-{who.key}--{mission.key}--{item.get('date', 'undated')}")
        self.emit_nary(
            doc,
            node,
            "Deployment",
            item,
            self.schema["deployments"],
            citations,
            [("cas:contributor", who), ("cas:mission", mission)],
        )

    def emit_nary(
        self,
        doc: Document,
        node: Ref,
        cls: str,
        item: dict,
        fields: dict,
        citations: list[str],
        links: list[tuple[str, Ref]],
    ) -> None:
        doc.entities.append(Entity(node, (cls,)))
        statements = [Statement(node, p, o) for p, o in links]
        for key, value in item.items():
            if "property" in fields[key]:
                statements += [Statement(node, fields[key]["property"], o) for o in _objects(fields[key], value)]
        if "sources" not in item:
            statements += [Statement(node, "cas:citation", url) for url in citations]
        doc.statements += [
            Statement(s.subject, s.predicate, s.object, confidence=1.0, extractor=REFERENCE_EXTRACTOR)
            for s in statements
        ]


_DATE_TYPES = {4: "gYear", 7: "gYearMonth", 10: "date"}


def _objects(spec: dict, value: Any) -> Iterable[Ref | Literal | str]:
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
    elif kind == "kind":
        return


def load_reference_dir(folder: Path, root: Path | None = None) -> list[Document]:
    """Read and validate every `*.yaml` file in `folder`; one Document per file, then one of every
    state and territory no record describes (`countries.countries_document`).

    Raises SourceError with every problem found, in file order, when any record is invalid.
    """
    root = root or folder
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    problems: list[Problem] = []
    per_file: list[tuple[Path, str, str, list[RawRecord]]] = []
    for path in files:
        display = _display(path, root)
        records, digest, file_problems = _read_file(path, display)
        problems += file_problems
        per_file.append((path, display, digest, records))
    checker = _Checker([r for *_, records in per_file for r in records])
    documents = []
    for path, display, digest, records in per_file:
        source = Source(
            kind="reference", key=path.stem, path=display, sha256=digest, title=f"Reference records: {path.stem}"
        )
        documents.append(checker.document(source, records))
    problems += checker.problems
    if problems:
        raise SourceError(sorted(problems, key=lambda p: (p.file, p.line or 0)))
    # every other state and territory, from ISO 3166 and CLDR: the records override and add
    return [*documents, countries_document(documents)]


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve().parent))
    except ValueError:
        return str(path)
