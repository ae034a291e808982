"""Nodes that only the web edition can show: widgets that need a browser and mean nothing on paper.

Every other builder (LaTeX, text, man, Texinfo and any a reader adds) gets the page
without them: a post-transform removes them before writing, so no builder ever meets
a node it has no visitor for.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.builders.gettext import I18nBuilder
from sphinx.transforms.post_transforms import SphinxPostTransform

_WEB_ONLY: list[type[nodes.Element]] = []


class DropWebOnlyNodes(SphinxPostTransform):
    default_priority = 5  # before anything that might look inside them

    def run(self, **kwargs) -> None:
        # The message catalogue builder keeps them: their data's text is translatable.
        if self.env._app.builder.format == "html" or isinstance(self.env._app.builder, I18nBuilder):
            return
        for node_class in _WEB_ONLY:
            for node in list(self.document.findall(node_class)):
                node.parent.remove(node)


def add_web_only_node(app, node_class: type[nodes.Element], visit_html) -> None:
    """Register a node that ``visit_html`` writes whole, for HTML builders only."""
    if node_class not in _WEB_ONLY:
        _WEB_ONLY.append(node_class)
    app.add_node(node_class, html=(visit_html, None))


def setup_web_only(app) -> None:
    app.add_post_transform(DropWebOnlyNodes)
