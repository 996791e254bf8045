"""Small changes to each page's HTML after Markdown: glossary terms focusable, heading anchors titled in the
page's language (Markdown's toc writes the title in English)."""
from __future__ import annotations

import re


def focusable_abbreviations(html: str) -> str:
    """Glossary terms show their expansion on keyboard focus too; not inside links (already focusable)."""
    if "<abbr title=" not in html:
        return html
    out, depth, last = [], 0, 0
    for match in re.finditer(r"<a[\s>]|</a>|<abbr title=", html):
        token = match.group(0)
        if token == "<abbr title=":
            if depth == 0:
                out.append(html[last:match.start()] + '<abbr tabindex="0" title=')
                last = match.end()
        elif token == "</a>":
            depth = max(depth - 1, 0)
        else:
            depth += 1
    out.append(html[last:])
    return "".join(out)


def permalink_titles(html: str, label: str) -> str:
    return html.replace('title="Permanent link"', f'title="{label}"')
