"""Printable material gathered from the units themselves, never written twice.

``{handout} /modules/...`` renders, on a page of its own, the one-to-two-page
handout of one module or session: objectives (from the front matter), key
takeaways, the scenario's discussion questions and the key sources, all copied
from the unit's own doctree. The page's heading is the unit's title.

``{handouts}`` renders the contents of the handouts, in course order: each unit's
title linking to its handout page, its length and, in the trainer edition, its
PDF when ``make pdf`` has printed it.

``{trainer-manual}`` renders, in the trainer edition only, every unit's trainer
notes and quiz answer key in course order, then every exercise's facilitator
guide; the learner edition gets one line saying where the manual is.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from ..course.teaching_blocks import TAKEAWAYS_CLASS, boxes
from ..course.units import objectives_list
from ..i18n import _
from ..links.sources_registry import FURTHER_READING_CLASS
from ..quiz.directives import plain_answer_key, quiz_answer_key
from ..registry import AggregateDirective, add_placeholder, course_registry, gathers, read_stamps
from ..warnings_ import logger
from .notes import TRAINER_CLASS

SOURCES_PER_HANDOUT = 4
#: The class of a ``{discussion-questions}`` block: the contract the handouts rely on.
DISCUSSION_CLASS = "discussion-questions"


class handouts(nodes.General, nodes.Element):  # noqa: N801
    """The contents of the handouts; its children are the PDF links found at read time."""


class handout_page(nodes.General, nodes.Element):  # noqa: N801
    """``unit``: the docname of the module or session whose handout this page shows."""


class trainer_manual(nodes.General, nodes.Element):  # noqa: N801
    pass


class HandoutsDirective(AggregateDirective):
    node_class, kind = handouts, "handouts"

    def run(self):
        (node,) = super().run()
        # PDF links must exist at read time for Sphinx to copy the files; the rows that hold
        # them are arranged at write time, once every unit has been read.
        from .packs import pdf_reference

        folder = handouts_folder(self.env.docname)
        for page in sorted(d for d in self.env.found_docs if d.startswith(folder)):
            name = page.removeprefix(folder) + ".pdf"
            link = pdf_reference(self.env, self.config, f"handouts/{name}", name)
            if link is not None:
                link["handout_page"] = page
                node += link
        return [node]


class HandoutDirective(AggregateDirective):
    node_class, kind = handout_page, "handout"
    required_arguments = 1

    def run(self):
        (node,) = super().run()
        node["unit"] = self.arguments[0].removeprefix("/")
        return [node]


class TrainerManualDirective(AggregateDirective):
    node_class, kind = trainer_manual, "trainer-manual"


#: The order the course is taught in: the leadership modules, then the counter-terrorism sessions.
COURSE_ORDER = ("modules/leadership/", "modules/counter-terrorism/")


def course_position(docname: str) -> tuple[int, str]:
    rank = next((i for i, prefix in enumerate(COURSE_ORDER) if docname.startswith(prefix)), len(COURSE_ORDER))
    return rank, docname


def units_in_order(env, kind: str = "module") -> list[str]:
    """Units of a kind in course order (not alphabetical, which would put counter-terrorism first)."""
    return sorted((docname for docname, _record in course_registry(env).units_of(kind)), key=course_position)


def contents(env, docnames: list[str], anchor_of) -> list[nodes.Node]:
    """A contents list linking to each gathered unit further down the same page."""
    items = nodes.bullet_list(classes=["gathered-contents"])
    for docname in docnames:
        link = nodes.reference("", env.titles[docname].astext(), internal=True, refid=anchor_of(docname))
        items += nodes.list_item("", nodes.paragraph("", "", link))
    return [nodes.rubric("", _("Contents")), items]


def anchor(docname: str) -> str:
    return "handout-" + docname.rsplit("/", 1)[-1]


def handouts_folder(contents_page: str) -> str:
    """The handout pages sit in a folder named after the contents page: handouts.md, handouts/<unit>.md."""
    return contents_page + "/"


def handout_pages(env) -> dict[str, str]:
    """Each unit's handout page, found by the ``{handout}`` on it: unit docname -> page docname."""
    return {node["unit"]: page for page in course_registry(env).pages_gathering("handout")
            for node in env.get_doctree(page).findall(handout_page)}


class DiscussionQuestionsDirective(SphinxDirective):
    """``{discussion-questions}``: a scenario's numbered questions, under a fixed heading.

    The block is an ordinary container holding a paragraph and an enumerated list, so every
    builder writes it; handouts and packs find it by its class.
    """

    has_content = True

    def run(self):
        block = nodes.container(classes=[DISCUSSION_CLASS])
        self.set_source_info(block)
        block += nodes.paragraph("", "", nodes.strong("", _("Discussion questions")), classes=["discussion-questions-title"])
        content = self.parse_content_to_nodes()
        if len(content) != 1 or not isinstance(content[0], nodes.enumerated_list):
            logger.error("{discussion-questions} holds one numbered list (1. ... 2. ...) and nothing else. "
                         "[course.scenario]", location=self.get_location())
        block += content
        return [block]


def discussion_questions(doctree) -> list[nodes.Node]:
    """The numbered questions of the unit's ``{discussion-questions}`` blocks, found by their class."""
    return [
        child.deepcopy() for block in doctree.findall(nodes.container) if DISCUSSION_CLASS in block["classes"]
        for child in block.children if isinstance(child, nodes.enumerated_list)
    ]


def handout(env, docname: str) -> nodes.section:
    """The unit's handout as a section under its title, as the packs print it among other sheets."""
    section = nodes.section(ids=[anchor(docname)], classes=["handout"])
    section += nodes.title("", env.titles[docname].astext())
    section += handout_body(env, docname)
    return section


def handout_body(env, docname: str) -> list[nodes.Node]:
    doctree = env.get_doctree(docname)
    record = course_registry(env).units[docname]
    section = nodes.Element()  # a holder: the caller puts the parts under a title or a page's own
    section += nodes.paragraph("", _("About %s minutes.") % record["duration"])
    section += nodes.rubric("", _("Learning objectives"))
    section += unit_objectives(doctree, record)
    for box in boxes(doctree, TAKEAWAYS_CLASS):
        section += nodes.rubric("", _("Key takeaways"))
        section += [c.deepcopy() for c in box.children if not isinstance(c, nodes.title)]
    questions = discussion_questions(doctree)
    if questions:
        section += nodes.rubric("", _("Scenario discussion questions"))
        section += questions
    items = key_sources(doctree)
    if items:
        section += nodes.rubric("", _("Key sources"))
        section += nodes.bullet_list("", *items)
    return list(section.children)


def unit_objectives(doctree, record) -> nodes.bullet_list:
    """The objectives as the unit's header shows them (typeset, with curly quotes), without its anchors."""
    header = next((listing for listing in doctree.findall(nodes.bullet_list)
                   if "unit-objectives" in listing["classes"]), None)
    if header is None:
        return objectives_list([objective["text"] for objective in record["objectives"]], classes=())
    listing = header.deepcopy()
    listing["classes"] = []
    for item in listing.children:
        item["ids"] = []
    return listing


def contents_table(env, pdfs: dict[str, nodes.Node], with_pdfs: bool, location) -> nodes.table:
    """One row per unit in course order: its title linking to its handout page, its length, its PDF."""
    pages = handout_pages(env)
    headings = [_("Module or session"), _("Length")] + ([_("PDF")] if with_pdfs else [])
    table = nodes.table(classes=["handouts-contents"])
    group = nodes.tgroup(cols=len(headings))
    table += group
    group += [nodes.colspec(colwidth=width) for width in (6, 2, 1)[:len(headings)]]
    group += nodes.thead("", nodes.row("", *(nodes.entry("", nodes.paragraph("", h)) for h in headings)))
    body = nodes.tbody()
    group += body
    for unit in units_in_order(env):
        title = env.titles[unit].astext()
        page = pages.get(unit)
        if page is None:
            logger.error(f"{title} ({unit}) has no handout page. Add a page with its title as heading and "
                         f"```{{handout}} /{unit}``` in {handouts_folder(location[0])}. [course.handout]", location=location)
            cell = nodes.paragraph("", title)
        else:
            cell = nodes.paragraph("", "", addnodes.pending_xref(
                "", nodes.inline("", title), refdomain="std", reftype="doc", reftarget="/" + page,
                refexplicit=True, refwarn=True))
        row = nodes.row("", ids=[anchor(unit)])
        row += nodes.entry("", cell)
        row += nodes.entry("", nodes.paragraph("", _("%s minutes") % course_registry(env).units[unit]["duration"]))
        if with_pdfs:
            link = pdfs.get(page or "")
            row += nodes.entry("", nodes.paragraph("", "", link) if link is not None else nodes.paragraph("", "—"))
        body += row
    return table


def check_handout_pages(app, env) -> None:
    """Once everything is read: each {handout} names a unit, and its page carries that unit's title."""
    units = course_registry(env).units
    for page in course_registry(env).pages_gathering("handout"):
        for node in env.get_doctree(page).findall(handout_page):
            unit = node["unit"]
            if units.get(unit, {}).get("kind") != "module":
                logger.error(f"{{handout}} names {unit!r}, which is not a module or session. [course.handout]",
                             location=node)
            elif env.titles[page].astext() != env.titles[unit].astext():
                logger.error(f"A handout page's heading is its unit's title: write '# {env.titles[unit].astext()}', "
                             f"not '# {env.titles[page].astext()}'. [course.handout]", location=node)


def key_sources(doctree) -> list[nodes.list_item]:
    """The first sources of the unit's ``{further-reading}`` lists, found by their class, not a heading."""
    found = [item.deepcopy() for listing in doctree.findall(nodes.bullet_list)
             if FURTHER_READING_CLASS in listing.get("classes", []) for item in listing.children]
    return found[:SOURCES_PER_HANDOUT]


def manual_anchor(docname: str) -> str:
    return "manual-" + docname.rsplit("/", 1)[-1]


def manual_section(env, docname: str) -> nodes.section:
    doctree = env.get_doctree(docname)
    section = nodes.section(ids=[manual_anchor(docname)], classes=["manual-unit"])
    section += nodes.title("", env.titles[docname].astext())
    if course_registry(env).units.get(docname, {}).get("kind") == "exercise":
        section += nodes.rubric("", _("Facilitator guide"))
    section += [box.deepcopy() for box in boxes(doctree, TRAINER_CLASS)]
    for key in doctree.findall(quiz_answer_key):
        section += nodes.rubric("", _("Answer key: %s") % key["title"])
        section += plain_answer_key(key)
    return section


def handout_inputs(app):
    """A handout copies takeaways, discussion questions and sources from its module."""
    return read_stamps(app.env, units_in_order(app.env))


def handouts_inputs(app):
    """The contents list the handout pages, found by the {handout} on each."""
    return read_stamps(app.env, course_registry(app.env).pages_gathering("handout"))


def manual_inputs(app):
    """The manual copies trainer notes and answer keys; the learner edition shows a fixed note."""
    if app.config.course_edition != "trainer":
        return None
    return read_stamps(app.env, units_in_order(app.env) + units_in_order(app.env, "exercise"))


def fill_handouts(app, docname: str, node: handouts) -> list[nodes.Node]:
    pdfs = {link["handout_page"]: link for link in node.children}
    content: list[nodes.Node] = [contents_table(app.env, pdfs, bool(pdfs), (docname, node.line))]
    if app.config.course_edition == "trainer" and not pdfs:
        content.append(nodes.paragraph("", _(
            "The PDF files are not part of this copy of the trainer edition; "
            "ask the course maintainers for a copy that includes them."), classes=["pdf-files-missing"]))
    return content


def fill_handout_page(app, docname: str, node: handout_page) -> list[nodes.Node]:
    if course_registry(app.env).units.get(node["unit"], {}).get("kind") != "module":
        return []  # reported by check_handout_pages
    body = nodes.container(classes=["handout", "handout-page"])
    body += handout_body(app.env, node["unit"])
    return [body]


def fill_trainer_manual(app, docname: str, node: trainer_manual) -> list[nodes.Node]:
    if app.config.course_edition != "trainer":
        return [nodes.paragraph(
            "", _("The trainer's manual is part of the trainer edition, which is not published on this site."))]
    units = units_in_order(app.env) + units_in_order(app.env, "exercise")
    return contents(app.env, units, manual_anchor) + [manual_section(app.env, unit) for unit in units]


def setup_handouts(app) -> None:
    gathers(HandoutsDirective.kind, handouts_inputs)
    gathers(HandoutDirective.kind, handout_inputs)
    gathers(TrainerManualDirective.kind, manual_inputs)
    add_placeholder(app, handouts, fill_handouts)
    add_placeholder(app, handout_page, fill_handout_page)
    add_placeholder(app, trainer_manual, fill_trainer_manual)
    app.add_directive("handouts", HandoutsDirective)
    app.add_directive("handout", HandoutDirective)
    app.add_directive("discussion-questions", DiscussionQuestionsDirective)
    app.add_directive("trainer-manual", TrainerManualDirective)
    app.connect("env-check-consistency", check_handout_pages)
