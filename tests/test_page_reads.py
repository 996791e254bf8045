"""A build after an edit renders only the pages whose reads changed, and its pages are those of a full render."""
import shutil

import page_reads
import pages
import pytest
import yaml
from pages import load_labels
from records import load_content
from sitebuild import FIXTURES, ROOT

GOOD = FIXTURES / "good" / "content"
FIGURE = "mexican-soldiers-border-7500"  # a figure of the paper's own content, with a section and relations


# ---------------------------------------------------------------- the recorder and the digests

def test_the_recorder_notes_each_record_collection_and_referrers_list_a_page_reads():
    content = load_content(GOOD)
    recorder = page_reads.ReadRecorder(content)
    assert recorder.get("es", "mexican-soldiers") is content.get("es", "mexican-soldiers")
    assert recorder.collection("en", "figures") == content.collection("en", "figures")
    recorder.grouped_by("es", "options", "kind")
    assert recorder.referrers("fn-12") == content.referrers("fn-12")
    assert list(recorder.positions("en", "sources")) == [r.id for r in content.collection("en", "sources")]
    assert recorder.page_of("es", "sources", "fn-12", 1) == 2
    assert recorder.page_count("es", "figures", 2) == content.page_count("es", "figures", 2)
    assert recorder.reads == {"record es mexican-soldiers", "collection en figures", "collection es options",
                              "referrers fn-12", "positions en sources", "page_of es sources fn-12 1",
                              "positions es figures"}


@pytest.mark.parametrize("per_page", [1, 2, 3, 25])
def test_a_collection_takes_as_many_pages_as_its_last_record_is_on(per_page):
    content = load_content(GOOD)
    for name in pages.COLLECTIONS:
        ids = list(content.positions("en", name))
        count = content.page_count("en", name, per_page)
        shown = [content.page_of("en", name, record_id, per_page) for record_id in ids]
        assert sorted(set(shown)) == list(range(1, count + 1)) if ids else count == 1
        assert all(shown.count(page) <= per_page for page in shown)


def test_the_recorder_refuses_any_other_way_into_the_content():
    with pytest.raises(AttributeError):
        page_reads.ReadRecorder(load_content(GOOD)).records  # noqa: B018  (an untracked read)


def _edited_copy(tmp_path, rel, old, new):
    shutil.copytree(GOOD, tmp_path / "content")
    path = tmp_path / "content" / rel
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return load_content(tmp_path / "content", tmp_path)


def test_a_digest_changes_with_what_its_reads_return_and_only_then(tmp_path):
    before = page_reads.ReadDigests(load_content(GOOD))
    after = page_reads.ReadDigests(_edited_copy(tmp_path, "es/figures/mexican-soldiers.yml",
                                                "El documento cuenta", "Según el documento hay"))
    for unchanged in (["record en mexican-soldiers"], ["collection es options", "referrers mexican-soldiers"], []):
        assert before.of(unchanged) == after.of(unchanged)
    for changed in (["record es mexican-soldiers"], ["collection es figures", "record en fn-12"]):
        assert before.of(changed) != after.of(changed)
    assert before.of(["record es no-such-record"]) == after.of(["record es no-such-record"])


def test_the_order_of_a_collection_and_the_page_of_a_record_digest_apart_from_what_records_say(tmp_path):
    before = page_reads.ReadDigests(load_content(GOOD))
    retitled = page_reads.ReadDigests(_edited_copy(tmp_path / "a", "en/figures/mexican-soldiers.yml",
                                                   "title:", "title: Renamed,"))
    reordered = page_reads.ReadDigests(_edited_copy(tmp_path / "b", "en/sources/fn-01.yml", "order:", "order: 9999 #"))
    assert before.of(["positions en figures"]) == retitled.of(["positions en figures"])
    assert before.of(["collection en figures"]) != retitled.of(["collection en figures"])
    assert before.of(["positions en sources"]) != reordered.of(["positions en sources"])
    # fn-12 moves from the second record to the first: on another page at one a page, on the same at two
    assert before.of(["page_of en sources fn-12 1"]) != reordered.of(["page_of en sources fn-12 1"])
    assert before.of(["page_of en sources fn-12 2"]) == reordered.of(["page_of en sources fn-12 2"])
    assert before.of(["page_of en sources fn-99 1"]) == reordered.of(["page_of en sources fn-99 1"])  # no such record


# ---------------------------------------------------------------- edits of the paper's content, one after another

def _load_yaml(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _set_fields(path, **fields):
    data = _load_yaml(path)
    data.update(fields)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def _edits(content_dir, content):
    """(what, function, most pages it may render) for changes a contributor might make to a copy of the content."""
    en, es = content_dir / "en", content_dir / "es"
    figure = f"figures/{FIGURE}.yml"
    agency = next(r for r in content.collection("en", "agencies") if content.referrers(r.id))
    term = next(r for r in content.collection("en", "glossary") if r["expansion"] and r["expansion"] != r["term"])
    unreferenced = next(r for r in content.collection("en", "figures") if not content.referrers(r.id) and r.id != FIGURE)
    other_figure = next(r for r in content.collection("en", "figures")
                        if r.id not in (FIGURE, unreferenced.id) and r.id not in _load_yaml(en / figure)["related"])
    other_section = next(r for r in content.collection("en", "sections") if r.id != _load_yaml(en / figure)["section"])

    def copy_figure():
        for lang in (en, es):
            shutil.copy(lang / figure, lang / "figures" / "a-copied-figure.yml")

    def remove_unreferenced():
        for lang in (en, es):
            (lang / unreferenced.collection / f"{unreferenced.id}.yml").unlink()

    return [
        ("a Spanish summary", lambda: _set_fields(es / figure, summary="Un resumen nuevo del documento."), 0.1),
        ("an English title that others link to (its translation becomes outdated)",
         lambda: _set_fields(en / "agencies" / f"{agency.id}.yml", title="A renamed agency"), 0.1),
        ("a relation added (a backlink appears on its target)",
         lambda: _set_fields(en / figure, related=[*_load_yaml(en / figure)["related"], other_figure.id]), 0.1),
        ("a mention added in prose", lambda: _set_fields(
            en / figure, body=_load_yaml(en / figure)["body"] + f" See [[{agency.id}]]." + "\n"), 0.1),
        # every page of the language may use the term: all of them are rendered again
        ("a glossary expansion", lambda: _set_fields(es / "glossary" / f"{term.id}.yml",
                                                     expansion="Una expansión distinta"), 0.55),
        ("the order of a figure in its collection", lambda: _set_fields(en / figure, order=999), 0.1),
        ("the section a figure comes from", lambda: _set_fields(en / figure, section=other_section.id), 0.1),
        ("a record added", copy_figure, 0.1),
        ("a record removed", remove_unreferenced, 0.1),
    ]


def test_after_each_edit_the_pages_on_disk_are_those_a_full_render_makes(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    docs, labels = tmp_path / "docs", load_labels()
    rendered = []

    class CountingRecorder(page_reads.ReadRecorder):
        def __init__(self, content):
            super().__init__(content)
            rendered.append(self)
    monkeypatch.setattr(page_reads, "ReadRecorder", CountingRecorder)

    def refresh():
        content = load_content(tmp_path / "content", tmp_path)
        rendered.clear()
        pages.refresh_pages(tmp_path, docs, content, labels, {})
        return content

    content = refresh()
    total = len(rendered)
    assert total > 700  # the first build renders every page
    for what, edit, most in _edits(tmp_path / "content", content):
        edit()
        content = refresh()
        full = pages.generated_pages(content, labels, {})
        on_disk = {path.relative_to(docs): path.read_text(encoding="utf-8")
                   for path in docs.rglob("*") if path.is_file()}
        assert on_disk.keys() == full.keys(), what
        assert [rel for rel in full if on_disk[rel] != full[rel]] == [], what
        assert 0 < len(rendered) < total * most, f"{what}: rendered {len(rendered)} of {total} pages"
