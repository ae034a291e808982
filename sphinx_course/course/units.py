"""Course units: the metadata a module or session page declares, and the header shown from it.

A unit's front matter::

    duration: 60                  # minutes
    objectives:
      - id: explain-families
        text: Explain the five families of AI applications in policing.
    toolkit: [Technical Reference Book]          # Toolkit documents the module uses and cites
    related-toolkit: [Organizational Roadmap]    # Toolkit documents it only points readers to
    instruments: [EU AI Act (Regulation (EU) 2024/1689)]
    legal-review: 2026-11-29

:func:`parse_unit_metadata` checks it (pure); :class:`UnitHeader` renders the
header under the page title; :func:`check_units` runs once every page has been
read, to find objectives no question checks and legal reviews that are stale.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from ..config import course_config
from ..errors import AuthoringError
from ..helpers import front_matter_line, named_file
from ..i18n import _
from ..registry import course_registry
from ..warnings_ import CourseWarning, logger, warn

OBJECTIVE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
REQUIRED_KEYS = ("duration", "objectives", "legal-review")
OPTIONAL_KEYS = ("toolkit", "related-toolkit", "instruments", "summary")


@dataclass(frozen=True)
class Objective:
    id: str
    text: str


@dataclass(frozen=True)
class UnitMetadata:
    duration: int
    objectives: tuple[Objective, ...]
    legal_review: str
    toolkit: tuple[str, ...] = ()
    related_toolkit: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()
    summary: str = ""

    def as_record(self) -> dict:
        record = asdict(self)
        record["objectives"] = [asdict(o) for o in self.objectives]
        return record


def parse_unit_metadata(raw: dict) -> UnitMetadata:
    """Check a unit's front matter (values as read from YAML) and return it typed."""
    missing = [key for key in REQUIRED_KEYS if key not in raw]
    if missing:
        raise AuthoringError(
            f"Course unit front matter lacks {', '.join(repr(k) for k in missing)}. "
            "Every module needs duration (minutes), objectives and legal-review (YYYY-MM-DD)."
        )
    duration = raw["duration"]
    if isinstance(duration, bool) or not isinstance(duration, int) or not 5 <= duration <= 600:
        raise AuthoringError(f"'duration' must be a whole number of minutes between 5 and 600, not {duration!r}.")
    objectives = raw["objectives"]
    if not isinstance(objectives, list) or not 3 <= len(objectives) <= 6:
        count = len(objectives) if isinstance(objectives, list) else "no list of"
        raise AuthoringError(f"'objectives' must list 3 to 6 learning objectives; found {count}.")
    parsed: list[Objective] = []
    for number, item in enumerate(objectives, start=1):
        if not isinstance(item, dict) or set(item) != {"id", "text"}:
            raise AuthoringError(f"Objective {number} must have exactly two keys, 'id' and 'text'.")
        if not OBJECTIVE_ID.match(str(item["id"])):
            raise AuthoringError(
                f"Objective {number} has id {item['id']!r}; use lower-case letters, digits and hyphens."
            )
        if not str(item["text"]).strip():
            raise AuthoringError(f"Objective {number} ({item['id']}) has no text.")
        if item["id"] in (o.id for o in parsed):
            raise AuthoringError(f"Objective id {item['id']!r} is used twice.")
        parsed.append(Objective(str(item["id"]), str(item["text"]).strip()))
    review = str(raw["legal-review"])
    try:
        date.fromisoformat(review)
    except ValueError:
        raise AuthoringError(f"'legal-review' must be a date written YYYY-MM-DD, not {review!r}.") from None
    lists = {}
    for key in ("toolkit", "related-toolkit", "instruments"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise AuthoringError(f"'{key}' must be a list of names.")
        lists[key] = tuple(value)
    overlap = sorted(set(lists["toolkit"]) & set(lists["related-toolkit"]))
    if overlap:
        raise AuthoringError(
            f"{', '.join(overlap)} is listed both as used ('toolkit') and as only related ('related-toolkit'); keep one."
        )
    return UnitMetadata(
        duration=duration,
        objectives=tuple(parsed),
        legal_review=review,
        toolkit=lists["toolkit"],
        related_toolkit=lists["related-toolkit"],
        instruments=lists["instruments"],
        summary=str(raw.get("summary", "")),
    )


def months_between(earlier: date, later: date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def review_is_stale(review: str, today: date, max_months: int) -> bool:
    return months_between(date.fromisoformat(review), today) > max_months


def read_front_matter(env, docname: str) -> dict:
    """The page's front matter as YAML values (MyST stores nested values as JSON text)."""
    raw = {}
    for key, value in env.metadata.get(docname, {}).items():
        if key in ("duration",):
            raw[key] = int(value) if str(value).isdigit() else value
        elif key in ("objectives", "toolkit", "related-toolkit", "instruments", "principles"):
            try:
                raw[key] = json.loads(value)
            except (TypeError, ValueError):
                raw[key] = value
        else:
            raw[key] = value
    return raw


def is_unit(docname: str, config, metadata: dict) -> bool:
    """Pages in the unit folders are units, except section indexes and pages that say otherwise."""
    in_folder = docname.startswith(tuple(course_config(config).course_unit_folders)) and not docname.endswith("index")
    return in_folder and "/slides/" not in docname and metadata.get("page-type") not in ("agenda", "final-check")


class UnitHeader(SphinxTransform):
    """Check a unit's metadata, record it, and show it under the title."""

    default_priority = 500

    def apply(self, **kwargs):
        docname = self.env.docname
        if not is_unit(docname, self.config, self.env.metadata.get(docname, {})):
            return
        raw = read_front_matter(self.env, docname)
        try:
            meta = parse_unit_metadata(raw)
        except AuthoringError as error:
            key = next((k for k in (*REQUIRED_KEYS, *OPTIONAL_KEYS) if k in error.message), "---")
            logger.error(
                f"{error.message} [course.metadata]",
                location=(docname, front_matter_line(self.env.doc2path(docname), key)),
            )
            return
        course_registry(self.env).units[docname] = {"kind": "module", **meta.as_record()}
        title = next(iter(self.document.findall(nodes.title)), None)
        if title is not None:
            section = title.parent
            header = unit_header_nodes(meta)
            if course_config(self).course_edition == "trainer":
                header += deck_link(self.env, docname)
            section.insert(section.index(title) + 1, header)


def objectives_list(texts: list[str], ids: list[str] | None = None,
                    classes: tuple[str, ...] = ("unit-objectives",)) -> nodes.bullet_list:
    """Learning objectives as a plain bullet list, optionally with an anchor for each."""
    listing = nodes.bullet_list(classes=list(classes))
    for index, text in enumerate(texts):
        listing += nodes.list_item("", nodes.paragraph("", text), ids=[ids[index]] if ids else [])
    return listing


def unit_header_nodes(meta: UnitMetadata) -> nodes.Element:
    """Plain nodes, so every builder (HTML, PDF, text) shows the same header."""
    header = nodes.container(classes=["unit-header"])
    facts = nodes.paragraph(classes=["unit-facts"])
    facts += nodes.strong("", _("Time:") + " ")
    facts += nodes.Text(_("about %s minutes") % meta.duration)
    facts += nodes.Text(" · ")
    facts += nodes.strong("", _("Legal content last reviewed:") + " ")
    reviewed = date.fromisoformat(meta.legal_review)
    facts += nodes.Text(f"{reviewed.day} {reviewed:%B %Y}")
    header += facts
    header += nodes.paragraph("", "", nodes.strong("", _("By the end of this module you will be able to:")))
    header += objectives_list(
        [objective.text for objective in meta.objectives], ids=[f"objective-{o.id}" for o in meta.objectives]
    )
    # "Used" means read and cited in the module; "related" only points readers to a document
    # the course has not been able to read (facts.md found only the Technical Reference Book).
    sources = [
        (_("AI Toolkit resources used:"), meta.toolkit),
        (_("Related Toolkit resources:"), meta.related_toolkit),
        (_("Legal instruments:"), meta.instruments),
    ]
    for label, names in sources:
        if names:
            line = nodes.paragraph(classes=["unit-sources"])
            line += nodes.strong("", label + " ")
            line += nodes.Text("; ".join(names) + ".")
            header += line
    return header


def deck_link(env, docname: str) -> list[nodes.Node]:
    """In the trainer edition, a link from a unit to its slide deck, when it has one."""
    folder, name = posixpath.split(docname)
    deck = f"{folder}/slides/{name}"
    if not (env.srcdir / f"{deck}.md").exists():
        return []
    target = posixpath.join(course_config(env).course_slides_path, deck + ".html")
    href = posixpath.relpath(target, folder)
    line = nodes.paragraph(classes=["unit-deck"])
    line += nodes.strong("", _("Slides:") + " ")
    line += nodes.reference("", _("open the deck for this session"), refuri=href)
    return [line]


def check_units(app, env) -> None:
    """Once everything is read: every objective is checked by a question, reviews are current."""
    registry = course_registry(env)
    max_months = course_config(app).course_legal_review_max_months
    reference = course_config(app).course_review_reference_date
    today = date.fromisoformat(reference) if reference else date.today()
    for docname, record in registry.units_of("module"):
        checked = {o for quiz in registry.quizzes.get(docname, []) for o in quiz.objectives}
        source = env.doc2path(docname)
        for objective in record["objectives"]:
            if objective["id"] not in checked:
                warn(
                    CourseWarning.OBJECTIVE_UNCHECKED,
                    f"Learning objective '{objective['id']}' has no self-check question. "
                    f"Tag a question with ':objective: {objective['id']}'.",
                    location=(docname, front_matter_line(source, "objectives")),
                )
        # Objectives a question names but the page does not declare: quiz.check_objectives.
        if review_is_stale(record["legal_review"], today, max_months):
            warn(
                CourseWarning.LEGAL_REVIEW_STALE,
                f"Legal content was last reviewed on {record['legal_review']}, more than {max_months} months ago. "
                "Check the law, then update 'legal-review'.",
                location=(docname, front_matter_line(source, "legal-review")),
            )


def front_matter_from_file(path) -> dict:
    """A page's YAML front matter, read straight from its file (pure but for the read)."""
    import yaml

    text = Path(path).read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    try:
        return yaml.safe_load(text[4 : text.index("\n---", 4)]) or {}
    except yaml.YAMLError as error:
        raise AuthoringError(f"its front matter is not valid YAML ({getattr(error, 'problem', error)}).") from None


class UnitObjectivesDirective(SphinxDirective):
    """``{unit-objectives} /modules/...``: a unit's objectives, from its own front matter.

    Slide decks and other pages reuse the objectives this way instead of copying them.
    """

    required_arguments = 1

    def run(self):
        relative, path = named_file(self, ".md")
        try:
            meta = parse_unit_metadata(front_matter_from_file(path))
        except (OSError, ValueError, AuthoringError) as error:
            logger.error(f"Cannot read the objectives of {relative}: {error} [course.metadata]", location=self.get_location())
            return []
        return [objectives_list([objective.text for objective in meta.objectives])]


def setup_units(app) -> None:
    app.add_directive("unit-objectives", UnitObjectivesDirective)
    app.add_transform(UnitHeader)
    app.connect("env-check-consistency", check_units)
