"""Small pieces of Markdown the generated pages are made of: link text, numbers, citations, front matter."""
from __future__ import annotations

import html
import json


def link_text(text: str) -> str:
    """Text safe inside [...] of a Markdown link."""
    return str(text).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def citation(work: dict) -> str:
    """One cited work as Markdown: its parts in the paper's order, the title as a <cite>."""
    parts = []
    for key in ("author", "title", "container", "publisher", "place", "date", "pages", "note"):
        if key not in work:
            continue
        if key == "title":
            lang = f' lang="{work["lang"]}"' if "lang" in work else ""
            title = html.escape(work["title"].replace("*", ""))
            parts.append(f"<cite{lang}>{title}</cite>")
        else:
            parts.append(work[key])
    if "url" in work:
        parts.append(f"<{work['url']}>")
    return ". ".join(p.rstrip(".") if i < len(parts) - 1 else p for i, p in enumerate(parts))


def format_number(value, separator: bool = True) -> str:
    """Both English and Mexican Spanish write 11,000 and 1.3; a year is written 1889."""
    return f"{value:,}" if separator else str(value)


def front_matter(title: str, description: str) -> str:
    # A JSON string is a valid YAML double-quoted string.
    return (f"title: {json.dumps(str(title), ensure_ascii=False)}\n"
            f"description: {json.dumps(str(description), ensure_ascii=False)}\n")
