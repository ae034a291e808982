"""Labelled teaching blocks: fictional scenarios and key takeaways.

Both are ordinary admonitions with a fixed, translatable title and a class,
so every builder renders them and tests can find them.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..i18n import _

SCENARIO_CLASS = "scenario"
TAKEAWAYS_CLASS = "key-takeaways"


def boxes(doctree: nodes.Node, css_class: str) -> list[nodes.admonition]:
    """The admonitions of one kind (scenario, takeaways, trainer notes) in a doctree, in order."""
    return [box for box in doctree.findall(nodes.admonition) if css_class in box["classes"]]


class ScenarioDirective(SphinxDirective):
    """A scenario. The "fictional" label is not optional: it is always added."""

    has_content = True
    required_arguments = 1
    final_argument_whitespace = True

    def run(self):
        title = _("Fictional scenario: %s") % self.arguments[0]
        box = nodes.admonition(classes=[SCENARIO_CLASS])
        self.set_source_info(box)
        box += nodes.title(title, title)
        box += nodes.paragraph(
            "", _("This scenario is invented for training. Its agencies, places and people are not real."),
            classes=["scenario-disclaimer"],
        )
        box += self.parse_content_to_nodes()
        return [box]


class KeyTakeawaysDirective(SphinxDirective):
    has_content = True

    def run(self):
        title = _("Key takeaways")
        box = nodes.admonition(classes=[TAKEAWAYS_CLASS])
        self.set_source_info(box)
        box += nodes.title(title, title)
        box += self.parse_content_to_nodes()
        return [box]


def setup_blocks(app) -> None:
    app.add_directive("scenario", ScenarioDirective)
    app.add_directive("key-takeaways", KeyTakeawaysDirective)
