"""The assessment lint at build time, and the trainer's assessment report.

At ``env-check-consistency`` every question recorded by the quiz directive is
linted per course (:mod:`.lint`); findings are ``course.quiz_lint.<check>``
warnings at the question, or, with ``course_quiz_lint = "report"``, only listed
on the report. ``{assessment-report}`` renders, in the trainer edition only, the
figures per course and per quiz, what each question checks, and every finding.
"""

from __future__ import annotations

import os
from pathlib import Path

from docutils import nodes

from ..config import course_config, setting_location
from ..helpers import simple_table
from ..i18n import N_, _
from ..registry import GatheringDirective, add_placeholder, course_registry, gathers
from ..warnings_ import CourseWarning, logger, warn
from .directives import _front_matter_objectives
from .lint import Figures, Finding, LintQuestion, figures, lint, unused_allowances


class assessment_report(nodes.General, nodes.Element):  # noqa: N801
    pass


class AssessmentReportDirective(GatheringDirective):
    node_class, kind = assessment_report, "assessment-report"


def questions_by_course(env) -> dict[str, list[tuple[str, LintQuestion]]]:
    """(docname, question) pairs per course (the folder of the quiz's page), in page then question order."""
    courses: dict[str, list[tuple[str, LintQuestion]]] = {}
    for record in course_registry(env).all_quizzes():
        courses.setdefault(record.section, []).extend((record.docname, q) for q in record.lint)
    return courses


def is_course(app, course: str) -> bool:
    """A folder of course units (``modules/leadership``), whose keys are balanced as a whole."""
    return any((course + "/").startswith(folder) for folder in course_config(app).course_unit_folders)


def findings(app) -> list[Finding]:
    courses = {course: [q for _d, q in pairs] for course, pairs in questions_by_course(app.env).items()}
    return lint(courses, course_config(app).course_quiz_lint_allow, [c for c in courses if is_course(app, c)])


def run_lint(app, env) -> None:
    courses = {course: [q for _d, q in pairs] for course, pairs in questions_by_course(env).items()}
    for problem in unused_allowances(courses, course_config(app).course_quiz_lint_allow):
        logger.error(f"{problem} [course.config]",
                     location=setting_location(Path(app.confdir, "conf.py"), "course_quiz_lint_allow"))
    found = findings(app)
    if course_config(app).course_quiz_lint == "report":
        if found:
            logger.info(f"assessment lint: {len(found)} findings, listed on the assessment report only "
                        '(course_quiz_lint = "report")')
        return
    for finding in found:
        warn(CourseWarning("quiz_lint." + finding.check), finding.message, location=finding.location)


def report_inputs(app):
    """The report shows every question's lint record, lines included, and the lint settings."""
    settings = course_config(app)
    if settings.course_edition != "trainer":
        return None
    return repr((questions_by_course(app.env), settings.course_quiz_lint_allow))


def _figure_cells(numbers: Figures, flags: int) -> list[str]:
    types = ", ".join(f"{name} {count}" for name, count in sorted(numbers.by_type.items()))
    rights = ", ".join(str(count) for count in numbers.multiple_rights) or "–"
    return [
        str(numbers.questions), types,
        f"{numbers.keyed_true} / {numbers.truefalse} ({numbers.true_share}%)" if numbers.truefalse else "–",
        f"{numbers.right_first} / {numbers.choice} ({numbers.right_first_share}%)" if numbers.choice else "–",
        f"{numbers.right_longest} / {numbers.single} ({numbers.right_longest_share}%)" if numbers.single else "–",
        rights, str(flags),
    ]


FIGURE_HEADERS = (N_("Questions"), N_("By type"), N_("True/false keyed True"), N_("Right option first"),
                  N_("Right option longest (single)"), N_("Right options (multiple)"), N_("Flags"))


def _objective_texts(env, docname: str) -> dict[str, str]:
    unit = course_registry(env).units.get(docname) or {}
    listed = unit.get("objectives") or _front_matter_objectives(env.doc2path(docname))
    return {str(o.get("id")): str(o.get("text", "")) for o in listed if isinstance(o, dict)}


def _relative(app, source: str) -> str:
    return os.path.relpath(source, app.srcdir)


def course_section(app, docname: str, course: str, pairs: list[tuple[str, LintQuestion]],
                   found: list[Finding]) -> nodes.container:
    env = app.env
    index = f"{course}/index"
    title = env.titles[index].astext() if index in env.titles else course
    # Rubrics, not sections: the report is generated after the page's headings are collected.
    section = nodes.container(ids=["assessment-" + course.replace("/", "-").replace(".", "site")],
                              classes=["assessment-course"])
    section += nodes.rubric("", _("Course: %s") % title)
    section += nodes.paragraph("", _("Pages under %s/.") % course + " " + (
        _("Balance is checked over the whole course.") if is_course(app, course)
        else _("Not a course: only the checks of single questions run here.")))
    course_findings = [f for f in found if f.course == course]
    headers = [_(h) for h in FIGURE_HEADERS]
    section += simple_table(headers, [_figure_cells(figures(q for _d, q in pairs), len(course_findings))],
                            [1] * len(headers), ["assessment-figures"])

    section += nodes.rubric("", _("Per quiz"))
    quizzes: dict[str, list[LintQuestion]] = {}
    pages: dict[str, str] = {}
    for page, question in pairs:
        quizzes.setdefault(question.quiz_id, []).append(question)
        pages[question.quiz_id] = page
    rows = []
    for quiz_id, questions in quizzes.items():
        flags = len([f for f in course_findings if f.quiz_id == quiz_id])
        rows.append([_link(app, docname, pages[quiz_id], quiz_id, quiz_id)] + _figure_cells(figures(questions), flags))
    section += simple_table([_("Quiz")] + headers, rows, [1] * (len(headers) + 1), ["assessment-quizzes"])

    section += nodes.rubric("", _("What each question checks"))
    rows = []
    for page, question in pairs:
        texts = _objective_texts(env, page)
        checks = [f.check for f in course_findings if f.quiz_id == question.quiz_id and f.number == question.number]
        allowed = [f"{check} ({reason})" for check, reason in question.allowed]
        rows.append([
            _link(app, docname, page, f"{question.quiz_id}-q{question.number}",
                  f"{question.quiz_id} {question.number}"),
            question.qtype,
            texts.get(question.objective, question.objective) or _("(no objective)"),
            ", ".join(checks) or "–",
            "; ".join(allowed) or "–",
        ])
    section += simple_table([_("Question"), _("Type"), _("Objective"), _("Flags"), _("Allowed, with reason")],
                            rows, [2, 1, 5, 2, 3], ["assessment-questions"])

    section += nodes.rubric("", _("Findings"))
    if course_findings:
        items = nodes.bullet_list()
        for finding in course_findings:
            source, _sep, line = finding.location.rpartition(":")
            text = f"{finding.check}: {finding.message} ({_relative(app, source)}:{line})"
            items += nodes.list_item("", nodes.paragraph("", text))
        section += items
    else:
        section += nodes.paragraph("", _("None: every check passes."))
    return section


def _link(app, here: str, page: str, anchor: str, text: str) -> nodes.Node:
    if app.builder.format != "html":
        return nodes.Text(text)
    uri = app.builder.get_relative_uri(here, page) + "#quiz-" + anchor
    return nodes.reference("", text, internal=True, refuri=uri)


def fill_report(app, docname: str, node: assessment_report) -> list[nodes.Node]:
    settings = course_config(app)
    if settings.course_edition != "trainer":
        return [nodes.paragraph(
            "", _("The assessment report is part of the trainer edition, which is not published on this site.")
        )]
    found = findings(app)
    # Not marked trainer-only: it quotes public text (objectives, the answer keys' figures), which the
    # leak checks would take for trainer text; the learner edition gets only the line above.
    box = nodes.container(classes=["assessment-report"])
    mode = settings.course_quiz_lint
    box += nodes.paragraph("", _(
        "Figures from the answer keys as written in the source. The lint is set to \"%s\": "
    ) % mode + (_("each finding below fails the strict build.") if mode == "warn"
                else _("findings are listed here only and do not fail the build.")))
    for course, pairs in sorted(questions_by_course(app.env).items()):
        box += course_section(app, docname, course, pairs, found)
    return [box]


def setup_quiz_report(app) -> None:
    gathers(AssessmentReportDirective.kind, report_inputs)
    add_placeholder(app, assessment_report, fill_report)
    app.add_directive("assessment-report", AssessmentReportDirective)
    app.connect("env-check-consistency", run_lint)
