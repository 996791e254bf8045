"""What each generated page reads of the content, so that a build after an edit renders only the pages it changes.

Each page is made by a function of the content. While it runs it is handed a `ReadRecorder` instead of the
`Content`, which notes every record, collection, glossary and list of referrers the page asks for. The build
keeps those reads and their digest in .cache/; the next build digests the same reads of the new content, and a
page whose reads all digest the same would be rendered as it is (its code, templates and labels are the same:
the stamp checks those apart).
"""
from __future__ import annotations

import hashlib


class ReadRecorder:
    """The Content, as far as a page may use it, noting what the page reads.

    A page that needs anything else of the content must go through a method here, or its page could
    be left stale; anything else raises AttributeError, so that such a page fails every build at once.
    """

    def __init__(self, content):
        self._content = content
        self.reads: set[str] = set()

    def get(self, lang: str, record_id: str):
        self.reads.add(f"record {lang} {record_id}")
        return self._content.get(lang, record_id)

    def collection(self, lang: str, name: str) -> list:
        self.reads.add(f"collection {lang} {name}")
        return self._content.collection(lang, name)

    def positions(self, lang: str, name: str) -> dict[str, int]:
        self.reads.add(f"positions {lang} {name}")  # which records, in which order: not what they say
        return self._content.positions(lang, name)

    def page_of(self, lang: str, name: str, record_id: str, per_page: int) -> int | None:
        # only the page number: moving another record changes it for few records, if any
        self.reads.add(f"page_of {lang} {name} {record_id} {per_page}")
        return self._content.page_of(lang, name, record_id, per_page)

    def page_count(self, lang: str, name: str, per_page: int) -> int:
        self.reads.add(f"positions {lang} {name}")  # made from which records there are alone
        return self._content.page_count(lang, name, per_page)

    def grouped_by(self, lang: str, name: str, field_name: str) -> dict:
        self.reads.add(f"collection {lang} {name}")  # the groups are made from the collection alone
        return self._content.grouped_by(lang, name, field_name)

    def glossary(self, lang: str) -> dict:
        self.reads.add(f"collection {lang} glossary")  # the terms are made from the collection alone
        return self._content.glossary(lang)

    def referrers(self, record_id: str) -> list:
        self.reads.add(f"referrers {record_id}")
        return self._content.referrers(record_id)


class ReadDigests:
    """The digest of each read in one content, each made once."""

    def __init__(self, content):
        self._content = content
        self._digests: dict[str, str] = {}

    def of(self, reads) -> str:
        """One digest for a set of reads: it changes when what any of them returns changes."""
        digest = hashlib.sha256()
        for read in sorted(reads):
            digest.update(f"{read}\0{self.one(read)}\0".encode())
        return digest.hexdigest()

    def one(self, read: str) -> str:
        if read not in self._digests:
            kind, *args = read.split(" ")
            self._digests[read] = _short_hash(getattr(self, f"_{kind}")(*args))
        return self._digests[read]

    # Each record is a dataclass of plain YAML values, so its repr holds all of it, deterministically.
    def _record(self, lang: str, record_id: str) -> str:
        return repr(self._content.get(lang, record_id))

    def _collection(self, lang: str, name: str) -> str:
        return " ".join(self.one(f"record {lang} {r.id}") for r in self._content.collection(lang, name))

    def _positions(self, lang: str, name: str) -> str:
        return " ".join(self._content.positions(lang, name))

    def _page_of(self, lang: str, name: str, record_id: str, per_page: str) -> str:
        return repr(self._content.page_of(lang, name, record_id, int(per_page)))

    def _referrers(self, record_id: str) -> str:
        return repr(self._content.referrers(record_id))


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
