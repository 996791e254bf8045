"""Every bad-content fixture stops the build with exactly its expected messages."""
import pytest

from validation import ContentError, load_content
from sitebuild import bad_case_content, bad_cases, build, make_site

CASES = bad_cases()


def test_there_are_at_least_twenty_cases():
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_content_gives_its_exact_messages(case, tmp_path):
    content = bad_case_content(case, tmp_path)
    with pytest.raises(ContentError) as caught:
        load_content(content, root=tmp_path)
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert [str(p) for p in caught.value.problems] == expected


def test_mkdocs_build_stops_with_every_message_and_no_traceback(tmp_path):
    case = next(c for c in CASES if c.name == "several-problems")
    site = make_site(tmp_path / "site", bad_case_content(case, tmp_path / "case"))
    result = build(site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "4 problems in the content records:" in output
    for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        assert line in output
    assert "Traceback" not in output
    assert not (site / "site" / "index.html").exists()
