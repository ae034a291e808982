"""How problems are printed: each on its own line, each once; and authoring errors fail the build.

Sphinx prints "checking consistency... " and leaves the line open for "done";
a problem found during that check would otherwise be printed on the end of
that line, where it is easily missed. And a problem in a file that two pages
include, or that two checks find, would be printed once for each. Without
``-W`` Sphinx would also finish with exit status 0 after an authoring error
(``[course.…]`` at ERROR level), leaving a broken page looking published.
"""

from __future__ import annotations

import logging

from sphinx.util import logging as sphinx_logging
from sphinx.util.build_phase import BuildPhase


class ProblemPrinting(logging.Filter):
    """A filter on Sphinx's warning handler: drops a problem already printed with the same
    location and text, and starts a new line before the first problem of the consistency check."""

    def __init__(self, app):
        super().__init__()
        self.app = app
        self.printed: set[tuple] = set()
        self.line_opened = False
        self.authoring_errors = 0

    def filter(self, record: logging.LogRecord) -> bool:
        key = (getattr(record, "location", None), record.getMessage(), record.levelno)
        if key in self.printed:
            return False
        self.printed.add(key)
        if record.levelno >= logging.ERROR and "[course." in record.getMessage():
            self.authoring_errors += 1
        builder = getattr(self.app, "builder", None)
        if not self.line_opened and builder is not None and builder.phase == BuildPhase.CONSISTENCY_CHECK:
            self.line_opened = True
            status = getattr(self.app, "_status", None)
            if status is not None:
                status.write("\n")
                status.flush()
        return True


_FILTERS: list[ProblemPrinting] = []


def install_problem_printing(app) -> None:
    handlers = [h for h in logging.getLogger(sphinx_logging.NAMESPACE).handlers
                if isinstance(h, sphinx_logging.WarningStreamHandler)]
    for handler in handlers:
        printing = ProblemPrinting(app)
        handler.addFilter(printing)
        _FILTERS.append(printing)


def fail_on_authoring_errors(app, exception) -> None:
    """Exit status 1 after an authoring error even without -W (Sphinx then says "finished with problems").

    sphinx-autobuild, editor previews and callers that override SPHINXOPTS would otherwise
    take the build for a success, with the broken quiz or agenda silently left out.
    """
    count = sum(f.authoring_errors for f in _FILTERS if f.app is app)
    if exception is None and count:
        app.statuscode = 1
        sphinx_logging.getLogger(__name__).info(
            "%d authoring error%s above: the build failed, and nothing from it should be published.",
            count, "" if count == 1 else "s",
        )


def setup_messages(app) -> None:
    app.connect("builder-inited", install_problem_printing)
    app.connect("build-finished", fail_on_authoring_errors)
