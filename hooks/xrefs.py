"""Build concern 4: cross-references between records.

- Relations are the ref/refs fields, written once in the English record; every target lists
  what points at it ("referenced by"), with titles in the page's language.
- In prose, `[[record-id]]` (or `[[record-id|link text]]`) becomes a link carrying the
  target's title in the page's language; an unknown id is a content error.
- Glossary terms are marked up as abbreviations wherever they appear in a record page.
"""
from __future__ import annotations

import re
from dataclasses import replace

from markdown_text import figure_context, figure_value, link_text
from markers import PROSE_REF, prose_references, text_values
from schema import COLLECTIONS, DEFAULT_LANGUAGE

# In hand-written pages also: [[list:collection]] (every record, linked, with its summary)
# and [[figure:id]] (a figure's value, unit and title, linked).
PAGE_MARKER = re.compile(r"\[\[(list|figure):([a-z0-9-]+)\]\]")
# Relations a target does not list back: a section page lists its records by itself.
NOT_LISTED_BACK = {"section"}


def link(target, from_collection: str, text: str | None = None) -> str:
    """A relative Markdown link from a page in from_collection to a record's page."""
    path = f"{target.id}.md" if target.collection == from_collection else f"../{target.collection}/{target.id}.md"
    return f"[{link_text(text or target['title'])}]({path})"


def link_prose(text: str, record, content) -> str:
    """Replace [[id]] markers with links in the record's language."""
    def replace(match):
        target = content.get(record.lang, match.group(1).strip())
        return link(target, record.collection, match.group(2))
    return PROSE_REF.sub(replace, text)


# Emphasis, with or without a language mark: *Los Zetas*{lang=es}, *Hacienda*.
EMPHASIS = re.compile(r"\*([^*\n]+)\*(?:\{[^}\n]*\})?")


def plain_prose(text: str, lang: str, content) -> str:
    """The text as plain words (for page descriptions, the options index and downloads): [[id]] markers
    become the target's title, emphasis and language marks go."""
    text = PROSE_REF.sub(lambda m: m.group(2) or content.get(lang, m.group(1).strip())["title"], text)
    return EMPHASIS.sub(r"\1", text)


def with_links(record, content):
    """A copy of the record whose text fields carry links instead of [[id]] markers."""
    fields = dict(record.fields)
    for spec in COLLECTIONS[record.collection].translated_fields:
        value = fields.get(spec.name)
        if isinstance(value, str):
            fields[spec.name] = link_prose(value, record, content)
        elif isinstance(value, list):
            fields[spec.name] = [link_prose(item, record, content) for item in value]
    return replace(record, fields=fields)


def backlinks(content) -> dict[str, list[tuple[str, str]]]:
    """{target id: [(relation, source id), ...]} from every relation field and prose marker."""
    found: dict[str, list[tuple[str, str]]] = {}
    for record in content.records[DEFAULT_LANGUAGE].values():
        for spec in COLLECTIONS[record.collection].fields:
            value = record[spec.name]
            if spec.type not in ("ref", "refs") or not value or spec.name in NOT_LISTED_BACK:
                continue
            for target in [value] if spec.type == "ref" else value:
                found.setdefault(target, []).append((spec.name, record.id))
        for _, text, _ in text_values(record.collection, record.fields):
            for target, _ in prose_references(text):
                if ("mentions", record.id) not in found.get(target, []):
                    found.setdefault(target, []).append(("mentions", record.id))
    return found


def referenced_by(record, content, labels: dict) -> list[tuple[str, list[str]]]:
    """For a record page: [(inverse relation label, [links])], in the page's language."""
    groups: dict[str, list[str]] = {}
    for relation, source_id in content.referrers(record.id):
        source = content.get(record.lang, source_id)
        label = labels["inverse"][relation]
        entry = link(source, record.collection)
        if entry not in groups.setdefault(label, []):
            groups[label].append(entry)
    return list(groups.items())


class Glossary(dict):
    """{term: expansion} for one language's glossary, and a pattern that finds its terms in a text.

    It finds what Markdown's abbr extension marks, `\\b(?:longest term first|…)\\b`, in one pass over
    the page, several times quicker than looking for each term in turn. (The leading \\b is checked
    by hand: a pattern that starts with it is tried at every character, one starting with the terms
    only where a term's first letter is.)
    """

    def __init__(self, terms: dict[str, str]):
        super().__init__(terms)
        alternatives = "|".join(re.escape(term) for term in sorted(self, key=len, reverse=True))
        self.pattern = re.compile(rf"(?:{alternatives})\b") if self else None

    def used_in(self, text: str) -> set[str]:
        found, position = set(), 0
        while self.pattern and (match := self.pattern.search(text, position)):
            if at_word_boundary(text, match.start()):
                found.add(match.group())
                position = match.end()
            else:
                position = match.start() + 1  # as \b(?:…)\b, which would go on from the next character
        return found


WORD_CHARACTER = re.compile(r"\w")


def at_word_boundary(text: str, position: int) -> bool:
    """What \\b says at this position of the text."""
    before = position > 0 and WORD_CHARACTER.match(text, position - 1) is not None
    after = WORD_CHARACTER.match(text, position) is not None
    return before != after


def glossary_terms(content, lang: str) -> Glossary:
    """The glossary terms of one language that stand for something longer."""
    return Glossary({term["term"]: term["expansion"] for term in content.collection(lang, "glossary")
                     if term["expansion"] and term["term"] != term["expansion"]})


def abbreviations(terms: Glossary, text: str) -> str:
    """Markdown abbreviation definitions for the glossary terms a page's text uses.

    Only those: Markdown looks for every definition in every line of the page, so defining the
    whole glossary on every page would make each page slower as the glossary grows.
    """
    used = terms.used_in(text)
    return "\n".join(f"*[{term}]: {expansion}" for term, expansion in terms.items() if term in used)


def expand_page(markdown: str, src_uri: str, content) -> tuple[str, list[str]]:
    """Resolve markers in a hand-written page; returns the Markdown and the problems found."""
    lang = src_uri.split("/")[0]
    prefix = "../" * (src_uri.count("/") - 1)
    problems = []

    def where(match) -> str:
        line = markdown[:match.start()].count("\n") + 1
        return f"docs/{src_uri}:{line}: [{lang}]"

    def path(record) -> str:
        return f"{prefix}{record.collection}/{record.id}.md"

    def marker(match):
        kind, name = match.groups()
        if kind == "list":
            if name not in COLLECTIONS:
                problems.append((match.start(), f"{where(match)} [[list:{name}]]: no such collection"))
                return match.group(0)
            return "\n".join(f"1. [{link_text(r['title'])}]({path(r)}) — {plain_prose(r['summary'], lang, content)}"
                             for r in content.collection(lang, name))
        record = content.get(lang, name)
        if record is None or record.collection != "figures":
            problems.append((match.start(), f"{where(match)} [[figure:{name}]]: no such figure"))
            return match.group(0)
        source = content.get(lang, record["footnote"]) if record["footnote"] else None
        context = figure_context(record, source["title"] if source else None, "")
        return f"**{figure_value(record)}** ({context}) — [{link_text(record['title'])}]({path(record)})"

    def reference(match):
        record = content.get(lang, match.group(1).strip())
        if record is None:
            return match.group(0)  # reported below
        return f"[{link_text(match.group(2) or record['title'])}]({path(record)})"

    for match in PROSE_REF.finditer(markdown):  # line numbers of the page as written
        if not PAGE_MARKER.fullmatch(match.group(0)) and content.get(lang, match.group(1).strip()) is None:
            problems.append((match.start(), f"{where(match)} [[{match.group(1)}]] refers to no record"))
    expanded = PROSE_REF.sub(reference, PAGE_MARKER.sub(marker, markdown))
    return expanded, [message for _, message in sorted(problems)]
