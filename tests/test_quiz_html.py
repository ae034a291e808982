"""What the quiz directive renders: semantic form controls, data hooks and an answer key.

Checked on the authoring guide, whose examples are real quizzes.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

EXAMPLES = {
    "authoring-single": "single",
    "authoring-multiple": "multiple",
    "authoring-truefalse": "truefalse",
    "authoring-ordering": "ordering",
    "authoring-matching": "matching",
}


@pytest.fixture(scope="module")
def guide(site_html):
    return BeautifulSoup((site_html / "docs/authoring/quizzes.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("quiz_id,qtype", EXAMPLES.items())
def test_each_question_is_a_fieldset_with_legend_and_type(guide, quiz_id, qtype):
    quiz = guide.select_one(f'.quiz[data-quiz-id="{quiz_id}"]')
    assert quiz["data-fingerprint"] and quiz["data-questions"] == "1"
    question = quiz.select_one(".quiz-question")
    assert question["data-question-type"] == qtype
    fieldset = question.select_one("fieldset")
    assert fieldset.select_one("legend .quiz-number").get_text() == "Question 1 of 1."
    assert fieldset.select_one("legend .quiz-prompt").get_text(strip=True)


def test_choice_options_are_native_inputs_with_labels(guide):
    single = guide.select_one('[data-quiz-id="authoring-single"]')
    inputs = single.select('input[type="radio"]')
    assert len(inputs) == 3
    for control in inputs:
        label = single.select_one(f'label[for="{control["id"]}"]')
        assert label and label.get_text(strip=True)
    assert len({c["name"] for c in inputs}) == 1
    assert guide.select('[data-quiz-id="authoring-multiple"] input[type="checkbox"]')


def test_inline_markdown_works_in_feedback(guide):
    feedback = guide.select_one("#quiz-authoring-single-q1-o0-key .quiz-feedback")
    assert feedback.select_one('a[href$="glossary.html#term-human-oversight"]')


def test_answer_key_is_collapsed_labelled_and_complete(guide):
    key = guide.select_one('[data-quiz-id="authoring-single"] details.quiz-answers')
    assert "open" not in key.attrs
    assert key.summary.get_text().startswith("Answers and explanations")
    assert "Correct: A lead to be checked" in key.get_text(" ", strip=True)
    marks = [m["data-correct"] for m in key.select(".quiz-mark")]
    assert marks == ["true", "false", "false"]
    assert key.select_one(".quiz-explanation").get_text(strip=True).startswith("Explanation")
    # Misconception tags are authoring labels: learners never see them.
    assert key.select_one(".quiz-misconception") is None and "Misconception" not in key.get_text()


def test_trainers_answer_keys_keep_the_misconception_tags(trainer_html):
    """Trainers read the plain-language sentence; the slug stays as data."""
    page = BeautifulSoup((trainer_html / "docs/authoring/quizzes.html").read_text(encoding="utf-8"), "html.parser")
    key = page.select_one('[data-quiz-id="authoring-single"] details.quiz-answers')
    tag = key.select_one(".quiz-misconception")
    assert tag.get_text() == "Treats a face-recognition match as a finding rather than a lead"
    assert tag["data-misconception"] == "output-as-fact"


def test_no_learner_page_shows_a_misconception_tag(site_html):
    shown = [path.relative_to(site_html).as_posix() for path in site_html.rglob("*.html")
             if "quiz-misconception" in path.read_text(encoding="utf-8")]
    assert shown == []


def test_a_course_unit_quiz_offers_the_next_unit_and_the_last_one_the_overview(site_html):
    def next_link(page):
        soup = BeautifulSoup((site_html / page).read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one(".quiz-summary [data-quiz-next] a")
        return link and (link["href"], link.get_text())

    assert next_link("modules/leadership/01-ai-in-law-enforcement.html") == (
        "02-principles.html", "Next: Module 2: Principles for responsible AI innovation")
    last = next_link("modules/leadership/09-capstone-strategy.html")
    assert last[0] == "index.html" and last[1].startswith("That was the last unit. Back to The leadership course")
    assert next_link("modules/counter-terrorism/01-uses-and-limits.html")[0] == "02-human-rights.html"
    # The authoring guide's examples are not course units, so they lead nowhere.
    assert next_link("docs/authoring/quizzes.html") is None


def test_hint_is_a_native_disclosure(guide):
    hint = guide.select_one('[data-quiz-id="authoring-single"] details.quiz-hint')
    assert hint.summary.get_text() == "Hint"


def test_ordering_steps_are_shuffled_and_the_key_keeps_the_order(guide):
    quiz = guide.select_one('[data-quiz-id="authoring-ordering"]')
    shown = [int(li["data-index"]) for li in quiz.select("ol.quiz-options li.quiz-step")]
    assert sorted(shown) == [0, 1, 2, 3] and shown != [0, 1, 2, 3]
    correct_order = quiz.select_one(".quiz-key-entry p").get_text(" ", strip=True)
    assert correct_order.startswith("Correct order: Decide whether AI is needed")


def test_controls_are_hidden_until_the_script_runs(guide):
    quiz = guide.select_one('[data-quiz-id="authoring-single"]')
    assert quiz.select_one(".quiz-actions").has_attr("hidden")
    assert quiz.select_one(".quiz-summary").has_attr("hidden")
    assert quiz.select_one('.quiz-summary [role="status"]')


def test_privacy_note_is_linked_from_every_quiz(site_html):
    for path in site_html.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for quiz in soup.select(".quiz"):
            link = quiz.select_one(".quiz-meta a")
            assert link and "privacy.html#quiz-answers" in link["href"], path


def test_quiz_scripts_load_only_on_pages_with_quizzes(site_html):
    for path in site_html.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        has_quiz = 'class="quiz"' in text
        assert ("course-quiz.js" in text) == has_quiz, path


def test_only_course_units_offer_review_my_mistakes(guide, site_html):
    # The review gathers the units' questions; a demonstration quiz's misses would never show there.
    assert guide.select_one("[data-quiz-review]") is None
    module = BeautifulSoup((site_html / "modules/leadership/01-ai-in-law-enforcement.html").read_text(encoding="utf-8"),
                           "html.parser")
    assert module.select_one(".quiz-summary a[data-quiz-review]")["href"] == "../../docs/review.html"


def test_choice_options_keep_the_source_order_on_the_page(guide):
    """The page, its print and its no-JavaScript view keep the written order; the script shuffles."""
    multiple = guide.select_one('[data-quiz-id="authoring-multiple"] .quiz-question')
    assert multiple.has_attr("data-shuffle")
    assert [li["data-index"] for li in multiple.select(".quiz-option")] == ["0", "1", "2", "3"]
    assert not guide.select_one('[data-quiz-id="authoring-truefalse"] .quiz-question').has_attr("data-shuffle")
