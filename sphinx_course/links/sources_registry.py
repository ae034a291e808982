"""The legal sources registry: each legal source declared once, cited by key.

``data/sources.yaml`` declares each source (key, title, issuer, date, official URL, primary
or secondary, group, the date it was checked). Pages use:

- ``{source}`key``` or ``{source}`link text <key>``` for a link to the source;
- ``{source-list}`` (optionally ``:group: case-law``) to render entries, as the references
  page does.

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
from urllib.parse import urlsplit

import yaml
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ..errors import AuthoringError
from ..i18n import _
from ..questionnaire.data_files import read_yaml_data
from ..warnings_ import logger
from .official_sources import SourceRules, host_matches, link_source_problem, load_rules

SOURCES_FILE = Path(__file__).parent.parent / "data" / "sources.yaml"
KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ROLE_TEXT = re.compile(r"^(?P<text>.+?)\s*<(?P<key>[^<>]+)>$", re.S)


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


def written_date(value: str) -> str:
    """2016-04-27 -> 27 April 2016; 2022-11 -> November 2022; 2020 -> 2020."""
    parts = value.split("-")
    if len(parts) == 3:
        day = date.fromisoformat(value)
        return f"{day.day} {day:%B %Y}"
    if len(parts) == 2:
        return f"{date(int(parts[0]), int(parts[1]), 1):%B %Y}"
    return value


def official_for_legal_sources(url: str, rules: SourceRules) -> bool:
    host = urlsplit(url).hostname or ""
    return any(host_matches(host, h) for kind in rules.kinds for h in kind.hosts)


def parse_sources(data: dict, rules: SourceRules) -> Registry:
    """Check the registry's values (as read from YAML) and return it typed."""
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise AuthoringError("The sources registry must have a 'sources' list.")
    groups = {str(k): str(v) for k, v in (data.get("groups") or {}).items()}
    sources: dict[str, Source] = {}
    required = ("key", "title", "issuer", "date", "url", "kind", "group", "checked")
    for number, item in enumerate(data["sources"], start=1):
        item = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in (item or {}).items()}
        missing = [key for key in required if not str(item.get(key, "")).strip()]
        if missing:
            raise AuthoringError(f"Source {number} ({item.get('key', 'no key')}) lacks {', '.join(missing)}.")
        key = str(item["key"])
        if not KEY.match(key):
            raise AuthoringError(f"Source key {key!r} must be lower-case letters, digits and hyphens.")
        if key in sources:
            raise AuthoringError(f"Source key {key!r} is declared twice.")
        for field_name in ("date", "checked"):
            if not PARTIAL_DATE.match(str(item[field_name])):
                raise AuthoringError(f"Source {key!r} has {field_name} {item[field_name]!r}; write YYYY-MM-DD.")
        if item["group"] not in groups:
            raise AuthoringError(f"Source {key!r} has group {item['group']!r}; use one of {', '.join(groups)}.")
        if item["kind"] not in ("primary", "secondary"):
            raise AuthoringError(f"Source {key!r} has kind {item['kind']!r}; use primary or secondary.")
        if item["kind"] == "secondary" and not str(item.get("note", "")).strip():
            raise AuthoringError(f"Source {key!r} is secondary; add a 'note' saying why.")
        problem = link_source_problem(str(item["url"]), str(item["title"]), rules)
        if problem:
            raise AuthoringError(f"Source {key!r}: the link to {item['url']} {problem}")
        if item["kind"] == "primary" and not official_for_legal_sources(str(item["url"]), rules):
            raise AuthoringError(
                f"Source {key!r} is marked primary, but {urlsplit(str(item['url'])).hostname} is not an official "
                "host for legal sources (data/official-hosts.yaml). Link to the official text or mark it secondary."
            )
        sources[key] = Source(**{k: str(item.get(k, "")).strip() for k in (*required, "note")})
    return Registry(groups, sources)


@lru_cache(maxsize=4)
def read_sources(path: str = str(SOURCES_FILE)) -> Registry:
    return parse_sources(read_yaml_data(Path(path)), load_rules())


def load_sources() -> Registry:
    """The registry, or an empty one after reporting what is wrong with the file (never a traceback)."""
    try:
        return read_sources()
    except (AuthoringError, OSError, yaml.YAMLError) as error:
        if not getattr(load_sources, "reported", False):
            setattr(load_sources, "reported", True)  # noqa: B010 (report once per process)
            logger.error(f"{SOURCES_FILE}: the sources registry is invalid: {error} [course.source]")
        return Registry({}, {})


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
            para += nodes.Text(f" ({written_date(source.date)}). ")
            para += nodes.Text(_("Checked %s.") % written_date(source.checked))
            if source.kind == "secondary":
                para += nodes.Text(" " + _("Secondary: %s.") % source.note)
            listing += nodes.list_item("", para, ids=[f"source-{source.key}"])
        return [listing]


def setup_sources_registry(app) -> None:
    app.add_role("source", SourceRole())
    app.add_directive("source-list", SourceListDirective)
