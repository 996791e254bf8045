#!/usr/bin/env python3
"""Measure the site's speed and weight, side by side with plain and default sites, in one run.

    .venv/bin/python scripts/benchmark.py                 # everything (3 to 4 hours on 2 cores)
    .venv/bin/python scripts/benchmark.py --work-dir /dev/shm   # the same, every copy and build in memory
    .venv/bin/python scripts/benchmark.py --scales 1 --runs 3 --skip-serve

Run ./scripts/test.sh once first: it installs Chromium and Playwright, which the page-weight part uses.
Everything happens in copies in a temporary folder; the working tree is not touched.

1. Build time. The full bilingual `mkdocs build` of this site in three states: again in a working copy
   where nothing changed (the hooks find their generated pages up to date), after one record was edited
   (the hooks render the pages that read it), and from a fresh clone's state (the hooks create every
   generated page); against a plain site with the same pages per language as
   hand-written Markdown (this site's generated pages, copied), the same theme, plugins, overrides and
   navigation, and no hooks. Builds alternate, so all see the same machine. Each build's wall-clock time and
   processor time (user + system, which a busy machine delays but does not add to) are both reported.
2. Scaling. The same with every record multiplied (synthetic copies with ids ending "-copy2" …).
3. Instructions. The builds of part 1 once more, each counted by valgrind's callgrind in instructions
   executed rather than timed: a count the machine's speed does not change, so its ratios hold on a
   machine whose speed varies from one build to the next (about 50 times slower than a build; x1 only
   unless --instruction-scales says otherwise).
4. Page weight. What a first visit to a page transfers (HTML, CSS, JavaScript, images, and what the
   scripts fetch), measured in Chromium on a sample of pages, against a default Material site with the
   same pages (navigation listing every page, as Material does by default).
5. Editing. Under `mkdocs serve`, one edited YAML record: the rebuilds it causes and the time until
   the page shows the edit, for both languages and for ONLY_LANGUAGE=en.
6. Pages. Each English page rendered by Python-Markdown alone at each scale: which pages take longest,
   and how their time grows with their length (--only-pages measures this alone).

Every timed figure is a median of --runs measurements (--scale-runs for the larger scales, where one build
takes minutes), or the fastest of them where the report says so; ratios compare figures from this same run.
Each part's tables go to stderr as soon as it is done, and the whole report to stdout at the end.
"""
from __future__ import annotations

import argparse
import operator
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]
from pages import MARKER, load_labels, refresh_pages  # noqa: E402  (MARKER: marks a docs folder as generated)
from records import load_content  # noqa: E402
from webserver import fetch_text, free_port, serve, wait_for  # noqa: E402  (shared with the browser tests)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
HOOK_SECONDS: dict[Path, list[float]] = {}  # the same builds' time in the hooks, timed inside them
CPU_SECONDS: dict[Path, list[float]] = {}  # the same builds' processor time (user + system)
HOOK_TIMER = [str(ROOT / "scripts" / "hook_timer.py")]  # `mkdocs`, with the hooks timed


# --- Projects to build ---------------------------------------------------------------------------

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


def default_material_copy(plain: Path, target: Path) -> Path:
    """The same pages as a default Material site: no overrides, navigation of every page."""
    target.mkdir(parents=True)
    shutil.copytree(plain / "docs", target / "docs")
    ours = site_config(plain)
    i18n = ours["plugins"][1]["i18n"]
    config = {
        "site_name": ours["site_name"], "site_url": ours["site_url"],
        "theme": {"name": "material"},
        "markdown_extensions": ours["markdown_extensions"],
        "plugins": ["search", {"i18n": {
            "docs_structure": "folder",
            "languages": [{k: lang[k] for k in ("locale", "name", "default", "build") if k in lang}
                          for lang in i18n["languages"]]}}],
    }
    write_config(target, config)
    return target


def mkdocs(project: Path, *args: str, env: dict | None = None, runner: list[str] | None = None,
           prefix: list[str] | None = None, **popen) -> subprocess.CompletedProcess:
    # Without PYTHONDONTWRITEBYTECODE (set on some machines), as Python runs by default: the hooks' modules
    # are compiled once, not on every build.
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("SITE_URL", "ONLY_LANGUAGE", "REPO_URL", "PYTHONDONTWRITEBYTECODE")}
    environment.update(NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run([*(prefix or []), sys.executable, *(runner or ["-m", "mkdocs"]), *args], cwd=project,
                          env=environment, capture_output=True, text=True, **popen)


def timed_build(project: Path) -> float:
    """Wall-clock seconds of one `mkdocs build`.

    The seconds its hooks took, timed inside the build by scripts/hook_timer.py, are added to
    HOOK_SECONDS[project]; the processor time the build used, to CPU_SECONDS[project].
    """
    hook_time = project / "hook-seconds.txt"
    hook_time.unlink(missing_ok=True)
    used = resource.getrusage(resource.RUSAGE_CHILDREN)  # of every child process waited for so far
    started = time.perf_counter()
    result = mkdocs(project, "build", "-q", env={"HOOK_TIME_FILE": str(hook_time)}, runner=HOOK_TIMER)
    elapsed = time.perf_counter() - started
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_SECONDS.setdefault(project, []).append(now.ru_utime - used.ru_utime + now.ru_stime - used.ru_stime)
    HOOK_SECONDS.setdefault(project, []).append(float(hook_time.read_text()) if hook_time.exists() else 0.0)
    check_built(result, project)
    return elapsed


def check_built(result: subprocess.CompletedProcess, project: Path) -> None:
    """Stop the benchmark, with the first lines of MkDocs' output, if a build failed."""
    if result.returncode != 0:
        sys.exit(f"build failed in {project}:\n" + "\n".join((result.stdout + result.stderr).splitlines()[:40]))


def median_html_bytes(project: Path) -> float:
    """Median size of a built page's HTML: it grows with the site if every page lists every other."""
    site = project / "site"
    return statistics.median(p.stat().st_size for p in site.rglob("index.html")
                             if p.relative_to(site).parts[0] not in ("assets", "search"))


def pages_per_language(project: Path) -> dict[str, int]:
    site = project / "site"
    pages = [p for p in site.rglob("index.html") if p.relative_to(site).parts[0] not in ("assets", "search")]
    spanish = sum(1 for p in pages if p.relative_to(site).parts[0] == "es")
    return {"en": len(pages) - spanish, "es": spanish}


# --- 1 and 2: build time and scaling --------------------------------------------------------------

def remove_generated_pages(project: Path, trash: Path) -> None:
    """As in a fresh clone: no generated page and no .cache; the hooks must write every page again.

    They are moved into trash (on the same file system), to be deleted after the builds are timed: on some
    disks, creating files just after deleting as many is several times slower, which no fresh clone meets.
    """
    trash.mkdir(parents=True, exist_ok=True)
    away = Path(tempfile.mkdtemp(dir=trash))
    for n, folder in enumerate(marker.parent for marker in list((project / "docs").rglob(MARKER))):
        if folder != project / "docs":
            folder.rename(away / str(n))
    if (project / ".cache").exists():
        (project / ".cache").rename(away / ".cache")


# The record the editing measurements change (in content/<lang>/): a figure, whose page and backlinks change
# with it; the Spanish one in full builds, the English one with ONLY_LANGUAGE=en.
EDITED_RECORD = Path("figures") / "mexican-soldiers-border-7500.yml"
# The builds of one round. Each round starts one state later, so that no state always runs first or
# always follows the same other one (the machine may be faster or slower as a run goes on).
STATES = ("plain", "fresh", "ours", "edited")
# At x1, where a round takes a minute, each round also builds a copy of the plain site: its ratio to the plain site
# is what the machine alone makes of two identical builds, the yardstick for the other ratios.
CONTROL = "plain again"


def with_marker(record_text: str, marker: str) -> str:
    """The record's text with a marker word at the start of its summary, as an editor's change."""
    return re.sub(r'^(summary: "?)', rf"\g<1>{marker} ", record_text, count=1, flags=re.M)


def round_order(n: int, states: tuple[str, ...] = STATES) -> list[str]:
    return list(states[n % len(states):] + states[:n % len(states)])


def measure_scale(work: Path, scale: int, runs: int) -> dict:
    """`runs` rounds of builds of this site, its records multiplied `scale` times, against its plain copy."""
    print(f"build time, records x{scale} …", file=sys.stderr, flush=True)
    project = copy_project(work / f"site-x{scale}", scale)
    timed_build(project)  # writes the generated pages the plain copy is made of; warms caches
    plain = plain_copy(project, work / f"plain-x{scale}")
    states, plain_sites = STATES, {"plain": plain}
    if scale == 1:
        timed_build(plain)  # warms caches (at larger scales one build takes minutes)
        states = (*STATES, CONTROL)
        plain_sites[CONTROL] = work / "plain-again-x1"
        shutil.copytree(plain, plain_sites[CONTROL])
    record = project / "content" / "es" / EDITED_RECORD
    original = record.read_text(encoding="utf-8")
    times: dict[str, list[float]] = {state: [] for state in states}  # wall-clock seconds, one a round
    cpu: dict[str, list[float]] = {state: [] for state in states}  # processor seconds
    share: dict[str, list[float]] = {state: [] for state in STATES[1:]}  # the hooks' time over the rest's
    for n in range(runs):
        for state in round_order(n, states):
            if state in plain_sites:
                times[state].append(timed_build(plain_sites[state]))
                cpu[state].append(CPU_SECONDS[plain_sites[state]][-1])
                continue
            if state == "fresh":
                remove_generated_pages(project, work / "trash")
            elif state == "edited":
                record.write_text(with_marker(original, f"benchmark-build-{n}"), encoding="utf-8")
            # "ours" needs nothing: whichever build of this site ran last left its pages up to date
            times[state].append(timed_build(project))
            cpu[state].append(CPU_SECONDS[project][-1])
            share[state].append(HOOK_SECONDS[project][-1] / (times[state][-1] - HOOK_SECONDS[project][-1]))
    record.write_text(original, encoding="utf-8")
    shutil.rmtree(work / "trash", ignore_errors=True)
    pages = pages_per_language(project)
    assert pages == pages_per_language(plain), (pages, pages_per_language(plain))
    row = summary(times, cpu, share)
    row.update(scale=scale, pages=pages, runs=len(times["ours"]), html=median_html_bytes(project),
               project=project, plain_project=plain)
    return row


def summary(times: dict[str, list[float]], cpu: dict[str, list[float]], share: dict[str, list[float]]) -> dict:
    """Medians of each state's rounds; ratios of each build of this site (or of the control) against the plain
    site's build of the same round (their median); and the fastest build of each state, with its ratio to the plain
    site's fastest."""
    row = {name: statistics.median(values) for name, values in times.items()}
    row.update({f"cpu_{name}": statistics.median(values) for name, values in cpu.items()})
    row.update({f"share_{name}": statistics.median(values) for name, values in share.items()})
    row.update({f"fastest_{name}": min(values) for name, values in times.items()})
    for state in (name for name in times if name != "plain"):
        row[f"ratio_{state}"] = statistics.median(map(operator.truediv, times[state], times["plain"]))
        row[f"cpu_ratio_{state}"] = statistics.median(map(operator.truediv, cpu[state], cpu["plain"]))
        row[f"fastest_ratio_{state}"] = row[f"fastest_{state}"] / row["fastest_plain"]
    return row


# --- 3: instructions, counted rather than timed ---------------------------------------------------

def callgrind(out: Path) -> list[str]:
    """What runs a command under valgrind's callgrind, which counts the instructions it executes into out."""
    return ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]


def instructions_in(out: Path) -> int:
    """The instructions counted, from the `totals:` line of callgrind's output file."""
    match = re.search(r"^totals: (\d+)$", out.read_text(encoding="utf-8"), re.M)
    if not match:
        raise ValueError(f"{out} has no 'totals:' line: is it callgrind's output?")
    return int(match.group(1))


def counted_build(project: Path) -> int:
    """Instructions one `mkdocs build` executes: as many on a slow machine as on a fast one.

    Python seeds its string hashing at random in each process, which moves the count a little; the seed
    is fixed. About 50 times slower than the build itself.
    """
    out = project / "callgrind.out"
    check_built(mkdocs(project, "build", "-q", env={"PYTHONHASHSEED": "0"}, prefix=callgrind(out)), project)
    return instructions_in(out)


def counting_copy(work: Path, scale: int, state: str) -> Path:
    """A copy of this site built once, then put in one of part 1's states, ready to be counted."""
    project = copy_project(work / f"count-{state}-x{scale}", scale)
    check_built(mkdocs(project, "build", "-q"), project)
    if state == "fresh":
        remove_generated_pages(project, work / "trash")
    elif state == "edited":
        record = project / "content" / "es" / EDITED_RECORD
        record.write_text(with_marker(record.read_text(encoding="utf-8"), "benchmark-count"), encoding="utf-8")
    return project  # "ours": the build above left its generated pages up to date


def measure_instructions(work: Path, scale: int) -> dict:
    """The plain site and this site in each state, each build counted once, one per processor at a time."""
    print(f"instructions, records x{scale} …", file=sys.stderr, flush=True)
    projects = {state: counting_copy(work, scale, state) for state in STATES[1:]}
    plain = plain_copy(projects["ours"], work / f"count-plain-x{scale}")
    check_built(mkdocs(plain, "build", "-q"), plain)  # like the others, counted in a project built before
    projects = {"plain": plain, **projects}
    # A count does not depend on what else the machine runs, so the builds may share it.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        counts = dict(zip(projects, pool.map(counted_build, projects.values())))
    for project in projects.values():
        shutil.rmtree(project)
    shutil.rmtree(work / "trash", ignore_errors=True)
    return {"scale": scale, **counts, **{f"ratio_{state}": counts[state] / counts["plain"] for state in STATES[1:]}}


# --- 4: page weight -------------------------------------------------------------------------------

def sample_pages(site: Path, count: int) -> list[str]:
    """Every n-th page of both languages, as paths, so the sample spreads over the whole site."""
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")
                   if p.relative_to(site).parts[0] not in ("assets", "search"))
    step = max(1, len(pages) // count)
    return ["" if p == "." else p + "/" for p in pages[::step]]


def page_transfers(base: str, paths: list[str]) -> list[dict]:
    """For each page, a first visit's bytes by kind, and the search index it loaded."""
    from playwright.sync_api import sync_playwright
    visits = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for path in paths:
            context = browser.new_context()  # an empty cache: a first visit
            responses = []
            context.on("response", lambda response: responses.append(response))
            foreign = []
            context.on("request", lambda r: None if r.url.startswith(base) or not r.url.startswith("http")
                       else foreign.append(r.url))
            page = context.new_page()
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_timeout(300)
            kinds: dict[str, int] = {}
            search_indexes = []
            for response in responses:
                if not response.url.startswith(base) or response.status >= 400:
                    continue
                size = len(response.body())
                kind = response.request.resource_type
                if "search_index" in response.url:
                    kind = "search index"
                    search_indexes.append(response.url[len(base):])
                kinds[kind] = kinds.get(kind, 0) + size
            visits.append({"path": path, "bytes": sum(kinds.values()), "kinds": kinds,
                           "search": search_indexes, "foreign": foreign})
            context.close()
        browser.close()
    return visits


def measure_weight(row: dict, work: Path, sample: int) -> dict:
    print("page weight …", file=sys.stderr, flush=True)
    results = {}
    port = free_port()
    address = f"http://127.0.0.1:{port}/"
    default = default_material_copy(row["plain_project"], work / "default-material")
    for name, project in (("ours", row["project"]), ("default", default)):
        check_built(mkdocs(project, "build", "-q", env={"SITE_URL": address}), project)
        site = project / "site"
        with serve(site, port) as url:
            base = url + "/"
            results[name] = page_transfers(base, sample_pages(site, sample))
    return results


# --- 5: editing under mkdocs serve ----------------------------------------------------------------

def measure_serve_edits(project: Path, runs: int, only_language: str | None) -> dict:
    """Edit one Spanish record (one English record with ONLY_LANGUAGE=en) `runs` times under mkdocs serve."""
    print(f"mkdocs serve, {only_language or 'both languages'} …", file=sys.stderr, flush=True)
    lang = only_language or "es"
    record = project / "content" / lang / EDITED_RECORD
    original = record.read_text(encoding="utf-8")
    port = free_port()
    prefix = "es/" if lang == "es" and not only_language else ""
    url = f"http://127.0.0.1:{port}/{prefix}figures/mexican-soldiers-border-7500/"
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "ONLY_LANGUAGE")}
    env.update(NO_MKDOCS_2_WARNING="1", **({"ONLY_LANGUAGE": only_language} if only_language else {}))
    log_path = project / f"serve-{only_language or 'all'}.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a",
                                   f"127.0.0.1:{port}"], cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        if not wait_for(lambda: "<h1" in fetch_text(url), 300):
            sys.exit(f"mkdocs serve did not start:\n{log_path.read_text()}")
        times = []
        for n in range(runs):
            time.sleep(2)
            marker = f"benchmark-edit-{n}"
            record.write_text(with_marker(original, marker), encoding="utf-8")
            started = time.perf_counter()
            if not wait_for(lambda: marker in fetch_text(url), 120):
                sys.exit(f"the edit did not show:\n{log_path.read_text()}")
            times.append(time.perf_counter() - started)
        time.sleep(5)  # a rebuild loop would show up as more rebuilds during this pause
        rebuilds = log_path.read_text().count("Detected file changes")
    finally:
        server.terminate()
        server.wait(timeout=30)
        record.write_text(original, encoding="utf-8")
    return {"seconds": statistics.median(times), "rebuilds_per_edit": rebuilds / runs}


# --- 6: which pages take longest to render ---------------------------------------------------------

def write_generated_pages(project: Path) -> None:
    """The project's generated pages, written by the hooks' own functions without a whole build."""
    refresh_pages(project, project / "docs", load_content(project / "content"), load_labels(), {})


def markdown_seconds(project: Path, lang: str = "en") -> list[tuple[float, int, str]]:
    """(seconds, characters, page) for every page of one language, slowest first.

    Each page is rendered by Python-Markdown alone, with the site's extensions, outside MkDocs: what
    a page costs by its own length, not by what the rest of the build does around it.
    """
    import markdown
    from mkdocs.utils.meta import get_data
    extensions, settings = [], {}
    for entry in site_config(project)["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        extensions.append(name)
        settings[name] = options or {}
    times = []
    for path in sorted((project / "docs" / lang).rglob("*.md")):
        text = get_data(path.read_text(encoding="utf-8"))[0]
        started = time.perf_counter()
        markdown.Markdown(extensions=extensions, extension_configs=settings).convert(text)
        times.append((time.perf_counter() - started, len(text), path.relative_to(project / "docs").as_posix()))
    return sorted(times, reverse=True)


def measure_page_rendering(work: Path, scales: list[int]) -> dict[int, list[tuple[float, int, str]]]:
    print("rendering page by page …", file=sys.stderr, flush=True)
    out = {}
    for scale in scales:
        project = work / f"pages-x{scale}"
        copy_project(project, scale)
        write_generated_pages(project)
        out[scale] = markdown_seconds(project)
        shutil.rmtree(project)
    return out


def page_rendering_report(rendered: dict[int, list[tuple[float, int, str]]], shown: int = 6) -> list[str]:
    first = min(rendered)
    total = {scale: sum(t for t, _, _ in rows) for scale, rows in rendered.items()}
    lines = ["", *textwrap.wrap("Each English page rendered by Python-Markdown alone, with the site's extensions "
                                "(outside MkDocs): all of them, and the pages that take longest at the largest "
                                "scale.", 118), "",
             "| records | pages | Markdown, all pages | ms per page | vs x1 | the " + str(shown) + " slowest pages' "
             "share |", "|---|---|---|---|---|---|"]
    for scale, rows in rendered.items():
        per_page = total[scale] / len(rows) / (total[first] / len(rendered[first]))
        slowest = sum(t for t, _, _ in rows[:shown]) / total[scale]
        lines.append(f"| x{scale} | {len(rows):,} | {total[scale]:.1f} s | {total[scale] / len(rows) * 1000:.2f} | "
                     f"{per_page:.2f} | {slowest:.0%} |")
    last = max(rendered)
    at_first = {page: (t, size) for t, size, page in rendered[first]}
    lines += ["", f"| page | x{first}: seconds | characters | x{last}: seconds | characters | time grew | "
                  "length grew |", "|---|---|---|---|---|---|---|"]
    for t, size, page in rendered[last][:shown]:
        t1, size1 = at_first.get(page, (float("nan"), 0))
        lines.append(f"| {page} | {t1:.3f} | {size1:,} | {t:.2f} | {size:,} | {t / t1:.0f}x | "
                     f"{size / size1 if size1 else float('nan'):.0f}x |")
    return lines


# --- Report ---------------------------------------------------------------------------------------

def where(folder: Path, mounts: str | None = None) -> str:
    """The folder, and whether it is in memory (a tmpfs, as /dev/shm is on Linux) or on disk.

    mounts: the mount table, as /proc/mounts gives it.
    """
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8")
        except OSError:
            return str(folder)
    resolved = folder.resolve()
    mounted = [(Path(point), kind) for _, point, kind, *_ in map(str.split, mounts.splitlines())
               if resolved.is_relative_to(point)]
    kind = max(mounted, key=lambda m: len(m[0].parts))[1] if mounted else ""
    return f"{folder}, in memory" if kind == "tmpfs" else f"{folder}, on disk"


def kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB"


def seconds(value: float) -> str:
    return f"{value:.1f} s"


def billions(value: int) -> str:
    return f"{value / 1e9:.2f} billion"


def state_cells(row: dict, measure: str = "", shown=seconds, digits: int = 2) -> str:
    """The plain site's figure, then each state's figure and ratio: wall-clock time, with measure="cpu_"
    processor time, or any figure `shown` writes out."""
    return " | ".join([shown(row[measure + "plain"])] + [
        f"{shown(row[measure + state])} | {row[measure + 'ratio_' + state]:.{digits}f}"
        for state in ("ours", "edited", "fresh")])


def report(builds: list[dict], counts: list[dict], weight: dict | None, edits: list[tuple[str, dict]],
           rendered: dict | None = None) -> str:
    lines = build_report(builds)
    if counts:
        lines += instruction_report(counts)
    if weight:
        lines += weight_report(weight)
    if edits:
        lines += edit_report(edits)
    if rendered:
        lines += page_rendering_report(rendered)
    return "\n".join(lines)


def build_report(builds: list[dict]) -> list[str]:
    intro = (f"Measured side by side in one run ({os.cpu_count()} CPUs, Python {sys.version.split()[0]}, copies in "
             f"{where(builds[0]['project'].parent)}). The plain site has the same pages as hand-written Markdown, the "
             "same theme, plugins and navigation, and no hooks. This site is built in three states: \"nothing "
             "changed\" (a working copy built again: the hooks load and check every record, find their generated "
             "pages up to date and do not render them), \"one record edited\" (the hooks render the pages that read "
             "the edited record, and keep the others) and \"fresh clone\" (no generated page and no .cache yet: the "
             "hooks render and write every page). Each round builds the plain site and this site in each state, one "
             "after the other, starting one state later each round. Times are wall-clock medians; each ratio is the "
             "median, over the rounds, of this site's build against the plain site's build of the same round, so "
             "that a machine that runs faster or slower from one minute to the next disturbs it less.")
    lines = [*textwrap.wrap(intro, 118), ""]
    lines += ["| records | pages per language | rounds | plain Markdown site | nothing changed | ratio | "
              "one record edited | ratio | fresh clone | ratio |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for row in builds:
        lines.append(f"| x{row['scale']} | {row['pages']['en']:,} | {row['runs']} | {state_cells(row)} |")
    lines += control_lines(builds)
    lines += ["", *textwrap.wrap("The processor time (user + system) the same builds used, and its ratios: a "
                                 "build waiting for a busy machine takes longer, but uses no more processor time.",
                                 118), "",
              "| records | plain Markdown site | nothing changed | ratio | one record edited | ratio | fresh clone "
              "| ratio |", "|---|---|---|---|---|---|---|---|"]
    for row in builds:
        lines.append(f"| x{row['scale']} | {state_cells(row, 'cpu_')} |")
    lines += ["", *textwrap.wrap("The fastest of each build's rounds, and their ratios: other work on the machine "
                                 "only ever slows a build down, so the fastest build comes nearest to what the "
                                 "build itself costs (as Python's timeit reports its fastest run).", 118), "",
              "| records | plain Markdown site | nothing changed | ratio | one record edited | ratio | fresh clone "
              "| ratio |", "|---|---|---|---|---|---|---|---|"]
    for row in builds:
        lines.append(f"| x{row['scale']} | {state_cells(row, 'fastest_')} |")
    lines += ["", *textwrap.wrap("The hooks' own time, measured inside the same builds (scripts/hook_timer.py), as "
                                 "a share of the rest of each build: unlike the ratios above, it does not depend on "
                                 "the machine running as fast during this site's builds as during the plain site's.",
                                 118), "",
              "| records | hooks add, nothing changed | one record edited | fresh clone |", "|---|---|---|---|"]
    for row in builds:
        lines.append(f"| x{row['scale']} | {row['share_ours']:.1%} | {row['share_edited']:.1%} | "
                     f"{row['share_fresh']:.1%} |")
    lines += ["", "Budget: each ratio at most 1.1 (the hooks add at most 10 %).", "",
              "| records | pages, both languages | ms per page, nothing changed | vs x1 | ms per page, one record "
              "edited | vs x1 | ms per page, plain site | vs x1 | median HTML per page |",
              "|---|---|---|---|---|---|---|---|---|"]
    pages = lambda row: sum(row["pages"].values())  # noqa: E731
    per_page = lambda row, name: row[name] / pages(row)  # noqa: E731
    first = builds[0]  # x1 comes first
    for row in builds:
        cells = [f"{per_page(row, name) * 1000:.1f} | {per_page(row, name) / per_page(first, name):.2f}"
                 for name in ("ours", "edited", "plain")]
        lines.append(f"| x{row['scale']} | {pages(row):,} | {' | '.join(cells)} | {kb(row['html'])} |")
    return lines + ["", "Budget: time per page at x30 within 1.2 times that at x1."]


def control_lines(builds: list[dict]) -> list[str]:
    """What the machine alone makes of two identical builds, where the run measured it."""
    lines = []
    for row in (row for row in builds if f"ratio_{CONTROL}" in row):
        lines += ["", *textwrap.wrap(
            f"Control at x{row['scale']}: a copy of the plain site, built in the same rounds, against the plain "
            f"site: {row[f'ratio_{CONTROL}']:.2f} (the median of the rounds' ratios), "
            f"{row[f'fastest_ratio_{CONTROL}']:.2f} (the fastest builds'), where the builds are the same: a ratio "
            "as far from 1 is the machine's, not the hooks'.", 118)]
    return lines


def weight_report(weight: dict) -> list[str]:
    lines = ["", "| site | median page transfer | without the search index | HTML | CSS | JavaScript | "
                 "search index | images | pages sampled | requests to other hosts |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, label in (("ours", "this site"), ("default", "default Material site, same pages")):
        visits = weight[name]
        med = lambda kind: statistics.median(v["kinds"].get(kind, 0) for v in visits)  # noqa: E731
        foreign = sum(len(v["foreign"]) for v in visits)
        without_index = statistics.median(v["bytes"] - v["kinds"].get("search index", 0) for v in visits)
        lines.append(f"| {label} | {kb(statistics.median(v['bytes'] for v in visits))} | {kb(without_index)} | "
                     f"{kb(med('document'))} | {kb(med('stylesheet'))} | {kb(med('script'))} | "
                     f"{kb(med('search index'))} | {kb(med('image'))} | {len(visits)} | {foreign} |")
    ours = weight["ours"]
    wrong = [v["path"] for v in ours if any(("es/" in s) != v["path"].startswith("es/") for s in v["search"])]
    loaded = sum(1 for v in ours if v["search"])
    lines += ["", f"Search index: {loaded} of {len(ours)} sampled pages loaded one on first visit; "
                 f"{len(wrong)} loaded the other language's."]
    ratio = statistics.median(v["bytes"] for v in ours) / statistics.median(v["bytes"] for v in weight["default"])
    lines.append(f"Median page transfer, this site / default Material site: {ratio:.2f}.")
    return lines


def edit_report(edits: list[tuple[str, dict]]) -> list[str]:
    lines = ["", "| mkdocs serve, one edited record | rebuilds per edit | seconds until the page shows it |",
             "|---|---|---|"]
    for label, edit in edits:
        lines.append(f"| {label} | {edit['rebuilds_per_edit']:g} | {edit['seconds']:.1f} s |")
    return lines


def instruction_report(counts: list[dict]) -> list[str]:
    intro = ("Instructions each build executed, counted by valgrind's callgrind: the plain site and this site in "
             "each state above, one build of each (PYTHONHASHSEED=0). A build counts the same on a fast machine "
             "as on a slow one, so these ratios are the hooks' whole cost, their own work and what their pages "
             "cost MkDocs, without the machine's noise that moves the wall-clock ratios.")
    lines = ["", *textwrap.wrap(intro, 118), "",
             "| records | plain Markdown site | nothing changed | ratio | one record edited | ratio | fresh clone "
             "| ratio |", "|---|---|---|---|---|---|---|---|"]
    lines += [f"| x{row['scale']} | {state_cells(row, shown=billions, digits=3)} |" for row in counts]
    return lines + ["", "Budget: each ratio at most 1.1 (the hooks add at most 10 %)."]


def print_done(lines: list[str]) -> None:
    print("\n".join(["", "done so far:", *lines, ""]), file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="measurements per figure (median)")
    parser.add_argument("--scale-runs", type=int, default=3,
                        help="build measurements at the larger scales, where one build takes minutes")
    parser.add_argument("--scales", default="1,10,30", help="record multipliers, comma-separated; 1 comes first")
    parser.add_argument("--sample", type=int, default=60, help="pages sampled per site for page weight")
    parser.add_argument("--skip-weight", action="store_true")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--skip-pages", action="store_true")
    parser.add_argument("--instruction-scales", default="1",
                        help="record multipliers whose builds are also counted in instructions (about 12 minutes "
                             "per build at x1, two at a time on two processors)")
    parser.add_argument("--skip-instructions", action="store_true")
    parser.add_argument("--only-pages", action="store_true",
                        help="only which pages take longest to render (a few minutes): no build is timed")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    parser.add_argument("--work-dir", type=Path, default=None,
                        help="where the temporary folder goes (default: the system's); /dev/shm keeps every copy "
                             "and build in memory, away from a disk whose speed varies")
    args = parser.parse_args()
    scales = sorted({1, *map(int, args.scales.split(","))})
    counted_scales = [] if args.skip_instructions or args.only_pages else sorted(
        {int(n) for n in args.instruction_scales.split(",")})
    if counted_scales and not shutil.which("valgrind"):
        sys.exit("The instruction counts need valgrind (Debian: apt-get install valgrind); "
                 "or leave them out with --skip-instructions.")
    work = Path(tempfile.mkdtemp(prefix="benchmark-", dir=args.work_dir))
    try:
        if args.only_pages:
            print("\n".join(page_rendering_report(measure_page_rendering(work, scales))[1:]))
            return
        # Each part's tables go to stderr as soon as it is done, so a run lost midway keeps what it measured;
        # the whole report goes to stdout at the end.
        builds, counts = [], []
        for scale in sorted({*scales, *counted_scales}):
            if scale in scales:
                builds.append(measure_scale(work, scale, args.runs if scale == 1 else args.scale_runs))
                print_done(build_report(builds))
            if scale in counted_scales:  # after the timed builds of its scale: counting them then would slow them
                counts.append(measure_instructions(work, scale))
                print_done(instruction_report(counts))
        weight = None
        if not args.skip_weight:
            weight = measure_weight(builds[0], work, args.sample)
            print_done(weight_report(weight))
        edits = []
        if not args.skip_serve:
            edits.append(("both languages (default)", measure_serve_edits(builds[0]["project"], args.runs, None)))
            edits.append(("ONLY_LANGUAGE=en", measure_serve_edits(builds[0]["project"], args.runs, "en")))
            print_done(edit_report(edits))
        rendered = None if args.skip_pages else measure_page_rendering(work, scales)
        print(report(builds, counts, weight, edits, rendered))
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
