"""Where "Edit this page" leads: the file that really holds the page's text.

A record page: its record, in the page's language. A collection's side-by-side view: the folder of its records
(every record of the view is a file there). The terminology page: content/termbase.yml. Other generated pages
(collection pages, the options index, the translation status): hooks/labels.yml, which holds their words.
A hand-written page: None, MkDocs' own edit link (docs/<lang>/<page>.md) is right.
"""
from __future__ import annotations

from page_files import is_generated, record_of
from schema import COLLECTIONS


def source_file(src_uri: str, content) -> str | None:
    """The file (or, ending in "/", the folder) an editor should change for a generated page."""
    record = record_of(src_uri, content)
    if record is not None:
        return record.path
    parts = src_uri.split("/")
    if len(parts) == 3 and parts[1] == "side-by-side":
        collection = parts[2][:-3].rsplit("-", 1)[0] if parts[2][:-3] not in COLLECTIONS else parts[2][:-3]
        return f"content/{parts[0]}/{collection}/" if collection in COLLECTIONS else None
    if not is_generated(src_uri):
        return None
    if parts[1] == "terminology":
        return "content/termbase.yml"
    return "hooks/labels.yml"


def edit_url(repo_url: str, edit_uri: str | None, source: str) -> str:
    """The repository host's address for editing the file (or browsing the folder) `source`."""
    branch = edit_uri.split("/")[1] if edit_uri and edit_uri.startswith("edit/") else "main"
    action = "tree" if source.endswith("/") else "edit"
    return f"{repo_url.rstrip('/')}/{action}/{branch}/{source}"
