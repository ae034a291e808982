"""``{translation-status}``: how far each page is translated, in each language, and what is published.

::

    ```{translation-status}
    ```

renders, for each language, a table of every page with the share translated,
fuzzy and untranslated, and whether the page is published; the interface
catalogues come first. With ``:published:``, it lists only the pages each
language publishes (the translator's guide shows that list). The numbers are
the ones the build used to decide what to publish (``catalogues.py``), also
written to ``translation-status.json``.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from ..warnings_ import logger
from .catalogues import INTERFACE_DOMAINS, CatalogueStatus
from .editions import editions_of

INTERFACE_NAMES = {"sphinx": "Interface: theme and templates", "sphinx_course": "Interface: course tools, quizzes, progress"}


def _table(head: list[str], rows: list[list[nodes.Node | str]], widths: list[int]) -> nodes.table:
    table = nodes.table(classes=["translation-status"])
    group = nodes.tgroup(cols=len(head))
    table += group
    group.extend(nodes.colspec(colwidth=w) for w in widths)
    thead, tbody = nodes.thead(), nodes.tbody()
    group += thead
    group += tbody

    def row(cells, header=False):
        line = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            entry += nodes.paragraph("", "", cell if isinstance(cell, nodes.Node) else nodes.Text(str(cell)))
            line += entry
        return line

    thead += row(head, header=True)
    tbody.extend(row(cells) for cells in rows)
    return table


def _page_link(env, docname: str) -> nodes.Node:
    if docname in INTERFACE_NAMES:
        return nodes.Text(INTERFACE_NAMES[docname])
    reference = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget="/" + docname,
                                      refexplicit=False, refwarn=True)
    reference += nodes.literal(docname, docname)
    return reference


def status_rows(env, status: dict[str, CatalogueStatus]) -> list[list]:
    ordered = sorted(status, key=lambda d: (d not in INTERFACE_DOMAINS, d))
    return [[_page_link(env, d), f"{status[d].percent}%", status[d].translated, status[d].fuzzy,
             status[d].untranslated, "yes" if status[d].complete else "no"] for d in ordered]


class TranslationStatusDirective(SphinxDirective):
    option_spec = {"published": directives.flag}

    def run(self):
        editions = editions_of(self.config)
        if editions is None or not editions.status:
            logger.error("{translation-status} needs course_languages and the message templates "
                         "(run `make gettext`). [course.i18n]", location=self.get_location())
            return []
        # The page is read again whenever a catalogue changes.
        for code in editions.status:
            for path in sorted((self.env.srcdir / self.config.locale_dirs[0] / code).rglob("*.po")):
                self.env.note_dependency(str(path))
        out: list[nodes.Node] = []
        for code, status in editions.status.items():
            name = editions.names[code]
            section = nodes.section(ids=[f"translation-status-{code}"])
            section += nodes.title("", f"{name} ({code})")
            shipped = code in editions.shipped()
            pages = sorted(d for d in status if d not in INTERFACE_DOMAINS and status[d].complete)
            if "published" in self.options:
                if not shipped:
                    section += nodes.paragraph("", f"No {name} edition yet: its home page is not fully translated.")
                else:
                    items = nodes.bullet_list()
                    for docname in pages:
                        item = nodes.list_item()
                        item += nodes.paragraph("", "", _page_link(self.env, docname))
                        items += item
                    section += nodes.paragraph("", f"Published in {name} under /{code}/ ({len(pages)} pages):")
                    section += items
            else:
                total = sum(1 for d in status if d not in INTERFACE_DOMAINS)
                section += nodes.paragraph("", (f"{len(pages)} of {total} pages published. " if shipped else
                                                f"No {name} edition yet: its home page is not fully translated. "))
                section += _table(["Page", "Translated", "Strings translated", "Fuzzy", "Untranslated", "Published"],
                                  status_rows(self.env, status), [40, 12, 12, 10, 12, 12])
            out.append(section)
        return out


def setup_status_page(app) -> None:
    app.add_directive("translation-status", TranslationStatusDirective)
