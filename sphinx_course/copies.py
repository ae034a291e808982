"""Content copied from other pages, made safe to render on this one."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import new_document


def resolved_copies(app, docname: str, settings, content: list[nodes.Node]) -> list[nodes.Node]:
    """Nodes copied from other doctrees carry unresolved cross-references (``{doc}``,
    ``{term}``); resolve them from ``docname`` so their links point the right way from here."""
    holder = new_document(app.env.doc2path(docname), settings)
    holder.extend(content)
    app.env.apply_post_transforms(holder, docname)
    return list(holder.children)
