"""Journey 7, the Arabic edition: a reader opens the Arabic home page on a phone or a laptop,
opens the menu, reads a myth and its fact, answers the page's check with the keyboard alone
(the ordering question included), and completes the readiness self-assessment, whose chart
must read from the right.

Everything is checked as laid out on screen, not only in the markup: the menu, the sidebar,
the fact box's bar, the chart's bars and labels sit on the side a right-to-left reader
expects. Each step is saved to _build/journeys/arabic-<device>-<step>.png for a person to
look at; every shipped Arabic page is then checked for sideways scrolling and clipping at 320 px.
"""

from __future__ import annotations

import pytest
from conftest import axe_violations, save_screenshot

from journeys.test_public_visitor import REFLOW_SCRIPT, assert_reflows_at_320_px
from sphinx_course.questionnaire.data_files import load_questionnaire

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
MENU_BUTTON = ".bd-header-article .primary-toggle"
ARABIC_PAGES = ["index", "docs/public/index", "docs/public/ai-explained", "docs/public/how-police-use-ai",
                "docs/public/myths-and-facts", "docs/public/your-rights", "docs/public/faq", "docs/public/campaign",
                "docs/glossary", "docs/about/index", "docs/about/privacy", "exercises/tools/readiness"]

BOX = "(el) => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, width: r.width}; }"


@pytest.fixture(scope="module")
def readiness_answers(journey_html) -> dict[str, int]:
    """An answer to every statement of the readiness tool: the first two dimensions at the lowest
    level (so the result names two weakest areas), the others varying from 2 to 4."""
    from conftest import ROOT

    data = load_questionnaire(ROOT / "exercises" / "tools" / "readiness.yaml")
    return {s["id"]: 1 if number < 2 else position % 3 + 2
            for number, d in enumerate(data["dimensions"]) for position, s in enumerate(d["statements"])}


def box(locator) -> dict:
    return locator.evaluate(BOX)


def shot(tab, device: str, step: str) -> None:
    save_screenshot(tab, f"arabic-{device}-{step}")


def open_menu_and_follow(tab, device: str, href_end: str) -> None:
    """Open the site menu as this reader would, check where it sits, and follow one of its links."""
    width = tab.viewport_size["width"]
    menu = tab.locator("nav.bd-docs-nav")
    if device == "phone":
        button = tab.locator(MENU_BUTTON)
        assert button.is_visible(), "the Arabic phone header has no menu button"
        button.click()
        tab.wait_for_timeout(300)
        assert menu.is_visible(), "tapping the menu button did not open the menu"
        placed = box(menu)
        assert placed["left"] >= -1 and placed["right"] <= width + 1, f"the open menu is cut off: {placed}"
        assert placed["right"] > width - 40, f"the menu does not open from the right, where Arabic starts: {placed}"
    else:
        sidebar, article = box(tab.locator(".bd-sidebar-primary")), box(tab.locator("main article"))
        assert sidebar["left"] > article["left"], "the desktop sidebar is not on the right of the article"
    shot(tab, device, "2-menu")
    link = menu.locator(f'a[href$="{href_end}"]').first
    assert link.count(), f"the menu has no link to {href_end}"
    # The reader opens the menu's section that holds the page, as they would: by its toggle.
    for section in link.locator("xpath=ancestor::details[not(@open)]").all()[::-1]:
        section.locator(":scope > summary .toctree-toggle").click()
    link.click()
    tab.wait_for_load_state()


def answer_quiz_by_keyboard(tab, quiz_id: str) -> None:
    """Answer every question with the keyboard: the right option of each choice question (read from
    the page's own answer key), and the ordering question sorted with its move-up buttons."""
    quiz = tab.locator(f'.quiz[data-quiz-id="{quiz_id}"]')
    for question in quiz.locator(".quiz-question").all():
        if question.get_attribute("data-question-type") == "ordering":
            def order(question=question):
                return [int(s.get_attribute("data-index")) for s in question.locator(".quiz-step").all()]
            assert order() != sorted(order()), "the ordering question is shown already in order"
            for target in range(len(order())):
                position = order().index(target)
                while position > target:
                    question.locator(f'.quiz-step[data-index="{target}"] [data-move="-1"]').focus()
                    tab.keyboard.press("Enter")
                    position -= 1
            assert order() == sorted(order())
        else:
            number = question.get_attribute("data-number")
            right = quiz.locator(f'.quiz-key-entry[id$="q{number}-key"] .quiz-key-option:has(.quiz-mark[data-correct=true])')
            index = right.first.get_attribute("data-index")
            question.locator(f'input[value="{index}"]').focus()
            tab.keyboard.press("Space")
        question.locator('[data-action="check"]').focus()
        tab.keyboard.press("Enter")
        result = question.locator(".quiz-result")
        assert result.get_attribute("data-status") == "correct", f"question {question.get_attribute('data-number')}: {result.inner_text()}"


@pytest.mark.parametrize("device", VIEWPORTS)
def test_an_arabic_reader_opens_the_menu_reads_a_myth_answers_the_check_and_uses_the_readiness_tool(
        page, journey_url, device, readiness_answers):
    page.set_viewport_size(VIEWPORTS[device])
    width = VIEWPORTS[device]["width"]

    # 1. The Arabic home page is right to left, in Arabic, and has no sideways scroll.
    page.goto(journey_url + "ar/index.html")
    assert page.evaluate("[document.documentElement.dir, document.documentElement.lang]") == ["rtl", "ar"]
    heading = page.locator("main article h1").first
    assert box(heading)["right"] > width * 0.5, "the page title does not start on the right"
    shot(page, device, "1-home")

    # 2. The menu opens on the reader's side and leads to the myths page.
    open_menu_and_follow(page, device, "docs/public/myths-and-facts.html")
    assert page.url.endswith("ar/docs/public/myths-and-facts.html")

    # 3. The first fact: its coloured bar is on the right, where the reader starts.
    fact = page.locator(".admonition.fact").first
    fact.scroll_into_view_if_needed()
    shot(page, device, "3-myth")
    bars = fact.evaluate("el => { const s = getComputedStyle(el); return [s.borderRightWidth, s.borderLeftWidth]; }")
    assert float(bars[0][:-2]) > float(bars[1][:-2]), f"the fact box's bar is not on its right side (right, left): {bars}"
    myth = page.locator("p.myth").first
    assert myth.inner_text().strip(), "the myth line is empty"

    # 4. The page's check, by keyboard alone, the ordering question included.
    page.locator("#check-what-you-know").scroll_into_view_if_needed()
    answer_quiz_by_keyboard(page, "public-myths")
    step = page.locator('.quiz[data-quiz-id="public-myths"] .quiz-step').first
    step.scroll_into_view_if_needed()
    shot(page, device, "4-quiz")
    buttons = page.locator('.quiz[data-quiz-id="public-myths"] .quiz-step').first.locator(".quiz-move")
    assert box(buttons)["right"] >= box(step.locator(".quiz-step-text"))["right"] - 1, (
        "the move buttons are not at the step's start, on the right")
    if device == "phone":
        assert axe_violations(page) == []

    # 5. The readiness self-assessment, answered by keyboard; its chart grows from the right.
    page.goto(journey_url + "ar/exercises/tools/readiness.html")
    page.wait_for_selector(".tool-actions:not([hidden])")
    for statement, value in readiness_answers.items():
        page.locator(f'input[name="{statement}"][value="{value}"]').focus()
        page.keyboard.press("Space")
    results = page.locator('[data-action="results"]').first
    results.focus()
    page.keyboard.press("Enter")
    chart = page.locator(".tool-chart")
    chart.wait_for()
    chart.scroll_into_view_if_needed()
    shot(page, device, "5-readiness-chart")
    rows = page.locator(".tool-chart-bar").count()
    assert rows >= 5
    for i in range(rows):
        bar = page.locator(".tool-chart-bar").nth(i)
        frame, filled = box(bar), box(bar.locator("rect"))
        assert abs(filled["right"] - frame["right"]) < 1.5, f"bar {i} does not grow from the right: {filled} in {frame}"
        label = box(page.locator(".tool-chart-label").nth(i))
        value = box(page.locator(".tool-chart-value").nth(i))
        assert label["left"] >= frame["right"] - 1 and value["right"] <= frame["left"] + 1, (
            f"row {i}: the label is not on the right of its bar, and the value on its left")
    # On a phone each row of the results table is a block, so no column is too narrow for a whole
    # word (a word broken between lines loses its letter joins); each value follows its column's name.
    table = page.locator(".tool-results .tool-table").first
    heading = page.locator(".tool-results .tool-table tbody th").first
    if device == "phone":
        assert box(heading)["width"] > 0.9 * box(table)["width"], "the results table still has columns on a phone"
        cell = page.locator(".tool-results .tool-table td").first
        assert cell.get_attribute("data-label") == page.locator(".tool-results .tool-table thead th").nth(1).text_content()
    else:
        assert box(heading)["width"] < 0.6 * box(table)["width"]
    # The two weakest areas are listed with the Arabic semicolon, not a Latin one.
    first, second = (page.locator(".tool-chart-label").nth(i).text_content().strip() for i in (0, 1))
    assert f"{first}؛ {second}" in page.locator("[data-results]").first.text_content()
    assert page.evaluate(REFLOW_SCRIPT)["sideways"] <= 0
    assert page.console_errors == []


@pytest.mark.parametrize("name", ARABIC_PAGES)
def test_every_shipped_arabic_page_reflows_at_320_px(page, journey_url, name):
    shown = name in ("index", "docs/public/myths-and-facts", "docs/public/campaign", "exercises/tools/readiness")
    assert_reflows_at_320_px(page, journey_url + f"ar/{name}.html", f"ar/{name}",
                             shown and f"arabic-320-{name.replace('/', '-')}")
