"""Under `mkdocs serve`: watch hand-written pages but not the generated folders, whose writing must not
trigger a rebuild. An edited record is picked up through the `content` watch in mkdocs.yml: one rebuild."""
from __future__ import annotations

from pathlib import Path

from page_files import generated_folders


def watch_hand_written(server, docs_dir: Path) -> None:
    server.unwatch(str(docs_dir))
    generated = {p.resolve() for p in generated_folders(docs_dir)}
    for path in [docs_dir, *docs_dir.rglob("*")]:
        if path.is_dir() and path.resolve() not in generated and not any(
                parent.resolve() in generated for parent in path.parents):
            server.watch(str(path), recursive=False)
