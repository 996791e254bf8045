"""A check of the pages' content as Markdown made it: nothing in it can run a script.

Record text is checked when it is loaded (hooks/text_rules.py). This checks the HTML Markdown makes of a page
again, so that markup that gets through stops the build instead of reaching readers: no event-handler
attribute (onclick=, onerror= ...), no address with a scheme that runs code (javascript:, data: ...), no
<script>, <iframe>, <object>, <embed> or <base> but the site's own. Material's templates around the content are
the theme's, and the Content-Security-Policy (hooks/csp.py) lets only the site's scripts run in any case.

Which pages. At build time, the hand-written pages, whose Markdown nothing else checks. Every generated page
(record, collection, index and side-by-side pages) is made by the templates of hooks/templates from records
checked when they were loaded; checking them again took a tenth of the build. They are checked with every
other page in the tests instead (tests/test_no_script_injection.py builds the site and runs this check on
every page), so a template that lets markup through fails CI before it lands.
"""
from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from page_files import is_generated

# Found with patterns that start with a literal (fast over a whole page), then checked one by one.
EVENT_HANDLER = re.compile(r"[oO][nN][a-zA-Z]+\s*=")  # then: inside a tag, as an attribute name?
VALUE_WITH_SCHEME = re.compile(r"=\s*([\"']?)\s*([a-zA-Z][a-zA-Z0-9+.\-\s]*?)\s*(:|&)")  # then: of an address?
ADDRESS_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "xlink:href"}
NAME_BEFORE = re.compile(r"([a-zA-Z:-]+)\s*$")
FOREIGN_ELEMENT = re.compile(r"<(script|iframe|object|embed|base)\b[^>]*>", re.IGNORECASE)
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
    for match in EVENT_HANDLER.finditer(markup):
        if match.start() and markup[match.start() - 1] in " \t\n\r/\"'" and _in_tag(markup, match.start()):
            found.append(f"<{_tag_name(markup, match.start())} {match.group(0).rstrip('= ').lower()}=...>: "
                         "an event-handler attribute")
    for match in VALUE_WITH_SCHEME.finditer(markup):
        name = NAME_BEFORE.search(markup[max(0, match.start() - 20):match.start()])
        if not name or name.group(1).lower() not in ADDRESS_ATTRIBUTES or not _in_tag(markup, match.start()):
            continue
        quote = match.group(1)
        end = markup.find(quote, match.end(1)) if quote else len(markup)
        value = markup[match.end(1):end if end != -1 else len(markup)].split(">")[0]
        if not quote:
            value = value.split()[0] if value.split() else ""
        scheme = SCHEME.match(CONTROL.sub("", html.unescape(value)))
        if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
            found.append(f"<{_tag_name(markup, match.start())} {name.group(1).lower()}=\"{scheme.group(0)}...\">: "
                         "an address that runs code")
    for match in FOREIGN_ELEMENT.finditer(markup):
        if not _own(match.group(1).lower(), match.group(0)):
            found.append(f"{match.group(0)[:60]}: a <{match.group(1).lower()}> the site does not write")
    return found


def _in_tag(markup: str, position: int) -> bool:
    """Whether a position is inside a tag (after a "<" with no ">" since)."""
    return markup.rfind("<", 0, position) > markup.rfind(">", 0, position)


def _tag_name(markup: str, position: int) -> str:
    start = markup.rfind("<", 0, position) + 1
    return re.match(r"[a-zA-Z0-9-]*", markup[start:]).group(0).lower()


def _own(name: str, tag: str) -> bool:
    """Material's scripts (inline configuration and its bundle) and the site's assets."""
    return name == "script" and ("src=" not in tag or "assets/" in tag)


def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files) -> str:
    """The page's own content, as Markdown made it from its hand-written text (Material's templates around it
    are the theme's own)."""
    if is_generated(page.file.src_uri):
        return html_text  # made from checked records by the site's templates (see above)
    found = problems(html_text)
    if found:
        raise PluginError(f"{page.file.src_uri}: the page would run markup that is not the site's own:\n  "
                          + "\n  ".join(found))
    return html_text
