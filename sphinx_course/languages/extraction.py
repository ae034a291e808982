"""``make gettext`` also writes ``sphinx_course.pot``: every interface string of the extensions.

Sphinx's gettext builder extracts the pages' strings (one template per page) and the
project templates' (``sphinx.pot``); the extensions' own strings, the ones the
browser scripts receive among them, are extracted here from the package's syntax trees, into the same
folder, so ``make intl-update`` gives translators every catalogue in one place.
"""

from __future__ import annotations

import ast
import time
from datetime import UTC, datetime
from os import getenv
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from ..i18n import CATALOG

PACKAGE = Path(__file__).resolve().parents[1]
KEYWORDS = {"_": None, "N_": None}


def marked_strings(source: str) -> list[tuple[int, str]]:
    """(line, text) of every ``_("...")`` and ``N_("...")`` call in Python source, those inside
    f-strings included: read from the syntax tree, since Babel's tokenizer cannot see into an
    f-string on Python 3.11 (pure)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEYWORDS \
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            found.append((node.lineno, node.args[0].value))
    return sorted(found)


def interface_template(project: str) -> Catalog:
    epoch = float(getenv("SOURCE_DATE_EPOCH") or time.time())
    catalogue = Catalog(project=project, domain=CATALOG, creation_date=datetime.fromtimestamp(epoch, UTC),
                        charset="utf-8", fuzzy=False)
    for path in sorted(PACKAGE.rglob("*.py")):
        where = f"sphinx_course/{path.relative_to(PACKAGE).as_posix()}"
        for lineno, message in marked_strings(path.read_text(encoding="utf-8")):
            catalogue.add(message, locations=[(where, lineno)])  # a repeated string gathers its places
    return catalogue


def theme_template_strings() -> list[str]:
    """The strings of pydata-sphinx-theme's templates ("Skip to main content", "Back to top"...), which
    it translates into a dozen languages but not Arabic: they go into the site's own ``sphinx.pot``,
    so every edition can translate them (Sphinx uses the project's catalogue first)."""
    import pydata_sphinx_theme

    template = Path(pydata_sphinx_theme.__file__).parent / "locale" / "sphinx.pot"
    with open(template, "rb") as handle:
        return [str(message.id) for message in read_po(handle) if message.id]


def add_theme_strings(path: Path) -> None:
    with open(path, "rb") as handle:
        catalogue = read_po(handle)
    for message in theme_template_strings():
        if message not in catalogue:
            catalogue.add(message, locations=[("pydata-sphinx-theme templates", 0)])
    with open(path, "wb") as handle:
        write_po(handle, catalogue, width=0, sort_output=True, include_previous=False)


def write_interface_template(app, exception) -> None:
    if exception or app.builder.name != "gettext":
        return
    with open(Path(app.outdir, f"{CATALOG}.pot"), "wb") as handle:
        write_po(handle, interface_template(app.config.project), width=0, sort_output=True,
                 include_previous=False)
    if Path(app.outdir, "sphinx.pot").is_file():
        add_theme_strings(Path(app.outdir, "sphinx.pot"))
