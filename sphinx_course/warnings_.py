"""Every problem the course extensions report, as ``course.<subtype>``.

Each subtype can be silenced with ``suppress_warnings = ["course.<subtype>"]``
in ``conf.py``; authoring errors that would publish a broken page are errors
and cannot be silenced.
"""

from __future__ import annotations

from enum import Enum

from sphinx.util import logging

from .quiz.lint import CHECKS

WARNING_TYPE = "course"


class CourseWarning(str, Enum):
    """The subtypes of the ``course`` warning type."""

    OBJECTIVE_UNCHECKED = "objective_unchecked"
    LEGAL_REVIEW_STALE = "legal_review_stale"
    LINK_INSECURE = "link_insecure"
    LINK_TEXT = "link_text"
    AGENDA_OVERRUN = "agenda_overrun"
    MILESTONE_TYPED = "milestone_typed"
    LAW_AS_OF_MISSING = "law_as_of_missing"
    TOOL_AS_OF = "tool_as_of"
    WORLD_NAME = "world_name"
    WORLD_PLACE = "world_place"
    MISCONCEPTION_PLAIN = "misconception_plain"
    FINAL_CHECK_POOL = "final_check_pool"
    I18N_TERM = "i18n_term"
    # The assessment lint (quiz_lint.CHECKS): one subtype per check, "quiz_lint.<check>".
    QUIZ_LINT_TF_BALANCE = "quiz_lint.tf_balance"
    QUIZ_LINT_RIGHT_LONGEST = "quiz_lint.right_longest"
    QUIZ_LINT_RIGHT_FIRST = "quiz_lint.right_first"
    QUIZ_LINT_MULTIPLE_ALL_FIRST = "quiz_lint.multiple_all_first"
    QUIZ_LINT_MULTIPLE_COUNT_FIXED = "quiz_lint.multiple_count_fixed"
    QUIZ_LINT_ALL_OF_THE_ABOVE = "quiz_lint.all_of_the_above"
    QUIZ_LINT_FEEDBACK_MISSING = "quiz_lint.feedback_missing"
    QUIZ_LINT_FEEDBACK_BARE = "quiz_lint.feedback_bare"


WARNING_HELP = {
    CourseWarning.OBJECTIVE_UNCHECKED: "A learning objective has no self-check question tagged with it.",
    CourseWarning.LEGAL_REVIEW_STALE: "A unit's legal content was last reviewed longer ago than "
    "course_legal_review_max_months allows.",
    CourseWarning.LINK_INSECURE: "An external link uses http:// and course_http_allowlist does not name it.",
    CourseWarning.LINK_TEXT: 'Link text does not describe its target ("click here", "read more", a bare URL).',
    CourseWarning.AGENDA_OVERRUN: "An agenda's items take longer than the :length: its format allows.",
    CourseWarning.MILESTONE_TYPED: "A page types the date of a legal milestone by hand instead of {milestone}`id`.",
    CourseWarning.LAW_AS_OF_MISSING: "A page with legal content has no 'Law as of' box.",
    CourseWarning.TOOL_AS_OF: "A screening tool's 'as_of' date differs from the site's 'Law as of' date (course_law_as_of).",
    CourseWarning.WORLD_NAME: "An exercise or scenario names an agency, organisation, company, product, medium or "
    "place that the world bible (docs/authoring/world.yaml) does not list.",
    CourseWarning.WORLD_PLACE: "An exercise or scenario uses a place or public body that the world bible puts in "
    "another country than the one the page is set in.",
    CourseWarning.MISCONCEPTION_PLAIN: "A {misconception} tag gives only a slug, not a plain-language sentence "
    "before it (Sentence <slug>); trainers' answer keys show the sentence.",
    CourseWarning.FINAL_CHECK_POOL: "A unit tags fewer questions with :pool: than its course's {final-check} draws "
    "from each unit (:per-unit:).",
    CourseWarning.I18N_TERM: "A published translation misses a fixed term of its language's term list "
    "(locales/<lang>/terms.yaml), or the language has no term list.",
}
WARNING_HELP.update({CourseWarning("quiz_lint." + check): "Assessment lint: " + text for check, text in CHECKS.items()})

#: Problems that would publish a broken page. They are errors, tagged ``[course.<tag>]``
#: in the message, and cannot be silenced.
AUTHORING_ERRORS = {
    "config": "A course_* setting in conf.py (or given with -D) has the wrong type or value; its default is used.",
    "quiz": "A self-check quiz is malformed: no correct option, an option without feedback, an unknown type...",
    "quiz_duplicate_id": "Two quizzes in the site share an id.",
    "metadata": "A module's or exercise's front matter is missing or invalid, or an exercise lacks a required part.",
    "agenda": "An agenda line is not a page, an activity or a break, or names a page without a duration.",
    "tool": "A questionnaire data file is invalid, or links to a page that does not exist.",
    "slides": "A slide deck names a trainer part, quiz question, objective or takeaway its module does not have.",
    "cards": "A campaign card's message is too long, or it links to a page that does not exist.",
    "source": "A link cites a mirror, relay or unofficial host, a crawler leftover or a non-English EU page.",
    "timeline": "The legal timeline file is invalid, a milestone id is unknown, or a page has two 'Law as of' boxes.",
    "raw_html": "A page source carries raw HTML (anything but a comment) or a link or image address that runs "
    "script (javascript:, vbscript:, data:); pages in course_raw_html_allowlist may carry raw HTML.",
    "debrief": "A scenario debrief is empty or has a malformed :id:.",
    "rubric": "A rubric file is missing, not valid YAML, or lacks 5-7 criteria that each describe every level.",
    "world": "The world bible (docs/authoring/world.yaml) is not valid YAML or an entry lacks a name or summary.",
    "final_check": "A {final-check} names a course folder that holds no course units.",
    "scenario": "A {discussion-questions} block holds something other than one numbered list.",
    "handout": "A {handout} names a page that is not a module or session, or its page's heading is not that "
    "unit's title; or a unit has no handout page for {handouts} to list.",
    "i18n": "A translated edition cannot be built (no message templates: run make gettext), a language is not in "
    "course_languages, or a term list is invalid.",
    "case": "A {case} role names a case with no page in docs/cases/, or a case page lacks a one-line summary.",
}


logger = logging.getLogger("sphinx_course")


def warn(subtype: CourseWarning, message: str, location=None) -> None:
    """Emit a suppressible warning; ``-W`` turns it into a build failure."""
    logger.warning(
        message,
        type=WARNING_TYPE,
        subtype=subtype.value,
        location=location,
    )

