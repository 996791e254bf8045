"""The site as the Pages workflow publishes it (SITE_URL and REPO_URL set): what readers, editors and
translators meet there, and what a page lets run."""
import base64
import hashlib
import re
import shutil

import pytest

from csp import inline_scripts, policy
from sitebuild import REPO_URL
from webserver import serve

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def _html(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_every_page_allows_only_the_sites_own_scripts(built):
    site, _, _ = built
    pages = [p for p in site.rglob("*.html") if "assets" not in p.parts]
    assert len(pages) > 700
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = CSP_META.search(html)
        assert found, page
        directives = dict(d.strip().split(" ", 1) for d in found.group(1).split(";"))
        assert "'unsafe-inline'" not in directives["script-src"] and "http" not in directives["script-src"]
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
        for body in inline_scripts(html):  # each inline script Material writes is allowed by its hash
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in directives["script-src"], page
        assert html.index("Content-Security-Policy") < html.index("<script"), "the policy comes before any script"


def test_the_policy_hashes_exactly_the_inline_scripts():
    page = '<script>a()</script><script src="x.js"></script><script type="application/json">{}</script>'
    digest = base64.b64encode(hashlib.sha256(b"a()").digest()).decode()
    assert f"script-src 'self' 'sha256-{digest}';" in policy(page)


def test_the_header_links_to_the_repository_without_asking_its_host_for_anything(built):
    site, _, _ = built
    html = _html(site, "es/figures/border-crossings-400-million")
    source = re.search(r'<a href="([^"]+)"[^>]*class="md-source"[^>]*>', html)
    assert source and source.group(1) == REPO_URL
    assert 'data-md-component="source"' not in html  # Material's script would fetch stars and forks


@pytest.mark.parametrize("path, edit, words", [
    ("recommendations/border-coordinator", "edit/main/content/en/recommendations/border-coordinator.yml",
     "Edit the English text"),
    ("es/recommendations/border-coordinator", "edit/main/content/es/recommendations/border-coordinator.yml",
     "Editar el texto en español"),
])
def test_a_record_page_tells_a_translator_where_it_stands_and_where_to_edit_it(built, path, edit, words):
    site, _, _ = built
    html = _html(site, path)
    link = re.search(rf'<a class="record-tools__link" href="{re.escape(REPO_URL)}/{re.escape(edit)}" rel="edit">'
                     rf'{re.escape(words)}</a>', html)
    assert link, "a labelled link to the record's own file"
    status = re.search(r'class="record-tools__status[^"]*">([^<]+)<', html).group(1)
    assert status in ("Spanish translation up to date", "Traducción al día con el texto en inglés") \
        or "outdated" in status or "desactualizada" in status
    # near the top: the side-by-side view before the record's own text
    assert html.index("side-by-side/recommendations/#border-coordinator") < html.index("record-summary")


@pytest.mark.parametrize("path, source", [
    ("es/side-by-side/figures", "tree/main/content/es/figures/"),
    ("terminology", "edit/main/content/termbase.yml"),
    ("es/about", "edit/main/docs/es/about.md"),
    ("figures", "edit/main/hooks/labels.yml"),
])
def test_other_pages_edit_the_file_that_holds_their_text(built, path, source):
    site, _, _ = built
    assert f'href="{REPO_URL}/{source}" class="md-content__button page-edit"' in _html(site, path)


def test_a_script_injected_into_a_built_page_does_not_run(built, browser, tmp_path):
    site, _, _ = built
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "figures" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</h1>", '</h1><script>window.injected = 1</script>'
                                 '<img src="missing.png" onerror="window.injectedHandler = 1" alt="">', 1),
                    encoding="utf-8")
    with serve(copy) as url:
        tab = browser.new_page()
        violations = []
        tab.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
        tab.goto(f"{url}/figures/", wait_until="networkidle")
        assert tab.evaluate("[typeof window.injected, typeof window.injectedHandler]") == ["undefined", "undefined"]
        assert violations, "the browser reports what the policy blocked"
        tab.close()


def test_the_site_still_works_under_its_policy(served, browser):
    """Search, the options index's filters and the language switch, with no script or style blocked."""
    site, base = served
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    blocked = []
    tab.on("console", lambda m: "Content Security Policy" in m.text and blocked.append(m.text))
    tab.goto(f"{base}/es/policy-options/", wait_until="networkidle")
    tab.goto(f"{base}/", wait_until="networkidle")
    tab.locator("input.md-search__input").click()
    tab.keyboard.type("Merida")
    tab.wait_for_selector(".md-search-result__item", timeout=10000)
    assert tab.locator(".md-search-result__item").count() > 0
    tab.goto(f"{base}/figures/border-crossings-400-million/", wait_until="networkidle")
    tab.goto(tab.evaluate("document.querySelector('.md-select__link[hreflang=es]').href"), wait_until="networkidle")
    assert "/es/figures/border-crossings-400-million/" in tab.url
    assert blocked == []
    tab.close()
