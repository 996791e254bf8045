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

from render import front_matter
from schema import COLLECTIONS, DEFAULT_LANGUAGE, LANGUAGES

UP_TO_DATE, OUTDATED, MISSING = "up-to-date", "outdated", "missing"
STATUSES = (UP_TO_DATE, OUTDATED, MISSING)
GENERATED_FOLDERS = ("translations", "side-by-side")


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
    return UP_TO_DATE if record.stamp == fingerprint(content.get(DEFAULT_LANGUAGE, record.id)) else OUTDATED


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
        front_matter=front_matter(words["status_title"], words["status_intro"].replace("`", "")),
        labels=labels, words=words, per_language=per_language, statuses=STATUSES)


def side_by_side_page(content, lang: str, name: str, labels: dict, env) -> str:
    words = labels["translation"]
    collection_title = labels["collections"][name]["title"]
    rows = []
    for record in content.collection(lang, name):
        fields = []
        for spec in COLLECTIONS[name].translated_fields:
            texts = {language: content.get(language, record.id)[spec.name] for language in LANGUAGES}
            if any(texts.values()):
                fields.append((spec.name, texts))
        rows.append((record, fields))
    title = words["side_by_side_title"].format(collection=collection_title)
    return env.get_template("side-by-side.md.j2").render(
        front_matter=front_matter(title, words["side_by_side_intro"]),
        labels=labels, words=words, rows=rows, languages=LANGUAGES, page_lang=lang,
        title=title, collection=name)


def page_makers(all_labels: dict, env) -> dict[str, Callable]:
    """{path relative to docs/: function(content) -> Markdown} for the status page and the side-by-side pages."""
    out = {}
    for lang in LANGUAGES:
        labels = all_labels[lang]
        out[f"{lang}/translations/index.md"] = partial(status_page, lang=lang, labels=labels, env=env)
        for name in COLLECTIONS:
            out[f"{lang}/side-by-side/{name}.md"] = partial(side_by_side_page, lang=lang, name=name,
                                                            labels=labels, env=env)
    return out
