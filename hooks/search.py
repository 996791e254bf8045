"""Build concern 7: one search index per language.

MkDocs writes one search index mixing both languages. After the last language is built,
this splits it: site/search/search_index.json keeps the English pages, site/es/search/…
the Spanish ones, each searched with its own language's rules, and every entry also carries
its accented words without accents, so "migracion" finds "migración". Spanish pages are pointed
at their own index.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

import i18n_plugin

from schema import DEFAULT_LANGUAGE, LANGUAGES

CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{.*?"base": ")([^"]*)(")', re.DOTALL)


def language_of(location: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def folded(text: str) -> str:
    """The text's accented words without their accents: "migración" -> "migracion"."""
    words = {w for w in re.findall(r"\w+", re.sub(r"<[^>]+>", " ", text)) if not w.isascii()}
    return " ".join(sorted({unicodedata.normalize("NFD", w).encode("ascii", "ignore").decode() for w in words}))


def with_folded_words(doc: dict) -> dict:
    """A search entry that also matches queries typed without accents (the extra words are not shown)."""
    extra = folded(doc["text"])
    return dict(doc, text=f'{doc["text"]} <span hidden>{extra}</span>') if extra else doc


def split_index(index: dict) -> dict[str, dict]:
    """{lang: search index} with each language's pages, located relative to that language's root."""
    out = {}
    for lang in LANGUAGES:
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        docs = [with_folded_words(dict(doc, location=doc["location"][len(prefix):]))
                for doc in index["docs"] if language_of(doc["location"]) == lang]
        out[lang] = {"config": dict(index["config"], lang=[lang]), "docs": docs}
    return out


def write_split_indexes(site_dir: Path, only_language: str | None = None) -> None:
    path = site_dir / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    if only_language:  # one language built alone, at the root: its index needs no split
        indexes = {DEFAULT_LANGUAGE: {"config": dict(index["config"], lang=[only_language]),
                                      "docs": [with_folded_words(doc) for doc in index["docs"]]}}
    else:
        indexes = split_index(index)
    for lang, index in indexes.items():
        target = path if lang == DEFAULT_LANGUAGE else site_dir / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """A translated page looks for the search index under its own language's folder."""
    lang = i18n_plugin.current_language(config)
    if lang == DEFAULT_LANGUAGE or i18n_plugin.only_language(config):
        return output
    # Material resolves the index and the results against this base: it must end with a slash
    return CONFIG_BASE.sub(lambda m: f"{m.group(1)}{m.group(2)}/{lang}/{m.group(3)}", output, count=1)


@event_priority(-200)  # after the i18n plugin has built every language and written the merged index
def on_post_build(*, config: MkDocsConfig) -> None:
    if i18n_plugin.building_other_languages(config):
        return  # an inner, per-language build: the merged index is not written yet
    write_split_indexes(Path(config.site_dir), i18n_plugin.only_language(config))
