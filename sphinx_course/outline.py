"""``{course-outline}``: the units of a folder, their times and the total, computed from metadata.

Written where the overview page is resolved, from the same metadata that
feeds ``course-index.json``, so the overview can never disagree with it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .i18n import _
from .registry import course_registry, gathers
from .tables import simple_table


class course_outline(nodes.General, nodes.Element):  # noqa: N801
    """``folder``: the units under it are listed."""


class OutlineDirective(SphinxDirective):
    def run(self):
        folder = self.env.docname.rsplit("/", 1)[0] + "/"
        course_registry(self.env).aggregate_pages[self.env.docname] = "outline"
        node = course_outline(folder=folder)
        self.set_source_info(node)
        return [node]


def format_minutes(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("%s min") % rest
    return _("%(h)s h %(m)02d min") % {"h": hours, "m": rest}


def outline_table(app, docname: str, folder: str) -> list[nodes.Node]:
    env = app.env
    units = sorted(
        (d, r) for d, r in course_registry(env).units.items() if d.startswith(folder) and r.get("kind") == "module"
    )
    rows = []
    for unit_doc, record in units:
        title = env.titles[unit_doc].astext() if unit_doc in env.titles else unit_doc
        link = nodes.reference("", title, internal=True, refuri=app.builder.get_relative_uri(docname, unit_doc))
        rows.append([link, format_minutes(record["duration"]), str(len(record["objectives"]))])
    table = simple_table([_("Module"), _("Time"), _("Objectives")], rows, [60, 15, 25], ["course-outline"])
    total = sum(record["duration"] for _d, record in units)
    summary = nodes.paragraph(classes=["course-total"])
    summary += nodes.strong("", _("Total study time:") + " ")
    summary += nodes.Text(format_minutes(total) + " " + _("(%s minutes)") % total)
    return [table, summary]


def resolve_outlines(app, doctree, docname) -> None:
    for node in list(doctree.findall(course_outline)):
        node.replace_self(outline_table(app, docname, node["folder"]))


def setup_outline(app) -> None:
    gathers("outline")
    app.add_node(course_outline)
    app.add_directive("course-outline", OutlineDirective)
    app.connect("doctree-resolved", resolve_outlines)
