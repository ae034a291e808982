"""The old way of showing copies from other pages: resolve them on a throwaway document.

Only ``handouts.py`` and ``packs.py`` still use it, from ``doctree-resolved``. Every other
gathering directive returns a placeholder that :class:`~.registry.FillPlaceholders` fills
before reference resolution, so its copies need no second run of the post-transforms.
Port those two to :func:`~.registry.add_placeholder` (see ARCHITECTURE.md), then delete this.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import new_document

from ..registry import adopt_copies


def resolved_copies(app, docname: str, settings, content: list[nodes.Node]) -> list[nodes.Node]:
    holder = new_document(app.env.doc2path(docname), settings)
    holder.extend(adopt_copies(content, docname))
    app.env.apply_post_transforms(holder, docname)
    return list(holder.children)
