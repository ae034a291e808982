"""Content copied from other pages, made safe to render on this one."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.util import docname_join
from sphinx.util.docutils import new_document


def resolved_copies(app, docname: str, settings, content: list[nodes.Node]) -> list[nodes.Node]:
    """Nodes copied from other doctrees carry unresolved cross-references (``{doc}``,
    ``{term}``); resolve them from ``docname`` so their links point the right way from here."""
    holder = new_document(app.env.doc2path(docname), settings)
    holder.extend(content)
    # Sphinx resolves a reference relative to the page it was written on (refdoc); a copy
    # on a page at another depth (docs/trainers/packs/) needs links relative to that page.
    for reference in holder.findall(addnodes.pending_xref):
        written_on = reference.get("refdoc", docname)
        if reference.get("reftype") == "doc" and not reference["reftarget"].startswith("/"):
            # A relative {doc} target is relative to the page it was written on.
            reference["reftarget"] = "/" + docname_join(written_on, reference["reftarget"])
        reference["refdoc"] = docname
    app.env.apply_post_transforms(holder, docname)
    return list(holder.children)
