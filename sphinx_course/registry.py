"""What the course extensions learn about each document, kept on the build environment.

Per-document records survive incremental builds (they are pickled with the
environment), are dropped when a document is re-read, and are merged back
from parallel readers, so every extension stays parallel-safe.
"""

from __future__ import annotations

import dataclasses
import hashlib
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective


@dataclass(frozen=True)
class QuizRecord:
    quiz_id: str
    docname: str
    line: int
    title: str
    questions: int
    fingerprint: str
    objectives: tuple[str, ...]
    section: str
    #: (objective, question number, source file, line) for each tagged question, to report at the question.
    objective_tags: tuple[tuple[str, int, str, int], ...] = ()
    #: The numbers of the questions tagged ``:pool:``, drawn by the course's final check.
    pool: tuple[int, ...] = ()
    #: Each question as the assessment lint and report read it (quiz_lint.LintQuestion).
    lint: tuple[Any, ...] = ()


@dataclass(frozen=True)
class LinkRecord:
    url: str
    docname: str
    line: int | None
    text: str


@dataclass
class CourseRegistry:
    quizzes: dict[str, list[QuizRecord]] = field(default_factory=dict)
    units: dict[str, dict[str, Any]] = field(default_factory=dict)
    links: dict[str, list[LinkRecord]] = field(default_factory=dict)
    # The kinds of gathering directive on each page: a page may hold several (an agenda and an outline).
    aggregate_pages: dict[str, list[str]] = field(default_factory=dict)
    tools: dict[str, list[dict]] = field(default_factory=dict)
    # Set after reading, in the main process, so never merged from parallel readers.
    aggregate_digests: dict[str, str] = field(default_factory=dict)

    def add_quiz(self, record: QuizRecord) -> None:
        self.quizzes.setdefault(record.docname, []).append(record)

    def record_gathering(self, docname: str, kind: str) -> None:
        kinds = self.aggregate_pages.setdefault(docname, [])
        if kind not in kinds:
            kinds.append(kind)
            kinds.sort()

    def pages_gathering(self, kind: str) -> list[str]:
        """The pages holding at least one gathering directive of ``kind``, by docname."""
        return sorted(d for d, kinds in self.aggregate_pages.items() if kind in kinds)

    def gathers(self, docname: str, kind: str) -> bool:
        return kind in self.aggregate_pages.get(docname, ())

    def units_of(self, kind: str, folder: str = "") -> list[tuple[str, dict[str, Any]]]:
        """The units of one kind ("module" or "exercise"), optionally under a folder, by docname."""
        return sorted((d, r) for d, r in self.units.items() if r.get("kind") == kind and d.startswith(folder))

    def all_quizzes(self) -> list[QuizRecord]:
        return [record for docname in sorted(self.quizzes) for record in self.quizzes[docname]]

    def purge(self, docname: str) -> None:
        for table in (self.quizzes, self.units, self.links, self.aggregate_pages, self.tools, self.aggregate_digests):
            table.pop(docname, None)

    def merge(self, docnames: set[str], other: CourseRegistry) -> None:
        for name in ("quizzes", "units", "links", "aggregate_pages", "tools"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for docname in docnames:
                if docname in theirs:
                    mine[docname] = theirs[docname]


def course_registry(env: BuildEnvironment) -> CourseRegistry:
    # Kept on the environment so that it is pickled with it and merged from parallel readers.
    if not hasattr(env, "course_registry"):
        env.course_registry = CourseRegistry()  # type: ignore[attr-defined]
    return env.course_registry  # type: ignore[attr-defined]


def section_of(docname: str) -> str:
    """The folder a page belongs to, e.g. ``modules/leadership``."""
    return posixpath.dirname(docname) or "."


class AggregateDirective(SphinxDirective):
    """A placeholder for content gathered from other pages at write time.

    Subclasses name the ``node_class`` to insert and the ``kind`` of page; the page is
    recorded so that it is written again when what it gathers changes.
    """

    node_class: type[nodes.Element]
    kind: str

    def run(self):
        course_registry(self.env).record_gathering(self.env.docname, self.kind)
        node = self.node_class()
        self.set_source_info(node)
        return [node]


GatheredInputs = Callable[[Any], object]
GATHERED_INPUTS: dict[str, GatheredInputs] = {}


def gathers(kind: str, inputs: GatheredInputs | None = None) -> None:
    """Declare what pages of ``kind`` read from other pages beyond the shared metadata.

    ``inputs(app)`` returns any value whose repr changes when such a page must be
    written again, usually the ``read_stamps`` of the pages whose content it copies.
    A kind never declared is treated as gathering from every page.
    """
    GATHERED_INPUTS[kind] = inputs or (lambda app: None)


def read_stamps(env: BuildEnvironment, docnames) -> list[tuple[str, int | None]]:
    """When each page was last read, which changes exactly when its content may have."""
    return [(docname, env.all_docs.get(docname)) for docname in sorted(docnames)]


def shared_inputs(env: BuildEnvironment) -> str:
    """What any gathering page may show: page titles, quiz records and unit metadata."""
    registry = course_registry(env)
    return repr((
        sorted((docname, title.astext()) for docname, title in env.titles.items()),
        # A quiz's line is left out: moving it on its page changes no gathering page.
        # So are its questions' lint records: only the assessment report shows them (see quiz_report).
        [dataclasses.replace(quiz, line=0, lint=()) for quiz in registry.all_quizzes()],
        sorted(registry.units.items()),
    ))


def rewrite_aggregate_pages(app, env) -> list[str]:
    """Gathering pages whose inputs changed are written again.

    They gather at write time (``doctree-resolved``), so they need writing, not
    re-reading: a re-read would also rewrite every page whose toctree holds them,
    and an edit to one module would rewrite every hub page.
    """
    registry = course_registry(env)
    shared = shared_inputs(env)
    stale = []
    for docname, kinds in sorted(registry.aggregate_pages.items()):
        gathered = [GATHERED_INPUTS.get(kind, lambda app: read_stamps(env, env.all_docs))(app) for kind in kinds]
        digest = hashlib.sha256((shared + repr(gathered)).encode()).hexdigest()
        if registry.aggregate_digests.get(docname) != digest:
            stale.append(docname)
        registry.aggregate_digests[docname] = digest
    return stale


def purge_doc(app, env, docname):
    course_registry(env).purge(docname)


def merge_info(app, env, docnames, other):
    course_registry(env).merge(docnames, course_registry(other))


def setup_registry(app) -> None:
    app.connect("env-purge-doc", purge_doc)
    app.connect("env-merge-info", merge_info)
    app.connect("env-get-updated", rewrite_aggregate_pages)
