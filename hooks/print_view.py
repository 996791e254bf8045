"""Build concern 10: a printed page shows where each of its links leads.

Print CSS (docs/assets/site.css) hides the navigation chrome and writes each link's target
after it. CSS can only show an href as written, and the site's own links are relative
("../fn-12/"), which mean nothing on paper, so each one gets its absolute address in a
data-print-href attribute for the print CSS to show.
"""
from __future__ import annotations

import html as html_lib
import re
from urllib.parse import urljoin

# Links within the page (#…) and to other hosts already say enough or are shown as they are.
RELATIVE_LINK = re.compile(r'<a (?=[^>]*\bhref="(?![a-z][a-z0-9+.-]*:|#)([^"]*)")')


def mark_print_addresses(html: str, page_address: str) -> str:
    def mark(match: re.Match) -> str:
        absolute = urljoin(page_address, html_lib.unescape(match.group(1)))
        return f'<a data-print-href="{html_lib.escape(absolute)}" '
    return RELATIVE_LINK.sub(mark, html)


def on_page_content(html, page, config, files):
    return mark_print_addresses(html, urljoin(config.site_url, page.url))
