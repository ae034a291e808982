"""``make new-module`` and ``make new-exercise``: a page from the package's template that builds
strictly and shows in the navigation, and a refusal to overwrite.

Each test scaffolds into a small copy of a course in tmp_path, never into the real modules/."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from conftest import sphinx_build, write_fixture_site
from test_course import unit_with_questions

from sphinx_course.cli.scaffold import ScaffoldError, add_to_toctree, main, scaffold

# A course laid out as modules/leadership is: numbered units by glob, then the final check.
COURSE_INDEX = "# The course\n\n```{course-outline}\n```\n\n```{toctree}\n:hidden:\n:glob:\n\n0*\nfinal-check\n```\n"
EXERCISES_INDEX = "# Exercises\n\n```{exercise-index}\n```\n\n```{toctree}\n:hidden:\n:glob:\n\ntools/readiness\nscenarios/*\n```\n"


def course_copy(tmp_path):
    src = write_fixture_site(tmp_path / "src", {
        "index.md": "# Site\n\n```{toctree}\nmodules/leadership/index\nexercises/index\n```\n",
        "modules/leadership/index.md": COURSE_INDEX,
        "modules/leadership/01-first.md": unit_with_questions(30, ["first", "second", "third"]),
        "modules/leadership/final-check.md": "---\npage-type: final-check\n---\n\n# Final check\n\nAll units.\n",
        "exercises/index.md": EXERCISES_INDEX,
        "exercises/tools/readiness.md": "# Readiness\n\nA tool.\n",
    }, 'course_law_as_of = "2026-12-06"\n')
    # The course's one exercise is a scaffolded one, so the glob scenarios/* has a page to match.
    scaffold(src, "exercise", "existing", "An existing drill")
    return src


@pytest.mark.parametrize("index,entry,expected", [
    ("```{toctree}\n:glob:\n\n0*\nfinal-check\n```\n", "10-example", "```{toctree}\n:glob:\n\n0*\n10-example\nfinal-check\n```\n"),
    ("```{toctree}\n01-a\n03-c\nfinal-check\n```\n", "02-b", "```{toctree}\n01-a\n02-b\n03-c\nfinal-check\n```\n"),
    ("```{toctree}\n01-a\n```\n", "02-b", "```{toctree}\n01-a\n02-b\n```\n"),
    ("```{toctree}\n:glob:\n\n0*\n```\n", "05-e", None),
    ("```{toctree}\ntools/readiness\n```\n", "scenarios/new", "```{toctree}\ntools/readiness\nscenarios/new\n```\n"),
    ("```{toctree}\n:glob:\n\ntools/readiness\nscenarios/*\n```\n", "scenarios/new", None),
])
def test_the_page_goes_into_the_toctree_in_course_order(index, entry, expected):
    assert add_to_toctree(index, entry) == expected


def test_a_scaffolded_module_builds_strictly_and_is_in_the_navigation(tmp_path):
    src = course_copy(tmp_path)
    written = scaffold(src, "module", "10-example", "Module 10: An example", course="leadership",
                       today=datetime.date(2026, 12, 1))
    assert written == [src / "modules/leadership/10-example.md", src / "modules/leadership/index.md"]
    assert "0*\n10-example\nfinal-check\n" in (src / "modules/leadership/index.md").read_text(encoding="utf-8")
    build = sphinx_build(src, tmp_path / "out")
    assert build.returncode == 0, build.output
    page = BeautifulSoup((tmp_path / "out/modules/leadership/10-example.html").read_text(encoding="utf-8"), "html.parser")
    assert page.h1.get_text(strip=True).startswith("Module 10: An example")
    quiz = page.select_one(".quiz[data-quiz-id='leadership-10-example']")
    assert quiz is not None, "the page has no self-check with the course's quiz id"
    assert len(quiz.select("fieldset.quiz-fieldset")) == 3, "one question per objective (three)"
    for part in (".executive-brief", ".key-takeaways", ".further-reading"):
        assert page.select_one(part), f"the page lacks {part}"
    assert "scenario is fictional" in page.get_text()
    course = BeautifulSoup((tmp_path / "out/modules/leadership/index.html").read_text(encoding="utf-8"), "html.parser")
    nav = [a.get_text(strip=True) for a in course.select("nav a, table.course-outline a")]
    assert any(text.startswith("Module 10: An example") for text in nav), f"the new module is not in the navigation: {nav}"
    order = [a["href"] for a in course.select("table.course-outline a") if a.get("href", "").endswith(".html")]
    assert order.index(next(h for h in order if "10-example" in h)) > order.index(next(h for h in order if "01-first" in h))


def test_a_scaffolded_exercise_builds_strictly_with_its_facilitator_guide(tmp_path):
    src = course_copy(tmp_path)
    assert scaffold(src, "exercise", "example-drill", "The example drill", track="leadership") == \
        [src / "exercises/scenarios/example-drill.md"], "the glob scenarios/* already takes it in"
    build = sphinx_build(src, tmp_path / "out")
    assert build.returncode == 0, build.output
    page = (tmp_path / "out/exercises/scenarios/example-drill.html").read_text(encoding="utf-8")
    assert "Exercise: The example drill" in page
    index = BeautifulSoup((tmp_path / "out/exercises/index.html").read_text(encoding="utf-8"), "html.parser")
    assert any("example-drill" in a.get("href", "") for a in index.select("a")), "the exercise is not in the navigation"
    trainer = sphinx_build(src, tmp_path / "trainer", "-D", "course_edition=trainer", "-D", "html_theme=sphinx_book_theme")
    assert trainer.returncode == 0, trainer.output
    assert "Facilitator guide" in (tmp_path / "trainer/exercises/scenarios/example-drill.html").read_text(encoding="utf-8")


def test_an_existing_page_is_never_overwritten(tmp_path, capsys):
    src = course_copy(tmp_path)
    before = (src / "modules/leadership/01-first.md").read_text(encoding="utf-8")
    with pytest.raises(ScaffoldError, match="01-first.md already exists"):
        scaffold(src, "module", "01-first", "Another", course="leadership")
    assert (src / "modules/leadership/01-first.md").read_text(encoding="utf-8") == before
    assert main(["module", "--root", str(src), "--course", "leadership", "--slug", "01-first", "--title", "X"]) == 1
    assert "Not created:" in capsys.readouterr().err


@pytest.mark.parametrize("args,message", [
    (["module", "--course", "leadership", "--slug", "Bad Slug", "--title", "X"], "must be lower-case letters"),
    (["module", "--course", "nowhere", "--slug", "10-x", "--title", "X"], "no such file"),
    (["module", "--course", "", "--slug", "10-x", "--title", "X"], "a course is needed"),
    (["module", "--course", "leadership", "--slug", "10-x", "--title", " "], "a title is needed"),
])
def test_bad_requests_are_refused_with_a_reason(tmp_path, capsys, args, message):
    src = course_copy(tmp_path)
    assert main([*args, "--root", str(src)]) == 1
    assert message in capsys.readouterr().err
    assert not (src / "modules/leadership/10-x.md").exists()
