"""Unit tests of loading and validating records."""
import pytest

import validation
from content import Record
from problems import Problem, Problems
from validation import ContentError, load_content
from yaml_source import read_record_file
from sitebuild import FIXTURES

GOOD = FIXTURES / "good" / "content"


def test_good_fixture_loads_in_both_languages():
    content = load_content(GOOD)
    assert content.count() == 11
    assert set(content.records["en"]) == set(content.records["es"])


def test_spanish_record_gets_neutral_fields_from_english_and_its_own_text():
    content = load_content(GOOD)
    es = content.get("es", "mexican-soldiers")
    assert es["value"] == 7500 and es["footnote"] == "fn-12" and es["year"] == "2009"
    assert es["title"] == "Soldados mexicanos asignados a la región fronteriza"
    assert es.path == "content/es/figures/mexican-soldiers.yml"


def test_collection_is_sorted_by_order():
    content = load_content(GOOD)
    assert [r.id for r in content.collection("en", "sections")] == ["section-7", "section-8"]


def _problems(tmp_path, collection, text, lang="en", name="sample"):
    path = tmp_path / f"{name}.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    out = Problems()
    rec = read_record_file(path, lang, collection, f"content/{lang}/{collection}/{name}.yml", out)
    if rec is not None:
        validation._check_fields(rec, out)
    return rec, [str(p) for p in out.found]


def test_parse_keeps_line_numbers(tmp_path):
    rec, problems = _problems(tmp_path, "glossary", "order: 1\n\nterm: SPP\ntitle: SPP\nsummary: x\n")
    assert problems == []
    assert rec.where("term") == (3, 7)


@pytest.mark.parametrize("value, ok", [
    ("plain text", True), ("a < b and c > d", True), ("see <https://example.org>", True),
    ("<b>bold</b>", False), ("<!-- hidden -->", False), ("</div>", False), ("<?php", False),
    ("[x](javascript:alert(1))", False), ("[x](https://example.org)", True),
])
def test_raw_html_and_script_links_are_refused(tmp_path, value, ok):
    _, problems = _problems(tmp_path, "glossary", f"order: 1\nterm: T\ntitle: T\nsummary: '{value}'\n")
    assert (problems == []) is ok, problems


def test_unquoted_year_is_read_as_written(tmp_path):
    rec, problems = _problems(tmp_path, "figures",
                              "order: 1\nsection: s\ntitle: t\nsummary: s\nvalue: 3\nunit: u\nyear: 2008\nfootnote: fn-01\n")
    assert problems == [] and rec.values["year"] == "2008"


def test_safe_loading_never_constructs_python_objects(tmp_path):
    rec, problems = _problems(tmp_path, "glossary",
                              "order: 1\nterm: !!python/object/new:os.system [echo]\ntitle: t\nsummary: s\n")
    assert rec is None
    assert problems == ["content/en/glossary/sample.yml:2:7: [en] sample: YAML tag "
                        "'!!python/object/new:os.system' is not allowed: records hold only text, numbers and lists"]


@pytest.mark.parametrize("line, value, message", [
    (2, "=", "'=' alone means something else to YAML: put it in quotes ('=')"),
    (2, "&name t\nother: *name", "YAML anchors and aliases (&name, *name) are not allowed: write each value out"),
    (2, "[[[[[[[[x]]]]]]]]", "values are nested more than 8 levels deep; records hold text, lists and the "
                              "mappings of cited works"),
])
def test_what_yaml_means_but_records_cannot_hold_is_refused_where_it_is_written(tmp_path, line, value, message):
    rec, problems = _problems(tmp_path, "glossary", f"order: 1\nterm: {value}\ntitle: t\nsummary: s\n")
    assert rec is None
    assert problems[0].startswith(f"content/en/glossary/sample.yml:{line}:") and problems[0].endswith(message)


def test_content_error_counts_problems():
    err = ContentError([Problem("a.yml", 1, 1, "en", "a", "bad"),
                        Problem("b.yml", 2, 1, "es", "b", "worse")])
    assert str(err).splitlines() == ["2 problems in the content records:",
                                     "a.yml:1:1: [en] a: bad", "b.yml:2:1: [es] b: worse"]


def test_collections_are_sorted_once_and_each_caller_gets_its_own_list():
    content = load_content(GOOD)
    first = content.collection("es", "arguments")
    first.clear()  # a caller changing its list changes nobody else's
    again = content.collection("es", "arguments")
    assert again and again == sorted(again, key=lambda r: (r["order"], r.id))
    by_section = content.grouped_by("es", "arguments", "section")
    assert sorted(r.id for group in by_section.values() for r in group) == sorted(r.id for r in again)
    assert all(r["section"] == section for section, group in by_section.items() for r in group)


def test_a_misspelled_field_name_raises_instead_of_reading_as_empty():
    record = load_content(GOOD).get("en", "mexican-soldiers")
    assert record["points"] is None  # a field of another collection: this record has none
    with pytest.raises(KeyError, match="no collection has a field 'valeu'"):
        record["valeu"]


def test_a_misspelled_field_in_a_template_stops_the_page(tmp_path):
    import jinja2
    from render import template_environment
    env = template_environment()
    record = Record("figures", "x", "en", "content/en/figures/x.yml", {"value": 1})
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ record.valeu }}").render(record=record)
    assert env.from_string("{{ record.value }}").render(record=record) == "1"


def test_validating_content_needs_neither_mkdocs_nor_jinja():
    """The validate command (and its pre-commit hook) loads only YAML and the hooks' content modules."""
    import subprocess
    import sys
    from sitebuild import ROOT
    # as if they were not installed: an import of either fails
    probe = ("import sys; sys.modules.update(dict.fromkeys(['jinja2', 'mkdocs', 'mkdocs.exceptions', 'markdown'])); "
             "sys.path.insert(0, 'hooks'); import validation; from pathlib import Path; "
             "print(validation.load_content(Path('content')).count())")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 300
