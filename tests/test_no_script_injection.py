"""No text that reaches a page can script it: record text is refused (see the bad-content fixtures
event-handler-*, class-attribute, encoded-script-link, script-*-link) and every rendered page is checked again."""
import pytest

from page_guard import problems
from sitebuild import FIXTURES, build, make_site
from text_rules import unsafe

ATTACKS = [
    'See [the site](https://example.org){: onclick="alert(2)" }',
    'A paragraph.\n{: onmouseover="alert(1)" }',
    "![x](https://example.org/x.png){: onerror=alert(1) }",
    "[who](javascript:alert(1))",
    "[who](  JAVASCRIPT:alert(1))",
    "[who](javascript&colon;alert(1))",
    "[who](jav&#x61;script:alert(1))",
    "[who][a]\n\n[a]: javascript:alert(1)",
    "[who](data:text/html;base64,PHNjcmlwdD4=)",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<javascript:alert(1)>",
    "text {#id .class}",
    "*word*{ style=\"display:none\" }",
]
HARMLESS = [
    "Operation *Armas Cruzadas*{lang=es} and *Post-NAFTA North America*{lang=en}",
    "See <https://www.example.org/report> and [the report](https://example.org/r.pdf).",
    "AT&T and 5 < 6, a {brace} pair is only text when it is not after an element: {} ",
    "Write to [the office](mailto:office@example.org).",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_record_text_that_would_become_markup_is_refused(text):
    assert unsafe(text) is not None


@pytest.mark.parametrize("text", HARMLESS[:2] + HARMLESS[3:])
def test_the_markup_records_use_is_allowed(text):
    assert unsafe(text) is None


@pytest.mark.parametrize("html", [
    '<p onmouseover="alert(1)">x</p>',
    '<a href="https://example.org" ONCLICK=alert(2)>x</a>',
    '<a href="jav&#x61;script:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    '<script src="https://evil.example/x.js"></script>',
    '<iframe src="https://example.org"></iframe>',
])
def test_the_page_check_finds_markup_that_runs(html):
    assert problems(f"<html><body>{html}</body></html>")


def test_the_page_check_passes_material_and_the_sites_own_scripts():
    page = ('<script id="__config" type="application/json">{"base": ".", "a": "<b onclick=1>"}</script>'
            '<script src="../assets/javascripts/bundle.js"></script><a href="../x/">x</a>'
            '<a href="https://example.org/?q=on&amp;onclick=1">y</a><form class="md-search__form"></form>')
    assert problems(page) == []


def test_a_hand_written_page_that_would_script_the_site_stops_the_build(tmp_path):
    site = make_site(tmp_path / "site", FIXTURES / "good" / "content")
    about = site / "docs" / "en" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + '\nHover me.\n{: onmouseover="alert(1)" }\n',
                     encoding="utf-8")
    result = build(site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "en/about.md: the page would run markup that is not the site's own" in output
    assert "<p onmouseover=...>: an event-handler attribute" in output
    assert "Traceback" not in output


def test_no_page_of_the_published_site_carries_markup_that_runs(built):
    """Every page, record pages included (the build checks the others itself): templates and records together
    let no event handler, code-running address or foreign script through."""
    site, _, _ = built
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 700
    found = {str(path.relative_to(site)): problems(path.read_text(encoding="utf-8")) for path in pages}
    assert {path: p for path, p in found.items() if p} == {}
