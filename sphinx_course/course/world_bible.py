"""The world bible: one fictional country and its neighbours, and a check that scenarios use it.

``docs/authoring/world.yaml`` lists every agency, place and organisation a scenario may name;
``{world-bible}`` renders it on the authoring page. While reading, the build checks every exercise
page as a whole and, elsewhere, every ``{scenario}`` and ``{debrief}`` block. It finds the names a scenario gives to
agencies, organisations, companies, media and places: capitalised names ending in a word such as
"Police Service", "Authority", "Unit", "Centre", "Network", "Systems" or "Courier"; names introduced
as "called X", quoted, or "X, a software company"; places as "the city of X" or "the X district".
A name the file does not list is a located ``course.world_name`` warning. A place or public body
that the file puts in another country than the one the page is set in (the countries it names, else
the home country) is a ``course.world_place`` warning. Text of external links is not checked: it
names the real sources cited.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..errors import AuthoringError
from ..questionnaire.data_files import read_yaml_data
from ..warnings_ import CourseWarning, logger, warn
from .debrief import DEBRIEF_CLASS
from .teaching_blocks import SCENARIO_CLASS, boxes

WORLD_FILE = "docs/authoring/world.yaml"
GROUPS = ("regions", "national_bodies", "courts", "media", "civil_society", "companies", "internal_bodies",
          "neighbours")
HOME = "home"  # the key of the home country in the name -> country map
#: Pages checked as a whole (docname prefixes); elsewhere only ``{scenario}`` blocks are checked,
#: because module text around them discusses real agencies and cases.
CHECKED_PAGES = ("exercises/",)
# Words that end a name: public bodies and their units, organisations, companies and media.
# Longer words first where one begins another ("Police Service" before "Police").
AGENCY_WORDS = ("Police Service", "Police", "Constabulary", "Authority", "Commission", "Court", "Office",
                "Board", "Ministry", "Agency", "Inspectorate", "Ombudsman", "Tribunal", "Directorate", "Bureau")
UNIT_WORDS = ("Unit", "Centre", "Center", "Command", "Division", "Department", "Services", "Service",
              "Council", "Committee", "Panel", "Network", "Chamber")
ORGANISATION_WORDS = ("Forum", "Trust", "Association", "Institute", "Foundation", "Front", "Vanguard",
                      "Movement", "Systems", "Analytics", "Linguistics", "Sciences", "Technologies",
                      "Solutions", "Labs")
MEDIA_WORDS = ("Courier", "Herald", "Gazette", "Times", "Tribune", "Chronicle", "Journal", "Voice")
NAME_ENDINGS = AGENCY_WORDS + UNIT_WORDS + ORGANISATION_WORDS + MEDIA_WORDS
# Words that start a sentence or a phrase and are not part of a name.
LEADING = {"The", "A", "An", "Its", "Their", "His", "Her", "Our", "Your", "This", "That", "Each", "Every",
           "Does", "Is", "In", "At", "If", "When", "For", "By", "From", "To", "And", "Or", "But", "Under",
           "After", "Before", "With", "Without", "Since", "Which", "What", "Why", "How", "Who", "Should",
           "Can", "Could", "Would", "Will", "Do", "Did", "Was", "Are", "Has", "Have", "As", "On", "Of",
           "Both", "Neither", "Unlike", "Meanwhile", "Then", "Now", "Only", "All", "Some", "No", "Not"}
_WORD = r"[A-Z][\w'’-]*"
_NAME = re.compile(rf"((?:{_WORD} )+)(?:{'|'.join(NAME_ENDINGS)})\b")
_PHRASE = rf"{_WORD}(?: {_WORD})*"
# A company or product with no telling last word is still caught by what introduces it:
# 'a provider called Orvane Systems', '"SightLine"', 'Brightwell Civic, a software company'.
_CALLED = re.compile(rf"\b(?:called|named) [\"“]?({_PHRASE})")
# A quoted name: every word and every hyphenated part capitalised ("Kestrel-Text", not "De-identified").
_QUOTED_WORD = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*"
_QUOTED = re.compile(rf"[\"“]({_QUOTED_WORD}(?: {_QUOTED_WORD})*)[\"”]")
# A single plain quoted word is a name only when the text says what it is ('"Tessellate", a
# risk-scoring tool'); otherwise it is a label or a quotation ('is "Severe" for the person').
_PRODUCT_AFTER = re.compile(r"[\"”],? an? (?:[\w-]+ ){0,3}(?:tool|system|service|product|app|chatbot|classifier|"
                            r"model|platform|assistant|software)\b")
# Names of police operations are a scenario's own, not the world's.
NOT_NAMES = ("Operation ",)
# A product named in camel case, wherever it stands: "PulseWatch", "SafeCue".
_CAMEL = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")
_COMPANY = re.compile(rf"({_PHRASE}), an? (?:[\w-]+ ){{0,3}}(?:company|firm|provider|supplier|vendor|start-up)\b")
# A place is caught by its noun: 'the city of Kelmora', 'the Eastgate district'.
_PLACE_NOUNS = "city|town|village|port|district|region|province|municipality|suburb|county|island"
_PLACE_OF = re.compile(rf"\b(?:{_PLACE_NOUNS}) of ({_PHRASE})")
_PLACE_BEFORE = re.compile(rf"\b(?:the|an?) ({_PHRASE}) (?:{_PLACE_NOUNS}|quarter|estate|neighbourhood)\b")


def _trim(words: list[str]) -> str:
    while words and words[0] in LEADING:
        words.pop(0)
    return re.sub(r"['’]s\b", "", " ".join(words))  # "Brennmoor Police Service's" names the service


def agency_names(text: str) -> list[str]:
    """Capitalised names in ``text`` that end in an agency or organisation word, without a leading "The"."""
    found = []
    for match in _NAME.finditer(" ".join(text.split())):
        words = match.group(0).split()
        while words and words[0] in LEADING:
            words.pop(0)
        if len(words) >= 2 or (words and words[0] not in NAME_ENDINGS):
            name = _trim(words)
            if name not in found:
                found.append(name)
    return found


def introduced_names(text: str) -> list[str]:
    """Names of companies and products found by how the text introduces them, not by their last word."""
    found = []
    text = " ".join(text.split())
    for pattern in (_CALLED, _QUOTED, _COMPANY, _CAMEL):
        for match in pattern.finditer(text):
            if pattern is _QUOTED and re.fullmatch(r"[A-Z][a-z'’]*", match.group(1)) and not _PRODUCT_AFTER.match(
                    text, match.end(1)):
                continue
            name = _trim((match.group(1) if pattern.groups else match.group(0)).split())
            if name and name not in found and not name.startswith(NOT_NAMES):
                found.append(name)
    return found


def place_names(text: str) -> list[str]:
    """Names found as places: 'the city of X', 'the X district'."""
    found = []
    text = " ".join(text.split())
    for pattern in (_PLACE_OF, _PLACE_BEFORE):
        for match in pattern.finditer(text):
            name = _trim(match.group(1).split())
            if name and name not in found:
                found.append(name)
    return found


def _entry_names(entry: dict) -> list[str]:
    names = [entry["name"], *(entry.get("aliases") or []), *(entry.get("places") or []),
             *(entry.get("bodies") or []), *(entry.get("products") or []), *(entry.get("organisations") or [])]
    if entry.get("police"):
        names.append(entry["police"])
    return names


def known_names(world: dict) -> set[str]:
    """Every name the world file allows: entries, their police, places, bodies, aliases and real bodies."""
    names = set(world.get("real_bodies") or [])
    country = world.get("country") or {}
    names.update(filter(None, [country.get("name"), country.get("capital")]))
    for group in GROUPS:
        for entry in world.get(group) or []:
            names.update(_entry_names(entry))
    return names


def name_countries(world: dict) -> dict[str, str]:
    """Each name bound to one country (places, police, public bodies) -> that country's name.

    Companies, media and civil society are left out: they may act across borders."""
    home = (world.get("country") or {}).get("name", HOME)
    bound = {}
    if (world.get("country") or {}).get("capital"):
        bound[world["country"]["capital"]] = home
    for group in ("regions", "national_bodies", "courts"):
        for entry in world.get(group) or []:
            for name in [entry["name"], *(entry.get("places") or []), *(entry.get("bodies") or [])] + (
                    [entry["police"]] if entry.get("police") else []):
                bound[name] = home
    for entry in world.get("neighbours") or []:
        for name in [entry["name"], *(entry.get("places") or []), *(entry.get("bodies") or [])]:
            bound[name] = entry["name"]
    return bound


def countries(world: dict) -> list[str]:
    return [(world.get("country") or {}).get("name", HOME)] + [n["name"] for n in world.get("neighbours") or []]


def is_known(name: str, known: set[str]) -> bool:
    """A name the bible lists, or the start of one ("Global Internet Forum" of "... to Counter Terrorism")."""
    return name in known or any(k.startswith(name + " ") for k in known)


def unknown_agency_names(text: str, known: set[str]) -> list[str]:
    return [name for name in agency_names(text) if not is_known(name, known)]


def unknown_names(text: str, known: set[str]) -> list[tuple[str, str]]:
    """(kind, name) for every name in ``text`` the bible does not list: agencies, companies, products, places."""
    out: list[tuple[str, str]] = []
    for kind, names in (("agency or organisation", agency_names(text)), ("company or product", introduced_names(text)),
                        ("place", place_names(text))):
        for name in names:
            if not is_known(name, known) and name not in [n for _k, n in out]:
                out.append((kind, name))
    return out


def page_countries(text: str, world: dict) -> set[str]:
    """The bible's countries a page is set in: those it names (or their adjective), else the home country."""
    named = {c for c in countries(world) if re.search(rf"\b{re.escape(c)}", text)}
    return named or {countries(world)[0]}


def misplaced_names(text: str, setting: set[str], bound: dict[str, str]) -> list[tuple[str, str]]:
    """(name, its country) for bible names in ``text`` that belong to a country the page is not set in."""
    out = []
    for name, country in bound.items():
        if country in setting:
            continue
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            # Part of a longer name ("Norvalian Internet Referral Unit") is not this name.
            before = re.search(rf"({_WORD}) $", text[:match.start()])
            if before is None or before.group(1) in LEADING:
                out.append((name, country))
                break
    return out


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


def _checked_text(block: nodes.Element) -> str:
    """A paragraph's text without cited sources (external link text names real bodies) or code."""
    parts = []
    for text in block.findall(nodes.Text):
        parent, skip = text.parent, False
        while parent is not None and parent is not block:
            if isinstance(parent, nodes.literal) or (
                    isinstance(parent, nodes.reference) and "://" in parent.get("refuri", "")):
                skip = True
                break
            parent = parent.parent
        if not skip:
            parts.append(text.astext())
    return " ".join("".join(parts).split())


def _checked_blocks(app, doctree) -> tuple[list[nodes.Element], str]:
    """The paragraphs and titles to check, and where: a whole exercise page, else scenarios and debriefs."""
    docname = app.env.docname
    if docname.startswith(CHECKED_PAGES):
        return [n for n in doctree.findall(lambda n: isinstance(n, (nodes.paragraph, nodes.title)))], "an exercise"
    # A debrief answers its scenario, so it names the same world.
    blocks = [p for cls in (SCENARIO_CLASS, DEBRIEF_CLASS) for box in boxes(doctree, cls)
              for p in box.findall(nodes.paragraph)]
    return blocks, "a scenario"


def _location(app, block: nodes.Element):
    """The block itself when it has a line; else (docname, line of the nearest node after it that has one)."""
    if block.line:
        return block
    after = block.next_node(lambda n: isinstance(n, nodes.Element) and bool(n.line), siblings=True)
    return (app.env.docname, after.line if after is not None else None)


def check_scenario_names(app, doctree) -> None:
    world = _world(app)
    if world is None:
        return
    known, bound = known_names(world), name_countries(world)
    blocks, where = _checked_blocks(app, doctree)
    if not blocks:
        return
    texts = [(block, _checked_text(block)) for block in blocks]
    setting = page_countries(" ".join(t for _b, t in texts), world)
    reported = set()
    for block, text in texts:
        location = _location(app, block)
        for kind, name in unknown_names(text, known):
            if name in reported:
                continue
            reported.add(name)
            warn(CourseWarning.WORLD_NAME,
                 f"unknown {kind} name {name!r} in {where}: use a name from the world bible "
                 f"({WORLD_FILE}) or add it there", location=location)
        for name, country in misplaced_names(text, setting, bound):
            if name in reported:
                continue
            reported.add(name)
            warn(CourseWarning.WORLD_PLACE,
                 f"{name!r} belongs to {country} in the world bible ({WORLD_FILE}), but {where} here is set in "
                 f"{' and '.join(sorted(setting))}: use a name from that country or name {country} as a setting",
                 location=location)


class WorldBibleDirective(SphinxDirective):
    """Renders the world file as tables, so the page and the check read one source."""

    def run(self):
        self.env.note_dependency(WORLD_FILE)
        world = _world(self.env.app)
        if world is None:
            return []
        out = []
        labels = {"regions": ("Region", "Places", "Police"), "neighbours": ("State", "In the EU", "Places"),
                  "companies": ("Name", "Products", None)}
        for group in GROUPS:
            entries = world.get(group) or []
            if not entries:
                continue
            first, second, third = labels.get(group, ("Name", None, None))
            header = [first] + [h for h in (second, third) if h] + (
                ["Bodies and organisations"] if group == "neighbours" else []) + ["Summary"]
            rows = []
            for entry in entries:
                if group == "regions":
                    cells = [entry["name"], ", ".join(entry.get("places") or []), entry.get("police", "")]
                elif group == "neighbours":
                    cells = [entry["name"], "yes" if entry.get("eu") else "no", ", ".join(entry.get("places") or []) or "–",
                             ", ".join([*(entry.get("bodies") or []), *(entry.get("organisations") or [])]) or "–"]
                elif group == "companies":
                    cells = [entry["name"], ", ".join(entry.get("products") or []) or "–"]
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
