import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The hooks import each other by module name, as MkDocs loads them.
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]

from validation import load_content  # noqa: E402
from sitebuild import FIXTURES, REPO_URL, build, make_site  # noqa: E402
from webserver import free_port, serve  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def content():
    """The real content, validated."""
    return load_content(ROOT / "content")


# The real site is built for the address it is then served at, as when published, so that
# its absolute links (alternates, sitemap) lead somewhere in browser tests.
SITE_PORT = free_port()
SITE_URL = f"http://127.0.0.1:{SITE_PORT}/"


@pytest.fixture(scope="session")
def built(tmp_path_factory, content):
    """One strict build of the real content as the Pages workflow builds it (SITE_URL and REPO_URL set):
    (site folder, build result, content)."""
    site = make_site(tmp_path_factory.mktemp("build") / "project", ROOT / "content")
    result = build(site, site_url=SITE_URL, repo_url=REPO_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    return site / "site", result, content


@pytest.fixture(scope="session")
def served(built):
    """The real site served at the address it was built for: (site folder, base URL without slash)."""
    site, _, _ = built
    with serve(site, port=SITE_PORT) as url:
        yield site, url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright; nothing downloads a browser."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    """The good fixture's site, built and served on 127.0.0.1 for browser tests."""
    site = make_site(tmp_path_factory.mktemp("browser") / "project", FIXTURES / "good" / "content")
    result = build(site)
    assert result.returncode == 0, result.stderr
    with serve(site / "site") as url:
        yield url
