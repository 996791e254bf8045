"""The date each record was last changed, from git, for the pages' "Last updated" line."""
from __future__ import annotations

import subprocess
from pathlib import Path


def git_history(root: Path) -> dict[str, str]:
    """{'content/en/x/y.yml': '2026-11-28'}: the day of the last commit that touched each record file."""
    try:
        log = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--", "content"],
                             cwd=root, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}  # not a git checkout (a downloaded copy): pages show no date
    dates = {}
    for entry in log.split("\x00")[1:]:
        date, *paths = entry.strip().splitlines()
        for path in paths:
            dates.setdefault(path.strip(), date)  # git log lists the newest commit first
    return dates


def last_updated(record, history: dict, labels: dict) -> tuple[str, str] | None:
    """The later of the last changes to the record's English file and its own-language file."""
    english = f"content/en/{record.collection}/{record.id}.yml"
    days = [history[p] for p in {english, record.path} if p in history]
    if not days:
        return None
    iso = max(days)
    year, month, day = (int(part) for part in iso.split("-"))
    return iso, labels["date_format"].format(day=day, month=labels["months"][month - 1], year=year)
