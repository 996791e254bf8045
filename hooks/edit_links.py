"""Where "Edit this page" leads: the file that really holds the page's text."""
from __future__ import annotations

from page_files import GENERATED_PAGE_FOLDERS
from schema import COLLECTIONS


def source_file(src_uri: str, content) -> str | None:
    """The file an editor should change for a generated page: its record, or the labels."""
    parts = src_uri.split("/")
    if len(parts) == 3 and parts[1] in COLLECTIONS and parts[2] != "index.md":
        record = content.get(parts[0], parts[2][:-3])
        return record.path if record else None
    if len(parts) >= 2 and parts[1] in GENERATED_PAGE_FOLDERS:
        return "hooks/labels.yml"
    return None  # a hand-written page: MkDocs' own edit link is right


def edit_url(repo_url: str, edit_uri: str | None, source: str) -> str:
    branch = edit_uri.split("/")[1] if edit_uri and edit_uri.startswith("edit/") else "main"
    return f"{repo_url.rstrip('/')}/edit/{branch}/{source}"
