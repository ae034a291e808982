"""Trainer-only content: present in the trainer edition, absent from the learner one.

``{trainer-notes}`` returns nothing at all when ``course_edition`` is
"learner", so its text never reaches the learner doctree, HTML, search index
or course index. (``html_copy_source`` is off, so no page source leaks it.)
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .i18n import _

TRAINER_CLASS = "trainer-only"


class TrainerNotesDirective(SphinxDirective):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self):
        if self.config.course_edition != "trainer":
            return []
        title = self.arguments[0] if self.arguments else _("Trainer notes")
        box = nodes.admonition(classes=[TRAINER_CLASS])
        self.set_source_info(box)
        box += nodes.title(title, title)
        # {trainer-part} blocks inside check this: a part outside trainer notes would leak.
        self.env.temp_data["course_in_trainer_notes"] = True
        try:
            box += self.parse_content_to_nodes()
        finally:
            self.env.temp_data.pop("course_in_trainer_notes", None)
        return [box]


def check_edition(app, config) -> None:
    if config.course_edition not in ("learner", "trainer"):
        from sphinx.errors import ConfigError

        raise ConfigError(f'course_edition must be "learner" or "trainer", not {config.course_edition!r}.')
    if config.course_edition == "trainer":
        # The theme's announcement bar sits on every page, above the header.
        options = dict(config.html_theme_options or {})
        options["announcement"] = _("Trainer edition — do not publish. It contains trainer notes and answers.")
        config.html_theme_options = options


def keep_out_of_search_engines(app, pagename, templatename, context, doctree) -> None:
    if app.config.course_edition == "trainer":
        context["metatags"] = context.get("metatags", "") + '\n<meta name="robots" content="noindex, nofollow">'


def setup_trainer(app) -> None:
    app.add_directive("trainer-notes", TrainerNotesDirective)
    app.connect("config-inited", check_edition)
    app.connect("html-page-context", keep_out_of_search_engines)
