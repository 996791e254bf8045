#!/usr/bin/env python3
"""The build-time budget, measured: this site's `mkdocs build` against a plain site with the same pages.

    .venv/bin/python benchmark/benchmark.py               # x1, 7 rounds (about 10 minutes on 2 cores)
    .venv/bin/python benchmark/benchmark.py --runs 3 --scales 1,10

Everything happens in copies in a temporary folder; the working tree is not touched. In each round, builds of
four projects alternate, so that all see the same machine:

- plain: this site's pages (generated once, then copied) as hand-written Markdown, with the same theme,
  plugins, overrides and navigation and no hooks: what MkDocs and Material cost by themselves;
- plain again: a second copy of it, whose ratio to the first is what the machine alone makes of two
  identical builds (the yardstick for the other ratios; on a 2-core machine it moves by up to 10 %);
- ours: this site, in a working copy where nothing changed (the hooks load and check every record, render
  every generated page, and write none, since none changed);
- fresh: this site as a fresh clone has it, with no generated page on disk (the hooks write every page).

It prints the median wall-clock and processor seconds of each and their ratios to plain. The budget: ours
and fresh at most 1.1 times plain.

With --edits N it also times the edit loop: under `mkdocs serve` as ./scripts/serve.sh runs it (only the
pages whose text changed are built again: --dirty) and under a full rebuild (./scripts/serve.sh --full), one
Spanish record edited N times in each, the seconds from saving the file to the page showing the edit; the
two servers take turns, so both see the same machine. See benchmark/README.md for the last run.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from page_files import MARKER  # noqa: E402  (marks a docs folder as generated)

sys.path.insert(0, str(ROOT / "tests"))
from webserver import fetch_text, free_port, wait_for  # noqa: E402  (shared with the browser tests)

STATES = ("plain", "plain again", "ours", "fresh")


def copy_project(target: Path, scale: int) -> Path:
    """This project's sources (generated pages left out), its records multiplied `scale` times."""
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target)
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs", target / "docs",
                    ignore=lambda folder, names: names if MARKER in names and Path(folder) != ROOT / "docs" else [])
    multiply_records(ROOT / "content", target / "content", scale)
    return target


def multiply_records(source: Path, target: Path, scale: int) -> None:
    """Each record file, and scale - 1 synthetic copies of it whose ids end in -copy2, -copy3 …

    A copy keeps its original's text and relations, so it is as valid, and as heavy, as a real record.
    """
    for path in source.rglob("*.yml"):
        folder = target / path.parent.relative_to(source)
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, folder / path.name)
        for n in range(2, scale + 1):
            shutil.copy(path, folder / f"{path.stem}-copy{n}.yml")


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml with its !ENV tags as plain values (the first default of each)."""


_AnyTagLoader.add_constructor("!ENV", lambda loader, node: (
    loader.construct_sequence(node)[1] if isinstance(node, yaml.SequenceNode) else None))
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)


def site_config(project: Path) -> dict:
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)


def write_config(project: Path, config: dict) -> None:
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                        encoding="utf-8")


def plain_copy(project: Path, target: Path) -> Path:
    """The built project's pages as plain Markdown: same theme, plugins and navigation, no hooks."""
    target.mkdir(parents=True)
    shutil.copytree(project / "docs", target / "docs", ignore=shutil.ignore_patterns(MARKER))
    shutil.copytree(project / "overrides", target / "overrides")
    config = site_config(project)
    for key in ("hooks", "watch", "repo_url"):
        config.pop(key, None)
    config["plugins"][1]["i18n"].pop("build_only_locale", None)
    write_config(target, config)
    return target


def mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("SITE_URL", "ONLY_LANGUAGE", "REPO_URL", "PYTHONDONTWRITEBYTECODE")}
    environment["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project, env=environment,
                          capture_output=True, text=True)


def check_built(result: subprocess.CompletedProcess, project: Path) -> None:
    """Stop the benchmark, with the first lines of MkDocs' output, if a build failed."""
    if result.returncode != 0:
        sys.exit(f"build failed in {project}:\n" + "\n".join((result.stdout + result.stderr).splitlines()[:40]))


def timed_build(project: Path) -> tuple[float, float]:
    """(wall-clock seconds, processor seconds) of one `mkdocs build`."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = mkdocs(project, "build", "-q")
    elapsed = time.perf_counter() - started
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    check_built(result, project)
    return elapsed, now.ru_utime - used.ru_utime + now.ru_stime - used.ru_stime


def remove_generated_pages(project: Path) -> None:
    """As in a fresh clone: no generated page; the hooks must write every one again."""
    for marker in list((project / "docs").rglob(MARKER)):
        if marker.parent != project / "docs":
            shutil.rmtree(marker.parent)


def measure(work: Path, scale: int, runs: int) -> dict[str, tuple[list[float], list[float]]]:
    ours = copy_project(work / f"x{scale}" / "ours", scale)
    check_built(mkdocs(ours, "build", "-q"), ours)  # writes the generated pages the plain copies take
    fresh = work / f"x{scale}" / "fresh"
    shutil.copytree(ours, fresh, ignore=shutil.ignore_patterns("site"))
    plain = plain_copy(ours, work / f"x{scale}" / "plain")
    projects = {"plain": plain, "plain again": plain_copy(ours, work / f"x{scale}" / "plain-again"),
                "ours": ours, "fresh": fresh}
    times: dict[str, tuple[list[float], list[float]]] = {state: ([], []) for state in STATES}
    for n in range(runs):
        for state in STATES[n % len(STATES):] + STATES[:n % len(STATES)]:  # no state always first
            if state == "fresh":
                remove_generated_pages(fresh)
            wall, cpu = timed_build(projects[state])
            times[state][0].append(wall)
            times[state][1].append(cpu)
        print(f"x{scale}: round {n + 1} of {runs} done", file=sys.stderr)
    return times


def report(scale: int, times: dict[str, tuple[list[float], list[float]]]) -> list[str]:
    base_wall, base_cpu = (statistics.median(times["plain"][i]) for i in (0, 1))
    lines = [f"x{scale}, median of {len(times['plain'][0])} builds each:",
             "| build | wall-clock | ratio | processor | ratio |", "|---|---|---|---|---|"]
    for state in STATES:
        wall, cpu = (statistics.median(times[state][i]) for i in (0, 1))
        lines.append(f"| {state} | {wall:.1f} s | {wall / base_wall:.2f} | {cpu:.1f} s | {cpu / base_cpu:.2f} |")
    return lines


EDITED = Path("content") / "es" / "figures" / "mexican-soldiers-border-7500.yml"


class Server:
    """`mkdocs serve` of a project copy, started and stopped around the edits."""

    def __init__(self, project: Path, *flags: str):
        self.project, self.port = project, free_port()
        env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "ONLY_LANGUAGE", "REPO_URL")}
        env["NO_MKDOCS_2_WARNING"] = "1"
        self.log = open(project / "serve.log", "w")
        self.process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}",
                                         *flags], cwd=project, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}/es/figures/{EDITED.stem}/"
        if not wait_for(lambda: "<h1" in fetch_text(self.url), 600):
            sys.exit(f"mkdocs serve did not start in {project}; see {project / 'serve.log'}")

    def edit_to_view(self, marker: str) -> float:
        """Seconds from saving an edit of the record to its page showing it."""
        record = self.project / EDITED
        text = record.read_text(encoding="utf-8")
        started = time.perf_counter()
        record.write_text(text.replace("Soldados", f"{marker} Soldados", 1), encoding="utf-8")  # in its title
        if not wait_for(lambda: marker in fetch_text(self.url), 300):
            sys.exit(f"the edit did not show in {self.project}; see {self.project / 'serve.log'}")
        return time.perf_counter() - started

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


def measure_edits(work: Path, runs: int) -> dict[str, list[float]]:
    servers = {"dirty": Server(copy_project(work / "edit-dirty", 1), "--dirty", "--no-strict"),
               "full": Server(copy_project(work / "edit-full", 1))}
    seconds: dict[str, list[float]] = {"dirty": [], "full": []}
    try:
        for n in range(runs):
            for name in (("dirty", "full") if n % 2 == 0 else ("full", "dirty")):
                seconds[name].append(servers[name].edit_to_view(f"Edit{n}x"))
                time.sleep(2)  # let the server settle before the other one's turn
            print(f"edits: round {n + 1} of {runs} done", file=sys.stderr)
    finally:
        for server in servers.values():
            server.stop()
    return seconds


def edit_report(seconds: dict[str, list[float]]) -> list[str]:
    dirty, full = statistics.median(seconds["dirty"]), statistics.median(seconds["full"])
    return [f"Edit to view, median of {len(seconds['dirty'])} edits each:",
            "| serve | seconds | ratio |", "|---|---|---|",
            f"| full rebuild (./scripts/serve.sh --full) | {full:.1f} s | 1.00 |",
            f"| changed pages only (./scripts/serve.sh) | {dirty:.1f} s | {dirty / full:.2f} |"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="rounds of builds (default 7)")
    parser.add_argument("--scales", default="1", help="record multipliers, e.g. 1,10 (default 1)")
    parser.add_argument("--work-dir", default=None, help="where the copies go (default: a temporary folder)")
    parser.add_argument("--edits", type=int, default=0, help="also time N edits under mkdocs serve (default 0)")
    args = parser.parse_args()
    if args.work_dir:
        Path(args.work_dir).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.work_dir) as work:
        for scale in (int(s) for s in args.scales.split(",") if int(s) > 0):
            print("\n".join(report(scale, measure(Path(work), scale, args.runs))), flush=True)
        if args.edits:
            print("\n".join(edit_report(measure_edits(Path(work), args.edits))), flush=True)


if __name__ == "__main__":
    main()
