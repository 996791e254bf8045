"""Spell-check the visible text of built pages with hunspell and the project's word lists.

Text inside an element with its own `lang` (a Spanish title on an English page) is checked
against that language's dictionary.
"""
from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).parent
DICTIONARIES = {"en": "en_US", "es": "es_MX"}
SKIPPED_TAGS = {"script", "style", "code", "pre", "svg", "noscript", "template"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|\S+\.(?:pdf|htm|html|asp|php)\S*", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


class _VisibleText(HTMLParser):
    def __init__(self, lang: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = [("", lang, False)]
        self.text: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            return
        _, lang, skipped = self.stack[-1]
        attrs = dict(attrs)
        own = (attrs.get("lang") or lang).split("-")[0]
        hidden = "hidden" in attrs or attrs.get("aria-hidden") == "true"
        self.stack.append((tag, own, skipped or tag in SKIPPED_TAGS or hidden))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        _, lang, skipped = self.stack[-1]
        if not skipped:
            self.text.setdefault(lang, []).append(data)


def visible_words(html: str, lang: str) -> dict[str, set[str]]:
    parser = _VisibleText(lang)
    parser.feed(html)
    words = {}
    for text_lang, chunks in parser.text.items():
        text = URL.sub(" ", " ".join(chunks))
        words[text_lang] = {w for w in WORD.findall(text) if len(w) > 1}
    return words


def misspelled(words: set[str], lang: str) -> set[str]:
    """Words hunspell does not know, given the project's reviewed word list for the language."""
    if not words:
        return set()
    result = subprocess.run(
        ["hunspell", "-d", DICTIONARIES[lang], "-p", str(HERE / f"{lang}.txt"), "-l"],
        input="\n".join(sorted(words)), capture_output=True, text=True, check=True)
    return set(result.stdout.split())
