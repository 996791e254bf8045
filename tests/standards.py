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


def foreign_requests(requests: list[str], *own_urls: str) -> list[str]:
    """Requests to any host but the site's own (where it is served, and its site_url)."""
    own = {urlsplit(url).netloc for url in own_urls}
    return [url for url in requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(url).netloc not in own]


def scan_with_axe(urls: list[str], chromium: str, flags: list[str], workers: int = 2) -> dict[str, list]:
    """{rule id: [(url, nodes)]} for every WCAG A/AA violation, several pages at a time.

    Runs Playwright's async API in a thread of its own, so it can sit beside the sync API.
    """
    import asyncio
    import concurrent.futures

    from playwright.async_api import async_playwright

    async def scan() -> dict[str, list]:
        failures: dict[str, list] = {}
        queue = list(urls)
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=chromium, args=flags)

            async def worker():
                page = await browser.new_page()
                while queue:
                    url = queue.pop()
                    await page.goto(url)
                    await page.add_script_tag(path=str(AXE))
                    found = await page.evaluate(
                        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
                        ".violations.map(v => [v.id, v.nodes.slice(0, 3).map(n => n.target)])", WCAG_AA)
                    for rule, nodes in found:
                        failures.setdefault(rule, []).append((url, nodes))
                await page.close()

            await asyncio.gather(*(worker() for _ in range(workers)))
            await browser.close()
        return failures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, scan()).result()
