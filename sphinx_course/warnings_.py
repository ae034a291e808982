"""Every problem the course extensions report, as ``course.<subtype>``.

Each subtype can be silenced with ``suppress_warnings = ["course.<subtype>"]``
in ``conf.py``; authoring errors that would publish a broken page are errors
and cannot be silenced.
"""

from __future__ import annotations

from enum import Enum

from sphinx.util import logging

WARNING_TYPE = "course"


class CourseWarning(str, Enum):
    """The subtypes of the ``course`` warning type."""

    QUIZ = "quiz"
    """A self-check quiz is malformed."""
    QUIZ_DUPLICATE_ID = "quiz_duplicate_id"
    """Two quizzes in the site share an id."""
    METADATA = "metadata"
    """A course unit's front matter is missing or invalid."""
    OBJECTIVE_UNCHECKED = "objective_unchecked"
    """A learning objective has no self-check question tagged with it."""
    LEGAL_REVIEW_STALE = "legal_review_stale"
    """A unit's legal content was last reviewed longer ago than allowed."""
    LINK_INSECURE = "link_insecure"
    """An external link uses http:// without an allowlist entry."""
    LINK_TEXT = "link_text"
    """Link text does not describe its target ("click here", a bare URL...)."""
    AGENDA_OVERRUN = "agenda_overrun"
    """An agenda's items take longer than its format allows."""


logger = logging.getLogger("sphinx_course")


def warn(subtype: CourseWarning, message: str, location=None) -> None:
    """Emit a suppressible warning; ``-W`` turns it into a build failure."""
    logger.warning(
        message,
        type=WARNING_TYPE,
        subtype=subtype.value,
        location=location,
    )
