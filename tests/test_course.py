"""The leadership course: nine modules whose structure the build and these tests prove."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import sphinx_build, write_fixture_site

MODULES = [
    "01-ai-in-law-enforcement", "02-principles", "03-law-and-human-rights", "04-risks-and-harms",
    "05-readiness-and-lifecycle", "06-procurement-and-vendors", "07-governance-and-oversight",
    "08-public-trust", "09-capstone-strategy",
]
MIN_WORDS = 2500
NOT_PROSE = ".quiz, .unit-header, .trainer-only, #further-reading, .headerlink, #self-check"


def article(site_html, module: str) -> BeautifulSoup:
    html = (site_html / "modules" / "leadership" / f"{module}.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article")


def prose_words(node: BeautifulSoup) -> int:
    node = BeautifulSoup(str(node), "html.parser")
    for excluded in node.select(NOT_PROSE):
        excluded.decompose()
    return len(re.findall(r"[A-Za-zÀ-ÿ0-9][\w'’-]*", node.get_text(" ")))


@pytest.fixture(scope="module")
def course_index(site_html):
    return json.loads((site_html / "course-index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("module", MODULES)
def test_module_meets_the_course_floors(site_html, module):
    page = article(site_html, module)
    assert page.select_one(".unit-header"), "header rendered from metadata"
    assert len(page.select(".unit-objectives li")) in range(3, 7)
    words = prose_words(page)
    assert words >= MIN_WORDS, f"{module}: {words} words of prose"
    assert page.select(".admonition.scenario"), "at least one scenario"
    assert "Fictional scenario" in page.select_one(".admonition.scenario .admonition-title").get_text()
    assert page.select_one(".admonition.key-takeaways li"), "key takeaways"
    further = page.select_one("section#further-reading")
    assert further and len(further.select("a.reference.external")) >= 3, "further reading with sources"


@pytest.mark.parametrize("module", MODULES)
def test_module_quiz_meets_the_floor(site_html, module):
    quizzes = article(site_html, module).select(".quiz")
    assert len(quizzes) >= 1
    questions = [q for quiz in quizzes for q in quiz.select(".quiz-question")]
    assert len(questions) >= 6
    assert len({q["data-question-type"] for q in questions}) >= 3
    for option in article(site_html, module).select(".quiz-key-option"):
        if option.select_one(".quiz-mark"):
            assert option.select_one(".quiz-feedback"), f"{module}: option without feedback"


def test_course_index_lists_every_module_with_metadata(course_index):
    units = {u["docname"].rsplit("/", 1)[-1]: u for u in course_index["units"] if "/leadership/" in u["docname"]}
    assert sorted(units) == MODULES
    for unit in units.values():
        assert unit["duration"] > 0 and unit["legal_review"] and unit["objectives"]
        assert unit["quizzes"], unit["docname"]
    leadership_minutes = sum(u["duration"] for u in units.values())
    assert 8 * 60 <= leadership_minutes <= 10 * 60 + 30, leadership_minutes


def test_overview_total_matches_course_index(site_html, course_index):
    overview = BeautifulSoup((site_html / "modules/leadership/index.html").read_text(encoding="utf-8"), "html.parser")
    total_text = overview.select_one(".course-total").get_text(" ", strip=True)
    minutes = int(re.search(r"\((\d+) minutes\)", total_text).group(1))
    leadership = [u for u in course_index["units"] if u["docname"].startswith("modules/leadership/")]
    assert minutes == sum(u["duration"] for u in leadership)
    listed = [a.get_text(strip=True) for a in overview.select("table.course-outline td:first-child a")]
    assert len(listed) == len(MODULES)


def test_overview_links_each_modules_self_check_with_its_quiz_data(site_html, course_index):
    overview = BeautifulSoup((site_html / "modules/leadership/index.html").read_text(encoding="utf-8"), "html.parser")
    quizzes = {q["quiz_id"]: q for q in course_index["quizzes"]}
    links = overview.select("table.course-outline a[data-quiz-status]")
    assert len(links) == len(MODULES)
    for link in links:
        quiz = quizzes[link["data-quiz-id"]]
        assert link["href"] == f'{quiz["docname"].rsplit("/", 1)[-1]}.html#quiz-{quiz["quiz_id"]}'
        assert link["data-fingerprint"] == quiz["fingerprint"]
        assert link.get_text() == f'{quiz["questions"]} questions' == f'{link["data-questions"]} questions'


def test_counter_terrorism_overview_lists_its_sessions_under_its_own_label(site_html):
    overview = BeautifulSoup((site_html / "modules/counter-terrorism/index.html").read_text(encoding="utf-8"),
                             "html.parser")
    table = overview.select_one("table.course-outline")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Session", "Time", "Objectives", "Self-check"]
    sessions = [a.get_text(strip=True) for a in table.select("td:first-child a")]
    assert len(sessions) == 4 and all(title.startswith("Session ") for title in sessions)
    assert len(table.select("a[data-quiz-status]")) == 4


UNIT_PAGE = """---
duration: 30
objectives:
  - id: first
    text: Explain the first thing.
  - id: second
    text: Decide the second thing.
  - id: third
    text: Assess the third thing.
legal-review: {review}
---

# A unit

Text.

::::{{quiz}} unit-check
:::{{question}}
:type: truefalse
:objective: first

A statement.

- [x] True
  > Yes.
- [ ] False
  > No.
:::
::::
"""


def build_unit(tmp_path, page: str):
    pages = {"index.md": "# Course\n\n```{toctree}\nmodules/unit\n```\n", "modules/unit.md": page}
    src = write_fixture_site(tmp_path / "src", pages)
    return sphinx_build(src, tmp_path / "out")


def test_objectives_without_a_question_fail_the_build(tmp_path):
    build = build_unit(tmp_path, UNIT_PAGE.format(review="2026-11-01"))
    assert build.returncode != 0
    problems = "\n".join(build.problems)
    assert "unit.md:3: WARNING: Learning objective 'second' has no self-check question." in problems
    assert "[course.objective_unchecked]" in problems
    assert "'third' has no self-check question" in problems
    assert "'first'" not in problems


def test_stale_legal_review_warns(tmp_path):
    page = UNIT_PAGE.format(review="2025-06-30").replace(":objective: first", ":objective: first")
    build = build_unit(tmp_path, page)
    assert "unit.md:10: WARNING: Legal content was last reviewed on 2025-06-30, more than 12 months ago." in "\n".join(build.problems)
    assert "[course.legal_review_stale]" in "\n".join(build.problems)


@pytest.mark.parametrize(
    "change,message",
    [
        (("duration: 30", "duration: half an hour"), "unit.md:2: ERROR: 'duration' must be a whole number of minutes"),
        (("legal-review: 2026-11-01", "legal-review: soon"), "unit.md:10: ERROR: 'legal-review' must be a date written YYYY-MM-DD, not 'soon'."),
        (("  - id: third\n    text: Assess the third thing.\n", ""), "unit.md:3: ERROR: 'objectives' must list 3 to 6 learning objectives; found 2."),
        (("duration: 30\n", ""), "unit.md:1: ERROR: Course unit front matter lacks 'duration'."),
        ((":objective: first", ":objective: fourth"), "ERROR: Quiz 'unit-check' tags a question with objective 'fourth', which this page does not declare."),
    ],
    ids=["duration", "review-date", "objective-count", "missing-key", "unknown-objective"],
)
def test_bad_metadata_is_reported_with_file_and_line(tmp_path, change, message):
    page = UNIT_PAGE.format(review="2026-11-01").replace(*change)
    build = build_unit(tmp_path, page)
    assert build.returncode != 0
    assert any(message in p for p in build.problems), build.problems
    assert "Traceback" not in build.output


def truefalse_question(objective: str) -> str:
    return (f":::{{question}}\n:type: truefalse\n:objective: {objective}\n\nA statement about {objective}.\n\n"
            "- [x] True\n  > Yes.\n- [ ] False\n  > No.\n:::\n")


def unit_with_questions(duration: int, objectives: list[str], takeaway: str = "Alpha.") -> str:
    head = UNIT_PAGE.format(review="2026-11-01").split("::::{quiz}")[0].replace("duration: 30", f"duration: {duration}")
    takeaways = f":::{{key-takeaways}}\n- {takeaway}\n:::\n\n"
    return head + takeaways + "::::{quiz} unit-check\n" + "".join(truefalse_question(o) for o in objectives) + "::::\n"


def test_incremental_builds_keep_gathered_pages_current(tmp_path):
    """Pages that gather from others follow an edit without a clean build, and only those whose inputs changed."""
    pages = {
        "index.md": "# Course\n\n```{toctree}\nmodules/index\nprogress\nhandouts\n```\n",
        "modules/index.md": "# Modules\n\n```{course-outline}\n```\n\n```{toctree}\nunit\n```\n",
        "modules/unit.md": unit_with_questions(30, ["first", "second", "third"]),
        "progress.md": "# Progress\n\n```{course-progress}\n```\n",
        "handouts.md": "# Handouts\n\n```{handouts}\n```\n\n```{toctree}\nhandouts/unit\n```\n",
        "handouts/unit.md": "# A unit\n\n```{handout} /modules/unit\n```\n",
    }
    src = write_fixture_site(tmp_path / "src", pages)
    out = tmp_path / "out"
    first = sphinx_build(src, out)
    assert first.returncode == 0, first.output

    def html(page: str) -> BeautifulSoup:
        return BeautifulSoup((out / page).read_text(encoding="utf-8"), "html.parser")

    def shown() -> tuple[str, str, str]:
        return (
            html("modules/index.html").select_one("table.course-outline tbody td:nth-of-type(2)").get_text(strip=True),
            html("progress.html").select_one("tr[data-quiz-id='unit-check']")["data-questions"],
            takeaways_in(html("handouts/unit.html")),
        )

    def takeaways_in(handouts: BeautifulSoup) -> str:
        heading = next(r for r in handouts.select(".handout .rubric") if r.get_text(strip=True) == "Key takeaways")
        return heading.find_next_sibling().get_text(" ", strip=True)

    def written(page: str) -> int:
        return (out / page).stat().st_mtime_ns

    assert shown() == ("30 min", "3", "Alpha.")

    before = written("progress.html"), written("handouts/unit.html")
    unchanged = sphinx_build(src, out)
    assert unchanged.returncode == 0 and "no targets are out of date" in unchanged.output
    assert (written("progress.html"), written("handouts/unit.html")) == before, "nothing changed, nothing rewritten"

    unit = src / "modules/unit.md"
    unit.write_text(unit_with_questions(45, ["first", "second", "third", "first"]), encoding="utf-8")
    metadata_edit = sphinx_build(src, out)
    assert metadata_edit.returncode == 0, metadata_edit.output
    assert "0 added, 1 changed, 0 removed" in metadata_edit.output
    assert shown() == ("45 min", "4", "Alpha.")

    progress_before = written("progress.html")
    unit.write_text(unit_with_questions(45, ["first", "second", "third", "first"], takeaway="Beta."), encoding="utf-8")
    content_edit = sphinx_build(src, out)
    assert content_edit.returncode == 0, content_edit.output
    assert shown() == ("45 min", "4", "Beta.")
    assert written("progress.html") == progress_before, "the quizzes did not change, so the progress page is not rewritten"


def test_any_change_to_the_extensions_code_changes_the_environment_version(tmp_path):
    """Sphinx rereads every page when the version changes, so no page keeps output from older code."""
    import shutil

    from sphinx_course import code_version

    package = Path(__file__).resolve().parent.parent / "sphinx_course"
    copy = tmp_path / "sphinx_course"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "static", "locale"))
    assert code_version(copy) == code_version(package)
    (copy / "cli" / "pdf.py").write_text((copy / "cli" / "pdf.py").read_text() + "\n# an edit to a command-line tool\n")
    assert code_version(copy) == code_version(package), "Sphinx never runs pdf.py: editing it must not re-read pages"
    (copy / "course" / "outline.py").write_text((copy / "course" / "outline.py").read_text() + "\n# an edit\n")
    assert code_version(copy) != code_version(package)


def test_unit_objectives_from_a_page_with_broken_front_matter_is_an_error_not_a_traceback(tmp_path):
    pages = {
        "index.md": "# Deck\n\n```{unit-objectives} /broken\n```\n",
        "broken.md": "---\nobjectives: [unclosed\n---\n\n# Broken\n",
    }
    src = write_fixture_site(tmp_path / "src", pages, conf_extra='exclude_patterns = ["_build", "broken.md"]\n')
    build = sphinx_build(src, tmp_path / "out")
    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert any("index.md:3: ERROR: Cannot read the objectives of broken.md: its front matter is not valid YAML" in p
               for p in build.problems), build.problems
