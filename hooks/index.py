"""Build concern 5: the policy-options index and the downloadable records.

The index lists every option the paper puts forward (the option records, the six strategies
and the five recommendations) with its facets. It is plain HTML that reads without JavaScript;
assets/options-index.js adds filters, search, sorting and a count, kept in the page's URL.
"""
from __future__ import annotations

import csv
import io
import json
from functools import partial
from typing import Callable

import xrefs
from markdown_text import front_matter
from schema import COLLECTIONS, LANGUAGES

INDEXED = ("recommendations", "strategies", "options")
FACETS = ("kind", "section", "collaboration", "pyramid", "themes", "actors")
FOLDER = "policy-options"
DOWNLOADS = "downloads"
DOWNLOAD_COLLECTIONS = tuple(COLLECTIONS)


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


def index_page(content, lang: str, labels: dict, env) -> str:
    words = labels["index"]
    items = index_items(content, lang, labels)
    return env.get_template("policy-options.md.j2").render(
        front_matter=front_matter(words["title"], words["intro"]),
        words=words, labels=labels, items=items, facets=FACETS,
        options={facet: facet_options(items, facet) for facet in FACETS},
        downloads=[(f"../{DOWNLOADS}/{name}.csv", labels["collections"][name]["title"]) for name in DOWNLOAD_COLLECTIONS],
    )


# ---------------------------------------------------------------- downloads

def record_row(record) -> dict:
    row = {"id": record.id, "collection": record.collection}
    for spec in COLLECTIONS[record.collection].fields:
        value = record[spec.name]
        if value is not None:
            row[spec.name] = value
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


def collection_csv(content, lang: str, name: str) -> str:
    columns = ["id"] + [f.name for f in COLLECTIONS[name].fields]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record in content.collection(lang, name):
        row = record_row(record)
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def _cell(value) -> str:
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):  # a cited work
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def page_makers(all_labels: dict, env) -> dict[str, Callable]:
    """{path relative to docs/: function(content) -> text} for the index pages and the downloads of both languages."""
    out = {}
    for lang in LANGUAGES:
        labels = all_labels[lang]
        out[f"{lang}/{FOLDER}/index.md"] = partial(index_page, lang=lang, labels=labels, env=env)
        out[f"{lang}/{DOWNLOADS}/records.json"] = partial(records_json, lang=lang, labels=labels)
        for name in DOWNLOAD_COLLECTIONS:
            out[f"{lang}/{DOWNLOADS}/{name}.csv"] = partial(collection_csv, lang=lang, name=name)
    return out
