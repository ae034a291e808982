"""One legal timeline: dated milestones declared once, cited by id, rendered in one place.

``data/legal-timeline.yaml`` lists the milestones. Pages use:

- ``{milestone}`ai-act-annex-iii``` to print a milestone's date ("2 December 2027");
- ``{legal-timeline}`` to render the whole timeline with each source (Module 3);
- ``{law-as-of}`` once per page with legal content: a "Law as of <date>" box, which
  replaces inline "as of November 2026" hedges.

:func:`check_page` (run when a page has been read) warns when a page types a milestone's
date by hand, when a page with legal content has no box, and reports a second box as an
error. The parsing and the text scan are pure functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ..config import course_config
from ..i18n import _
from ..i18n import long_date as written_in
from ..warnings_ import CourseWarning, logger, warn
from .legal_data import (
    EntryWords,
    FullDate,
    HttpsUrl,
    Key,
    Kind,
    LegalModel,
    Text,
    check_unique,
    explain_entry,
    field_of,
    read_file,
    read_or_report,
    validate,
)
from .official_sources import host_matches, load_rules

TIMELINE_FILE = Path(__file__).parent.parent / "data" / "legal-timeline.yaml"
BOX_CLASS = "law-as-of"
MILESTONE_CLASS = "milestone-date"
TIMELINE_CLASS = "legal-timeline"


@dataclass(frozen=True)
class Milestone:
    id: str
    date: date
    applies: str
    instrument: str
    source: str
    source_title: str
    kind: str


def long_date(value: date, language: str | None = "en") -> str:
    """The site's way of writing a date: 2 December 2027 (in a translated edition, in its language)."""
    return written_in(value, language)


class MilestoneEntry(LegalModel):
    id: Key
    date: FullDate
    applies: Text
    instrument: Text
    source: HttpsUrl
    source_title: Text
    kind: Kind


class TimelineFile(LegalModel):
    milestones: list[MilestoneEntry]


TIMELINE_WORDS = EntryWords("The legal timeline file", "only 'milestones'", "milestones", "Milestone", "id",
                            tuple(MilestoneEntry.model_fields))


def explain(error: dict, entry) -> str:
    """One schema error in the timeline file, in the words of the messages authors know (pure)."""
    message, ident = explain_entry(error, entry, TIMELINE_WORDS)
    if message:
        return message
    value, field = error.get("input"), field_of(error)
    if field == "date":
        return f"Milestone {ident!r} has date {value!r}; write YYYY-MM-DD."
    if field == "kind":
        return f"Milestone {ident!r} has kind {value!r}; use primary or secondary."
    if field == "source":
        return f"Milestone {ident!r} needs an https:// source URL."
    return f"Milestone {ident!r}: {field} must be text, not {value!r}."


def parse_timeline(data, lines: dict | None = None, key_lines: dict | None = None) -> dict[str, Milestone]:
    """Check the timeline file's values (as read from YAML) and return milestones by id (pure)."""
    timeline = validate(TimelineFile, data, explain, "milestones", lines, key_lines)
    check_unique([m.id for m in timeline.milestones], "milestones", "id", "Milestone id", key_lines)
    return {m.id: Milestone(m.id, m.date, m.applies, m.instrument, m.source, m.source_title, m.kind)
            for m in timeline.milestones}


@lru_cache(maxsize=4)
def read_timeline(path: str = str(TIMELINE_FILE)) -> dict[str, Milestone]:
    return read_file(Path(path), parse_timeline)


def load_timeline() -> dict[str, Milestone]:
    """The milestones, or none after reporting what is wrong with the file (never a traceback)."""
    return read_or_report(read_timeline, TIMELINE_FILE, "the legal timeline", "course.timeline", {})


def typed_milestone_dates(text: str, milestones: dict[str, Milestone]) -> list[tuple[str, list[str]]]:
    """The milestone dates written out in ``text``, each with the ids that carry it (pure)."""
    by_date: dict[str, list[str]] = {}
    for milestone in milestones.values():
        by_date.setdefault(long_date(milestone.date), []).append(milestone.id)
    found = []
    for written, ids in by_date.items():
        if re.search(r"(?<!\d)" + re.escape(written) + r"(?!\d)", text):
            found.append((written, sorted(ids)))
    return found


class MilestoneRole(SphinxRole):
    """``{milestone}`id```: the date of a milestone, from the timeline file."""

    def run(self):
        milestones = load_timeline()
        ident = self.text.strip()
        if ident not in milestones:
            logger.error(
                f"Unknown milestone {ident!r}. Known: {', '.join(sorted(milestones))}. [course.timeline]",
                location=self.get_location(),
            )
            return [nodes.inline(self.rawtext, ident, classes=[MILESTONE_CLASS])], []
        milestone = milestones[ident]
        node = nodes.inline(self.rawtext, long_date(milestone.date, self.config.language), classes=[MILESTONE_CLASS])
        node["milestone"] = ident
        return [node], []


class LegalTimelineDirective(SphinxDirective):
    """``{legal-timeline}``: every milestone in date order, each with its source."""

    has_content = False

    def run(self):
        self.env.note_dependency(str(TIMELINE_FILE))
        listing = nodes.bullet_list(classes=[TIMELINE_CLASS])
        for milestone in sorted(load_timeline().values(), key=lambda m: (m.date, m.id)):
            para = nodes.paragraph()
            para += nodes.strong("", long_date(milestone.date, self.config.language))
            para += nodes.Text(f": {milestone.applies} ({milestone.instrument}; ")
            para += nodes.reference("", milestone.source_title, refuri=milestone.source)
            if milestone.kind == "secondary":
                para += nodes.Text("; " + _("date read in secondary sources, not yet checked in the official text") + ")")
            else:
                para += nodes.Text(")")
            listing += nodes.list_item("", para, ids=[f"milestone-{milestone.id}"])
        return [listing]


class LawAsOfDirective(SphinxDirective):
    """``{law-as-of}``: the page's one "Law as of <date>" box; optional content adds notes."""

    optional_arguments = 1
    has_content = True
    option_spec = {"class": directives.class_option}

    def run(self):
        raw = self.arguments[0] if self.arguments else course_config(self).course_law_as_of
        try:
            when = date.fromisoformat(str(raw))
        except ValueError:
            logger.error(
                f"The law-as-of box needs a date written YYYY-MM-DD (or course_law_as_of in conf.py), not {raw!r}. "
                "[course.timeline]",
                location=self.get_location(),
            )
            return []
        box = nodes.admonition(classes=[BOX_CLASS])
        box += nodes.title("", _("Law as of %s") % long_date(when, self.config.language))
        intro = nodes.paragraph()
        intro += nodes.Text(_("Statements about the law on this page describe it as it stood on this date. "
                              "Dates of legal milestones come from the course's "))
        target = course_config(self).course_legal_timeline_label
        if target:
            ref = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget=target, refexplicit=True)
            ref += nodes.inline("", _("legal timeline"))
            intro += ref
        else:
            intro += nodes.Text(_("legal timeline"))
        # Learners and members of the public both read this box, so the advice names neither.
        intro += nodes.Text(_(", which names the official source of each. Check the law that applies where "
                              "you are before relying on any of it."))
        box += intro
        self.set_source_info(box)
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, box)
        return [box]


SKIPPED_PARENTS = (nodes.literal, nodes.literal_block, nodes.raw, nodes.comment)


def inside(node: nodes.Node, classes: set[str]) -> bool:
    """Whether ``node`` sits in code, a comment, or an element with one of ``classes``."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, SKIPPED_PARENTS) or classes & set(parent.get("classes", [])):
            return True
        parent = parent.parent
    return False


def located(node: nodes.Node) -> nodes.Node:
    while node is not None and getattr(node, "line", None) is None:
        node = node.parent
    return node


def has_legal_content(doctree, metadata: dict) -> bool:
    """Pages that declare instruments, cite a milestone, or link to an official legal source."""
    if metadata.get("instruments"):
        return True
    if any(MILESTONE_CLASS in n.get("classes", []) for n in doctree.findall(nodes.inline)):
        return True
    hosts = [h for kind in load_rules().kinds if kind.law for h in kind.hosts]
    for ref in doctree.findall(nodes.reference):
        host = re.sub(r"^https?://([^/?#]+).*$", r"\1", ref.get("refuri", ""))
        if ref.get("refuri", "").startswith("https://") and any(host_matches(host, h) for h in hosts):
            return True
    return False


def check_page(app, doctree) -> None:
    docname = app.env.docname
    settings = course_config(app)
    if docname.startswith(tuple(settings.course_legal_checks_deferred)):
        return
    milestones = load_timeline()
    boxes = [n for n in doctree.findall(nodes.admonition) if BOX_CLASS in n.get("classes", [])]
    for extra in boxes[1:]:
        logger.error("A page has one 'Law as of' box; this is a second one. Merge them. [course.timeline]",
                     location=extra)
    if not boxes and has_legal_content(doctree, app.env.metadata.get(docname, {})):
        warn(
            CourseWarning.LAW_AS_OF_MISSING,
            "This page has legal content but no 'Law as of' box. Add ':::{law-as-of}' under the title.",
            location=(docname, 1),
        )
    # Trainer notes are checked in their own branch (issue #16 leaves them to the trainer developer).
    # The sources registry prints dates of its own (a treaty opening for signature is both).
    skip = {MILESTONE_CLASS, TIMELINE_CLASS, BOX_CLASS, "source-list", "source-date",
            *settings.course_timeline_check_skip_classes}
    for text in doctree.findall(nodes.Text):
        if inside(text, skip):
            continue
        for written, ids in typed_milestone_dates(text.astext(), milestones):
            roles = " or ".join(f"{{milestone}}`{i}`" for i in ids)
            warn(
                CourseWarning.MILESTONE_TYPED,
                f"'{written}' is the date of the legal milestone {', '.join(ids)}; write {roles} so the "
                "date comes from the legal timeline.",
                location=located(text) or (docname, 1),
            )


def setup_legal_timeline(app) -> None:
    app.add_role("milestone", MilestoneRole())
    app.add_directive("legal-timeline", LegalTimelineDirective)
    app.add_directive("law-as-of", LawAsOfDirective)
    app.connect("doctree-read", check_page)
