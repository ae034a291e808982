"""Trainer-only content: present in the trainer edition, absent from the learner one.

``{trainer-notes}`` returns nothing at all when ``course_edition`` is
"learner", so its text never reaches the learner doctree, HTML, search index
or course index. (``html_copy_source`` is off, so no page source leaks it.)
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from ..config import course_config
from ..i18n import _
from ..registry import TrainerNotesRecord, course_registry

TRAINER_CLASS = "trainer-only"
FACILITATOR_GUIDE_CLASS = "facilitator-guide"


class TrainerNotesDirective(SphinxDirective):
    """``{trainer-notes} [title]``: notes for the trainer, kept out of the learner edition."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    kind = "trainer-notes"

    def default_title(self) -> str:
        return _("Trainer notes")

    def run(self):
        title = self.arguments[0] if self.arguments else self.default_title()
        # Recorded in both editions, so checks (an exercise needs its guide) never read the source.
        course_registry(self.env).trainer_notes.setdefault(self.env.docname, []).append(
            TrainerNotesRecord(self.kind, title, self.lineno))
        if course_config(self).course_edition != "trainer":
            return []
        box = nodes.admonition(classes=[TRAINER_CLASS] + ([self.kind] if self.kind != "trainer-notes" else []))
        self.set_source_info(box)
        box += nodes.title(title, title)
        # {trainer-part} blocks inside check this: a part outside trainer notes would leak.
        self.env.temp_data["course_in_trainer_notes"] = True
        try:
            box += self.parse_content_to_nodes()
        finally:
            self.env.temp_data.pop("course_in_trainer_notes", None)
        return [box]


class FacilitatorGuideDirective(TrainerNotesDirective):
    """``{facilitator-guide}``: an exercise's facilitator guide, found by its class, not its title,
    so a translated or retitled guide is still the guide."""

    kind = FACILITATOR_GUIDE_CLASS

    def default_title(self) -> str:
        return _("Facilitator guide")


#: What a trainer opens first, in the order a workshop is prepared: (docname, link text, what it is).
TRAINER_HOME_LINKS = (
    ("docs/trainers/index", "Trainer hub", "how to run each format, facilitation and evaluation"),
    ("docs/trainers/formats", "Run sheets", "timed agendas for the six formats, with the notes in running order"),
    ("docs/trainers/packs/index", "Prepare-and-print packs", "what to send, what to print and how to set up the room"),
    ("docs/trainers/decks", "Slide decks", "one deck per module and session, with speaker notes"),
    ("docs/trainers/handouts", "Handouts", "one per module and session, for participants"),
    ("docs/trainers/manual", "Trainer's manual", "every trainer note and answer key, in course order"),
    ("docs/trainers/assessment", "Assessment report", "how balanced the quizzes' answer keys are, and what each question checks"),
)


class TrainerHomeDirective(SphinxDirective):
    """``{trainer-home}`` on the home page: in the trainer edition, where a trainer starts.

    The learner edition gets nothing at all, like ``{trainer-notes}``.
    """

    def run(self):
        if course_config(self).course_edition != "trainer":
            return []
        box = nodes.container(classes=[TRAINER_CLASS, "trainer-home"])
        box += nodes.rubric("", _("Preparing a workshop"))
        box += nodes.paragraph("", _(
            "This is the trainer edition. Every module and exercise page also shows its trainer notes, "
            "facilitator guide and open answer keys. Start here:"
        ))
        items = nodes.bullet_list()
        for docname, label, what in TRAINER_HOME_LINKS:
            paragraph = nodes.paragraph()
            reference = addnodes.pending_xref(
                "", nodes.inline("", _(label)), refdomain="std", reftype="doc", reftarget="/" + docname,
                refexplicit=True, refwarn=True, refdoc=self.env.docname,
            )
            paragraph += reference
            paragraph += nodes.Text(": " + _(what) + ".")
            items += nodes.list_item("", paragraph)
        box += items
        return [box]


def check_edition(app, config) -> None:
    if course_config(config).course_edition == "trainer":
        # The theme's announcement bar sits on every page, above the header.
        options = dict(config.html_theme_options or {})
        options["announcement"] = _("Trainer edition — do not publish. It contains trainer notes and answers.")
        config.html_theme_options = options


def keep_out_of_search_engines(app, pagename, templatename, context, doctree) -> None:
    if course_config(app).course_edition == "trainer":
        context["metatags"] = context.get("metatags", "") + '\n<meta name="robots" content="noindex, nofollow">'


def setup_trainer(app) -> None:
    app.add_directive("trainer-notes", TrainerNotesDirective)
    app.add_directive("facilitator-guide", FacilitatorGuideDirective)
    app.add_directive("trainer-home", TrainerHomeDirective)
    app.connect("config-inited", check_edition)
    app.connect("html-page-context", keep_out_of_search_engines)
