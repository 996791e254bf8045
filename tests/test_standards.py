"""What a public bilingual site promises, checked in a real browser on every page of the real site."""
import pytest

from standards import axe_violations, foreign_requests, page_urls
from webserver import serve


@pytest.fixture(scope="module")
def site_url(built):
    site, _, _ = built
    with serve(site) as url:
        yield site, url


def test_every_page_in_both_languages_has_no_wcag_aa_violation(site_url, browser):
    site, base = site_url
    urls = page_urls(site, base)
    assert any("/es/" in u for u in urls) and len(urls) > 100
    context = browser.new_context()
    page = context.new_page()
    failures = {}
    for url in urls:
        page.goto(url)
        for violation in axe_violations(page):
            failures.setdefault(violation["id"], []).append((url.removeprefix(base), violation["nodes"]))
    context.close()
    assert failures == {}


def test_no_page_requests_another_host_or_sets_a_cookie(site_url, browser):
    site, base = site_url
    context = browser.new_context()
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    for url in page_urls(site, base)[::7] + [f"{base}/", f"{base}/es/", f"{base}/es/policy-options/"]:
        page.goto(url, wait_until="networkidle")
        assert page.evaluate("document.cookie") == ""
    assert foreign_requests(requested, base) == []
    assert context.cookies() == []
    context.close()


def test_foreign_request_detection_itself():
    base = "http://127.0.0.1:8000"
    assert foreign_requests([f"{base}/a.css", "https://fonts.googleapis.com/css", "data:x"], base) == [
        "https://fonts.googleapis.com/css"]
