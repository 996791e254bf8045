"""Small pieces of Markdown the generated pages are made of: link text, numbers, citations, front matter."""
from __future__ import annotations

import html
import json

import typography


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


def front_matter(title: str, description: str, **more) -> str:
    """A generated page's whole front matter, its `---` lines included: a template places it on a line of its own.

    Every value is written as JSON, which YAML reads back as written (quotes, colons, accents).
    """
    fields = {"title": str(title), "description": str(description), **more}
    return "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items()) + "---"


def figure_value(record) -> str:
    """A figure's number and unit, as the record gives them."""
    number = format_number(record["value"], not record["no_separator"])
    return f"{number} {record['unit']}" if record["unit"] else number


def figure_context(record, footnote_title: str | None, footnote_word: str) -> str:
    """What goes beside a figure's number wherever it is shown: the paper's own words for it (where it gives
    the figure in words or as an approximation), its year or period, and its source footnote."""
    opening, closing = typography.MARKS.get(record.lang, typography.MARKS["en"])[:2]
    parts = [f"{opening}{record['as_written']}{closing}" if record["as_written"] else None,
             record["year"] or record["period"]]
    if record["footnote"]:
        parts.append(footnote_title or footnote_word)
    return "; ".join(str(p) for p in parts if p)
