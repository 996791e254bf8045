"""Typographic quotation marks, made from the straight quotes editors type.

Spanish: « » outside, “ ” inside; English: “ ” outside, ‘ ’ inside. Editors type " for a quotation and ' for a
quotation inside it; an apostrophe between letters (O'Rourke, Mexico's) becomes ’. Applied to every text field
when the content is loaded, so every page, feed and download shows the same marks.
"""
from __future__ import annotations

import re

MARKS = {"en": ("“", "”", "‘", "’"), "es": ("«", "»", "“", "”")}
APOSTROPHE = "’"
OPENS_AFTER = set(" \t\n([{—–-/«“‘*_")
QUOTE = re.compile(r"[\"']")
LINK_ADDRESS = re.compile(r"\]\([^)]*\)|<https?://[^>]*>")  # addresses keep their characters


def quotes(text: str, lang: str, inner: bool = False) -> str:
    """The text with straight quotes made typographic for the language (links' addresses untouched).

    inner: the text is itself shown inside quotation marks (a `quote` field), so its " are the inner marks.
    """
    if '"' not in text and "'" not in text:
        return text
    kept = {}

    def keep(match):
        kept[f"\x00{len(kept)}\x00"] = match.group(0)
        return f"\x00{len(kept) - 1}\x00"
    text = LINK_ADDRESS.sub(keep, text)
    open_double, close_double, open_single, close_single = MARKS.get(lang, MARKS["en"])
    if inner:
        open_double, close_double = open_single, close_single

    def mark(match: re.Match) -> str:
        i, char = match.start(), match.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opening = before in OPENS_AFTER and not after.isspace()
        if char == '"':
            return open_double if opening else close_double
        if before.isalnum() and after.isalnum():
            return APOSTROPHE
        return open_single if opening else close_single
    text = QUOTE.sub(mark, text)
    for placeholder, original in kept.items():
        text = text.replace(placeholder, original)
    return text
