"""Build concern 10: a printed page shows where each of its links leads.

Print CSS (docs/assets/site.css) hides the navigation chrome and writes each link's target
after it. CSS can only show an href as written, and the site's own links are relative
("../fn-12/"), which mean nothing on paper, so each one gets its absolute address in a
data-print-href attribute for the print CSS to show.
"""
from __future__ import annotations

import html as html_lib
import posixpath
import re
from urllib.parse import urlsplit

# Links within the page (#…) and to other hosts already say enough or are shown as they are.
RELATIVE_LINK = re.compile(r'<a (?=[^>]*\bhref="(?![a-z][a-z0-9+.-]*:|#)([^"]*)")')


def absolute_address(site_url: str, page_url: str, href: str) -> str:
    """Where a relative href on the page at page_url (relative to site_url) leads, as a full address.

    (urllib's urljoin gives the same, several times slower; a page has dozens of links.)
    """
    parts = urlsplit(site_url)
    path, hash_sign, fragment = href.partition("#")
    page_path = posixpath.join(parts.path or "/", page_url)
    if not path:
        resolved = page_path
    elif path.startswith("/"):
        resolved = path
    else:
        directory = page_path if page_path.endswith("/") else posixpath.dirname(page_path).rstrip("/") + "/"
        resolved = posixpath.normpath(directory + path)
        if path in (".", "..") or path.endswith(("/", "/.", "/..")):
            resolved = resolved.rstrip("/") + "/"
    return f"{parts.scheme}://{parts.netloc}{resolved}{hash_sign}{fragment}"


def mark_print_addresses(html: str, site_url: str, page_url: str) -> str:
    def mark(match: re.Match) -> str:
        href = match.group(1)
        absolute = absolute_address(site_url, page_url, html_lib.unescape(href) if "&" in href else href)
        return f'<a data-print-href="{html_lib.escape(absolute)}" '
    return RELATIVE_LINK.sub(mark, html)


def on_page_content(html, page, config, files):
    return mark_print_addresses(html, config.site_url, page.url)
