"""Scenario exercises: metadata, required parts, a fictional-exercise header and the index.

An exercise page lives under ``exercises/scenarios/`` and declares::

    duration: 60
    track: counter-terrorism        # or leadership
    principles: [Lawfulness, Human Autonomy]
    summary: One sentence on what participants decide.

It must have the sections in :data:`REQUIRED_SECTIONS`, at least two
injects, and a ``{facilitator-guide}`` block (recorded by its directive, since the
learner edition drops trainer notes before they reach the doctree). The sections are
checked by their source-language titles, read before a translation replaces them, so
that a translated edition of an exercise is held to the same parts, not to English words.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..config import DEFAULT_PRINCIPLES, DEFAULT_TRACKS, course_config
from ..errors import AuthoringError
from ..helpers import front_matter_line, simple_table
from ..i18n import N_, _
from ..registry import GatheringDirective, add_placeholder, course_registry, gathers
from ..trainer.notes import FACILITATOR_GUIDE_CLASS, TRAINER_CLASS
from ..warnings_ import logger
from .units import read_front_matter

EXERCISE_FOLDER = "exercises/scenarios/"
REQUIRED_SECTIONS = (
    "Context", "Roles", "Injects", "Discussion questions", "Decisions to make", "Principles and law at stake",
)


@dataclass(frozen=True)
class ExerciseMetadata:
    duration: int
    track: str
    principles: tuple[str, ...]
    summary: str


def parse_exercise_metadata(
    raw: dict, tracks: Mapping[str, str] = DEFAULT_TRACKS, principles: Sequence[str] = DEFAULT_PRINCIPLES,
) -> ExerciseMetadata:
    """Check an exercise's front matter against the site's tracks and principles (pure)."""
    missing = [k for k in ("duration", "track", "principles", "summary") if k not in raw]
    if missing:
        raise AuthoringError(f"Exercise front matter lacks {', '.join(repr(k) for k in missing)}.")
    duration = raw["duration"]
    if isinstance(duration, bool) or not isinstance(duration, int) or not 10 <= duration <= 480:
        raise AuthoringError(f"'duration' must be a whole number of minutes between 10 and 480, not {duration!r}.")
    if raw["track"] not in tracks:
        raise AuthoringError(f"'track' must be one of {', '.join(tracks)}, not {raw['track']!r}.")
    named = raw["principles"]
    if not isinstance(named, list) or not named:
        raise AuthoringError(f"'principles' must list at least one of the {len(principles)} core principles.")
    unknown = [p for p in named if p not in principles]
    if unknown:
        raise AuthoringError(f"'principles' names {unknown[0]!r}; use the core principles: {', '.join(principles)}.")
    if not str(raw["summary"]).strip():
        raise AuthoringError("'summary' must say in one sentence what participants decide.")
    return ExerciseMetadata(duration, raw["track"], tuple(named), str(raw["summary"]).strip())


def missing_parts(section_titles: list[str], inject_titles: list[str], has_guide: bool) -> list[str]:
    """What a complete exercise still lacks (pure)."""
    missing = [f"a '## {s}' section" for s in REQUIRED_SECTIONS if s not in section_titles]
    if len(inject_titles) < 2:
        missing.append("at least two injects ('### Inject 1 — at 10 minutes')")
    if not has_guide:
        missing.append("a '{facilitator-guide}' block")
    return missing


def is_exercise(docname: str) -> bool:
    return docname.startswith(EXERCISE_FOLDER)


#: Where the exercise's source-language section titles wait for ExerciseHeader (per page, while it is read).
SOURCE_TITLES = "course_exercise_source_titles"


class SourceSectionTitles(SphinxTransform):
    """The section titles as written, before Sphinx's Locale transform (priority 20) translates them."""

    default_priority = 15

    def apply(self, **kwargs):
        if is_exercise(self.env.docname):
            self.env.temp_data[SOURCE_TITLES] = [
                s[0].astext() for s in self.document.findall(nodes.section) if isinstance(s[0], nodes.title)]


class ExerciseHeader(SphinxTransform):
    default_priority = 500

    def apply(self, **kwargs):
        docname = self.env.docname
        if not is_exercise(docname):
            return
        path = self.env.doc2path(docname)
        raw = read_front_matter(self.env, docname)
        try:
            settings = course_config(self)
            meta = parse_exercise_metadata(raw, settings.course_tracks, settings.course_principles)
        except AuthoringError as error:
            key = next((k for k in ("duration", "track", "principles", "summary") if k in error.message), "---")
            logger.error(f"{error.message} [course.metadata]", location=(docname, front_matter_line(path, key)))
            return
        titles = self.env.temp_data.get(SOURCE_TITLES, [])
        injects = [t for t in titles if t.startswith("Inject")]
        notes = course_registry(self.env).trainer_notes.get(docname, [])
        has_guide = any(record.kind == FACILITATOR_GUIDE_CLASS for record in notes)
        for part in missing_parts(titles, injects, has_guide):
            logger.error(f"Exercise lacks {part}. [course.metadata]", location=(docname, 1))
        record = asdict(meta)
        record.update(kind="exercise", principles=list(meta.principles), injects=len(injects))
        course_registry(self.env).units[docname] = record
        title = next(iter(self.document.findall(nodes.title)), None)
        if title is not None:
            title.parent.insert(title.parent.index(title) + 1, exercise_header(meta, settings.course_tracks))


class FacilitatorGuideHeading(SphinxTransform):
    """In the trainer edition, an exercise's facilitator guide becomes its own last section.

    Written as a ``{trainer-notes} Facilitator guide`` box at the end of the page, it would sit
    inside the last participant section and be missing from "On this page". Moved into a
    "Facilitator guide" section after all participant material, it is a heading of its own.
    """

    default_priority = 510

    def apply(self, **kwargs):
        if not is_exercise(self.env.docname) or course_config(self).course_edition != "trainer":
            return
        top = next(iter(self.document.findall(nodes.section)), None)
        guides = [
            box for box in self.document.findall(nodes.admonition)
            if TRAINER_CLASS in box["classes"] and FACILITATOR_GUIDE_CLASS in box["classes"]
        ]
        if top is None or not guides:
            return
        section = nodes.section(ids=["facilitator-guide"], names=["facilitator guide"],
                                classes=[TRAINER_CLASS, "facilitator-guide"])
        section += nodes.title("", _("Facilitator guide"))
        for box in guides:
            box.parent.remove(box)
            box[0].replace_self(nodes.title("", _("For the facilitator: not for participants")))
            section += box
        top += section


def exercise_header(meta: ExerciseMetadata, tracks: Mapping[str, str]) -> nodes.Element:
    header = nodes.container(classes=["unit-header", "exercise-header"])
    header += nodes.paragraph(
        "", _("Fictional exercise. Its agencies, places, people and figures are invented for training."),
        classes=["scenario-disclaimer"],
    )
    facts = nodes.paragraph(classes=["unit-facts"])
    facts += nodes.strong("", _("Time:") + " ")
    facts += nodes.Text(_("about %s minutes") % meta.duration + " · ")
    facts += nodes.strong("", _("Track:") + " ")
    facts += nodes.Text(_(tracks[meta.track]) + " · ")
    facts += nodes.strong("", _("Principles:") + " ")
    facts += nodes.Text(", ".join(meta.principles))
    header += facts
    header += nodes.paragraph("", meta.summary)
    return header


class exercise_index(nodes.General, nodes.Element):  # noqa: N801
    pass


class ExerciseIndexDirective(GatheringDirective):
    node_class, kind = exercise_index, "exercise-index"


def duration_band(minutes: int) -> str:
    """The length filter's bands: a short session, a typical slot, a long exercise."""
    if minutes <= 45:
        return _("Up to 45 minutes")
    if minutes <= 90:
        return _("45–90 minutes")
    return _("Over 90 minutes")


#: Columns of the index table; the browser script filters by those in FILTER_COLUMNS.
INDEX_COLUMNS = (N_("Exercise"), N_("Track"), N_("Minutes"), N_("Length"), N_("Principles"))
FILTER_COLUMNS = (1, 3, 4)
PRINCIPLES_COLUMN = 4


def index_nodes(app, docname: str, node: exercise_index) -> list[nodes.Node]:
    """One table of every exercise: track, minutes, length band and principles.

    The browser script turns the track, length and principle columns into filters and
    the headers into sort buttons; without it, the whole table is there to read.
    """
    env = app.env
    exercises = course_registry(env).units_of("exercise")

    def link(target: str) -> nodes.reference:
        title = env.titles[target].astext() if target in env.titles else target
        title = title.removeprefix("Exercise: ")
        return nodes.reference("", title, internal=True, refuri=app.builder.get_relative_uri(docname, target))

    rows = [
        [link(target), _(course_config(app).course_tracks[record["track"]]), str(record["duration"]), duration_band(record["duration"]),
         ", ".join(record["principles"])]
        for target, record in sorted(exercises, key=lambda e: (e[1]["track"] != "leadership", e[1]["duration"], e[0]))
    ]
    return [simple_table([_(c) for c in INDEX_COLUMNS], rows, [36, 17, 9, 14, 24], ["exercise-index"])]


def add_index_script(app, pagename, templatename, context, doctree) -> None:
    if not course_registry(app.env).gathers(pagename, "exercise-index"):
        return
    strings = {"all": _("All"), "showing": _("Showing {shown} of {total} exercises.")}
    app.add_js_file(
        "course-exercise-index.js", loading_method="defer",
        **{"data-filter-columns": ",".join(map(str, FILTER_COLUMNS)), "data-several-column": str(PRINCIPLES_COLUMN),
           "data-strings": json.dumps(strings, ensure_ascii=False, separators=(",", ":"))},
    )
    app.add_css_file("course-exercise-index.css")


def setup_exercises(app) -> None:
    gathers(ExerciseIndexDirective.kind)
    add_placeholder(app, exercise_index, index_nodes)
    app.add_directive("exercise-index", ExerciseIndexDirective)
    app.add_transform(SourceSectionTitles)
    app.add_transform(ExerciseHeader)
    app.add_transform(FacilitatorGuideHeading)
    app.connect("html-page-context", add_index_script)
