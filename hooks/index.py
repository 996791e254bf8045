"""Build concern 5: the policy-options index and the downloadable records.

The index lists every option the paper puts forward (the option records, the six strategies
and the five recommendations) with its facets. It is plain HTML that reads without JavaScript;
assets/options-index.js adds filters (in a panel that folds), search, sorting, live facet counts,
a message at zero results and a "download this view" CSV, all kept in the page's URL and carried
onto the language switch (both languages use the same facet value ids).

Downloads: every record as JSON, each collection as CSV, and the index's own CSV (every entry the
index shows, titles beside ids for every relation). Every CSV keeps its first row as the header row
(what spreadsheets and data tools expect) and carries the citation and licence note in a last column,
`source_and_licence`, on every row, so that the note stays with any row copied or filtered out; the
files start with a UTF-8 byte-order mark, without which Excel shows accented letters wrongly.
A figure's `as_written` (the paper's own words) comes right after its `value` in both formats.
"""
from __future__ import annotations

import csv
import io
import json
from functools import partial
from typing import Callable

import xrefs
from labels import load_labels
from markdown_text import front_matter
from schema import COLLECTIONS, LANGUAGES

INDEXED = ("recommendations", "strategies", "options")
FACETS = ("kind", "section", "collaboration", "pyramid", "themes", "actors")
FOLDER = "policy-options"
DOWNLOADS = "downloads"
DOWNLOAD_COLLECTIONS = tuple(COLLECTIONS)
INDEX_CSV = "policy-options.csv"
# A facet whose values are longer than this takes a whole line of its card; shorter ones share a line.
WIDE_AFTER = 26
# On a card, a section or a level of the pyramid is named by what comes before the colon of its title
# ("Section 8", "2 — Relational"); the filter names it in full.
SHORT_FACETS = ("section", "pyramid")


def short_label(label: str) -> str:
    return label.split(":", 1)[0].strip()


def kind_of(record) -> str:
    return record["kind"] if record.collection == "options" else record.collection


def option_records(content, lang: str) -> list:
    return [r for name in INDEXED for r in content.collection(lang, name)]


def facet_values(record, content) -> dict[str, list[str]]:
    """Each facet's values for one option, as data values (ids and choice keys)."""
    needs = [content.get(record.lang, n) for n in record["pyramid"] or []]
    return {
        "kind": [kind_of(record)],
        "section": [record["section"]] if record["section"] else [],
        "collaboration": [record["collaboration"]] if record["collaboration"] else [],
        "pyramid": sorted({str(n["tier"]) for n in needs}),
        "themes": list(record["themes"] or []),
        "actors": list(record["actors"] or []),
    }


def facet_label(facet: str, value: str, content, lang: str, labels: dict) -> str:
    if facet in ("section", "actors"):
        target = content.get(lang, value)
        return target["term"] if facet == "actors" and target["term"] else target["title"]
    key = {"pyramid": "tier"}.get(facet, facet)
    return str(labels["choices"][key].get(int(value) if key == "tier" else value, value))


def index_items(content, lang: str, labels: dict) -> list[dict]:
    items = []
    for position, record in enumerate(option_records(content, lang)):
        values = facet_values(record, content)
        items.append({
            "record": record,
            "summary": xrefs.plain_prose(record["summary"], lang, content),
            "position": position,
            "url": f"../{record.collection}/{record.id}/",
            "values": values,
            "shown": {facet: [(v, facet_label(facet, v, content, lang, labels)) for v in vals]
                      for facet, vals in values.items()},
            "card": {facet: [short_label(facet_label(facet, v, content, lang, labels)) if facet in SHORT_FACETS
                             else facet_label(facet, v, content, lang, labels) for v in vals]
                     for facet, vals in values.items()},
            "editorial": set(record["editorial"] or []),
            "arguments": [(f"../{a.collection}/{a.id}/", a["title"])
                          for a in (content.get(lang, i) for i in record["responds_to"] or [])],
            "strategy": content.get(lang, record["strategy"]) if record["strategy"] else None,
        })
    return items


def facet_options(items: list[dict], facet: str) -> list[tuple[str, str, int]]:
    """(value, label, number of options) for a facet's filter, in the order values first appear."""
    seen: dict[str, list] = {}
    for item in items:
        for value, label in item["shown"][facet]:
            seen.setdefault(value, [label, 0])[1] += 1
    if facet in ("themes", "actors"):
        return sorted(((v, label, n) for v, (label, n) in seen.items()), key=lambda t: t[1].casefold())
    return [(v, label, n) for v, (label, n) in seen.items()]


def binational_counts(items: list[dict]) -> dict[str, int]:
    """How many options are of the kind "proposed binational institution", how many need binational
    collaboration, and for how many of those the level is this site's reading."""
    binational = [i for i in items if i["values"]["collaboration"] == ["binational"]]
    return {
        "institutions": sum(i["values"]["kind"] == ["binational-institution"] for i in items),
        "binational": len(binational),
        "editorial": sum("collaboration" in i["editorial"] for i in binational),
    }


def binational_note(items: list[dict], labels: dict) -> tuple[str, str]:
    """The two sentences that tell the kind "proposed binational institution" from the collaboration level."""
    words, counts = labels["index"], binational_counts(items)
    kind = labels["choices"]["kind"]["binational-institution"]
    level = labels["choices"]["collaboration"]["binational"]
    return (words["binational_kind"].format(kind=kind, n=counts["institutions"]),
            words["binational_level"].format(level=level, n=counts["binational"], editorial=counts["editorial"]))


def index_page(content, lang: str, labels: dict, env) -> str:
    words = labels["index"]
    items = index_items(content, lang, labels)
    return env.get_template("policy-options.md.j2").render(
        front_matter=front_matter(words["title"], words["intro"]),
        words=words, labels=labels, items=items, facets=FACETS, wide_after=WIDE_AFTER,
        options={facet: facet_options(items, facet) for facet in FACETS},
        binational=binational_note(items, labels),
        index_csv=f"../{DOWNLOADS}/{INDEX_CSV}",
        downloads=[(f"../{DOWNLOADS}/{name}.csv", labels["collections"][name]["title"]) for name in DOWNLOAD_COLLECTIONS],
    )


# ---------------------------------------------------------------- downloads

NOTE_COLUMN = "source_and_licence"
BOM = "\ufeff"  # Excel reads a CSV as UTF-8 only when it starts with one


def source_note(labels: dict) -> str:
    words = labels["index"]
    return f"{words['cite_heading']} {words['citation']} {words['licence_heading']} {words['licence']}"


def download_fields(name: str) -> list[str]:
    """A collection's field names in download order: a figure's `as_written` right after its `value`."""
    names = [f.name for f in COLLECTIONS[name].fields]
    if "as_written" in names and "value" in names:
        names.remove("as_written")
        names.insert(names.index("value") + 1, "as_written")
    return names


def record_row(record) -> dict:
    row = {"id": record.id, "collection": record.collection}
    for name in download_fields(record.collection):
        value = record[name]
        if value is not None:
            row[name] = value
    return row


def records_json(content, lang: str, labels: dict) -> str:
    """Every record of the language, one per line (json's C encoder writes no indented layout)."""
    head = {"paper": labels["index"]["citation"], "licence": labels["index"]["licence"], "language": lang}
    lines = ["{" + json.dumps(head, ensure_ascii=False)[1:-1] + ',\n "collections": {']
    for n, name in enumerate(COLLECTIONS):
        rows = [json.dumps(record_row(r), ensure_ascii=False) for r in content.collection(lang, name)]
        comma = "," if n < len(COLLECTIONS) - 1 else ""
        lines.append(f'  "{name}": [\n   ' + ",\n   ".join(rows) + f"\n  ]{comma}" if rows else f'  "{name}": []{comma}')
    return "\n".join([*lines, " }", "}"]) + "\n"


def _csv(columns: list[str], rows, note: str) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*columns, NOTE_COLUMN], extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**{k: _cell(v) for k, v in row.items()}, NOTE_COLUMN: note})
    return out.getvalue()


def collection_csv(content, lang: str, name: str, labels: dict | None = None) -> str:
    labels = labels or load_labels()[lang]
    columns = ["id", *download_fields(name)]
    return _csv(columns, (record_row(r) for r in content.collection(lang, name)), source_note(labels))


INDEX_COLUMNS = (
    "id", "collection", "title", "kind", "kind_label", "number", "section", "section_title",
    "strategy", "strategy_title", "collaboration", "collaboration_label", "pyramid", "pyramid_titles",
    "pyramid_tier", "themes", "themes_labels", "actors", "actors_names", "responds_to", "responds_to_titles",
    "editorial", "summary",
)


def index_rows(content, lang: str, labels: dict) -> list[dict]:
    """One row per entry of the index, in the index's order, with the title beside every id it names."""
    rows = []
    for item in index_items(content, lang, labels):
        record, shown = item["record"], item["shown"]
        relations = {name: [content.get(lang, i) for i in record[name] or []] for name in ("pyramid", "responds_to")}
        rows.append({
            "id": record.id, "collection": record.collection, "title": record["title"],
            "kind": item["values"]["kind"], "kind_label": [label for _, label in shown["kind"]],
            "number": record["number"], "section": record["section"],
            "section_title": [label for _, label in shown["section"]],
            "strategy": record["strategy"], "strategy_title": item["strategy"]["title"] if item["strategy"] else None,
            "collaboration": record["collaboration"],
            "collaboration_label": [label for _, label in shown["collaboration"]],
            "pyramid": record["pyramid"], "pyramid_titles": [n["title"] for n in relations["pyramid"]],
            "pyramid_tier": [label for _, label in shown["pyramid"]],
            "themes": item["values"]["themes"], "themes_labels": [label for _, label in shown["themes"]],
            "actors": item["values"]["actors"], "actors_names": [label for _, label in shown["actors"]],
            "responds_to": record["responds_to"], "responds_to_titles": [a["title"] for a in relations["responds_to"]],
            "editorial": sorted(item["editorial"]), "summary": item["summary"],
        })
    return rows


def index_csv(content, lang: str, labels: dict) -> str:
    """The index as a table. No cell holds a line break, so each entry is one line (the page's script
    filters the lines by id to make the "download this view" file)."""
    rows = [{k: " ".join(_cell(v).split()) for k, v in row.items() if v not in (None, [])}
            for row in index_rows(content, lang, labels)]
    return _csv(list(INDEX_COLUMNS), rows, source_note(labels))


def _cell(value) -> str:
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):  # a cited work
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def _with_bom(make: Callable) -> Callable:
    return lambda content: BOM + make(content)


def page_makers(all_labels: dict, env) -> dict[str, Callable]:
    """{path relative to docs/: function(content) -> text} for the index pages and the downloads of both languages."""
    out = {}
    for lang in LANGUAGES:
        labels = all_labels[lang]
        out[f"{lang}/{FOLDER}/index.md"] = partial(index_page, lang=lang, labels=labels, env=env)
        out[f"{lang}/{DOWNLOADS}/records.json"] = partial(records_json, lang=lang, labels=labels)
        out[f"{lang}/{DOWNLOADS}/{INDEX_CSV}"] = _with_bom(partial(index_csv, lang=lang, labels=labels))
        for name in DOWNLOAD_COLLECTIONS:
            out[f"{lang}/{DOWNLOADS}/{name}.csv"] = _with_bom(partial(collection_csv, lang=lang, name=name, labels=labels))
    return out
