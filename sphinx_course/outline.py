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
from sphinx.util.docutils import SphinxDirective

from .i18n import _
from .registry import course_registry, gathers
from .tables import simple_table


class course_outline(nodes.General, nodes.Element):  # noqa: N801
    """``folder``: the units under it are listed; ``unit_label`` heads their column."""


class quiz_status(nodes.reference):  # noqa: N801
    """A link to a unit's self-check: ``refuri``, ``quiz_id``, ``fingerprint``, ``questions``.

    A reference underneath, so builders other than HTML render it as a plain link.
    """


def visit_quiz_status_html(self, node: quiz_status) -> None:
    self.body.append(
        f'<a class="reference internal quiz-status" href="{node["refuri"]}" data-quiz-status '
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
        quiz_id=quiz.quiz_id, fingerprint=quiz.fingerprint, questions=quiz.questions,
    )


class OutlineDirective(SphinxDirective):
    """``:unit-label:`` names the first column ("Session"); it defaults to "Module"."""

    option_spec = {"unit-label": directives.unchanged_required}

    def run(self):
        folder = self.env.docname.rsplit("/", 1)[0] + "/"
        course_registry(self.env).record_gathering(self.env.docname, "outline")
        node = course_outline(folder=folder, unit_label=self.options.get("unit-label", ""))
        self.set_source_info(node)
        return [node]


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


def resolve_outlines(app, doctree, docname) -> None:
    for node in list(doctree.findall(course_outline)):
        node.replace_self(outline_table(app, docname, node["folder"], node.get("unit_label", "")))


def setup_outline(app) -> None:
    gathers("outline")
    app.add_node(course_outline)
    app.add_node(quiz_status, html=(visit_quiz_status_html, depart_quiz_status_html))
    app.add_directive("course-outline", OutlineDirective)
    app.connect("doctree-resolved", resolve_outlines)
