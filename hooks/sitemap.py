"""Build concern 11: sitemaps and robots.txt.

mkdocs-static-i18n writes site/sitemap.xml with every page and its language alternates, and
robots.txt names it. Material's script, on every page, also fetches "sitemap.xml" beside each
<link rel="alternate"> of the page's head: it expects those links to be language home pages
(mkdocs-material#6582), but ours name the page's own counterparts, as hreflang asks. So that
no page asks for a missing file, a small sitemap (the two home pages) sits beside every page:
one file, hard-linked into each page's folder, as creating hundreds of files would take a
noticeable part of the build.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

import i18n_plugin

ENTRY = re.compile(r"<url>.*?</url>", re.DOTALL)
LOC = re.compile(r"<loc>([^<]*)</loc>")
HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
          'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n')


def page_addresses(full_sitemap: str) -> list[str]:
    return LOC.findall(full_sitemap)


def home_pages_sitemap(full_sitemap: str, homes: set[str]) -> str:
    """A sitemap of the home pages alone, their entries copied from the full sitemap."""
    entries = [entry for entry in ENTRY.findall(full_sitemap) if LOC.search(entry).group(1) in homes]
    return HEADER + "\n".join(entries) + "\n</urlset>\n"


def place_beside(folders: list[Path], text: str) -> None:
    """The same file in every folder: written once, hard-linked into the others (copied where links fail)."""
    first, *others = folders
    (first / "sitemap.xml").write_text(text, encoding="utf-8")
    for folder in others:
        try:
            os.link(first / "sitemap.xml", folder / "sitemap.xml")
        except OSError:
            (folder / "sitemap.xml").write_text(text, encoding="utf-8")


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n"


@event_priority(-200)  # after the i18n plugin has built every language and written the full sitemap
def on_post_build(*, config: MkDocsConfig) -> None:
    if i18n_plugin.building_other_languages(config):
        return  # an inner, per-language build
    site_dir = Path(config.site_dir)
    site_url = config.site_url.rstrip("/") + "/"
    full = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    homes = {site_url} | {f"{site_url}{lang.locale}/" for lang in i18n_plugin.languages(config)}
    folders = [site_dir / address[len(site_url):] for address in page_addresses(full)
               if address.startswith(site_url) and address != site_url]
    folders = [folder for folder in folders if folder.is_dir()]
    if folders:
        place_beside(folders, home_pages_sitemap(full, homes))
    (site_dir / "robots.txt").write_text(robots_txt(site_url), encoding="utf-8")
