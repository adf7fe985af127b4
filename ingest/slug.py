"""Readable keys from names, shared by ingest (minting keys of new entities) and graph (IRIs)."""

from __future__ import annotations

import re

from anyascii import anyascii


def slug(text: str) -> str:
    """A readable key from a name in any script: transliterated to ASCII, lowercase, words joined by '-'.

    Transliteration (not dropping what is not ASCII) keeps names in Cyrillic apart: two people
    named only in Russian get two keys, not one empty key.

    >>> slug("Côte d’Ivoire: UN mission")
    'cote-d-ivoire-un-mission'
    >>> slug("Зайнобиддин Иминов")
    'zaynobiddin-iminov'
    """
    return re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-")
