"""Load analysts' identity decisions (`sources/identity.yaml`): which entities are one, which are not.

Identity resolution decides by evidence and leaves doubtful pairs for an analyst
(`casckg query merge-candidates`). The analyst's answer is written here, in the sources, so every
build applies it again:

    decisions:
      - entity: person/ilhom-aliyev
        different_from: person/ilham-aliyev
        note: a Tajik officer, not Azerbaijan's president
        sources: [https://asiaplus.news/?p=152883]

`same_as` makes an article's entity take the other's IRI; `different_from` keeps the two apart and
off the candidate list. Entities are written as in queries (`type/key`) and may be ones articles
introduce. Problems are reported with file, line and field, like the reference records'.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from casckg.ingest.errors import SourceError
from casckg.ingest.records import Document, Ref, Source, Statement
from casckg.ingest.report import Problem

from .reference import _display, schema
from .yaml_lines import Located, parse_yaml

DECISIONS = {"same_as": "owl:sameAs", "different_from": "owl:differentFrom"}
_URL = re.compile(r"^https?://\S+$")
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def _ref(text: object, paths: set[str]) -> Ref | None:
    path, _, key = str(text).partition("/")
    return Ref(path, key) if path in paths and _KEY.match(key) else None


def load_decisions(path: Path, root: Path | None = None) -> Document | None:
    """The decisions file as one Document (None when there is no file); SourceError on problems."""
    if not path.is_file():
        return None
    display = _display(path, root or path.parent)
    raw = path.read_bytes()
    problems: list[Problem] = []
    try:
        data, problems = parse_yaml(raw.decode("utf-8"), display)
    except UnicodeDecodeError as exc:
        raise SourceError(
            [Problem(display, None, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})")]
        ) from None
    if problems:
        raise SourceError(problems)
    if not isinstance(data, Located) or not isinstance(data.get("decisions"), list):
        line = data.line if isinstance(data, Located) else 1
        raise SourceError([Problem(display, line, "decisions", "expected a mapping with a 'decisions:' list")])
    paths = {spec["path"] for spec in schema()["types"].values()}
    source = Source(
        kind="reference",
        key=path.stem,
        path=display,
        sha256=hashlib.sha256(raw).hexdigest(),
        title="Analysts' identity decisions",
    )
    doc = Document(source)
    for i, item in enumerate(data["decisions"]):
        where = f"decisions[{i}]"
        if not isinstance(item, Located):
            problems.append(Problem(display, data.lines.get("decisions"), where, "each decision must be a mapping"))
            continue
        unknown = sorted(set(item) - {"entity", "note", "sources", *DECISIONS})
        for key in unknown:
            problems.append(Problem(display, item.lines[key], f"{where}.{key}", f"unknown field '{key}'"))
        entity = _ref(item.get("entity"), paths)
        if entity is None:
            problems.append(
                Problem(
                    display,
                    item.lines.get("entity", item.line),
                    f"{where}.entity",
                    f"'{item.get('entity')}' is not an entity id (type/key, e.g. person/tokayev)",
                )
            )
        given = [key for key in DECISIONS if key in item]
        if len(given) != 1:
            problems.append(Problem(display, item.line, where, "give exactly one of same_as, different_from"))
        sources = item.get("sources")
        if not isinstance(sources, list) or not sources or not all(_URL.match(str(u)) for u in sources):
            problems.append(
                Problem(
                    display, item.lines.get("sources", item.line), f"{where}.sources", "cite at least one http(s) URL"
                )
            )
        for key in given:
            other = _ref(item[key], paths)
            if other is None:
                problems.append(
                    Problem(
                        display,
                        item.lines[key],
                        f"{where}.{key}",
                        f"'{item[key]}' is not an entity id (type/key, e.g. person/tokayev)",
                    )
                )
            elif entity is not None and not problems:
                doc.statements.append(Statement(entity, DECISIONS[key], other))
                doc.statements += [Statement(entity, "cas:citation", str(u)) for u in sources]
    if problems:
        raise SourceError(problems)
    return doc
