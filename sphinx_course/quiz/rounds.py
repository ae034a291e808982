"""Quizzes gathered from the course's units: a final check per course and "review my mistakes".

``{final-check} leadership`` gathers, at build time, every question its course's units tag
``:pool:`` (the units under ``modules/leadership/``); in the browser each attempt draws
``:per-unit:`` of them from each unit (2 by default), the learner answers them all, submits,
then reviews the objectives they met and missed. ``{review-mistakes}`` gathers every question of
every course unit; the browser shows the ones this learner last got wrong.

Nothing is copied by hand: both are gathering directives whose placeholders are filled in
from the units' doctrees when the page is written (``registry.add_placeholder``), before
references are resolved, so the copies go through the page's own post-transforms. The questions keep their quiz's fingerprint and
number (``origin``), so an answer on these pages counts for the question itself in the
learner's review list. Every builder gets the gathered questions; HTML also gets the controls
that ``course-quiz-rounds.js`` drives, and any other builder prints them as a plain quiz.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.utils.smartquotes import smartyPants

from ..course.outline import units_in_course_order
from ..i18n import _
from ..registry import GatheringDirective, add_placeholder, course_registry, gathers, read_stamps
from ..warnings_ import CourseWarning, logger, warn
from ..web_only import add_web_only_node
from .directives import quiz, quiz_answer_key, quiz_key_entry, quiz_question

DEFAULT_PER_UNIT = 2
#: How many missed questions one review round shows.
REVIEW_ROUND = 5


class final_check(nodes.General, nodes.Element):  # noqa: N801
    """``course`` (the folder under ``modules/``) and ``per_unit`` (questions drawn from each unit)."""


class review_mistakes(nodes.General, nodes.Element):  # noqa: N801
    pass


class quiz_round_controls(nodes.General, nodes.Element):  # noqa: N801
    """The HTML controls of a gathered quiz: ``mode`` is "final" or "review"."""


class FinalCheckDirective(GatheringDirective):
    node_class, kind = final_check, "final-check"
    required_arguments = 1
    option_spec = {"per-unit": directives.positive_int}

    def placeholder(self) -> final_check:
        return final_check(course=self.arguments[0].strip().strip("/"),
                           per_unit=self.options.get("per-unit", DEFAULT_PER_UNIT))


class ReviewMistakesDirective(GatheringDirective):
    node_class, kind = review_mistakes, "review-mistakes"


@dataclass(frozen=True)
class Gathered:
    """One question copied from a unit's quiz, with its answer-key entry."""

    unit: str
    quiz_id: str
    fingerprint: str
    question: quiz_question
    entry: quiz_key_entry


def course_folder(course: str) -> str:
    return f"modules/{course}/"


def pool_shortfalls(pool_sizes: dict[str, int], per_unit: int) -> list[tuple[str, int]]:
    """The units whose pool holds fewer questions than a final check draws from each (pure)."""
    return [(unit, size) for unit, size in pool_sizes.items() if size < per_unit]


def gather(env, units: list[str], pool_only: bool) -> list[Gathered]:
    """The questions of ``units``' quizzes, in course order (only ``:pool:`` ones if asked)."""
    found = []
    for unit in units:
        for quiz_node in env.get_doctree(unit).findall(quiz):
            entries = {entry["number"]: entry for entry in quiz_node.findall(quiz_key_entry)}
            for question in quiz_node.findall(quiz_question):
                if pool_only and not question.get("pool"):
                    continue
                found.append(Gathered(unit, quiz_node["quiz_id"], quiz_node["fingerprint"],
                                      question, entries[question["number"]]))
    return found


def objective_text(env, unit: str, objective: str) -> str:
    """The objective as its unit's header shows it (with the same typographic quotes)."""
    for item in course_registry(env).units.get(unit, {}).get("objectives", []):
        if item.get("id") == objective:
            text = str(item.get("text", objective))
            return smartyPants(text, attr="qDe", language=env.config.language or "en") if env.config.smartquotes else text
    return objective


def gathered_quiz(env, quiz_id: str, title: str, gathered: list[Gathered], **attributes) -> quiz:
    """A quiz made of copies of other quizzes' questions, numbered afresh, with its answer key."""
    origins = [f"{g.quiz_id}/{g.question['number']}:{g.fingerprint}" for g in gathered]
    fingerprint = hashlib.sha256("\n".join([quiz_id, *origins]).encode()).hexdigest()[:12]
    root = quiz(quiz_id=quiz_id, title=title, fingerprint=fingerprint, questions=len(gathered), **attributes)
    key = quiz_answer_key(title=title)
    for number, item in enumerate(gathered, start=1):
        question = item.question.deepcopy()
        question.attributes.update({
            "number": number, "total": len(gathered), "origin": f"{item.quiz_id}/{item.question['number']}",
            "origin_fp": item.fingerprint, "unit": item.unit,
            "objective_text": objective_text(env, item.unit, item.question["objective"]),
        })
        root += question
        entry = item.entry.deepcopy()
        entry["number"] = number
        key += entry
    root += key
    return root


def course_units(env, course: str) -> list[str]:
    folder = course_folder(course)
    return [unit for unit in units_in_course_order(env) if unit.startswith(folder)]


def fill_final_check(app, docname: str, node: final_check) -> list[nodes.Node]:
    env, course, per_unit = app.env, node["course"], node["per_unit"]
    units = course_units(env, course)
    if not units:
        logger.error(
            f'{{final-check}} names the course "{course}", but {course_folder(course)} holds no course units. '
            "Name a folder under modules/, such as leadership. [course.final_check]",
            location=node,
        )
        return []
    gathered = gather(env, units, pool_only=True)
    sizes = {unit: sum(1 for g in gathered if g.unit == unit) for unit in units}
    short = pool_shortfalls(sizes, per_unit)
    if short:
        listed = "; ".join(f"{env.titles[unit].astext()} has {size}" for unit, size in short)
        warn(CourseWarning.FINAL_CHECK_POOL,
             f'The final check of "{course}" draws {per_unit} questions from each unit, but some units tag '
             f"fewer with :pool: ({listed}). Tag more questions, or lower :per-unit:; until then each attempt "
             "draws what there is.",
             location=node)
    title = _("Final check: %s") % env.titles[f"{course_folder(course)}index"].astext() \
        if f"{course_folder(course)}index" in env.titles else _("Final check")
    if not gathered:
        return [nodes.paragraph("", _("No question of this course is in the final check's pool yet."))]
    # The controls follow the questions: Submit after the last one, the results under it.
    return [gathered_quiz(env, f"final-{course}", title, gathered, mode="final", per_unit=per_unit),
            quiz_round_controls(mode="final", per_unit=per_unit)]


def fill_review(app, docname: str, node: review_mistakes) -> list[nodes.Node]:
    gathered = gather(app.env, units_in_course_order(app.env), pool_only=False)
    if not gathered:
        return [nodes.paragraph("", _("The course has no self-check questions yet."))]
    return [gathered_quiz(app.env, "review-mistakes", _("Review my mistakes"), gathered, mode="review"),
            quiz_round_controls(mode="review", per_unit=REVIEW_ROUND)]


def visit_controls_html(self, node: quiz_round_controls) -> None:
    """The controls the script shows: for a final check, its record, Submit and a new attempt;
    for a review, how many questions are due and a new round. Results are announced politely."""
    button = '<button type="button" class="quiz-button" data-action="{action}"{hidden}>{text}</button> '
    if node["mode"] == "final":
        buttons = (button.format(action="submit", hidden="", text=self.encode(_("Submit my answers")))
                   + button.format(action="new-attempt", hidden=" hidden", text=self.encode(_("Start a new attempt"))))
    else:
        buttons = button.format(action="new-round", hidden="", text=self.encode(_("Start a new round")))
    self.body.append(
        f'<div class="quiz-round" data-round="{node["mode"]}" data-round-size="{node["per_unit"]}" hidden>'
        '<div class="quiz-round-results" data-round-results tabindex="-1" hidden></div>'
        '<p class="quiz-round-record" data-round-record></p>'
        f'<p class="quiz-round-status" role="status" data-round-status></p><p>{buttons.strip()}</p></div>\n'
    )
    raise nodes.SkipNode


def rounds_inputs(app):
    """Both copy questions from every course unit."""
    return read_stamps(app.env, units_in_course_order(app.env))


def setup_quiz_rounds(app) -> None:
    gathers(FinalCheckDirective.kind, rounds_inputs)
    gathers(ReviewMistakesDirective.kind, rounds_inputs)
    add_placeholder(app, final_check, fill_final_check)
    add_placeholder(app, review_mistakes, fill_review)
    add_web_only_node(app, quiz_round_controls, visit_controls_html)
    app.add_directive("final-check", FinalCheckDirective)
    app.add_directive("review-mistakes", ReviewMistakesDirective)
