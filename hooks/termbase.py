"""The termbase (content/termbase.yml): one approved Spanish rendering of each recurring English term.

`check` reports every Spanish record whose English text uses a term but whose Spanish text uses none of the
approved renderings, or uses one to avoid, as `file:line:column: [es] id: message`; the build stops on them as
on any content problem. Phrases marked as another language (`*Post-NAFTA North America*{lang=en}`) are left
out on both sides: they are titles and names, quoted as they are.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from problems import Problem
from schema import COLLECTIONS, DEFAULT_LANGUAGE
from yaml_source import FAST_LOADER

OTHER_LANGUAGE = re.compile(r"\*[^*\n]+\*\{\s*:?\s*lang=\w+\s*\}")


@dataclass(frozen=True)
class Term:
    english: tuple[str, ...]
    spanish: tuple[str, ...]
    avoid: tuple[str, ...]
    note: str

    def __post_init__(self):
        words = lambda forms: "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))  # noqa: E731
        object.__setattr__(self, "_english", re.compile(rf"(?<!\w)(?:{words(self.english)})(?!\w)", re.IGNORECASE))
        object.__setattr__(self, "_approved", re.compile(rf"(?<!\w)(?:{words(map(_folded, self.spanish))})"))
        object.__setattr__(self, "_avoid", re.compile(rf"(?<!\w)(?:{words(self.avoid)})(?!\w)")
                           if self.avoid else None)

    def used_in_english(self, text: str) -> str | None:
        match = self._english.search(text)
        return match.group(0) if match else None

    def approved_in(self, folded_spanish: str) -> bool:
        """Whether the Spanish text, given as _folded makes it, uses an approved rendering."""
        return self._approved.search(folded_spanish) is not None

    def avoided_in(self, spanish: str) -> str | None:
        match = self._avoid.search(spanish) if self._avoid else None
        return match.group(0) if match else None


def _folded(text: str) -> str:
    """Lower case, accents and other marks dropped (both sides of a comparison are folded alike)."""
    return unicodedata.normalize("NFD", text.lower()).encode("ascii", "ignore").decode("ascii")


def load_termbase(path: Path) -> list[Term]:
    """The entries of the termbase; a ValueError naming the entry when one is not as documented."""
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER) or []  # safe, with libyaml
    terms = []
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not entry.get("en") or not entry.get("es") \
                or set(entry) - {"en", "es", "avoid", "note"}:
            raise ValueError(f"{path}: entry {n} needs 'en' and 'es' lists (and may have 'avoid' and 'note')")
        terms.append(Term(tuple(map(str, entry["en"])), tuple(map(str, entry["es"])),
                          tuple(map(str, entry.get("avoid") or ())), str(entry.get("note", ""))))
    return terms


def _texts(record) -> dict[str, str]:
    """{field: its text, other-language phrases left out} for every translated text field of a record."""
    out = {}
    for spec in COLLECTIONS[record.collection].translated_fields:
        value = record.fields.get(spec.name)
        if isinstance(value, list):
            value = "\n".join(map(str, value))
        if isinstance(value, str):
            if "{" in value:
                value = OTHER_LANGUAGE.sub(" ", value)
            out[spec.name] = " ".join(value.split())  # as Markdown reads line breaks
    return out


def check(content, terms: list[Term], root: Path, lang: str = "es") -> list[Problem]:
    """Every Spanish record that misses an approved rendering or uses one to avoid (see the module's doc)."""
    if not terms:
        return []
    # One pass over each record's text finds the terms it uses and the renderings to avoid it has.
    by_form = {form.lower(): term for term in terms for form in term.english}
    by_avoided = {form: term for term in terms for form in term.avoid}
    forms = "|".join(re.escape(f) for f in sorted(by_form, key=len, reverse=True))
    any_term = re.compile(rf"(?<!\w)(?:{forms})(?!\w)")  # read in lower case: three times faster than IGNORECASE
    avoided_forms = "|".join(re.escape(f) for f in sorted(by_avoided, key=len, reverse=True)) or "(?!)"
    any_avoided = re.compile(rf"(?<!\w)(?:{avoided_forms})(?!\w)")
    problems = []
    for record_id, english in content.records[DEFAULT_LANGUAGE].items():
        translation = content.get(lang, record_id)
        if translation is None:
            continue
        proper_names = set(english.fields.get("same_in_both") or [])
        english_texts = {f: t for f, t in _texts(english).items() if f not in proper_names}
        spanish_texts = {f: t for f, t in _texts(translation).items() if f not in proper_names}
        used: dict[Term, tuple[str, str]] = {}  # term: (its form, the first field that uses it)
        for field, text in english_texts.items():
            lower = text.lower()
            for match in any_term.finditer(lower):
                form = text[match.start():match.end()] if len(lower) == len(text) else match.group(0)
                used.setdefault(by_form[match.group(0)], (form, field))
        folded_all = _folded("\n".join(spanish_texts.values())) if used else ""
        for term, (form, field) in used.items():
            if not term.approved_in(folded_all):
                problems.append(Problem(translation.path, _line_of(root / translation.path, field), 1, lang,
                                        record_id, f"field '{field}': the English says '{form}'; write "
                                        f"{' or '.join(repr(r) for r in term.spanish)} (content/termbase.yml)"))
        reported = set()
        for field, text in spanish_texts.items():
            for form in any_avoided.findall(text):
                term = by_avoided[form]
                if term not in reported:
                    reported.add(term)
                    problems.append(Problem(translation.path, _line_of(root / translation.path, field), 1, lang,
                                            record_id, f"field '{field}': '{form}' is a rendering to avoid; write "
                                            f"{' or '.join(repr(r) for r in term.spanish)} (content/termbase.yml)"))
    return problems


def _line_of(path: Path, field: str) -> int:
    try:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith(f"{field}:"):
                return n
    except OSError:
        pass
    return 1
