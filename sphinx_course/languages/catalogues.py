"""How far each page is translated, read from the message templates (.pot) and catalogues (.po).

The templates come from the current source (``make gettext``), so a catalogue that
is complete but stale (the English text changed since it was translated) counts the
changed strings as untranslated, exactly as ``msgfmt --statistics`` would after
``make intl-update``. Pure functions of the files: the build, the status page and the
tests all read the same numbers.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Message
from babel.messages.pofile import read_po

#: Catalogues of the interface, not of a page: Sphinx's and the themes' template strings
#: ("sphinx") and the course extensions' own strings, the browser scripts' included.
INTERFACE_DOMAINS = ("sphinx", "sphinx_course")


@dataclass(frozen=True)
class CatalogueStatus:
    """One page's (or interface catalogue's) strings in one language."""

    domain: str
    total: int
    translated: int
    fuzzy: int

    @property
    def untranslated(self) -> int:
        return self.total - self.translated - self.fuzzy

    @property
    def complete(self) -> bool:
        """The publication rule: every string translated, none fuzzy."""
        return self.translated == self.total

    @property
    def percent(self) -> int:
        """The share translated, rounded down, so that only a complete page shows 100."""
        return 100 if self.total == 0 else self.translated * 100 // self.total

    def as_dict(self) -> dict:
        return {"total": self.total, "translated": self.translated, "fuzzy": self.fuzzy,
                "untranslated": self.untranslated, "percent": self.percent, "published": self.complete}


def _messages(path: Path) -> dict[str, Message]:
    with open(path, "rb") as handle:
        catalogue = read_po(handle)
    return {message.id if isinstance(message.id, str) else message.id[0]: message
            for message in catalogue if message.id}


def catalogue_status(domain: str, template: Path, catalogue: Path | None) -> CatalogueStatus:
    """Count the template's strings that the catalogue translates, leaves fuzzy or lacks."""
    wanted = _messages(template)
    have = _messages(catalogue) if catalogue is not None and catalogue.is_file() else {}
    translated = fuzzy = 0
    for msgid in wanted:
        message = have.get(msgid)
        if message is None:
            continue
        text = message.string if isinstance(message.string, str) else "".join(message.string or ())
        if message.fuzzy:
            fuzzy += 1
        elif text.strip():
            translated += 1
    return CatalogueStatus(domain, len(wanted), translated, fuzzy)


def templates(gettext_dir: Path) -> dict[str, Path]:
    """Every message template under ``gettext_dir``, by its domain (``docs/public/faq``)."""
    return {path.relative_to(gettext_dir).with_suffix("").as_posix(): path
            for path in sorted(gettext_dir.rglob("*.pot"))}


def _file_key(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError:
        return f"{path}:absent"
    return f"{path}:{stat.st_mtime_ns}:{stat.st_size}"


def language_status(gettext_dir: Path, locale_dir: Path, language: str) -> dict[str, CatalogueStatus]:
    """Each domain's status in ``language``: pages by docname, then the interface catalogues.

    Counting means parsing a few hundred catalogues (about 0.3 s), on every build of every
    edition; the counts are kept in the templates' folder, by each file pair's size and
    modification time, so an unchanged pair is never parsed twice.
    """
    messages = locale_dir / language / "LC_MESSAGES"
    cache_file = gettext_dir / f".catalogue-status-{language}.json"
    try:
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    fresh: dict[str, list[int]] = {}
    result = {}
    for domain, template in templates(gettext_dir).items():
        catalogue = messages / f"{domain}.po"
        key = _file_key(template) + "|" + _file_key(catalogue)
        counts = cache.get(key)
        if counts is None:
            entry = catalogue_status(domain, template, catalogue)
            counts = [entry.total, entry.translated, entry.fuzzy]
        fresh[key] = counts
        result[domain] = CatalogueStatus(domain, *counts)
    if fresh != cache:
        try:
            # Written whole, then renamed: editions built side by side may write it at once.
            partial = cache_file.with_name(f"{cache_file.name}.{os.getpid()}")
            partial.write_text(json.dumps(fresh), encoding="utf-8")
            partial.replace(cache_file)
        except OSError:
            pass  # a read-only templates folder only costs the parsing next time
    return result
