"""Searching the real site on a phone (390 px), in Debian's Chromium: clean results that say what kind of
record each is, and, when a query finds nothing, an offer to search the other language's site."""
import re
from urllib.parse import urlsplit

import pytest

import search_view
from labels import load_labels
from standards import AXE, WCAG_AA

LABELS = load_labels()
PHONE = {"width": 390, "height": 844}
WAITING = ("Initializing search", "Type to start searching", "Inicializando búsqueda", "Teclee para comenzar búsqueda")


def _search(browser, url, query, **context):
    """A phone opens the search from the header's button and types the query; the page, once results are in."""
    page = browser.new_context(viewport=PHONE, **context).new_page()
    page.goto(url)
    page.locator("label.md-header__button[for=__search]").click()
    page.keyboard.type(query)  # Material searches on key events
    _wait_for_results(page)
    return page


def _wait_for_results(page):
    page.wait_for_function("waiting => { const meta = document.querySelector('.md-search-result__meta');"
                           " return meta && meta.offsetParent !== null && !waiting.includes(meta.textContent.trim()) }",
                           arg=list(WAITING), timeout=15000)
    page.wait_for_timeout(300)  # the worker's answer and Material's rendering of the first results


def _results(page):
    """[(address, page title, text shown)] of each page found, as listed."""
    return page.locator("li.md-search-result__item").evaluate_all("""items => items.map(item => [
        item.querySelector('a').href,
        item.querySelector('.md-search-result__article--document h1, article h1')?.innerText.trim() || '',
        item.innerText])""")


def _record_kind(href, lang, content):
    """The kind a record page's result should name, or None for other pages."""
    parts = urlsplit(href).path.strip("/").split("/")
    if lang != "en":
        parts = parts[1:]
    if len(parts) != 2:
        return None
    return search_view.record_kind(f"{lang}/{parts[0]}/{parts[1]}.md", content, LABELS)


def _soup(text, lang):
    """Places where a field's label and its value run together ("KindRecommendation", "Collaboration neededBinational")."""
    labels = [v for v in LABELS[lang]["fields"].values() if isinstance(v, str)] + [LABELS[lang]["index"]["any"]]
    return [m.group(0) for label in labels for m in re.finditer(rf"\b{re.escape(label)}[A-ZÁÉÍÓÚ0-9(][\w)]*", text)]


def _repeated(text):
    """A phrase of four words or more said twice in a row ("Security is seen too narrowly Security is seen …")."""
    return [m.group(0) for m in re.finditer(r"\b(\w+(?:\W+\w+){3,})\W+\1\b", text)]


def _check_results(page, lang, content):
    found = _results(page)
    assert found, "no result"
    for href, title, text in found:
        assert not _soup(text, lang), (href, _soup(text, lang))
        assert not _repeated(text), (href, _repeated(text))
        kind = _record_kind(href, lang, content)
        if kind:
            assert title.endswith(f" · {kind}"), (href, title)
    return found


def test_merida_on_the_english_site_finds_clean_results_that_say_what_they_are(browser, served, content):
    _, url = served
    page = _search(browser, f"{url}/", "Merida")
    found = _check_results(page, "en", content)
    titles = [title for _, title, _ in found]
    assert "Merida Initiative · Glossary entry" in titles
    assert {"Glossary entry", "Argument", "Figure"} <= {title.rsplit(" · ", 1)[-1] for title in titles}
    # the options index, if found, is not its whole list of options and their facets again
    assert all(len(text) < 1500 for href, _, text in found if "/policy-options/" in href)
    page.context.close()


def test_coordinador_on_the_spanish_site_finds_records_not_the_argument_maps_boxes(browser, served, content):
    _, url = served
    page = _search(browser, f"{url}/es/", "coordinador")
    found = _check_results(page, "es", content)
    assert found[0][1].endswith(" · Recomendación"), found[0][1]
    assert all("/es/" in href for href, _, _ in found)
    assert not any(urlsplit(href).path.rstrip("/").endswith("/es/arguments") for href, _, _ in found)
    page.context.close()


def test_merida_typed_without_its_accent_on_the_spanish_site_finds_the_initiative_first(browser, served, content):
    _, url = served
    page = _search(browser, f"{url}/es/", "Merida")
    found = _check_results(page, "es", content)
    assert found[0][1] == "Iniciativa Mérida · Entrada del glosario"
    page.context.close()


def test_coordinador_on_the_english_site_offers_the_spanish_site_and_leads_to_its_results(browser, served, content):
    _, url = served
    page = _search(browser, f"{url}/recommendations/border-coordinator/", "coordinador")
    assert page.locator(".md-search-result__meta").first.inner_text().strip() == "No matching documents"
    offer = page.get_by_role("link", name="Search the Spanish site for “coordinador”")
    assert offer.is_visible()
    assert offer.get_attribute("hreflang") == "es"
    # reached with the keyboard from the search box, as Material moves through what it lists: arrow keys (Tab
    # closes Material's search), and shown while focused
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "Search the Spanish site for “coordinador”"
    assert page.locator("[data-md-toggle=search]").is_checked() and offer.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{url}/es/**")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("input.md-search__input").input_value() == "coordinador"
    _wait_for_results(page)
    found = _check_results(page, "es", content)
    assert "coordinador" in found[0][2].lower()
    page.context.close()


def test_a_query_the_spanish_site_does_not_find_is_offered_on_the_english_site(browser, served):
    _, url = served
    page = _search(browser, f"{url}/es/figures/", "zqxj tlön")
    assert page.locator(".md-search-result__meta").first.inner_text().strip() == "No se encontraron documentos"
    offer = page.get_by_role("link", name="Buscar «zqxj tlön» en el sitio en inglés")
    assert offer.get_attribute("href") == "../../?q=zqxj%20tl%C3%B6n"
    # a query that finds something takes the offer away
    page.locator("input.md-search__input").fill("")
    page.keyboard.type("frontera")
    _wait_for_results(page)
    assert page.locator(".md-search-result__meta").first.inner_text().strip().endswith("documentos encontrados")
    assert page.get_by_role("link", name=re.compile("en el sitio en inglés")).count() == 0
    page.context.close()


def _axe(page, selector):
    page.add_script_tag(path=str(AXE))
    return page.evaluate("async ([selector, tags]) => (await axe.run({include: [[selector]]},"
                         " {runOnly: {type: 'tag', values: tags}})).violations.map(v => [v.id, v.nodes.map(n => n.html)])",
                         [selector, WCAG_AA])


@pytest.mark.parametrize("path, query", [("/", "coordinador"), ("/es/", "zqxj")])
def test_the_offer_has_no_wcag_aa_violation(browser, served, path, query):
    _, url = served
    page = _search(browser, f"{url}{path}", query, bypass_csp=True)  # to add axe-core to the page
    assert page.locator(".md-search-result a[hreflang]").is_visible()
    assert _axe(page, ".search-languages") == []
    page.context.close()


def test_the_search_panel_with_nothing_found_has_no_wcag_aa_violation(browser, served):
    _, url = served
    page = _search(browser, f"{url}/", "coordinador", bypass_csp=True)
    assert _axe(page, ".md-search") == []
    page.context.close()
