"""The generated pages' Markdown: one page per record and per collection, in each language.

Every generated page is a function of the content: `page_makers` lists them all, by path under docs/,
with the translation pages (hooks/translations.py) and the options index (hooks/index.py).
"""
from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Callable

import jinja2

import index
import pictures
import translations
import xrefs
from git_dates import last_updated
from markdown_text import figure_context, figure_value, front_matter
from render import template_environment
from schema import COLLECTIONS, LANGUAGES, Field

TERMINOLOGY = "terminology"  # the termbase shown to readers
# Links between ideas that are always the site's reading: the paper does not say what answers what.
ALWAYS_EDITORIAL = {"responds_to"}
# Collections whose index page groups its records by a field, in the order of the field's choices.
GROUP_BY = {"options": "kind", "concepts": "kind", "agencies": "country", "needs": "tier"}
# Fields the page shows in its own place, not in the details list.
SHOWN_APART = {"order", "title", "summary", "body", "quote", "gaps", "points", "works", "same_in_both",
               "context", "not_in_paper", "unit", "no_separator", "editorial"}


def choice_label(labels: dict, name: str, value) -> str:
    return str(labels["choices"].get(name, {}).get(value, value))


def field_value(record, spec: Field, content, labels: dict) -> str | None:
    """A neutral or translated field as Markdown for the details list."""
    value = record[spec.name]
    if value is None:
        return None
    if spec.type == "ref":
        return xrefs.link(content.get(record.lang, value), record.collection)
    if spec.type == "refs":
        return ", ".join(xrefs.link(content.get(record.lang, v), record.collection) for v in value)
    if spec.type == "number":
        return figure_value(record)
    if spec.type == "choices":
        return ", ".join(choice_label(labels, spec.name, v) for v in value)
    if spec.type in ("choice", "int", "flag"):
        labelled = labels["choices"].get(spec.name)
        return choice_label(labels, spec.name, value) if labelled else str(value)
    return str(value)


def details(record, content, labels: dict) -> list[tuple[str, str]]:
    """(label, Markdown) of each field the details list shows; a value the paper does not state is marked."""
    rows = []
    background = set(record["not_in_paper"] or [])
    editorial = set(record["editorial"] or [])
    for spec in COLLECTIONS[record.collection].fields:
        if spec.name in SHOWN_APART or (spec.name == "number" and record.collection == "sections"):
            continue
        shown = field_value(record, spec, content, labels)
        if shown and spec.name in background:
            shown += f' <span class="background-mark">({labels["fields"]["not_in_paper"]})</span>'
        elif shown and (spec.name in editorial or spec.name in ALWAYS_EDITORIAL):
            shown += f' <span class="editorial-mark">({labels["index"]["editorial_mark"]})</span>'
        if shown:
            rows.append((labels["fields"][spec.name], shown))
    return rows


def records_from_section(section, content) -> list[tuple[str, list]]:
    """For a section page: the records that come from it, by collection."""
    groups = []
    for name in COLLECTIONS:
        items = content.grouped_by(section.lang, name, "section").get(section.id, [])
        if items:
            groups.append((name, items))
    return groups


# ---------------------------------------------------------------- rendering

def kind_line(record, content, labels: dict) -> str:
    """What the record is and where it sits: "Recommendation 1 of 5 · Section 8"."""
    positions = content.positions(record.lang, record.collection)
    line = labels["record_position"].format(kind=labels["record_kind"][record.collection],
                                            n=positions[record.id] + 1, total=len(positions))
    if record.collection == "options":  # and which of the paper's kinds of option
        line += f" · {choice_label(labels, 'kind', record['kind'])}"
    section = content.get(record.lang, record["section"]) if record["section"] else None
    section_name = section["title"].split(":")[0] if section else None
    return f"{line} · {section_name}" if section_name and section_name not in line else line


def translation_line(record, content, labels: dict, history: dict) -> dict:
    """The record's translation status, in the page's language, for translators."""
    spanish = record if record.lang != "en" else content.get("es", record.id)
    state = translations.status(content, spanish)
    english_path = f"content/en/{record.collection}/{record.id}.yml"
    changed = history.get(english_path)
    return {"status": state, "text": labels["translation"]["record_status"][state],
            "changed": date_words(changed, labels) if changed else None}


def date_words(iso: str, labels: dict) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    return labels["date_format"].format(day=day, month=labels["months"][month - 1], year=year)


def neighbour_titles(record, content) -> list[str]:
    """The titles of the records before and after this one, which its footer shows; in its front matter, so that
    when one of them is retitled this page's text changes too, and `mkdocs serve --dirty` builds it again."""
    ids = list(content.positions(record.lang, record.collection))
    n = ids.index(record.id)
    titles = [content.get(record.lang, i)["title"] for i in (ids[n - 1] if n else None,
                                                           ids[n + 1] if n + 1 < len(ids) else None) if i]
    return titles


def render_record(record, content, labels: dict, env: jinja2.Environment,
                  updated: tuple[str, str] | None = None, history: dict | None = None,
                  edit_base: str | None = None) -> str:
    template = env.get_template("record.md.j2")
    from_section = records_from_section(record, content) if record.collection == "sections" else []
    description = xrefs.plain_prose(record["summary"], record.lang, content)
    page = template.render(
        record=xrefs.with_links(record, content),
        referenced_by=xrefs.referenced_by(record, content, labels),
        outdated=translations.status(content, record) == translations.OUTDATED,
        side_by_side=translations.side_by_side_link(content, record),
        updated=updated,
        kind_line=kind_line(record, content, labels),
        translation=translation_line(record, content, labels, history or {}),
        edit_url=f"{edit_base}{record.path}" if edit_base else None,
        # the collection in the <title> keeps titles unique (an agency and a glossary term may share a name)
        front_matter=front_matter(f"{record['title']} · {labels['collections'][record.collection]['title']}",
                                  description, neighbours=neighbour_titles(record, content)),
        details=details(record, content, labels),
        labels=labels,
        collection_title=labels["collections"][record.collection]["title"],
        from_section=[(labels["collections"][name]["title"], [xrefs.link(r, "sections") for r in items])
                      for name, items in from_section],
    )
    definitions = xrefs.abbreviations(content.glossary(record.lang), page)
    return f"{page}\n{definitions}\n" if definitions else page


def group_records(lang: str, name: str, content, labels: dict) -> list[tuple[str | None, list]]:
    field_name = GROUP_BY.get(name)
    if not field_name:
        return [(None, content.collection(lang, name))]
    groups = content.grouped_by(lang, name, field_name)
    spec = COLLECTIONS[name].get(field_name)
    order = list(spec.choices) if spec.choices else sorted(groups)
    return [(choice_label(labels, field_name, value), groups[value]) for value in order if value in groups]


def by_letter(records: list) -> list[tuple[str, list]]:
    """The glossary by the first letter of each title, accents aside: [("A", [...]), ("B", [...]) ...]."""
    groups: dict[str, list] = {}
    for record in sorted(records, key=lambda r: _sort_key(r["title"])):
        key = _sort_key(record["title"])[:1].upper() or "#"
        groups.setdefault(key if key.isalpha() else "#", []).append(record)
    return sorted(groups.items())


def _sort_key(title: str) -> str:
    import unicodedata
    plain = "".join(c for c in unicodedata.normalize("NFD", title) if not unicodedata.combining(c))
    return "".join(c for c in plain.lower() if c.isalnum() or c == " ").strip()


def render_collection(lang: str, name: str, content, labels: dict, env: jinja2.Environment) -> str:
    meta = labels["collections"][name]
    letters = by_letter(content.collection(lang, name)) if name == "glossary" else None
    groups = letters or group_records(lang, name, content, labels)
    picture = pictures.picture(content, lang, name, labels, env)
    if picture and groups and groups[0][0] is None:  # the list after a picture gets a heading of its own
        groups = [(labels["full_list"].format(collection=meta["title"]), groups[0][1])]
    contexts = {}
    if name == "figures":  # a figure in a list shows its value, its period and its source, as the paper gives them
        for record in content.collection(lang, name):
            source = content.get(lang, record["footnote"]) if record["footnote"] else None
            contexts[record.id] = (f"**{figure_value(record)}** "
                                   f"({figure_context(record, source['title'] if source else None, '')})")
    responds = {}
    if name in ("recommendations", "strategies"):
        for record in content.collection(lang, name):
            responds[record.id] = ", ".join(xrefs.link(content.get(lang, r), name)
                                            for r in record["responds_to"] or [])
    return env.get_template("collection.md.j2").render(
        picture=picture,
        front_matter=front_matter(meta["title"], meta["intro"]),
        title=meta["title"],
        intro=meta["intro"],
        groups=groups,
        letters=[letter for letter, _ in letters] if letters else [],
        numbered=name not in ("glossary",),
        responds=responds,
        contexts=contexts,
        responds_label=labels["responds_reading"],
    )


def page_makers(content, all_labels: dict, history: dict, env: jinja2.Environment,
                edit_base: str | None = None) -> dict[Path, Callable]:
    """Every generated page, as {path relative to docs/: function(content) -> its Markdown}."""
    makers: dict[Path, Callable] = {}
    for lang in LANGUAGES:
        labels = all_labels[lang]
        for name in COLLECTIONS:
            folder = Path(lang) / name
            makers[folder / "index.md"] = partial(render_collection, lang, name, labels=labels, env=env)
            for record in content.collection(lang, name):
                makers[folder / f"{record.id}.md"] = partial(record_page, lang, record.id, labels=labels,
                                                             env=env, history=history, edit_base=edit_base)
        makers[Path(lang) / TERMINOLOGY / "index.md"] = partial(terminology_page, lang, labels=labels, env=env)
    for extra in (translations.page_makers(content, all_labels, env), index.page_makers(all_labels, env)):
        makers.update({Path(rel): make for rel, make in extra.items()})
    return makers


def terminology_page(lang: str, content, labels: dict, env: jinja2.Environment) -> str:
    words = labels["terminology"]
    return env.get_template("terminology.md.j2").render(
        front_matter=front_matter(words["title"], words["intro"]), words=words, terms=content.terms,
        notes=lang == "en")  # the notes are written for editors, in English


def record_page(lang: str, record_id: str, content, labels: dict, env: jinja2.Environment, history: dict,
                edit_base: str | None = None) -> str:
    record = content.get(lang, record_id)
    return render_record(record, content, labels, env, last_updated(record, history, labels), history, edit_base)


def generated_pages(content, all_labels: dict, history: dict | None = None,
                    edit_base: str | None = None) -> dict[Path, str]:
    """Every generated page, rendered, as {path relative to docs/: Markdown}.

    edit_base: where a record file is edited, the file's path appended ("https://github.com/o/r/edit/main/").
    """
    makers = page_makers(content, all_labels, history or {}, template_environment(), edit_base)
    return {rel: make(content) for rel, make in makers.items()}
