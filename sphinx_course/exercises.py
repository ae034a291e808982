"""Scenario exercises: metadata, required parts, a fictional-exercise header and the index.

An exercise page lives under ``exercises/scenarios/`` and declares::

    duration: 60
    track: counter-terrorism        # or leadership
    principles: [Lawfulness, Human Autonomy]
    summary: One sentence on what participants decide.

It must have the sections in :data:`REQUIRED_SECTIONS`, at least two
injects, and a ``{trainer-notes} Facilitator guide`` (checked in the source,
since the learner edition drops trainer notes before they reach the doctree).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from docutils import nodes
from sphinx.transforms import SphinxTransform

from .errors import AuthoringError
from .i18n import _
from .registry import AggregateDirective, course_registry, gathers
from .tables import simple_table
from .sources import front_matter_line
from .units import read_front_matter
from .warnings_ import logger

EXERCISE_FOLDER = "exercises/scenarios/"
TRACKS = {"leadership": "Leadership course", "counter-terrorism": "Counter-terrorism"}
PRINCIPLES = ("Lawfulness", "Minimization of Harm", "Human Autonomy", "Fairness", "Good Governance")
REQUIRED_SECTIONS = (
    "Context", "Roles", "Injects", "Discussion questions", "Decisions to make", "Principles and law at stake",
)
FACILITATOR_GUIDE = re.compile(r"^:{3,}\{trainer-notes\}\s+Facilitator guide\s*$", re.M)


@dataclass(frozen=True)
class ExerciseMetadata:
    duration: int
    track: str
    principles: tuple[str, ...]
    summary: str


def parse_exercise_metadata(raw: dict) -> ExerciseMetadata:
    """Check an exercise's front matter (pure)."""
    missing = [k for k in ("duration", "track", "principles", "summary") if k not in raw]
    if missing:
        raise AuthoringError(f"Exercise front matter lacks {', '.join(repr(k) for k in missing)}.")
    duration = raw["duration"]
    if isinstance(duration, bool) or not isinstance(duration, int) or not 10 <= duration <= 480:
        raise AuthoringError(f"'duration' must be a whole number of minutes between 10 and 480, not {duration!r}.")
    if raw["track"] not in TRACKS:
        raise AuthoringError(f"'track' must be one of {', '.join(TRACKS)}, not {raw['track']!r}.")
    principles = raw["principles"]
    if not isinstance(principles, list) or not principles:
        raise AuthoringError("'principles' must list at least one of the five core principles.")
    unknown = [p for p in principles if p not in PRINCIPLES]
    if unknown:
        raise AuthoringError(f"'principles' names {unknown[0]!r}; use the core principles: {', '.join(PRINCIPLES)}.")
    if not str(raw["summary"]).strip():
        raise AuthoringError("'summary' must say in one sentence what participants decide.")
    return ExerciseMetadata(duration, raw["track"], tuple(principles), str(raw["summary"]).strip())


def missing_parts(section_titles: list[str], inject_titles: list[str], source: str) -> list[str]:
    """What a complete exercise still lacks (pure)."""
    missing = [f"a '## {s}' section" for s in REQUIRED_SECTIONS if s not in section_titles]
    if len(inject_titles) < 2:
        missing.append("at least two injects ('### Inject 1 — at 10 minutes')")
    if not FACILITATOR_GUIDE.search(source):
        missing.append("a '{trainer-notes} Facilitator guide' block")
    return missing


def is_exercise(docname: str) -> bool:
    return docname.startswith(EXERCISE_FOLDER)


class ExerciseHeader(SphinxTransform):
    default_priority = 500

    def apply(self, **kwargs):
        docname = self.env.docname
        if not is_exercise(docname):
            return
        path = self.env.doc2path(docname)
        raw = read_front_matter(self.env, docname)
        try:
            meta = parse_exercise_metadata(raw)
        except AuthoringError as error:
            key = next((k for k in ("duration", "track", "principles", "summary") if k in error.message), "---")
            logger.error(f"{error.message} [course.metadata]", location=(docname, front_matter_line(path, key)))
            return
        sections = [s for s in self.document.findall(nodes.section)]
        titles = [s[0].astext() for s in sections if s.parent is not None and isinstance(s[0], nodes.title)]
        injects = [t for t in titles if t.startswith("Inject")]
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
        for part in missing_parts(titles, injects, source):
            logger.error(f"Exercise lacks {part}. [course.metadata]", location=(docname, 1))
        record = asdict(meta)
        record.update(kind="exercise", principles=list(meta.principles), injects=len(injects))
        course_registry(self.env).units[docname] = record
        title = next(iter(self.document.findall(nodes.title)), None)
        if title is not None:
            title.parent.insert(title.parent.index(title) + 1, exercise_header(meta))


def exercise_header(meta: ExerciseMetadata) -> nodes.Element:
    header = nodes.container(classes=["unit-header", "exercise-header"])
    header += nodes.paragraph(
        "", _("Fictional exercise. Its agencies, places, people and figures are invented for training."),
        classes=["scenario-disclaimer"],
    )
    facts = nodes.paragraph(classes=["unit-facts"])
    facts += nodes.strong("", _("Time:") + " ")
    facts += nodes.Text(_("about %s minutes") % meta.duration + " · ")
    facts += nodes.strong("", _("Track:") + " ")
    facts += nodes.Text(_(TRACKS[meta.track]) + " · ")
    facts += nodes.strong("", _("Principles:") + " ")
    facts += nodes.Text(", ".join(meta.principles))
    header += facts
    header += nodes.paragraph("", meta.summary)
    return header


class exercise_index(nodes.General, nodes.Element):  # noqa: N801
    pass


class ExerciseIndexDirective(AggregateDirective):
    node_class, kind = exercise_index, "exercise-index"


def duration_band(minutes: int) -> str:
    if minutes <= 45:
        return _("Up to 45 minutes")
    if minutes <= 75:
        return _("46 to 75 minutes")
    return _("More than 75 minutes")


def index_nodes(app, docname: str) -> list[nodes.Node]:
    """A table of every exercise, then the same exercises grouped by track, length and principle."""
    env = app.env
    exercises = course_registry(env).units_of("exercise")

    def link(target: str) -> nodes.reference:
        title = env.titles[target].astext() if target in env.titles else target
        title = title.removeprefix("Exercise: ")
        return nodes.reference("", title, internal=True, refuri=app.builder.get_relative_uri(docname, target))

    rows = [
        [link(target), _(TRACKS[record["track"]]), str(record["duration"]), ", ".join(record["principles"])]
        for target, record in exercises
    ]
    table = simple_table(
        [_("Exercise"), _("Track"), _("Minutes"), _("Principles")], rows, [45, 20, 10, 25], ["exercise-index"]
    )
    result: list[nodes.Node] = [table]
    groupings = [
        (_("By track"), lambda r: [_(TRACKS[r["track"]])]),
        (_("By length"), lambda r: [duration_band(r["duration"])]),
        (_("By principle"), lambda r: r["principles"]),
    ]
    for heading, keys in groupings:
        result.append(nodes.rubric("", heading))
        buckets: dict[str, list[str]] = {}
        for target, record in exercises:
            for key in keys(record):
                buckets.setdefault(key, []).append(target)
        listing = nodes.bullet_list(classes=["exercise-groups"])
        for key in sorted(buckets, key=lambda k: (PRINCIPLES.index(k) if k in PRINCIPLES else 99, k)):
            item = nodes.paragraph("", "", nodes.strong("", f"{key}: "))
            for position, target in enumerate(buckets[key]):
                if position:
                    item += nodes.Text("; ")
                item += link(target)
            listing += nodes.list_item("", item)
        result.append(listing)
    return result


def resolve_exercise_index(app, doctree, docname) -> None:
    for node in list(doctree.findall(exercise_index)):
        node.replace_self(index_nodes(app, docname))


def setup_exercises(app) -> None:
    gathers(ExerciseIndexDirective.kind)
    app.add_node(exercise_index)
    app.add_directive("exercise-index", ExerciseIndexDirective)
    app.add_transform(ExerciseHeader)
    app.connect("doctree-resolved", resolve_exercise_index)
