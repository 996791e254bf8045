"""What a public bilingual site promises, checked in a real browser on every page of the real site."""
import pytest

from conftest import CHROMIUM, CHROMIUM_FLAGS
from standards import foreign_requests, lighthouse_scores, nu_html_errors, page_urls, scan_with_axe
from valid_html import mend_material_markup
from webserver import serve


@pytest.mark.slow
def test_every_page_in_both_languages_has_no_wcag_aa_violation(served):
    site, base = served
    urls = page_urls(site, base)
    assert any("/es/" in u for u in urls) and len(urls) > 100
    assert scan_with_axe(urls, CHROMIUM, CHROMIUM_FLAGS) == {}


def test_no_page_requests_another_host_or_sets_a_cookie(served, browser):
    site, base = served
    context = browser.new_context()
    requested, failed = [], []
    context.on("request", lambda request: requested.append(request.url))
    context.on("requestfailed", lambda request: failed.append(request.url))
    context.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page = context.new_page()
    for url in page_urls(site, base)[::7] + [f"{base}/", f"{base}/es/", f"{base}/es/policy-options/"]:
        page.goto(url, wait_until="networkidle")
        assert page.evaluate("document.cookie") == ""
    assert foreign_requests(requested, base) == []
    # Nor does any page ask its own host for something missing (Material's language script
    # looks for a sitemap.xml beside each language alternate).
    assert failed == []
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


@pytest.mark.slow
def test_nu_html_checker_finds_no_error_on_any_page(built):
    site, _, _ = built
    assert nu_html_errors(site) == []


def test_nu_html_checker_reports_materials_markup_until_it_is_mended(tmp_path):
    material = ('<!doctype html><html lang="en"><head><title>t</title></head><body>'
                '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
                '<label class="md-nav__link" for="__drawer" id="x_label" tabindex="">Section</label>'
                '<label class="md-nav__title" for="__toc"><span></span>Table of contents</label></body></html>')
    (tmp_path / "page.html").write_text(material)
    assert len(nu_html_errors(tmp_path)) == 3
    (tmp_path / "page.html").write_text(mend_material_markup(material))
    assert nu_html_errors(tmp_path) == []


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/", "/figures/border-crossings-400-million/",
                                  "/es/", "/es/figures/border-crossings-400-million/"])
def test_lighthouse_mobile_scores_accessibility_best_practices_and_seo_100(served, path):
    _, base = served
    scores, failed = lighthouse_scores(base + path, CHROMIUM, CHROMIUM_FLAGS)
    assert failed == []
    assert scores == {"accessibility": 1, "best-practices": 1, "seo": 1}


# One page of each type readers meet, on a phone, served as a static host serves them (gzip, cache headers).
PAGE_TYPES = ["/", "/es/figures/", "/es/recommendations/border-coordinator/", "/es/policy-options/",
              "/arguments/", "/es/side-by-side/figures/"]


@pytest.mark.slow
def test_lighthouse_mobile_performance_of_every_page_type_is_95_or_more(built):
    site, _, _ = built
    # Lighthouse's simulated phone moves a score by several points from one run to the next on a 2-core machine:
    # a page gets up to three runs, and its best must reach 95 (layout shift does not vary: every run holds it).
    with serve(site, compress=True) as base:
        for path in PAGE_TYPES:
            runs = []
            while len(runs) < 3 and not any(scores["performance"] >= 0.95 for scores, _ in runs):
                runs.append(lighthouse_scores(base + path, CHROMIUM, CHROMIUM_FLAGS, "performance"))
            assert max(scores["performance"] for scores, _ in runs) >= 0.95, (path, runs)
            assert all(scores["cumulative-layout-shift"] <= 0.1 for scores, _ in runs), (path, runs)
