"""YAML read with line numbers, so every problem in a record can name its line.

Mappings become `Located` dicts that remember the line of each key; scalars are typed as
`yaml.safe_load` types them.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..report import Problem
from .yaml_limits import compose_reference

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


def parse_yaml(text: str, file: str) -> tuple[Any, list[Problem]]:
    """The YAML text as Python (Located mappings), or the one problem that keeps it from being read."""
    try:
        node = compose_reference(text)  # nesting, aliases and their expansion bounded first
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(exc, "problem", None) or str(exc)
        context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and start:
            reason += f" ({context} at line {start.line + 1})"
        return None, [Problem(file, line, None, f"malformed YAML: {reason}")]
    return (_to_python(node) if node is not None else None), []
