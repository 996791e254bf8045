"""One search index per language, found without typing accents."""
import json
import re
import time

import search
import search_view


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
    config = '{"annotate": null, "base": "../..", "x": 1}'
    assert json.loads(search.page_search_config(config, "es", None))["base"] == "../../es/"
    assert json.loads(search.page_search_config(config, "en", None))["base"] == "../.."
    assert '"base": "../../es/"' in search.page_search_config(config, "es", None)  # Material's own layout


def test_each_page_offers_the_other_languages_home_with_words_of_its_own_language():
    config = '{"base": "../..", "translations": {"search.result.none": "No matching documents"}}'
    english = json.loads(search.page_search_config(config, "en", "Search the Spanish site for “{query}”"))
    assert english["other_language"] == {"lang": "es", "home": "../../es/",
                                         "label": "Search the Spanish site for “{query}”"}
    spanish = json.loads(search.page_search_config('{"base": "."}', "es", "Buscar «{query}» en el sitio en inglés"))
    assert spanish["other_language"]["home"] == "./" and spanish["other_language"]["lang"] == "en"
    assert spanish["base"] == "./es/"
    # words from labels stay data: nothing in them can close the script element
    assert "</script>" not in search.page_search_config(config, "en", "</script><b>")


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
    titles = {doc["title"].split(" <span hidden>")[0] for doc in index["docs"]}  # without the words unaccented
    assert "Trabajar al mismo tiempo en dos niveles · Recomendación" in titles
    assert not any("/es/" in doc["location"] for doc in index["docs"])


# --- What the index reads of a page ---------------------------------------------------------

def _entries(content, kind=None, title="Page"):
    """The entries Material's search plugin makes of a page whose content is `content`, as a reader sees them."""
    from material.plugins.search.plugin import SearchIndex

    class Page:
        meta = {"title": title}
        toc = []
        url = "page/"
    Page.content = search_view.search_view(content, kind)
    index = SearchIndex(lang=["en"], separator=" ", pipeline=[], fields={})
    index.add_entry_from_context(Page)
    return [(e["location"], e["title"], e["text"]) for e in index.entries]


def test_drawings_controls_and_repeated_records_are_left_out_of_the_index():
    content = ('<h1 id="options">Options</h1>\n<p>Every option.</p>\n'
               '<details class="options-panel"><summary>Filters</summary><div><div class="x">'
               '<form><label for="k">Kind</label><select id="k"><option>Any</option><option>Hammer (4)</option>'
               '</select></form></div></div></details>\n'
               '<p class="options-count" data-all="{n} options">76 options</p>\n'
               '<ol class="options-list"><li><h2 class="option__title">ISR</h2><dl><dt>Kind</dt><dd>Hammer</dd>'
               '</dl></li></ol>\n<figure class="argument-map"><svg><a><title>Judicial deterrence</title>'
               '<text><tspan>Judicial</tspan><tspan>deterrence</tspan></text></a></svg></figure>\n<p>The end.</p>')
    [(location, title, text)] = _entries(content)
    assert (location, title) == ("page/", "Options")
    assert text == "<p>Every option.</p> <p>The end.</p>"


def test_label_and_value_do_not_run_together():
    content = ('<h1 id="a">Agencies</h1>\n<table class="agencies__table"><caption>Mexico</caption>'
               '<thead><tr><th scope="col">Agency</th><th scope="col">Reports to</th></tr></thead><tbody>'
               '<tr><th scope="row"><a href="x/">Grupo Beta</a></th><td>Secretaría de Gobernación</td></tr>'
               '</tbody></table>\n<h2 id="details">Details</h2>\n<dl>\n<dt>Kind</dt><dd>Hammer</dd>\n'
               '<dt>From the paper</dt><dd>Section 3</dd><dd>Section 4</dd>\n</dl>')
    [(_, _, agencies), (location, _, details)] = _entries(content)
    assert agencies == "<p>Mexico</p><p>Agency: Grupo Beta; Reports to: Secretaría de Gobernación</p>"
    assert location == "page/#details"
    assert details == "<p>Kind: Hammer</p> <p>From the paper: Section 3; Section 4</p>"


def test_a_record_page_is_one_entry_titled_with_its_kind():
    """What precedes the title (the record's kind and position) does not make an entry of its own."""
    content = ('<p class="record-kind">Recommendation 2 of 5 · Section 8</p>\n'
               '<h1 id="work-at-two-levels">Work at two levels<a class="headerlink" href="#work-at-two-levels">¶</a></h1>\n'
               '<p class="record-tools" data-search-exclude="data-search-exclude"><a href="../side-by-side/">Side by side</a> · Edit</p>\n<p>Summary.</p>')
    assert _entries(content, "Recommendation", title="Work at two levels · Recommendations") == [
        ("page/", "Work at two levels · Recommendation", "<p>Recommendation 2 of 5 · Section 8</p> <p>Summary.</p>")]
    assert _entries("<h1 id='a'>R &amp; D</h1>", "Kind <b>")[0][1] == "R &amp; D · Kind &lt;b&gt;"


def test_what_kind_of_record_a_page_shows_comes_from_the_labels(content):
    from labels import load_labels
    labels = load_labels()
    assert search_view.record_kind("es/recommendations/two-level-work.md", content, labels) == "Recomendación"
    assert search_view.record_kind("en/glossary/merida-initiative.md", content, labels) == "Glossary entry"
    assert search_view.record_kind("en/recommendations/index.md", content, labels) is None
    assert search_view.record_kind("en/about.md", content, labels) is None
    assert search_view.record_kind("en/recommendations/no-such-record.md", content, labels) is None
    assert search_view.record_kind("en/figures/two-level-work.md", content, labels) is None  # not its collection
    # without singular names of the kinds, the collection's title
    plain = {"en": {"collections": {"recommendations": {"title": "Recommendations"}}}}
    assert search_view.record_kind("en/recommendations/two-level-work.md", content, plain) == "Recommendations"


def test_accented_titles_are_found_without_accents():
    doc = search.with_folded_words({"location": "x/", "title": "Iniciativa Mérida", "text": "<p>la región</p>"})
    assert doc == {"location": "x/", "title": "Iniciativa Mérida <span hidden>Merida</span>",
                   "text": "<p>la región</p> <span hidden>region</span>"}
    assert search.with_folded_words({"location": "x/", "title": "Soldiers", "text": "x"})["title"] == "Soldiers"


def _sections(html_text):
    """The sections Material's indexer makes of a page: (id, title, text), spacing as a reader sees it."""
    from material.plugins.search.plugin import Parser
    parser = Parser()
    parser.feed(html_text)
    parser.close()
    spaced = lambda parts: re.sub(r"\s+", " ", "".join(parts)).strip()  # noqa: E731
    return [(section.id, spaced(section.title), spaced(section.text)) for section in parser.data]


def test_the_indexer_reads_less_markup_and_makes_the_same_entries_of_every_page(built):
    """for_indexer leaves out only what Material's indexer drops anyway (inline tags, permalinks, attributes)."""
    site, _, _ = built
    article = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 700  # both languages
    for path in pages:
        view = search_view.readable_view(article.search(path.read_text(encoding="utf-8")).group(1))
        reduced = search_view.for_indexer(view)
        assert len(reduced) < len(view) and "<a " not in reduced and "<abbr" not in reduced
        assert _sections(reduced) == _sections(view), path
