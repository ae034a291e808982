"""Matching questions: each item paired with a category, from Markdown to a labelled native select,
a plain version with blanks, and an answer key that keeps the pairs in source order."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import sphinx_build, write_fixture_site

PAGE = """# Safeguards

::::{quiz} safeguards
:::{question}
:type: matching
:extra-categories: Dependence on one supplier

Which risk does each safeguard mainly address?

- A trained officer verifies every *possible* match => Automation bias
  > A person who checks the match catches the system's mistakes.
- Error rates are tested for each group => Unequal error rates
- Footage is deleted after a fixed period => Keeping data too long
  > A retention period limits what is kept about uninvolved people.
- Alerts are reviewed by a second officer => Automation bias
:::
::::
"""

CATEGORIES = ["Automation bias", "Dependence on one supplier", "Keeping data too long", "Unequal error rates"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("matching")
    src = write_fixture_site(root / "src", {"index.md": PAGE}, 'html_theme = "sphinx_book_theme"\n')
    html = sphinx_build(src, root / "html")
    text = sphinx_build(src, root / "text", builder="text")
    trainer_text = sphinx_build(src, root / "trainer-text", "-D", "course_edition=trainer", builder="text")
    for build in (html, text, trainer_text):
        assert build.returncode == 0, build.problems
    return html.outdir, text.outdir, trainer_text.outdir


@pytest.fixture(scope="module")
def question(built):
    soup = BeautifulSoup((built[0] / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.select_one('[data-quiz-id="safeguards"]')


def test_each_item_labels_a_native_select_of_every_category_in_alphabetical_order(question):
    pairs = question.select(".quiz-question .quiz-pair")
    assert [p.label.get_text() for p in pairs] == [
        "A trained officer verifies every possible match", "Error rates are tested for each group",
        "Footage is deleted after a fixed period", "Alerts are reviewed by a second officer"]
    assert pairs[0].label.em.get_text() == "possible"  # inline markup kept in the item
    for pair in pairs:
        select = pair.select_one("select")
        assert pair.label["for"] == select["id"]
        assert [o.get_text() for o in select.select("option")] == ["Choose…"] + CATEGORIES
        assert [o["value"] for o in select.select("option")] == ["", "0", "1", "2", "3"]
    assert question.select_one(".quiz-how").get_text() == "Choose a category for each item."


def test_answer_key_gives_every_pair_and_each_items_category_index(question):
    key = question.select_one("details.quiz-answers")
    assert key.select_one(".quiz-key-entry > p").get_text(" ", strip=True) == (
        "Correct pairs: A trained officer verifies every possible match → Automation bias; "
        "Error rates are tested for each group → Unequal error rates; "
        "Footage is deleted after a fixed period → Keeping data too long; "
        "Alerts are reviewed by a second officer → Automation bias")
    answers = [(a["data-category"], a.get_text()) for a in key.select(".quiz-pair-answer")]
    assert answers == [("0", "Automation bias"), ("3", "Unequal error rates"), ("2", "Keeping data too long"),
                       ("0", "Automation bias")]
    assert "catches the system’s mistakes" in key.select_one("#quiz-safeguards-q1-o0-key").get_text()
    assert key.select_one(".quiz-mark") is None  # no right/wrong word on a pair


def test_plain_version_has_blanks_and_the_categories_and_the_trainer_key(built):
    learner = " ".join((built[1] / "index.txt").read_text(encoding="utf-8").split())  # the text builder wraps lines
    assert "Alerts are reviewed by a second officer → ________" in learner
    assert "Categories: " + "; ".join(CATEGORIES) + "." in learner
    assert "Correct pairs" not in learner
    trainer = " ".join((built[2] / "index.txt").read_text(encoding="utf-8").split())
    assert "Correct pairs: A trained officer verifies every *possible* match → Automation bias; Error rates" in trainer
    assert "A retention period limits what is kept" in trainer
