"""The [[record-id]] markers with which record text and hand-written pages name other records.

Finding them needs no Markdown, templates or MkDocs: validation (hooks/validation.py) checks every
marker names a record; hooks/xrefs.py turns them into links.
"""
from __future__ import annotations

import re

from schema import COLLECTIONS

PROSE_REF = re.compile(r"\[\[([^\]|]+?)(?:\|([^\]]+))?\]\]")


def prose_references(text: str) -> list[tuple[str, int]]:
    """(id, offset) of every [[id]] marker in a text."""
    return [(m.group(1).strip(), m.start()) for m in PROSE_REF.finditer(text)]


def text_values(collection: str, values: dict) -> list[tuple[str, str, int | None]]:
    """(field name, text, item index or None) of every translated text of a record."""
    out = []
    for spec in COLLECTIONS[collection].translated_fields:
        value = values.get(spec.name)
        if isinstance(value, str):
            out.append((spec.name, value, None))
        elif isinstance(value, list):
            out += [(spec.name, item, i) for i, item in enumerate(value)]
    return out
