"""Shared rendering helpers: the Jinja environment for hooks/templates and small Markdown helpers."""
from __future__ import annotations

import html
from pathlib import Path

import jinja2
import json

HERE = Path(__file__).parent


def template_environment(cache_dir: Path | None = None) -> jinja2.Environment:
    """The templates' environment; with a cache_dir, compiled templates are kept there between builds.

    (Compiling the templates again takes a build about 35 ms. Jinja checks each cached one against its
    template's source, so an edited template is compiled afresh.)
    """
    if cache_dir:
        cache_dir.mkdir(parents=True, exist_ok=True)  # Jinja would silently keep nothing in a missing folder
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(cache_dir)) if cache_dir else None,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["link_text"] = link_text
    env.filters["citation"] = citation
    return env


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
    # A JSON string is a valid YAML double-quoted string, and far quicker to write than yaml.safe_dump.
    return f"title: {json.dumps(str(title), ensure_ascii=False)}\ndescription: {json.dumps(str(description), ensure_ascii=False)}\n"
