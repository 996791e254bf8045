"""Build concern 8: Material's own markup, mended where it is not valid or not accessible.

The W3C Nu HTML Checker finds three errors in the markup Material 9.8 writes on every page,
and Lighthouse finds the search dialog unnamed; each is mended here, after the page is
rendered, with the smallest change that keeps Material's styles and scripts working.
tests/test_standards.py runs both checkers, so a Material upgrade that changes this markup
shows up there.
"""
from __future__ import annotations

import re

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
SEARCH_FIELD_NAME = re.compile(r'class="md-search__input" name="query" aria-label="([^"]*)"')


def name_search_dialog(html: str) -> str:
    name = SEARCH_FIELD_NAME.search(html)
    if not name:
        return html
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{name.group(1)}">', 1)


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
        html = re.sub(re.escape(TOC_TITLE_LABEL) + r"(.*?)</label>",
                      r'<div class="md-nav__title">\1</div>', html, flags=re.DOTALL)
    return html


def on_post_page(output, page, config):
    return mend_material_markup(output)


def on_post_template(output_content, template_name, config):
    # The theme's own pages (404.html) are rendered without on_post_page.
    return mend_material_markup(output_content) if template_name.endswith(".html") else output_content
