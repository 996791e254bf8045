"""Reading one record file: UTF-8 YAML, safely, with the place of every field kept for messages.

Safely means: nothing is constructed but text, numbers, dates, lists and mappings (no tags of other
kinds), no aliases (a few hundred bytes of nested aliases expand to billions of values), and no nesting
deeper than records ever need (thousands of nested lists would exhaust Python's stack). libyaml composes the
file into nodes (an alias is the same node met twice, so composing does not expand it; libyaml stops at a
thousand levels); all three are then found in one walk over the nodes, which does not recurse, before any
value is built.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from problems import Problems

# Tags PyYAML's safe loader resolves by itself; any other tag (!!python/object, !custom ...) is refused.
PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in
              ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
# What YAML reads a plain `=` or `<<` as (PyYAML builds neither).
SPECIAL_SCALARS = {"tag:yaml.org,2002:value", "tag:yaml.org,2002:merge"}
# A record is a mapping of fields; a field may hold a list of mappings (cited works): depth 3.
MAX_DEPTH = 8
TOO_DEEP = (f"values are nested more than {MAX_DEPTH} levels deep; "
            "records hold text, lists and the mappings of cited works")
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where PyYAML has it: ten times faster


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

    def where(self, name: str | None = None, index: int | None = None) -> tuple[int, int]:
        node = self.nodes.get(name)
        if node is not None and index is not None and isinstance(node, yaml.SequenceNode):
            node = node.value[index] if index < len(node.value) else node
        if node is None:
            return 1, 1
        return node.start_mark.line + 1, node.start_mark.column + 1

    def position_in_text(self, name: str, offset: int, index: int | None = None) -> tuple[int, int]:
        """Line and column of a character of a field's text, as far as the file's lines show it."""
        node = self.nodes.get(name)
        if node is not None and index is not None and isinstance(node, yaml.SequenceNode):
            node = node.value[index] if index < len(node.value) else None
        if not isinstance(node, yaml.ScalarNode):
            return self.where(name, index)
        text = node.value
        line = node.start_mark.line + 1 + text[:offset].count("\n")
        if node.style in ("|", ">"):
            line += 1  # a block scalar's text starts on the line after its indicator
        snippet = text[offset:].split("\n", 1)[0][:20]
        source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if snippet and snippet in source:
            return line, source.find(snippet) + 1
        return (line, 1) if node.style in ("|", ">") else self.where(name, index)


def files_under(folder: Path) -> list[str]:
    """Every file under folder (no __pycache__), as relative POSIX paths, sorted part by part as paths sort."""
    found = []
    for parent, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if name != "__pycache__"]
        relative = os.path.relpath(parent, folder).replace(os.sep, "/")
        found += [name if relative == "." else f"{relative}/{name}" for name in names]
    return sorted(found, key=lambda path: path.split("/"))


def read_record_file(path: Path, lang: str, collection: str, shown_path: str,
                     out: Problems) -> RecordFile | None:
    """Read one file as a record; None (and its problems noted) if it cannot be read as one."""
    record_id = path.stem

    def problem(line: int, column: int, message: str) -> None:
        out.add(shown_path, line, column, lang, record_id, message)

    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[:err.start].count(b"\n") + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        problem(line, column, f"the file is not UTF-8 (byte 0x{raw[err.start]:02x}); save it as UTF-8")
        return None
    if not text.strip():
        problem(1, 1, "the file is empty")
        return None
    try:
        node = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError as err:
        if "nesting depth" in str(err.problem):  # libyaml's own limit, far above MAX_DEPTH
            problem(err.problem_mark.line + 1, err.problem_mark.column + 1, TOO_DEEP)
        else:
            problem(*_malformed(text))
        return None
    except yaml.YAMLError:
        problem(*_malformed(text))
        return None
    if node is None:
        problem(1, 1, "the file is empty")
        return None
    refused = _refused_constructs(node)
    for mark, message in refused:
        problem(mark.line + 1, mark.column + 1, message)
    if refused:
        return None
    if not isinstance(node, yaml.MappingNode):
        problem(node.start_mark.line + 1, 1, "a record file must be a mapping of 'field: value' lines")
        return None
    rec = RecordFile(collection, record_id, lang, shown_path, {}, lines=text.splitlines())
    # A constructor alone, one per file (a whole Loader would keep every node and value alive in cycles).
    constructor = yaml.constructor.SafeConstructor()
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            problem(key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    "a field name must be a plain word, not a list or a mapping")
            continue
        key = key_node.value
        if key in rec.nodes:
            problem(key_node.start_mark.line + 1, key_node.start_mark.column + 1, f"field '{key}' is written twice")
            continue
        rec.nodes[key] = value_node
        rec.values[key] = constructor.construct_object(value_node, deep=True)
    return rec


def _refused_constructs(root: yaml.Node) -> list[tuple[yaml.Mark, str]]:
    """(place, message) of every tag, alias or nesting a record may not have, in the order they are written."""
    refused, seen, aliases = [], set(), False
    stack = [(root, 1)]  # (node, how many collections deep it is when it is one)
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:  # an alias: the node its anchor names, met again
            if not aliases:  # the first is enough: a nest of aliases would give thousands of lines
                aliases = True
                refused.append((node.start_mark, "YAML anchors and aliases (&name, *name) are not allowed: "
                                                 "write each value out"))
            continue
        seen.add(id(node))
        if node.tag in SPECIAL_SCALARS and isinstance(node, yaml.ScalarNode):
            refused.append((node.start_mark, f"'{node.value}' alone means something else to YAML: "
                                             f"put it in quotes ('{node.value}')"))
        elif node.tag not in PLAIN_TAGS:
            short = node.tag.replace("tag:yaml.org,2002:", "!!")
            refused.append((node.start_mark, f"YAML tag '{short}' is not allowed: "
                                             "records hold only text, numbers and lists"))
        if isinstance(node, yaml.CollectionNode):
            if depth > MAX_DEPTH:
                refused.append((node.start_mark, TOO_DEEP))
                break
            children = node.value if isinstance(node, yaml.SequenceNode) else \
                [child for pair in node.value for child in pair]
            stack.extend((child, depth + 1) for child in reversed(children))
    return refused


def _malformed(text: str) -> tuple[int, int, str]:
    """Line, column and message for YAML that does not parse, in the words of PyYAML's own parser."""
    try:
        for _ in yaml.parse(text, Loader=yaml.SafeLoader):
            pass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        context = err.context
        if context and err.context_mark and err.context_mark.line + 1 != line:
            context += f" (line {err.context_mark.line + 1})"
        return line, column, f"malformed YAML: {' '.join(filter(None, [context, err.problem]))}"
    except yaml.YAMLError as err:
        return 1, 1, f"malformed YAML: {err}"
    return 1, 1, "malformed YAML"
