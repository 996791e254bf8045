"""Readers' tasks, done in a real browser on the site as published: each reader gets what they came for in a
few steps, on a phone where they would be on one."""
import re

import pytest

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _tab(browser, **options):
    context = browser.new_context(**options)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    yield from _tab(browser, viewport=PHONE, is_mobile=True, has_touch=True)


@pytest.fixture
def desktop(browser):
    yield from _tab(browser, viewport=DESKTOP)


def _fits(page) -> bool:
    """Nothing reaches past the screen's right edge (no sideways scrolling), once the page has loaded."""
    page.wait_for_load_state("load")
    return page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_a_mexican_journalist_on_a_phone_finds_the_coordinator_and_a_sourced_weapons_figure(served, phone):
    _, base = served
    phone.goto(f"{base}/es/")
    # 1. the home page lists the recommendations: the coordinator is one tap away
    phone.get_by_role("link", name=re.compile("coordinador de seguridad fronteriza")).first.click()
    assert "/es/recommendations/border-coordinator/" in phone.url
    assert phone.locator(".record-kind").inner_text().startswith("Recomendación 1 de 5")
    assert _fits(phone)
    # 2. the home page's key figures give the weapons figure with its period and footnote
    phone.goto(f"{base}/es/")
    weapons = phone.locator("li", has=phone.locator("a[href*='illegal-weapons-flows-20000']")).first
    assert "20,000" in weapons.inner_text() and "Nota" in weapons.inner_text()
    weapons.locator("a[href*='illegal-weapons-flows-20000']").click()
    footnote = phone.locator("dt", has_text="Nota de fuente").locator("xpath=following-sibling::dd[1]//a")
    assert footnote.count() == 1
    footnote.click()
    assert "/es/sources/fn-" in phone.url and _fits(phone)


def test_a_us_staffer_gets_the_five_recommendations_with_what_each_responds_to(served, desktop):
    _, base = served
    desktop.goto(f"{base}/recommendations/")
    items = desktop.locator("article ol > li")
    assert items.count() == 5
    for n in range(5):
        text = items.nth(n).inner_text()
        assert "Responds to (the site's reading):" in text, text
        assert items.nth(n).locator("a").count() >= 2
    # and the options that propose binational institutions, by their kind, in two steps
    desktop.goto(f"{base}/options/")
    heading = desktop.get_by_role("heading", name="Proposed binational institution")
    assert heading.count() == 1
    listed = heading.locator("xpath=following-sibling::ol[1]/li")
    assert listed.count() >= 5


def test_a_student_on_a_phone_reads_the_pyramid_and_the_argument_map(served, phone):
    _, base = served
    phone.goto(f"{base}/needs/")
    tiers = phone.locator(".pyramid__tier")
    assert tiers.count() == 3
    for n in range(3):
        box = tiers.nth(n).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] and box["width"] > 300
    link = phone.locator(".pyramid__needs a").first.bounding_box()
    assert link["height"] < 70, "a need's link takes at most a couple of lines"
    assert _fits(phone)
    phone.goto(f"{base}/arguments/")
    assert _fits(phone)
    proposal = phone.locator(".argument-map__list details").first
    proposal.locator("summary").click()
    assert proposal.locator("a").count() >= 2


def test_a_translator_on_a_spanish_record_sees_whether_it_is_current_and_opens_the_side_by_side(served, phone):
    _, base = served
    phone.goto(f"{base}/es/glossary/spp/")
    status = phone.locator(".record-tools__status")
    assert status.inner_text() in ("Traducción al día con el texto en inglés",) or "desactualizada" in status.inner_text()
    tools_top = phone.locator(".record-tools").bounding_box()["y"]
    assert tools_top < PHONE["height"], "on the first screen"
    phone.locator(".record-tools a", has_text="En paralelo").click()
    assert "/es/side-by-side/glossary" in phone.url and phone.url.endswith("#spp")
    assert phone.locator("#spp").is_visible()


def test_a_reader_arriving_on_a_record_page_sees_where_it_is(served, desktop):
    _, base = served
    desktop.goto(f"{base}/es/figures/border-crossings-400-million/")
    crumbs = desktop.locator(".md-path__link").all_inner_texts()
    assert [c.strip() for c in crumbs] == ["Inicio", "Argumentos y evidencia", "Cifras"]
    assert desktop.locator(".md-tabs__item--active").inner_text().strip() == "Argumentos y evidencia"
    assert desktop.locator(".md-nav--primary .md-nav__item--active > .md-nav__link",
                           has_text="Cifras").count() == 1
    assert desktop.locator(".md-footer__link--prev").count() + desktop.locator(".md-footer__link--next").count() >= 1
    assert desktop.locator(".record-kind").inner_text().startswith("Cifra ")
