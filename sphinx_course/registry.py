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
from sphinx import addnodes
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import docname_join
from sphinx.util.docutils import SphinxDirective

from .errors import AuthoringError
from .warnings_ import logger


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


@dataclass(frozen=True)
class TrainerNotesRecord:
    """One trainer-notes block on a page, recorded in both editions (the learner edition drops
    its content, not the fact that it is there): its ``kind`` ("trainer-notes" or
    "facilitator-guide"), title and line."""

    kind: str
    title: str
    line: int


@dataclass(frozen=True)
class GatheringRecord:
    """One gathering directive on a page: what it gathers (``kind``) and where it is."""

    kind: str
    line: int | None = None


@dataclass
class CourseRegistry:
    quizzes: dict[str, list[QuizRecord]] = field(default_factory=dict)
    units: dict[str, dict[str, Any]] = field(default_factory=dict)
    links: dict[str, list[LinkRecord]] = field(default_factory=dict)
    #: Every gathering directive on each page, in page order: a page may hold any number, of any kinds.
    gatherings: dict[str, list[GatheringRecord]] = field(default_factory=dict)
    tools: dict[str, list[dict]] = field(default_factory=dict)
    trainer_notes: dict[str, list[TrainerNotesRecord]] = field(default_factory=dict)
    #: A digest of each page's doctree as read, which changes only when what a copy of it shows may.
    content_digests: dict[str, str] = field(default_factory=dict)
    # Set after reading, in the main process, so never merged from parallel readers.
    aggregate_digests: dict[str, str] = field(default_factory=dict)

    def add_quiz(self, record: QuizRecord) -> None:
        self.quizzes.setdefault(record.docname, []).append(record)

    def record_gathering(self, docname: str, kind: str, line: int | None = None) -> None:
        self.gatherings.setdefault(docname, []).append(GatheringRecord(kind, line))

    def kinds_on(self, docname: str) -> list[str]:
        """The kinds gathered on one page, each once, sorted."""
        return sorted({record.kind for record in self.gatherings.get(docname, ())})

    def pages_gathering(self, kind: str) -> list[str]:
        """The pages holding at least one gathering directive of ``kind``, by docname."""
        return sorted(d for d in self.gatherings if self.gathers(d, kind))

    def gathers(self, docname: str, kind: str) -> bool:
        return any(record.kind == kind for record in self.gatherings.get(docname, ()))

    def units_of(self, kind: str, folder: str = "") -> list[tuple[str, dict[str, Any]]]:
        """The units of one kind ("module" or "exercise"), optionally under a folder, by docname."""
        return sorted((d, r) for d, r in self.units.items() if r.get("kind") == kind and d.startswith(folder))

    def all_quizzes(self) -> list[QuizRecord]:
        return [record for docname in sorted(self.quizzes) for record in self.quizzes[docname]]

    #: The tables parallel readers fill, merged back per document.
    PER_DOCUMENT = ("quizzes", "units", "links", "gatherings", "tools", "trainer_notes", "content_digests")

    def purge(self, docname: str) -> None:
        for name in (*self.PER_DOCUMENT, "aggregate_digests"):
            getattr(self, name).pop(docname, None)

    def merge(self, docnames: set[str], other: CourseRegistry) -> None:
        for name in self.PER_DOCUMENT:
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


class GatheringDirective(SphinxDirective):
    """The one base of every directive that shows what other pages hold (an agenda, an outline,
    the progress table, a case's citing pages ...).

    It records a :class:`GatheringRecord` for the page, so that the page is written again when
    what it gathers changes, and returns one placeholder node of ``node_class``. A kind with a
    filler (:func:`add_placeholder`) is filled in by :class:`FillPlaceholders`; a web-only kind
    is written by its HTML visitor instead. Subclasses name ``node_class`` and ``kind`` and may
    override :meth:`placeholder` to read their arguments, options and content; an
    :class:`~.errors.AuthoringError` it raises is reported at its line under ``error_tag``.
    """

    node_class: type[nodes.Element]
    kind: str
    error_tag: str = ""

    def placeholder(self) -> nodes.Element:
        return self.node_class()

    def run(self):
        try:
            node = self.placeholder()
        except AuthoringError as error:
            logger.error(f"{error.message} [course.{self.error_tag or self.kind}]",
                         location=(self.env.docname, error.line or self.lineno))
            return []
        course_registry(self.env).record_gathering(self.env.docname, self.kind, self.lineno)
        self.set_source_info(node)
        return [node]


#: Kept for the gathering directives not yet ported to the new name.
AggregateDirective = GatheringDirective

Filler = Callable[[Any, str, Any], list[nodes.Node]]
#: What fills each kind of placeholder node: ``fill(app, docname, node)`` returns its replacement.
FILLERS: dict[type[nodes.Element], Filler] = {}


def add_placeholder(app, node_class: type[nodes.Element], fill: Filler) -> None:
    """Register a placeholder node and the function that fills it on every builder."""
    app.add_node(node_class)
    FILLERS[node_class] = fill


def adopt_copies(content: list[nodes.Node], docname: str) -> list[nodes.Node]:
    """Nodes copied from other doctrees, made to resolve from ``docname``.

    A copy carries its own page's cross-references (``{doc}``, ``{term}``); Sphinx resolves
    a reference relative to the page it was written on (``refdoc``), and a copy on a page at
    another depth (``docs/trainers/packs/``) needs links relative to that page instead.
    """
    for node in content:
        for reference in node.findall(addnodes.pending_xref):
            written_on = reference.get("refdoc", docname)
            if reference.get("reftype") == "doc" and not reference["reftarget"].startswith("/"):
                # A relative {doc} target is relative to the page it was written on.
                reference["reftarget"] = "/" + docname_join(written_on, reference["reftarget"])
            reference["refdoc"] = docname
    return content


class FillPlaceholders(SphinxPostTransform):
    """Replace every placeholder with what it gathers, before Sphinx resolves references.

    It runs first among the post-transforms, so what a filler returns, copies from other
    pages included, goes through every later one (references, cases, web-only and plain
    fallbacks, the quiz's paper form) exactly as the page's own nodes do.
    """

    default_priority = 2

    def run(self, **kwargs) -> None:
        # The application as Sphinx's own ReferencesResolver reaches it (``self.app`` is deprecated).
        app, docname = self.env._app, self.env.docname
        for node_class, fill in FILLERS.items():
            for node in list(self.document.findall(node_class)):
                node.replace_self(adopt_copies(fill(app, docname, node), docname))


def content_digest(app, doctree: nodes.document) -> None:
    """Note a digest of the page as read (last of the doctree-read handlers).

    Appending a blank line or touching a file re-reads the page but changes no copy of it,
    so a gathering page that copies from it is written again only when this digest changes.
    """
    text = doctree.pformat()
    course_registry(app.env).content_digests[app.env.docname] = hashlib.sha256(text.encode()).hexdigest()


GatheredInputs = Callable[[Any], object]
GATHERED_INPUTS: dict[str, GatheredInputs] = {}


def gathers(kind: str, inputs: GatheredInputs | None = None) -> None:
    """Declare what pages of ``kind`` read from other pages beyond the shared metadata.

    ``inputs(app)`` returns any value whose repr changes when such a page must be
    written again, usually the ``read_stamps`` of the pages whose content it copies.
    A kind never declared is treated as gathering from every page.
    """
    GATHERED_INPUTS[kind] = inputs or (lambda app: None)


def read_stamps(env: BuildEnvironment, docnames) -> list[tuple[str, str | None]]:
    """What each page holds as read: its content digest, which changes exactly when its content may."""
    digests = course_registry(env).content_digests
    return [(docname, digests.get(docname)) for docname in sorted(docnames)]


def shared_inputs(env: BuildEnvironment) -> str:
    """What any gathering page may show: page titles, quiz records and unit metadata."""
    registry = course_registry(env)
    return repr((
        sorted((docname, title.astext()) for docname, title in env.titles.items()),
        # A quiz's line is left out: moving it on its page changes no gathering page.
        # So are its questions' lint records: only the assessment report shows them (see quiz/report.py).
        [dataclasses.replace(quiz, line=0, lint=()) for quiz in registry.all_quizzes()],
        sorted(registry.units.items()),
    ))


def rewrite_aggregate_pages(app, env) -> list[str]:
    """Gathering pages whose inputs changed are written again.

    They gather at write time (post-transforms), so they need writing, not
    re-reading: a re-read would also rewrite every page whose toctree holds them,
    and an edit to one module would rewrite every hub page.
    """
    registry = course_registry(env)
    shared = shared_inputs(env)
    stale = []
    for docname in sorted(registry.gatherings):
        kinds = registry.kinds_on(docname)
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
    # Last, after every handler that adds to the doctree as it is read.
    app.connect("doctree-read", content_digest, priority=999)
    app.add_post_transform(FillPlaceholders)
