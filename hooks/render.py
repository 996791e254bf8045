"""The Jinja environment of hooks/templates: templates hold the markup, Python the data."""
from __future__ import annotations

import re
from pathlib import Path

import jinja2
import markupsafe

from markdown_text import citation, link_text

TEMPLATES = Path(__file__).parent / "templates"


def template_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["link_text"] = link_text
    env.filters["citation"] = citation
    env.filters["spanish_words"] = spanish_words
    return env


def spanish_words(text: str) -> markupsafe.Markup:
    """Plain text, escaped, with the words between asterisks marked as Spanish: *planeación*."""
    escaped = str(markupsafe.escape(text))
    return markupsafe.Markup(re.sub(r"\*([^*]+)\*", r'<i lang="es">\1</i>', escaped))
