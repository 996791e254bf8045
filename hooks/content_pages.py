"""MkDocs hook: the site's pages made from content/, from loading the records to each page's HTML.

on_config     load and validate the records (hooks/build_state.py), write the generated pages
              (hooks/record_pages.py, hooks/page_files.py), check the hand-written pages' markers
on_page_markdown   resolve the markers of hand-written pages (hooks/hand_written.py)
on_page_context    "Edit this page" opens the file that holds the page's text (hooks/edit_links.py)
on_page_content    glossary terms focusable, anchors titled in the page's language (hooks/page_html.py)
on_nav        keep the language's files: record pages find their neighbours there
on_serve      watch hand-written pages but not generated ones (hooks/serve_watch.py)
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

import build_state
import edit_links
import hand_written
import page_html
import serve_watch
import xrefs
from git_dates import git_history
from page_files import is_generated, record_of, write_pages
from record_pages import generated_pages

if TYPE_CHECKING:  # `mkdocs serve` loads it (with watchdog and http.server); importing it costs a build 15 ms
    from mkdocs.livereload import LiveReloadServer


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The i18n plugin runs on_config once per language; the pages of both are written the first time.
    if not config.repo_url:
        config.edit_uri = None  # without REPO_URL there is no repository to send editors to
    state = build_state.for_build(config)
    if not state.pages_written:
        docs_dir = Path(config.docs_dir)
        edit_base = edit_links.edit_url(config.repo_url, config.edit_uri, "x")[:-1] if config.repo_url else None
        write_pages(generated_pages(state.content, state.labels, git_history(state.root), edit_base), docs_dir)
        hand_written.check_hand_written_pages(docs_dir, state.content)
        state.pages_written = True
    return config


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    build_state.for_build(config).files = files  # record pages find their neighbours here (as the build has them)
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if is_generated(page.file.src_uri):
        return markdown  # its links are already resolved
    return xrefs.expand_page(markdown, page.file.src_uri, build_state.for_build(config).content)[0]


def on_page_context(context: TemplateContext, *, page: Page, config: MkDocsConfig,
                    nav: Navigation) -> TemplateContext:
    state = build_state.for_build(config)
    source = edit_links.source_file(page.file.src_uri, state.content)
    if source and config.repo_url:
        page.edit_url = edit_links.edit_url(config.repo_url, config.edit_uri, source)
    if record_page_parts(page.file.src_uri, state.content)[2]:
        page.edit_url = None  # a record page has its own labelled link to its file, with its translation status
    place_in_collection(page, nav, state)
    return context


def place_in_collection(page: Page, nav: Navigation, state) -> None:
    """A record page, which the navigation does not list, is shown where its collection is.

    Its collection's page becomes its parent (Material's breadcrumb: Home › Proposals › Recommendations) and
    is marked active while it renders (the tab and the sidebar), and the records before and after it in the
    collection's order are its previous and next pages (Material's footer). MkDocs unmarks the parents when
    the page is done.
    """
    lang, name, record_id = record_page_parts(page.file.src_uri, state.content)
    if record_id is None:
        return
    if state.collection_pages.get("nav") is not nav:  # the collections' pages in this language's navigation
        state.collection_pages = {"nav": nav, **{p.file.src_uri: p for p in nav.pages}}
    collection_page = state.collection_pages.get(f"{lang}/{name}/index.md")
    if collection_page is None:
        return
    page.parent = collection_page
    collection_page.active = True
    positions = state.content.positions(lang, name)
    ids, n = list(positions), positions[record_id]
    neighbours = [ids[n - 1] if n > 0 else None, ids[n + 1] if n + 1 < len(ids) else None]
    page.previous_page, page.next_page = (
        state.files.src_uris[f"{lang}/{name}/{i}.md"].page if i and state.files else None
        for i in neighbours)


def record_page_parts(src_uri: str, content) -> tuple[str, str, str | None]:
    """(language, collection, record id) of a record page; the id is None for any other page."""
    record = record_of(src_uri, content)
    return (record.lang, record.collection, record.id) if record else ("", "", None)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = page_html.focusable_abbreviations(html)
    language = config.theme["language"]
    if language != "en":
        html = page_html.permalink_titles(html, build_state.for_build(config).labels[language]["permalink"])
    return html


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    serve_watch.watch_hand_written(server, Path(config.docs_dir))
    return server


def on_shutdown() -> None:
    build_state.end()
