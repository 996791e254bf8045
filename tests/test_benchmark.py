"""The benchmark's own parts: the synthetic content it builds is valid, its comparison sites are what they claim."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from records import load_content
from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import benchmark  # noqa: E402


def test_multiplied_records_are_valid_content_with_each_record_n_times(tmp_path, content):
    benchmark.multiply_records(ROOT / "content", tmp_path / "content", 3)
    tripled = load_content(tmp_path / "content")  # raises on any invalid record
    for lang in ("en", "es"):
        assert len(tripled.records[lang]) == 3 * len(content.records[lang])
    assert tripled.get("es", "mexican-soldiers-border-7500-copy3")["title"] == \
        content.get("es", "mexican-soldiers-border-7500")["title"]


def test_plain_site_keeps_theme_plugins_and_navigation_but_no_hooks(tmp_path):
    project = tmp_path / "project"
    (project / "docs" / "en").mkdir(parents=True)
    (project / "overrides").mkdir()
    (project / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    plain = yaml.safe_load((benchmark.plain_copy(project, tmp_path / "plain") / "mkdocs.yml").read_text())
    ours = benchmark.site_config(ROOT)
    assert "hooks" not in plain and "watch" not in plain
    assert plain["theme"] == ours["theme"] and plain["markdown_extensions"] == ours["markdown_extensions"]
    assert plain["plugins"][1]["i18n"]["languages"] == ours["plugins"][1]["i18n"]["languages"]
    assert plain["site_url"] == "http://127.0.0.1:8000/"  # the !ENV default, as a plain value

    default = yaml.safe_load((benchmark.default_material_copy(tmp_path / "plain", tmp_path / "default")
                              / "mkdocs.yml").read_text())
    assert default["theme"] == {"name": "material"}  # no overrides, default fonts, navigation of every page
    assert all("nav" not in lang for lang in default["plugins"][1]["i18n"]["languages"])


def test_the_edit_the_benchmark_makes_changes_the_summary_of_a_real_record():
    for lang in ("es", "en"):  # Spanish for the full builds, English for ONLY_LANGUAGE=en under serve
        path = ROOT / "content" / lang / benchmark.EDITED_RECORD
        original = path.read_text(encoding="utf-8")
        edited = yaml.safe_load(benchmark.with_marker(original, "benchmark-edit-1"))
        assert edited["summary"] == "benchmark-edit-1 " + yaml.safe_load(original)["summary"]


def test_hook_timer_builds_as_mkdocs_does_and_reports_the_hooks_time(tmp_path):
    from sitebuild import FIXTURES, make_site
    site = make_site(tmp_path / "project", FIXTURES / "good" / "content")
    seconds = tmp_path / "hook-seconds.txt"
    result = benchmark.mkdocs(site, "build", "-q", env={"HOOK_TIME_FILE": str(seconds)}, runner=benchmark.HOOK_TIMER)
    assert result.returncode == 0, result.stderr
    assert (site / "site" / "es" / "figures" / "mexican-soldiers" / "index.html").exists()
    assert 0 < float(seconds.read_text()) < 60


def test_a_timed_build_keeps_its_processor_time_and_its_hooks_time(tmp_path):
    from sitebuild import FIXTURES, make_site
    site = make_site(tmp_path / "project", FIXTURES / "good" / "content")
    elapsed = benchmark.timed_build(site)
    processor, hooks = benchmark.CPU_SECONDS[site][-1], benchmark.HOOK_SECONDS[site][-1]
    # The build's own process, not the benchmark's: it did all the work, the hooks' part of it included
    assert 0 < hooks < processor <= elapsed * (os.cpu_count() or 1)
    assert processor > elapsed / 3  # a build computes more than it waits
    benchmark.timed_build(site)
    assert len(benchmark.CPU_SECONDS[site]) == len(benchmark.HOOK_SECONDS[site]) == 2


def test_rounds_build_every_state_and_each_state_leads_one_round_in_turn():
    for states in (benchmark.STATES, (*benchmark.STATES, benchmark.CONTROL)):  # x10 and x30; x1, with the control
        rounds = [benchmark.round_order(n, states) for n in range(len(states))]
        assert all(sorted(order) == sorted(states) for order in rounds)
        assert sorted(order[0] for order in rounds) == sorted(states)


def test_the_fresh_clone_state_has_no_generated_page_and_no_cache(tmp_path):
    from sitebuild import FIXTURES, make_site
    site = make_site(tmp_path / "project", FIXTURES / "good" / "content")
    assert benchmark.mkdocs(site, "build", "-q").returncode == 0
    assert (site / ".cache").is_dir() and (site / "docs" / "es" / "figures").is_dir()
    hand_written = sorted((site / "docs").glob("*/*.md"))
    generated = len(list((site / "docs").rglob("*.md"))) - len(hand_written)
    benchmark.remove_generated_pages(site, tmp_path / "trash")
    assert not (site / ".cache").exists() and not (site / "docs" / "es" / "figures").exists()
    assert sorted((site / "docs").rglob("*.md")) == hand_written  # hand-written pages stay
    assert len(list((tmp_path / "trash").rglob("*.md"))) == generated > 20  # moved away, deleted after the builds
    assert benchmark.mkdocs(site, "build", "-q").returncode == 0  # and a fresh clone's build makes them again
    benchmark.remove_generated_pages(site, tmp_path / "trash")  # twice in one trash: nothing clashes
    assert not (site / "docs" / "es" / "figures").exists()


def test_the_report_says_whether_the_copies_were_in_memory_or_on_disk(tmp_path):
    mounts = f"/dev/vda / ext4 rw 0 0\ntmpfs {tmp_path} tmpfs rw 0 0\n"
    assert benchmark.where(tmp_path / "benchmark-1", mounts) == f"{tmp_path / 'benchmark-1'}, in memory"
    assert benchmark.where(tmp_path.parent, mounts) == f"{tmp_path.parent}, on disk"


def test_page_rendering_times_every_page_of_one_language_slowest_first(tmp_path):
    from sitebuild import FIXTURES, make_site
    site = make_site(tmp_path / "project", FIXTURES / "good" / "content")
    benchmark.write_generated_pages(site)
    english = sorted(p.relative_to(site / "docs").as_posix() for p in (site / "docs" / "en").rglob("*.md"))
    rendered = benchmark.markdown_seconds(site)
    assert sorted(page for _, _, page in rendered) == english and "en/figures/mexican-soldiers.md" in english
    assert [t for t, _, _ in rendered] == sorted((t for t, _, _ in rendered), reverse=True) and rendered[-1][0] > 0
    lines = benchmark.page_rendering_report({1: rendered, 10: [(t * 20, n * 10, p) for t, n, p in rendered]}, 2)
    assert "| x10 | " + f"{len(english):,}" in "\n".join(lines) and "| 20x | 10x |" in lines[-1]


def measured_row(work, scale=1, runs=5):
    """What benchmark.measure_scale returns, with made-up figures."""
    return dict(scale=scale, pages={"en": 387 * scale, "es": 387 * scale}, runs=runs, plain=5.5, ours=5.9,
                edited=6.0, fresh=6.1, ratio_ours=1.07, ratio_edited=1.08, ratio_fresh=1.11, cpu_plain=5.4,
                cpu_ours=5.8, cpu_edited=5.9, cpu_fresh=6.2, cpu_ratio_ours=1.06, cpu_ratio_edited=1.09,
                cpu_ratio_fresh=1.14, fastest_plain=5.0, fastest_ours=5.2, fastest_edited=5.3, fastest_fresh=5.4,
                fastest_ratio_ours=1.04, fastest_ratio_edited=1.06, fastest_ratio_fresh=1.08,
                share_ours=0.056, share_edited=0.065, share_fresh=0.094, html=25_000,
                project=work / f"site-x{scale}")


def test_ratios_pair_the_builds_of_a_round_and_the_fastest_builds_are_compared_apart():
    times = {"plain": [10.0, 20.0, 11.0], "ours": [10.5, 21.0, 13.2], "edited": [11, 22, 12.1], "fresh": [9, 30, 13]}
    row = benchmark.summary(times, cpu={name: [t / 2 for t in values] for name, values in times.items()},
                            share={"ours": [0.04, 0.05, 0.06], "edited": [0.1] * 3, "fresh": [0.2] * 3})
    assert row["ours"] == 13.2 and row["plain"] == 11.0  # medians of the rounds
    assert row["ratio_ours"] == pytest.approx(1.05)  # of 1.05, 1.05 and 1.2: a slow round moves it little
    assert row["ratio_fresh"] == pytest.approx(1.18, abs=0.01)  # of 0.9, 1.5 and 1.18
    assert row["cpu_ratio_ours"] == pytest.approx(1.05) and row["share_ours"] == 0.05
    assert row["fastest_ours"] == 10.5 and row["fastest_ratio_ours"] == pytest.approx(1.05)
    assert row["fastest_ratio_fresh"] == pytest.approx(0.9)  # the fastest of each, from different rounds


def test_the_control_compares_the_plain_site_with_a_copy_of_itself_in_the_same_rounds(tmp_path):
    times = {"plain": [10.0, 12.0, 11.0], "ours": [11.0] * 3, "edited": [11.0] * 3, "fresh": [11.0] * 3,
             benchmark.CONTROL: [10.5, 11.4, 12.1]}
    row = benchmark.summary(times, cpu=times, share={"ours": [0.05] * 3, "edited": [0.06] * 3, "fresh": [0.08] * 3})
    assert row[f"ratio_{benchmark.CONTROL}"] == pytest.approx(1.05)  # of 1.05, 0.95 and 1.1
    assert row[f"fastest_ratio_{benchmark.CONTROL}"] == pytest.approx(1.05)  # 10.5 / 10
    row.update(scale=1, pages={"en": 387, "es": 387}, runs=3, html=25_000, project=tmp_path / "site-x1")
    report = benchmark.report([row], [], None, [])
    assert "Control at x1: a copy of the plain site, built in the same rounds, against the plain site: 1.05 (the " \
           "median of the rounds' ratios), 1.05 (the fastest builds')" in " ".join(report.split())
    assert "Control" not in benchmark.report([measured_row(tmp_path)], [], None, [])  # only where it was measured


def test_the_report_gives_each_state_its_time_and_ratio_in_wall_clock_processor_and_fastest_time(tmp_path):
    lines = benchmark.report([measured_row(tmp_path)], [], None, []).splitlines()
    assert "| x1 | 387 | 5 | 5.5 s | 5.9 s | 1.07 | 6.0 s | 1.08 | 6.1 s | 1.11 |" in lines
    assert "| x1 | 5.4 s | 5.8 s | 1.06 | 5.9 s | 1.09 | 6.2 s | 1.14 |" in lines
    assert "| x1 | 5.0 s | 5.2 s | 1.04 | 5.3 s | 1.06 | 5.4 s | 1.08 |" in lines  # the fastest builds
    assert "| x1 | 5.6% | 6.5% | 9.4% |" in lines


def test_a_run_lost_midway_has_already_printed_the_parts_it_finished(tmp_path, monkeypatch, capsys):
    def machine_lost(*args):
        raise RuntimeError("machine lost")
    monkeypatch.setattr(benchmark, "measure_scale", lambda work, scale, runs: measured_row(work, scale, runs))
    monkeypatch.setattr(benchmark, "measure_instructions", lambda work, scale: counted_row(scale))
    monkeypatch.setattr(benchmark, "measure_weight", machine_lost)
    monkeypatch.setattr(sys, "argv", ["benchmark.py", "--scales", "1,10", "--runs", "5", "--scale-runs", "3",
                                      "--work-dir", str(tmp_path)])
    with pytest.raises(RuntimeError, match="machine lost"):
        benchmark.main()
    printed = capsys.readouterr()
    assert "| x1 | 387 | 5 | 5.5 s |" in printed.err and "| x10 | 3,870 | 3 | 5.5 s |" in printed.err
    assert "| x1 | 58.76 billion | 61.10 billion | 1.040 |" in printed.err  # the counts, before the loss
    assert printed.out == "" and not list(tmp_path.iterdir())  # no whole report; the temporary folder removed


def test_callgrind_counts_the_same_program_the_same_and_more_work_as_more(tmp_path):
    def count(code: str, out: Path) -> int:
        result = subprocess.run([*benchmark.callgrind(out), sys.executable, "-c", code], capture_output=True,
                                text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        assert result.returncode == 0, result.stderr
        return benchmark.instructions_in(out)
    loop = "s = 0\nfor i in range({}): s += i"
    once, again = count(loop.format(50_000), tmp_path / "a.out"), count(loop.format(50_000), tmp_path / "b.out")
    # A count, not a time: the machine's speed does not move it (a time would differ by a percent or more)
    assert abs(once - again) <= once / 100_000
    assert count(loop.format(500_000), tmp_path / "c.out") > once + 10_000_000  # 450,000 more additions


def test_a_file_that_is_not_callgrinds_output_is_refused_by_name(tmp_path):
    out = tmp_path / "callgrind.out"
    out.write_text("events: Ir\nsummary: 12\n", encoding="utf-8")
    with pytest.raises(ValueError, match="callgrind.out has no 'totals:' line"):
        benchmark.instructions_in(out)
    out.write_text("events: Ir\nsummary: 12\ntotals: 12\n", encoding="utf-8")
    assert benchmark.instructions_in(out) == 12


@pytest.mark.slow
def test_a_counted_build_builds_the_site_and_counts_its_instructions(tmp_path):
    from sitebuild import FIXTURES, make_site
    site = make_site(tmp_path / "project", FIXTURES / "good" / "content")
    instructions = benchmark.counted_build(site)
    assert (site / "site" / "es" / "figures" / "mexican-soldiers" / "index.html").exists()
    assert instructions > 1e9  # MkDocs, Material and two languages: billions, not a stub's handful


def test_the_counting_copies_are_in_the_states_the_timed_builds_measure(tmp_path, monkeypatch):
    from sitebuild import FIXTURES, make_site
    # the good fixture's content, not the paper's, and its one figure as the edited record
    monkeypatch.setattr(benchmark, "copy_project",
                        lambda target, scale: make_site(target, FIXTURES / "good" / "content"))
    monkeypatch.setattr(benchmark, "EDITED_RECORD", Path("figures") / "mexican-soldiers.yml")
    ours, edited, fresh = (benchmark.counting_copy(tmp_path, 1, state) for state in ("ours", "edited", "fresh"))
    record = Path("content") / "es" / benchmark.EDITED_RECORD
    assert "benchmark-count" in (edited / record).read_text(encoding="utf-8")
    assert "benchmark-count" not in (ours / record).read_text(encoding="utf-8")
    assert (ours / ".cache").is_dir() and (ours / "docs" / "es" / "figures").is_dir()
    assert not (fresh / ".cache").exists() and not (fresh / "docs" / "es" / "figures").exists()
    assert all((project / "site" / "index.html").exists() for project in (ours, edited, fresh))  # built before


def counted_row(scale=1):
    """What benchmark.measure_instructions returns, with made-up figures."""
    return {"scale": scale, "plain": 58_757_854_200, "ours": 61_100_000_000, "edited": 62_000_000_000,
            "fresh": 63_456_000_000, "ratio_ours": 1.0399, "ratio_edited": 1.0552, "ratio_fresh": 1.08}


def test_the_report_gives_each_builds_instructions_and_their_ratios(tmp_path):
    lines = benchmark.report([measured_row(tmp_path)], [counted_row()], None, []).splitlines()
    assert ("| x1 | 58.76 billion | 61.10 billion | 1.040 | 62.00 billion | 1.055 | 63.46 billion | 1.080 |"
            in lines)
    assert lines[-1] == "Budget: each ratio at most 1.1 (the hooks add at most 10 %)."


def test_without_valgrind_the_benchmark_stops_at_once_and_says_how_to_go_on(tmp_path, monkeypatch):
    monkeypatch.setattr(benchmark.shutil, "which", lambda name: None)
    monkeypatch.setattr(sys, "argv", ["benchmark.py", "--work-dir", str(tmp_path)])
    with pytest.raises(SystemExit, match="need valgrind .*--skip-instructions"):
        benchmark.main()
    assert not list(tmp_path.iterdir())  # stopped before it copied anything
