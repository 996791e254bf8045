"""The real site, checked from its output: cross-links, the options index, downloads and pictures."""
import csv
import json
import re

import index
import xrefs
from schema import COLLECTIONS
from sitecheck import read_page, resolve_link


def _page(site, lang, record):
    return site / ("es" if lang == "es" else "") / record.collection / record.id / "index.html"


def _picture_page(path):
    """A page's HTML without the print addresses hooks/print_view.py adds to links (tested on their own)."""
    return re.sub(r' ?data-print-href="[^"]*" ?', " ", path.read_text(encoding="utf-8")).replace("<a  ", "<a ")


def _targets(site, page):
    return {resolve_link(site, page, href)[0] for href, _ in read_page(page).links
            if resolve_link(site, page, href)}


def test_every_relation_shows_on_both_ends_in_both_languages(built):
    site, _, content = built
    found = xrefs.backlinks(content)
    for lang in ("en", "es"):
        for target_id, sources in found.items():
            target = content.get(lang, target_id)
            links = _targets(site, _page(site, lang, target))
            for _, source_id in sources:
                source = content.get(lang, source_id)
                assert _page(site, lang, source).resolve() in links, (lang, target_id, source_id)
                assert _page(site, lang, target).resolve() in _targets(site, _page(site, lang, source))


def test_the_side_by_side_views_show_every_record_once_in_short_pages_each_record_links_to(built):
    import translations
    site, _, content = built
    for lang, prefix in (("en", ""), ("es", "es/")):
        for name in COLLECTIONS:
            records = content.collection(lang, name)
            parts = sorted((site / prefix / "side-by-side").glob(f"{name}*/index.html"),
                           key=lambda p: (len(p.parent.name), p.parent.name))
            parts = [p.resolve() for p in parts if re.fullmatch(rf"{name}(-\d+)?", p.parent.name)]
            shown = [re.findall(r'<h2 id="([^"]+)"', p.read_text(encoding="utf-8")) for p in parts]
            assert [i for ids in shown for i in ids] == [r.id for r in records], (lang, name)
            assert max(len(ids) for ids in shown) <= translations.SIDE_BY_SIDE_RECORDS
            for record in records:
                part = next(p for p, ids in zip(parts, shown) if record.id in ids)
                links = [href for href, _ in read_page(_page(site, lang, record)).links if "side-by-side" in href]
                assert [resolve_link(site, _page(site, lang, record), h) for h in links] == [
                    (part, record.id)], (lang, record.id)
    assert len(list((site / "side-by-side").glob("glossary*/index.html"))) == 3  # 71 terms


def test_index_lists_every_option_exactly_once_per_language(built):
    site, _, content = built
    for lang, prefix in (("en", ""), ("es", "es/")):
        html = (site / prefix / "policy-options" / "index.html").read_text(encoding="utf-8")
        expected = [r.id for r in index.option_records(content, lang)]
        assert len(expected) == 78  # 67 options (the paper's own and three unnumbered remarks), 5 recommendations, 6 strategies
        for record_id in expected:
            assert html.count(f'<li class="option" id="{record_id}"') == 1, record_id


def test_downloads_parse_and_hold_every_record(built):
    site, _, content = built
    for lang, prefix in (("en", ""), ("es", "es/")):
        data = json.loads((site / prefix / "downloads" / "records.json").read_text(encoding="utf-8"))
        assert {row["id"] for rows in data["collections"].values() for row in rows} == set(content.records[lang])
        for name in COLLECTIONS:
            with open(site / prefix / "downloads" / f"{name}.csv", encoding="utf-8-sig", newline="") as handle:
                rows = list(csv.DictReader(handle))
            assert [r["id"] for r in rows] == [r.id for r in content.collection(lang, name)]


def test_pyramid_shows_every_need_in_its_tier(built):
    site, _, content = built
    for lang, prefix in (("en", ""), ("es", "es/")):
        html = _picture_page(site / prefix / "needs" / "index.html")
        pyramid = html[html.index('<figure class="pyramid"'):html.index("</figure>")]
        for need in content.collection(lang, "needs"):
            tier = pyramid[pyramid.index(f"pyramid__tier--{need['tier']}"):]
            tier = tier[:tier.index("</section>")]
            assert f'<a href="{need.id}/">' in tier, need.id


def test_agencies_picture_shows_every_row_with_whom_it_reports_to(built):
    site, _, content = built
    for lang, prefix in (("en", ""), ("es", "es/")):
        html = _picture_page(site / prefix / "agencies" / "index.html")
        tables = html[html.index('<div class="agencies">'):html.index('<p class="agencies__note">')]
        for agency in content.collection(lang, "agencies"):
            assert f'<a href="{agency.id}/">' in tables
        assert tables.count("<tr><th scope=\"row\">") == len(content.collection(lang, "agencies"))


def test_key_figure_cards_show_each_crisis_sign_with_its_source(built):
    site, _, content = built
    signs = [f for f in content.collection("en", "figures") if f["crisis_sign"]]
    assert len(signs) == 6
    for lang, prefix in (("en", ""), ("es", "es/")):
        html = _picture_page(site / prefix / "figures" / "index.html")
        cards = html[html.index('<ul class="key-figures__cards">'):]
        for figure in signs:
            assert f'<a href="{figure.id}/">' in cards
            if figure["footnote"]:
                assert f'<a href="../sources/{figure["footnote"]}/">' in cards


def test_argument_map_shows_every_answered_argument_and_every_answer(built):
    site, _, content = built
    proposals = [r for name in ("strategies", "recommendations") for r in content.collection("en", name)]
    assert all(p["responds_to"] for p in proposals)
    for lang, prefix in (("en", ""), ("es", "es/")):
        html = _picture_page(site / prefix / "arguments" / "index.html")
        figure = html[html.index('<figure class="argument-map"'):]
        drawing = figure[figure.index("<svg"):figure.index("</svg>")]
        listing = html[html.index('<details class="argument-map__list"'):html.index("</figure>")]
        for proposal in proposals:
            link = f'<a href="../{proposal.collection}/{proposal.id}/"'
            assert link in drawing and link in listing, proposal.id
            for argument_id in proposal["responds_to"]:
                target = content.get(lang, argument_id)
                assert f'<a href="../{target.collection}/{target.id}/"' in drawing
        assert drawing.count("argument-map__edge") == sum(len(p["responds_to"]) for p in proposals)
