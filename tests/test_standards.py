"""What a public bilingual site promises, checked in a real browser on every page of the real site."""
import pytest

from conftest import CHROMIUM, CHROMIUM_FLAGS
from standards import foreign_requests, page_urls, scan_with_axe
from webserver import serve


@pytest.fixture(scope="module")
def site_url(built):
    site, _, _ = built
    with serve(site) as url:
        yield site, url


def test_every_page_in_both_languages_has_no_wcag_aa_violation(site_url):
    site, base = site_url
    urls = page_urls(site, base)
    assert any("/es/" in u for u in urls) and len(urls) > 100
    assert scan_with_axe(urls, CHROMIUM, CHROMIUM_FLAGS) == {}


def test_no_page_requests_another_host_or_sets_a_cookie(site_url, browser):
    site, base = site_url
    context = browser.new_context()
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    for url in page_urls(site, base)[::7] + [f"{base}/", f"{base}/es/", f"{base}/es/policy-options/"]:
        page.goto(url, wait_until="networkidle")
        assert page.evaluate("document.cookie") == ""
    # Material's scripts may fetch the sitemap from site_url, the site's own published address
    assert foreign_requests(requested, base, "http://127.0.0.1:8000/") == []
    assert context.cookies() == []
    context.close()


def test_foreign_request_detection_itself():
    base = "http://127.0.0.1:8000"
    assert foreign_requests([f"{base}/a.css", "https://fonts.googleapis.com/css", "data:x"], base) == [
        "https://fonts.googleapis.com/css"]


def test_axe_scan_reports_a_violation(tmp_path):
    (tmp_path / "index.html").write_text('<html lang="en"><head><title>t</title></head><body>'
                                         '<main><img src="x.png"><p style="color:#777;background:#888">low</p>'
                                         '</main></body></html>')
    with serve(tmp_path) as url:
        found = scan_with_axe([f"{url}/"], CHROMIUM, CHROMIUM_FLAGS)
    assert {"image-alt", "color-contrast"} <= set(found)
