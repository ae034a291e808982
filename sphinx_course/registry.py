"""What the course extensions learn about each document, kept on the build environment.

Per-document records survive incremental builds (they are pickled with the
environment), are dropped when a document is re-read, and are merged back
from parallel readers, so every extension stays parallel-safe.
"""

from __future__ import annotations

import posixpath
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
    aggregate_pages: dict[str, str] = field(default_factory=dict)
    tools: dict[str, list[dict]] = field(default_factory=dict)

    def add_quiz(self, record: QuizRecord) -> None:
        self.quizzes.setdefault(record.docname, []).append(record)

    def all_quizzes(self) -> list[QuizRecord]:
        return [record for docname in sorted(self.quizzes) for record in self.quizzes[docname]]

    def purge(self, docname: str) -> None:
        for table in (self.quizzes, self.units, self.links, self.aggregate_pages, self.tools):
            table.pop(docname, None)

    def merge(self, docnames: set[str], other: CourseRegistry) -> None:
        for name in ("quizzes", "units", "links", "aggregate_pages", "tools"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for docname in docnames:
                if docname in theirs:
                    mine[docname] = theirs[docname]


def course_registry(env: BuildEnvironment) -> CourseRegistry:
    if not hasattr(env, "course_registry"):
        env.course_registry = CourseRegistry()
    return env.course_registry


def section_of(docname: str) -> str:
    """The folder a page belongs to, e.g. ``modules/leadership``."""
    return posixpath.dirname(docname) or "."


class AggregateDirective(SphinxDirective):
    """A placeholder for content gathered from other pages once all are read.

    Subclasses name the ``node_class`` to insert and the ``kind`` of page; the page is
    recorded so that it is written again whenever any page changes.
    """

    node_class: type[nodes.Element]
    kind: str

    def run(self):
        course_registry(self.env).aggregate_pages[self.env.docname] = self.kind
        node = self.node_class()
        self.set_source_info(node)
        return [node]


def note_source_changes(app, env, added, changed, removed):
    env.course_sources_changed = bool(added or changed or removed)
    return []


def rewrite_aggregate_pages(app, env):
    """Pages that gather from other pages are written again whenever any page changes.

    They gather at write time (``doctree-resolved``), so they need writing, not
    re-reading: re-reading would also rewrite every page whose toctree holds them.
    """
    if getattr(env, "course_sources_changed", False):
        return list(course_registry(env).aggregate_pages)
    return []


def purge_doc(app, env, docname):
    course_registry(env).purge(docname)


def merge_info(app, env, docnames, other):
    course_registry(env).merge(docnames, course_registry(other))


def setup_registry(app) -> None:
    app.connect("env-purge-doc", purge_doc)
    app.connect("env-merge-info", merge_info)
    app.connect("env-get-outdated", note_source_changes)
    app.connect("env-get-updated", rewrite_aggregate_pages)
