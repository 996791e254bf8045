"""Build concern 8: Material's own markup, mended where it is not valid or not accessible.

The W3C Nu HTML Checker finds three errors in the markup Material 9.8 writes on every page,
and Lighthouse finds the search dialog unnamed; each is mended here, after the page is
rendered, with the smallest change that keeps Material's styles and scripts working.
tests/test_standards.py runs both checkers, so a Material upgrade that changes this markup
shows up there.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


# The drawer and search toggles are checkboxes, on which `autocomplete` is not allowed.
# (Material adds it so that Firefox does not restore an open drawer after a reload.)
TOGGLES = [f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}"' for name in ("drawer", "search")]

# Section labels get tabindex="" (an empty, invalid value) when they are not focusable.
EMPTY_TABINDEX = ' tabindex=""'

# The table of contents' title is a label for the "__toc" toggle, which Material writes only
# when the page is listed in the navigation; record pages are not, so the label points at nothing.
TOC_TITLE_LABEL = '<label class="md-nav__title" for="__toc">'
TOC_TOGGLE = 'id="__toc"'

# The search dialog has no accessible name; it takes the one its search field already has,
# which Material writes in the page's language.
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_FIELD_NAME = 'class="md-search__input" name="query" aria-label="'


def name_search_dialog(html: str) -> str:
    start = html.find(SEARCH_FIELD_NAME)
    if start == -1:
        return html
    start += len(SEARCH_FIELD_NAME)
    name = html[start:html.index('"', start)]
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{name}">', 1)


def toc_titles_unlabelled(html: str) -> str:
    """Each table-of-contents title label, as a div with the same content and class."""
    start = html.find(TOC_TITLE_LABEL)
    while start != -1:
        end = html.find("</label>", start)
        if end == -1:
            break
        inner = html[start + len(TOC_TITLE_LABEL):end]
        html = f'{html[:start]}<div class="md-nav__title">{inner}</div>{html[end + len("</label>"):]}'
        start = html.find(TOC_TITLE_LABEL, start)
    return html


# Everything mended is in the header and the sidebars, before the page's own content.
CONTENT_START = '<div class="md-content"'


def mend_material_markup(html: str) -> str:
    head, start, content = html.partition(CONTENT_START)
    return mend_head(head) + start + content


def mend_head(html: str) -> str:
    html = name_search_dialog(html)
    for toggle in TOGGLES:
        html = html.replace(f'{toggle} autocomplete="off">', f"{toggle}>", 1)
    html = html.replace(EMPTY_TABINDEX, "")
    if TOC_TOGGLE not in html:
        html = toc_titles_unlabelled(html)
    return html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return mend_material_markup(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # The theme's own pages (404.html) are rendered without on_post_page.
    return mend_material_markup(output_content) if template_name.endswith(".html") else output_content
