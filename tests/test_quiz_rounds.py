"""What the build makes of shuffling flags, a course's final check and "review my mistakes".

Built on the small course in rounds_site.py: two units, each with three :pool: questions, a
multiple-response and an ordering question that are not in the pool.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import TEST_BUILD, sphinx_build
from rounds_site import rounds_site

from sphinx_course.quiz.rounds import pool_shortfalls


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    src = rounds_site(tmp_path_factory.mktemp("rounds") / "src")
    build = sphinx_build(src, TEST_BUILD / "rounds-build")
    assert build.returncode == 0, build.output
    return build.outdir


def page(out, name) -> BeautifulSoup:
    return BeautifulSoup((out / name).read_text(encoding="utf-8"), "html.parser")


def test_choice_questions_may_be_shuffled_but_true_false_and_ordering_keep_their_order(tmp_path):
    unit = (
        "# Page\n\n::::{quiz} flags\n"
        ":::{question}\n:type: single\n\nShuffled?\n\n- [x] Yes\n  > Yes.\n- [ ] No\n  > No.\n:::\n"
        ":::{question}\n:type: single\n:shuffle: false\n\nA scale.\n\n- [ ] Low\n  > No.\n- [x] High\n  > Yes.\n:::\n"
        ":::{question}\n:type: truefalse\n\nTrue?\n\n- [x] True\n  > Yes.\n- [ ] False\n  > No.\n:::\n"
        ":::{question}\n:type: ordering\n\nOrder.\n\n1. One\n2. Two\n:::\n"
        ":::{question}\n:type: multiple\n:pool:\n\nMany.\n\n- [x] A\n  > Yes.\n- [x] B\n  > Yes.\n- [ ] C\n  > No.\n:::\n"
        "::::\n"
    )
    from conftest import write_fixture_site

    src = write_fixture_site(tmp_path / "src", {"index.md": unit})
    assert sphinx_build(src, tmp_path / "out").returncode == 0
    questions = page(tmp_path / "out", "index.html").select(".quiz-question")
    assert [q.has_attr("data-shuffle") for q in questions] == [True, False, False, False, True]
    # The page itself, what prints and what runs without JavaScript, keeps the source order.
    assert [li["data-index"] for li in questions[0].select(".quiz-option")] == ["0", "1"]


def test_the_final_check_gathers_the_pool_questions_of_its_course_in_course_order(built):
    final = page(built, "modules/leadership/final-check.html")
    quiz = final.select_one(".quiz")
    assert quiz["data-mode"] == "final" and quiz["data-per-unit"] == "2" and quiz["data-questions"] == "6"
    questions = quiz.select(".quiz-question")
    assert [q["data-origin"] for q in questions] == ["unit-a/1", "unit-a/2", "unit-a/3", "unit-b/1", "unit-b/2", "unit-b/3"]
    assert [q.select_one(".quiz-prompt").get_text() for q in questions][:2] == [
        "Pool question a1: which colour is orange?", "Pool question a2: which colour is yellow?"]
    # Numbered afresh; each keeps the identity and the unit's objective it checks, linked to the unit.
    assert [q["data-number"] for q in questions] == ["1", "2", "3", "4", "5", "6"]
    first = questions[0]
    assert first["data-unit"] == "modules/leadership/unit-a"
    assert first["data-objective-href"] == "unit-a.html#objective-weigh-claims"
    assert first["data-objective-text"] == "Weigh a vendor’s accuracy claim.", "as the unit shows it"
    assert page(built, "modules/leadership/unit-a.html").select_one("#objective-weigh-claims"), "the link's anchor exists"
    unit_fp = page(built, "modules/leadership/unit-a.html").select_one(".quiz")["data-fingerprint"]
    assert first["data-origin-fp"] == unit_fp
    # The answer key, with every option's feedback, goes with them: the page works without JavaScript.
    key = quiz.select_one("details.quiz-answers")
    assert key.select_one("#quiz-final-leadership-q1-key").get_text(" ", strip=True).startswith("Correct: Orange")
    assert len(key.select(".quiz-key-entry")) == 6
    assert final.select_one('[data-round="final"] [data-action="submit"]').get_text() == "Submit my answers"
    assert final.select_one('script[src*="course-quiz-rounds.js"]') and final.select_one('script[src*="course-quiz.js"]')


def test_review_my_mistakes_gathers_every_question_of_every_unit(built):
    review = page(built, "review.html")
    quiz = review.select_one('.quiz[data-mode="review"]')
    origins = [q["data-origin"] for q in quiz.select(".quiz-question")]
    assert origins == [f"unit-{u}/{n}" for u in "ab" for n in range(1, 6)]
    # Each unit's quiz offers the review page once the learner has missed something.
    link = page(built, "modules/leadership/unit-a.html").select_one(".quiz-summary a[data-quiz-review]")
    assert link["href"] == "../../review.html" and link.has_attr("hidden")
    assert review.select_one('[data-round="review"] [data-action="new-round"]')
    assert not review.select_one("[data-quiz-review]"), "the review page does not link to itself"
    final = page(built, "modules/leadership/final-check.html")
    assert final.select_one(".quiz-summary a[data-quiz-review]"), "the final check's misses can be reviewed too"


def test_other_builders_print_the_gathered_questions(tmp_path_factory):
    src = rounds_site(tmp_path_factory.mktemp("rounds-text") / "src")
    out = tmp_path_factory.mktemp("rounds-text") / "text"
    build = sphinx_build(src, out, builder="text")
    assert build.returncode == 0, build.output
    text = (out / "modules/leadership/final-check.txt").read_text(encoding="utf-8")
    assert "Pool question b3: which colour is green?" in text and "Submit my answers" not in text
    assert "Unit a multiple" not in text, "only pool questions are in the final check"


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml", "latex", "man", "epub"])
def test_every_builder_builds_the_final_check_and_review(tmp_path, builder):
    src = rounds_site(tmp_path / "src", conf_extra='version = "1"\ncopyright = "2026"\n')  # EPUB needs both
    build = sphinx_build(src, tmp_path / builder, builder=builder)
    assert build.returncode == 0, build.output
    assert "Traceback" not in build.output and "NotImplementedError" not in build.output


def test_a_short_pool_gives_a_typed_located_warning_and_the_page_draws_what_there_is(tmp_path):
    src = rounds_site(tmp_path / "src", pool=1)
    build = sphinx_build(src, tmp_path / "out")
    assert build.returncode != 0
    warning = next(line for line in build.problems if "final check" in line)
    assert "final-check.md:" in warning and "[course.final_check_pool]" in warning
    assert "Unit A: claims has 1; Unit B: oversight has 1" in warning
    quiet = sphinx_build(src, tmp_path / "quiet", "-D", "suppress_warnings=course.final_check_pool")
    assert quiet.returncode == 0, quiet.output
    assert len(page(tmp_path / "quiet", "modules/leadership/final-check.html").select(".quiz-question")) == 2


def test_a_course_with_no_pool_questions_says_so(tmp_path):
    src = rounds_site(tmp_path / "src", pool=0)
    build = sphinx_build(src, tmp_path / "out", "-D", "suppress_warnings=course.final_check_pool")
    assert build.returncode == 0, build.output
    final = page(tmp_path / "out", "modules/leadership/final-check.html")
    assert final.select_one(".quiz") is None
    assert "No question of this course is in the final check's pool yet." in final.get_text()


def test_an_unknown_course_is_a_located_error(tmp_path):
    src = rounds_site(tmp_path / "src")
    path = src / "modules/leadership/final-check.md"
    path.write_text(path.read_text().replace("final-check} leadership", "final-check} leadershp"))
    build = sphinx_build(src, tmp_path / "out")
    assert build.returncode != 0
    assert any("final-check.md:" in p and 'names the course "leadershp"' in p and "[course.final_check]" in p
               for p in build.problems), build.problems
    assert "Traceback" not in build.output


@pytest.mark.parametrize("sizes,per_unit,short", [
    ({"m1": 2, "m2": 2}, 2, []),
    ({"m1": 3, "m2": 1, "m3": 0}, 2, [("m2", 1), ("m3", 0)]),
    ({"m1": 1}, 1, []),
])
def test_pool_shortfalls(sizes, per_unit, short):
    assert pool_shortfalls(sizes, per_unit) == short


@pytest.mark.parametrize("source,shipped", [
    ("a();\n  /* Why a comes first. */\n  b();\n", "a();\nb();\n"),
    ("  /* A comment\n     over two lines. */\nc();\n", "c();\n"),
    ("// a line comment\n    d(); // stays: it shares a line with code\n", "d(); // stays: it shares a line with code\n"),
    ("/* a */ e(); /* b */\nf();\n", "/* a */ e(); /* b */\nf();\n"),
    (".quiz{margin:0}\n  /* print */\n@media print{.quiz{border:0}}\n", ".quiz{margin:0}\n@media print{.quiz{border:0}}\n"),
], ids=["block", "multi-line", "line-comment", "shared-line-kept", "css"])
def test_the_quiz_runtime_ships_without_its_comments(source, shipped):
    from sphinx_course.extension import compact

    assert compact(source) == shipped


def test_the_shipped_runtime_is_the_compacted_source_and_still_parses(built, tmp_path):
    import subprocess

    from sphinx_course.extension import COMPACTED, STATIC, compact

    for name in COMPACTED:
        shipped = (built / "_static" / name).read_text(encoding="utf-8")
        assert shipped == compact((STATIC / name).read_text(encoding="utf-8")), f"{name} is not the compacted source"
        if name.endswith(".js"):
            copy = tmp_path / name
            copy.write_text(shipped, encoding="utf-8")
            check = subprocess.run(["node", "--check", str(copy)], capture_output=True, text=True)
            assert check.returncode == 0, f"{name} no longer parses once compacted: {check.stderr}"
