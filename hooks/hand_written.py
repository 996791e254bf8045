"""Hand-written pages (docs/<lang>/*.md) may name records: [[id]], [[list:collection]], [[figure:id]].

Every marker of every hand-written page is checked when the build starts, all problems reported at once.
"""
from __future__ import annotations

import os
from pathlib import Path

import xrefs
from page_files import generated_folders
from problems import PluginError
from schema import LANGUAGES


def check_hand_written_pages(docs_dir: Path, content) -> None:
    """Every marker in every hand-written page names a record; all problems are reported at once."""
    problems = []
    for path in hand_written_pages(docs_dir):
        src_uri = path.relative_to(docs_dir).as_posix()
        if src_uri.split("/")[0] in LANGUAGES:
            problems += xrefs.expand_page(path.read_text(encoding="utf-8"), src_uri, content)[1]
    if problems:
        raise PluginError("\n".join([f"{len(problems)} problem(s) in hand-written pages:", *problems]))


def hand_written_pages(docs_dir: Path) -> list[Path]:
    """Every Markdown file under docs_dir outside the generated folders (which are not even listed)."""
    generated = {str(folder) for folder in generated_folders(docs_dir)}
    found = []
    for parent, folders, names in os.walk(docs_dir):
        folders[:] = [name for name in folders if os.path.join(parent, name) not in generated]
        found += [Path(parent, name) for name in names if name.endswith(".md")]
    return sorted(found)
