"""The policy-options index and the downloads (issues 23 and 24): what a reader sees on a phone, the live
facet counts, the message at zero results, filters kept across the language switch, and the CSV files."""
import csv
import io
import json

import pytest

import index
from labels import load_labels
from schema import COLLECTIONS
from sitebuild import FIXTURES
from validation import load_content

GOOD = FIXTURES / "good" / "content"
PHONE = {"width": 390, "height": 844}


def _rows(text):
    return list(csv.DictReader(io.StringIO(text)))


# ---------------------------------------------------------------- Python: the downloads

def test_index_csv_holds_every_entry_with_titles_beside_ids_and_the_note_on_every_row():
    content, labels = load_content(GOOD), load_labels()
    for lang in ("en", "es"):
        text = index.index_csv(content, lang, labels[lang])
        rows = _rows(text)
        assert [r["id"] for r in rows] == ["two-levels", "first-best", "heterodox-marijuana"]
        assert len(text.splitlines()) == 1 + len(rows)  # one line per entry: the page's script filters lines
        header = text.splitlines()[0].split(",")
        assert header[0] == "id" and header[-1] == index.NOTE_COLUMN
        first = rows[1]
        assert first["actors"] == "spp" and first["actors_names"] == ("SPP" if lang == "en" else "ASPAN")
        assert first["section"] == "section-7" and first["section_title"].startswith(("Section 7", "Sección 7"))
        assert first["collaboration"] == "binational"
        assert all(r[index.NOTE_COLUMN].startswith(labels[lang]["index"]["cite_heading"]) for r in rows)
        assert all(labels[lang]["index"]["licence"] in r[index.NOTE_COLUMN] for r in rows)
        for row in rows:  # every relation's ids have as many titles beside them
            for ids, titles in (("responds_to", "responds_to_titles"), ("pyramid", "pyramid_titles"),
                                ("actors", "actors_names"), ("themes", "themes_labels")):
                assert len(row[ids].split("; ")) == len(row[titles].split("; ")) if row[ids] else not row[titles]


def test_every_collection_csv_keeps_its_header_first_and_the_note_last():
    content, labels = load_content(GOOD), load_labels()
    for lang in ("en", "es"):
        for name in COLLECTIONS:
            text = index.collection_csv(content, lang, name, labels[lang])
            assert text.splitlines()[0].startswith("id,")
            assert text.splitlines()[0].endswith("," + index.NOTE_COLUMN)
            assert all(r[index.NOTE_COLUMN] == index.source_note(labels[lang]) for r in _rows(text))


def test_published_csv_files_start_with_a_byte_order_mark_for_excel():
    makers = index.page_makers(load_labels(), env=None)
    content = load_content(GOOD)
    for path, make in makers.items():
        if path.endswith(".csv"):
            assert make(content).startswith("\ufeffid,"), path


def test_figure_downloads_put_the_papers_words_right_after_the_value(content):
    labels = load_labels()
    with_words = [r for r in content.collection("es", "figures") if r["as_written"]]
    assert with_words  # e.g. "more than half"
    text = index.collection_csv(content, "es", "figures", labels["es"])
    header = text.splitlines()[0].split(",")
    assert header[header.index("value") + 1] == "as_written"
    rows = {r["id"]: r for r in _rows(text)}
    for record in with_words:
        assert rows[record.id]["as_written"] == record["as_written"]
    data = json.loads(index.records_json(content, "es", labels["es"]))
    for row in data["collections"]["figures"]:
        keys = list(row)
        if "as_written" in row:
            assert keys[keys.index("value") + 1] == "as_written", row["id"]


def test_the_two_binational_questions_are_counted_from_the_records(content):
    labels = load_labels()
    items = index.index_items(content, "en", labels["en"])
    counts = index.binational_counts(items)
    assert counts["institutions"] == sum(i["record"]["kind"] == "binational-institution" for i in items)
    assert counts["binational"] == sum(i["record"]["collaboration"] == "binational" for i in items)
    assert 0 < counts["editorial"] <= counts["binational"]
    kind, level = index.binational_note(items, labels["es"])
    name = labels["es"]["choices"]["kind"]["binational-institution"]
    assert kind.startswith(f"«{name}» es un tipo de opción ({counts['institutions']} opciones)")
    assert f"En {counts['editorial']} de estas {counts['binational']} opciones es la lectura de este sitio" in level


def test_cards_name_a_section_or_a_level_by_its_short_name():
    assert index.short_label("Section 8: Final comments and conclusions") == "Section 8"
    assert index.short_label("2 — Relational: mechanisms of collaboration") == "2 — Relational"
    assert index.short_label("Introduction") == "Introduction"


# ---------------------------------------------------------------- in a browser, on a phone

def _shown(page):
    return page.locator("#options-list > li:not([hidden])").evaluate_all("items => items.map(i => i.id)")


def _option_text(page, facet, value):
    return page.locator(f"#filter-{facet} option[value='{value}']").inner_text()


def test_on_a_phone_the_first_result_shows_on_the_first_screen_with_or_without_javascript(browser, base_url):
    for js in (True, False):
        context = browser.new_context(viewport=PHONE, java_script_enabled=js)
        page = context.new_page()
        page.goto(f"{base_url}/es/policy-options/")
        assert not page.locator("#options-panel").evaluate("d => d.open")
        title = page.locator("#options-list > li").first.locator("h2").bounding_box()
        assert title["y"] + title["height"] < PHONE["height"], js
        page.locator("#options-panel summary").click()
        assert page.locator("#options-nojs").is_visible() is not js
        assert page.locator("#filter-themes").is_visible() is js
        assert "un organismo que el documento propone crear" in page.locator("#options-binational").inner_text()
        context.close()


def test_facet_counts_say_how_many_results_each_choice_would_give(browser, base_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{base_url}/policy-options/")
    page.locator("#options-panel summary").click()
    assert _option_text(page, "collaboration", "unilateral").endswith("(1)")
    page.select_option("#filter-themes", "institutions")
    assert _shown(page) == ["two-levels", "first-best"]
    assert _option_text(page, "collaboration", "unilateral").endswith("(0)")  # heterodox-marijuana is filtered out
    assert page.locator("#filter-collaboration option[value='unilateral']").is_disabled()
    binational = _option_text(page, "collaboration", "binational")
    page.select_option("#filter-collaboration", "binational")
    assert f"({len(_shown(page))})" in binational
    # The themes' own counts still count the other themes as if chosen instead (with collaboration as it is)
    assert _option_text(page, "themes", "institutions").endswith(f"({len(_shown(page))})")
    assert page.locator("#options-active").inner_text() == f"2 active · {len(_shown(page))} of 3 options"
    page.close()


def test_zero_results_names_the_filter_that_excludes_everything_and_offers_to_remove_it(browser, base_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{base_url}/es/policy-options/")
    page.locator("#options-panel summary").click()
    page.select_option("#filter-themes", "institutions")
    page.fill("#filter-q", "zzzz")
    assert _shown(page) == []
    message = page.locator("#options-empty")
    assert message.is_visible()
    assert "«Buscar: zzzz» no coincide con ninguna opción por sí solo." in message.inner_text()
    last = message.get_by_role("button", name="Quitar el último filtro, «Buscar: zzzz» (resultados: 2)")
    message.get_by_role("button", name="Quitar todos los filtros (las 3 opciones)").wait_for()
    last.click()
    assert _shown(page) == ["two-levels", "first-best"]
    assert not message.is_visible()
    assert page.locator("#filter-themes").input_value() == "institutions"
    page.close()


def test_filters_survive_the_language_switch(browser, base_url):
    page = browser.new_page()
    page.goto(f"{base_url}/policy-options/")
    page.locator("#options-panel summary").click()
    page.select_option("#filter-themes", "institutions")
    page.select_option("#filter-sort", "title")
    english = _shown(page)
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Español").click()
    page.wait_for_url(f"{base_url}/es/policy-options/?themes=institutions&sort=title")
    assert page.locator("#filter-themes").input_value() == "institutions"
    assert sorted(_shown(page)) == sorted(english)
    assert page.locator("#options-count").inner_text() == "2 de 3 opciones"
    page.close()


def test_download_this_view_holds_the_rows_shown_and_without_javascript_the_full_file(browser, base_url):
    page = browser.new_page(accept_downloads=True)
    page.goto(f"{base_url}/es/policy-options/")
    link = page.locator("#options-download")
    assert link.inner_text() == "Descargar estas opciones (CSV)"
    page.locator("#options-panel summary").click()
    page.select_option("#filter-themes", "institutions")
    page.select_option("#filter-sort", "title")
    assert link.inner_text() == "Descargar esta vista (CSV)"
    with page.expect_download() as info:
        link.click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert text.startswith("\ufeffid,")
    rows = _rows(text[1:])
    assert [r["id"] for r in rows] == _shown(page)
    assert all(r[index.NOTE_COLUMN] for r in rows)
    page.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/es/policy-options/")
    assert page.locator("#options-download").get_attribute("href") == "../downloads/policy-options.csv"
    context.close()


@pytest.mark.slow
def test_real_index_does_not_jump_when_its_script_runs_on_a_phone(browser, served):
    _, base = served
    page = browser.new_page(viewport=PHONE)
    page.add_init_script("""window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
        if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: "layout-shift", buffered: true});""")
    for path in ("/es/policy-options/", "/policy-options/?themes=weapons"):
        page.goto(base + path)
        page.wait_for_timeout(500)
        assert page.evaluate("window.__shift") <= 0.1, path
        title = page.locator("#options-list > li:not([hidden])").first.locator("h2").bounding_box()
        assert title["y"] + title["height"] < PHONE["height"], path
    page.close()


def test_open_panel_and_zero_results_message_pass_axe_in_both_languages(browser, base_url):
    from standards import AXE, WCAG_AA
    for prefix in ("", "/es"):
        page = browser.new_page(viewport=PHONE, bypass_csp=True)  # axe is a script of its own
        page.goto(f"{base_url}{prefix}/policy-options/?themes=institutions&collaboration=unilateral")
        page.locator("#options-panel summary").click()
        assert page.locator("#options-empty").is_visible()
        page.add_script_tag(path=str(AXE))
        found = page.evaluate("async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
                              ".violations.map(v => [v.id, v.nodes.map(n => n.target)])", WCAG_AA)
        assert found == [], (prefix, found)
        page.close()
