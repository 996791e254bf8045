"""Build concern 7: one search index per language, with clean entries.

What the index holds. Material's search plugin makes an entry of each page's text, reading the page's HTML
in on_page_context. Just before it reads, this gives it a search view of the page (`search_view`), and puts
the page back just after, so that what readers see is unchanged:
- drawings (<svg>) and form controls are left out, and so are the parts of pages that repeat record pages
  label by label (the options index's list, the argument map) and the pages' controls (`SKIPPED_CLASSES`);
  a record page's tools (its side-by-side and edit links) carry Material's own `data-search-exclude`;
- tables and definition lists become paragraphs of "label: value", not label and value run together;
- a record page's title says what kind of record it is: "Work at two levels · Recommendation", and comes
  first, so that a page makes one entry (and one more per titled section), not one more for what precedes
  its title;
- what Material's indexer reads but leaves out of entries goes first (`for_indexer`): links, emphasis and other
  inline tags around words, heading permalinks, attributes it does not read. The entries are the same (a test
  compares them on every page of the site), made in about two thirds of the time.

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

import html
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
from page_files import record_of

from schema import DEFAULT_LANGUAGE, LANGUAGES

CONFIG_SCRIPT = '<script id="__config" type="application/json">'  # Material's configuration of the page

# Left out of the index: drawings (their labels repeat the records they link to) and form controls.
SKIPPED_TAGS = {"svg", "form"}
# Left out of the index, by class: parts of pages that repeat record pages, and the pages' controls.
SKIPPED_CLASSES = {
    "argument-map",        # the argument map and its list (hooks/templates/argument-map.html.j2)
    "argument-map__list",
    "options-list",        # policy-options index: every option with its facets (hooks/templates/policy-options.md.j2)
    "options-panel",       # policy-options index: its filters
    "options-filters",
    "options-count",       # policy-options index: "76 options", a live count for the filters
}
TABLE = re.compile(r"<table\b[^>]*>(.*?)</table>", re.DOTALL)
CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.DOTALL)
HEAD = re.compile(r"<thead\b[^>]*>.*?</thead>", re.DOTALL)
ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.DOTALL)
CELL = re.compile(r"<(t[hd])\b[^>]*>(.*?)</\1>", re.DOTALL)
# Closing tags after which words must not run into the next ones (Material's indexer keeps no space).
BLOCK_END = re.compile(r"(</(?:div|figcaption|caption|summary|label|option|th|td|section|details|dt|dd)>)")
H1 = re.compile(r"<h1\b.*?</h1>", re.DOTALL)
HEADERLINK = re.compile(r'(<a class="headerlink"|</h1>)')


def language_of(location: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


# --- The search view of a page ------------------------------------------------------------------

def _element_end(text: str, tag: str, start: int) -> int:
    """Where the element whose opening tag ends at `start` ends (after its closing tag)."""
    depth = 1
    for m in re.finditer(rf"<(/?){tag}\b[^>]*?(/?)>", text[start:], re.IGNORECASE):
        if m.group(1):
            depth -= 1
        elif not m.group(2):
            depth += 1
        if depth == 0:
            return start + m.end()
    return len(text)


# Where an element to leave out may start: a drawing or a form, or a class attribute (read for its classes).
SKIPPABLE = re.compile(r'<(svg|form)\b|class="((?:[^"]* )?(?:' + "|".join(sorted(SKIPPED_CLASSES, key=len, reverse=True))
                       + r')(?: [^"]*)?)"')  # as Markdown and the templates write them
DRAWING_OR_FORM = re.compile(r"<(svg|form)\b")  # the same, on the many pages that have none of the classes
TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")


def without_skipped_elements(text: str) -> str:
    out, pos = [], 0
    pattern = SKIPPABLE if any(name in text for name in SKIPPED_CLASSES) else DRAWING_OR_FORM
    for m in pattern.finditer(text):
        if m.start() < pos:
            continue  # inside an element already left out
        if m.group(1):
            start, tag = m.start(), m.group(1).lower()
        elif SKIPPED_CLASSES.intersection(m.group(2).split()):
            start = text.rfind("<", 0, m.start())
            tag = TAG_NAME.match(text, start).group(1).lower()
        else:
            continue
        open_end = text.find(">", m.end()) + 1
        if open_end == 0 or text[open_end - 2] == "/":
            continue  # no end, or a self-closing tag
        out.append(text[pos:start] + " ")
        pos = _element_end(text, tag, open_end)
    out.append(text[pos:])
    return "".join(out)


def _table_as_paragraphs(m: re.Match) -> str:
    """A table as its caption and one paragraph per row: "Agency: Border Patrol; Reports to: DHS".

    Paragraphs, not a list: Material shows a result's paragraphs that match the query, not the whole table.
    """
    body = m.group(1)
    caption = CAPTION.search(body)
    head = HEAD.search(body)
    headers = [c.group(2).strip() for c in CELL.finditer(head.group(0))] if head else []
    rows = []
    for row in ROW.finditer(HEAD.sub("", body)):
        cells = [c.group(2).strip() for c in CELL.finditer(row.group(1))]
        if len(cells) == len(headers):
            parts = [f"{h}: {c}" for h, c in zip(headers, cells) if c]
        else:
            parts = [c for c in cells if c]
        rows.append(f"<p>{'; '.join(parts)}</p>")
    return (f"<p>{caption.group(1).strip()}</p>" if caption else "") + "".join(rows)


def definitions_as_paragraphs(text: str) -> str:
    """<dl><dt>Kind</dt><dd>Hammer</dd></dl> as <p>Kind: Hammer</p>, one paragraph per term (see above)."""
    text = re.sub(r"</?dl\b[^>]*>", "", text)
    text = re.sub(r"</dt>\s*<dt\b[^>]*>", ", ", text)
    text = re.sub(r"</dt>\s*<dd\b[^>]*>", ": ", text)
    text = re.sub(r"</dd>\s*<dd\b[^>]*>", "; ", text)
    return re.sub(r"<dt\b[^>]*>", "<p>", text).replace("</dd>", "</p>")


def search_view(content: str, kind: str | None = None) -> str:
    """The page's HTML as the search index should read it (see the module's docstring)."""
    return for_indexer(readable_view(content, kind))


def readable_view(content: str, kind: str | None = None) -> str:
    """The page's HTML with what the index should not hold left out, and what it holds made to read well."""
    text = without_skipped_elements(content)
    if "<table" in text:
        text = TABLE.sub(_table_as_paragraphs, text)
    if "<dl" in text:
        text = definitions_as_paragraphs(text)
    text = BLOCK_END.sub(r"\1 ", text)
    h1 = H1.search(text)
    if h1:
        # The title first: what comes before it (a record's kind and position) is the page's text, not an
        # entry of its own titled by the page's <title>.
        title = h1.group(0)
        if kind:
            title = HEADERLINK.sub(lambda m: f" · {html.escape(kind)}{m.group(1)}", title, count=1)
        text = title + text[:h1.start()] + text[h1.end():]
    return text


# Material's indexer keeps paragraphs, lists, code, sub- and superscripts, and headings for its sections; it reads
# every other tag and attribute only to drop them, which is most of its time.
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)  # "¶", which it leaves out of titles
INLINE_TAG = re.compile(r"</?(?:a|abbr|b|bdi|br|cite|dfn|em|i|img|input|kbd|label|mark|q|s|samp|small|span|strong"
                        r"|time|u|var|wbr)\b[^>]*>")
# Attributes: all but a heading's (its id names a section) and Material's data-search-exclude; self-closing tags
# are left as they are.
ATTRIBUTES = re.compile(r"<(?!h[1-6]\b)([a-zA-Z][a-zA-Z0-9]*)\s(?![^>]*data-search-exclude)[^>]*(?<!/)>")


def for_indexer(text: str) -> str:
    """The page's HTML with only what Material's indexer makes entries of: the same entries, read faster."""
    return ATTRIBUTES.sub(r"<\1>", INLINE_TAG.sub("", PERMALINK.sub("", text)))


def record_kind(src_uri: str, content, labels: dict) -> str | None:
    """What kind of record a page shows, in its language ("Recommendation"); None if not a record page."""
    record = record_of(src_uri, content)
    if record is None:
        return None
    words = labels[record.lang]
    # Singular names of the kinds when the labels have them, else the collection's title.
    return (words.get("record_kind") or {}).get(record.collection) or words["collections"][record.collection]["title"]


@event_priority(50)  # before Material's search plugin reads the page
def _search_reads_search_view(context, *, page: Page, config: MkDocsConfig, nav):
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


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
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


@event_priority(-200)  # after the i18n plugin has built every language and written the merged index
def on_post_build(*, config: MkDocsConfig) -> None:
    if i18n_plugin.building_other_languages(config):
        return  # an inner, per-language build: the merged index is not written yet
    write_split_indexes(Path(config.site_dir), i18n_plugin.only_language(config))
