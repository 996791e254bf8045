"""Unit tests of page generation."""
import re
from pathlib import Path

import page_html
import record_pages
import render
import yaml
from hand_written import hand_written_pages
from labels import load_labels
from markdown_text import format_number, front_matter, link_text
from mkdocs.utils.meta import get_data
from page_files import write_if_changed
from page_files import write_pages as write_page_files
from schema import COLLECTIONS
from content import Content
from validation import load_content
from sitebuild import FIXTURES, ROOT

GOOD = FIXTURES / "good" / "content"


def test_numbers_are_written_as_in_english_and_mexican_spanish():
    assert format_number(11000) == "11,000"
    assert format_number(1.3) == "1.3"
    assert format_number(335.5) == "335.5"
    assert format_number(10475) == "10,475"


def test_link_text_escapes_brackets():
    assert link_text("a [b] c") == "a \\[b\\] c"


def test_write_if_changed_only_writes_new_text(tmp_path):
    path = tmp_path / "a" / "page.md"
    assert write_if_changed(path, "one") is True
    mtime = path.stat().st_mtime_ns
    assert write_if_changed(path, "one") is False
    assert path.stat().st_mtime_ns == mtime
    assert write_if_changed(path, "two") is True


def write_pages(content, docs, labels):
    return write_page_files(record_pages.generated_pages(content, labels), docs)


def test_pages_for_every_record_and_collection_in_both_languages(tmp_path):
    content = load_content(GOOD)
    written = write_pages(content, tmp_path, load_labels())
    for lang in ("en", "es"):
        for record in content.records[lang].values():
            assert (tmp_path / lang / record.collection / f"{record.id}.md").exists()
        for name in COLLECTIONS:
            assert (tmp_path / lang / name / "index.md").exists()
            assert (tmp_path / lang / name / ".gitignore").read_text().endswith("*\n")
    assert written
    # A second run with the same content writes nothing (no rebuild loop under `mkdocs serve`).
    assert write_pages(content, tmp_path, load_labels()) == []


def test_pages_of_removed_records_are_deleted(tmp_path):
    content = load_content(GOOD)
    write_pages(content, tmp_path, load_labels())
    for lang in ("en", "es"):
        del content.records[lang]["no-lesser-crime"]
        del content.records[lang]["two-levels"].fields["responds_to"]
    content = Content(content.records)  # as the next build loads it (a Content is not changed once loaded)
    written = write_pages(content, tmp_path, load_labels())
    assert tmp_path / "en" / "arguments" / "no-lesser-crime.md" in written
    assert not (tmp_path / "es" / "arguments" / "no-lesser-crime.md").exists()


def _page(lang, record_id):
    content = load_content(GOOD)
    record = content.get(lang, record_id)
    return record_pages.render_record(record, content, load_labels()[lang], render.template_environment())


def test_record_page_shows_text_fields_and_links_in_its_language():
    page = _page("es", "mexican-soldiers")
    assert "# Soldados mexicanos asignados a la región fronteriza" in page
    meta = yaml.safe_load(page.split("---\n")[1])
    assert meta["title"] == "Soldados mexicanos asignados a la región fronteriza · Cifras"
    assert meta["description"].startswith("El documento cuenta 7,500 soldados")
    assert "Valor\n:   7,500 soldados" in page
    assert "[Nota 12: AFP en Terra](../sources/fn-12.md)" in page
    assert "[Sección 8: Comentarios finales y conclusiones](../sections/section-8.md)" in page


def test_record_page_marks_quotes_and_gaps_and_letters_points():
    strategy = _page("en", "first-best")
    assert '> **Quotation from the paper:** “the ‘first best’ strategy”' in strategy
    assert '!!! note "What the paper leaves open"\n\n    The paper does not say who would commission it.' in strategy
    rec = _page("es", "two-levels")
    assert "- **a.** Fortalecer los programas nacionales de seguridad." in rec
    assert "- **b.** Invertir" in rec


def test_source_page_lists_its_works_exactly():
    page = _page("en", "fn-12")
    assert ("1. AFP. <cite lang=\"es\">Mexico envia 5,000 soldados mas a frontera con Estados Unidos para lucha antidroga</cite>. "
            "Terra. February 2009. <http://www.terra.cl/actualidad/index.cfm?id_cat=303&id_reg=1131940>") in page


def test_section_page_lists_the_records_that_come_from_it():
    page = _page("en", "section-7")
    assert "## Strategies\n\n- [Commission a full-fledged system](../strategies/first-best.md)" in page
    assert "## Policy options\n\n- [Legalize consumption" in page


def test_collection_page_groups_options_by_kind():
    content = load_content(GOOD)
    page = record_pages.render_collection("es", "options", content, load_labels()["es"], render.template_environment())
    assert "## Opción dentro de una estrategia" in page
    assert "1. [Legalizar el consumo y la distribución de mariguana](heterodox-marijuana.md) — " in page


def test_glossary_abbreviations_are_focusable_except_inside_links():
    html = '<p><abbr title="x">SPP</abbr> and <a href="y">the <abbr title="x">SPP</abbr></a></p>'
    assert page_html.focusable_abbreviations(html) == (
        '<p><abbr tabindex="0" title="x">SPP</abbr> and <a href="y">the <abbr title="x">SPP</abbr></a></p>')


def test_front_matter_keeps_quotes_colons_and_accents_as_written():
    tricky = 'Nota 12: "AFP" en Terra — región #1'
    page = front_matter(tricky, "a: b\nc") + "\n\n# Title\n"  # as a template places it, read as MkDocs reads it
    assert get_data(page)[1] == {"title": tricky, "description": "a: b\nc"}


def test_print_addresses_resolve_relative_links_as_a_browser_does():
    from urllib.parse import urljoin

    import print_view
    for site_url in ("http://127.0.0.1:8000/", "https://example.github.io/border-security/"):
        for page_url in ("", "figures/x/", "es/sources/fn-12/", "about/", "404.html"):
            for href in ("../fn-12/", "../../sections/section-2/#gaps", "./", "..", "other.html", "x/y/",
                         "/es/", "?q=1", "../../side-by-side/figures/#border-crossings-400-million", "."):
                expected = urljoin(urljoin(site_url, page_url), href)
                if "?" in href:
                    continue  # the site's pages have no query links
                assert print_view.absolute_address(site_url, page_url, href) == expected, (site_url, page_url, href)
    html = '<p><a href="../fn-12/">n</a> <a href="#top">t</a> <a href="https://x.org/">x</a></p>'
    assert print_view.mark_print_addresses(html, "http://h/", "es/sources/fn-1/") == (
        '<p><a data-print-href="http://h/es/sources/fn-12/" href="../fn-12/">n</a> <a href="#top">t</a> '
        '<a href="https://x.org/">x</a></p>')


# ---------------------------------------------------------------- a build with unchanged inputs

def test_hand_written_pages_are_found_and_generated_folders_skipped(tmp_path):
    for rel in ("en/index.md", "es/about.md", "en/guide/more.md", "en/figures/x.md", "es/side-by-side/figures.md",
                "en/downloads/notes.md", "en/notes.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("# x\n", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in hand_written_pages(tmp_path)] == [
        "en/guide/more.md", "en/index.md", "es/about.md"]


def _anchors(markdown: str) -> list[str]:
    return re.findall(r"^## .* \{: #([^ ]+) \}$", markdown, flags=re.MULTILINE)


def test_side_by_side_views_come_in_parts_that_hold_each_record_once_in_order(tmp_path):
    import translations
    from render import template_environment
    content = load_content(GOOD)
    size = 1  # the fixture's collections hold one or two records
    made = translations.page_makers(content, load_labels(), template_environment(), size=size)
    for lang in ("en", "es"):
        for name in COLLECTIONS:
            ids = [r.id for r in content.collection(lang, name)]
            files = [f"{lang}/side-by-side/{name}.md"] + [
                f"{lang}/side-by-side/{name}-{n}.md" for n in range(2, len(ids) + 1)]
            assert [rel for rel in made if rel.startswith(f"{lang}/side-by-side/{name}")] == files
            texts = [made[rel](content) for rel in files]
            assert [anchor for text in texts for anchor in _anchors(text)] == ids
            for record_id, rel in zip(ids, files):
                record = content.get(lang, record_id)
                link = translations.side_by_side_link(content, record, size=size)
                assert link == f"../side-by-side/{rel.rsplit('/', 1)[1]}#{record_id}"
    sources = made["es/side-by-side/sources-2.md"](content)
    assert 'title: "En paralelo: Fuentes, parte 2 de 2"' in sources
    assert "Registros 2 a 2 de 2. Partes:\n[1](sources.md) ·\n<strong aria-current=\"page\">2</strong>\n" in sources
    single = made["en/side-by-side/figures.md"](content)
    assert "Parts:" not in single and "part 1" not in single


def test_record_pages_link_to_the_part_of_the_view_that_shows_them():
    import translations
    content = load_content(ROOT / "content")
    glossary = content.collection("en", "glossary")
    assert len(glossary) > 2 * translations.SIDE_BY_SIDE_RECORDS  # the paper's glossary needs three parts
    last = glossary[-1]
    page = record_pages.generated_pages(content, load_labels())[Path("en/glossary") / f"{last.id}.md"]
    assert f"](../side-by-side/glossary-3.md#{last.id})" in page


def test_quotes_are_typographic_in_each_language_from_the_straight_ones_editors_type():
    from typography import quotes
    assert quotes('dice "la \'guerra\' perdida" y O\'Rourke', "es") == "dice «la “guerra” perdida» y O’Rourke"
    assert quotes('says "the \'war\' lost" and Mexico\'s', "en") == "says “the ‘war’ lost” and Mexico’s"
    assert quotes('see [the "report"](https://example.org/"a")', "en") == 'see [the “report”](https://example.org/"a")'
    rec = _page("es", "first-best")
    assert "> **Cita del documento (traducción propia):** «la estrategia “óptima”»" in rec


def test_a_record_page_says_what_the_record_is_and_where_it_comes_from():
    assert "Recommendation 1 of 1 · Section 8\n{: .record-kind }" in _page("en", "two-levels")
    option = _page("es", "heterodox-marijuana")
    assert re.search(r"^Opción de política 1 de 1 · [^\n]+ · Sección 7\n\{: \.record-kind \}$", option, re.MULTILINE)
