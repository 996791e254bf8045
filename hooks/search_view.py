"""The search view of a page: its HTML as Material's search indexer should read it (used by hooks/search.py).

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
"""
from __future__ import annotations

import html
import re

from page_files import record_of

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


# Where an element to leave out may start: a drawing or a form (all that most pages need looking for), or a
# class attribute, read for its classes (written as Markdown and the templates write them).
DRAWING_OR_FORM = re.compile(rf"<({'|'.join(sorted(SKIPPED_TAGS))})\b")
SKIPPABLE = re.compile(DRAWING_OR_FORM.pattern + r'|class="((?:[^"]* )?(?:'
                       + "|".join(sorted(SKIPPED_CLASSES, key=len, reverse=True)) + r')(?: [^"]*)?)"')
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
