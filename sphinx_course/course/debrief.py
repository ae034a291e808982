"""``{debrief}``: a learner-facing debrief for a scenario, revealed once the learner has written an answer.

The directive builds a builder-neutral box: a prompt, an answer space and the debrief
itself. On paper (and in any non-HTML builder) the answer space becomes ruled lines
and the debrief prints after it. In HTML the answer space carries the debrief's
storage id; ``course-debrief.js`` turns it into a text box with a reveal button,
hides the debrief until the learner has written something, and keeps the answer in
this browser under the site's storage namespace, beside the quiz answers.
"""

from __future__ import annotations

import json
import re

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..errors import AuthoringError
from ..i18n import _

logger = logging.getLogger("sphinx_course")

DEBRIEF_CLASS = "debrief"
BODY_CLASS = "debrief-body"
RULED_LINES = 6
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


class debrief_answer(nodes.General, nodes.Element):  # noqa: N801
    """Where the learner writes: ruled lines on paper, a text box in the browser."""


def validate_debrief_id(value: str | None) -> str | None:
    """An explicit id keeps a learner's saved answer when debriefs are added above this one."""
    if value is None:
        return None
    value = value.strip()
    if not _ID.match(value):
        raise AuthoringError(
            f"debrief id {value!r} must be 1-63 lowercase letters, digits and hyphens, starting with a letter or digit"
        )
    return value


def storage_id(docname: str, explicit: str | None, serial: int) -> str:
    """The part of the storage key after ``<namespace>:debrief:``: the page, then the id or position."""
    return f"{docname}/{explicit if explicit is not None else serial + 1}"


class DebriefDirective(SphinxDirective):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = {"id": directives.unchanged}

    def report(self, message: str) -> list[nodes.Node]:
        logger.error(f"{message} [course.debrief]", location=(self.env.docname, self.lineno))
        return []

    def run(self):
        try:
            explicit = validate_debrief_id(self.options.get("id"))
        except AuthoringError as error:
            return self.report(error.message)
        if not "".join(self.content).strip():
            return self.report("a debrief has no text: write what a good answer weighs, common mistakes, "
                               "and what the law and the principles require")
        title = _("Debrief: %s") % self.arguments[0] if self.arguments else _("Debrief")
        box = nodes.admonition(classes=[DEBRIEF_CLASS])
        self.set_source_info(box)
        box += nodes.title(title, title)
        prompt = _("Write your own answer to the decision points first, then compare it with the debrief.")
        box += nodes.paragraph(prompt, prompt, classes=["debrief-prompt"])
        answer = debrief_answer(debrief_id=storage_id(self.env.docname, explicit, self.env.new_serialno("debrief")))
        self.set_source_info(answer)
        box += answer
        body = nodes.container(classes=[BODY_CLASS])
        body += self.parse_content_to_nodes()
        box += body
        return [box]


class DebriefAnswerOnPaper(SphinxPostTransform):
    """Every builder but HTML gets ruled lines to write on, so a printed or exported page still asks first."""

    default_priority = 5

    def run(self, **kwargs) -> None:
        if self.env._builder_cls.format == "html":
            return
        for node in list(self.document.findall(debrief_answer)):
            label = _("Your answer:")
            lines = nodes.line_block(classes=["debrief-ruled"])
            lines += nodes.line(label, label)
            for _n in range(RULED_LINES):
                lines += nodes.line("", "_" * 60)
            node.replace_self(lines)


def visit_debrief_answer_html(self, node: debrief_answer) -> None:
    # Without JavaScript (and in print) the ruled space shows and the debrief follows it.
    self.body.append(
        f'<div class="debrief-answer" data-debrief-id="{self.encode(node["debrief_id"])}">'
        '<div class="debrief-ruled" aria-hidden="true"></div></div>\n'
    )
    raise nodes.SkipNode


def debrief_strings() -> dict[str, str]:
    return {
        "label": _("Your answer"),
        "reveal": _("Show the debrief"),
        "hide": _("Hide the debrief"),
        "writeFirst": _("Write your answer first: the debrief opens once you have written something."),
        "saved": _("Your answer is saved in this browser."),
        "notSaved": _("Your answer could not be saved in this browser, so it lasts until you leave the page."),
    }


def page_has_debrief(doctree) -> bool:
    return doctree is not None and any(True for _n in doctree.findall(debrief_answer))


def add_debrief_assets(app, pagename, templatename, context, doctree) -> None:
    if not page_has_debrief(doctree):
        return
    from ..extension import store_script_attributes  # the quiz pages' own tag, so the two never duplicate

    app.add_js_file("course-store.js", loading_method="defer", **store_script_attributes(app))
    app.add_js_file("course-dom.js", loading_method="defer")
    app.add_css_file("course-debrief.css")
    app.add_js_file(
        "course-debrief.js", loading_method="defer",
        **{"data-debrief-strings": json.dumps(debrief_strings(), ensure_ascii=False, separators=(",", ":"))},
    )


def setup_debrief(app) -> None:
    app.add_node(debrief_answer, html=(visit_debrief_answer_html, None))
    app.add_directive("debrief", DebriefDirective)
    app.add_post_transform(DebriefAnswerOnPaper)
    # After the quiz's assets, so course-store.js comes first in the page.
    app.connect("html-page-context", add_debrief_assets, priority=600)
