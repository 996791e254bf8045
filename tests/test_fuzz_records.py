"""Property-based tests of what editors can write: thousands of generated records, valid and broken.

They prove, for every generated record file: the build's checks and the published JSON Schemas (what editors'
tools show) agree on whether it is valid; a broken record gives `file:line:col: [lang] id: message` lines and
never a traceback, quickly; and no generated text reaches a page as markup of its own.
"""
import json
import os
import string
import sys

import jsonschema
import markdown
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import text_rules
import validation
from page_guard import problems as page_problems
from problems import Problems
from schema import COLLECTIONS, DEFAULT_LANGUAGE, STAMP_FIELD
from sitebuild import ROOT
from yaml_source import read_record_file

sys.path.insert(0, str(ROOT / "scripts"))
import json_schema  # noqa: E402

EXAMPLES = 600  # per test; four tests of generated inputs: some 2,400 a run
# In CI (CI=true) the inputs are derived from each test's name, the same on every run, so that a submission is
# judged on the inputs it was tested with; elsewhere each run tries new ones (and Hypothesis keeps failures).
DERANDOMIZE = bool(os.environ.get("CI"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=DERANDOMIZE, database=None if DERANDOMIZE else settings.default.database)
VALIDATORS = {(c, lang): jsonschema.Draft202012Validator(json_schema.collection_schema(c, lang))
              for c in COLLECTIONS for lang in ("en", "es")}

# Text as editors might type it, and what a pull request could slip in.
TRICKY = ["<b>x</b>", "<script>alert(1)</script>", "{: onclick=\"alert(1)\" }", "{lang=es}", "{ lang=en }", "{.cls}",
          "[x](javascript:alert(1))", "[x](https://example.org)", "[a]: JavaScript:x", "&colon;", "&#106;", "AT&T",
          "<https://example.org>", "\x00", "\x1b", "\x1f", "\x85", "\t", "\n", "\r\n", "\u2028", "\u00a0", "é", "ñ", "«", "“", "'", '"',
          "*", "[[", "]]", "#", "- ", ": ", "&", "*a", "!!python/object", "%", "@", "`", "|", ">", "—", "🙂", "\ufeff"]
text = st.lists(st.one_of(st.sampled_from(TRICKY), st.text(string.ascii_letters + " .,", max_size=12),
                          st.text(max_size=6)), max_size=8).map("".join)
huge = st.integers(min_value=10_000, max_value=200_000).map(lambda n: "word " * (n // 5))
scalar = st.one_of(text, st.integers(), st.floats(allow_nan=False), st.booleans(), st.none())
nested = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(st.text(string.ascii_lowercase, max_size=6),
                                                                       inner, max_size=3)), max_leaves=12)


def value_for(spec):
    """A valid value for the field, or a broken one."""
    good = {
        "line": text, "text": st.one_of(text, huge), "int": st.integers(), "number": st.one_of(st.integers(), st.floats()),
        "flag": st.booleans(), "ref": st.sampled_from(["fn-01", "section-7", "Bad_Id", "x"]),
        "lines": st.lists(text, max_size=3), "choice": st.sampled_from([*spec.choices, "nonsense"] if spec.choices else ["x"]),
        "choices": st.lists(st.sampled_from([*spec.choices, "nonsense"] if spec.choices else ["x"]), max_size=3),
        "refs": st.lists(st.sampled_from(["fn-01", "fn-12", "Bad", "section-8"]), max_size=3),
        "works": st.lists(st.dictionaries(st.sampled_from(["title", "author", "url", "lang", "colour"]),
                                          st.one_of(text, st.sampled_from(["en", "es", "fr"])), max_size=3), max_size=2),
    }[spec.type]
    return st.one_of(good, nested) if spec.name not in ("same_in_both", "not_in_paper") else \
        st.lists(st.sampled_from(["title", "term", "body", "expansion", "reports_to", "order", "nonsense"]), max_size=3)


@st.composite
def record_files(draw):
    """(collection, lang, YAML text) of one record file, valid or broken."""
    collection = draw(st.sampled_from(sorted(COLLECTIONS)))
    lang = draw(st.sampled_from(["en", "es"]))
    schema = COLLECTIONS[collection]
    fields = [f for f in schema.fields if f.translated or lang == DEFAULT_LANGUAGE]
    record = {}
    for spec in fields:
        if spec.required or draw(st.booleans()):
            record[spec.name] = draw(value_for(spec))
    if draw(st.integers(0, 9)) == 0:
        record[draw(st.sampled_from(["colour", "id", "number", "value", STAMP_FIELD]))] = draw(scalar)
    return collection, lang, yaml.safe_dump(record, allow_unicode=draw(st.booleans()))


def build_check(tmp_path, collection, lang, source: str):
    path = tmp_path / "sample.yml"
    path.write_text(source, encoding="utf-8")
    out = Problems()
    rec = read_record_file(path, lang, collection, f"content/{lang}/{collection}/sample.yml", out)
    if rec is not None:
        validation._check_fields(rec, out)
    return out.found


@FUZZ
@given(record_files())
# JSON, and so every editor's tool, reads 0.0 as the whole number 0; the build reads it the same way.
@example(("arguments", "es", "gaps: 0.0\nsummary: 0\ntitle: A\n"))
@example(("sections", "en", "number: 2.0\ntitle: Two\nsummary: S\n"))
@example(("sections", "en", "number: 2.5\ntitle: Two\nsummary: S\n"))
@example(("arguments", "es", 'summary: "0\\x1F"\ntitle: A\n'))  # a control character strip() would remove
def test_the_build_and_the_json_schemas_agree_on_every_record(tmp_path_factory, generated):
    collection, lang, source = generated
    found = build_check(tmp_path_factory.mktemp("r"), collection, lang, source)
    instance = json.loads(json.dumps(yaml.safe_load(source)))  # as editors' tools read the file
    schema_errors = list(VALIDATORS[collection, lang].iter_errors(instance))
    assert (found == []) == (schema_errors == []), (source, [str(p) for p in found], schema_errors[:1])


@FUZZ
@given(record_files())
def test_a_broken_record_gives_placed_messages_and_no_traceback(tmp_path_factory, generated):
    collection, lang, source = generated
    for problem in build_check(tmp_path_factory.mktemp("r"), collection, lang, source):
        assert str(problem).startswith(f"content/{lang}/{collection}/sample.yml:{problem.line}:{problem.column}: "
                                       f"[{lang}] sample: ")
        assert problem.line >= 1 and problem.column >= 1 and problem.message


YAML_EDGES = ["a: &x 1\nb: *x\n", "- 1\n- 2\n", "'just text'\n", "---\n...\n", "a: !!python/name:os.system\n",
              "a: !custom x\n", "a: [" * 3000 + "]" * 3000 + "\n", "a:\n" + "".join("  " * i + "- \n" for i in range(60)),
              "a: b\na: c\n", "? [a]\n: b\n", "a: {b: c}\n", "\t\ta: b\n", "a: \"\\x00\"\n", "a: |\n b\n  c\n",
              "a: 2008-01-01\n", "a: .nan\n", "a: 0x1F\n", "a: ~\n", "%YAML 1.1\n---\na: b\n", "a: 'unterminated\n",
              "a: =\n", "<<: {a: 1}\n", "a: &x 1\n"]


@settings(max_examples=EXAMPLES, deadline=1000, derandomize=DERANDOMIZE,
          database=None if DERANDOMIZE else settings.default.database)
@given(st.one_of(st.sampled_from(YAML_EDGES), st.text(max_size=200),
                 st.lists(st.sampled_from(YAML_EDGES + [": ", "- ", "[", "]", "{", "}", "&a ", "*a", "\n", "  ", "#"]),
                          max_size=20).map("".join)))
def test_any_text_as_a_record_file_gives_messages_in_under_a_second(tmp_path_factory, source):
    for problem in build_check(tmp_path_factory.mktemp("r"), "glossary", "en", source):
        assert problem.path == "content/en/glossary/sample.yml" and problem.line >= 1


MARKDOWN = markdown.Markdown(extensions=["abbr", "admonition", "attr_list", "md_in_html", "def_list", "footnotes",
                                         "tables", "pymdownx.details"])


@FUZZ
@given(text)
def test_no_accepted_text_reaches_the_page_as_markup(source):
    """What record validation lets through, rendered as the site renders pages, has no event handler,
    no code-running address and no markup but what Markdown itself writes."""
    if text_rules.unsafe(source) is not None:
        return
    html = MARKDOWN.reset().convert(source)
    assert page_problems(html) == [], (source, html)
    for tag in ("<script", "<iframe", "<img", "<style", "<object", "<svg", "<form", "<input"):
        assert tag not in html.lower(), (source, html)


@pytest.mark.parametrize("fixture", ["alias-bomb", "deep-nesting"])
def test_the_two_inputs_that_once_hung_or_crashed_the_build_fail_fast(fixture):
    import time
    overlay = ROOT / "tests" / "fixtures" / "bad" / fixture / "overlay" / "en" / "glossary" / "spp.yml"
    started = time.perf_counter()
    out = Problems()
    assert read_record_file(overlay, "en", "glossary", "content/en/glossary/spp.yml", out) is None
    assert time.perf_counter() - started < 0.5
    assert len(out.found) == 1
