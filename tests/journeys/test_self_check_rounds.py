"""Journey: a learner's self-checks that cannot be gamed, at a phone's and a desktop's size.

On the small course of tests/rounds_site.py (two units whose quizzes tag three questions each
with :pool:, a final check drawing two per unit, and "Review my mistakes"), because the real
site's units have no :pool: questions until the content of issue #15 lands:

- two learners, each with fresh storage, see the options in different orders, each keeps their
  order after a reload, and both are graded right;
- the final check draws different questions on a second attempt, and its review lists the
  objectives missed, each linked to its place in its unit;
- a question missed in a unit's quiz is on "Review my mistakes" until it is answered right
  twice in a row.

The questions name their right answer ("which colour is green?"), so the learner here answers
by reading, as a person would. Screenshots go to _build/journeys/ for a person to look at.
"""

from __future__ import annotations

import re

import pytest
from conftest import AXE, TEST_BUILD, WCAG_TAGS, axe_violations, save_screenshot, served, sphinx_build
from rounds_site import rounds_site

pytestmark = pytest.mark.browser
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
UNIT_A = "modules/leadership/unit-a.html"
FINAL = "modules/leadership/final-check.html"


@pytest.fixture(scope="module")
def course_url(tmp_path_factory):
    src = rounds_site(tmp_path_factory.mktemp("rounds-journey") / "src")
    build = sphinx_build(src, TEST_BUILD / "rounds-journey")
    assert build.returncode == 0, build.output
    with served(build.outdir) as url:
        yield url


def learner(browser, device):
    """A new learner: a fresh browser context, so nothing is stored yet."""
    context = browser.new_context(viewport=VIEWPORTS[device])
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    # This fixture site uses the default theme, whose inline scripts the policy blocks; ours must not fail.
    tab.on("console", lambda m: m.type == "error" and "course-" in m.text and tab.errors.append(m.text))
    return context, tab


def axe_on_our_widgets(tab) -> list:
    """axe-core on the quizzes and their controls (the fixture's stock theme is not ours to judge)."""
    if not tab.evaluate("typeof window.axe === 'object'"):
        tab.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    result = tab.evaluate(
        "tags => axe.run({include: [['.quiz'], ['.quiz-round']]}, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


def option_orders(tab) -> dict[str, list[str]]:
    """Each shuffled question's options, as the learner sees them from top to bottom."""
    return tab.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.quiz-question[data-shuffle]')]
        .map(q => [q.id, [...q.querySelectorAll('.quiz-option label')].map(l => l.textContent.trim())]))""")


def asked_colour(question) -> str:
    return re.search(r"which colour is (\w+)\?", question.locator(".quiz-prompt").inner_text()).group(1)


def answer(question, right: bool) -> None:
    """Pick the colour the question asks for, or (to get it wrong) the first other one shown."""
    colour = asked_colour(question).capitalize()
    if right:
        question.get_by_label(colour, exact=True).check()
    else:
        labels = [t.strip() for t in question.locator(".quiz-option label").all_inner_texts()]
        question.get_by_label(next(t for t in labels if t != colour), exact=True).check()


def wait_for_quiz(tab):
    tab.wait_for_selector(".quiz-actions:not([hidden]), .quiz-round:not([hidden])")


@pytest.mark.parametrize("device", VIEWPORTS)
def test_two_learners_see_their_own_option_orders_and_are_graded_right(browser, course_url, device):
    first_context, first = learner(browser, device)
    second_context, second = learner(browser, device)
    orders = []
    for tab in (first, second):
        tab.goto(course_url + UNIT_A)
        wait_for_quiz(tab)
        orders.append(option_orders(tab))
    assert len(orders[0]) == 4, "the unit's four choice questions should be shuffled"
    assert orders[0] != orders[1], "two fresh learners saw every question's options in the same order"
    source = ["Red", "Orange", "Yellow", "Green", "Blue", "Violet"]
    assert any(order != source for order in orders[0].values()), "the options kept their written order"

    for tab, order in zip((first, second), orders, strict=True):
        pool = tab.locator(".quiz-question").first
        answer(pool, right=True)
        pool.get_by_role("button", name="Check", exact=True).click()
        assert pool.locator(".quiz-result").inner_text() == "✓ Correct.", "the right colour was not graded right"
        warm = tab.locator(".quiz-question", has_text="which are warm colours")
        for colour in ("Red", "Orange", "Yellow"):
            warm.get_by_label(colour, exact=True).check()
        warm.get_by_role("button", name="Check", exact=True).click()
        assert warm.locator(".quiz-result").inner_text() == "✓ Correct.", "the three warm colours were not graded right"
        tab.reload()
        wait_for_quiz(tab)
        assert option_orders(tab) == order, "after a reload the options came in another order"
        assert pool.locator(".quiz-result").inner_text() == "✓ Correct.", "after a reload the saved answer is not right"
    warm = first.locator(".quiz-question", has_text="which are warm colours")
    warm.get_by_label("Blue", exact=True).check()
    warm.get_by_role("button", name="Check", exact=True).click()
    assert warm.locator(".quiz-result").inner_text() == "✗ Not quite.", "a cool colour among the warm ones was not marked wrong"
    warm.scroll_into_view_if_needed()
    save_screenshot(first, f"rounds-{device}-1-shuffled-options-learner-1")
    second.locator(".quiz-question", has_text="which are warm colours").scroll_into_view_if_needed()
    save_screenshot(second, f"rounds-{device}-2-shuffled-options-learner-2")
    assert axe_on_our_widgets(first) == [], "the answered quiz has accessibility violations"
    assert first.errors == [] and second.errors == []
    first_context.close()
    second_context.close()


@pytest.mark.parametrize("device", VIEWPORTS)
def test_the_final_check_draws_afresh_and_links_missed_objectives(browser, course_url, device):
    context, tab = learner(browser, device)
    tab.goto(course_url + FINAL)
    wait_for_quiz(tab)
    shown = tab.locator(".quiz-question:visible")
    assert shown.count() == 4, f"the final check shows {shown.count()} questions, not 2 from each of 2 units"
    legends = [t.split(".")[0] for t in shown.locator(".quiz-number").all_inner_texts()]
    assert legends == [f"Question {n} of 4" for n in range(1, 5)]
    first_draw = shown.evaluate_all("qs => qs.map(q => q.dataset.origin)")
    assert not shown.get_by_role("button", name="Check", exact=True).count(), "questions are checked one by one"

    # Submitting with questions unanswered asks for the rest.
    tab.get_by_role("button", name="Submit my answers").click()
    assert tab.locator("[data-round-status]").inner_text() == "Answer every question first: 4 still to answer."
    # The first question right, the others wrong.
    for i in range(4):
        answer(shown.nth(i), right=i == 0)
    tab.get_by_role("button", name="Submit my answers").click()
    results = tab.locator("[data-round-results]")
    assert results.is_visible(), "no results after submitting"
    assert "You answered 1 of 4 correctly." in results.inner_text()
    missed = results.locator('[data-objectives="missed"] a')
    assert missed.count() >= 1, "the results list no missed objective"
    assert re.match(r"Your best: 1 of 4, on \d{4}-\d\d-\d\d", tab.locator("[data-round-record]").inner_text())
    assert shown.nth(1).locator(".quiz-result").inner_text().startswith("✗"), "the review does not mark a wrong answer"
    assert tab.locator(".quiz-summary").get_by_role("link", name="Review my mistakes").is_visible(), \
        "the final check's misses are not offered for review"
    results.scroll_into_view_if_needed()
    save_screenshot(tab, f"rounds-{device}-3-final-check-results")
    assert axe_on_our_widgets(tab) == [], "the final check's results have accessibility violations"

    # A missed objective leads back to where its unit states it.
    target = missed.first.get_attribute("href")
    text = missed.first.inner_text()
    missed.first.click()
    assert tab.url.endswith(target), f"the objective link led to {tab.url}"
    tab.wait_for_load_state()
    anchor = tab.locator("#" + target.split("#")[1])
    anchor.wait_for(state="visible", timeout=5_000)
    assert anchor.inner_text() == text, "the unit does not show the objective linked to"
    assert anchor.bounding_box()["y"] < VIEWPORTS[device]["height"], "the linked objective is not on screen"
    tab.go_back()
    wait_for_quiz(tab)
    tab.wait_for_load_state("load")
    tab.wait_for_timeout(200)  # the browser restores a reloaded page's old choices at "pageshow"
    assert tab.locator(".quiz-question:visible input:checked").count() == 0, \
        "the new attempt starts with the last attempt's answers already chosen"

    # A second attempt (after the reload, too) draws other questions.
    second_draw = tab.locator(".quiz-question:visible").evaluate_all("qs => qs.map(q => q.dataset.origin)")
    assert set(second_draw) != set(first_draw), "the second attempt drew the same questions"
    assert "Your best: 1 of 4" in tab.locator("[data-round-record]").inner_text(), "the attempt was not kept"
    tab.locator(".quiz-question:visible").first.scroll_into_view_if_needed()
    save_screenshot(tab, f"rounds-{device}-4-final-check-second-attempt")
    assert tab.errors == []
    context.close()


@pytest.mark.parametrize("device", VIEWPORTS)
def test_review_my_mistakes_empties_after_two_right_answers_in_a_row(browser, course_url, device):
    context, tab = learner(browser, device)
    tab.goto(course_url + UNIT_A)
    wait_for_quiz(tab)
    question = tab.locator(".quiz-question").first
    prompt = question.locator(".quiz-prompt").inner_text()
    answer(question, right=False)
    question.get_by_role("button", name="Check", exact=True).click()
    link = tab.locator(".quiz-summary").get_by_role("link", name="Review my mistakes")
    assert link.is_visible(), "the quiz does not offer 'Review my mistakes' after a miss"
    link.click()
    wait_for_quiz(tab)
    status = tab.locator("[data-round-status]")
    assert status.inner_text().startswith("Questions on your list: 1; this round shows 1."), status.inner_text()
    due = tab.locator(".quiz-question:visible")
    assert due.count() == 1 and due.locator(".quiz-prompt").inner_text() == prompt
    save_screenshot(tab, f"rounds-{device}-5-review-one-question")
    assert axe_on_our_widgets(tab) == [], "the review round has accessibility violations"

    for attempt in (1, 2):
        due = tab.locator(".quiz-question:visible")
        assert due.count() == 1, f"before right answer {attempt}, the round shows {due.count()} questions"
        answer(due.first, right=True)
        due.first.get_by_role("button", name="Check", exact=True).click()
        assert due.first.locator(".quiz-result").inner_text() == "✓ Correct."
        tab.get_by_role("button", name="Start a new round").click()
    assert status.inner_text().startswith("Nothing to review"), f"after two right answers: {status.inner_text()!r}"
    assert tab.locator(".quiz-question:visible").count() == 0
    assert not tab.get_by_role("button", name="Start a new round").is_visible(), "a new round of nothing is offered"
    save_screenshot(tab, f"rounds-{device}-6-review-empty")
    tab.goto(course_url + UNIT_A)
    wait_for_quiz(tab)
    assert not tab.locator(".quiz-summary").get_by_role("link", name="Review my mistakes").is_visible(), "an empty list is still offered"
    assert tab.errors == []
    context.close()


@pytest.mark.parametrize("device", VIEWPORTS)
def test_on_the_site_a_missed_module_question_waits_on_review_my_mistakes(browser, site_url, device):
    """The same on the real site, with its theme: Module 1's first question missed, then reviewed."""
    context, tab = learner(browser, device)
    tab.goto(site_url + "modules/leadership/01-ai-in-law-enforcement.html")
    wait_for_quiz(tab)
    question = tab.locator(".quiz").first.locator(".quiz-question").first
    prompt = question.locator(".quiz-prompt").inner_text()
    if question.locator("input").count():
        key = tab.locator(f"#{question.get_attribute('id')}-key")
        wrong = key.locator('.quiz-key-option:has(.quiz-mark[data-correct="false"])').first.get_attribute("data-index")
        question.locator(f'.quiz-option[data-index="{wrong}"] input').check()
    question.get_by_role("button", name="Check", exact=True).click()
    assert question.locator(".quiz-result").inner_text().startswith("✗"), "the wrong answer was not marked wrong"
    tab.locator(".quiz-summary").get_by_role("link", name="Review my mistakes").click()
    assert tab.url.endswith("docs/review.html"), f"'Review my mistakes' led to {tab.url}"
    wait_for_quiz(tab)
    due = tab.locator(".quiz-question:visible")
    assert due.count() == 1 and due.locator(".quiz-prompt").inner_text() == prompt, "the missed question is not there"
    save_screenshot(tab, f"rounds-{device}-7-site-review")
    assert axe_violations(tab) == [], "the review page has accessibility violations"
    tab.goto(site_url + "modules/leadership/final-check.html")
    tab.wait_for_load_state()
    drawn = tab.locator(".quiz-question:visible")
    units = drawn.evaluate_all("qs => qs.map(q => q.dataset.unit)")
    assert all(units.count(unit) <= 2 for unit in units), "the final check draws more than 2 from a module"
    assert axe_violations(tab) == [], "the final check page has accessibility violations"
    assert tab.errors == []
    context.close()


def test_print_keeps_the_written_order_and_the_screen_the_learners(browser, course_url):
    """What prints (a learner's Ctrl+P, or make pdf) reads like the answer key, in the written order."""
    context, tab = learner(browser, "desktop")
    tab.goto(course_url + UNIT_A)
    wait_for_quiz(tab)
    mine = option_orders(tab)
    written = {"Pool question": ["Red", "Orange", "Yellow", "Green", "Blue", "Violet"],
               "warm colours": ["Blue", "Red", "Green", "Orange", "Yellow", "Violet"]}  # as rounds_site.py writes them
    tab.emulate_media(media="print")
    tab.wait_for_function("() => document.querySelector('.quiz-question[data-shuffle] label').textContent.trim() === 'Red'")
    for question in tab.locator(".quiz-question[data-shuffle]").all():
        prompt = question.locator(".quiz-prompt").inner_text()
        expected = next(order for start, order in written.items() if start in prompt)
        shown = [t.strip() for t in question.locator(".quiz-option label").all_inner_texts()]
        assert shown == expected, f"printed, {prompt!r} shows {shown}, not the written order"
    tab.emulate_media(media="screen")
    tab.wait_for_timeout(200)
    assert option_orders(tab) == mine, "back on screen, the learner's own order did not return"
    context.close()
