"""Real-browser tests in Debian's Chromium, driven by Playwright (no browser is downloaded)."""
import pytest

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


def _visible_options(page):
    return page.locator("#options-list > li:not([hidden])").evaluate_all("items => items.map(i => i.id)")


@pytest.mark.parametrize("facet, value, expected", [
    ("kind", "strategies", ["first-best"]),
    ("section", "section-8", ["two-levels"]),
    ("collaboration", "unilateral", ["heterodox-marijuana"]),
    ("pyramid", "2", ["first-best"]),
    ("themes", "institutions", ["two-levels", "first-best"]),
    ("actors", "spp", ["two-levels", "first-best"]),
])
def test_index_filters_by_each_facet(browser, base_url, facet, value, expected):
    page = browser.new_page()
    page.goto(f"{base_url}/policy-options/")
    page.locator("#options-panel summary").click()  # the filters fold into a panel, closed at load
    assert page.locator("#options-count").inner_text() == "3 options"
    page.select_option(f"#filter-{facet}", value)
    assert _visible_options(page) == expected
    assert page.locator("#options-count").inner_text() == f"{len(expected)} of 3 options"
    assert f"{facet}={value}" in page.url
    page.close()


def test_index_free_text_ignores_accents_and_combines_with_facets(browser, base_url):
    page = browser.new_page()
    page.goto(f"{base_url}/es/policy-options/")
    page.locator("#options-panel summary").click()  # the filters fold into a panel, closed at load
    page.fill("#filter-q", "mariguana")
    assert _visible_options(page) == ["heterodox-marijuana"]
    page.fill("#filter-q", "planeacion")  # the facet label is "Planeación y evaluación"
    assert _visible_options(page) == ["first-best"]
    page.fill("#filter-q", "")
    page.select_option("#filter-themes", "institutions")
    page.select_option("#filter-collaboration", "binational")
    assert sorted(_visible_options(page)) == ["first-best", "two-levels"]
    page.fill("#filter-q", "niveles")
    assert _visible_options(page) == ["two-levels"]
    assert page.locator("#options-count").inner_text() == "1 de 3 opciones"
    page.close()


def test_filtered_url_restores_the_same_view_and_sort(browser, base_url):
    page = browser.new_page()
    page.goto(f"{base_url}/policy-options/")
    page.locator("#options-panel summary").click()  # the filters fold into a panel, closed at load
    page.select_option("#filter-themes", "institutions")
    page.select_option("#filter-sort", "title")
    shared = page.url
    shown = _visible_options(page)
    assert shown == ["first-best", "two-levels"]  # Commission … before Work …
    other = browser.new_page()
    other.goto(shared)
    assert _visible_options(other) == shown
    assert other.locator("#filter-themes").input_value() == "institutions"
    assert other.locator("#filter-sort").input_value() == "title"
    other.close()
    page.close()


def test_index_lists_every_option_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/es/policy-options/?themes=weapons")
    assert page.locator("#options-filters").is_hidden()
    assert page.locator("#options-list > li").count() == 3
    assert all(page.locator("#options-list > li").nth(i).is_visible() for i in range(3))
    page.get_by_role("link", name="Encargar un sistema completo").first.click()
    assert page.locator("h1").inner_text().rstrip("¶").strip() == "Encargar un sistema completo"
    context.close()


def test_glossary_term_shows_its_expansion_on_keyboard_focus(browser, base_url):
    page = browser.new_page()
    page.goto(f"{base_url}/es/glossary/spp/")
    abbr = page.locator("article abbr").first
    assert abbr.get_attribute("title") == "Alianza para la Seguridad y la Prosperidad de América del Norte"
    assert abbr.get_attribute("tabindex") == "0"
    page.keyboard.press("Tab")
    abbr.focus()
    assert page.evaluate("document.activeElement.tagName") == "ABBR"
    page.close()


def test_printed_record_has_no_navigation_chrome_and_shows_link_targets(browser, base_url):
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto(f"{base_url}/es/figures/mexican-soldiers/")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not page.locator(chrome).is_visible(), chrome
    assert page.locator("h1").is_visible()
    source = page.get_by_role("link", name="Nota 12: AFP en Terra")
    shown_after = source.evaluate("a => getComputedStyle(a, '::after').content")
    # The published address (site_url), not the relative href, which means nothing on paper
    assert shown_after == '" (http://127.0.0.1:8000/es/sources/fn-12/)"'
    page.emulate_media(media="screen")
    assert page.locator(".md-header").is_visible()
    assert source.evaluate("a => getComputedStyle(a, '::after').content") == "none"
    page.close()


def test_missing_address_shows_page_not_found_in_both_languages_with_a_way_home(browser, base_url):
    page = browser.new_page()
    response = page.goto(f"{base_url}/es/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.locator("[lang=es] h2").inner_text() == "Página no encontrada"
    # The theme's styles load at any depth (the header is laid out, not a bare list).
    assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
    page.get_by_role("link", name="Ir a la página de inicio").click()
    page.wait_for_url(f"{base_url}/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    page.close()
