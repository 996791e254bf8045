"""Build concern 9: a "page not found" page in each language.

mkdocs-static-i18n runs the whole build once per language, and every run writes the theme's
404.html to the same site/404.html, so the last language built would win. This keeps the
default language's page at site/404.html (the one static hosts serve for any missing address)
and moves each other language's to site/<lang>/404.html. The page itself is
overrides/404.html; its language switcher leads to each language's home page, as a missing
page has no counterpart.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.templates import TemplateContext

import build_state
import i18n_plugin

NOT_FOUND = "404.html"


def language_homes(config: MkDocsConfig) -> list[dict]:
    """The language switcher's entries for a page with no counterpart: each language's home."""
    return [{"name": lang.name, "lang": lang.locale, "link": lang.link}
            for lang in i18n_plugin.languages(config) if lang.build]


def on_template_context(context: TemplateContext, *, template_name: str, config: MkDocsConfig) -> TemplateContext:
    if template_name == NOT_FOUND:
        context["alternates"] = language_homes(config)
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    pages = build_state.for_build(config).not_found_pages
    language = i18n_plugin.current_language(config)
    written = Path(config.site_dir) / NOT_FOUND
    if not written.exists():
        return
    pages[language] = written.read_bytes()
    for lang in i18n_plugin.languages(config):
        if lang.locale in pages:
            target = written if lang.default else Path(config.site_dir) / lang.locale / NOT_FOUND
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(pages[lang.locale])
