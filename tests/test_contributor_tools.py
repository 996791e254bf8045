"""What editors and translators use: the validate command and the JSON Schemas."""
import json
import subprocess
import sys

import jsonschema
import pytest
import yaml

from sitebuild import FIXTURES, ROOT, bad_case_content, bad_cases

sys.path.insert(0, str(ROOT / "scripts"))
import json_schema  # noqa: E402


def test_committed_json_schemas_match_the_build_schema():
    for file_name, text in json_schema.all_schemas().items():
        assert (ROOT / "schemas" / file_name).read_text(encoding="utf-8") == text, \
            f"schemas/{file_name} is out of date: run python scripts/json_schema.py"
    assert (ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8") == json_schema.editor_settings()


def _validator(collection, lang):
    schema = json.loads((ROOT / "schemas" / f"{collection}.{lang}.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("content", [FIXTURES / "good" / "content", ROOT / "content"], ids=["fixture", "real"])
def test_json_schemas_accept_every_good_record(content):
    for path in content.glob("*/*/*.yml"):  # records only (content/termbase.yml is not one)
        lang, collection = path.parts[-3], path.parts[-2]
        errors = list(_validator(collection, lang).iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
        assert errors == [], (path, errors)


@pytest.mark.parametrize("case, path", [
    ("unknown-field", "en/glossary/spp.yml"),
    ("wrong-type", "en/strategies/first-best.yml"),
    ("invalid-choice", "en/options/heterodox-marijuana.yml"),
    ("neutral-field-in-spanish", "es/figures/mexican-soldiers.yml"),
    ("script-element", "es/strategies/first-best.yml"),
    ("missing-required-field", "es/options/heterodox-marijuana.yml"),
])
def test_json_schemas_flag_what_the_build_refuses(case, path):
    record = yaml.safe_load((FIXTURES / "bad" / case / "overlay" / path).read_text(encoding="utf-8"))
    lang, collection = path.split("/")[:2]
    assert list(_validator(collection, lang).iter_errors(record))


def _validate(content_dir):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), str(content_dir)],
                          capture_output=True, text=True)


def test_validate_command_accepts_good_content():
    result = _validate(FIXTURES / "good" / "content")
    assert result.returncode == 0
    assert result.stdout == "11 records valid in each language.\n"


@pytest.mark.parametrize("case", bad_cases(), ids=[c.name for c in bad_cases()])
def test_validate_command_prints_every_problem_as_file_line_column(case, tmp_path):
    result = _validate(bad_case_content(case, tmp_path))
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert result.returncode == 1
    assert result.stderr.splitlines()[1:] == expected


def test_pre_commit_hook_runs_the_validate_command():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["entry"] == "python scripts/validate.py" and hook["pass_filenames"] is False
    # The hook's environment has PyYAML and Jinja2 but not MkDocs: the command must work without it.
    code = ("import sys, builtins; real = builtins.__import__\n"
            "def no_mkdocs(name, *a, **k):\n"
            "    if name.startswith('mkdocs'): raise ImportError(name)\n"
            "    return real(name, *a, **k)\n"
            "builtins.__import__ = no_mkdocs\n"
            f"sys.argv = ['validate.py', {str(FIXTURES / 'good' / 'content')!r}]\n"
            "import runpy\n"
            f"runpy.run_path({str(ROOT / 'scripts' / 'validate.py')!r}, run_name='__main__')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "records valid" in result.stdout, result.stderr


def test_pull_requests_run_the_same_test_command_as_ci_and_main_deploys_to_pages():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    test_steps = [step.get("run") for step in workflow["jobs"]["test"]["steps"]]
    assert "./scripts/test.sh" in test_steps
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert any(step.get("uses", "").startswith("actions/deploy-pages") for step in deploy["steps"])


def test_contributing_guides_exist_in_both_languages_and_link_each_other():
    english = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    spanish = (ROOT / "CONTRIBUTING.es.md").read_text(encoding="utf-8")
    assert "(CONTRIBUTING.es.md)" in english and "(CONTRIBUTING.md)" in spanish
    for text in (english, spanish):
        for command in ("scripts/validate.py", "scripts/translations.py stamp", "./scripts/test.sh"):
            assert command in text
