"""``{course-reference}``: tables of the extensions' settings, warnings and errors, read from the code.

::

    ```{course-reference} settings
    ```

The argument is ``settings``, ``warnings`` or ``errors``. The tables come from
:class:`~sphinx_course.config.CourseConfig` and :mod:`sphinx_course.warnings_`,
so the authoring guide cannot drift from what the build does.
"""

from __future__ import annotations

from dataclasses import MISSING, fields

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .config import CourseConfig
from .helpers import simple_table
from .warnings_ import AUTHORING_ERRORS, WARNING_HELP, WARNING_TYPE, logger


def default_of(spec) -> str:
    value = spec.default if spec.default is not MISSING else spec.default_factory()
    return repr(value) if value not in ("", {}, ()) else "(empty)"


def literal(text: str) -> nodes.literal:
    return nodes.literal(text, text)


def settings_table() -> nodes.table:
    rows = [[literal(spec.name), literal(default_of(spec)), spec.metadata["help"]] for spec in fields(CourseConfig)]
    return simple_table(["Setting", "Default", "What it does"], rows, [30, 20, 50], ["course-reference"])


def warnings_table() -> nodes.table:
    rows = [[literal(f"{WARNING_TYPE}.{subtype.value}"), text] for subtype, text in WARNING_HELP.items()]
    return simple_table(["Warning", "When the build gives it"], rows, [30, 70], ["course-reference"])


def errors_table() -> nodes.table:
    rows = [[literal(f"[{WARNING_TYPE}.{tag}]"), text] for tag, text in AUTHORING_ERRORS.items()]
    return simple_table(["Error tag", "What is wrong"], rows, [30, 70], ["course-reference"])


TABLES = {"settings": settings_table, "warnings": warnings_table, "errors": errors_table}


class CourseReferenceDirective(SphinxDirective):
    required_arguments = 1

    def run(self):
        build = TABLES.get(self.arguments[0])
        if build is None:
            logger.error(
                f"course-reference takes one of {', '.join(TABLES)}, not {self.arguments[0]!r}.",
                location=self.get_location(),
            )
            return []
        table = build()
        self.set_source_info(table)
        return [table]


def setup_reference(app) -> None:
    app.add_directive("course-reference", CourseReferenceDirective)
