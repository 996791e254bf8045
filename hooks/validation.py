"""Loading the content: every record file read (hooks/yaml_source.py), every field checked against the schema
(hooks/field_checks.py), then what only the whole content shows: unique ids, a translation for every
record, references that lead somewhere. The result is the Content of hooks/content.py.

Every problem is collected (never just the first) and reported together as
`file:line:column: [lang] id: message`; a content error stops the build with that list and no traceback.
Needs neither MkDocs nor Jinja: `scripts/validate.py` runs it alone.
"""
from __future__ import annotations

from pathlib import Path

import markers
import termbase
import typography
from content import Content, Record
from field_checks import CHECKERS, Unfit
from problems import ContentError, Problems
from schema import (
    COLLECTIONS, DEFAULT_LANGUAGE, FIELD_TYPES, ID_PATTERN, LANGUAGES, RECORD_SUFFIXES, STAMP_FIELD, STAMP_PATTERN,
    Collection, Field, field_names_allowed, ref_targets,
)
from yaml_source import RecordFile, files_under, read_record_file

TERMBASE = "termbase.yml"  # beside the language folders: content/termbase.yml


def load_content(content_dir: Path, root: Path | None = None) -> Content:
    """Load and validate everything under content_dir; raise ContentError on any problem.

    Where content_dir holds a termbase, the Spanish records are also checked against it (hooks/termbase.py).
    """
    content_dir = Path(content_dir)
    content = _load_and_check(content_dir, root)
    if (content_dir / TERMBASE).exists():
        terms = termbase.load_termbase(content_dir / TERMBASE)
        problems = termbase.check(content, terms, Path(root) if root else content_dir.parent)
        if problems:
            raise ContentError(problems)
        content.terms = terms
    return content


def _checked(rec: RecordFile, spec: Field, value, out: Problems):
    """The value, normalised by its type's checker, or None after noting why it does not fit."""
    if value is None:
        out.at(rec, f"field '{spec.name}': is empty; expected {FIELD_TYPES[spec.type]}", spec.name)
        return None
    try:
        return CHECKERS[spec.type](spec, value)
    except Unfit as unfit:
        if unfit.offset is not None and isinstance(value, (str, list)):
            line, column = rec.position_in_text(spec.name, unfit.offset, unfit.index)
            out.add(rec.path, line, column, rec.lang, rec.id, f"field '{spec.name}': {unfit.message}")
        else:
            out.at(rec, f"field '{spec.name}': {unfit.message}", spec.name, unfit.index)
        return None


def _load_and_check(content_dir: Path, root: Path | None) -> Content:
    root = Path(root) if root else content_dir.parent
    out = Problems()
    files = {lang: {} for lang in LANGUAGES}
    # Ids of files that exist but could not be read: no follow-on problems are reported for them.
    unreadable = {lang: set() for lang in LANGUAGES}
    for lang in LANGUAGES:
        for record_id, rec in _read_language(content_dir, root, lang, out):
            if rec is None:
                unreadable[lang].add(record_id)
                continue
            _check_fields(rec, out)
            files[lang].setdefault(rec.id, []).append(rec)
    unique = _check_ids(files, out)
    _check_parity(unique, unreadable, out)
    _check_references(unique, files, unreadable, out)
    _check_prose_references(unique, unreadable, out)
    if out.found:
        raise ContentError(out.found)
    return _merge(unique)


def _read_language(content_dir: Path, root: Path, lang: str, out: Problems):
    lang_dir = content_dir / lang
    root = root.resolve()
    if not lang_dir.is_dir():
        out.add(_relative(lang_dir, root), 1, 1, lang, "-", f"the folder for language '{lang}' is missing")
        return
    shown_dir = _relative(lang_dir, root)
    for relative in files_under(lang_dir):
        parts = tuple(relative.split("/"))
        if parts[-1].startswith("."):
            continue  # hidden files (editors' and the system's)
        path, shown = lang_dir.joinpath(*parts), f"{shown_dir}/{relative}"
        stem, dot, suffix = parts[-1].rpartition(".")
        stem, suffix = (stem, dot + suffix) if stem else (parts[-1], "")  # as Path.stem and Path.suffix
        if len(parts) != 2:
            out.add(shown, 1, 1, lang, stem,
                    f"records go in a collection folder: content/{lang}/<collection>/<id>.yml")
        elif parts[0] not in COLLECTIONS:
            out.add(shown, 1, 1, lang, stem,
                    f"unknown collection '{parts[0]}'; known: {', '.join(COLLECTIONS)}")
        elif suffix not in RECORD_SUFFIXES:
            out.add(shown, 1, 1, lang, stem, "not a record file: records end in .yml")
        elif not ID_PATTERN.match(stem):
            out.add(shown, 1, 1, lang, stem,
                    "invalid record id (the file name): use lowercase letters, digits and single hyphens")
        else:
            yield stem, read_record_file(path, lang, parts[0], shown, out)


def _relative(path: Path, root: Path) -> str:
    """The path as shown in messages: relative to the (resolved) project root where it can be."""
    try:
        return str(path.absolute().relative_to(root))
    except ValueError:
        try:
            return str(path.resolve().relative_to(root))
        except ValueError:
            return str(path)


def _check_fields(rec: RecordFile, out: Problems) -> None:
    schema = COLLECTIONS[rec.collection]
    is_default = rec.lang == DEFAULT_LANGUAGE
    en_path = f"content/{DEFAULT_LANGUAGE}/{rec.collection}/{rec.id}.yml"
    for name in list(rec.values):
        spec = schema.get(name)
        if name == STAMP_FIELD:
            _check_stamp(rec, out)
        elif spec is None:
            hint = " (the record id is the file name)" if name == "id" else ""
            out.at(rec, f"unknown field '{name}'{hint}; allowed: "
                        f"{', '.join(f.name for f in schema.fields if f.translated or is_default)}", name)
            del rec.values[name]
        elif not spec.translated and not is_default:
            out.at(rec, f"field '{name}' is language-neutral: write it once, in {en_path}", name)
            del rec.values[name]
        else:
            value = _checked(rec, spec, rec.values[name], out)
            if value is not None and field_names_allowed(schema, name) is not None:
                value = _check_field_names(rec, schema, name, value, out)
            if value is None:
                del rec.values[name]
            else:
                rec.values[name] = value
    for spec in schema.fields:
        if spec.required and spec.name not in rec.values and spec.name not in rec.nodes \
                and (spec.translated or is_default):
            out.at(rec, f"missing required field '{spec.name}' ({FIELD_TYPES[spec.type]})")


def _check_stamp(rec: RecordFile, out: Problems) -> None:
    value = rec.values[STAMP_FIELD]
    if rec.lang == DEFAULT_LANGUAGE:
        out.at(rec, f"field '{STAMP_FIELD}' belongs in translations only", STAMP_FIELD)
    elif not isinstance(value, str) or not STAMP_PATTERN.match(value):
        out.at(rec, f"field '{STAMP_FIELD}' must be the 12-character fingerprint written by "
                    f"scripts/translations.py stamp", STAMP_FIELD)
    else:
        return
    del rec.values[STAMP_FIELD]


def _check_field_names(rec: RecordFile, schema: Collection, field_name: str, names: list, out: Problems):
    allowed = field_names_allowed(schema, field_name)
    for i, name in enumerate(names):
        if name not in allowed:
            out.at(rec, f"field '{field_name}': '{name}' cannot be named here in {schema.name}; "
                        f"allowed: {', '.join(allowed)}", field_name, i)
            return None
    return names


def _check_ids(files: dict, out: Problems) -> dict[str, dict[str, RecordFile]]:
    """Ids are unique across all collections (prose refers to records by id alone)."""
    unique = {}
    for lang, by_id in files.items():
        unique[lang] = {}
        for record_id, recs in by_id.items():
            for rec in recs:
                others = ", ".join(other.path for other in recs if other is not rec)
                if others:
                    out.at(rec, f"duplicate id: '{record_id}' is also the id of {others}")
            unique[lang][record_id] = recs[0]
    return unique


def _check_parity(unique: dict, unreadable: dict, out: Problems) -> None:
    default = unique[DEFAULT_LANGUAGE]
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        other = unique[lang]
        for record_id, rec in default.items():
            twin = other.get(record_id)
            expected = f"content/{lang}/{rec.collection}/{record_id}.yml"
            if twin is None and record_id in unreadable[lang]:
                continue
            if twin is None:
                out.add(expected, 1, 1, lang, record_id,
                        f"missing translation: {rec.path} has no counterpart {expected}")
            elif twin.collection != rec.collection:
                out.at(twin, f"is in collection '{twin.collection}' but its English original "
                             f"{rec.path} is in '{rec.collection}'")
            else:
                _check_translated_fields(rec, twin, out)
        for record_id, twin in other.items():
            if record_id not in default and record_id not in unreadable[DEFAULT_LANGUAGE]:
                out.at(twin, f"no English original: {DEFAULT_LANGUAGE} record "
                             f"content/{DEFAULT_LANGUAGE}/{twin.collection}/{record_id}.yml does not exist")


def _check_translated_fields(original: RecordFile, twin: RecordFile, out: Problems) -> None:
    """A translation has exactly the text fields its original has, lists of the same length."""
    for spec in COLLECTIONS[original.collection].translated_fields:
        here, there = spec.name in twin.values, spec.name in original.values
        if spec.required:
            continue  # a missing required field is reported where it is missing
        if there and not here and spec.name not in twin.nodes:
            out.at(twin, f"field '{spec.name}' is in {original.path} but not translated here")
        elif here and not there and spec.name not in original.nodes:
            out.at(twin, f"field '{spec.name}' has no English original in {original.path}", spec.name)
        elif here and there and spec.type == "lines" \
                and len(twin.values[spec.name]) != len(original.values[spec.name]):
            out.at(twin, f"field '{spec.name}' has {len(twin.values[spec.name])} items but "
                         f"{original.path} has {len(original.values[spec.name])}", spec.name)


def _check_references(unique: dict, files: dict, unreadable: dict, out: Problems) -> None:
    records = unique[DEFAULT_LANGUAGE]
    for rec in records.values():
        schema = COLLECTIONS[rec.collection]
        for spec in schema.fields:
            if spec.type not in ("ref", "refs") or spec.name not in rec.values:
                continue
            value = rec.values[spec.name]
            targets = ref_targets(spec)
            for i, target_id in enumerate([value] if spec.type == "ref" else value):
                found = [t.collection for t in files[DEFAULT_LANGUAGE].get(target_id, [])]
                if any(c in targets for c in found) or target_id in unreadable[DEFAULT_LANGUAGE]:
                    continue
                where = f" (it is in {', '.join(found)})" if found else ""
                kind = f"a record in {', '.join(targets)}" if spec.to else "the id of any record"
                out.at(rec, f"field '{spec.name}' refers to '{target_id}', which is not {kind}{where}",
                       spec.name,
                       None if spec.type == "ref" else i)
        _check_one_of(rec, schema, unique, out)


def _check_prose_references(unique: dict, unreadable: dict, out: Problems) -> None:
    """Every [[id]] marker in any language's text names a record."""
    known = set(unique[DEFAULT_LANGUAGE]) | unreadable[DEFAULT_LANGUAGE]
    for lang in LANGUAGES:
        for rec in unique[lang].values():
            for name, text, index in markers.text_values(rec.collection, rec.values):
                for target, offset in markers.prose_references(text):
                    if target not in known:
                        line, column = rec.position_in_text(name, offset, index)
                        out.add(rec.path, line, column, lang, rec.id,
                                f"field '{name}': [[{target}]] refers to no record")


def _check_one_of(rec: RecordFile, schema: Collection, unique: dict, out: Problems) -> None:
    for group in schema.one_of:
        for lang in LANGUAGES:
            source = rec if lang == DEFAULT_LANGUAGE else unique[lang].get(rec.id)
            if source is None:
                continue
            present = any(name in rec.values or name in source.values for name in group)
            if not present:
                out.at(source, f"needs one of the fields {' or '.join(repr(n) for n in group)} "
                               f"(where the paper leaves it out, say so in '{group[-1]}')")


def _typographic(value, lang: str, inner: bool = False):
    if isinstance(value, str):
        return typography.quotes(value, lang, inner)
    if isinstance(value, list):
        return [_typographic(item, lang, inner) for item in value]
    return value


def _merge(unique: dict) -> Content:
    default = unique[DEFAULT_LANGUAGE]
    records = {}
    for lang in LANGUAGES:
        records[lang] = {}
        for record_id, original in default.items():
            schema = COLLECTIONS[original.collection]
            own = unique[lang][record_id]
            values = {f.name: original.values[f.name] for f in schema.neutral_fields
                      if f.name in original.values}
            values.update({f.name: _typographic(own.values[f.name], lang, f.name == "quote")
                           for f in schema.translated_fields if f.name in own.values})
            records[lang][record_id] = Record(original.collection, record_id, lang, own.path, values,
                                              own.values.get(STAMP_FIELD))
    return Content(records)


