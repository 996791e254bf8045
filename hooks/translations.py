"""Build concern 3: keep translations honest.

Each translation states which version of its English original it translates (a fingerprint
of the English text fields, field `translates`). From that the build derives each record's
translation status, the notice on outdated pages, the status page and the side-by-side view.
"""
from __future__ import annotations

import hashlib
import json
from functools import partial
from typing import Callable

from markdown_text import front_matter
from schema import COLLECTIONS, DEFAULT_LANGUAGE, LANGUAGES

UP_TO_DATE, OUTDATED, MISSING = "up-to-date", "outdated", "missing"
STATUSES = (UP_TO_DATE, OUTDATED, MISSING)
GENERATED_FOLDERS = ("translations", "side-by-side")
NOT_SEARCHED = {"exclude": True}  # front matter: Material leaves these pages out; the records' own pages are the results


def fingerprint(original) -> str:
    """A short hash of the English record's text fields: it changes when any of them changes."""
    texts = {f.name: original[f.name] for f in COLLECTIONS[original.collection].translated_fields
             if original[f.name] is not None}
    canonical = json.dumps(texts, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def status(content, record) -> str | None:
    """up-to-date, outdated or missing for a translation; None for an English record."""
    if record.lang == DEFAULT_LANGUAGE:
        return None
    if record.stamp is None:
        return MISSING
    current = content.once(("fingerprint", record.id), lambda: fingerprint(content.get(DEFAULT_LANGUAGE, record.id)))
    return UP_TO_DATE if record.stamp == current else OUTDATED


def statuses(content, lang: str) -> dict[str, list]:
    """The records of one translated language, by status."""
    grouped = {s: [] for s in STATUSES}
    for name in COLLECTIONS:
        for record in content.collection(lang, name):
            grouped[status(content, record)].append(record)
    return grouped


def translated_languages() -> list[str]:
    return [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]


# ---------------------------------------------------------------- pages

def status_page(content, lang: str, labels: dict, env) -> str:
    words = labels["translation"]
    per_language = []
    for translated in translated_languages():
        # the status is the translation's; the titles are in the language of the page
        grouped = {status: [content.get(lang, r.id) for r in records]
                   for status, records in statuses(content, translated).items()}
        per_language.append((translated, grouped))
    return env.get_template("translations.md.j2").render(
        front_matter=front_matter(words["status_title"], words["status_intro"], search=NOT_SEARCHED),
        labels=labels, words=words, per_language=per_language, statuses=STATUSES)


# Python-Markdown's handling of the view's raw-HTML blocks (md_in_html) takes more than linearly longer as a
# page grows: a whole collection on one page took 46 to 81 times as long at 30 times the records. So each
# collection's view is split into pages of at most this many records.
SIDE_BY_SIDE_RECORDS = 25


def side_by_side_file(name: str, part: int) -> str:
    """The file of one part of a collection's view, beside the other parts: options.md, options-2.md …"""
    return f"{name}.md" if part == 1 else f"{name}-{part}.md"


def side_by_side_link(content, record, size: int = SIDE_BY_SIDE_RECORDS) -> str:
    """From a record's page, the link to its place in its collection's side-by-side view."""
    part = content.page_of(record.lang, record.collection, record.id, size)
    return f"../side-by-side/{side_by_side_file(record.collection, part)}#{record.id}"


def side_by_side_page(content, lang: str, name: str, part: int, labels: dict, env,
                      size: int = SIDE_BY_SIDE_RECORDS) -> str:
    words = labels["translation"]
    ids = list(content.positions(lang, name))
    parts = content.page_count(lang, name, size)
    first = (part - 1) * size
    rows = []
    for record_id in ids[first:first + size]:
        in_each = {language: content.get(language, record_id) for language in LANGUAGES}
        fields = []
        for spec in COLLECTIONS[name].translated_fields:
            texts = {language: record[spec.name] for language, record in in_each.items()}
            if any(texts.values()):
                fields.append((spec.name, texts))
        rows.append((in_each[lang], fields))
    title = words["side_by_side_title"].format(collection=labels["collections"][name]["title"])
    if parts > 1:
        title = words["side_by_side_part_title"].format(title=title, part=part, parts=parts)
    return env.get_template("side-by-side.md.j2").render(
        front_matter=front_matter(title, words["side_by_side_intro"], search=NOT_SEARCHED),
        labels=labels, words=words, rows=rows, languages=LANGUAGES, page_lang=lang,
        title=title, collection=name, part=part,
        parts=[(n, side_by_side_file(name, n)) for n in range(1, parts + 1)] if parts > 1 else [],
        first=first + 1, last=first + len(rows), total=len(ids))


def page_makers(content, all_labels: dict, env, size: int = SIDE_BY_SIDE_RECORDS) -> dict[str, Callable]:
    """{path relative to docs/: function(content) -> Markdown} for the status page and the side-by-side pages."""
    out = {}
    for lang in LANGUAGES:
        labels = all_labels[lang]
        out[f"{lang}/translations/index.md"] = partial(status_page, lang=lang, labels=labels, env=env)
        for name in COLLECTIONS:
            for part in range(1, content.page_count(lang, name, size) + 1):
                out[f"{lang}/side-by-side/{side_by_side_file(name, part)}"] = partial(
                    side_by_side_page, lang=lang, name=name, part=part, labels=labels, env=env, size=size)
    return out
