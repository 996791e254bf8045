"""Checks of built pages with real tools: axe-core and Lighthouse in Chromium, the W3C Nu HTML Checker."""
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
    # The "page not found" pages, one per language
    urls += [f"{base_url}/{page.relative_to(site).as_posix()}" for page in sorted(site.rglob("404.html"))]
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
                # The checker is a script of its own: the pages' Content-Security-Policy would block it.
                page = await browser.new_page(bypass_csp=True)
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


VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


def nu_html_errors(folder: Path) -> list[str]:
    """Every error the W3C Nu HTML Checker reports on the HTML files under a folder."""
    import json
    import subprocess
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json",
                             str(folder)], capture_output=True, text=True, timeout=900)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [f"{m.get('url', '')}:{m.get('lastLine', '')}: {m['message']}" for m in messages
            if m["type"] in ("error", "non-document-error")]


def lighthouse_scores(url: str, chromium: str, flags: list[str],
                      categories: str = "accessibility,best-practices,seo") -> tuple[dict[str, float], list[str]]:
    """Lighthouse's mobile-preset scores for the categories, and the audits that failed."""
    import json
    import os
    import subprocess
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", f"--only-categories={categories}",
         "--output=json", "--output-path=stdout", f"--chrome-flags=--headless {' '.join(flags)}"],
        capture_output=True, text=True, timeout=300, env=dict(os.environ, CHROME_PATH=chromium))
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    scores = {name: category["score"] for name, category in report["categories"].items()}
    failed = [f"{ref['id']}: {report['audits'][ref['id']]['title']}"
              for category in report["categories"].values() for ref in category["auditRefs"]
              if ref.get("weight", 1) and report["audits"][ref["id"]]["score"] is not None
              and report["audits"][ref["id"]]["score"] < 1]
    if "performance" in report["categories"]:
        scores["cumulative-layout-shift"] = report["audits"]["cumulative-layout-shift"]["numericValue"]
    return scores, failed
