"""Lexicons and patterns are data (YAML beside the code); this module reads each file once."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent


@cache
def lexicon(name: str) -> Any:
    """The parsed `lexicons/NAME.yaml`."""
    return yaml.safe_load((HERE / "lexicons" / f"{name}.yaml").read_text(encoding="utf-8"))


@cache
def patterns(language: str) -> Any:
    """The parsed `patterns/LANGUAGE.yaml` (statement patterns of one language)."""
    return yaml.safe_load((HERE / "patterns" / f"{language}.yaml").read_text(encoding="utf-8"))


@cache
def pattern_regex(language: str, key: str) -> re.Pattern[str] | None:
    """The regular expression a language's patterns file gives under `key` (compiled once), or None when
    that language has none: a construction some languages do not write that way."""
    words = patterns(language).get(key)
    return re.compile(words) if words else None
