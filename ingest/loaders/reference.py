"""Load analysts' reference records (YAML) into Documents, reporting every problem with its line.

The fields a record may have, and what each becomes, are data: `reference_schema.yaml`. This
module checks records and values against that schema (`yaml_lines.py` reads YAML with line
numbers, `reference_emit.py` turns checked values into statements, `history.py` judges the
dates of all records together). Cross-file checks (duplicate ids, dangling references) need every file at once, so
`load_reference_dir` is the entry point; it raises one `SourceError` listing all problems.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..countries import by_code, countries_document
from ..errors import SourceError
from ..history import AT, NESTED, check_history
from ..records import Document, Ref, Source
from ..report import Problem
from .reference_emit import Emitter
from .yaml_lines import Located, parse_yaml

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "reference_schema.yaml"
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_WIKIDATA = re.compile(r"^Q[1-9]\d*$")
_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")


@cache
def schema() -> dict[str, Any]:
    """The record schema, parsed once."""
    return yaml.safe_load(SCHEMA_PATH.read_text(encoding="utf-8"))


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
    data, problems = parse_yaml(text, display)
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
        self.checked: list[tuple[RawRecord, dict]] = []  # every valid record with its values, for history rules
        self.emitter = Emitter(self.schema, self.problems)
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
            return self.check_refs(spec, value, kind == "refs", bad)
        if kind == "choice":
            if str(value) not in spec["choices"]:
                return bad(f"unknown value '{value}'; expected one of {', '.join(spec['choices'])}")
            return str(value)
        if kind == "kind":
            allowed = self.types[record.type].get("kinds", [])
            if value not in allowed:
                return bad(f"unknown kind '{value}'; expected one of {', '.join(allowed)}")
            return str(value)
        raise ValueError(f"reference_schema.yaml: unknown value kind {kind!r}")

    def check_refs(self, spec: dict, value: Any, many: bool, bad: Callable[[str], None]) -> list[Ref] | None:
        """The references a ref/refs field names (one id is a list of one), or None when one does not fit."""
        values = value if many and isinstance(value, list) else [value]
        out = []
        for item in values:
            target = self.index.get(str(item))
            country = by_code(str(item)) if target is None and "State" in spec["types"] else None
            if country and country.alpha3 == item:  # a state no record describes: countries_document adds it
                out.append(country.ref)
                continue
            if target is None:
                bad(f"unknown id '{item}'")
                continue
            if target.type not in spec["types"]:
                bad(f"'{item}' is of type {target.type}; expected {' or '.join(spec['types'])}")
                continue
            out.append(self.ref(target, target.type))
        return out if len(out) == len(values) else None

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
                elif "default" in spec:
                    values[key] = spec["default"]
                continue
            if spec["kind"] in NESTED:
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
            checked = self.check_fields(record, item, self.schema[kind], f"an item of '{name}'", f"{name}[{i}].")
            out.append({**checked, AT: (f"{name}[{i}].", item.line, item.lines)})
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
            self.checked.append((record, values))
            classes = [record.type] + ([values["kind"]] if "kind" in values else [])
            self.emitter.emit(doc, record.file, self.ref(record, record.type), classes, fields, values)
        return doc


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
    if not problems:  # history is judged on records that are each well-formed
        problems += check_history(checker.checked, checker.types, checker.schema)
    if problems:
        raise SourceError(sorted(problems, key=lambda p: (p.file, p.line or 0)))
    # every other state and territory, from ISO 3166 and CLDR: the records override and add
    return [*documents, countries_document(documents)]


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve().parent))
    except ValueError:
        return str(path)
