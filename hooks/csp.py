"""MkDocs hook: every page carries a Content-Security-Policy that lets only the site's own scripts run.

GitHub Pages cannot send headers, so the policy is a <meta http-equiv> at the top of <head>. Scripts may come
from the site itself and, inline, only the few that Material writes, each allowed by the hash of its exact
text (computed here, page by page: Material's first inline script names the page's depth). No inline event
handler, no `javascript:` address, nothing from another host. Styles: the site's and Material's stylesheets,
and the data: images Material's CSS draws its icons with.
"""
from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")
CHARSET = '<meta charset="utf-8">'


def inline_scripts(page_html: str) -> list[str]:
    """The text of each inline script (not JSON data, not a script loaded from a file)."""
    bodies, position = [], page_html.find("<script")
    while position != -1:
        end_of_tag = page_html.find(">", position)
        end = page_html.find("</script>", end_of_tag)
        if end_of_tag == -1 or end == -1:
            break
        tag = page_html[position:end_of_tag]
        if "src=" not in tag and "application/json" not in tag:
            bodies.append(page_html[end_of_tag + 1:end])
        position = page_html.find("<script", end)
    return bodies


@lru_cache(maxsize=256)  # the same few scripts on every page
def source_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def policy(page_html: str) -> str:
    """The policy for this page: its inline scripts allowed by their SHA-256 hashes."""
    hashes = sorted({source_hash(body) for body in inline_scripts(page_html)})
    return POLICY.format(hashes=" ".join(hashes)).replace("  ", " ")


def with_policy(page_html: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(page_html)}">'
    if CHARSET in page_html:
        return page_html.replace(CHARSET, f"{CHARSET}\n    {meta}", 1)
    return page_html.replace("<head>", f"<head>\n    {meta}", 1)


@event_priority(-100)  # last: the inline scripts must be as the reader gets them
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return with_policy(output)


@event_priority(-100)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # The theme's own pages (404.html) are rendered without on_post_page.
    return with_policy(output_content) if template_name.endswith(".html") else output_content
