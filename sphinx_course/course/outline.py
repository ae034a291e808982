"""``{course-outline}``: the units of a folder, their times and the total, computed from metadata.

Written where the overview page is resolved, from the same metadata that
feeds ``course-index.json``, so the overview can never disagree with it.
Each unit's self-check is linked; in HTML the link carries the quiz's id and
fingerprint so that ``course-progress.js`` can show where this browser's
learner stands ("Completed, best 5 of 6").
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from ..helpers import simple_table
from ..i18n import _
from ..registry import GatheringDirective, add_placeholder, course_registry, gathers
from ..web_only import add_web_only_node


class course_outline(nodes.General, nodes.Element):  # noqa: N801
    """``folder``: the units under it are listed; ``unit_label`` heads their column."""


class quiz_status(nodes.reference):  # noqa: N801
    """A link to a unit's self-check: ``refuri``, ``quiz_id``, ``fingerprint``, ``questions``.

    A reference underneath, so builders other than HTML render it as a plain link.
    """


class unit_read_marker(nodes.General, nodes.Element):  # noqa: N801
    """Where a unit records that it was read: ``at="start"`` (under the header, with a "Mark as
    read" button for someone who read it elsewhere) or ``at="end"`` (reaching it marks the unit read)."""


def visit_read_marker_html(self, node: unit_read_marker) -> None:
    button = ""
    if node["at"] == "start":
        button = f'<button type="button" class="quiz-button" data-action="mark-read" hidden>{self.encode(_("Mark as read"))}</button>'
    self.body.append(
        f'<div class="unit-read unit-read-{node["at"]}" data-unit-read="{self.attval(node["unit"])}" data-read-at="{node["at"]}">'
        f'<p class="unit-read-status" role="status" data-read-status></p>{button}</div>\n'
    )
    raise nodes.SkipNode


def add_read_markers(app, doctree) -> None:
    """Every course unit gets a read marker under its header and another after its last content."""
    docname = app.env.docname
    registry = course_registry(app.env)
    if registry.units.get(docname, {}).get("kind") != "module":
        return
    # A unit's quiz links to the next unit by title, so the page is written again when titles
    # or the course order change, as gathering pages are.
    registry.record_gathering(docname, "unit")
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    header = next(iter(section.findall(lambda n: isinstance(n, nodes.container) and "unit-header" in n["classes"])), None)
    if header is not None:
        header.parent.insert(header.parent.index(header) + 1, unit_read_marker(unit=docname, at="start"))
    section += unit_read_marker(unit=docname, at="end")


def visit_quiz_status_html(self, node: quiz_status) -> None:
    self.body.append(
        f'<a class="reference internal quiz-status" href="{node["refuri"]}" data-quiz-status data-unit="{node["unit"]}" '
        f'data-quiz-id="{node["quiz_id"]}" data-fingerprint="{node["fingerprint"]}" '
        f'data-questions="{node["questions"]}">'
    )


def depart_quiz_status_html(self, node: quiz_status) -> None:
    self.body.append("</a>")


def quiz_status_cell(app, docname: str, unit_doc: str) -> nodes.Node | str:
    quizzes = course_registry(app.env).quizzes.get(unit_doc)
    if not quizzes:
        return "–"
    quiz = quizzes[0]
    label = _("%s questions") % quiz.questions
    return quiz_status(
        "", label, internal=True, refuri=app.builder.get_relative_uri(docname, unit_doc) + f"#quiz-{quiz.quiz_id}",
        quiz_id=quiz.quiz_id, fingerprint=quiz.fingerprint, questions=quiz.questions, unit=unit_doc,
    )


class OutlineDirective(GatheringDirective):
    """``:unit-label:`` names the first column ("Session"); it defaults to "Module"."""

    node_class, kind = course_outline, "outline"
    option_spec = {"unit-label": directives.unchanged_required}

    def placeholder(self) -> course_outline:
        folder = self.env.docname.rsplit("/", 1)[0] + "/"
        return course_outline(folder=folder, unit_label=self.options.get("unit-label", ""))


def course_order(includes: dict[str, list[str]], root: str, units) -> list[str]:
    """The course units in reading order: depth first through the toctrees from ``root`` (pure).

    The leadership course comes before the counter-terrorism sessions because the home page's
    toctree lists it first; nothing here names either.
    """
    wanted, order, seen = set(units), [], set()

    def walk(docname: str) -> None:
        if docname in seen:
            return
        seen.add(docname)
        if docname in wanted:
            order.append(docname)
        for child in includes.get(docname, []):
            walk(child)

    walk(root)
    return order


def units_in_course_order(env) -> list[str]:
    units = [docname for docname, _record in course_registry(env).units_of("module")]
    return course_order(env.toctree_includes, env.config.root_doc, units)


def next_unit(env, docname: str) -> str | None:
    """The unit that follows ``docname`` in the same course folder, or None at the end or off the course."""
    order = units_in_course_order(env)
    if docname not in order:
        return None
    folder = docname.rsplit("/", 1)[0] + "/"
    following = [d for d in order[order.index(docname) + 1:] if d.startswith(folder)]
    return following[0] if following else None


def format_minutes(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("%s min") % rest
    return _("%(h)s h %(m)02d min") % {"h": hours, "m": rest}


def outline_table(app, docname: str, folder: str, unit_label: str = "") -> list[nodes.Node]:
    env = app.env
    units = course_registry(env).units_of("module", folder)
    rows = []
    for unit_doc, record in units:
        title = env.titles[unit_doc].astext() if unit_doc in env.titles else unit_doc
        link = nodes.reference("", title, internal=True, refuri=app.builder.get_relative_uri(docname, unit_doc))
        rows.append([
            link, format_minutes(record["duration"]), str(len(record["objectives"])),
            quiz_status_cell(app, docname, unit_doc),
        ])
    table = simple_table(
        [unit_label or _("Module"), _("Time"), _("Objectives"), _("Self-check")], rows, [50, 15, 15, 20],
        ["course-outline"],
    )
    total = sum(record["duration"] for _d, record in units)
    summary = nodes.paragraph(classes=["course-total"])
    summary += nodes.strong("", _("Total study time:") + " ")
    summary += nodes.Text(format_minutes(total) + " " + _("(%s minutes)") % total)
    return [table, summary]


def fill_outline(app, docname: str, node: course_outline) -> list[nodes.Node]:
    return outline_table(app, docname, node["folder"], node.get("unit_label", ""))


def setup_outline(app) -> None:
    gathers("outline")
    add_placeholder(app, course_outline, fill_outline)
    app.add_node(quiz_status, html=(visit_quiz_status_html, depart_quiz_status_html))
    gathers("unit", lambda app: units_in_course_order(app.env))
    add_web_only_node(app, unit_read_marker, visit_read_marker_html)
    app.connect("doctree-read", add_read_markers)
    app.add_directive("course-outline", OutlineDirective)
