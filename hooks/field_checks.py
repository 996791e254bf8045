"""One checker per field type of hooks/schema.py: does a value fit its field?

Each checker takes the field and the value as read from YAML and returns the value, normalised, or raises
`Unfit` saying why it does not fit (and, for a list, which item). CHECKERS maps every type in FIELD_TYPES
to its checker; a test makes sure none is missing.
"""
from __future__ import annotations

import datetime

import text_rules
from schema import FIELD_TYPES, ID_PATTERN, WORK_KEYS, WORK_LANGUAGES, Field


class Unfit(Exception):
    def __init__(self, message: str, index: int | None = None, offset: int | None = None):
        super().__init__(message)
        self.message, self.index, self.offset = message, index, offset


def describe(value) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ('{value[:40]}')"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def whole(value) -> bool:
    """A whole number, as JSON Schema (and so editors' tools) sees one: 2 and 2.0 alike, never true/false."""
    return not isinstance(value, bool) and (isinstance(value, int) or isinstance(value, float) and value.is_integer())


def as_text(value) -> str | None:
    """Text as written: unquoted years and dates, which YAML reads as numbers and dates, included."""
    if isinstance(value, (str, datetime.date)) or whole(value):
        return str(value)
    return None


def safe(text: str, index: int | None = None) -> str:
    """Record text is Markdown that cannot carry markup of its own (see text_rules)."""
    problem = text_rules.unsafe(text)
    if problem:
        raise Unfit(problem[1], index, problem[0])
    return text


def expected(spec: Field, value) -> Unfit:
    return Unfit(f"expected {FIELD_TYPES[spec.type]}, got {describe(value)}")


def _non_empty_text(spec: Field, value) -> str:
    """The value as text, refused when it is not text or holds nothing but blanks."""
    text = as_text(value)
    if text is None:
        raise expected(spec, value)
    if not text.strip():
        raise Unfit(f"is empty; expected {FIELD_TYPES[spec.type]}")
    return text


def check_line(spec: Field, value) -> str:
    text = safe(_non_empty_text(spec, value)).strip()  # checked first: strip() removes some control characters
    if "\n" in text:
        raise Unfit("must be a single line (no line breaks)")
    return text


def check_text(spec: Field, value) -> str:
    return safe(_non_empty_text(spec, value))


def check_lines(spec: Field, value) -> list[str]:
    if not isinstance(value, list) or not value:
        raise expected(spec, value)
    items = []
    for i, item in enumerate(value):
        text = as_text(item)
        if text is None or not text.strip() or "\n" in text.strip():
            raise Unfit(f"item {i + 1} must be a single line of text", i)
        items.append(safe(text, i).strip())
    return items


def check_int(spec: Field, value) -> int:
    if not whole(value):
        raise Unfit(f"expected a whole number, got {describe(value)}")
    return int(value)


def check_number(spec: Field, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Unfit(f"expected a number (digits only, no commas or units), got {describe(value)}")
    return value


def check_flag(spec: Field, value) -> bool:
    if not isinstance(value, bool):
        raise Unfit(f"expected true or false, got {describe(value)}")
    return value


def check_choice(spec: Field, value) -> str:
    if not isinstance(value, (str, int)) or isinstance(value, bool) or value not in spec.choices:
        raise Unfit(f"'{value}' is not one of: {', '.join(spec.choices)}")
    return value


def check_choices(spec: Field, value) -> list:
    if not isinstance(value, list) or not value:
        raise expected(spec, value)
    for i, item in enumerate(value):
        if not isinstance(item, str) or item not in spec.choices:
            raise Unfit(f"'{item}' is not one of: {', '.join(spec.choices)}", i)
        if item in value[:i]:
            raise Unfit(f"'{item}' is listed twice", i)
    return value


def check_ref(spec: Field, value) -> str:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise Unfit(f"expected the id of a record, got {describe(value)}")
    return value


def check_refs(spec: Field, value) -> list[str]:
    if not isinstance(value, list):
        raise Unfit(f"expected a list of record ids, got {describe(value)}")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not ID_PATTERN.match(item):
            raise Unfit(f"item {i + 1}: expected the id of a record, got {describe(item)}", i)
        if item in value[:i]:
            raise Unfit(f"'{item}' is listed twice", i)
    return value


def check_works(spec: Field, value) -> list[dict]:
    if not isinstance(value, list) or not value:
        raise expected(spec, value)
    works = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise Unfit(f"item {i + 1}: expected a mapping such as 'title: ...'", i)
        unknown = sorted(str(key) for key in set(item) - set(WORK_KEYS))
        if unknown:
            raise Unfit(f"item {i + 1}: unknown key '{unknown[0]}'; allowed: {', '.join(WORK_KEYS)}", i)
        if "lang" in item and (not isinstance(item["lang"], str) or item["lang"] not in WORK_LANGUAGES):
            raise Unfit(f"item {i + 1}: 'lang' must be one of {', '.join(WORK_LANGUAGES)}", i)
        work = {}
        for key in WORK_KEYS:
            if key in item and key != "lang":
                text = as_text(item[key])
                if text is None or not text.strip() or "\n" in text.strip():
                    raise Unfit(f"item {i + 1}: '{key}' must be a single line of text", i)
                work[key] = safe(text, i).strip()
        if "lang" in item:
            work["lang"] = item["lang"]
        works.append(work)
    return works


CHECKERS = {
    "line": check_line, "text": check_text, "lines": check_lines, "int": check_int, "number": check_number,
    "ref": check_ref, "refs": check_refs, "choice": check_choice, "choices": check_choices,
    "works": check_works, "flag": check_flag,
}
assert set(CHECKERS) == set(FIELD_TYPES), "every field type of schema.py needs its checker here"
