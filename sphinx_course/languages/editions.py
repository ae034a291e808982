"""The site's editions, one per language in ``course_languages``, and which pages each publishes.

English (the first language) is built at the root and publishes every page. Each
other language is built from the same source into ``/<code>/`` and publishes a page
only when its catalogue is complete: every string translated, none fuzzy
(``catalogues.CatalogueStatus.complete``). Every edition reads every page, so the
navigation, cross-references and "next" links all resolve; a page that is not
published in this language is read untranslated and not written, and every link to
it leads to the English page (marked ``lang="en"``).

Every edition works out every language's publication from the same files, so each
page's language switcher and ``hreflang`` alternates agree with what the other
builds publish.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from weakref import WeakKeyDictionary

from ..i18n import RIGHT_TO_LEFT
from .catalogues import INTERFACE_DOMAINS, CatalogueStatus, language_status


@dataclass
class Editions:
    """What each language's edition publishes. ``published[code]`` is None for the source
    language (every page) and the set of docnames otherwise."""

    names: dict[str, str]
    current: str
    #: The site's root address (conf.py's html_baseurl); a translated edition's own is under it.
    site_url: str = ""
    status: dict[str, dict[str, CatalogueStatus]] = field(default_factory=dict)
    published: dict[str, set[str] | None] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return next(iter(self.names))

    @property
    def translated(self) -> bool:
        return self.current != self.source

    def shipped(self) -> list[str]:
        """The languages with an edition: the source, and each whose home page is published."""
        return [code for code in self.names if self.publishes(code, "index")]

    def publishes(self, language: str, docname: str) -> bool:
        pages = self.published.get(language)
        return pages is None or docname in pages

    def prefix(self, language: str) -> str:
        """Where the language's edition sits, relative to the site root."""
        return "" if language == self.source else f"{language}/"


def read_editions(names: dict[str, str], current: str, gettext_dir: Path, locale_dir: Path,
                  root_doc: str = "index") -> Editions:
    """Every language's publication, from the message templates and the catalogues (pure but for reading them)."""
    editions = Editions(names=dict(names), current=current)
    for code in names:
        if code == editions.source:
            editions.published[code] = None
            continue
        status = language_status(gettext_dir, locale_dir, code)
        editions.status[code] = status
        editions.published[code] = {domain for domain, entry in status.items()
                                    if domain not in INTERFACE_DOMAINS and entry.complete}
    return editions


def relative_link(from_uri: str, to_uri: str) -> str:
    """A link from one output file to another, both given relative to the site root."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def switcher_entries(editions: Editions, docname: str, page_uri: str, home_uri: str) -> list[dict]:
    """The language switcher of one page: each language, with a link to this page in it,
    or to its home page when this page is not published there (``fallback``)."""
    here = editions.prefix(editions.current) + page_uri
    entries = []
    for code in editions.shipped():
        has_page = editions.publishes(code, docname)
        target = editions.prefix(code) + (page_uri if has_page else home_uri)
        entries.append({
            "code": code, "name": editions.names[code], "current": code == editions.current,
            "href": relative_link(here, target), "fallback": not has_page,
            "dir": "rtl" if code in RIGHT_TO_LEFT else "ltr",
        })
    return entries


def alternates(editions: Editions, docname: str, page_uri: str, base_url: str) -> list[tuple[str, str]]:
    """``hreflang`` alternates of one page, absolute, with ``x-default`` for the source language."""
    if not base_url:
        return []
    base = base_url.rstrip("/") + "/"
    found = [(code, base + editions.prefix(code) + page_uri)
             for code in editions.shipped() if editions.publishes(code, docname)]
    if len(found) < 2:
        return []
    return found + [("x-default", base + page_uri)]


#: The editions of each build, by its Config (which the app, the environment, the builder and
#: every directive reach), never pickled with the environment: they are read anew each build.
_EDITIONS: WeakKeyDictionary = WeakKeyDictionary()


def editions_of(holder) -> Editions | None:
    """This build's editions; ``holder`` is Sphinx's Config or anything with ``.config``."""
    return _EDITIONS.get(getattr(holder, "config", holder))


def remember(config, editions: Editions) -> None:
    _EDITIONS[config] = editions
