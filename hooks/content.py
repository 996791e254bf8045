"""The content model: every record of every language, as pages read it. Made by hooks/validation.py."""
from __future__ import annotations

from dataclasses import dataclass, field

from schema import COLLECTIONS, DEFAULT_LANGUAGE

# Every field name any collection has: a name outside it is a typo, in a template or in Python.
KNOWN_FIELDS = frozenset(f.name for c in COLLECTIONS.values() for f in c.fields)


@dataclass
class Record:
    """A record as pages show it in one language: neutral fields plus that language's text."""
    collection: str
    id: str
    lang: str
    path: str  # the file this language's text comes from
    fields: dict
    stamp: str | None = None  # translations: the fingerprint of the English text they translate

    def __getitem__(self, name: str):
        """A field's value, None where this record leaves it out; KeyError for a name no record has."""
        value = self.fields.get(name)
        if value is None and name not in KNOWN_FIELDS:
            raise KeyError(f"no collection has a field '{name}' (see hooks/schema.py)")
        return value


@dataclass
class Content:
    """All records, by language and id. Not changed after loading; what pages ask for often is made once."""
    records: dict[str, dict[str, Record]]
    terms: list = field(default_factory=list)  # the termbase's entries (hooks/termbase.py), if it has one
    _made_once: dict = field(default_factory=dict, repr=False, compare=False)

    def get(self, lang: str, record_id: str) -> Record | None:
        return self.records[lang].get(record_id)

    def once(self, key, make):
        """What make() returns, made the first time `key` is asked for (the content does not change)."""
        if key not in self._made_once:
            self._made_once[key] = make()
        return self._made_once[key]

    def collection(self, lang: str, name: str) -> list[Record]:
        """The collection's records in order."""
        if (lang, name) not in self._made_once:
            items = [r for r in self.records[lang].values() if r.collection == name]
            self._made_once[lang, name] = sorted(items, key=lambda r: (r["order"], r.id))
        return list(self._made_once[lang, name])

    def positions(self, lang: str, name: str) -> dict[str, int]:
        """{record id: its place in the collection's order, from 0}."""
        key = ("positions", lang, name)
        if key not in self._made_once:
            self._made_once[key] = {r.id: n for n, r in enumerate(self.collection(lang, name))}
        return self._made_once[key]

    def page_of(self, lang: str, name: str, record_id: str, per_page: int) -> int | None:
        """On which page, from 1, a record falls when its collection is shown per_page records a page."""
        position = self.positions(lang, name).get(record_id)
        return None if position is None else position // per_page + 1

    def page_count(self, lang: str, name: str, per_page: int) -> int:
        """How many pages the collection takes at per_page records a page (1 if none)."""
        positions = self.positions(lang, name)
        return (len(positions) - 1) // per_page + 1 if positions else 1

    def grouped_by(self, lang: str, name: str, field_name: str) -> dict:
        """{value: [records of the collection whose field has that value, in order]}."""
        key = (lang, name, field_name)
        if key not in self._made_once:
            groups: dict = {}
            for record in self.collection(lang, name):
                groups.setdefault(record[field_name], []).append(record)
            self._made_once[key] = groups
        return self._made_once[key]

    def referrers(self, record_id: str) -> list[tuple[str, str]]:
        """[(relation, source id), ...] of the records that point at this one (see xrefs.backlinks)."""
        if "referrers" not in self._made_once:
            import xrefs
            self._made_once["referrers"] = xrefs.backlinks(self)
        return list(self._made_once["referrers"].get(record_id, []))

    def glossary(self, lang: str):
        """{term: expansion} for the language's glossary terms (see xrefs.glossary_terms)."""
        if ("glossary terms", lang) not in self._made_once:
            import xrefs
            self._made_once["glossary terms", lang] = xrefs.glossary_terms(self, lang)
        return self._made_once["glossary terms", lang]

    def count(self) -> int:
        return len(self.records[DEFAULT_LANGUAGE])
