"""Build concern 1: load every record file safely and validate it against the schema.

Every problem is collected (never just the first) and reported together as
`file:line:column: [lang] id: message`; a content error stops the build with
that list and no Python traceback.
"""
from __future__ import annotations

import datetime
import gc
import hashlib
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

try:
    from mkdocs.exceptions import PluginError
except ImportError:  # the validate command (and its pre-commit hook) runs without MkDocs
    PluginError = Exception

import text_rules
import xrefs
from schema import (
    COLLECTIONS, DEFAULT_LANGUAGE, FIELD_TYPES, ID_PATTERN, LANGUAGES, RECORD_SUFFIXES, STAMP_FIELD, STAMP_PATTERN,
    WORK_KEYS, WORK_LANGUAGES, Collection, Field, ref_targets,
)

# Tags PyYAML's safe loader resolves by itself; any other tag (!!python/object,
# !custom ...) is refused before anything is constructed.
PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in
              ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    column: int
    lang: str
    record_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: [{self.lang}] {self.record_id}: {self.message}"


class ContentError(PluginError):
    """Raised with every problem found; MkDocs prints it and stops the build."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.column, p.message))
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} in the content records:"
        super().__init__("\n".join([header, *map(str, self.problems)]))


@dataclass
class RecordFile:
    """One parsed YAML file: its values and where each field was written."""
    collection: str
    id: str
    lang: str
    path: str  # relative to the project root, as shown in messages
    values: dict
    nodes: dict = field(default_factory=dict)  # field name -> YAML node (for line numbers)
    lines: list = field(default_factory=list)  # the file's lines (for columns inside text)
    digest: str = ""  # of the file's bytes, as read

    def where(self, name: str | None = None, index: int | None = None) -> tuple[int, int]:
        node = self.nodes.get(name)
        if node is not None and index is not None and isinstance(node, yaml.SequenceNode):
            node = node.value[index] if index < len(node.value) else node
        if node is None:
            return 1, 1
        return node.start_mark.line + 1, node.start_mark.column + 1


@dataclass
class Record:
    """A record as pages show it in one language: neutral fields plus that language's text."""
    collection: str
    id: str
    lang: str
    path: str  # the file this language's text comes from
    fields: dict
    stamp: str | None = None  # translations: the fingerprint of the English text they translate

    def __getitem__(self, name):
        return self.fields.get(name)


@dataclass
class Content:
    """All records, by language and id. Not changed after loading."""
    records: dict[str, dict[str, Record]]
    # Each collection's records in order, and their groups by a field, each made once: pages ask for
    # them thousands of times. Keyed (lang, collection), (lang, collection, field), ("positions", lang, collection),
    # ("glossary terms", lang) and "referrers".
    _made_once: dict = field(default_factory=dict, repr=False, compare=False)
    # A digest of every record file's path and bytes as they were read: the generated pages are made
    # from these, so the build can tell whether they changed without reading the files again.
    source_digest: str = field(default="", compare=False)

    def get(self, lang: str, record_id: str) -> Record | None:
        return self.records[lang].get(record_id)

    def collection(self, lang: str, name: str) -> list[Record]:
        if (lang, name) not in self._made_once:
            items = [r for r in self.records[lang].values() if r.collection == name]
            self._made_once[lang, name] = sorted(items, key=lambda r: (r["order"], r.id))
        return list(self._made_once[lang, name])

    def positions(self, lang: str, name: str) -> dict[str, int]:
        """{record id: its place in the collection's order, from 0}, made once."""
        key = ("positions", lang, name)
        if key not in self._made_once:
            self._made_once[key] = {r.id: n for n, r in enumerate(self.collection(lang, name))}
        return self._made_once[key]

    def page_of(self, lang: str, name: str, record_id: str, per_page: int) -> int | None:
        """On which page, from 1, a record falls when its collection is shown per_page records a page."""
        position = self.positions(lang, name).get(record_id)
        return None if position is None else position // per_page + 1

    def page_count(self, lang: str, name: str, per_page: int) -> int:
        """How many pages the collection takes at per_page records a page: the last record's page (1 if none)."""
        positions = self.positions(lang, name)
        return (len(positions) - 1) // per_page + 1 if positions else 1

    def grouped_by(self, lang: str, name: str, field_name: str) -> dict:
        """{value: [records of the collection whose field has that value, in order]}, made once."""
        key = (lang, name, field_name)
        if key not in self._made_once:
            groups: dict = {}
            for record in self.collection(lang, name):
                groups.setdefault(record[field_name], []).append(record)
            self._made_once[key] = groups
        return self._made_once[key]

    def referrers(self, record_id: str) -> list[tuple[str, str]]:
        """[(relation, source id), ...] of the records that point at this one (see xrefs.backlinks), made once."""
        if "referrers" not in self._made_once:
            self._made_once["referrers"] = xrefs.backlinks(self)
        return list(self._made_once["referrers"].get(record_id, []))

    def glossary(self, lang: str) -> "xrefs.Glossary":
        """{term: expansion} for the language's glossary terms (see xrefs.glossary_terms), made once."""
        if ("glossary terms", lang) not in self._made_once:
            self._made_once["glossary terms", lang] = xrefs.glossary_terms(self, lang)
        return self._made_once["glossary terms", lang]

    def count(self) -> int:
        return len(self.records[DEFAULT_LANGUAGE])


class _Collector:
    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []

    def add(self, path, line, column, lang, record_id, message):
        self.problems.append(Problem(str(path), line, column, lang, record_id, message))

    def at(self, rec: RecordFile, message: str, name: str | None = None, index: int | None = None):
        line, column = rec.where(name, index)
        self.add(rec.path, line, column, rec.lang, rec.id, message)


# ---------------------------------------------------------------- loading

def load_content(content_dir: Path, root: Path | None = None) -> Content:
    """Load and validate everything under content_dir; raise ContentError on any problem."""
    with collector_paused():
        return _load_and_check(Path(content_dir), root)


@contextmanager
def collector_paused():
    """Python's cycle collector is off while the records are parsed and checked.

    The YAML nodes of every file are kept until the checks end (they give the line numbers), and as they
    pile up the collector scans them all again and again, finding nothing to free: with 30 times the records,
    that was about 40 % of the loading time (3.6 s with it running, 2.1 s paused). Loading leaves no cycles
    behind, so pausing keeps nothing longer.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_and_check(content_dir: Path, root: Path | None) -> Content:
    root = Path(root) if root else content_dir.parent
    out = _Collector(root)
    files = {lang: {} for lang in LANGUAGES}
    # Ids of files that exist but could not be read: no follow-on problems are reported for them.
    unreadable = {lang: set() for lang in LANGUAGES}
    for lang in LANGUAGES:
        for record_id, rec in _read_language(content_dir, lang, out):
            if rec is None:
                unreadable[lang].add(record_id)
                continue
            _check_fields(rec, out)
            files[lang].setdefault(rec.id, []).append(rec)
    unique = _check_ids(files, out)
    _check_parity(unique, unreadable, out)
    _check_references(unique, files, unreadable, out)
    _check_prose_references(unique, unreadable, out)
    if out.problems:
        raise ContentError(out.problems)
    return _merge(unique, sources_digest(files))


def sources_digest(files: dict) -> str:
    digest = hashlib.sha256()
    for path, file_digest in sorted((rec.path, rec.digest) for recs in files.values()
                                    for group in recs.values() for rec in group):
        digest.update(f"{path}\0{file_digest}\0".encode())
    return digest.hexdigest()


def _read_language(content_dir: Path, lang: str, out: _Collector):
    lang_dir = content_dir / lang
    root = out.root.resolve()
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
            yield stem, parse_record_file(path, lang, parts[0], shown, out)


def files_under(folder: Path) -> list[str]:
    """Every file under folder (no __pycache__), as relative POSIX paths, sorted part by part as paths sort.

    (os.walk, not Path.rglob: a build lists some 800 files, and pathlib takes several times longer.)
    """
    found = []
    for parent, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if name != "__pycache__"]
        relative = os.path.relpath(parent, folder).replace(os.sep, "/")
        found += [name if relative == "." else f"{relative}/{name}" for name in names]
    return sorted(found, key=lambda path: path.split("/"))


def _relative(path: Path, root: Path) -> str:
    """The path as shown in messages: relative to the (resolved) project root where it can be."""
    try:
        return str(path.absolute().relative_to(root))
    except ValueError:
        try:
            return str(path.resolve().relative_to(root))
        except ValueError:
            return str(path)


def compose(text: str):
    """The YAML node tree of a text (safe: tags stay names, nothing is constructed).

    libyaml's parser, where PyYAML has it, is ten times faster and gives the same nodes and
    positions; the messages for malformed YAML are taken from the pure-Python parser, whose
    wording the error fixtures pin down.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def parse_record_file(path: Path, lang: str, collection: str, shown_path: str,
                      out: _Collector) -> RecordFile | None:
    """Read one file as UTF-8 YAML with plain tags only; None (and problems noted) if unreadable."""
    record_id = path.stem
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[:err.start].count(b"\n") + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        out.add(shown_path, line, column, lang, record_id,
                f"the file is not UTF-8 (byte 0x{raw[err.start]:02x}); save it as UTF-8")
        return None
    if not text.strip():
        out.add(shown_path, 1, 1, lang, record_id, "the file is empty")
        return None
    try:
        node = compose(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        context = err.context
        if context and err.context_mark and err.context_mark.line + 1 != line:
            context += f" (line {err.context_mark.line + 1})"
        problem = " ".join(filter(None, [context, err.problem]))
        out.add(shown_path, line, column, lang, record_id, f"malformed YAML: {problem}")
        return None
    except yaml.YAMLError as err:
        out.add(shown_path, 1, 1, lang, record_id, f"malformed YAML: {err}")
        return None
    if node is None:
        out.add(shown_path, 1, 1, lang, record_id, "the file is empty")
        return None
    rec = RecordFile(collection, record_id, lang, shown_path, {}, lines=text.splitlines(),
                     digest=hashlib.sha256(raw).hexdigest())
    bad_tags = list(_foreign_tags(node))
    for bad in bad_tags:
        out.add(shown_path, bad.start_mark.line + 1, bad.start_mark.column + 1, lang, record_id,
                f"YAML tag '{_short_tag(bad.tag)}' is not allowed: records hold only text, numbers and lists")
    if bad_tags:
        return None
    if not isinstance(node, yaml.MappingNode):
        out.add(shown_path, node.start_mark.line + 1, 1, lang, record_id,
                "a record file must be a mapping of 'field: value' lines")
        return None
    # A constructor alone, one per file: a whole SafeLoader would hold every node and value in reference
    # cycles, left for the garbage collector (a million objects per load at 30 times the records).
    constructor = yaml.constructor.SafeConstructor()
    for key_node, value_node in node.value:
        key = key_node.value
        if key in rec.nodes:
            out.add(shown_path, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    lang, record_id, f"field '{key}' is written twice")
            continue
        rec.nodes[key] = value_node
        rec.values[key] = constructor.construct_object(value_node, deep=True)
    return rec


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _foreign_tags(node):
    if node.tag not in PLAIN_TAGS:
        yield node
        return
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            yield from _foreign_tags(k)
            yield from _foreign_tags(v)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _foreign_tags(item)


# ---------------------------------------------------------------- one file

def _check_fields(rec: RecordFile, out: _Collector) -> None:
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
            value = check_value(rec, spec, rec.values[name], out)
            if value is not None and name == "same_in_both":
                value = _check_field_names(rec, schema, value, out)
            elif value is not None and name == "not_in_paper":
                value = _check_shown_field_names(rec, schema, value, out)
            if value is None:
                del rec.values[name]
            else:
                rec.values[name] = value
    for spec in schema.fields:
        if spec.required and spec.name not in rec.values and spec.name not in rec.nodes \
                and (spec.translated or is_default):
            out.at(rec, f"missing required field '{spec.name}' ({FIELD_TYPES[spec.type]})")


def _check_stamp(rec: RecordFile, out: _Collector) -> None:
    value = rec.values[STAMP_FIELD]
    if rec.lang == DEFAULT_LANGUAGE:
        out.at(rec, f"field '{STAMP_FIELD}' belongs in translations only", STAMP_FIELD)
    elif not isinstance(value, str) or not STAMP_PATTERN.match(value):
        out.at(rec, f"field '{STAMP_FIELD}' must be the 12-character fingerprint written by "
                    f"scripts/translations.py stamp", STAMP_FIELD)
    else:
        return
    del rec.values[STAMP_FIELD]


def _check_field_names(rec: RecordFile, schema: Collection, names: list, out: _Collector):
    translated = {f.name for f in schema.translated_fields}
    for i, name in enumerate(names):
        if name not in translated:
            out.at(rec, f"field 'same_in_both': '{name}' is not a text field of {schema.name}; "
                        f"text fields: {', '.join(sorted(translated))}", "same_in_both", i)
            return None
    return names


def _check_shown_field_names(rec: RecordFile, schema: Collection, names: list, out: _Collector):
    shown = [f.name for f in schema.fields if f.name not in NOT_MARKABLE]
    for i, name in enumerate(names):
        if name not in shown:
            out.at(rec, f"field 'not_in_paper': '{name}' is not a field shown in the details of {schema.name}; "
                        f"fields: {', '.join(shown)}", "not_in_paper", i)
            return None
    return names


# Fields that cannot be marked as background: where a record sits, its own words and its marks.
NOT_MARKABLE = {"order", "title", "summary", "body", "quote", "gaps", "points", "works", "same_in_both",
                "context", "not_in_paper", "editorial"}


def check_value(rec: RecordFile, spec: Field, value, out: _Collector):
    """The value, normalised, or None after noting why it does not fit the field."""
    name, kind = spec.name, spec.type

    def wrong(message, index=None):
        out.at(rec, f"field '{name}': {message}", name, index)

    if value is None:
        return wrong(f"is empty; expected {FIELD_TYPES[kind]}")
    if kind in ("line", "text"):
        text = _as_text(value)
        if text is None:
            return wrong(f"expected {FIELD_TYPES[kind]}, got {_describe(value)}")
        if kind == "line" and "\n" in text.strip():
            return wrong("must be a single line (no line breaks)")
        return _safe_text(text.strip() if kind == "line" else text, wrong)
    if kind == "lines":
        if not isinstance(value, list) or not value:
            return wrong(f"expected {FIELD_TYPES[kind]}, got {_describe(value)}")
        items = []
        for i, item in enumerate(value):
            text = _as_text(item)
            if text is None or "\n" in text.strip():
                return wrong(f"item {i + 1} must be a single line of text", i)
            if _safe_text(text, lambda m: wrong(m, i)) is None:
                return None
            items.append(text.strip())
        return items
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return wrong(f"expected a whole number, got {_describe(value)}")
        return value
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return wrong(f"expected a number (digits only, no commas or units), got {_describe(value)}")
        return value
    if kind == "flag":
        if not isinstance(value, bool):
            return wrong(f"expected true or false, got {_describe(value)}")
        return value
    if kind == "choice":
        if value not in spec.choices:
            return wrong(f"'{value}' is not one of: {', '.join(spec.choices)}")
        return value
    if kind == "choices":
        if not isinstance(value, list) or not value:
            return wrong(f"expected {FIELD_TYPES[kind]}, got {_describe(value)}")
        for i, item in enumerate(value):
            if item not in spec.choices:
                return wrong(f"'{item}' is not one of: {', '.join(spec.choices)}", i)
            if item in value[:i]:
                return wrong(f"'{item}' is listed twice", i)
        return value
    if kind == "ref":
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            return wrong(f"expected the id of a record, got {_describe(value)}")
        return value
    if kind == "refs":
        if not isinstance(value, list):
            return wrong(f"expected a list of record ids, got {_describe(value)}")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not ID_PATTERN.match(item):
                return wrong(f"item {i + 1}: expected the id of a record, got {_describe(item)}", i)
            if item in value[:i]:
                return wrong(f"'{item}' is listed twice", i)
        return value
    if kind == "works":
        return _check_works(value, wrong)
    raise AssertionError(f"unknown field type {kind}")  # a schema bug, not a content error


def _check_works(value, wrong):
    if not isinstance(value, list) or not value:
        return wrong(f"expected {FIELD_TYPES['works']}, got {_describe(value)}")
    works = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            return wrong(f"item {i + 1}: expected a mapping such as 'title: ...'", i)
        unknown = sorted(set(item) - set(WORK_KEYS))
        if unknown:
            return wrong(f"item {i + 1}: unknown key '{unknown[0]}'; allowed: {', '.join(WORK_KEYS)}", i)
        if "lang" in item and item["lang"] not in WORK_LANGUAGES:
            return wrong(f"item {i + 1}: 'lang' must be one of {', '.join(WORK_LANGUAGES)}", i)
        work = {}
        for key in WORK_KEYS:
            if key in item:
                text = _as_text(item[key])
                if text is None or _safe_text(text, lambda m: wrong(m, i)) is None:
                    return wrong(f"item {i + 1}: '{key}' must be text", i) if text is None else None
                work[key] = text.strip()
        works.append(work)
    return works


def _as_text(value):
    # Unquoted years and dates are read by YAML as numbers and dates; take them as written.
    if isinstance(value, bool):
        return None
    if isinstance(value, (str, int, datetime.date)):
        return str(value)
    return None


def _safe_text(text: str, wrong):
    """Record text is rendered as Markdown that cannot carry markup of its own (see text_rules)."""
    problem = text_rules.unsafe(text)
    return text if problem is None else wrong(problem[1])


def _describe(value) -> str:
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


# ---------------------------------------------------------------- across files

def _check_ids(files: dict, out: _Collector) -> dict[str, dict[str, RecordFile]]:
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


def _check_parity(unique: dict, unreadable: dict, out: _Collector) -> None:
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


def _check_translated_fields(original: RecordFile, twin: RecordFile, out: _Collector) -> None:
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


def _check_references(unique: dict, files: dict, unreadable: dict, out: _Collector) -> None:
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


def _check_prose_references(unique: dict, unreadable: dict, out: _Collector) -> None:
    """Every [[id]] marker in any language's text names a record."""
    known = set(unique[DEFAULT_LANGUAGE]) | unreadable[DEFAULT_LANGUAGE]
    for lang in LANGUAGES:
        for rec in unique[lang].values():
            for name, text, node in xrefs.text_values(rec.collection, rec.values, rec.nodes):
                for target, offset in xrefs.prose_references(text):
                    if target not in known:
                        line, column = xrefs.marker_position(node, text, offset, rec.lines) if node else (1, 1)
                        out.add(rec.path, line, column, lang, rec.id,
                                f"field '{name}': [[{target}]] refers to no record")


def _check_one_of(rec: RecordFile, schema: Collection, unique: dict, out: _Collector) -> None:
    for group in schema.one_of:
        for lang in LANGUAGES:
            source = rec if lang == DEFAULT_LANGUAGE else unique[lang].get(rec.id)
            if source is None:
                continue
            present = any(name in rec.values or name in source.values for name in group)
            if not present:
                out.at(source, f"needs one of the fields {' or '.join(repr(n) for n in group)} "
                               f"(where the paper leaves it out, say so in '{group[-1]}')")


def _merge(unique: dict, source_digest: str) -> Content:
    default = unique[DEFAULT_LANGUAGE]
    records = {}
    for lang in LANGUAGES:
        records[lang] = {}
        for record_id, original in default.items():
            schema = COLLECTIONS[original.collection]
            own = unique[lang][record_id]
            values = {f.name: original.values[f.name] for f in schema.neutral_fields
                      if f.name in original.values}
            values.update({f.name: own.values[f.name] for f in schema.translated_fields
                           if f.name in own.values})
            records[lang][record_id] = Record(original.collection, record_id, lang, own.path, values,
                                              own.values.get(STAMP_FIELD))
    return Content(records, source_digest=source_digest)


# ---------------------------------------------------------------- MkDocs hook

def on_config(config):
    """Load and validate once per build; the i18n plugin re-runs on_config per language."""
    if getattr(config, "site_content", None) is None:
        root = Path(config.config_file_path).parent
        config.site_content = load_content(root / "content", root)
    return config
