"""Readable keys from names, shared by ingest (minting keys of new entities) and graph (IRIs)."""

from __future__ import annotations

import re
import unicodedata


def slug(text: str) -> str:
    """A readable key from a name: ASCII, lowercase, words joined by '-'.

    >>> slug("Côte d’Ivoire: UN mission")
    'cote-d-ivoire-un-mission'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
