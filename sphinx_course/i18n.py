"""Interface strings, translated through Sphinx's message catalogues.

Every string the extensions (and, through ``data-strings``, the browser scripts) show
is written ``_("...")`` and comes out in the edition's language. The translations
live beside the pages' own, in ``locales/<lang>/LC_MESSAGES/sphinx_course.po``;
``make gettext`` extracts the template (``languages/extraction.py``). Strings shown
in *another* language than the page's (the language switcher's notes) are marked
``N_("...")`` and looked up with ``in_language``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po
from sphinx.locale import get_translation

CATALOG = "sphinx_course"
_ = get_translation(CATALOG)


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark a string for extraction without translating it here."""
    return message


@cache
def _catalogue(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    with open(path, "rb") as handle:
        return {str(m.id): m.string for m in read_po(handle) if m.id and isinstance(m.string, str) and m.string
                and not m.fuzzy}


def in_language(locale_dir: Path, language: str, message: str) -> str:
    """``message`` in ``language`` from its interface catalogue, or as written when it has none."""
    return _catalogue(Path(locale_dir, language, "LC_MESSAGES", f"{CATALOG}.po")).get(message, message)


def long_date(value, language: str | None = "en") -> str:
    """The site's way of writing a date, in the edition's language: 2 December 2027, 2 décembre 2027,
    2 de diciembre de 2027, 2 ديسمبر 2027 (Western digits, as UN Arabic documents write them)."""
    if not language or language.startswith("en"):
        return f"{value.day} {value:%B %Y}"
    from babel.dates import format_date

    return format_date(value, "long", locale=language)


def month_and_year(value, language: str | None = "en") -> str:
    if not language or language.startswith("en"):
        return f"{value:%B %Y}"
    from babel.dates import format_date

    return format_date(value, "LLLL y", locale=language)


#: A Python format placeholder in an interface string: ``%(name)s``, ``%(n)d``, ``%s``.
PERCENT_PLACEHOLDER = re.compile(r"%\([A-Za-z_]+\)[sd]|%[sd]")
#: Any placeholder a translation must keep: the Python ones and the scripts' ``{name}`` (not a
#: MyST role such as ``{term}`...```, which is followed by a backtick).
PLACEHOLDER = re.compile(PERCENT_PLACEHOLDER.pattern + r"|\{[A-Za-z_]+\}(?!`)")

#: Languages written right to left (their pages get ``dir="rtl"``).
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})


def forward_arrow(language: str | None) -> str:
    """The arrow from one step to the next, pointing the way the language reads."""
    return "←" if (language or "") in RIGHT_TO_LEFT else "→"

