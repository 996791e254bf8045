"""Write the JSON Schema of each kind of record, made from hooks/schema.py (never by hand).

Run it after changing hooks/schema.py: python scripts/json_schema.py

Editors such as VS Code with its YAML extension read schemas/<collection>.<lang>.json (see
.vscode/settings.json) to offer completion and flag errors while typing. English files hold
every field; Spanish files hold only the translated ones.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import text_rules  # noqa: E402
from schema import (  # noqa: E402
    COLLECTIONS, DEFAULT_LANGUAGE, ID_PATTERN, field_names_allowed, LANGUAGES, STAMP_FIELD, STAMP_PATTERN, WORK_KEYS, WORK_LANGUAGES, Field,
)

# Text: not empty, and none of what text_rules refuses (the same rules as regular expressions).
TEXT = {"type": "string", "pattern": "\\S",
        "not": {"anyOf": [{"pattern": pattern} for pattern in text_rules.FORBIDDEN_PATTERNS]}}
# One line: no line break between its first and last visible characters.
LINE = {**TEXT, "not": {"anyOf": [*TEXT["not"]["anyOf"], {"pattern": "\\S[\\s\\S]*\\n[\\s\\S]*\\S"}]}}
RECORD_ID = {"type": "string", "pattern": ID_PATTERN.pattern}


def field_schema(spec: Field, collection) -> dict:
    kinds = {
        "line": {"anyOf": [LINE, {"type": "integer"}]},
        "text": {"anyOf": [TEXT, {"type": "integer"}]},
        "lines": {"type": "array", "minItems": 1, "items": {"anyOf": [LINE, {"type": "integer"}]}},
        "int": {"type": "integer"},
        "number": {"type": "number"},
        "flag": {"type": "boolean"},
        "choice": {"enum": list(spec.choices)},
        "choices": {"type": "array", "minItems": 1, "items": {"enum": list(spec.choices)}, "uniqueItems": True},
        "ref": RECORD_ID,
        "refs": {"type": "array", "items": RECORD_ID, "uniqueItems": True},
        "works": {"type": "array", "minItems": 1, "items": {
            "type": "object", "additionalProperties": False,
            "properties": {key: ({"enum": list(WORK_LANGUAGES)} if key == "lang"
                                 else {"anyOf": [LINE, {"type": "integer"}]}) for key in WORK_KEYS},
        }},
    }
    schema = dict(kinds[spec.type])
    names = field_names_allowed(collection, spec.name)
    if names is not None:
        schema = {"type": "array", "minItems": 1, "items": {"enum": names}}
    if spec.help:
        schema["description"] = spec.help
    return schema


def collection_schema(name: str, lang: str) -> dict:
    collection = COLLECTIONS[name]
    fields = [f for f in collection.fields if f.translated or lang == DEFAULT_LANGUAGE]
    properties = {f.name: field_schema(f, collection) for f in fields}
    if lang != DEFAULT_LANGUAGE:
        properties[STAMP_FIELD] = {"type": "string", "pattern": STAMP_PATTERN.pattern,
                                   "description": "The English version this translates; set by scripts/translations.py stamp."}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{name} record ({lang})",
        "description": f"A record in content/{lang}/{name}/. Generated from hooks/schema.py; do not edit.",
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields if f.required],
        "properties": properties,
    }


def all_schemas() -> dict[str, str]:
    """{file name: JSON text} for every collection and language."""
    return {f"{name}.{lang}.json": json.dumps(collection_schema(name, lang), indent=2, ensure_ascii=False) + "\n"
            for name in COLLECTIONS for lang in LANGUAGES}


def editor_settings() -> str:
    mapping = {f"./schemas/{name}.{lang}.json": f"content/{lang}/{name}/*.yml"
               for name in COLLECTIONS for lang in LANGUAGES}
    return json.dumps({"yaml.schemas": mapping}, indent=2) + "\n"


def write_all(root: Path) -> None:
    (root / "schemas").mkdir(exist_ok=True)
    for file_name, text in all_schemas().items():
        (root / "schemas" / file_name).write_text(text, encoding="utf-8")
    (root / ".vscode").mkdir(exist_ok=True)
    (root / ".vscode" / "settings.json").write_text(editor_settings(), encoding="utf-8")


if __name__ == "__main__":
    write_all(ROOT)
    print(f"Wrote schemas/ ({len(all_schemas())} files) and .vscode/settings.json from hooks/schema.py.")
