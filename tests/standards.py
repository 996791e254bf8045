"""Checks of built pages in a real browser: accessibility (axe-core) and requests to other hosts."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from sitebuild import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def page_urls(site: Path, base_url: str) -> list[str]:
    """Every HTML page of a built site as a URL (directory URLs, as readers reach them)."""
    urls = []
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site).as_posix()
        if rel.split("/")[0] in ("assets", "search"):
            continue
        urls.append(f"{base_url}/" if rel == "." else f"{base_url}/{rel}/")
    return urls


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations",
        WCAG_AA)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:3]} for v in result]


def foreign_requests(requests: list[str], base_url: str) -> list[str]:
    own = urlsplit(base_url).netloc
    return [url for url in requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(url).netloc != own]
