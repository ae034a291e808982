"""``{agenda}``: a timed run sheet computed from the units' and exercises' own durations.

::

    ::::{agenda} One-day national workshop
    :start: 09:00
    :length: 420

    - /modules/counter-terrorism/01-uses-and-limits
    - break 15 Coffee
    - /exercises/scenarios/ct-live-facial-recognition
    ::::

Each item is a page (its ``duration`` is read from its front matter), a
timed activity with minutes and a label (``- 15 Welcome``), or a break
(``- break 15 Coffee``). Times are worked out when every page has
been read; an agenda that does not fit its ``length`` warns
(``course.agenda_overrun``). In the trainer edition the trainer notes of
every item follow the run sheet, in running order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docutils import nodes
from docutils.parsers.rst import directives

from ..config import course_config
from ..course.teaching_blocks import boxes
from ..errors import AuthoringError
from ..helpers import content_offset, simple_table
from ..i18n import _
from ..registry import GatheringDirective, add_placeholder, course_registry, gathers, read_stamps
from ..warnings_ import CourseWarning, logger, warn
from .notes import TRAINER_CLASS

BREAK = re.compile(r"^break\s+(\d+)\s+(.+)$")
SLOT = re.compile(r"^(\d+)\s+(.+)$")
TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class AgendaItem:
    kind: str  # "unit", "slot" (a timed activity without a page) or "break"
    target: str  # docname for a unit, label otherwise
    minutes: int  # 0 for a unit until its duration is known
    line: int


def parse_items(lines: list[tuple[int, str]]) -> list[AgendaItem]:
    """Read the agenda's list lines (pure); line numbers come with them."""
    items = []
    for line, text in lines:
        text = text.strip()
        if not text:
            continue
        if not text.startswith("- "):
            raise AuthoringError(f'Agenda line "{text}" is not a list item. Start each item with "- ".', line)
        entry = text[2:].strip()
        match = BREAK.match(entry)
        slot = SLOT.match(entry)
        if match:
            items.append(AgendaItem("break", match.group(2), int(match.group(1)), line))
        elif slot:
            items.append(AgendaItem("slot", slot.group(2), int(slot.group(1)), line))
        elif entry.startswith("/"):
            items.append(AgendaItem("unit", entry.lstrip("/"), 0, line))
        else:
            raise AuthoringError(
                f'Agenda item "{entry}" is not a page ("/modules/..."), an activity ("15 Welcome") '
                'or a break ("break 15 Coffee").',
                line,
            )
    if not items:
        raise AuthoringError("The agenda has no items.")
    return items


def schedule(start_minutes: int, durations: list[int]) -> list[tuple[int, int]]:
    """Start and end minute of each item, back to back (pure)."""
    times, clock = [], start_minutes
    for minutes in durations:
        times.append((clock, clock + minutes))
        clock += minutes
    return times


def clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def parse_start(value: str) -> int:
    match = TIME.match(value.strip())
    if not match:
        raise ValueError("use a 24-hour time such as 09:00")
    return int(match.group(1)) * 60 + int(match.group(2))


class agenda(nodes.General, nodes.Element):  # noqa: N801
    """``title``, ``start`` (minutes after midnight), ``length``, ``items`` (as dicts)."""


class AgendaDirective(GatheringDirective):
    node_class, kind = agenda, "agenda"
    has_content = True
    required_arguments = 1
    final_argument_whitespace = True
    option_spec = {"start": parse_start, "length": directives.positive_int}

    def placeholder(self) -> agenda:
        offset = self.lineno + content_offset(self) + 1
        items = parse_items([(offset + i, text) for i, text in enumerate(self.content)])
        return agenda(
            title=self.arguments[0],
            start=self.options.get("start", 9 * 60),
            length=self.options.get("length", 0),
            items=[vars(item) for item in items],
        )


def item_minutes(env, item: dict) -> int | None:
    if item["kind"] != "unit":
        return item["minutes"]
    record = course_registry(env).units.get(item["target"])
    return record["duration"] if record else None


def check_agendas(app, env) -> None:
    """Once every page is read: every item exists, and the agenda fits its length."""
    for docname in course_registry(env).pages_gathering("agenda"):
        for node in env.get_doctree(docname).findall(agenda):
            total = 0
            for item in node["items"]:
                minutes = item_minutes(env, item)
                if minutes is None:
                    logger.error(
                        f"Agenda item /{item['target']} is not a module, session or exercise with a duration. "
                        "[course.agenda]",
                        location=(docname, item["line"]),
                    )
                    continue
                total += minutes
            if node["length"] and total > node["length"]:
                warn(
                    CourseWarning.AGENDA_OVERRUN,
                    f'Agenda "{node["title"]}" needs {total} minutes but the format allows {node["length"]}.',
                    location=(docname, node.line),
                )


def agenda_nodes(app, docname: str, node: agenda) -> list[nodes.Node]:
    env = app.env
    minutes = [item_minutes(env, item) or 0 for item in node["items"]]
    times = schedule(node["start"], minutes)
    rows = []
    for item, length, (begin, end) in zip(node["items"], minutes, times, strict=False):
        if item["kind"] == "break":
            label: nodes.Node = nodes.emphasis("", item["target"])
        elif item["kind"] == "slot":
            label = nodes.Text(item["target"])
        else:
            title = env.titles[item["target"]].astext() if item["target"] in env.titles else item["target"]
            label = nodes.reference(
                "", title, internal=True, refuri=app.builder.get_relative_uri(docname, item["target"])
            )
        rows.append([clock(begin), clock(end), label, str(length)])
    table = simple_table(
        [_("Start"), _("End"), _("Item"), _("Minutes")], rows, [12, 12, 64, 12], ["agenda-table"]
    )
    total = sum(minutes)
    summary = nodes.paragraph(classes=["agenda-total"])
    summary += nodes.strong("", _("Total:") + " ")
    summary += nodes.Text(
        _("%(total)s minutes, %(start)s to %(end)s") % {
            "total": total, "start": clock(node["start"]), "end": clock(node["start"] + total)
        }
    )
    if node["length"]:
        summary += nodes.Text(" " + _("(the format allows %s minutes)") % node["length"])
    box = nodes.container(classes=["agenda"])
    box += nodes.rubric("", node["title"])
    box += table
    box += summary
    result: list[nodes.Node] = [box]
    if course_config(app).course_edition == "trainer":
        result.append(gathered_trainer_notes(app, node))
    return result


def gathered_trainer_notes(app, node: agenda) -> nodes.container:
    """The trainer notes of every item, in running order (trainer edition only), copied from
    each item's doctree (the placeholder filler makes them resolve from this page)."""
    gathered = nodes.container(classes=["agenda-notes", TRAINER_CLASS])
    gathered += nodes.rubric("", _("Trainer notes in running order: %s") % node["title"])
    for item in node["items"]:
        if item["kind"] != "unit" or item["target"] not in app.env.all_docs:
            continue
        doctree = app.env.get_doctree(item["target"])
        title = app.env.titles[item["target"]].astext()
        gathered += nodes.paragraph("", "", nodes.strong("", title))
        gathered += [note.deepcopy() for note in boxes(doctree, TRAINER_CLASS)]
    return gathered


def agenda_inputs(app):
    """The trainer edition copies each item's trainer notes; the learner edition shows only metadata."""
    if course_config(app).course_edition != "trainer":
        return None
    return read_stamps(app.env, course_registry(app.env).units)


def setup_agenda(app) -> None:
    gathers("agenda", agenda_inputs)
    add_placeholder(app, agenda, agenda_nodes)
    app.add_directive("agenda", AgendaDirective)
    app.connect("env-check-consistency", check_agendas)
