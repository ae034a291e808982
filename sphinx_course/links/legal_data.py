"""The schema shared by the legal data files: the legal timeline and the sources registry.

Both files list entries with a key, dates, an official ``https://`` URL and a kind (primary or
secondary), and both must report a mistake at its line. They are read with the tools' hardened
reader (:func:`~sphinx_course.tools_data.parse_located`) and checked by the pydantic models in
:mod:`.legal_timeline` and :mod:`.sources_registry`, built from the pieces here; :func:`validate`
turns the first pydantic error into one authoring message with the line it is on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints, ValidationError

from ..errors import AuthoringError
from ..questionnaire.data_files import _line_for, parse_located
from ..warnings_ import logger

KEY_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
HTTPS_PATTERN = r"^https://\S+$"

Place = tuple


def _iso(value: Any) -> Any:
    """YAML reads 2016-04-27 as a date; the registry keeps dates as the text the author wrote."""
    return value.isoformat() if isinstance(value, date) else value


def _as_date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value  # pydantic then reports it as not a date
    return value


Key = Annotated[str, StringConstraints(strict=True, pattern=KEY_PATTERN)]
Text = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1)]
HttpsUrl = Annotated[str, StringConstraints(strict=True, pattern=HTTPS_PATTERN)]
PartialDate = Annotated[str, BeforeValidator(_iso), StringConstraints(strict=True, pattern=PARTIAL_DATE_PATTERN)]
FullDate = Annotated[date, BeforeValidator(_as_date)]
Kind = Literal["primary", "secondary"]


class LegalModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")
#: Explains one pydantic error as a message, given the error and the entry it is in (or None).
Explainer = Callable[[Any, Any], str]


def validate(model: type[M], data: Any, explain: Explainer, entries: str,
             lines: dict | None = None, key_lines: dict | None = None) -> M:
    """``data`` checked against ``model``; the first error (a misspelt key first) as a located message (pure)."""
    lines, key_lines = lines or {}, key_lines or {}
    try:
        return model.model_validate(data)
    except ValidationError as invalid:
        errors = sorted(invalid.errors(include_url=False),
                        key=lambda e: (e["type"] != "extra_forbidden", _line_for(tuple(e["loc"]), lines, key_lines) or 0))
        error = errors[0]
        loc = tuple(error["loc"])
        entry = None
        if len(loc) >= 2 and loc[0] == entries and isinstance(loc[1], int) and isinstance(data, dict):
            items = data.get(entries)
            entry = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        raise AuthoringError(explain(error, entry), _line_for(loc, lines, key_lines)) from None


def check_unique(values: list[str], entries: str, field: str, label: str, key_lines: dict | None = None) -> None:
    """Each entry's ``field`` is declared once; the second declaration is the error (pure)."""
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            raise AuthoringError(f"{label} {value!r} is declared twice.",
                                 _line_for((entries, index, field), {}, key_lines or {}))
        seen.add(value)


def field_of(error: dict) -> str:
    """The name of the field an error is about (the last text part of its place)."""
    return next((str(p) for p in reversed(error["loc"]) if isinstance(p, str) and not re.match(r"^\W", p)), "")


@dataclass(frozen=True)
class EntryWords:
    """How a legal data file's messages name the file and its entries."""

    file: str  # "The legal timeline file"
    holds: str  # what its top level holds: "only 'milestones'"
    list_key: str  # "milestones"
    noun: str  # "Milestone"
    ident: str  # the key that names an entry: "id"
    fields: tuple[str, ...]


def explain_entry(error: dict, entry, words: EntryWords) -> tuple[str | None, Any]:
    """The message for a schema error every legal data file words alike, and the entry's name (pure).

    Returns ``None`` as the message for an error about one field's value, which each file
    explains in its own words (a date format, an official URL).
    """
    loc, kind, field = tuple(error["loc"]), error["type"], field_of(error)
    if len(loc) < 2 or not isinstance(loc[1], int):
        if kind == "extra_forbidden":
            return f"{words.file} has an unknown key {loc[0]!r}; it holds {words.holds}.", None
        return f"{words.file} must have a '{words.list_key}' list.", None
    number = loc[1] + 1
    ident = entry.get(words.ident) if isinstance(entry, dict) else None
    named = f"{words.noun} {number} ({ident or 'no ' + words.ident})"
    if len(loc) == 2:
        return f"{words.noun} {number} must be a mapping of {', '.join(words.fields)}.", ident
    if kind in ("missing", "string_too_short"):
        return f"{named} lacks {field}.", ident
    if kind == "extra_forbidden":
        return f"{named} has an unknown key {field!r}; use {', '.join(words.fields)}.", ident
    if field == words.ident:
        return f"{words.noun} {words.ident} {error.get('input')!r} must be lower-case letters, digits and hyphens.", ident
    return None, ident


def read_file(path: Path, parse: Callable[[Any, dict, dict], R]) -> R:
    """A legal data file read with the hardened reader, then checked by ``parse(data, lines, key_lines)``."""
    data, lines, key_lines = parse_located(Path(path).read_bytes())
    return parse(data, lines, key_lines)


#: The legal data files already reported as invalid in this process, so each is reported once.
_REPORTED: set[Path] = set()


def read_or_report(read: Callable[[], R], path: Path, what: str, tag: str, empty: R) -> R:
    """``read()``, or ``empty`` after reporting, once per process, what is wrong with the file at
    ``path`` at its line (an authoring error, never a traceback)."""
    try:
        return read()
    except (AuthoringError, OSError) as error:
        if path not in _REPORTED:
            _REPORTED.add(path)
            where = f"{path}:{error.line}" if isinstance(error, AuthoringError) and error.line else str(path)
            logger.error(f"{where}: {what} is invalid: {error} [{tag}]")
        return empty
