"""The schema and the interface labels are consistent with each other."""
import record_pages
from labels import load_labels
from record_pages import GROUP_BY
from schema import COLLECTIONS, FIELD_TYPES, LANGUAGES


def test_every_field_has_a_known_type_and_valid_targets():
    for collection in COLLECTIONS.values():
        for field in collection.fields:
            assert field.type in FIELD_TYPES, (collection.name, field.name)
            assert set(field.to) <= set(COLLECTIONS), (collection.name, field.name)
            if field.type == "choice":
                assert field.choices, (collection.name, field.name)


def test_one_of_groups_name_real_fields():
    for collection in COLLECTIONS.values():
        for group in collection.one_of:
            assert all(collection.get(name) for name in group), (collection.name, group)


def _keys(tree, prefix=""):
    if isinstance(tree, dict):
        return {k for key, value in tree.items() for k in _keys(value, f"{prefix}{key}.")} | {prefix}
    return {prefix}


def test_labels_have_the_same_keys_in_both_languages():
    labels = load_labels()
    assert set(labels) == set(LANGUAGES)
    assert _keys(labels["en"]) == _keys(labels["es"])


def test_every_collection_field_and_choice_has_a_label():
    labels = load_labels()
    for lang in LANGUAGES:
        for collection in COLLECTIONS.values():
            assert labels[lang]["collections"][collection.name]["title"]
            for field in collection.fields:
                if field.name not in record_pages.SHOWN_APART:
                    assert field.name in labels[lang]["fields"], (lang, field.name)
                if field.type == "choice":
                    for choice in field.choices:
                        assert choice in labels[lang]["choices"][field.name], (lang, field.name, choice)
        for name, field_name in GROUP_BY.items():
            assert field_name in labels[lang]["choices"], (lang, name)
