"""The world bible: one fictional country and its neighbours, and a check that scenarios use it.

``docs/authoring/world.yaml`` lists every agency, place and organisation a scenario may name;
``{world-bible}`` renders it on the authoring page. While reading, every capitalised name ending
in an agency word ("... Police Service", "... Authority", "... Court") inside a ``{scenario}``
block is checked against the file, and an unknown one is a located ``course.world_name`` warning.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..errors import AuthoringError
from ..questionnaire.data_files import read_yaml_data
from ..warnings_ import CourseWarning, logger, warn
from .teaching_blocks import SCENARIO_CLASS, boxes

WORLD_FILE = "docs/authoring/world.yaml"
GROUPS = ("regions", "national_bodies", "courts", "media", "civil_society", "companies", "neighbours")
AGENCY_WORDS = ("Police Service", "Police", "Constabulary", "Authority", "Commission", "Court", "Office",
                "Board", "Ministry", "Agency", "Inspectorate", "Ombudsman", "Tribunal", "Directorate", "Bureau")
# Words that start a sentence or a phrase and are not part of a name.
LEADING = {"The", "A", "An", "Its", "Their", "His", "Her", "Our", "Your", "This", "That", "Each", "Every",
           "Does", "Is", "In", "At", "If", "When", "For", "By", "From", "To", "And", "Or", "But"}
_WORD = r"[A-Z][\w'’-]*"
_ENDINGS = "|".join(AGENCY_WORDS)  # "Police Service" before "Police", so the longer name wins
_NAME = re.compile(rf"((?:{_WORD} )+)(?:{_ENDINGS})\b")


def agency_names(text: str) -> list[str]:
    """Capitalised names in ``text`` that end in an agency word, without a leading "The" or "Its"."""
    found = []
    for match in _NAME.finditer(" ".join(text.split())):
        words = match.group(0).split()
        while words and words[0] in LEADING:
            words.pop(0)
        if len(words) >= 2 or (words and words[0] not in AGENCY_WORDS):
            name = " ".join(words)
            name = re.sub(r"['’]s\b", "", name)  # "Brennmoor Police Service's" names the service
            if name not in found:
                found.append(name)
    return found


def known_names(world: dict) -> set[str]:
    """Every name the world file allows: entries, their police, places, bodies, aliases and real bodies."""
    names = set(world.get("real_bodies") or [])
    country = world.get("country") or {}
    names.update(filter(None, [country.get("name"), country.get("capital")]))
    for group in GROUPS:
        for entry in world.get(group) or []:
            names.add(entry["name"])
            names.update(entry.get("aliases") or [])
            names.update(entry.get("places") or [])
            names.update(entry.get("bodies") or [])
            if entry.get("police"):
                names.add(entry["police"])
    return names


def unknown_agency_names(text: str, known: set[str]) -> list[str]:
    return [name for name in agency_names(text) if name not in known]


def validate_world(data) -> dict:
    """The parsed world file, or an AuthoringError saying what is wrong with it."""
    if not isinstance(data, dict) or not isinstance(data.get("country"), dict) or not data["country"].get("name"):
        raise AuthoringError("the world file needs a 'country' with a 'name'")
    for group in GROUPS:
        entries = data.get(group) or []
        if not isinstance(entries, list):
            raise AuthoringError(f"'{group}' must be a list")
        for index, entry in enumerate(entries, 1):
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry.get("summary"):
                raise AuthoringError(f"entry {index} of '{group}' needs a 'name' and a 'summary'")
    return data


def load_world(srcdir: str) -> dict | None:
    path = Path(srcdir, WORLD_FILE)
    if not path.is_file():
        return None
    # A YAML mistake is an AuthoringError naming its line, from the shared reader.
    return validate_world(read_yaml_data(path))


def _world(app) -> dict | None:
    if not hasattr(app, "_course_world"):
        try:
            app._course_world = load_world(app.srcdir)
        except AuthoringError as error:
            logger.error(f"{WORLD_FILE}: {error.message} [course.world]")
            app._course_world = None
    return app._course_world


def check_scenario_names(app, doctree) -> None:
    world = _world(app)
    if world is None:
        return
    known = known_names(world)
    for box in boxes(doctree, SCENARIO_CLASS):
        for block in box.findall(nodes.paragraph):
            for name in unknown_agency_names(block.astext(), known):
                warn(CourseWarning.WORLD_NAME,
                     f"unknown agency name {name!r} in a scenario: use a name from the world bible "
                     f"({WORLD_FILE}) or add it there", location=block if block.line else box)


class WorldBibleDirective(SphinxDirective):
    """Renders the world file as tables, so the page and the check read one source."""

    def run(self):
        self.env.note_dependency(WORLD_FILE)
        world = _world(self.env.app)
        if world is None:
            return []
        out = []
        labels = {"regions": ("Region", "Places", "Police"), "neighbours": ("State", "In the EU", "Bodies")}
        for group in GROUPS:
            entries = world.get(group) or []
            if not entries:
                continue
            first, second, third = labels.get(group, ("Name", None, None))
            header = [first] + ([second, third] if second else []) + ["Summary"]
            rows = []
            for entry in entries:
                if group == "regions":
                    cells = [entry["name"], ", ".join(entry.get("places") or []), entry.get("police", "")]
                elif group == "neighbours":
                    cells = [entry["name"], "yes" if entry.get("eu") else "no", ", ".join(entry.get("bodies") or []) or "–"]
                else:
                    cells = [entry["name"]]
                rows.append(cells + [entry["summary"]])
            out.append(_table(group.replace("_", " ").capitalize(), header, rows))
        return out


def _table(caption: str, header: list[str], rows: list[list[str]]) -> nodes.table:
    table = nodes.table(classes=["world-bible", "colwidths-auto"])  # no inline widths: strict CSP
    table += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(header))
    table += group
    for _c in header:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    group += head
    head += nodes.row("", *[nodes.entry("", nodes.paragraph(text=h)) for h in header])
    body = nodes.tbody()
    group += body
    for cells in rows:
        body += nodes.row("", *[nodes.entry("", nodes.paragraph(text=str(c))) for c in cells])
    return table


def setup_world(app) -> None:
    app.add_directive("world-bible", WorldBibleDirective)
    app.connect("doctree-read", check_scenario_names)
