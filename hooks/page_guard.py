"""The last check before a page is written: nothing in it can run a script but the site's own.

Record text is checked when it is loaded (hooks/text_rules.py). This checks the rendered HTML of every
page again, whatever it was made from, so that a Markdown extension, a template or a hand-written page
that lets markup through stops the build instead of reaching readers: no event-handler attribute
(onclick=, onerror= ...), no address with a scheme that runs code (javascript:, data: ...), no
<script> but Material's and the site's own.
"""
from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

import build_state
import edit_links

TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>")
# Only attributes that could run code are read one by one: event handlers, and addresses (any attribute
# ending in "href", "src", "action" ...). A page without either is passed at once.
SUSPECT = re.compile(r"\son\w+\s*=|(?:href|src|action|poster|data)\s*=", re.IGNORECASE)
ATTRIBUTE = re.compile(r"([^\s=>/]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
ADDRESS_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}
SAFE_SCHEMES = {"http", "https", "mailto"}
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
CONTROL = re.compile(r"[\x00-\x20\x7f]")
SCRIPT_BLOCK = re.compile(r"(<script\b[^>]*>).*?</script>", re.DOTALL | re.IGNORECASE)
STYLE_BLOCK = re.compile(r"<style\b[^>]*>.*?</style>", re.DOTALL | re.IGNORECASE)


def problems(page_html: str) -> list[str]:
    """What in the page could run a script that is not the site's own; empty when nothing."""
    found = []
    # Script bodies are JavaScript, not markup: only their opening tags are looked at.
    markup = STYLE_BLOCK.sub("", SCRIPT_BLOCK.sub(lambda m: m.group(1), page_html))
    for tag in TAG.finditer(markup):
        name = tag.group(1).lower()
        attributes = tag.group(2) or ""
        for attribute in ATTRIBUTE.finditer(attributes) if SUSPECT.search(attributes) else ():
            key = attribute.group(1).lower()
            value = html.unescape((attribute.group(2) or "").strip("\"'"))
            if key.startswith("on"):
                found.append(f"<{name} {key}=...>: an event-handler attribute")
            elif key in ADDRESS_ATTRIBUTES:
                scheme = SCHEME.match(CONTROL.sub("", value))
                if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
                    found.append(f"<{name} {key}=\"{scheme.group(0)}...\">: an address that runs code")
        if name in ("script", "iframe", "object", "embed", "base") and not _own(name, tag.group(0)):
            found.append(f"{tag.group(0)[:60]}: a <{name}> the site does not write")
    return found


def _own(name: str, tag: str) -> bool:
    """Material's scripts (inline configuration and its bundle) and the site's assets."""
    return name == "script" and "src=" not in tag or "assets/" in tag


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    found = problems(output)
    if found:
        source = page.file.src_uri
        record = edit_links.source_file(source, build_state.for_build(config).content)
        where = f"{record} (rendered as {source})" if record and record.startswith("content/") else source
        raise PluginError(f"{where}: the page would run markup that is not the site's own:\n  "
                          + "\n  ".join(found))
    return output
