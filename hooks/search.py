"""Build concern 7: one search index per language, with clean entries.

What the index holds. Material's search plugin makes an entry of each page's text, reading the page's HTML
in on_page_context. Just before it reads, this gives it a search view of the page (`search_view`), and puts
the page back just after, so that what readers see is unchanged (hooks/search_view.py says what it holds).

One index per language, whole. MkDocs writes one search index mixing both languages. After the last language is
built, this splits it: site/search/search_index.json keeps the English pages, site/es/search/… the Spanish
ones, each searched with its own language's rules, and every entry also carries its accented words without
accents, so "migracion" finds "migración". Spanish pages are pointed at their own index. A rebuild of the
changed pages alone (`./scripts/serve.sh`, MkDocs' --dirty) keeps each page's latest entries (`latest_entries`).

The other language. Each page's Material configuration (the `__config` script, which is data, not code)
also carries `other_language`: the address of the other language's home page, relative to the page, and
the words of a link to search there, from hooks/labels.yml (search.other_language). When a query finds
nothing, docs/assets/search-languages.js offers that link with the query (?q=, which Material's search
reads on load).
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.pages import Page

import build_state
import i18n_plugin
from search_view import record_kind, search_view
from schema import DEFAULT_LANGUAGE, LANGUAGES

CONFIG_SCRIPT = '<script id="__config" type="application/json">'  # Material's configuration of the page


def language_of(location: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


@event_priority(50)  # before Material's search plugin reads the page
def _search_reads_search_view(context, *, page: Page, config: MkDocsConfig, nav):
    if (page.meta.get("search") or {}).get("exclude"):
        return context  # Material leaves the page out of its index (the side-by-side views): nothing to read
    state = build_state.for_build(config)
    page.__dict__["_content_shown"] = page.content
    page.content = search_view(page.content or "", record_kind(page.file.src_uri, state.content, state.labels))
    return context


@event_priority(-50)  # after it: readers see the page as it was
def _readers_see_the_page(context, *, page: Page, config: MkDocsConfig, nav):
    if "_content_shown" in page.__dict__:
        page.content = page.__dict__.pop("_content_shown")
    return context


on_page_context = CombinedEvent(_search_reads_search_view, _readers_see_the_page)


# --- One index per language -------------------------------------------------------------------

def folded(text: str) -> str:
    """The text's accented words without their accents: "migración" -> "migracion"."""
    # (Entries hold only the few tags Material writes, <p>, <li> ..., without attributes: no accented word.)
    words = {w for w in re.findall(r"\w+", text) if not w.isascii()} if not text.isascii() else ()
    return " ".join(sorted({unicodedata.normalize("NFD", w).encode("ascii", "ignore").decode() for w in words}))


def with_folded_words(doc: dict) -> dict:
    """A search entry that also matches queries typed without accents (the extra words are not shown).

    The title's too, in the title, where a match counts most: "Merida" finds "Iniciativa Mérida" first.
    """
    doc = dict(doc)
    for field in ("title", "text"):
        extra = folded(doc.get(field, ""))
        if extra:
            doc[field] = f"{doc[field]} <span hidden>{extra}</span>"
    return doc


def split_index(index: dict) -> dict[str, dict]:
    """{lang: search index} with each language's pages, located relative to that language's root."""
    out = {}
    for lang in LANGUAGES:
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        docs = [with_folded_words(dict(doc, location=doc["location"][len(prefix):]))
                for doc in index["docs"] if language_of(doc["location"]) == lang]
        out[lang] = {"config": dict(index["config"], lang=[lang]), "docs": docs}
    return out


def latest_entries(docs: list[dict]) -> list[dict]:
    """Each page's entries once: those it was last indexed with.

    Under `mkdocs serve --dirty`, Material's search keeps the last index and appends the entries of the pages it
    builds again, removing the older entries of the first page only (it expects one page per rebuild). A page's
    entries come together (the page, then its sections), so each page keeps its last run of entries.
    """
    runs: dict[str, list[dict]] = {}
    current, run = None, []
    for doc in docs + [{"location": "\0"}]:
        page = doc["location"].split("#", 1)[0]
        if page != current or "#" not in doc["location"]:
            if current is not None:
                runs[current] = run
            current, run = page, []
        run.append(doc)
    return [doc for run in runs.values() for doc in run]


def write_split_indexes(site_dir: Path, only_language: str | None = None) -> None:
    path = site_dir / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"] = latest_entries(index["docs"])
    if only_language:  # one language built alone, at the root: its index needs no split
        indexes = {DEFAULT_LANGUAGE: {"config": dict(index["config"], lang=[only_language]),
                                      "docs": [with_folded_words(doc) for doc in index["docs"]]}}
    else:
        indexes = split_index(index)
    for lang, index in indexes.items():
        target = path if lang == DEFAULT_LANGUAGE else site_dir / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# --- Each page's search configuration ---------------------------------------------------------

def other_language(lang: str) -> str | None:
    return next((other for other in LANGUAGES if other != lang), None)


@lru_cache(maxsize=64)  # pages at the same depth share their configuration: worked out once per depth
def page_search_config(config_json: str, lang: str, offer: str | None) -> str:
    """Material's page configuration with this language's index and the other language's offer.

    `base` leads from the page to the site's root; a translated page's search looks under its language's
    folder (Material resolves the index and the results against `base`: it must end with a slash).
    """
    data = json.loads(config_json)
    root = data["base"].rstrip("/") + "/"
    if lang != DEFAULT_LANGUAGE:
        data["base"] = f"{root}{lang}/"
    other = other_language(lang)
    if offer and other:
        home = root if other == DEFAULT_LANGUAGE else f"{root}{other}/"
        data["other_language"] = {"lang": other, "home": home, "label": offer}
    # as Jinja's tojson writes it: nothing in it can end the script element
    return (json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("'", "\\u0027"))


def with_page_search_config(output: str, config: MkDocsConfig) -> str:
    lang = i18n_plugin.current_language(config)
    if i18n_plugin.only_language(config):
        return output  # one language alone, at the root: nothing to change, no other site to offer
    offer = build_state.for_build(config).labels[lang].get("search", {}).get("other_language")
    start = output.find(CONFIG_SCRIPT)
    end = output.find("</script>", start)
    if start == -1 or end == -1:
        return output
    start += len(CONFIG_SCRIPT)
    return output[:start] + page_search_config(output[start:end], lang, offer) + output[end:]


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return with_page_search_config(output, config)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # The theme's own pages (404.html, hooks/not_found.py) are rendered without on_post_page; the Spanish one
    # searches the Spanish pages too.
    return with_page_search_config(output_content, config) if template_name.endswith(".html") else output_content


@event_priority(-200)  # after the i18n plugin has built every language and written the merged index
def on_post_build(*, config: MkDocsConfig) -> None:
    if i18n_plugin.building_other_languages(config):
        return  # an inner, per-language build: the merged index is not written yet
    write_split_indexes(Path(config.site_dir), i18n_plugin.only_language(config))
