"""Helpers for tests that build a whole site from a content tree in a temporary folder."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def _skip_generated(folder, names):
    # A folder holding the generator's marker file is output, not source.
    return names if ".gitignore" in names and Path(folder) != ROOT / "docs" else []


def make_site(target: Path, content_dir: Path) -> Path:
    """A copy of the project in target, with content_dir as its content.

    A fixture's hand-written pages (a docs/ folder beside its content/) replace the project's,
    whose markers name records only the real content has; the shared assets are kept.
    """
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs", target / "docs", ignore=_skip_generated)
    own_pages = Path(content_dir).parent / "docs"
    if own_pages.is_dir() and Path(content_dir).parent != ROOT:
        for lang_dir in own_pages.iterdir():
            shutil.rmtree(target / "docs" / lang_dir.name)
            shutil.copytree(lang_dir, target / "docs" / lang_dir.name)
    shutil.copytree(content_dir, target / "content")
    return target


# The repository address the published build gets from the Pages workflow (a made-up one: nothing is fetched).
REPO_URL = "https://github.com/example/border-security"


def run_mkdocs(site: Path, *args: str, timeout: int = 300, site_url: str | None = None,
               only_language: str | None = None, repo_url: str | None = None) -> subprocess.CompletedProcess:
    # The settings mkdocs.yml reads from the environment come from the test, not the shell.
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "ONLY_LANGUAGE", "REPO_URL")}
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    if site_url:
        env["SITE_URL"] = site_url
    if repo_url:
        env["REPO_URL"] = repo_url
    if only_language:
        env["ONLY_LANGUAGE"] = only_language
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=site, env=env,
                          capture_output=True, text=True, timeout=timeout)


def build(site: Path, site_url: str | None = None, repo_url: str | None = None) -> subprocess.CompletedProcess:
    return run_mkdocs(site, "build", "--strict", site_url=site_url, repo_url=repo_url)


def bad_case_content(case: Path, target: Path) -> Path:
    """The good fixture content with a bad case's overlay copied over it and its removals applied."""
    content = target / "content"
    shutil.copytree(FIXTURES / "good" / "content", content)
    overlay = case / "overlay"
    if overlay.is_dir():
        shutil.copytree(overlay, content, dirs_exist_ok=True)
    removals = case / "remove.txt"
    if removals.exists():
        for rel in removals.read_text(encoding="utf-8").split():
            (content / rel).unlink()
    return content


def bad_cases() -> list[Path]:
    return sorted(p for p in (FIXTURES / "bad").iterdir() if p.is_dir())
