"""One search index per language, found without typing accents."""
import json
import time

import search


def test_index_is_split_by_language_with_locations_relative_to_each_root():
    index = {"config": {"lang": ["en", "es"]}, "docs": [
        {"location": "figures/x/", "title": "Soldiers", "text": "<p>Soldiers</p>"},
        {"location": "es/figures/x/", "title": "Soldados", "text": "<p>la región</p>"},
    ]}
    split = search.split_index(index)
    assert [d["location"] for d in split["en"]["docs"]] == ["figures/x/"]
    assert [d["location"] for d in split["es"]["docs"]] == ["figures/x/"]
    assert split["es"]["config"]["lang"] == ["es"] and split["en"]["config"]["lang"] == ["en"]
    assert split["es"]["docs"][0]["text"] == "<p>la región</p> <span hidden>region</span>"
    assert split["en"]["docs"][0]["text"] == "<p>Soldiers</p>"


def test_translated_pages_are_pointed_at_their_own_index():
    class Config:
        plugins = {"i18n": type("I18n", (), {"current_language": "es",
                                             "config": type("C", (), {"build_only_locale": None})()})()}
    html = '<script id="__config" type="application/json">{"annotate": null, "base": "../..", "x": 1}</script>'
    assert '"base": "../../es/"' in search.on_post_page(html, page=None, config=Config())
    Config.plugins["i18n"].current_language = "en"
    assert search.on_post_page(html, page=None, config=Config()) == html


def _search(page, url, query):
    page.goto(url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)  # Material searches on key events
    page.wait_for_selector(".md-search-result__item a", timeout=10000)
    time.sleep(0.5)
    return page.locator(".md-search-result__item a").evaluate_all("a => a.map(x => x.href)")


def test_spanish_pages_search_spanish_pages_only_even_without_accents(browser, base_url):
    page = browser.new_page()
    found = _search(page, f"{base_url}/es/recommendations/two-levels/", "region")  # "región"
    assert found and all("/es/" in href for href in found)
    assert any("/es/figures/" in href for href in found)  # "Soldados … en la región fronteriza"
    page.close()


def test_english_pages_search_english_pages_only(browser, base_url):
    page = browser.new_page()
    found = _search(page, f"{base_url}/recommendations/two-levels/", "soldiers")
    assert found and not any("/es/" in href for href in found)
    page.close()


def test_one_language_alone_is_built_at_the_root_with_its_own_search(tmp_path):
    """ONLY_LANGUAGE=es, the documented way to build faster while editing Spanish."""
    from sitebuild import FIXTURES, make_site, run_mkdocs
    site = make_site(tmp_path / "project", FIXTURES / "good" / "content")
    result = run_mkdocs(site, "build", "--strict", only_language="es")
    assert result.returncode == 0, result.stderr
    out = site / "site"
    assert '<html lang="es"' in (out / "recommendations" / "two-levels" / "index.html").read_text(encoding="utf-8")
    assert not (out / "es").exists()
    index = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["es"]
    titles = {doc["title"] for doc in index["docs"]}
    assert "Trabajar al mismo tiempo en dos niveles" in titles
    assert not any("/es/" in doc["location"] for doc in index["docs"])
