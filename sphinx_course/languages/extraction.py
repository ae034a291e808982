"""``make gettext`` also writes ``sphinx_course.pot``: every interface string of the extensions.

Sphinx's gettext builder extracts the pages' strings (one template per page) and the
project templates' (``sphinx.pot``); the extensions' own strings, the ones the
browser scripts receive among them, are extracted here with Babel, into the same
folder, so ``make intl-update`` gives translators every catalogue in one place.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from os import getenv
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import write_po

from ..i18n import CATALOG

PACKAGE = Path(__file__).resolve().parents[1]
KEYWORDS = {"_": None, "N_": None}


def interface_template(project: str) -> Catalog:
    epoch = float(getenv("SOURCE_DATE_EPOCH") or time.time())
    catalogue = Catalog(project=project, domain=CATALOG, creation_date=datetime.fromtimestamp(epoch, timezone.utc),
                        charset="utf-8", fuzzy=False)
    for filename, lineno, message, comments, _context in extract_from_dir(
            PACKAGE, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("Translators:",)):
        catalogue.add(message, locations=[(f"sphinx_course/{filename}", lineno)], auto_comments=comments)
    return catalogue


def write_interface_template(app, exception) -> None:
    if exception or app.builder.name != "gettext":
        return
    with open(Path(app.outdir, f"{CATALOG}.pot"), "wb") as handle:
        write_po(handle, interface_template(app.config.project), width=0, sort_output=True,
                 include_previous=False)
