"""Translation tracking, side-by-side view, edit links and last-updated dates, from a built fixture site."""
import os
import subprocess
import sys

import pytest

from sitebuild import REPO_URL, FIXTURES, ROOT, run_mkdocs, make_site
from sitecheck import read_page, resolve_link

SCRIPT = ROOT / "scripts" / "translations.py"


def _translations(site, *args):
    return subprocess.run([sys.executable, str(SCRIPT), "--content", str(site / "content"), *args],
                          capture_output=True, text=True)


def _git(site, *args):
    env = dict(os.environ, GIT_AUTHOR_DATE="2026-03-14T12:00:00", GIT_COMMITTER_DATE="2026-03-14T12:00:00")
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
                   cwd=site, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The good fixture, every translation stamped, then one English field changed, committed to git."""
    site = make_site(tmp_path_factory.mktemp("translations") / "project", FIXTURES / "good" / "content")
    assert _translations(site, "stamp", "--all").returncode == 0
    english = site / "content" / "en" / "strategies" / "first-best.yml"
    english.write_text(english.read_text(encoding="utf-8").replace(
        "summary: The first-best strategy.", "summary: The best strategy of all."), encoding="utf-8")
    _git(site, "init", "-q", "-b", "main")
    _git(site, "add", "-A")
    _git(site, "commit", "-q", "-m", "content")
    result = run_mkdocs(site, "build", "--strict", repo_url=REPO_URL)
    assert result.returncode == 0, result.stderr
    return site


def test_command_lists_what_translators_must_update(site):
    result = _translations(site)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "content/es/strategies/first-best.yml: outdated: the English text changed "
        "(content/en/strategies/first-best.yml)",
        "[es] 10 up to date, 1 outdated, 0 missing",
    ]


def test_outdated_spanish_page_says_so_and_links_to_the_english_page(site):
    page = site / "site" / "es" / "strategies" / "first-best" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "se hizo a partir de una versión anterior del texto en inglés" in html
    link = next(href for href, attrs in read_page(page).links if attrs.get("hreflang") == "en"
                and "md-select__link" not in attrs.get("class", ""))
    assert resolve_link(site / "site", page, link)[0] == site / "site" / "strategies" / "first-best" / "index.html"
    current = (site / "site" / "es" / "glossary" / "spp" / "index.html").read_text(encoding="utf-8")
    assert "versión anterior" not in current


def test_status_page_counts_and_lists_each_state(site):
    html = (site / "site" / "es" / "translations" / "index.html").read_text(encoding="utf-8")
    assert "10 al día, 1 desactualizadas, 0 pendientes" in html
    assert "Desactualizada (1)" in html
    english = (site / "site" / "translations" / "index.html").read_text(encoding="utf-8")
    assert "10 up to date, 1 outdated, 0 missing" in english


def test_stamping_makes_the_translation_current_again(site, tmp_path):
    copy = make_site(tmp_path / "copy", site / "content")
    assert _translations(copy, "stamp", "first-best").returncode == 0
    result = _translations(copy)
    assert result.returncode == 0 and result.stdout.strip() == "[es] 11 up to date, 0 outdated, 0 missing"


def test_side_by_side_view_shows_both_languages_with_their_lang(site):
    page = site / "site" / "es" / "side-by-side" / "recommendations" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert '<div class="side-by-side__text" lang="en">' in html
    assert "Work simultaneously at two different levels" in html
    assert "Trabajar al mismo tiempo en dos niveles" in html
    assert 'id="two-levels"' in html


def test_edit_links_open_the_yaml_record_of_the_page_language(site):
    for lang, prefix in (("en", ""), ("es", "es/")):
        page = site / "site" / prefix / "figures" / "mexican-soldiers" / "index.html"
        edit = [href for href, attrs in read_page(page).links if "/edit/" in href]
        assert edit == [f"https://github.com/example/border-security/edit/main/content/{lang}/figures/mexican-soldiers.yml"]
        assert (site / edit[0].split("/edit/main/")[1]).exists()
    about = site / "site" / "es" / "about" / "index.html"
    assert [h for h, _ in read_page(about).links if "/edit/" in h] == [
        "https://github.com/example/border-security/edit/main/docs/es/about.md"]


def test_record_pages_show_when_the_record_last_changed(site):
    en = (site / "site" / "figures" / "mexican-soldiers" / "index.html").read_text(encoding="utf-8")
    es = (site / "site" / "es" / "figures" / "mexican-soldiers" / "index.html").read_text(encoding="utf-8")
    assert 'Last updated: <time datetime="2026-03-14">14 March 2026</time>' in en
    assert 'Última actualización: <time datetime="2026-03-14">14 de marzo de 2026</time>' in es


def test_side_by_side_and_status_pages_stay_out_of_search(site):
    import json
    for index in (site / "site" / "search" / "search_index.json", site / "site" / "es" / "search" / "search_index.json"):
        locations = [doc["location"] for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]]
        assert locations and not [loc for loc in locations if "side-by-side" in loc or "translations" in loc]
        assert any(loc.startswith("figures/mexican-soldiers/") for loc in locations)
