"""Nodes that only the web edition can show: widgets that need a browser and mean nothing on paper."""

from __future__ import annotations

from docutils import nodes


def skip(translator, node: nodes.Node) -> None:
    raise nodes.SkipNode


def add_web_only_node(app, node_class: type[nodes.Element], visit_html) -> None:
    """Register a node that ``visit_html`` writes whole; the LaTeX and text builders leave it out."""
    app.add_node(node_class, html=(visit_html, None), latex=(skip, None), text=(skip, None))
