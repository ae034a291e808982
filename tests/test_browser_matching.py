"""A matching question answered with the keyboard alone, as a person would, on a phone and a desktop.

On the quizzes guide's example: Tab to each item's menu, type the start of a category, Tab on, press
Check; fix the wrong pair; reload. Screenshots go to _build/journeys/ for a person to look at.
"""

from __future__ import annotations

import pytest
from conftest import axe_violations, save_screenshot

pytestmark = pytest.mark.browser
GUIDE = "docs/authoring/quizzes.html"
QUIZ = '.quiz[data-quiz-id="authoring-matching"]'
ITEMS = ("A trained officer verifies every possible match", "Error rates are tested separately",
         "Footage is deleted after a fixed period")


def focused(tab) -> str:
    return tab.evaluate("""() => {
        const el = document.activeElement;
        if (el.tagName === 'SELECT') return 'select:' + el.labels[0].textContent.trim();
        return el.tagName.toLowerCase() + ':' + el.textContent.trim();
    }""")


def pick(tab, typed: str) -> None:
    """On the focused menu, type the start of a category (the browser's type-ahead), then move on."""
    assert focused(tab).startswith("select:"), f"the keyboard is not on an item's menu but on {focused(tab)!r}"
    tab.keyboard.type(typed, delay=30)
    tab.keyboard.press("Tab")


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 800)])
def test_matching_by_keyboard_alone(page, site_url, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site_url + GUIDE)
    quiz = page.locator(QUIZ)
    quiz.locator(".quiz-actions:not([hidden])").wait_for()
    for item in ITEMS:
        assert quiz.get_by_role("combobox", name=item).count() == 1, f"no menu is labelled with the item {item!r}"

    # From the quiz's own link, the next Tab stops are the three menus, then Check.
    quiz.locator(".quiz-meta a").focus()
    page.keyboard.press("Tab")
    pick(page, "Automation")
    pick(page, "Unequal")
    pick(page, "Dependence")  # the wrong category, on purpose
    assert focused(page) == "button:Check", f"after the last menu the keyboard is on {focused(page)!r}, not Check"
    page.keyboard.press("Enter")

    result = quiz.locator(".quiz-result")
    assert result.inner_text() == "✗ Partly right.", "two of three right pairs should be partly right"
    assert focused(page).startswith("p:"), "the result is not announced (focused) after Check"
    pairs = quiz.locator(".quiz-pair")
    assert [pairs.nth(i).get_attribute("data-state") for i in range(3)] == ["right", "right", "wrong"]
    assert "✓ Right" in pairs.nth(0).inner_text() and "person who checks the match" in pairs.nth(0).inner_text()
    assert "✗ Wrong" in pairs.nth(2).inner_text() and "fixed retention period" in pairs.nth(2).inner_text()
    save_screenshot(page, f"matching-partly-right-{width}")
    assert axe_violations(page) == []

    # Back to the wrong pair with Shift+Tab, correct it, check again.
    page.keyboard.press("Shift+Tab")
    assert focused(page).startswith("select:Footage"), f"Shift+Tab from the result went to {focused(page)!r}"
    pick(page, "Keeping")
    page.keyboard.press("Enter")
    assert result.inner_text() == "✓ Correct.", "three right pairs should be correct"
    assert "Dependence on one supplier" in quiz.locator(".quiz-question .quiz-explanation").inner_text()
    save_screenshot(page, f"matching-correct-{width}")
    assert axe_violations(page) == []

    page.reload()
    quiz.locator(".quiz-actions:not([hidden])").wait_for()
    chosen = [quiz.get_by_role("combobox", name=item).evaluate("s => s.selectedOptions[0].text") for item in ITEMS]
    assert chosen == ["Automation bias", "Unequal error rates", "Keeping data longer than needed"], \
        "the answers were not kept after a reload"
    assert result.inner_text() == "✓ Correct."
    assert page.console_errors == []
