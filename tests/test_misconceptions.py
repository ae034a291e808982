"""Misconception tags read as plain sentences for trainers; the slug stays as data (issue #13)."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import sphinx_build, write_fixture_site

from sphinx_course.quiz.directives import misconception_parts

QUIZ = """\
# Unit

::::{quiz} fixture-check
:title: Check

:::{question}
:type: single

A supplier shows the system matching famous faces. What does that show?

- [x] Little about how it will work on our footage
  > Right. Famous faces are not a sample of the people a force searches for.
- [ ] That it is ready for use
  > No. A demonstration is not an evaluation.
  > {misconception}`Takes a demonstration on famous faces as evidence the system works <impressive-demo-is-evidence>`
- [ ] That it has been tested for bias
  > No. Nothing in a demonstration measures error rates across groups.
  > {misconception}`demo-tests-bias`
:::
::::

```{trainer-manual}
```
"""


def test_a_tag_is_a_sentence_then_a_slug():
    assert misconception_parts("Believes a top-ranked product is free of bias <top-ranked-means-unbiased>") == (
        "top-ranked-means-unbiased", "Believes a top-ranked product is free of bias")
    assert misconception_parts("output-as-fact") == ("output-as-fact", "")
    assert misconception_parts("Spans\n  two lines <two-lines>") == ("two-lines", "Spans two lines")


def build(tmp_path, edition: str, conf: str = ""):
    src = write_fixture_site(tmp_path / "src", {"index.md": QUIZ},
                             'html_theme = "sphinx_book_theme"\n' + conf)
    return sphinx_build(src, tmp_path / edition, "-D", f"course_edition={edition}")


def test_trainers_read_the_sentence_and_a_slug_only_tag_is_a_typed_warning(tmp_path):
    result = build(tmp_path, "trainer")
    warnings = [p for p in result.problems if "course.misconception_plain" in p]
    assert len(warnings) == 1 and "index.md:18:" in warnings[0] and "'demo-tests-bias'" in warnings[0], result.problems
    page = BeautifulSoup((result.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    tags = [(p["data-misconception"], p.get_text().strip()) for p in page.select(".quiz-answers .quiz-misconception")]
    assert ("impressive-demo-is-evidence",
            "Takes a demonstration on famous faces as evidence the system works") in tags, tags
    assert ("demo-tests-bias", "Misconception: demo tests bias") in tags, "a slug-only tag shows its words until converted"
    assert "<impressive-demo-is-evidence>" not in page.get_text()


def test_the_plain_answer_key_of_the_manual_and_paper_builders_prints_the_sentence(tmp_path):
    src = write_fixture_site(tmp_path / "src", {"index.md": QUIZ}, "course_misconception_plain_check = False\n")
    result = sphinx_build(src, tmp_path / "text", "-D", "course_edition=trainer", builder="text")
    assert result.returncode == 0, result.output
    text = " ".join((result.outdir / "index.txt").read_text(encoding="utf-8").split())
    assert "Takes a demonstration on famous faces as evidence the system works" in text
    assert "impressive-demo-is-evidence" not in text and "Misconception: demo tests bias" in text


def test_the_check_can_be_switched_off_and_learners_never_see_tags(tmp_path):
    result = build(tmp_path, "learner", "course_misconception_plain_check = False\n")
    assert not [p for p in result.problems if "misconception_plain" in p], result.problems
    page = BeautifulSoup((result.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not page.select(".quiz-misconception") and "famous faces as evidence" not in page.get_text()
