"""Reading a built site: pages, their language, their links."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class PageInfo:
    lang: str | None = None
    title: str = ""
    links: list[tuple[str, dict]] = field(default_factory=list)  # (href, attributes)
    ids: set[str] = field(default_factory=set)


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.info = PageInfo()
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.info.lang = attrs.get("lang")
        if tag == "title":
            self._in_title = True
        if "id" in attrs:
            self.info.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href") is not None:
            self.info.links.append((attrs["href"], attrs))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.info.title += data


def read_page(path: Path) -> PageInfo:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.info


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def page_language(site: Path, page: Path) -> str:
    return "es" if page.relative_to(site).parts[0] == "es" else "en"


def resolve_link(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points at; None for external or special links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    base = site if parts.path.startswith("/") else page.parent  # site_url's path is "/" in tests
    target = (base / unquote(parts.path).lstrip("/")).resolve()
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def counterpart(site: Path, page: Path) -> Path:
    """The same page in the other language."""
    rel = page.relative_to(site)
    if rel.parts[0] == "es":
        return site.joinpath(*rel.parts[1:])
    return site / "es" / rel
