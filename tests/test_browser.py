"""Real-browser tests in Debian's Chromium, driven by Playwright (no browser is downloaded)."""
import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import sync_playwright

from sitebuild import FIXTURES, build, make_site

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("browser") / "project", FIXTURES / "good" / "content")
    result = build(site)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_QuietHandler, directory=str(site / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def test_language_switcher_lands_on_the_same_record(browser, base_url):
    page = browser.new_page()
    page.goto(f"{base_url}/recommendations/two-levels/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Español").click()
    page.wait_for_url(f"{base_url}/es/recommendations/two-levels/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text().rstrip("¶").strip() == "Trabajar al mismo tiempo en dos niveles"
    page.close()


def test_record_page_reads_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/es/figures/mexican-soldiers/")
    assert page.locator("h1").inner_text().rstrip("¶").strip() == "Soldados mexicanos asignados a la región fronteriza"
    assert "7,500 soldados" in page.locator("article").inner_text()
    page.get_by_role("link", name="Nota 12: AFP en Terra").click()
    assert page.locator("h1").inner_text().rstrip("¶").strip() == "Nota 12: AFP en Terra"
    context.close()
