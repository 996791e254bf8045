"""Everything the hooks read of mkdocs-static-i18n's internals, in one place.

The plugin (1.3.1) runs the whole build once per language on the same config; what it is doing is only in
its own attributes. A new version that renames them breaks here, and only here.
"""
from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    link: str
    default: bool
    build: bool


def _plugin(config: MkDocsConfig):
    return config.plugins["i18n"]


def current_language(config: MkDocsConfig) -> str:
    """The language this run of the build is for."""
    return _plugin(config).current_language


def languages(config: MkDocsConfig) -> list[Language]:
    return [Language(lang.locale, lang.name, lang.link, lang.default, lang.build)
            for lang in _plugin(config).config.languages]


def building_other_languages(config: MkDocsConfig) -> bool:
    """True inside the runs the plugin starts for the languages after the first (each ends in on_post_build)."""
    return _plugin(config).building


def only_language(config: MkDocsConfig) -> str | None:
    """The language ONLY_LANGUAGE asks for (built alone, at the site's root), or None."""
    return _plugin(config).config.build_only_locale
