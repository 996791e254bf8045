"""The real content covers the paper as the paper states it."""
import re

import pytest

from schema import COLLECTIONS, LANGUAGES


def _of_kind(content, kind):
    return [r for r in content.collection("en", "options") if r["kind"] == kind]


@pytest.mark.parametrize("collection, count", [
    ("sections", 9), ("recommendations", 5), ("strategies", 6), ("sources", 66), ("questions", 4),
])
def test_collection_counts_the_paper_states(content, collection, count):
    assert len(content.collection("en", collection)) == count


@pytest.mark.parametrize("kind, count", [
    ("call-for-action", 6), ("hammer", 4), ("process-option", 5), ("planning-principle", 8),
])
def test_option_counts_the_paper_states(content, kind, count):
    # The paper's own numbered lists; an unnumbered record of the kind is a remark beside them
    # (call-replicate-binational-entities: the authors' own, after the six calls of others).
    options = [o for o in _of_kind(content, kind) if o["number"]]
    assert len(options) == count
    assert sorted(int(o["number"]) for o in options) == list(range(1, count + 1))


def test_recommendation_two_has_points_a_and_b(content):
    numbers = sorted(r["number"] for r in content.collection("en", "recommendations"))
    assert numbers == ["1", "2", "3", "4", "5"]
    two = next(r for r in content.collection("en", "recommendations") if r["number"] == "2")
    assert len(two["points"]) == 2


def test_strategies_are_numbered_one_to_six_from_section_7(content):
    strategies = content.collection("en", "strategies")
    assert [s["number"] for s in strategies] == [1, 2, 3, 4, 5, 6]
    assert {s["section"] for s in strategies} == {"section-7"}


def test_every_row_of_the_agencies_table(content):
    agencies = content.collection("en", "agencies")
    assert sum(a["country"] == "us" for a in agencies) == 5
    assert sum(a["country"] == "mx" for a in agencies) == 6


def test_footnotes_are_numbered_1_to_66(content):
    assert sorted(s["number"] for s in content.collection("en", "sources")) == list(range(1, 67))


def _cited_sources(content):
    cited = set()
    for record in content.records["en"].values():
        cited.update(record["sources"] or [])
        if record["footnote"]:
            cited.add(record["footnote"])
    return cited


def test_every_footnote_is_cited_or_listed_as_background(content):
    cited = _cited_sources(content)
    for source in content.collection("en", "sources"):
        assert source.id in cited or source["background"], source.id


def test_every_figure_has_a_value_unit_and_year_or_period(content):
    for figure in content.collection("en", "figures"):
        assert figure["value"] is not None and figure["unit"]
        assert figure["year"] or figure["period"], figure.id
        assert figure["footnote"] or figure["gaps"], figure.id


def test_every_record_but_glossary_names_its_section(content):
    for record in content.records["en"].values():
        if record.collection not in ("sections", "glossary"):
            assert record["section"], record.id


def _text(value):
    return " ".join(value) if isinstance(value, list) else str(value)


def test_every_spanish_text_field_is_translated_unless_a_proper_name(content):
    untranslated = []
    for record_id, english in content.records["en"].items():
        spanish = content.get("es", record_id)
        same = set(english["same_in_both"] or [])
        for field in COLLECTIONS[english.collection].translated_fields:
            value = english[field.name]
            if value is None or field.name in same:
                continue
            if _text(value).strip().casefold() == _text(spanish[field.name]).strip().casefold():
                untranslated.append(f"{english.path}: {field.name}")
    assert untranslated == []


def test_fields_declared_the_same_in_both_are_short_names(content):
    for record in content.records["en"].values():
        for name in record["same_in_both"] or []:
            value = record[name]
            assert len(re.findall(r"\w+", _text(value))) <= 8, (record.id, name, value)
            assert _text(value) == _text(content.get("es", record.id)[name]), (record.id, name)


def test_both_languages_hold_the_same_records(content):
    assert set(content.records["en"]) == set(content.records["es"])
    for lang in LANGUAGES:
        assert content.count() == len(content.records[lang])
