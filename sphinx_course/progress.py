"""``{course-progress}``: the learner's progress across every quiz in the site.

The table of quizzes is written at build time from the course registry, so
the page works from ``file://`` with no fetch; ``course-progress.js`` fills in
what this browser has stored.
"""

from __future__ import annotations

from itertools import groupby

from docutils import nodes

from .course_index import section_title
from .i18n import _
from .registry import AggregateDirective, course_registry, gathers
from .web_only import add_web_only_node


class course_progress(nodes.General, nodes.Element):  # noqa: N801
    pass


class ProgressDirective(AggregateDirective):
    node_class, kind = course_progress, "progress"


def visit_progress_html(self, node) -> None:
    env = self.builder.env
    here = self.builder.current_docname
    quizzes = course_registry(env).all_quizzes()
    out = self.body
    out.append('<div class="course-progress" data-progress>\n')
    out.append(
        f'<p class="progress-overall" role="status" data-overall>'
        f'{self.encode(_("%s quizzes in the course.") % len(quizzes))}</p>\n'
    )
    for section, records in groupby(quizzes, key=lambda q: q.section):
        records = list(records)
        heading = section_title(env, section)
        out.append(f'<h2>{self.encode(heading)}</h2>\n<div class="table-wrapper"><table class="progress-table">\n')
        out.append(
            f'<thead><tr><th scope="col">{self.encode(_("Quiz"))}</th><th scope="col">{self.encode(_("Questions"))}</th>'
            f'<th scope="col">{self.encode(_("Best score"))}</th><th scope="col">{self.encode(_("Status"))}</th></tr></thead>\n<tbody>\n'
        )
        for quiz in records:
            link = self.builder.get_relative_uri(here, quiz.docname) + f"#quiz-{quiz.quiz_id}"
            page_title = env.titles[quiz.docname].astext() if quiz.docname in env.titles else quiz.docname
            out.append(
                f'<tr data-quiz-id="{quiz.quiz_id}" data-fingerprint="{quiz.fingerprint}" data-questions="{quiz.questions}">'
                f'<th scope="row"><a href="{link}">{self.encode(page_title)}</a></th>'
                f"<td>{quiz.questions}</td><td data-best>–</td>"
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
    gathers(ProgressDirective.kind)
    add_web_only_node(app, course_progress, visit_progress_html)
    app.add_directive("course-progress", ProgressDirective)
