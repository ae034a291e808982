"""Slide decks that reuse their module: objectives, takeaways, quiz polls and trainer notes.

A deck in ``modules/<course>/slides/<unit>.md`` belongs to ``modules/<course>/<unit>.md``.
Its directives copy named pieces of that module, found by explicit markup, never by
matching prose:

- ``{deck-objectives}`` and ``{deck-takeaways}``: the unit's objectives (front matter)
  and its ``{key-takeaways}`` list, optionally a range (``:items: 1-3``), so that a
  long list can be split over two slides;
- ``{slide-notes} name``: speaker notes copied from the ``{trainer-part} name`` block
  inside the module's ``{trainer-notes}``;
- ``{poll} N``: question N of the module's self-check as a poll, with the answer
  revealed on the next fragment.

``{trainer-part}`` itself, on the module page, is a plain container inside the
trainer notes: it changes nothing a reader sees, and in the learner edition it is
never parsed, because ``{trainer-notes}`` drops its whole content.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from ..config import course_config
from ..course.units import front_matter_from_file, objectives_list, parse_unit_metadata
from ..errors import AuthoringError
from ..helpers import simple_table
from ..i18n import _
from ..quiz.model import display_order, parse_extra_categories
from ..warnings_ import logger

PART_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
FENCE = re.compile(r"^(:{3,})\{([a-z-]+)\}\s*(.*?)\s*$")
OPTION_LINE = re.compile(r"^:([a-z-]+):\s*(.*)$")
CHOICE = re.compile(r"^- \[( |x)\] (.*)$")
STEP = re.compile(r"^\d+\. (.*)$")
PAIR = re.compile(r"^- (.+?)\s*=>\s*(.+)$")


# --- Pure functions: finding explicit blocks in a module's source ---------------------------


@dataclass(frozen=True)
class Block:
    """A colon-fenced directive found in a source: its argument, options and body."""

    argument: str
    options: dict[str, str]
    body: list[str]
    line: int  # 1-based line of the opening fence


def fenced_blocks(lines: list[str], directive: str) -> list[Block]:
    """Every ``:::{directive}`` block in ``lines``, outermost first, nested ones included.

    A block closes at the first later line of at least as many colons alone, as MyST's
    colon fences do; fences of fewer colons inside it belong to nested blocks.
    """
    found = []
    for start, line in enumerate(lines):
        match = FENCE.match(line)
        if not match or match.group(2) != directive:
            continue
        colons = len(match.group(1))
        end = next(
            (i for i in range(start + 1, len(lines)) if re.fullmatch(":{" + str(colons) + r",}\s*", lines[i])),
            len(lines),
        )
        body = lines[start + 1 : end]
        options = {}
        while body and (option := OPTION_LINE.match(body[0])):
            options[option.group(1)] = option.group(2)
            body = body[1:]
        found.append(Block(match.group(3), options, body, start + 1))
    return found


def trainer_parts(lines: list[str]) -> dict[str, Block]:
    """The named ``{trainer-part}`` blocks that sit inside a ``{trainer-notes}`` block."""
    inside: set[int] = set()
    for notes in fenced_blocks(lines, "trainer-notes"):
        inside.update(range(notes.line, notes.line + len(notes.body) + 1))
    return {part.argument: part for part in fenced_blocks(lines, "trainer-part") if part.line in inside}


def item_range(spec: str | None, count: int) -> range:
    """``"2-4"`` -> items 2 to 4 (1-based, inclusive) of ``count``; ``"3-"`` -> 3 to the end."""
    if not spec:
        return range(count)
    match = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d*)\s*)?", spec)
    if not match:
        raise AuthoringError(f"':items: {spec}' is not a range such as '1-3', '4-' or '2'.")
    first = int(match.group(1))
    last = first if match.group(2) is None else int(match.group(2) or count)
    if not 1 <= first <= last <= count:
        raise AuthoringError(f"':items: {spec}' is outside the list, which has {count} items.")
    return range(first - 1, last)


@dataclass(frozen=True)
class Poll:
    """A self-check question read from its source, for showing as a poll."""

    quiz_id: str
    number: int
    qtype: str
    stem: list[str]
    options: list[str]
    correct: list[int]
    #: A matching question's category for each option (item), in source order.
    categories: tuple[str, ...] = ()
    extra_categories: tuple[str, ...] = ()


def quiz_questions(lines: list[str]) -> list[Poll]:
    """The questions of the page's quiz, in order, read from the source."""
    quizzes = fenced_blocks(lines, "quiz")
    if not quizzes:
        return []
    quiz = quizzes[0]
    polls = []
    for number, question in enumerate(fenced_blocks(quiz.body, "question"), start=1):
        qtype = question.options.get("type", "single")
        stem: list[str] = []
        options: list[str] = []
        correct: list[int] = []
        categories: list[str] = []
        for line in question.body:
            choice, step = CHOICE.match(line), STEP.match(line)
            pair = PAIR.match(line) if qtype == "matching" else None
            if pair:
                options.append(pair.group(1))
                categories.append(pair.group(2).strip())
            elif choice or (qtype == "ordering" and step):
                if choice and choice.group(1) == "x":
                    correct.append(len(options))
                options.append(choice.group(2) if choice else step.group(1))  # type: ignore[union-attr]
            elif options:
                if line.startswith(("```", ":::")):
                    break  # explanation or hint after the options
            else:
                stem.append(line)
        if qtype == "ordering":
            correct = list(range(len(options)))
        extra = tuple(parse_extra_categories(question.options.get("extra-categories")))
        polls.append(Poll(quiz.argument, number, qtype, stem, options, correct, tuple(categories), extra))
    return polls


def deck_unit(docname: str) -> str:
    """``modules/leadership/slides/03-x`` -> ``modules/leadership/03-x``."""
    folder, name = posixpath.split(docname)
    parent, last = posixpath.split(folder)
    if last != "slides":
        raise AuthoringError("this directive works only in a deck in a module's slides/ folder.")
    return posixpath.join(parent, name)


def count_slides(text: str) -> int:
    """The slides a deck source makes: its title and each ``##`` heading, outside code fences."""
    count, fenced = 0, False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"^#{1,2} ", line):
            count += 1
    return count


# --- Nodes ----------------------------------------------------------------------------------


class deck_notes(nodes.General, nodes.Element):  # noqa: N801
    """Speaker notes with their structure kept (points stay points in the speaker view)."""


def visit_deck_notes(self, node):
    if self.builder.name in ("revealjs", "dirrevealjs"):
        self.body.append('<aside class="notes">')
    else:
        raise nodes.SkipNode


def depart_deck_notes(self, node):
    self.body.append("</aside>\n")


# --- Directives -----------------------------------------------------------------------------


class TrainerPartDirective(SphinxDirective):
    """``{trainer-part} name`` inside ``{trainer-notes}``: a named piece a deck can copy."""

    required_arguments = 1
    has_content = True

    def run(self):
        if course_config(self).course_edition != "trainer":
            return []  # never reached through {trainer-notes}; and never leaks on its own
        name = self.arguments[0]
        if not PART_NAME.match(name):
            logger.error(
                f"Trainer part name {name!r} must be lowercase letters, digits and hyphens. [course.slides]",
                location=self.get_location(),
            )
        if not self.env.temp_data.get("course_in_trainer_notes"):
            logger.error(
                f"{{trainer-part}} {name} must sit inside a {{trainer-notes}} block. [course.slides]",
                location=self.get_location(),
            )
            return []
        # The class lets the tests find the part a deck's notes copy (an id would repeat on
        # the pages that gather trainer notes: run sheets, the manual).
        box = nodes.container(classes=["trainer-part", f"trainer-part-{name}"])
        box += self.parse_content_to_nodes()
        return [box]


class DeckDirective(SphinxDirective):
    """Shared by deck directives: the module's source, read and recorded as a dependency."""

    def unit_source(self) -> tuple[str, Path, list[str]]:
        unit = deck_unit(self.env.docname)
        path = Path(self.env.srcdir, unit + ".md")
        self.env.note_dependency(str(path))
        return unit, path, path.read_text(encoding="utf-8").splitlines()

    def fail(self, message: str) -> list[nodes.Node]:
        logger.error(f"{message} [course.slides]", location=self.get_location())
        return []


class SlideNotesDirective(DeckDirective):
    """``{slide-notes} part [part ...]``: speaker notes from the module's named trainer parts."""

    required_arguments = 1
    final_argument_whitespace = True

    def run(self):
        try:
            unit, _path, lines = self.unit_source()
        except (AuthoringError, OSError) as error:
            return self.fail(f"Cannot read the module of this deck: {error}")
        parts = trainer_parts(lines)
        notes = deck_notes()
        for name in self.arguments[0].split():
            if name not in parts:
                known = ", ".join(sorted(parts)) or "none"
                return self.fail(f"{unit}.md has no {{trainer-part}} {name!r} in its trainer notes (it has: {known}).")
            notes += self.parse_content(parts[name].body, f"{unit}.md", parts[name].line)
        return [notes]

    def parse_content(self, body: list[str], source: str, line: int) -> list[nodes.Node]:
        holder = nodes.container()
        self.state.nested_parse(StringList(body, source=source), 0, holder)
        return holder.children


class DeckObjectivesDirective(DeckDirective):
    """``{deck-objectives}``: the unit's objectives, or ``:items:`` of them."""

    option_spec = {"items": str}

    def run(self):
        try:
            unit, path, _lines = self.unit_source()
            texts = [o.text for o in parse_unit_metadata(front_matter_from_file(path)).objectives]
            chosen = item_range(self.options.get("items"), len(texts))
        except (AuthoringError, OSError, ValueError) as error:
            return self.fail(f"Cannot show the objectives of this deck's module: {error}")
        return [objectives_list([texts[i] for i in chosen])]


class DeckTakeawaysDirective(DeckDirective):
    """``{deck-takeaways}``: the module's ``{key-takeaways}`` list, or ``:items:`` of it."""

    option_spec = {"items": str}

    def run(self):
        try:
            unit, _path, lines = self.unit_source()
        except (AuthoringError, OSError) as error:
            return self.fail(f"Cannot read the module of this deck: {error}")
        blocks = fenced_blocks(lines, "key-takeaways")
        if not blocks:
            return self.fail(f"{unit}.md has no {{key-takeaways}} block.")
        holder = nodes.container()
        self.state.nested_parse(StringList(blocks[0].body, source=f"{unit}.md"), 0, holder)
        items = [n for n in holder.findall(nodes.list_item)]
        try:
            chosen = item_range(self.options.get("items"), len(items))
        except AuthoringError as error:
            return self.fail(f"Takeaways of {unit}.md: {error}")
        result = nodes.bullet_list(classes=["deck-takeaways"])
        result.extend(items[i].deepcopy() for i in chosen)
        return [result]


class PollDirective(DeckDirective):
    """``{poll} N``: question N of the module's self-check, the answer on the next fragment."""

    required_arguments = 1

    def run(self):
        try:
            unit, _path, lines = self.unit_source()
        except (AuthoringError, OSError) as error:
            return self.fail(f"Cannot read the module of this deck: {error}")
        questions = quiz_questions(lines)
        if not self.arguments[0].isdigit() or not 1 <= int(self.arguments[0]) <= len(questions):
            return self.fail(f"{{poll}} {self.arguments[0]}: {unit}.md has questions 1 to {len(questions)}.")
        poll = questions[int(self.arguments[0]) - 1]
        box = nodes.container(classes=["deck-poll"], ids=[f"poll-{poll.number}"])
        holder = nodes.container()
        self.state.nested_parse(StringList(poll.stem, source=f"{unit}.md"), 0, holder)
        box.extend(holder.children)
        shown = display_order(poll.quiz_id, poll.number, len(poll.options)) if poll.qtype == "ordering" \
            else list(range(len(poll.options)))
        choices = nodes.enumerated_list(enumtype="upperalpha", classes=["poll-options"])
        for index in shown:
            item = nodes.list_item()
            item += self.parse_text_to_nodes(poll.options[index])
            choices += item
        box += choices
        letters = [chr(ord("A") + shown.index(i)) for i in poll.correct]
        answer = nodes.paragraph(classes=["fragment", "poll-answer"])
        if poll.qtype == "matching":
            # The categories to choose from, alphabetical as on the page; the pairs on the next click.
            names = sorted(set(poll.categories + poll.extra_categories), key=str.casefold)
            box += nodes.paragraph("", _("Categories: %s.") % "; ".join(names))
            answer += nodes.strong("", _("Answer:") + " ")
            answer += nodes.Text("; ".join(f"{chr(ord('A') + i)} → {c}" for i, c in enumerate(poll.categories)) + ".")
        elif poll.qtype == "ordering":
            answer += nodes.strong("", _("Answer:") + " ")
            answer += nodes.Text(_("the order is {order}.").format(order=", ".join(letters)))
        else:
            answer += nodes.strong("", _("Answer:") + " ")
            answer += nodes.Text(", ".join(letters) + ". ")
            for i in poll.correct:
                answer += self.parse_text_to_nodes(poll.options[i])[0].children
                answer += nodes.Text(" ")
        box += answer
        return [box]


def add_deck_links(app, doctree, docname) -> None:
    """On each deck's title slide, links back to the deck index and to the module page."""
    if app.builder.name not in ("revealjs", "dirrevealjs") or "/slides/" not in docname:
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    site = course_config(app).course_deck_site
    index = posixpath.join(site, course_config(app).course_deck_index + ".html")
    unit = posixpath.join(site, deck_unit(docname) + ".html")
    folder = posixpath.dirname(docname)
    line = nodes.paragraph(classes=["deck-links"])
    line += nodes.reference("", _("All decks"), refuri=posixpath.relpath(index, folder))
    line += nodes.Text(" · ")
    line += nodes.reference("", _("Module page"), refuri=posixpath.relpath(unit, folder))
    first_slide = next((i for i, child in enumerate(section.children) if isinstance(child, nodes.section)), None)
    section.insert(len(section.children) if first_slide is None else first_slide, line)


DECK_COURSES = ("leadership", "counter-terrorism")


class DeckIndexDirective(SphinxDirective):
    """``{deck-index}``: every deck with its session, length and slide count (trainer edition)."""

    def run(self):
        if course_config(self).course_edition != "trainer":
            return [nodes.paragraph("", _("The slide decks are part of the trainer edition."))]
        rows = []
        here = posixpath.dirname(self.env.docname)
        for course in DECK_COURSES:
            for deck in sorted(Path(self.env.srcdir, "modules", course, "slides").glob("*.md")):
                unit = Path(self.env.srcdir, "modules", course, deck.name)
                self.env.note_dependency(str(deck))
                self.env.note_dependency(str(unit))
                docname = f"modules/{course}/{deck.stem}"
                title = next((line[2:].strip() for line in unit.read_text(encoding="utf-8").splitlines() if line.startswith("# ")), docname)
                duration = front_matter_from_file(unit).get("duration", "")
                href = posixpath.relpath(posixpath.join(course_config(self).course_slides_path, f"modules/{course}/slides/{deck.stem}.html"), here)
                open_deck = nodes.reference("", _("Open the deck"), refuri=href)
                session = nodes.reference("", title, internal=True, refuri=posixpath.relpath(docname, here) + ".html")
                rows.append([session, _("{minutes} min").format(minutes=duration), count_slides(deck.read_text(encoding="utf-8")), open_deck])
        return [simple_table([_("Session"), _("Length"), _("Slides"), _("Deck")], rows, [50, 15, 10, 25], ["deck-index"])]


def add_deck_stylesheet(app) -> None:
    if app.builder.name in ("revealjs", "dirrevealjs"):
        app.add_css_file("course-slides.css")


def setup_slides(app) -> None:
    app.add_directive("deck-index", DeckIndexDirective)
    visitors = (visit_deck_notes, depart_deck_notes)
    app.add_node(deck_notes, html=visitors, revealjs=visitors, dirrevealjs=visitors)
    app.add_directive("trainer-part", TrainerPartDirective)
    app.add_directive("slide-notes", SlideNotesDirective)
    app.add_directive("deck-objectives", DeckObjectivesDirective)
    app.add_directive("deck-takeaways", DeckTakeawaysDirective)
    app.add_directive("poll", PollDirective)
    app.connect("builder-inited", add_deck_stylesheet)
    app.connect("doctree-resolved", add_deck_links)
