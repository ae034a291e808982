"""Prepare-and-print packs: everything a format needs on paper, in running order.

``{pack} Half-day workshop`` (agenda titles; several separated by ``;``) reads the
agendas of that title on the run-sheet pages and renders, for their items:

- a materials list: handouts, role cards, inject sheets and participant versions,
  the cards for the principles sort when Module 2 is on the agenda, flipcharts;
- then the printable sheets in running order: each module's handout, and for each
  exercise its participant version (without the injects and the facilitator guide),
  one role card per role and one inject sheet per inject, with its timing.

Roles and injects come from each exercise's own markup: the items of its
``## Roles`` list, and its ``### Inject N — at M minutes`` sections. ``make pdf``
prints each pack page to one PDF, each sheet on a new page.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from ..i18n import _
from ..registry import AggregateDirective, add_placeholder, course_registry, gathers, read_stamps
from ..warnings_ import logger
from .agenda import agenda
from .handouts import handout, handout_pages, units_in_order
from .notes import TRAINER_CLASS

PRINCIPLES_MODULE = "modules/leadership/02-principles"
INJECT_TITLE = re.compile(r"^Inject\s+(\d+)\s*[—–-]\s*at\s+(\d+)\s+minutes?$")
HELD_BACK = ("Injects",)  # revealed by the facilitator during the exercise


class pack(nodes.General, nodes.Element):  # noqa: N801
    """``agendas``: the titles of the agendas the pack prints for."""


class PackDirective(AggregateDirective):
    node_class, kind = pack, "pack"
    required_arguments = 1
    final_argument_whitespace = True

    def run(self):
        (node,) = super().run()
        node["agendas"] = [title.strip() for title in self.arguments[0].split(";") if title.strip()]
        name = self.env.docname.rsplit("/", 1)[-1]
        return [*pdf_links(self, [(f"packs/{name}.pdf", _("This pack as one PDF, ready to print"))]), node]


def pdf_links(directive: SphinxDirective, entries: list[tuple[str, str]]) -> list[nodes.Node]:
    """Links to the printed PDFs, in the trainer edition only, as files of the site.

    ``make pdf`` prints the PDFs into ``course_pdf_folder`` and then rebuilds the trainer edition,
    so each PDF found there is copied into the site (Sphinx's downloads) and its link resolves
    wherever the edition is copied. A copy built without them says so instead of linking to files
    that are not there.
    """
    config, env = directive.config, directive.env
    if config.course_edition != "trainer":
        return []
    folder = Path(env.srcdir) / config.course_pdf_folder
    present = [(path, label) for path, label in entries if (folder / path).is_file()]
    if not present:
        return [nodes.paragraph("", _("The PDF files are not part of this copy of the trainer edition; "
                                      "ask the course maintainers for a copy that includes them."),
                                classes=["pdf-files-missing"])]
    listing = nodes.bullet_list(classes=["pdf-files"])
    for path, label in present:
        link = pdf_reference(env, config, path, label)
        listing += nodes.list_item("", nodes.paragraph("", "", link, nodes.Text(" (PDF)")))
    return [listing]


def pdf_reference(env, config, path: str, label: str) -> addnodes.download_reference | None:
    """A link to a printed PDF as a file of the trainer edition, or None where there is none."""
    folder = Path(env.srcdir) / config.course_pdf_folder
    if config.course_edition != "trainer" or not (folder / path).is_file():
        return None
    env.note_dependency(str(folder / path))
    link = addnodes.download_reference("", "", refdoc=env.docname, refexplicit=True, reftype="download",
                                       refdomain="", reftarget="/" + (Path(config.course_pdf_folder) / path).as_posix())
    link += nodes.inline("", label)
    return link


class PdfFilesDirective(SphinxDirective):
    """``{pdf-files}``: one ``path: label`` line per PDF (paths inside ``course_pdf_folder``)."""

    has_content = True

    def run(self):
        entries = []
        for offset, line in enumerate(self.content):
            path, _colon, label = line.partition(":")
            if not line.strip():
                continue
            if not label.strip() or not path.strip().endswith(".pdf"):
                logger.error(f"{{pdf-files}} lists one 'file.pdf: label' per line; found {line.strip()!r}. [course.agenda]",
                             location=(self.env.docname, self.lineno + 1 + offset))
                continue
            entries.append((path.strip(), label.strip()))
        return pdf_links(self, entries)


def agenda_items(env, titles: list[str]) -> tuple[list[str], list[str]]:
    """The pages on the agendas with these titles, in running order, and any title not found."""
    found: dict[str, list[str]] = {}
    for docname in course_registry(env).pages_gathering("agenda"):
        for node in env.get_doctree(docname).findall(agenda):
            if node["title"] in titles:
                found[node["title"]] = [i["target"] for i in node["items"] if i["kind"] == "unit"]
    pages = [page for title in titles for page in found.get(title, [])]
    return pages, [title for title in titles if title not in found]


def section_named(doctree, title: str) -> nodes.section | None:
    return next((s for s in doctree.findall(nodes.section) if s[0].astext().strip() == title), None)


def roles(doctree) -> list[tuple[str, list[nodes.Node]]]:
    """Each role of an exercise: its name (the bold start of the list item) and its text."""
    section = section_named(doctree, "Roles")
    if section is None:
        return []
    found = []
    for item in next(section.findall(nodes.bullet_list), nodes.bullet_list()).children:
        paragraph = item[0]
        strong = next(iter(paragraph.findall(nodes.strong)), None)
        name = strong.astext() if strong is not None else paragraph.astext().split(":")[0]
        found.append((name, list(item.children)))
    return found


def injects(doctree) -> list[tuple[str, int, nodes.section]]:
    """Each inject: its title, its minute into the exercise, and its section."""
    found = []
    for section in doctree.findall(nodes.section):
        match = INJECT_TITLE.match(section[0].astext().strip())
        if match:
            found.append((section[0].astext().strip(), int(match.group(2)), section))
    return found


def without_trainer_content(node: nodes.Node, prefix: str) -> nodes.Node:
    """A copy without trainer-only blocks, its ids prefixed: two exercises share section names."""
    copy = node.deepcopy()
    for element in copy.findall(nodes.Element):
        element["ids"] = [f"{prefix}-{i}" for i in element.get("ids", [])]
    for box in list(copy.findall(lambda n: isinstance(n, nodes.Element) and TRAINER_CLASS in n.get("classes", []))):
        if box.parent is not None:
            box.parent.remove(box)
    return copy


def participant_version(env, docname: str) -> nodes.section:
    """The exercise as participants read it: no injects, no facilitator guide."""
    doctree = env.get_doctree(docname)
    title = env.titles[docname].astext()
    sheet = nodes.section(ids=[f"participant-{short(docname)}"], classes=["print-sheet", "participant-version"])
    sheet += nodes.title("", _("Participant version: %s") % title.removeprefix("Exercise: "))
    top = next(iter(doctree.findall(nodes.section)))
    for child in top.children[1:]:
        if isinstance(child, nodes.section) and child[0].astext().strip() in HELD_BACK:
            continue
        if TRAINER_CLASS in child.get("classes", []):
            continue  # the facilitator guide, a section of its own in the trainer edition
        sheet += without_trainer_content(child, sheet["ids"][0])
    return sheet


def short(docname: str) -> str:
    return docname.rsplit("/", 1)[-1]


def exercise_sheets(env, docname: str) -> list[nodes.Node]:
    doctree = env.get_doctree(docname)
    exercise = env.titles[docname].astext().removeprefix("Exercise: ")
    sheets: list[nodes.Node] = [participant_version(env, docname)]
    for number, (name, body) in enumerate(roles(doctree), start=1):
        card = nodes.section(ids=[f"role-{short(docname)}-{number}"], classes=["print-sheet", "role-card"])
        card += nodes.title("", _("Role card: %s") % name)
        card += nodes.paragraph("", _("Exercise: %s") % exercise, classes=["sheet-exercise"])
        card += [without_trainer_content(child, card["ids"][0]) for child in body]
        sheets.append(card)
    for number, (title, minute, section) in enumerate(injects(doctree), start=1):
        sheet = nodes.section(ids=[f"inject-{short(docname)}-{number}"], classes=["print-sheet", "inject-sheet"])
        sheet += nodes.title("", title)
        sheet += nodes.paragraph(
            "", _("Exercise: %(exercise)s. Hand out at minute %(minute)s.") % {"exercise": exercise, "minute": minute},
            classes=["sheet-exercise"],
        )
        sheet += [without_trainer_content(child, sheet["ids"][0]) for child in section.children[1:]]
        sheets.append(sheet)
    return sheets


def materials(env, pages: list[str]) -> nodes.bullet_list:
    registry = course_registry(env)
    modules = [p for p in pages if registry.units.get(p, {}).get("kind") == "module"]
    exercises = [p for p in pages if registry.units.get(p, {}).get("kind") == "exercise"]
    listing = nodes.bullet_list(classes=["pack-materials"])

    def item(*parts) -> None:
        paragraph = nodes.paragraph()
        for part in parts:
            paragraph += part if isinstance(part, nodes.Node) else nodes.Text(part)
        listing.append(nodes.list_item("", paragraph))

    if modules:
        # Each title links to the unit's handout page, to open or print on its own.
        handout_of = handout_pages(env)
        titles: list[nodes.Node | str] = []
        for module in modules:
            title = env.titles[module].astext()
            titles += ["; "] if titles else []
            titles.append(addnodes.pending_xref(
                "", nodes.inline("", title), refdomain="std", reftype="doc", reftarget="/" + handout_of[module],
                refexplicit=True, refwarn=True) if module in handout_of else title)
        item(nodes.strong("", _("Handouts")), " " + _("(one per participant, 1–2 pages each):") + " ", *titles, ".")
    for exercise in exercises:
        doctree = env.get_doctree(exercise)
        name = env.titles[exercise].astext().removeprefix("Exercise: ")
        item(nodes.strong("", name), ": " + _(
            "a participant version for each participant; %(roles)s role cards (one per role, one set per group); "
            "%(injects)s inject sheets (one per inject, handed out at the minute printed on each)."
        ) % {"roles": len(roles(doctree)), "injects": len(injects(doctree))})
    if PRINCIPLES_MODULE in pages:
        item(nodes.strong("", _("Cards for the principles sort")), ": " + _(
            "the 17 instrumental principles, one per card, and the five core principles as headers; "
            "one set per group of four to six."
        ))
    item(nodes.strong("", _("Flipcharts")), ": " + _(
        "one stand and pad per group and one at the front, with markers; sticky notes for the scenario votes."
    ))
    item(nodes.strong("", _("Name cards")), ": " + _("one per participant, with first name and organisation."))
    return listing


def pack_nodes(app, docname: str, node: pack) -> list[nodes.Node]:
    env = app.env
    pages, missing = agenda_items(env, node["agendas"])
    for title in missing:
        logger.error(f'{{pack}} names the agenda "{title}", which no run-sheet page has. [course.agenda]',
                     location=(docname, node.line))
    result: list[nodes.Node] = [nodes.rubric("", _("Materials to print and bring")), materials(env, pages)]
    order = nodes.enumerated_list(classes=["pack-order"])
    sheets: list[nodes.Node] = []
    modules = set(units_in_order(env))
    for page in pages:
        if page in modules:
            sheet = handout(env, page)
            sheet["classes"].append("print-sheet")
            sheets.append(sheet)
            order += nodes.list_item("", nodes.paragraph("", _("Handout: %s") % env.titles[page].astext()))
        elif course_registry(env).units.get(page, {}).get("kind") == "exercise":
            sheets.extend(exercise_sheets(env, page))
            order += nodes.list_item("", nodes.paragraph("", _(
                "Exercise sheets: %s (participant version, role cards, inject sheets)"
            ) % env.titles[page].astext().removeprefix("Exercise: ")))
    result += [nodes.rubric("", _("Printed in this order")), order]
    printed = nodes.container(classes=["pack-sheets"])
    printed.extend(sheets)
    result.append(printed)
    return result


def pack_inputs(app):
    """A pack copies handouts and exercise sections from the pages on its agendas."""
    return read_stamps(app.env, course_registry(app.env).units)


def add_pack_stylesheet(app, pagename, templatename, context, doctree) -> None:
    if course_registry(app.env).gathers(pagename, "pack"):
        app.add_css_file("course-packs.css")


def setup_packs(app) -> None:
    gathers(PackDirective.kind, pack_inputs)
    add_placeholder(app, pack, pack_nodes)
    app.add_directive("pack", PackDirective)
    app.add_directive("pdf-files", PdfFilesDirective)
    app.add_config_value("course_pdf_folder", "_build/pdf", "env",
                         description="Folder (from the source folder) where make pdf prints the PDFs the trainer edition links.")
    app.connect("html-page-context", add_pack_stylesheet)
