"""The aggregation model, in process: gathering records per page and one filler for every placeholder.

These tests build a small site with ``sphinx.testing`` so that they can read the
environment and the doctrees, not only the HTML.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
from conftest import write_fixture_site
from docutils import nodes
from sphinx import addnodes
from sphinx.testing.util import SphinxTestApp
from test_course import unit_with_questions

from sphinx_course.course.cases import case_uses
from sphinx_course.course.exercises import exercise_index
from sphinx_course.course.outline import course_outline
from sphinx_course.quiz.report import assessment_report
from sphinx_course.quiz.rounds import final_check, review_mistakes
from sphinx_course.registry import FILLERS, GatheringRecord, course_registry
from sphinx_course.trainer.agenda import agenda
from sphinx_course.trainer.handouts import handout_page, handouts, trainer_manual
from sphinx_course.trainer.packs import pack

UNIT = unit_with_questions(30, ["first", "second", "third"]).replace(
    "\nText.\n", "\nText.\n\n:::{trainer-notes}\nOpen with {doc}`the overview <index>`.\n:::\n", 1
)

#: One hub page holding two agendas and an outline: three gathering directives of two kinds.
HUB = (
    "# Modules\n\n"
    "::::{agenda} Morning\n:start: 09:00\n:length: 60\n\n- /modules/unit\n- break 10 Coffee\n::::\n\n"
    "::::{agenda} Afternoon\n:start: 14:00\n\n- 15 Welcome\n- /modules/unit\n::::\n\n"
    "```{course-outline}\n```\n\n"
    "```{toctree}\nunit\n```\n"
)

PAGES = {
    "index.md": "# Course\n\n```{toctree}\nmodules/index\ntrainers/formats\n```\n",
    "modules/index.md": HUB,
    "modules/unit.md": UNIT,
    # At another depth from the unit, so a copied relative {doc} link must be rewritten to resolve.
    "trainers/formats.md": "# Formats\n\n::::{agenda} Deep\n:start: 10:00\n\n- /modules/unit\n::::\n",
}


@contextlib.contextmanager
def built(tmp_path: Path, pages: dict[str, str] | None = PAGES, buildername: str = "html", **overrides):
    """Build the fixture site in process (``pages=None`` builds the sources already there, incrementally)."""
    src = write_fixture_site(tmp_path / "src", pages) if pages is not None else tmp_path / "src"
    app = SphinxTestApp(buildername, srcdir=src, builddir=tmp_path / "build", confoverrides=overrides)
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


def resolved(app, docname: str) -> nodes.document:
    return app.env.get_and_resolve_doctree(docname, app.builder, tags=app.tags)


def problems(app) -> list[str]:
    """The build's warnings, less the stock theme's refusal of the trainer edition's announcement bar."""
    return [line for line in app._warning.getvalue().splitlines() if "theme option 'announcement'" not in line]


def test_every_gathering_directive_on_a_page_is_recorded_with_its_line(tmp_path):
    with built(tmp_path) as app:
        records = course_registry(app.env).gatherings["modules/index"]
    assert records == [GatheringRecord("agenda", 3), GatheringRecord("agenda", 11), GatheringRecord("outline", 18)]


def test_one_post_transform_fills_every_placeholder_before_references_are_resolved(tmp_path):
    with built(tmp_path, course_edition="trainer") as app:
        hub = resolved(app, "modules/index")
        deep = resolved(app, "trainers/formats")
        warnings = problems(app)
    assert not warnings, warnings
    assert not list(hub.findall(agenda)) and not list(hub.findall(course_outline))
    titles = [rubric.astext() for rubric in hub.findall(nodes.rubric)]
    assert titles[:2] == ["Morning", "Trainer notes in running order: Morning"]
    assert "Afternoon" in titles
    assert len(list(hub.findall(lambda n: isinstance(n, nodes.table) and "course-outline" in n["classes"]))) == 1
    # The trainer notes copied from modules/unit link to its {doc}`index` (modules/index), resolved
    # by Sphinx's own resolver from the page they are copied onto: no pending reference is left.
    assert not list(deep.findall(addnodes.pending_xref))
    links = [ref["refuri"] for ref in deep.findall(nodes.reference) if ref.astext() == "the overview"]
    assert links == ["../modules/index.html"]


def test_each_placeholder_kind_has_one_filler(tmp_path):
    with built(tmp_path):  # the components register their fillers as Sphinx sets the extension up
        pass
    assert {agenda, course_outline, exercise_index, case_uses, final_check, review_mistakes,
            assessment_report, handouts, handout_page, trainer_manual, pack} <= set(FILLERS)


def test_only_the_decks_links_are_made_at_doctree_resolved(tmp_path):
    """Everything else, handouts and packs included, is a placeholder that FillPlaceholders fills
    before references resolve."""
    with built(tmp_path) as app:
        listeners = {listener.handler.__module__ for listener in app.events.listeners["doctree-resolved"]}
    ours = {module for module in listeners if module.startswith("sphinx_course.")}
    assert ours <= {"sphinx_course.trainer.slides"}


@pytest.mark.parametrize("buildername", ["text", "man"])
def test_placeholders_are_filled_for_builders_other_than_html(tmp_path, buildername):
    """The non-HTML fallback: the same filled tables, no web-only node left for a builder without a visitor."""
    pages = {**PAGES, "index.md": PAGES["index.md"].replace("trainers/formats\n", "trainers/formats\nprogress\n"),
             "progress.md": "# Progress\n\n```{course-progress}\n```\n"}
    with built(tmp_path, pages, buildername) as app:
        hub = resolved(app, "modules/index")
        progress = resolved(app, "progress")
        assert not problems(app), problems(app)
    assert [r.astext() for r in hub.findall(nodes.rubric)][:1] == ["Morning"]
    assert not [n for n in progress.findall(nodes.Element) if type(n).__name__ == "course_progress"]


def test_appending_blank_lines_to_a_unit_rewrites_no_gathering_page(tmp_path):
    """A re-read that changes nothing a copy shows leaves the pages that copy from it alone."""
    with built(tmp_path, course_edition="trainer") as app:
        registry = course_registry(app.env)
        before = dict(registry.content_digests)
    unit = tmp_path / "src" / "modules" / "unit.md"
    unit.write_text(unit.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    with built(tmp_path, None, course_edition="trainer") as app:
        registry = course_registry(app.env)
        assert "modules/unit" in written(app), "the edited unit was not read again"
        assert registry.content_digests == before
        # (modules/index is written again by Sphinx itself: its toctree holds the edited page.)
        assert "trainers/formats" not in written(app), "a page copying nothing new was written again"
    unit.write_text(unit.read_text(encoding="utf-8").replace("Open with", "Begin with"), encoding="utf-8")
    with built(tmp_path, None, course_edition="trainer") as app:
        assert course_registry(app.env).content_digests["modules/unit"] != before["modules/unit"]
        assert "trainers/formats" in written(app)
    deep = (tmp_path / "build" / "html" / "trainers" / "formats.html").read_text(encoding="utf-8")
    assert "Begin with" in deep


def written(app) -> set[str]:
    """The pages this build wrote, from its progress output."""
    status = re.sub(r"\x1b\[[0-9;]*m", "", app._status.getvalue())
    return set(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", status))


EXERCISE = (Path(__file__).resolve().parent.parent / "exercises" / "scenarios" / "ct-deepfake-claim.md").read_text(encoding="utf-8")


def exercise_site(guide_line: str) -> dict[str, str]:
    page = re.sub(r"^(:{3,})\{facilitator-guide\}\s*$", lambda m: m.group(1) + guide_line, EXERCISE, count=1, flags=re.M)
    return {"index.md": "# Course\n\n```{toctree}\nexercises/scenarios/drill\n```\n", "exercises/scenarios/drill.md": page}


@pytest.mark.parametrize("edition", ["learner", "trainer"])
def test_an_exercise_guide_is_found_by_its_directive_whatever_its_title(tmp_path, edition):
    with built(tmp_path, exercise_site("{facilitator-guide} Guide for the day"), course_edition=edition) as app:
        lacks = [line for line in problems(app) if "Exercise lacks" in line]
        doctree = app.env.get_doctree("exercises/scenarios/drill")
    assert lacks == []
    guide = [s for s in doctree.findall(nodes.section) if "facilitator-guide" in s["ids"]]
    assert len(guide) == (1 if edition == "trainer" else 0)


def test_trainer_notes_titled_like_a_guide_are_not_the_guide(tmp_path):
    """The learner edition drops trainer notes, yet still knows the page has no guide: no source regex."""
    with built(tmp_path, exercise_site("{trainer-notes} Facilitator guide")) as app:
        lacks = [line for line in problems(app) if "Exercise lacks" in line]
    assert len(lacks) == 1 and "Exercise lacks a '{facilitator-guide}' block. [course.metadata]" in lacks[0]
