"""Every ``course_*`` setting in one place: its type, default, check and what it does.

The settings are validated once, when the configuration is read, so a bad value
in ``conf.py`` (or passed with ``-D``) stops the build with one message naming
the setting, never a traceback from deep inside a later step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

from sphinx.config import Config
from sphinx.util import logging

from .quiz.lint import LINT_MODES, allow_problems

logger = logging.getLogger(__name__)

#: The policy of docs/about/security-headers.conf, less ``frame-ancestors``, which a
#: ``<meta>`` tag cannot carry (browsers ignore it there). A test keeps the two equal.
META_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


def _iso_date_or_empty(empty_means: str):
    """A check for an ISO date or "", where "" means ``empty_means`` (said in the message)."""

    def check(value: Any) -> str | None:
        if value == "":
            return None
        try:
            date.fromisoformat(value)
        except (TypeError, ValueError):
            return f"is not a date in the form YYYY-MM-DD (for example 2026-11-29), or empty {empty_means}"
        return None

    return check


def _one_of(*choices: str):
    def check(value: Any) -> str | None:
        if value in choices:
            return None
        return "must be " + " or ".join(f'"{choice}"' for choice in choices)

    return check


def _positive(value: Any) -> str | None:
    return None if value > 0 else "must be a whole number above 0"


def _strings_mapped_to_strings(value: Any) -> str | None:
    if all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return None
    return "must map each URL (a string) to the reason it is allowed (a string)"


def _strings(value: Any) -> str | None:
    return None if all(isinstance(item, str) for item in value) else "must list folder names as strings"


def _class_names(value: Any) -> str | None:
    if all(isinstance(item, str) and item.strip() for item in value):
        return None
    return "must list class names, each a non-empty string"


def _names(value: Any) -> str | None:
    if value and all(isinstance(item, str) and item.strip() for item in value):
        return None
    return "must list at least one name, each a non-empty string"


def _labelled_slugs(value: Any) -> str | None:
    if value and all(isinstance(k, str) and k and isinstance(v, str) and v for k, v in value.items()):
        return None
    return "must map each track's slug (a string) to its label (a string), with at least one track"


def _language_names(value: Any) -> str | None:
    if all(isinstance(k, str) and re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", k) and isinstance(v, str) and v.strip()
           for k, v in value.items()):
        return None
    return "must map each language code (such as \"fr\") to the language's name in that language"


#: The Toolkit's five core principles, as exercises and screening rules name them.
DEFAULT_PRINCIPLES = ("Lawfulness", "Minimization of Harm", "Human Autonomy", "Fairness", "Good Governance")
#: The site's courses: each exercise belongs to one, by its slug.
DEFAULT_TRACKS = {"leadership": "Leadership course", "counter-terrorism": "Counter-terrorism"}


@dataclass(frozen=True)
class CourseConfig:
    course_edition: str = field(
        default="learner",
        metadata={"help": '"learner" drops trainer-only content from every output; "trainer" keeps it.',
                  "check": _one_of("learner", "trainer")},
    )
    course_quiz_require_feedback: bool = field(
        default=True,
        metadata={"help": "Every choice option needs feedback unless a quiz says :feedback: optional."},
    )
    course_misconception_plain_check: bool = field(
        default=True,
        metadata={"help": "Warn (course.misconception_plain) on a {misconception} tag with no sentence."},
    )
    course_quiz_lint: str = field(
        default="warn",
        metadata={"help": 'The assessment lint: "warn" reports each finding as a course.quiz_lint.<check> warning '
                          '(so a strict build fails); "report" only lists them on the trainer\'s assessment report.',
                  "check": _one_of(*LINT_MODES)},
    )
    course_quiz_lint_allow: dict = field(
        default_factory=dict,
        metadata={"help": "Assessment-lint checks allowed by name: {check: {course folder, quiz id or "
                          "\"quiz-id/question number\": reason}}. Every entry needs a reason.",
                  "check": allow_problems},
    )
    course_legal_review_max_months: int = field(
        default=12,
        metadata={"help": "Warn when a unit's legal-review date is older than this many months.",
                  "check": _positive},
    )
    course_review_reference_date: str = field(
        default="",
        metadata={"help": "ISO date the legal-review age is measured from; empty means today.",
                  "check": _iso_date_or_empty("for today")},
    )
    course_law_as_of: str = field(
        default="",
        metadata={"help": "Default date (YYYY-MM-DD) of the 'Law as of' box on pages with legal content.",
                  "check": _iso_date_or_empty("if every box names its own date")},
    )
    course_legal_timeline_label: str = field(
        default="",
        metadata={"help": "Label of the section that renders the legal timeline, linked from each box."},
    )
    course_timeline_check_skip_classes: tuple = field(
        default=(),
        metadata={"help": "Classes of blocks whose text the typed-date check skips (each with a reason).",
                  "check": _class_names},
    )
    course_legal_checks_deferred: tuple = field(
        default=(),
        metadata={"help": "Folders the sources and legal-timeline checks skip for now (conf.py says why for each).",
                  "check": _strings},
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
        metadata={"help": "http:// URLs allowed in links, each mapped to the reason it cannot be https.",
                  "check": _strings_mapped_to_strings},
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
        metadata={"help": "Pages under these folders are course units and must carry unit metadata.",
                  "check": _strings},
    )
    course_tracks: dict = field(
        default_factory=lambda: dict(DEFAULT_TRACKS),
        metadata={"help": "The courses an exercise's 'track' may name: slug mapped to the label pages show.",
                  "check": _labelled_slugs},
    )
    course_principles: tuple = field(
        default=DEFAULT_PRINCIPLES,
        metadata={"help": "The core principles an exercise's 'principles' may name, in the order pages list them.",
                  "check": _names},
    )
    course_raw_html_allowlist: dict = field(
        default_factory=dict,
        metadata={"help": "Docnames of pages allowed to carry raw HTML, each mapped to the reason it is needed."},
    )
    course_languages: dict = field(
        default_factory=dict,
        metadata={"help": "The site's languages, each code mapped to its name in that language; the first is the "
                          "source language, built at the root, and each other is built into /<code>/ "
                          "(docs/authoring/translating.md). Empty: one edition, in `language`.",
                  "check": _language_names},
    )
    course_gettext_dir: str = field(
        default="_build/gettext",
        metadata={"help": "Where `make gettext` writes the message templates, relative to conf.py; the translated "
                          "editions count each page's translated strings against them."},
    )
    course_preview_all_pages: bool = field(
        default=False,
        metadata={"help": "A preview for translators and designers: a translated edition writes every page, "
                          "translated or not (`make html-preview EDITION=ar`). Never for a site to publish."},
    )
    course_content_security_policy: str = field(
        default=META_CONTENT_SECURITY_POLICY,
        metadata={"help": "The Content-Security-Policy <meta> tag of every page; match the hosting header, "
                          "less frame-ancestors. Empty leaves the tag out."},
    )


def course_config(holder: Any) -> CourseConfig:
    """The build's ``course_*`` settings, typed and already validated: the one way to read them.

    ``holder`` is Sphinx's ``Config`` or anything that carries one as ``.config`` (the
    application, the environment, a builder, a directive, a transform, a translator).
    Bad values were replaced by their defaults at ``config-inited`` (and reported), so
    what this returns always satisfies each setting's check.
    """
    config = holder if isinstance(holder, Config) else holder.config
    return CourseConfig(**{spec.name: getattr(config, spec.name) for spec in fields(CourseConfig)})


#: What a setting of each declared type may be given as (a list where a tuple is declared, say).
_ACCEPTED_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,), "bool": (bool,), "int": (int,), "dict": (dict,), "tuple": (tuple, list),
}
_TYPE_NAMES = {"str": "text in quotes", "bool": "True or False", "int": "a whole number",
               "dict": "a dictionary", "tuple": "a list"}


def config_problems(values: dict[str, Any]) -> list[str]:
    """What is wrong with the given ``course_*`` values: one sentence each, naming the setting."""
    problems = []
    for spec in fields(CourseConfig):
        if spec.name not in values:
            continue
        value = values[spec.name]
        declared = str(spec.type)
        accepted = _ACCEPTED_TYPES[declared]
        # bool is a subclass of int: True is not a number of months.
        if not isinstance(value, accepted) or (declared == "int" and isinstance(value, bool)):
            problems.append(f"{spec.name} = {value!r} must be {_TYPE_NAMES[declared]}.")
            continue
        check = spec.metadata.get("check")
        reason = check(value) if check else None
        if reason:
            problems.append(f"{spec.name} = {value!r} {reason}.")
    return problems


def check_config(app, config) -> None:
    """Replace each bad setting with its default before anything reads it, and keep the problems.

    Sphinx prints a crash report for any exception raised here, and its logger cannot
    place a message before the environment exists, so the problems are reported as
    authoring errors once the builder starts, and the build then fails at its end.
    """
    defaults = CourseConfig()
    app._course_config_problems = []
    for spec in fields(CourseConfig):
        problems = config_problems({spec.name: getattr(config, spec.name)})
        if problems:
            app._course_config_problems.extend((spec.name, p) for p in problems)
            setattr(config, spec.name, getattr(defaults, spec.name))


def setting_location(conf_py: Path, name: str) -> str:
    """Where ``name`` is set: ``conf.py:<line>``, or just ``conf.py`` when it came from ``-D``."""
    try:
        lines = conf_py.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for number, line in enumerate(lines, start=1):
        if re.match(rf"{name}\s*=", line):
            return f"{conf_py}:{number}"
    return f"{conf_py}:"  # the colon keeps Sphinx from reading the path as a page name


def report_config_problems(app) -> None:
    conf_py = Path(app.confdir, "conf.py")
    for name, problem in getattr(app, "_course_config_problems", []):
        logger.error(f"{problem} [course.config]", location=setting_location(conf_py, name))


def register_config(app) -> None:
    defaults = CourseConfig()
    for spec in fields(CourseConfig):
        value: Any = getattr(defaults, spec.name)
        app.add_config_value(spec.name, value, "env", description=spec.metadata["help"])
    # Before any other handler reads a setting.
    app.connect("config-inited", check_config, priority=100)
    # After the error counter is attached (warnings_.setup_warnings, default priority).
    app.connect("builder-inited", report_config_problems, priority=900)
