"""The legal sources registry: each legal source declared once, cited by key.

``data/sources.yaml`` declares each source (key, title, issuer, date, official URL, primary
or secondary, group, the date it was checked). Pages use:

- ``{source}`key``` or ``{source}`link text <key>``` for a link to the source;
- ``{source-list}`` (optionally ``:group: case-law``) to render entries, as the references
  page does;
- ``{further-reading}``, a list of keys each with an optional note (``- led: read Chapter V``),
  for a unit's further reading: each item shows the source's title (linked to its official
  text), issuer and date from the registry, so no page types them.

The further-reading list is a plain bullet list with the class :data:`FURTHER_READING_CLASS`
(every builder writes it); the handouts find a unit's key sources by that class.

:func:`parse_sources` checks the file (pure): every URL must pass the sources check, a
primary source must sit on an official host for legal sources, and a secondary one must
say why it is secondary.

Why a YAML registry and not sphinxcontrib-bibtex: BibTeX has no fields for a court, an
application number or an ECLI, its legal entry types (biblatex's ``@legislation``,
``@jurisdiction``) are not understood by pybtex's styles, its citations render as
bibliography labels rather than the short legal titles these pages use, and it would add
three dependencies without the host checks this registry exists for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from docutils import nodes
from docutils.parsers.rst import directives
from pydantic import BeforeValidator, StringConstraints
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ..errors import AuthoringError
from ..i18n import _, long_date, month_and_year
from ..questionnaire.data_files import _line_for
from ..warnings_ import logger
from .legal_data import (
    EntryWords,
    HttpsUrl,
    Key,
    Kind,
    LegalModel,
    PartialDate,
    Text,
    check_unique,
    explain_entry,
    field_of,
    read_file,
    read_or_report,
    validate,
)
from .official_sources import SourceRules, host_matches, link_source_problem, load_rules

SOURCES_FILE = Path(__file__).parent.parent / "data" / "sources.yaml"
ROLE_TEXT = re.compile(r"^(?P<text>.+?)\s*<(?P<key>[^<>]+)>$", re.S)
#: The class of a ``{further-reading}`` list: the contract the handouts rely on.
FURTHER_READING_CLASS = "further-reading"
SOURCE_DATE_CLASS = "source-date"
#: The date of a web page that gives none: rendered without a date.
UNDATED = "undated"
READING_ITEM = re.compile(r"^-\s+(?P<key>[^\s:]+)\s*(?::\s*(?P<note>.*))?$")


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    issuer: str
    date: str
    url: str
    kind: str
    group: str
    checked: str
    note: str = ""


@dataclass(frozen=True)
class Registry:
    groups: dict[str, str]
    sources: dict[str, Source]


def written_date(value: str, language: str | None = "en") -> str:
    """2016-04-27 -> 27 April 2016; 2022-11 -> November 2022; 2020 -> 2020 (in the edition's language)."""
    parts = value.split("-")
    if len(parts) == 3:
        return long_date(date.fromisoformat(value), language)
    if len(parts) == 2:
        return month_and_year(date(int(parts[0]), int(parts[1]), 1), language)
    return value


def official_for_legal_sources(url: str, rules: SourceRules) -> bool:
    host = urlsplit(url).hostname or ""
    return any(host_matches(host, h) for kind in rules.kinds for h in kind.hosts)


DateOrUndated = Annotated[str, BeforeValidator(lambda v: v.isoformat() if isinstance(v, date) else v),
                          StringConstraints(strict=True, pattern=r"^(undated|\d{4}(-\d{2}(-\d{2})?)?)$")]


class SourceEntry(LegalModel):
    key: Key
    title: Text
    issuer: Text
    date: DateOrUndated
    url: HttpsUrl
    kind: Kind
    group: Key
    checked: PartialDate
    note: Text | None = None


class SourcesFile(LegalModel):
    groups: dict[Key, Text]
    sources: list[SourceEntry]


REQUIRED = tuple(name for name, field in SourceEntry.model_fields.items() if field.is_required())


SOURCE_WORDS = EntryWords("The sources registry", "'groups' and 'sources'", "sources", "Source", "key",
                          tuple(SourceEntry.model_fields))


def explain(error: dict, entry) -> str:
    """One schema error in the sources registry, in the words of the messages authors know (pure)."""
    if tuple(error["loc"])[:1] == ("groups",):
        return f"groups: {error['msg']} (each group is a lower-case key with a heading)."
    message, key = explain_entry(error, entry, SOURCE_WORDS)
    if message:
        return message
    value, field = error.get("input"), field_of(error)
    if field in ("date", "checked"):
        return f"Source {key!r} has {field} {value!r}; write YYYY-MM-DD" + (" (or 'undated')." if field == "date" else ".")
    if field == "kind":
        return f"Source {key!r} has kind {value!r}; use primary or secondary."
    if field == "url":
        return f"Source {key!r} needs an https:// URL to the official text, not {value!r}."
    return f"Source {key!r}: {field} must be text, not {value!r}."


def parse_sources(data, rules: SourceRules, lines: dict | None = None, key_lines: dict | None = None) -> Registry:
    """Check the registry's values (as read from YAML) and return it typed (pure)."""
    registry = validate(SourcesFile, data, explain, "sources", lines, key_lines)
    check_unique([s.key for s in registry.sources], "sources", "key", "Source key", key_lines)
    groups = dict(registry.groups)

    def fail(index: int, field: str, message: str):
        raise AuthoringError(message, _line_for(("sources", index, field), lines or {}, key_lines or {}))

    sources: dict[str, Source] = {}
    for index, item in enumerate(registry.sources):
        if item.group not in groups:
            fail(index, "group", f"Source {item.key!r} has group {item.group!r}; use one of {', '.join(groups)}.")
        if item.kind == "secondary" and not item.note:
            fail(index, "kind", f"Source {item.key!r} is secondary; add a 'note' saying why.")
        problem = link_source_problem(item.url, item.title, rules)
        if problem:
            fail(index, "url", f"Source {item.key!r}: the link to {item.url} {problem}")
        if item.kind == "primary" and not official_for_legal_sources(item.url, rules):
            fail(index, "url",
                 f"Source {item.key!r} is marked primary, but {urlsplit(item.url).hostname} is not an official "
                 "host for legal sources (data/official-hosts.yaml). Link to the official text or mark it secondary.")
        sources[item.key] = Source(item.key, item.title, item.issuer, item.date, item.url, item.kind, item.group,
                                   item.checked, item.note or "")
    return Registry(groups, sources)


@lru_cache(maxsize=4)
def read_sources(path: str = str(SOURCES_FILE)) -> Registry:
    return read_file(Path(path), lambda data, lines, key_lines: parse_sources(data, load_rules(), lines, key_lines))


def load_sources() -> Registry:
    """The registry, or an empty one after reporting what is wrong with the file (never a traceback)."""
    return read_or_report(read_sources, SOURCES_FILE, "the sources registry", "course.source", Registry({}, {}))


class SourceRole(SphinxRole):
    """``{source}`key``` or ``{source}`text <key>```: a link to a registered source."""

    def run(self):
        match = ROLE_TEXT.match(self.text)
        text, key = (match.group("text"), match.group("key").strip()) if match else (None, self.text.strip())
        registry = load_sources()
        if key not in registry.sources:
            logger.error(f"Unknown source key {key!r}; declare it in the sources registry. [course.source]",
                         location=self.get_location())
            return [nodes.Text(text or key)], []
        source = registry.sources[key]
        return [nodes.reference(self.rawtext, text or source.title, refuri=source.url)], []


class SourceListDirective(SphinxDirective):
    """``{source-list}``: registered sources, one group or all, in date order within each group."""

    option_spec = {"group": directives.unchanged}

    def run(self):
        self.env.note_dependency(str(SOURCES_FILE))
        registry = load_sources()
        wanted = self.options.get("group")
        if wanted and wanted not in registry.groups:
            logger.error(f"Unknown source group {wanted!r}; use one of {', '.join(registry.groups)}. [course.source]",
                         location=self.get_location())
            return []
        listing = nodes.bullet_list(classes=["source-list"])
        entries = [s for s in registry.sources.values() if not wanted or s.group == wanted]
        order = list(registry.groups)
        for source in sorted(entries, key=lambda s: (order.index(s.group), s.date, s.key)):
            para = nodes.paragraph()
            para += nodes.Text(f"{source.issuer}, ")
            para += nodes.reference("", "", nodes.emphasis("", source.title), refuri=source.url)
            para += nodes.Text(f" ({written_date(source.date, self.config.language)}). " if source.date != UNDATED else ". ")
            para += nodes.Text(_("Checked %s.") % written_date(source.checked, self.config.language))
            if source.kind == "secondary":
                para += nodes.Text(" " + _("Secondary: %s.") % source.note)
            listing += nodes.list_item("", para, ids=[f"source-{source.key}"])
        return [listing]


def reading_items(lines: list[str]) -> list[tuple[int, str, str]]:
    """(line offset, key, note) for each ``- key: note`` item; indented lines continue a note (pure).

    Raises :class:`AuthoringError` with the offset of a line that is neither.
    """
    items: list[tuple[int, str, str]] = []
    for offset, line in enumerate(lines):
        if not line.strip():
            continue
        match = READING_ITEM.match(line.strip()) if not line[:1].isspace() else None
        if match:
            items.append((offset, match.group("key"), (match.group("note") or "").strip()))
        elif line[:1].isspace() and items:
            start, key, note = items[-1]
            items[-1] = (start, key, f"{note} {line.strip()}".strip())
        else:
            raise AuthoringError(
                f"Further reading lists one source per line, as '- key' or '- key: a short note'; found {line.strip()!r}.",
                offset,
            )
    return items


class FurtherReadingDirective(SphinxDirective):
    """``{further-reading}``: registered sources, each with the registry's title, issuer and date, and a note."""

    has_content = True

    def run(self):
        self.env.note_dependency(str(SOURCES_FILE))
        registry = load_sources()
        try:
            items = reading_items(list(self.content))
        except AuthoringError as error:
            logger.error(f"{error.message} [course.source]", location=(self.env.docname, self.line_of(error.line or 0)))
            return []
        if not items:
            logger.error("Further reading needs at least one source: '- key' or '- key: a short note'. [course.source]",
                         location=self.get_location())
            return []
        listing = nodes.bullet_list(classes=[FURTHER_READING_CLASS])
        listing["sources"] = []
        seen: set[str] = set()
        for offset, key, note in items:
            line = self.line_of(offset)
            if key not in registry.sources:
                logger.error(f"Unknown source key {key!r} in further reading; declare it in the sources registry "
                             f"({SOURCES_FILE.name}). [course.source]", location=(self.env.docname, line))
                continue
            if key in seen:
                logger.error(f"Source {key!r} is listed twice in this further reading. [course.source]",
                             location=(self.env.docname, line))
                continue
            seen.add(key)
            listing["sources"].append(key)
            listing += nodes.list_item("", self.entry(registry.sources[key], note, line))
        self.set_source_info(listing)
        return [listing]

    def line_of(self, offset: int) -> int:
        """The page line of a content line: the directive takes no options, so content starts on the next line."""
        return self.lineno + 1 + offset

    def entry(self, source: Source, note: str, line: int) -> nodes.paragraph:
        para = nodes.paragraph()
        para += nodes.reference("", source.title, refuri=source.url)
        para += nodes.Text(f", {source.issuer}")
        if source.date != UNDATED:
            # The registry's date, not one typed on the page: the typed-date check skips this class.
            para += nodes.Text(", ")
            para += nodes.inline("", written_date(source.date, self.config.language), classes=[SOURCE_DATE_CLASS])
        if note:
            para += nodes.Text(": ")
            inline, messages = self.parse_inline(note, lineno=line)
            para += inline
            para += messages
            if not note.rstrip().endswith((".", "?", "!")):
                para += nodes.Text(".")
        else:
            para += nodes.Text(".")
        if source.kind == "secondary":
            para += nodes.Text(" " + _("Secondary source: %s.") % source.note)
        return para


def setup_sources_registry(app) -> None:
    app.add_role("source", SourceRole())
    app.add_directive("source-list", SourceListDirective)
    app.add_directive("further-reading", FurtherReadingDirective)
