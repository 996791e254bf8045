"""The record schema: every kind of record, its fields and their types.

Defined once here; the build (hooks/validation.py), the validate command and
the tests all read it. A field is either *translated* (written in each
language's file) or *language-neutral* (written once, in the English file
only, so the two languages cannot drift apart).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RECORD_SUFFIXES = (".yml", ".yaml")
# A translation says which version of its English original it translates: a fingerprint of the
# English text fields, written by `scripts/translations.py stamp`. Only translations carry it.
STAMP_FIELD = "translates"
STAMP_PATTERN = re.compile(r"^[0-9a-f]{12}$")

# Field types and the Python types a value of each may have.
FIELD_TYPES = {
    "line": "a single line of text",
    "text": "Markdown text",
    "lines": "a list of single lines of text",
    "int": "a whole number",
    "number": "a number",
    "ref": "the id of another record",
    "refs": "a list of ids of other records",
    "choice": "one of a fixed set of values",
    "choices": "a list of values from a fixed set",
    "works": "a list of cited works (author, title, container, publisher, place, date, pages, url, note, lang)",
    "flag": "true or false",
}
WORK_KEYS = ("author", "title", "container", "publisher", "place", "date", "pages", "url", "note", "lang")
WORK_LANGUAGES = ("en", "es")  # a work's `lang`: the language of its title


# Fields `not_in_paper` cannot name: where a record sits, its own words and its marks.
NOT_MARKABLE = frozenset({"order", "title", "summary", "body", "quote", "gaps", "points", "works", "same_in_both",
                          "context", "not_in_paper", "editorial"})


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool = False
    translated: bool = False
    to: tuple[str, ...] = ()  # ref/refs: the collections the ids may point at
    choices: tuple[str, ...] = ()  # choice: the allowed values
    help: str = ""


@dataclass(frozen=True)
class Collection:
    name: str  # folder under content/<lang>/ and the URL segment
    fields: tuple[Field, ...]
    # At least one field of each group must be present (the paper may leave
    # something out, but then the record has to say so in the other field).
    one_of: tuple[tuple[str, ...], ...] = ()

    def get(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def markable_fields(self) -> tuple[str, ...]:
        """Fields `not_in_paper` may name: those shown as values in a record's details."""
        return tuple(f.name for f in self.fields if f.name not in NOT_MARKABLE)

    @property
    def translated_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.translated)

    @property
    def neutral_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if not f.translated)


def _common(*, section_required: bool = True) -> tuple[Field, ...]:
    """Fields every record has: position, title, summary, body, where it comes from."""
    return (
        Field("order", "int", required=True, help="Position within its collection (1, 2, 3 ...)."),
        Field("section", "ref", required=section_required, to=("sections",),
              help="The paper section the record comes from."),
        Field("title", "line", required=True, translated=True),
        Field("summary", "line", required=True, translated=True,
              help="One plain-language sentence; used in lists and as the page description."),
        Field("body", "text", translated=True, help="Plain-language explanation (Markdown)."),
        Field("quote", "line", translated=True,
              help="A short verbatim quotation from the paper; shown marked as a quotation."),
        Field("gaps", "text", translated=True,
              help="What the paper leaves vague or unsaid about this record."),
        Field("sources", "refs", to=("sources",), help="Footnotes this record relies on."),
        Field("related", "refs", to=(), help="Other records this one relates to."),
        Field("same_in_both", "lines",
              help="Text fields that are proper names and so read the same in both languages (e.g. term)."),
        Field("context", "text", translated=True,
              help="Background the paper does not state (an acronym's expansion, an agency's role), "
                   "shown in a box marked as background, not from the paper."),
        Field("not_in_paper", "lines",
              help="Fields whose values the paper does not state (e.g. expansion, reports_to): "
                   "shown marked as background."),
    )


# Facets of the policy-options index. Values are data; their labels are in hooks/labels.yml.
COLLABORATION = ("unilateral", "bilateral", "binational")
THEMES = (
    "narcotics", "weapons", "money-laundering", "migration", "trade-and-customs", "intelligence",
    "law-enforcement", "justice", "corruption", "institutions", "prevention", "human-rights",
    "infrastructure-and-technology", "planning-and-evaluation", "regional-integration",
)
EDITORIAL_FACETS = ("collaboration", "themes", "actors", "pyramid")


def _option_facets() -> tuple[Field, ...]:
    """What the policy-options index filters by; relations written once, shown on both ends."""
    return (
        Field("collaboration", "choice", choices=COLLABORATION,
              help="The level of collaboration the option needs."),
        Field("pyramid", "refs", to=("needs",),
              help="Where the paper places it on the pyramid of needs (Section 6), if it does."),
        Field("themes", "choices", choices=THEMES, help="The policy themes it touches."),
        Field("actors", "refs", to=("agencies", "glossary"), help="Agencies, programs and bodies it involves."),
        Field("responds_to", "refs", to=("arguments", "concepts", "questions"),
              help="The arguments behind it."),
        Field("editorial", "choices", choices=EDITORIAL_FACETS,
              help="Facets that are this site's editorial reading, not stated by the paper."),
    )


OPTION_KINDS = (
    "call-for-action", "hammer", "process-option", "planning-principle",
    "strategy-option", "binational-institution", "closing-call",
)

COLLECTIONS: dict[str, Collection] = {c.name: c for c in (
    Collection("sections", (
        Field("number", "int", required=True, help="0 for the introduction, 1-8 for Sections 1-8."),
    ) + tuple(f for f in _common(section_required=False) if f.name != "section")),
    Collection("recommendations", (
        Field("number", "line", required=True, help="The paper's numbering: 1 to 5."),
    ) + _common() + (
        Field("points", "lines", translated=True, help="Lettered sub-points (2a, 2b ...)."),
    ) + _option_facets()),
    Collection("strategies", (
        Field("number", "int", required=True, help="The paper's numbering: 1 to 6."),
    ) + _common() + _option_facets()),
    Collection("options", (
        Field("kind", "choice", required=True, choices=OPTION_KINDS),
        Field("number", "line", help="The paper's own numbering, where it numbers the option."),
        Field("strategy", "ref", to=("strategies",), help="The strategy this option belongs to."),
    ) + _common() + _option_facets()),
    Collection("arguments", _common() + (
        Field("evidence", "refs", to=("figures",), help="Figures the paper gives for it."),
    )),
    Collection("figures", _common() + (
        Field("value", "number", required=True, help="The number exactly as the paper gives it."),
        Field("unit", "line", required=True, translated=True),
        Field("as_written", "line", translated=True,
              help="The paper's own words where it gives the figure in words or as an approximation "
                   "('more than half'): shown wherever the value is shown, instead of the bare number."),
        Field("place", "line", translated=True),
        Field("year", "line", help="Year or period as the paper gives it, e.g. 2008 or 1999-2005."),
        Field("period", "line", translated=True, help="The period in words, where the paper gives no year."),
        Field("footnote", "ref", to=("sources",), help="The footnote that sources the figure."),
        Field("no_separator", "flag",
              help="true to print the value without a thousands separator, as the paper does (a year, 1954 miles)."),
        Field("crisis_sign", "flag",
              help="true when Section 2 lists it among the signs that confirm the security crisis."),
    ), one_of=(("year", "period"), ("footnote", "gaps"))),
    Collection("sources", (
        Field("number", "int", required=True, help="The footnote number, 1 to 66."),
    ) + _common() + (
        Field("works", "works", help="The works the footnote cites, exactly as the paper gives them."),
        Field("background", "flag",
              help="true when no record cites this footnote: it is general background."),
    )),
    Collection("glossary", _common(section_required=False) + (
        Field("term", "line", required=True, translated=True, help="The abbreviation or name as used."),
        Field("expansion", "line", translated=True, help="What the abbreviation stands for."),
        Field("english", "line", translated=True, help="Spanish pages: the English name, where readers look for it."),
    )),
    Collection("agencies", (
        Field("country", "choice", required=True, choices=("us", "mx")),
        Field("reports_to", "line", required=True, translated=True),
    ) + _common()),
    Collection("needs", (
        Field("tier", "int", required=True, help="1 = infrastructure and capacity building, 2 = relational, 3 = systemic."),
    ) + _common()),
    Collection("concepts", (
        Field("kind", "choice", required=True,
              choices=("definition", "area", "critical-element", "communication-list", "goal")),
    ) + _common()),
    Collection("questions", (
        Field("number", "int", required=True),
    ) + _common()),
)}

def field_names_allowed(collection: Collection, field_name: str) -> list[str] | None:
    """For a field whose items name other fields of the same record, the names it may hold; else None."""
    if field_name == "same_in_both":  # text fields that are proper names
        return sorted(f.name for f in collection.translated_fields)
    if field_name == "not_in_paper":  # fields shown as values, which the paper may not state
        return list(collection.markable_fields)
    return None


# `related` may point anywhere.
COLLECTION_NAMES = tuple(COLLECTIONS)


def ref_targets(f: Field) -> tuple[str, ...]:
    return f.to or COLLECTION_NAMES
