"""Every problem the course extensions report, as ``course.<subtype>``.

Each subtype can be silenced with ``suppress_warnings = ["course.<subtype>"]``
in ``conf.py``; authoring errors that would publish a broken page are errors
and cannot be silenced.
"""

from __future__ import annotations

import logging as pylogging
from enum import Enum

from sphinx.util import logging

WARNING_TYPE = "course"


class CourseWarning(str, Enum):
    """The subtypes of the ``course`` warning type."""

    OBJECTIVE_UNCHECKED = "objective_unchecked"
    LEGAL_REVIEW_STALE = "legal_review_stale"
    LINK_INSECURE = "link_insecure"
    LINK_TEXT = "link_text"
    AGENDA_OVERRUN = "agenda_overrun"
    WORLD_NAME = "world_name"


WARNING_HELP = {
    CourseWarning.OBJECTIVE_UNCHECKED: "A learning objective has no self-check question tagged with it.",
    CourseWarning.LEGAL_REVIEW_STALE: "A unit's legal content was last reviewed longer ago than "
    "course_legal_review_max_months allows.",
    CourseWarning.LINK_INSECURE: "An external link uses http:// and course_http_allowlist does not name it.",
    CourseWarning.LINK_TEXT: 'Link text does not describe its target ("click here", "read more", a bare URL).',
    CourseWarning.AGENDA_OVERRUN: "An agenda's items take longer than the :length: its format allows.",
    CourseWarning.WORLD_NAME: "A scenario names an agency (\"... Police Service\", \"... Authority\") that the world "
    "bible (docs/authoring/world.yaml) does not list.",
}

#: Problems that would publish a broken page. They are errors, tagged ``[course.<tag>]``
#: in the message, and cannot be silenced.
AUTHORING_ERRORS = {
    "config": "A course_* setting in conf.py (or given with -D) has the wrong type or value; its default is used.",
    "quiz": "A self-check quiz is malformed: no correct option, an option without feedback, an unknown type...",
    "quiz_duplicate_id": "Two quizzes in the site share an id.",
    "metadata": "A module's or exercise's front matter is missing or invalid, or an exercise lacks a required part.",
    "agenda": "An agenda line is not a page, an activity or a break, or names a page without a duration.",
    "tool": "A questionnaire data file is invalid, or links to a page that does not exist.",
    "cards": "A campaign card's message is too long, or it links to a page that does not exist.",
    "debrief": "A scenario debrief is empty or has a malformed :id:.",
    "rubric": "A rubric file is missing, not valid YAML, or lacks 5-7 criteria that each describe every level.",
    "world": "The world bible (docs/authoring/world.yaml) is not valid YAML or an entry lacks a name or summary.",
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


class _AuthoringErrorCounter(pylogging.Handler):
    """Counts the course's authoring errors as Sphinx reports them.

    Attached to Sphinx's own logger, it sees errors raised while reading in parallel
    too, since Sphinx re-emits those in the main process.
    """

    def __init__(self) -> None:
        super().__init__(level=pylogging.ERROR)
        self.count = 0

    def emit(self, record: pylogging.LogRecord) -> None:
        if "[course." in str(record.msg):
            self.count += 1


def count_authoring_errors(app) -> None:
    counter = _AuthoringErrorCounter()
    app._course_error_counter = counter
    pylogging.getLogger(logging.NAMESPACE).addHandler(counter)


def fail_on_authoring_errors(app, exception) -> None:
    """An authoring error fails the build with or without -W: the page it broke is not fit to publish.

    Without this, a build without -W (sphinx-autobuild, an editor preview, a caller that
    overrides SPHINXOPTS) would exit 0 with the broken quiz or agenda silently left out.
    """
    counter = getattr(app, "_course_error_counter", None)
    if counter is None:
        return
    pylogging.getLogger(logging.NAMESPACE).removeHandler(counter)
    if exception is None and counter.count:
        app.statuscode = 1
        logger.info(
            "%d authoring error%s above: the build failed, and nothing from it should be published.",
            counter.count, "" if counter.count == 1 else "s",
        )


def setup_warnings(app) -> None:
    app.connect("builder-inited", count_authoring_errors)
    app.connect("build-finished", fail_on_authoring_errors)
