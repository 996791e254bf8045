"""The argument map on the Arguments page (hooks/pictures.py, argument-map.html.j2, docs/assets/argument-map.css).

Unit tests of the layout (wrapping, ordering to cut crossings, boxes in their column) and, in a real browser on
the real site: the drawing fits its column with legible text, a box shows its lines and partners on hover and on
keyboard focus, and on a phone the list of proposals is the map, with JavaScript or without.
"""
import re

import pytest

from standards import AXE, WCAG_AA

import pictures
from labels import load_labels
from render import template_environment

LANGS = (("en", ""), ("es", "/es"))


# --- wrapping ---------------------------------------------------------------------------------------------

def test_wrap_keeps_every_word_unless_told_to_cut():
    title = "Undertake a synthetic public policy process on critical shared security concerns"
    lines = pictures.wrap(title, 20)
    assert " ".join(lines) == title
    assert all(len(line) <= 20 for line in lines)
    cut = pictures.wrap(title, 20, lines=2)
    assert len(cut) == 2 and cut[-1].endswith("…")


def test_wrap_keeps_a_word_longer_than_a_line_whole():
    assert pictures.wrap("a Transnational b", 5) == ["a", "Transnational", "b"]


# --- ordering -----------------------------------------------------------------------------------------------

def test_crossings_counts_crossing_pairs_only():
    edges = [("a", "y"), ("b", "x")]
    assert pictures.crossings(["a", "b"], ["x", "y"], edges) == 1
    assert pictures.crossings(["b", "a"], ["x", "y"], edges) == 0
    assert pictures.crossings(["a", "b"], ["x"], [("a", "x"), ("b", "x")]) == 0  # a shared end is no crossing


def test_ordering_untangles_a_simple_case_and_keeps_groups():
    left = [["a", "b", "c"]]
    right = [["x", "y"], ["z"]]
    edges = [("a", "z"), ("c", "x"), ("b", "y")]
    new_left, new_right = pictures.order_columns(left, right, edges)
    assert [sorted(g) for g in new_right] == [["x", "y"], ["z"]]  # a box never leaves its group
    flat = lambda groups: [k for g in groups for k in g]  # noqa: E731
    assert pictures.crossings(flat(new_left), flat(new_right), edges) == 0


def _real_columns(content, lang="en"):
    proposals = [r for name in pictures.MAP_SOURCES for r in content.collection(lang, name)]
    cited = {a for p in proposals for a in p["responds_to"]}
    left = [[r.id for r in content.collection(lang, "arguments") if r.id in cited]]
    right = [[p.id for p in proposals if p.collection == name] for name in pictures.MAP_SOURCES]
    edges = [(a, p.id) for p in proposals for a in p["responds_to"]]
    return left, right, edges


def test_ordering_cuts_the_crossings_of_the_real_map_and_is_deterministic(content):
    left, right, edges = _real_columns(content)
    flat = lambda groups: [k for g in groups for k in g]  # noqa: E731
    before = pictures.crossings(flat(left), flat(right), edges)
    new_left, new_right = pictures.order_columns(left, right, edges)
    after = pictures.crossings(flat(new_left), flat(new_right), edges)
    assert after < before * 0.6, (before, after)
    assert pictures.order_columns(left, right, edges) == (new_left, new_right)
    assert sorted(flat(new_left)) == sorted(flat(left)) and sorted(flat(new_right)) == sorted(flat(right))


# --- layout -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_box_sits_in_its_column_whole_and_without_overlap(content, lang):
    data = pictures.argument_map(content, lang)
    assert data["width"] == pictures.MAP_WIDTH
    columns = {}
    for node in data["nodes"]:
        assert 0 <= node["x"] and node["x"] + node["width"] <= data["width"]
        assert node["y"] >= data["labels_y"] and node["y"] + node["height"] <= data["height"]
        assert " ".join(node["lines"]) == " ".join(node["record"]["title"].split())  # no title cut short
        assert all(len(line) <= pictures.MAP_CHARS for line in node["lines"])
        columns.setdefault(node["x"], []).append(node)
    assert len(columns) == 2
    for nodes in columns.values():
        nodes.sort(key=lambda n: n["y"])
        for upper, lower in zip(nodes, nodes[1:]):
            assert upper["y"] + upper["height"] + pictures.MAP_GAP <= lower["y"]
    proposals = [r for name in pictures.MAP_SOURCES for r in content.collection(lang, name)]
    assert len(data["edges"]) == sum(len(p["responds_to"]) for p in proposals)
    by_id = {n["id"]: n for n in data["nodes"]}
    for edge in data["edges"]:
        assert by_id[edge["left"]]["x"] < by_id[edge["right"]]["x"]
        assert edge in by_id[edge["left"]]["edges"] and edge in by_id[edge["right"]]["edges"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_rendered_map_labels_its_columns_and_links_every_record(content, lang):
    labels = load_labels()[lang]
    html = pictures.picture(content, lang, "arguments", labels, template_environment())
    drawing = html[html.index("<svg"):html.index("</svg>")]
    listing = html[html.index('<details class="argument-map__list"'):]
    words = labels["pictures"]
    assert f">{words['map_left']}</text>" in drawing and f">{words['map_right']}</text>" in drawing
    for name in pictures.MAP_SOURCES:
        assert f">{labels['collections'][name]['title']}</text>" in drawing  # the right column's two groups
    for proposal in (r for name in pictures.MAP_SOURCES for r in content.collection(lang, name)):
        link = f'<a href="../{proposal.collection}/{proposal.id}/"'
        assert drawing.count(link) == 1 and listing.count(link) == 1
        block = listing[listing.index(link):]
        block = block[:block.index("</details>")]
        for argument_id in proposal["responds_to"]:
            assert f'<a href="../arguments/{argument_id}/"' in block
        assert block.count(f"({words['map_kinds']['arguments'].lower()})") == len(proposal["responds_to"])
    assert "style=" not in html and "<script" not in html and not re.search(r"\son\w+=", html)


# --- in a real browser, on the real site -------------------------------------------------------------------

def _page(browser, url, width, js=True):
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=js)
    page = context.new_page()
    page.goto(url)
    return context, page


@pytest.mark.parametrize("width", [1280, 1000, 720])
@pytest.mark.parametrize("lang, prefix", LANGS)
def test_drawing_fits_its_column_with_legible_text(browser, served, lang, prefix, width):
    _, base = served
    context, page = _page(browser, f"{base}{prefix}/arguments/", width)
    svg = page.locator(".argument-map__svg")
    assert svg.is_visible()
    report = svg.evaluate("""svg => {
        const column = svg.closest('.md-content__inner').getBoundingClientRect();
        const box = svg.getBoundingClientRect();
        const scale = svg.getScreenCTM().a;
        const overflowing = [...svg.querySelectorAll('.argument-map__node')].filter(a => {
            const rect = a.querySelector(':scope > rect').getBoundingClientRect();
            const text = a.querySelector(':scope > text').getBoundingClientRect();
            return text.left < rect.left || text.right > rect.right - 4 || text.bottom > rect.bottom;
        }).map(a => a.getAttribute('href'));
        return {left: box.left - column.left, right: column.right - box.right, font: 14 * scale, overflowing,
                labels: [...svg.querySelectorAll('.argument-map__label')].map(t => t.textContent),
                page: document.documentElement.scrollWidth - document.documentElement.clientWidth};
    }""")
    assert report["left"] >= 0 and report["right"] >= 0, report  # nothing clipped at either side
    assert report["page"] <= 0, report                           # no sideways scrolling
    assert report["font"] >= 13, report
    assert report["overflowing"] == [], report                   # every title inside its box
    words = load_labels()[lang]["pictures"]
    assert report["labels"] == [words["map_left"], words["map_right"]]
    context.close()


def _shown(page):
    """The map's lines and partner outlines visible now, as (lines, outlines); and the faded lines' opacity."""
    return page.evaluate("""() => {
        const visible = sel => [...document.querySelectorAll(sel)].filter(e => e.getBoundingClientRect().width > 0
            && getComputedStyle(e).display !== 'none' && e.closest('.argument-map__trace')
            && getComputedStyle(e.closest('.argument-map__trace')).display !== 'none').length;
        return [visible('.argument-map__trace-line'), visible('.argument-map__partner'),
                Number(getComputedStyle(document.querySelector('.argument-map__lines')).opacity)];
    }""")


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_a_box_shows_its_lines_and_partners_on_hover_and_on_keyboard_focus(browser, served, content, lang, prefix):
    _, base = served
    context, page = _page(browser, f"{base}{prefix}/arguments/", 1280)
    assert _shown(page) == [0, 0, 1]
    proposal = content.get(lang, "strategy-full-system")
    n = len(proposal["responds_to"])
    page.locator('.argument-map__svg a[href="../strategies/strategy-full-system/"]').hover()
    lines, outlines, faded = _shown(page)
    assert (lines, outlines) == (n, n) and faded < 0.5
    trace = page.locator('.argument-map__svg a[href="../strategies/strategy-full-system/"] .argument-map__trace-line')
    assert trace.first.evaluate("e => parseFloat(getComputedStyle(e).strokeWidth)") >= 2.5  # thicker, not only darker
    page.mouse.move(5, 5)
    assert _shown(page) == [0, 0, 1]
    # by keyboard: Tab through the page until the first box of the map has focus
    first = page.locator(".argument-map__svg .argument-map__node").first
    href = first.get_attribute("href")
    partners = sum(1 for p in content.collection(lang, "strategies") + content.collection(lang, "recommendations")
                   for a in p["responds_to"] if href.endswith(f"/{a}/") or href.endswith(f"/{p.id}/"))
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('argument-map__node')"):
            break
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == href
    lines, outlines, faded = _shown(page)
    assert lines == outlines == partners > 0 and faded < 0.5
    context.close()


@pytest.mark.parametrize("js", [True, False])
@pytest.mark.parametrize("lang, prefix", LANGS)
def test_on_a_phone_the_reader_opens_a_proposal_and_sees_what_it_answers(browser, served, content, lang, prefix, js):
    _, base = served
    context, page = _page(browser, f"{base}{prefix}/arguments/", 390, js=js)
    assert not page.locator(".argument-map__svg").is_visible()
    # nothing of the map reaches past the screen's right edge (no sideways scrolling for it)
    assert page.locator("figure.argument-map").evaluate(
        "f => Math.max(...[f, ...f.querySelectorAll('*')].map(e => e.getBoundingClientRect().right))") <= 390
    words = load_labels()[lang]["pictures"]
    assert page.locator("#argument-map-caption").inner_text().strip() == words["map_caption_narrow"]
    proposal = content.get(lang, "follow-the-money-and-guns")
    block = page.locator(".argument-map__proposal").filter(has_text=proposal["title"])
    answers = block.locator(".argument-map__answers a")
    assert not answers.first.is_visible()
    block.locator("summary").click()
    assert answers.count() == len(proposal["responds_to"])
    for i, argument_id in enumerate(proposal["responds_to"]):
        link = answers.nth(i)
        assert link.is_visible() and link.inner_text() == content.get(lang, argument_id)["title"]
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    # left-aligned, like a list: every proposal's title starts at the same place, near the left edge
    starts = page.locator(".argument-map__proposal > summary strong").evaluate_all(
        "items => items.map(s => Math.round(s.getClientRects()[0].left))")
    assert len(set(starts)) == 1 and starts[0] < 80, starts
    assert block.locator(".argument-map__answers").inner_text().count(words["map_kinds"]["arguments"].lower()) == \
        len(proposal["responds_to"])
    page.locator(f'.argument-map__list a[href="../recommendations/{proposal.id}/"]').click()
    page.wait_for_url(f"{base}{prefix}/recommendations/{proposal.id}/")
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang, prefix", LANGS)
def test_map_open_and_focused_has_no_wcag_aa_violation(browser, served, lang, prefix, width):
    """The site-wide axe scan sees the map at rest; here its proposals are open and a box has focus."""
    _, base = served
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{base}{prefix}/arguments/")
    for summary in page.locator(".argument-map__proposal > summary").all():
        summary.click()
    if width > 700:
        page.locator(".argument-map__svg .argument-map__node").nth(3).focus()
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async (tags) => (await axe.run({include: [['figure.argument-map']]}, "
                          "{runOnly: {type: 'tag', values: tags}})).violations.map(v => [v.id, v.nodes.length])",
                          WCAG_AA)
    assert found == []
    context.close()
