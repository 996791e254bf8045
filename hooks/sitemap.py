"""Build concern 11: sitemaps and robots.txt.

mkdocs-static-i18n writes site/sitemap.xml with every page and its language alternates.
Material's script, on every page, fetches "sitemap.xml" beside each <link rel="alternate">
of the page's head (it expects those links to be language home pages; mkdocs-material#6582).
Our alternates name the page's own counterparts, as hreflang asks, so without a sitemap.xml
beside each page every page load would request two missing files. This writes beside each page
a small sitemap of that page and its alternates, and a robots.txt naming the full sitemap.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from mkdocs.plugins import event_priority

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", SITEMAP_NS)
ET.register_namespace("xhtml", XHTML_NS)


def page_folder(address: str, site_url: str, site_dir: Path) -> Path | None:
    """The built folder of a page's absolute address, if the address is the site's."""
    if not address.startswith(site_url):
        return None
    return site_dir / address[len(site_url):]


def page_sitemaps(full_sitemap: bytes, site_url: str, site_dir: Path) -> dict[Path, bytes]:
    """{sitemap.xml beside a page: a sitemap of that page alone, with its alternates}."""
    sitemaps = {}
    for url in ET.fromstring(full_sitemap).findall(f"{{{SITEMAP_NS}}}url"):
        folder = page_folder(url.findtext(f"{{{SITEMAP_NS}}}loc", ""), site_url, site_dir)
        if folder is None or folder == site_dir:
            continue  # the full sitemap already sits beside the home page
        urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
        urlset.append(url)
        sitemaps[folder / "sitemap.xml"] = ET.tostring(urlset, encoding="utf-8", xml_declaration=True)
    return sitemaps


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n"


@event_priority(-200)  # after the i18n plugin has built every language and written the full sitemap
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # an inner, per-language build
    site_dir = Path(config.site_dir)
    site_url = config.site_url.rstrip("/") + "/"
    full = site_dir / "sitemap.xml"
    for path, xml in page_sitemaps(full.read_bytes(), site_url, site_dir).items():
        if path.parent.is_dir():
            path.write_bytes(xml)
    (site_dir / "robots.txt").write_text(robots_txt(site_url), encoding="utf-8")
