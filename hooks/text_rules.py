"""What record text may contain: Markdown that cannot become markup of its own.

Record text is rendered by the same Markdown as the site's pages, whose extensions (attr_list above all)
would let a pull request that touches a record put attributes, and so scripts, on the page. Each rule here
names the first thing in a text that would reach the page as markup; `unsafe` returns its offset and a
message for an editor, or None. The build stops on it (validation), and hooks/page_guard.py checks the
rendered pages again.
"""
from __future__ import annotations

import re

# Raw HTML: a tag, a comment or a processing instruction (an autolink to a web page is allowed).
RAW_HTML = re.compile(r"<(?!https?://)(?:[/?]?[A-Za-z]|!)")
# Markdown's attr_list: `{: ...}`, `{#id}`, `{.class}`, `{ key=value }` after a block or an inline element.
# The only one record text may use marks a phrase in the other language.
ATTRIBUTE_LIST = re.compile(r"\{:?[ ]*([^}\n ][^}\n]*?)[ ]*\}")
ALLOWED_ATTRIBUTES = re.compile(r"lang=(?:en|es)")
# &#106; or &colon;: a browser decodes them inside a link, so `javascript&colon;` would still run.
CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# Where Markdown takes a link or image address: [text](address), [label]: address, <address>.
LINK_ADDRESS = re.compile(r"\]\(\s*<?([^)\s>]*)|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S*)|<([^>\s]*)>", re.MULTILINE)
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
SAFE_SCHEMES = {"http", "https", "mailto"}
# Control characters (NUL, escape ...) have no place in prose, and browsers drop them from an address
# before reading its scheme ("java\x01script:"); tab, line feed and carriage return are allowed.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The same rules as regular expressions a JSON Schema can hold ("not": {"pattern": ...}), for editors' schemas
# (scripts/json_schema.py); tests/test_fuzz_records.py checks both say the same of thousands of texts.
FORBIDDEN_PATTERNS = (
    RAW_HTML.pattern,
    r"\{:?[ ]*(?!lang=(?:en|es)[ ]*\})[^}\n ][^}\n]*?[ ]*\}",
    CHARACTER_REFERENCE.pattern,
    r"(?:\]\(\s*<?|(?:^|\n)[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?|<)(?!(?:[hH][tT][tT][pP][sS]?|[mM][aA][iI][lL][tT][oO]):)[A-Za-z][A-Za-z0-9+.\-]*:",
    CONTROL.pattern,
)


def unsafe(text: str) -> tuple[int, str] | None:
    """(offset, message) for the first thing in text that would reach the page as markup, or None."""
    found = []
    match = RAW_HTML.search(text)
    if match:
        snippet = text[match.start():match.start() + 12].split(">")[0]
        found.append((match.start(), f"raw HTML is not allowed (found '{snippet}'); write plain text or Markdown"))
    for match in ATTRIBUTE_LIST.finditer(text):
        if not ALLOWED_ATTRIBUTES.fullmatch(match.group(1).strip()):
            found.append((match.start(), f"attribute lists are not allowed (found '{match.group(0)[:40]}'); "
                                         "the only one record text may use marks a phrase's language: "
                                         "{lang=es} or {lang=en}"))
            break
    match = CHARACTER_REFERENCE.search(text)
    if match:
        found.append((match.start(), f"HTML character references are not allowed (found '{match.group(0)}'); "
                                     "type the character itself"))
    for match in LINK_ADDRESS.finditer(text):
        address = next(group for group in match.groups() if group is not None)
        scheme = SCHEME.match(address)
        if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
            found.append((match.start(), "links must point at web pages (http or https), not scripts "
                                         f"(found '{scheme.group(0)}')"))
            break
    match = CONTROL.search(text)
    if match:
        found.append((match.start(), f"contains a control character (U+{ord(match.group()):04X}); delete it"))
    return min(found) if found else None
