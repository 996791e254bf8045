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

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# Links within the page (#…) and to other hosts already say enough or are shown as they are.
RELATIVE_LINK = re.compile(r'<a (?=[^>]*\bhref="(?![a-z][a-z0-9+.-]*:|#)([^"]*)")')


def page_base(site_url: str, page_url: str) -> tuple[str, str, str]:
    """(scheme://host, the page's path, the folder relative links start from), worked out once per page."""
    parts = urlsplit(site_url)
    page_path = posixpath.join(parts.path or "/", page_url)
    directory = page_path if page_path.endswith("/") else posixpath.dirname(page_path).rstrip("/") + "/"
    return f"{parts.scheme}://{parts.netloc}", page_path, directory


def resolve(base: tuple[str, str, str], href: str) -> str:
    host, page_path, directory = base
    path, hash_sign, fragment = href.partition("#")
    if not path:
        resolved = page_path
    elif path.startswith("/"):
        resolved = path
    else:
        resolved = posixpath.normpath(directory + path)
        if path in (".", "..") or path.endswith(("/", "/.", "/..")):
            resolved = resolved.rstrip("/") + "/"
    return f"{host}{resolved}{hash_sign}{fragment}"


def absolute_address(site_url: str, page_url: str, href: str) -> str:
    """Where a relative href on the page at page_url (relative to site_url) leads, as a full address.

    (urllib's urljoin gives the same, several times slower; a page has dozens of links.)
    """
    return resolve(page_base(site_url, page_url), href)


def mark_print_addresses(html: str, site_url: str, page_url: str) -> str:
    base = page_base(site_url, page_url)

    def mark(match: re.Match) -> str:
        href = match.group(1)
        absolute = resolve(base, html_lib.unescape(href) if "&" in href else href)
        return f'<a data-print-href="{html_lib.escape(absolute)}" '
    return RELATIVE_LINK.sub(mark, html)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return mark_print_addresses(html, config.site_url, page.url)
