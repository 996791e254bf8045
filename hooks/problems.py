"""A content problem as editors see it, `file:line:column: [lang] id: message`, and the error that stops
the build with all of them at once (MkDocs prints a PluginError's message without a traceback)."""
from __future__ import annotations

from dataclasses import dataclass

try:
    from mkdocs.exceptions import PluginError
except ImportError:  # the validate command (and its pre-commit hook) runs without MkDocs
    PluginError = Exception


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    column: int
    lang: str
    record_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: [{self.lang}] {self.record_id}: {self.message}"


class ContentError(PluginError):
    """Raised with every problem found; MkDocs prints it and stops the build."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.column, p.message))
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} in the content records:"
        super().__init__("\n".join([header, *map(str, self.problems)]))


class Problems:
    """The problems found so far, each with its place."""

    def __init__(self):
        self.found: list[Problem] = []

    def add(self, path, line, column, lang, record_id, message) -> None:
        self.found.append(Problem(str(path), line, column, lang, record_id, message))

    def at(self, rec, message: str, name: str | None = None, index: int | None = None) -> None:
        """A problem in a record file, at a field (and an item of it) if given."""
        line, column = rec.where(name, index)
        self.add(rec.path, line, column, rec.lang, rec.id, message)
