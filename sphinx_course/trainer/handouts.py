"""Printable material gathered from the units themselves, never written twice.

``{handouts}`` renders a one-to-two-page handout per module and session:
objectives (from the front matter), key takeaways, the scenario's discussion
questions and the key sources, all copied from the unit's own doctree.

``{trainer-manual}`` renders, in the trainer edition only, every unit's trainer
notes and quiz answer key in course order, then every exercise's facilitator
guide; the learner edition gets one line saying where the manual is.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..course.teaching_blocks import TAKEAWAYS_CLASS, boxes
from ..course.units import objectives_list
from ..i18n import _
from ..links.sources_registry import FURTHER_READING_CLASS
from ..quiz.directives import plain_answer_key, quiz_answer_key
from ..registry import AggregateDirective, course_registry, gathers, read_stamps
from ..warnings_ import logger
from .notes import TRAINER_CLASS
from .resolved_copies import resolved_copies

SOURCES_PER_HANDOUT = 4
#: The class of a ``{discussion-questions}`` block: the contract the handouts rely on.
DISCUSSION_CLASS = "discussion-questions"


class handouts(nodes.General, nodes.Element):  # noqa: N801
    pass


class trainer_manual(nodes.General, nodes.Element):  # noqa: N801
    pass


class HandoutsDirective(AggregateDirective):
    node_class, kind = handouts, "handouts"


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
    doctree = env.get_doctree(docname)
    record = course_registry(env).units[docname]
    title = env.titles[docname].astext()
    section = nodes.section(ids=[anchor(docname)], classes=["handout"])
    section += nodes.title("", title)
    section += nodes.paragraph("", _("About %s minutes.") % record["duration"])
    section += nodes.rubric("", _("Learning objectives"))
    section += objectives_list([objective["text"] for objective in record["objectives"]], classes=())
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
    return section


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


def handouts_inputs(app):
    """Handouts copy takeaways, discussion questions and sources from every module."""
    return read_stamps(app.env, units_in_order(app.env))


def manual_inputs(app):
    """The manual copies trainer notes and answer keys; the learner edition shows a fixed note."""
    if app.config.course_edition != "trainer":
        return None
    return read_stamps(app.env, units_in_order(app.env) + units_in_order(app.env, "exercise"))


def resolve_aggregates(app, doctree, docname) -> None:
    env = app.env
    for node in list(doctree.findall(handouts)):
        units = units_in_order(env)
        content = contents(env, units, anchor) + [handout(env, unit) for unit in units]
        node.replace_self(resolved_copies(app, docname, doctree.settings, content))
    for node in list(doctree.findall(trainer_manual)):
        if app.config.course_edition != "trainer":
            node.replace_self(nodes.paragraph(
                "", _("The trainer's manual is part of the trainer edition, which is not published on this site.")
            ))
            continue
        units = units_in_order(env) + units_in_order(env, "exercise")
        content = contents(env, units, manual_anchor) + [manual_section(env, unit) for unit in units]
        node.replace_self(resolved_copies(app, docname, doctree.settings, content))


def setup_handouts(app) -> None:
    gathers(HandoutsDirective.kind, handouts_inputs)
    gathers(TrainerManualDirective.kind, manual_inputs)
    for node_class in (handouts, trainer_manual):
        app.add_node(node_class)
    app.add_directive("handouts", HandoutsDirective)
    app.add_directive("discussion-questions", DiscussionQuestionsDirective)
    app.add_directive("trainer-manual", TrainerManualDirective)
    app.connect("doctree-resolved", resolve_aggregates)
