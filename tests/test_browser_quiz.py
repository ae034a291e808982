"""Quizzes in a real browser: headless Chromium driven by Playwright, on the authoring guide's examples."""

from __future__ import annotations

import json
import re

import pytest
from conftest import axe_violations

pytestmark = pytest.mark.browser
GUIDE = "docs/authoring/quizzes.html"
PROGRESS = "docs/progress.html"


def quiz(tab, quiz_id):
    return tab.locator(f'.quiz[data-quiz-id="{quiz_id}"]')


def choose(tab, quiz_id, *labels):
    for label in labels:
        quiz(tab, quiz_id).get_by_label(label, exact=False).check()


def check(tab, quiz_id):
    quiz(tab, quiz_id).get_by_role("button", name="Check").click()


def result(tab, quiz_id):
    return quiz(tab, quiz_id).locator(".quiz-result").inner_text()


def score(tab, quiz_id):
    return quiz(tab, quiz_id).locator(".quiz-score").inner_text()


@pytest.fixture
def guide(page, site_url):
    page.goto(site_url + GUIDE)
    page.wait_for_selector('.quiz-actions:not([hidden])')
    return page


def test_single_choice_right_answer(guide):
    choose(guide, "authoring-single", "A lead to be checked")
    check(guide, "authoring-single")
    assert result(guide, "authoring-single") == "✓ Correct."
    feedback = quiz(guide, "authoring-single").locator(".quiz-option[data-state=right] .quiz-given").inner_text()
    assert feedback.startswith("✓ Right") and "A match is a probability" in feedback
    assert score(guide, "authoring-single") == "You answered 1 of 1 correctly."
    explanation = quiz(guide, "authoring-single").locator(".quiz-question .quiz-explanation")
    assert "Matching systems rank candidates" in explanation.inner_text()


def test_single_choice_wrong_answer_explains_why_and_gives_the_right_answer(guide):
    choose(guide, "authoring-single", "Sufficient grounds")
    check(guide, "authoring-single")
    assert result(guide, "authoring-single") == "✗ Not quite."
    given = quiz(guide, "authoring-single").locator(".quiz-option[data-state=wrong] .quiz-given").inner_text()
    assert "✗ Wrong" in given and "automation bias" in given
    # The internal tag ("output-as-fact") stays out of the learner's page.
    assert "Misconception" not in quiz(guide, "authoring-single").inner_text()
    # The explanation teaches at once; the right answer waits until the learner asks for it.
    question = quiz(guide, "authoring-single").locator(".quiz-question")
    assert "Matching systems rank candidates" in question.locator(".quiz-explanation").inner_text()
    assert "A lead to be checked" not in question.locator(".quiz-given").all_inner_texts().__str__()
    assert "A match is a probability" not in question.inner_text()
    assert score(guide, "authoring-single") == "You answered 0 of 1 correctly."
    question.get_by_role("button", name="Show the answers").click()
    shown = question.locator(".quiz-shown")
    assert shown.inner_text() == "Correct: A lead to be checked against other evidence"
    assert guide.evaluate("document.activeElement.classList.contains('quiz-shown')"), "focus moves to the answer"
    right = question.locator(".quiz-option[data-state=right]")
    assert right.count() == 1 and "A match is a probability" in right.inner_text()
    assert question.get_by_role("button", name="Show the answers").is_hidden()


@pytest.mark.parametrize(
    "labels,expected",
    [
        (["false-positive", "differ across age", "images like ours"], "✓ Correct."),
        (["false-positive"], "✗ Partly right. You missed 2 of the right options."),
        (["false-positive", "differ across age"], "✗ Partly right. You missed 1 of the right options."),
        (["false-positive", "celebrities"], "✗ Not quite. You missed 2 of the right options."),
    ],
    ids=["all-right", "partial", "partial-one", "wrong"],
)
def test_multiple_response_right_partial_and_wrong(guide, labels, expected):
    choose(guide, "authoring-multiple", *labels)
    check(guide, "authoring-multiple")
    assert result(guide, "authoring-multiple") == expected
    question = quiz(guide, "authoring-multiple").locator(".quiz-question")
    # Which right options were missed stays hidden: only the chosen options are marked.
    assert question.locator(".quiz-option[data-state]").count() == len(labels)
    assert question.get_by_role("button", name="Show the answers").is_visible() == (expected != "✓ Correct.")


@pytest.mark.parametrize("label,expected", [("False", "✓ Correct."), ("True", "✗ Not quite.")])
def test_true_false(guide, label, expected):
    quiz(guide, "authoring-truefalse").get_by_label(label, exact=True).check()
    check(guide, "authoring-truefalse")
    assert result(guide, "authoring-truefalse") == expected


def step_texts(tab):
    return [t.strip() for t in quiz(tab, "authoring-ordering").locator(".quiz-step-text").all_inner_texts()]


CORRECT_ORDER = [
    "Decide whether AI is needed for the problem at all",
    "Assess the risks and the legal basis",
    "Run a pilot with success criteria agreed in advance",
    "Deploy with monitoring in place",
]


def test_ordering_by_keyboard_alone(guide):
    assert step_texts(guide) != CORRECT_ORDER
    ordering = quiz(guide, "authoring-ordering")
    # Selection sort driven only by focus and Enter on the move-up buttons.
    for target, text in enumerate(CORRECT_ORDER):
        position = step_texts(guide).index(text)
        while position > target:
            ordering.get_by_role("button", name=f"Move up: {text}").focus()
            guide.keyboard.press("Enter")
            position -= 1
            focused = guide.evaluate("document.activeElement.getAttribute('aria-label') || ''")
            assert text in focused, "focus stays with the moved step"
    assert step_texts(guide) == CORRECT_ORDER
    ordering.get_by_role("button", name="Check").focus()
    guide.keyboard.press("Enter")
    assert result(guide, "authoring-ordering") == "✓ Correct."


def test_ordering_wrong_order_marks_misplaced_steps(guide):
    check(guide, "authoring-ordering")
    assert result(guide, "authoring-ordering") == "✗ Not quite."
    assert quiz(guide, "authoring-ordering").locator(".quiz-step[data-state=wrong]").count() >= 2


def test_a_quiz_completed_with_the_keyboard_alone(guide):
    first = quiz(guide, "authoring-truefalse").locator("input").first
    first.focus()
    guide.keyboard.press("ArrowDown")  # radio group: moves to and selects "False"
    guide.keyboard.press("Tab")
    assert guide.evaluate("document.activeElement.textContent") == "Check"
    guide.keyboard.press("Enter")
    assert result(guide, "authoring-truefalse") == "✓ Correct."
    assert guide.evaluate("document.activeElement.classList.contains('quiz-result')"), "focus moves to the result"


def test_try_again_resets_answers_and_results(guide):
    choose(guide, "authoring-single", "Sufficient grounds")
    check(guide, "authoring-single")
    quiz(guide, "authoring-single").get_by_role("button", name="Try again").click()
    assert not quiz(guide, "authoring-single").locator("input:checked").count()
    assert quiz(guide, "authoring-single").locator(".quiz-result").is_hidden()
    assert not quiz(guide, "authoring-single").locator(".quiz-given").count()


def test_show_answers_after_an_attempt(guide):
    choose(guide, "authoring-single", "Sufficient grounds")
    check(guide, "authoring-single")
    quiz(guide, "authoring-single").get_by_role("button", name="Show answers").click()
    assert quiz(guide, "authoring-single").locator("details.quiz-answers").is_visible()
    assert quiz(guide, "authoring-single").locator(".quiz-option[data-state=right]").count() == 1


def test_answers_persist_across_a_reload(guide):
    choose(guide, "authoring-single", "A lead to be checked")
    check(guide, "authoring-single")
    guide.reload()
    guide.wait_for_selector('.quiz-actions:not([hidden])')
    assert quiz(guide, "authoring-single").get_by_label("A lead to be checked").is_checked()
    assert result(guide, "authoring-single") == "✓ Correct."


def test_a_changed_quiz_discards_stale_answers(guide):
    stale = {"v": 1, "fp": "000000000000", "answers": {"1": [1]}, "checked": {"1": "incorrect"}, "best": 0, "done": True}
    guide.evaluate("s => localStorage.setItem('aipol.v1:quiz:authoring-single', s)", json.dumps(stale))
    guide.reload()
    guide.wait_for_selector('.quiz-actions:not([hidden])')
    assert not quiz(guide, "authoring-single").locator("input:checked").count()
    assert quiz(guide, "authoring-single").locator(".quiz-result").is_hidden()


def test_corrupted_storage_is_ignored(guide):
    guide.evaluate("localStorage.setItem('aipol.v1:quiz:authoring-single', '{not json')")
    guide.reload()
    guide.wait_for_selector('.quiz-actions:not([hidden])')
    choose(guide, "authoring-single", "A lead to be checked")
    check(guide, "authoring-single")
    assert result(guide, "authoring-single") == "✓ Correct."
    assert guide.console_errors == []


def test_quizzes_work_when_storage_is_unavailable(page, site_url):
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});"
    )
    page.goto(site_url + GUIDE)
    page.wait_for_selector('.quiz-actions:not([hidden])')
    choose(page, "authoring-single", "A lead to be checked")
    check(page, "authoring-single")
    assert result(page, "authoring-single") == "✓ Correct."
    assert "not saving answers" in quiz(page, "authoring-single").locator(".quiz-storage-note").inner_text()
    # The theme's own scripts also touch storage and may complain; ours must not.
    assert [e for e in page.console_errors if "course-" in e] == []


MODULE_1 = "modules/leadership/01-ai-in-law-enforcement.html"


def finish_quiz(tab, site_url, page=MODULE_1):
    """Check every question of a unit's quiz, each with its first option (or steps as shown)."""
    tab.goto(site_url + page)
    tab.wait_for_selector(".quiz-actions:not([hidden])")
    questions = tab.locator(".quiz-question")
    for i in range(questions.count()):
        question = questions.nth(i)
        if question.locator("input").count():
            question.locator("input").first.check()
        question.get_by_role("button", name="Check", exact=True).click()
    return questions.count()


def test_progress_page_reflects_answers_given_on_other_pages(page, site_url):
    total_questions = finish_quiz(page, site_url)
    page.goto(site_url + PROGRESS)
    row = page.locator('tr[data-quiz-id="leadership-m1"]')
    assert row.locator("[data-status]").inner_text().startswith("Completed")
    assert re.fullmatch(rf"\d / {total_questions}", row.locator("[data-best]").inner_text())
    assert page.locator('tr[data-quiz-id="leadership-m2"] [data-status]').inner_text() == "Not started"
    overall = page.locator("[data-overall]").inner_text()
    total = page.locator("tr[data-quiz-id]").count()
    assert overall.startswith(f"1 of {total} quizzes completed")


def test_demonstration_quizzes_do_not_count_as_progress(guide, site_url):
    quiz(guide, "authoring-truefalse").get_by_label("False", exact=True).check()
    check(guide, "authoring-truefalse")
    guide.goto(site_url + PROGRESS)
    assert guide.locator('tr[data-quiz-id^="authoring"]').count() == 0
    assert guide.locator("[data-overall]").inner_text().startswith("0 of ")
    assert guide.locator(".course-continue a").count() == 0


def test_mark_as_read_counts_on_my_progress(page, site_url):
    page.goto(site_url + "modules/leadership/02-principles.html")
    page.get_by_role("button", name="Mark as read").click()
    status = page.locator('[data-read-at="start"] [data-read-status]')
    assert "You have read this unit" in status.inner_text()
    assert page.evaluate("document.activeElement === document.querySelector('[data-read-at=start] [data-read-status]')")
    page.goto(site_url + PROGRESS)
    assert page.locator('tr[data-quiz-id="leadership-m2"] [data-status]').inner_text() == "Read; self-check not started"
    assert "Module 2" in page.locator(".course-continue a").inner_text()


def test_progress_export_then_import(page, site_url, tmp_path):
    finish_quiz(page, site_url)
    page.goto(site_url + "modules/leadership/02-principles.html")
    page.get_by_role("button", name="Mark as read").click()
    page.goto(site_url + PROGRESS)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my progress").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text())["format"] == "aipol-progress"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset all progress").click()
    row = page.locator('tr[data-quiz-id="leadership-m1"] [data-status]')
    read = page.locator('tr[data-quiz-id="leadership-m2"] [data-status]')
    assert row.inner_text() == "Not started" and read.inner_text() == "Not started"
    page.locator('input[data-action="import"]').set_input_files(str(saved))
    page.wait_for_function("() => document.querySelector('[data-message]').textContent.includes('imported')")
    assert row.inner_text() == "Completed"
    assert read.inner_text() == "Read; self-check not started"


def test_a_bad_progress_file_changes_nothing(guide, site_url, tmp_path):
    guide.goto(site_url + PROGRESS)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something-else"}')
    guide.locator('input[data-action="import"]').set_input_files(str(bad))
    guide.wait_for_function("() => document.querySelector('[data-message]').textContent.length > 0")
    assert "not a progress file" in guide.locator("[data-message]").inner_text()


def test_using_quizzes_makes_no_request_beyond_the_site(guide, site_url):
    for quiz_id, labels in (("authoring-single", ["A lead"]), ("authoring-multiple", ["false-positive"])):
        choose(guide, quiz_id, *labels)
        check(guide, quiz_id)
    quiz(guide, "authoring-single").get_by_role("button", name="Show answers").click()
    guide.goto(site_url + PROGRESS)
    guide.get_by_role("button", name="Export my progress").click()
    outside = [url for url in guide.requests if not url.startswith(site_url) and not url.startswith(("blob:", "data:"))]
    assert outside == []


def test_authoring_guide_has_no_accessibility_violations_before_and_after_answering(guide):
    assert axe_violations(guide) == []
    choose(guide, "authoring-single", "Sufficient grounds")
    check(guide, "authoring-single")
    choose(guide, "authoring-multiple", "false-positive")
    check(guide, "authoring-multiple")
    check(guide, "authoring-ordering")
    quiz(guide, "authoring-single").get_by_role("button", name="Show answers").click()
    assert axe_violations(guide) == []


def test_quiz_reflows_at_320_pixels(page, site_url):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(site_url + GUIDE)
    page.wait_for_selector('.quiz-actions:not([hidden])')
    overflow = page.evaluate(
        "[...document.querySelectorAll('.quiz')].filter(q => q.scrollWidth > q.clientWidth + 1).length"
    )
    assert overflow == 0


def test_running_score_shows_while_a_quiz_is_unfinished(page, site_url):
    page.goto(site_url + "modules/leadership/01-ai-in-law-enforcement.html")
    quiz_root = page.locator(".quiz").first
    quiz_root.locator(".quiz-actions:not([hidden])").first.wait_for()
    total = int(quiz_root.get_attribute("data-questions"))
    first = quiz_root.locator(".quiz-question").first
    if first.locator("input").count():
        first.locator("input").first.check()
    first.get_by_role("button", name="Check").click()
    # A tally of what was checked, not a mark out of the whole quiz.
    assert re.fullmatch(rf"[01] right of 1 checked, {total - 1} to go\.", quiz_root.locator(".quiz-score").inner_text())
    assert quiz_root.locator("[data-quiz-next]").is_hidden()


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_quizzes_are_accessible_in_light_and_dark_modes(browser, site_url, mode):
    context = browser.new_context(color_scheme=mode)
    tab = context.new_page()
    tab.goto(site_url + GUIDE)
    tab.wait_for_selector(".quiz-actions:not([hidden])")
    assert tab.evaluate("document.documentElement.dataset.theme") == mode
    choose(tab, "authoring-single", "Sufficient grounds")
    check(tab, "authoring-single")
    assert axe_violations(tab) == []
    context.close()


def test_quiz_works_right_to_left(page, site_url):
    page.goto(site_url + GUIDE)
    page.wait_for_selector(".quiz-actions:not([hidden])")
    page.evaluate("document.documentElement.dir = 'rtl'")
    page.set_viewport_size({"width": 360, "height": 800})
    ordering = quiz(page, "authoring-ordering")
    first = step_texts(page)[1]
    ordering.get_by_role("button", name=f"Move up: {first}").click()
    assert step_texts(page)[0] == first
    option = quiz(page, "authoring-single").locator(".quiz-option").first
    box = option.bounding_box()
    radio = option.locator("input").bounding_box()
    assert radio["x"] > box["x"] + box["width"] / 2, "the radio button sits on the right in RTL"
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_course_overview_shows_each_modules_self_check_progress(page, site_url):
    overview = site_url + "modules/leadership/index.html"
    page.goto(overview)
    first = page.locator('a[data-quiz-status][data-quiz-id="leadership-m1"]')
    assert first.inner_text() == f'{first.get_attribute("data-questions")} questions'
    assert page.locator(".course-continue").count() == 0, "nothing begun, nothing to continue"

    # Completed earlier: a saved state as the quiz script leaves it after the last check.
    saved = {"v": 1, "fp": first.get_attribute("data-fingerprint"), "answers": {"1": [0]}, "checked": {},
             "best": 6, "done": True}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", ["aipol.v1:quiz:leadership-m1", json.dumps(saved)])
    # Started now: one answer chosen on Module 2's self-check, not yet checked.
    page.goto(site_url + "modules/leadership/02-principles.html")
    page.wait_for_selector('.quiz-actions:not([hidden])')
    quiz(page, "leadership-m2").locator(".quiz-question").first.locator("input").first.check()

    page.goto(overview)
    total = first.get_attribute("data-questions")
    assert first.inner_text() == f"Completed, best 6 of {total}"
    assert page.locator('a[data-quiz-id="leadership-m2"]').inner_text() == "In progress"
    resume = page.locator(".course-continue a")
    assert resume.inner_text() == "Continue where you left off: Module 2: Principles for responsible AI innovation"
    assert resume.get_attribute("href") == "02-principles.html"
    third = page.locator('a[data-quiz-id="leadership-m3"]')
    assert third.inner_text().endswith(" questions") and third.get_attribute("data-stage") == "not-started"
    third.click()
    assert page.url.endswith("03-law-and-human-rights.html#quiz-leadership-m3")
    assert page.console_errors == []
    assert axe_violations(page) == []
