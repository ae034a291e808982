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


def writes_plain_nodes(env) -> bool:
    """Whether this build's builder is one that web-only nodes mean nothing to: neither HTML nor the
    message catalogue builder, which keeps them because their data's text is translatable. Read from
    the builder's class, as Sphinx's own post-transforms do (``SphinxPostTransform.is_supported``)."""
    builder = env._builder_cls
    return builder.format != "html" and not issubclass(builder, I18nBuilder)


class DropWebOnlyNodes(SphinxPostTransform):
    default_priority = 5  # before anything that might look inside them

    def run(self, **kwargs) -> None:
        if not writes_plain_nodes(self.env):
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
