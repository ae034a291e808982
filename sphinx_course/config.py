"""Every ``course_*`` setting in one place, with its default and what it does."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class CourseConfig:
    course_edition: str = field(
        default="learner",
        metadata={"help": '"learner" drops trainer-only content from every output; "trainer" keeps it.'},
    )
    course_quiz_require_feedback: bool = field(
        default=True,
        metadata={"help": "Every choice option needs feedback unless a quiz says :feedback: optional."},
    )
    course_legal_review_max_months: int = field(
        default=12,
        metadata={"help": "Warn when a unit's legal-review date is older than this many months."},
    )
    course_review_reference_date: str = field(
        default="",
        metadata={"help": "ISO date the legal-review age is measured from; empty means today."},
    )
    course_privacy_page: str = field(
        default="docs/about/privacy",
        metadata={"help": "Docname of the page that explains what is stored on the device."},
    )
    course_storage_namespace: str = field(
        default="aipol.v1",
        metadata={"help": "Prefix of every localStorage key the site writes; bump the version to start afresh."},
    )
    course_http_allowlist: dict = field(
        default_factory=dict,
        metadata={"help": "http:// URLs allowed in links, each mapped to the reason it cannot be https."},
    )
    course_slides_path: str = field(
        default="slides",
        metadata={"help": "Where the trainer edition publishes the slide decks, relative to its root."},
    )
    course_deck_site: str = field(
        default="..",
        metadata={"help": "In the slide build: the trainer edition's root, relative to the decks' root (for links back)."},
    )
    course_deck_index: str = field(
        default="docs/trainers/decks",
        metadata={"help": "The trainer edition's page listing every deck; each deck links back to it."},
    )
    course_theme_fixes: bool = field(
        default=True,
        metadata={"help": "Apply the site's repairs to the stock theme; off only to measure the stock theme."},
    )
    course_unit_folders: tuple = field(
        default=("modules/",),
        metadata={"help": "Pages under these folders are course units and must carry unit metadata."},
    )


def register_config(app) -> None:
    defaults = CourseConfig()
    for spec in fields(CourseConfig):
        value: Any = getattr(defaults, spec.name)
        app.add_config_value(spec.name, value, "env", description=spec.metadata["help"])
