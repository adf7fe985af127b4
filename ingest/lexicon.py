"""Lexicons and patterns are data (YAML beside the code); this module reads each file once."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent


# libyaml's safe loader when PyYAML was built with it: the same values, about eight times faster
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(path: Path) -> Any:
    """A data file of the project's own (lexicon, patterns, kinds), parsed as `yaml.safe_load` does."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader


@cache
def lexicon(name: str) -> Any:
    """The parsed `lexicons/NAME.yaml`."""
    return read_data(HERE / "lexicons" / f"{name}.yaml")


@cache
def patterns(language: str) -> Any:
    """The parsed `patterns/LANGUAGE.yaml` (statement patterns of one language)."""
    return read_data(HERE / "patterns" / f"{language}.yaml")


@cache
def pattern_regex(language: str, key: str) -> re.Pattern[str] | None:
    """The regular expression a language's patterns file gives under `key` (compiled once), or None when
    that language has none: a construction some languages do not write that way."""
    words = patterns(language).get(key)
    return re.compile(words) if words else None
