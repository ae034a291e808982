"""Journey 2: an executive with 30 minutes, on a phone and on a desktop.

Home -> the leadership course -> Module 1 -> the self-check, some answers right and some wrong,
one question by keyboard alone -> reload -> the course overview and My progress both show where
they stand and a "continue" link that works -> the home page offers "continue" too.
Screenshots of each step go to _build/journeys/ for a person to look at.
"""

from __future__ import annotations

import re

import pytest
from conftest import axe_violations, save_screenshot

pytestmark = pytest.mark.browser
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
MODULE_1 = "modules/leadership/01-ai-in-law-enforcement.html"
MODULE_2_TITLE = "Module 2: Principles for responsible AI innovation"
# What the executive does with each question of Module 1's self-check ("as shown" checks an
# ordering question as displayed; Module 1 has none since its quiz asks for decisions instead).
PLAN = ["right", "wrong", "right by keyboard", "right", "wrong", "right", "wrong", "right"]


def shot(page, name: str) -> None:
    save_screenshot(page, f"executive-{name}")


def right_options(question) -> list[int]:
    """The options the page's own answer key marks right (the key is in the page, collapsed)."""
    key = question.page.locator(f"#{question.get_attribute('id')}-key")
    marks = key.locator(".quiz-key-option")
    return [int(marks.nth(i).get_attribute("data-index")) for i in range(marks.count())
            if marks.nth(i).locator('.quiz-mark[data-correct="true"]').count()]


def option_input(question, index: int):
    return question.locator(f'.quiz-option[data-index="{index}"] input')


def answer_with_the_mouse(question, right: bool) -> None:
    correct = right_options(question)
    if right:
        for index in correct:
            option_input(question, index).check()
    else:
        wrong = [int(i) for i in question.locator(".quiz-option").evaluate_all("els => els.map(e => e.dataset.index)")
                 if int(i) not in correct]
        option_input(question, wrong[0]).check()
    question.get_by_role("button", name="Check", exact=True).click()


def answer_with_the_keyboard(page, question) -> None:
    """Tab to each option, Space on the right ones, Tab on to "Check" and press Enter."""
    correct = right_options(question)
    inputs = question.locator(".quiz-option input")
    inputs.first.focus()
    for position in range(inputs.count()):
        index = int(inputs.nth(position).get_attribute("value"))
        if index in correct:
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
    for _press in range(6):
        if page.evaluate("document.activeElement.dataset.action") == "check":
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError("Tab never reached the question's Check button")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('quiz-result')"), \
        "after Check by keyboard, focus did not move to the result"


def continue_link(page):
    link = page.locator(".course-continue a", has_text="Continue where you left off")
    assert link.count() and link.first.is_visible(), "no visible 'Continue where you left off' link"
    return link.first


@pytest.mark.parametrize("device", VIEWPORTS)
def test_executive_studies_module_1_and_comes_back(browser, site_url, device):
    context = browser.new_context(viewport=VIEWPORTS[device])
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    # Home: the executives' door leads to the leadership course.
    page.goto(site_url)
    assert page.locator(".course-continue a").count() == 0 or not page.locator(".course-continue a").first.is_visible(), \
        "a new visitor is offered 'continue' before doing anything"
    shot(page, f"{device}-1-home")
    # The door is a card: the person taps the card, wherever the link inside it sits.
    page.locator(".sd-card", has_text="Executives").first.click()
    assert page.url.endswith("modules/leadership/index.html"), f"the door led to {page.url}"
    shot(page, f"{device}-2-overview")

    # The overview lists Module 1; the executive opens it.
    page.locator("table.course-outline").get_by_role("link", name=re.compile(r"^Module 1\b")).click()
    assert page.url.endswith(MODULE_1), f"the Module 1 link led to {page.url}"
    quiz = page.locator(".quiz").first
    quiz.locator(".quiz-actions:not([hidden])").first.wait_for()
    questions = quiz.locator(".quiz-question")
    assert questions.count() == len(PLAN), "Module 1's self-check no longer has the questions this journey plans for"

    expected_right = 0
    for number, plan in enumerate(PLAN, start=1):
        question = questions.nth(number - 1)
        question.scroll_into_view_if_needed()
        if plan == "as shown":
            question.get_by_role("button", name="Check", exact=True).click()
            shown = [int(i) for i in question.locator(".quiz-step").evaluate_all("els => els.map(e => e.dataset.index)")]
            expected_right += shown == sorted(shown)
        elif plan == "right by keyboard":
            answer_with_the_keyboard(page, question)
            expected_right += 1
        else:
            answer_with_the_mouse(question, plan == "right")
            expected_right += plan == "right"
        result = question.locator(".quiz-result").inner_text()
        if plan != "as shown":
            assert result.startswith("✓ Correct." if plan.startswith("right") else "✗ Not quite."), \
                f"question {number}: expected a {plan} answer, the page said {result!r}"
        # After a hit, why the chosen answer is right. After a miss, the right answer stays hidden
        # until the executive asks for it with "Show the answers"; then it is shown, and why.
        if plan.startswith("right"):
            explained = question.locator(".quiz-given .quiz-feedback, .quiz-given.quiz-explanation").first
            assert explained.is_visible(), f"question {number} explains nothing after Check"
        elif result != "✓ Correct.":
            assert not question.locator(".quiz-shown").count(), f"question {number} gives the answer away unasked"
            question.get_by_role("button", name="Show the answers").click()
            shown = question.locator(".quiz-shown")
            assert shown.is_visible() and re.search(r"Correct( order)?:", shown.inner_text()), \
                f"question {number}, answered wrongly, does not show the right answer when asked"
        text = quiz.inner_text()
        assert "Misconception" not in text, "an internal 'Misconception:' label reached the learner"
        score = quiz.locator(".quiz-score").inner_text()
        if number < len(PLAN):
            assert score == f"{expected_right} right of {number} checked, {len(PLAN) - number} to go.", \
                f"after {number} questions the running summary says {score!r}"
            assert not quiz.locator("[data-quiz-next]").is_visible(), "the next unit is offered before the quiz is finished"
        if number == 2:
            shot(page, f"{device}-3-wrong-answer-explained")
    final = f"You answered {expected_right} of {len(PLAN)} correctly."
    assert quiz.locator(".quiz-score").inner_text() == final
    next_unit = quiz.locator("[data-quiz-next] a")
    assert next_unit.is_visible() and next_unit.inner_text() == f"Next: {MODULE_2_TITLE}", \
        "the finished quiz does not offer Module 2 next"
    quiz.locator(".quiz-summary").scroll_into_view_if_needed()
    shot(page, f"{device}-4-quiz-finished")
    assert axe_violations(page) == [], "the answered quiz has accessibility violations"

    # Reading to the end marks the module read.
    end = page.locator('[data-read-at="end"]')
    end.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('[data-read-at=end] [data-read-status]').textContent.length > 0")
    assert "You have read this unit" in end.inner_text()

    # Reload: nothing is lost.
    page.reload()
    quiz.locator(".quiz-actions:not([hidden])").first.wait_for()
    assert quiz.locator(".quiz-score").inner_text() == final, "after a reload the quiz forgot its score"
    assert "You have read this unit" in page.locator('[data-read-at="start"]').inner_text(), \
        "after a reload the module no longer says it was read"
    assert not page.get_by_role("button", name="Mark as read").is_visible(), "'Mark as read' is still offered"

    # The course overview shows the state and continues with Module 2.
    page.goto(site_url + "modules/leadership/index.html")
    row = page.locator("table.course-outline tr", has_text="Module 1")
    page.wait_for_function("() => document.querySelector('a[data-quiz-status]').dataset.stage !== undefined")
    assert f"Completed, best {expected_right} of {len(PLAN)}" in row.inner_text(), "the overview does not show the finished quiz"
    assert "Read" in row.inner_text(), "the overview does not show that Module 1 was read"
    link = continue_link(page)
    assert MODULE_2_TITLE in link.inner_text()
    link.evaluate("e => e.scrollIntoView({block: 'center'})")
    shot(page, f"{device}-5-overview-with-progress")
    link.click()
    assert page.url.endswith("modules/leadership/02-principles.html"), f"'continue' on the overview led to {page.url}"

    # My progress: the course first, then the counter-terrorism sessions; no demo quizzes.
    page.goto(site_url + "docs/progress.html")
    page.wait_for_function("() => document.querySelector('[data-overall]').textContent.includes('completed')")
    headings = page.locator(".course-progress h2").all_inner_texts()
    assert headings == ["The leadership course", "Counter-terrorism sessions"], f"My progress lists {headings}"
    assert page.locator('tr[data-quiz-id^="authoring"]').count() == 0, "the authoring guide's demo quizzes count as progress"
    rows = page.locator("tr[data-quiz-id]")
    overall = page.locator("[data-overall]").inner_text()
    assert overall.startswith(f"1 of {rows.count()} quizzes completed"), overall
    assert f"1 of {rows.count()} units read" in overall, overall
    mine = page.locator('tr[data-quiz-id="leadership-m1"]')
    assert mine.locator("[data-status]").inner_text() == "Completed · Read"
    assert mine.locator("[data-best]").inner_text() == f"{expected_right} / {len(PLAN)}"
    status = page.locator("tr[data-quiz-id] [data-status]").first.bounding_box()
    assert status["x"] + status["width"] <= VIEWPORTS[device]["width"], "the Status column is cut off"
    clipped = page.evaluate("[...document.querySelectorAll('.course-progress .table-wrapper')]"
                            ".filter(w => w.scrollWidth > w.clientWidth + 1).length")
    assert clipped == 0, "a progress table is wider than the screen"
    shot(page, f"{device}-6-my-progress")
    assert axe_violations(page) == [], "My progress has accessibility violations"
    link = continue_link(page)
    assert MODULE_2_TITLE in link.inner_text()
    link.click()
    assert page.url.endswith("modules/leadership/02-principles.html"), f"'continue' on My progress led to {page.url}"

    # Home offers "continue where you left off" now.
    page.goto(site_url)
    link = continue_link(page)
    assert MODULE_2_TITLE in link.inner_text()
    shot(page, f"{device}-7-home-continue")
    link.click()
    assert page.url.endswith("modules/leadership/02-principles.html"), f"'continue' on the home page led to {page.url}"
    assert errors == [], f"the pages raised script errors: {errors}"
    context.close()
