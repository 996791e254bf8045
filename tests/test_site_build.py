"""One full build of the real content, checked from its output."""
import json

import search
from conftest import SITE_URL
from schema import COLLECTIONS, LANGUAGES
from sitecheck import counterpart, html_pages, page_language, read_page, resolve_link


def test_strict_build_has_no_warnings(built):
    _, result, _ = built
    assert "WARNING" not in result.stdout + result.stderr


def test_every_record_has_a_page_in_both_languages_at_the_same_address(built):
    site, _, content = built
    for record in content.records["en"].values():
        assert (site / record.collection / record.id / "index.html").exists(), record.id
        assert (site / "es" / record.collection / record.id / "index.html").exists(), record.id


def test_number_of_record_pages_equals_number_of_records(built):
    site, _, content = built
    for lang in LANGUAGES:
        base = site / "es" if lang == "es" else site
        pages = [p for name in COLLECTIONS for p in (base / name).glob("*/index.html")]
        assert len(pages) == content.count()


def test_record_pages_show_the_record_in_the_page_language(built):
    site, _, content = built
    for lang in LANGUAGES:
        base = site / "es" if lang == "es" else site
        for record in content.records[lang].values():
            info = read_page(base / record.collection / record.id / "index.html")
            assert info.title.startswith(record["title"]), (lang, record.id, info.title)


def test_hand_written_pages_exist_in_both_languages(built):
    site, _, _ = built
    for page in ("index.html", "about/index.html"):
        assert (site / page).exists() and (site / "es" / page).exists()


def test_html_lang_is_the_page_language(built):
    site, _, _ = built
    for page in html_pages(site):
        if page.relative_to(site).parts[0] in ("assets", "search"):
            continue
        assert read_page(page).lang == page_language(site, page), page


def test_language_switcher_leads_to_the_same_page_in_the_other_language(built):
    site, _, _ = built
    checked = 0
    for page in html_pages(site):
        lang = page_language(site, page)
        other = "en" if lang == "es" else "es"
        switch = [href for href, attrs in read_page(page).links
                  if "md-select__link" in attrs.get("class", "") and attrs.get("hreflang") == other]
        assert len(switch) == 1, page
        target, _ = resolve_link(site, page, switch[0])
        assert target == counterpart(site, page).resolve(), (page, switch[0])
        checked += 1
    assert checked > 20


def test_every_internal_link_and_fragment_resolves(built):
    site, _, _ = built
    ids = {}
    broken = []
    for page in html_pages(site):
        for href, _ in read_page(page).links:
            resolved = resolve_link(site, page, href)
            if resolved is None:
                continue
            target, fragment = resolved
            if not target.exists():
                broken.append((str(page.relative_to(site)), href))
                continue
            if fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = read_page(target).ids
                if fragment not in ids[target]:
                    broken.append((str(page.relative_to(site)), href))
    assert broken == []


def test_language_alternates_are_absolute_with_x_default(built):
    site, _, content = built
    record = next(iter(content.records["en"].values()))
    for prefix in ("", "es/"):
        html = (site / prefix / record.collection / record.id / "index.html").read_text(encoding="utf-8")
        base = SITE_URL
        assert f'<link rel="alternate" href="{base}{record.collection}/{record.id}/" hreflang="en">' in html
        assert f'<link rel="alternate" href="{base}es/{record.collection}/{record.id}/" hreflang="es">' in html
        assert f'<link rel="alternate" href="{base}{record.collection}/{record.id}/" hreflang="x-default">' in html


def test_pages_carry_their_record_summary_as_description_and_open_graph(built):
    site, _, content = built
    for lang, prefix in (("en", ""), ("es", "es/")):
        for record in list(content.records[lang].values())[:20]:
            html = (site / prefix / record.collection / record.id / "index.html").read_text(encoding="utf-8")
            assert '<meta property="og:title"' in html and '<meta name="description"' in html
            assert ('<meta property="og:locale" content="es_MX">' in html) is (lang == "es")


def test_every_page_has_a_unique_title_in_its_language(built):
    site, _, _ = built
    titles = {}
    for page in html_pages(site):
        if page.relative_to(site).parts[0] in ("assets", "search"):
            continue
        titles.setdefault(read_page(page).title, []).append(str(page.relative_to(site)))
    assert {t: pages for t, pages in titles.items() if len(pages) > 1} == {}


def test_every_page_opens_on_its_title_with_no_front_matter_left_in_its_text(built):
    # A template whose front matter lost its opening '---' still gets its title from MkDocs, which reads
    # "key: value" lines as metadata, but the closing '---' shows as a rule above the page's title.
    site, _, _ = built
    before_title = {}
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        start = html.find('<article class="md-content__inner md-typeset">')
        if start < 0 or "<h1" not in html[start:]:
            continue
        opening = html[start:html.index("<h1", start)]
        if "<hr" in opening or "<p>" in opening or "title:" in opening:
            before_title[str(page.relative_to(site))] = opening[-200:]
    assert before_title == {}


def test_page_not_found_is_in_each_language_and_names_the_other(built):
    site, _, _ = built
    expected = {"": ("en", "Page not found", "es", "Página no encontrada"),
                "es/": ("es", "Página no encontrada", "en", "Page not found")}
    for prefix, (lang, title, other, other_title) in expected.items():
        page = site / prefix / "404.html"
        html = page.read_text(encoding="utf-8")
        info = read_page(page)
        assert info.lang == lang
        assert info.title.startswith(title)
        assert f"<h1>{title}</h1>" in html
        assert f'<div lang="{other}" class="not-found-other-language">' in html
        assert f"<h2>{other_title}</h2>" in html
        assert '<meta name="robots" content="noindex">' in html
        # Its search looks in its own language's pages (the address is absolute, as the page's links).
        config = json.loads(html.split(search.CONFIG_SCRIPT, 1)[1].split("</script>")[0])
        assert config["base"] == f"/{prefix}"
        assert config["other_language"]["lang"] == other
        # A missing page has no counterpart: the language switcher leads to each home page.
        switcher = {a["hreflang"]: href for href, a in info.links if "md-select__link" in a.get("class", "")}
        assert switcher == {"en": "/", "es": "/es/"}
        # Its links are absolute paths, so they work at whatever address it is shown.
        for href, _ in info.links:
            resolved = resolve_link(site, page, href)
            if resolved:
                assert href.startswith(("/", "#")) and resolved[0].exists(), href


def test_sitemap_lists_every_page_with_its_absolute_alternates(built):
    import xml.etree.ElementTree as ET
    site, _, _ = built
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {}
    for url in ET.parse(site / "sitemap.xml").getroot().findall("s:url", ns):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        entries[url.findtext("s:loc", namespaces=ns)] = alternates
    pages = {SITE_URL + ("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/")
             for p in html_pages(site) if p.name == "index.html" and p.relative_to(site).parts[0] not in ("assets", "search")}
    assert set(entries) == pages
    for loc, alternates in entries.items():
        english = loc.replace(f"{SITE_URL}es/", SITE_URL)
        assert alternates == {"en": english, "es": english.replace(SITE_URL, f"{SITE_URL}es/", 1)}, loc
    assert (site / "robots.txt").read_text().endswith(f"Sitemap: {SITE_URL}sitemap.xml\n")


def test_beside_each_page_a_small_sitemap_for_materials_language_script(built):
    site, _, _ = built
    for page in ("figures/border-crossings-400-million", "es/figures/border-crossings-400-million", "es"):
        xml = (site / page / "sitemap.xml").read_text(encoding="utf-8")
        assert xml.count("<url>") == 2 and f"<loc>{SITE_URL}</loc>" in xml and f"<loc>{SITE_URL}es/</loc>" in xml
