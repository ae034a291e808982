"""``{course-progress}`` and ``{course-continue}``: where the learner stands across the course units.

The table of quizzes is written at build time from the course registry, in course
order (the leadership course, then the counter-terrorism sessions, as the home
page's toctree lists them), so the page works from ``file://`` with no fetch;
``course-progress.js`` fills in what this browser has stored. Quizzes on pages
that are not course units (the authoring guide's examples) are left out: they
are demonstrations, not progress.

``{course-continue}`` is one line for the home page: "Continue where you left
off", shown only once this browser has progress.
"""

from __future__ import annotations

import json
from itertools import groupby

from docutils import nodes

from ..i18n import _
from ..registry import GatheringDirective, course_registry, gathers, section_of
from ..web_only import add_web_only_node
from .course_index import section_title
from .outline import units_in_course_order


class course_progress(nodes.General, nodes.Element):  # noqa: N801
    pass


class course_continue(nodes.General, nodes.Element):  # noqa: N801
    pass


class ProgressDirective(GatheringDirective):
    node_class, kind = course_progress, "progress"


class ContinueDirective(GatheringDirective):
    node_class, kind = course_continue, "continue"


def course_quizzes(env) -> list:
    """The first quiz of each course unit, in course order; quizzes elsewhere do not count."""
    quizzes = course_registry(env).quizzes
    return [quizzes[docname][0] for docname in units_in_course_order(env) if quizzes.get(docname)]


def continue_line(self, units: list[dict]) -> str:
    """An empty line the script fills with a link to the unit to continue with; ``units`` in course order."""
    data = json.dumps(units, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return (
        f'<p class="course-continue" data-course-continue hidden></p>'
        f'<script type="application/json" class="course-units">{data}</script>\n'
    )


def unit_entries(self, quizzes) -> list[dict]:
    env, here = self.builder.env, self.builder.current_docname
    return [
        {"unit": quiz.docname, "href": self.builder.get_relative_uri(here, quiz.docname),
         "title": env.titles[quiz.docname].astext(), "quiz": quiz.quiz_id, "fp": quiz.fingerprint}
        for quiz in quizzes
    ]


def visit_continue_html(self, node) -> None:
    self.body.append(continue_line(self, unit_entries(self, course_quizzes(self.builder.env))))
    raise nodes.SkipNode


def visit_progress_html(self, node) -> None:
    env = self.builder.env
    here = self.builder.current_docname
    quizzes = course_quizzes(env)
    out = self.body
    out.append('<div class="course-progress" data-progress>\n')
    out.append(
        f'<p class="progress-overall" role="status" data-overall>'
        f'{self.encode(_("%s quizzes in the course.") % len(quizzes))}</p>\n'
    )
    out.append(continue_line(self, unit_entries(self, quizzes)))
    for section, grouped in groupby(quizzes, key=lambda q: section_of(q.docname)):
        records = list(grouped)
        heading = section_title(env, section)
        out.append(f'<h2>{self.encode(heading)}</h2>\n<div class="table-wrapper"><table class="progress-table">\n')
        out.append(
            # Three columns, the question count under each title, so the table fits a 320 px phone.
            f'<thead><tr><th scope="col">{self.encode(_("Unit"))}</th>'
            f'<th scope="col">{self.encode(_("Best score"))}</th><th scope="col">{self.encode(_("Status"))}</th></tr></thead>\n<tbody>\n'
        )
        for quiz in records:
            link = self.builder.get_relative_uri(here, quiz.docname)
            page_title = env.titles[quiz.docname].astext() if quiz.docname in env.titles else quiz.docname
            out.append(
                f'<tr data-quiz-id="{quiz.quiz_id}" data-fingerprint="{quiz.fingerprint}" data-questions="{quiz.questions}" '
                f'data-unit="{quiz.docname}">'
                f'<th scope="row"><a href="{link}">{self.encode(page_title)}</a> '
                f'<span class="progress-questions">{self.encode(_("%s questions") % quiz.questions)}</span></th>'
                f"<td data-best>–</td>"
                f'<td data-status>{self.encode(_("Not started"))}</td></tr>\n'
            )
        out.append("</tbody></table></div>\n")
    out.append(
        '<div class="progress-actions" hidden>'
        f'<button type="button" class="quiz-button" data-action="export">{self.encode(_("Export my progress"))}</button> '
        f'<label class="quiz-button progress-import">{self.encode(_("Import progress"))}'
        '<input type="file" accept="application/json,.json" data-action="import"></label> '
        f'<button type="button" class="quiz-button" data-action="clear">{self.encode(_("Reset all progress"))}</button>'
        '<p class="progress-message" role="status" data-message></p></div>\n'
    )
    out.append("</div>\n")
    raise nodes.SkipNode


def setup_progress(app) -> None:
    # Both list the units in course order, which the shared inputs (titles, quizzes, units) omit.
    gathers(ProgressDirective.kind, lambda app: units_in_course_order(app.env))
    gathers(ContinueDirective.kind, lambda app: units_in_course_order(app.env))
    add_web_only_node(app, course_progress, visit_progress_html)
    add_web_only_node(app, course_continue, visit_continue_html)
    app.add_directive("course-progress", ProgressDirective)
    app.add_directive("course-continue", ContinueDirective)
