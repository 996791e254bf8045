"""The one owner of what a build knows: its content and labels, loaded once per build.

mkdocs-static-i18n runs every event once per language on the same config object, and `mkdocs serve` makes a
new config for each rebuild; so the state belongs to a config. `for_build(config)` loads it the first time a
build asks and hands the same state to every later event of that build; a new build replaces it, and
`end()` (on_shutdown) lets it go. No other module keeps anything between events.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from content import Content
from labels import load_labels
from validation import load_content


@dataclass
class BuildState:
    config: MkDocsConfig
    content: Content
    labels: dict  # {lang: labels}
    root: Path  # the project folder (where mkdocs.yml is)
    pages_written: bool = False
    collection_pages: dict = field(default_factory=dict)  # {src_uri: nav page}, for the current "nav"
    files: object = None  # the current language's Files (mkdocs.structure.files.Files), from on_nav
    not_found_pages: dict[str, bytes] = field(default_factory=dict)  # each language's 404 page, as built


_state: BuildState | None = None


def for_build(config: MkDocsConfig) -> BuildState:
    global _state
    if _state is None or _state.config is not config:
        root = Path(config.config_file_path).parent
        _state = BuildState(config, load_content(root / "content", root), load_labels(), root)
    return _state


def end() -> None:
    global _state
    _state = None
