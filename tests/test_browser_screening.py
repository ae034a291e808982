"""The use-case screening in a real browser, used like a person would, on a phone and on a desktop.

Screenshots go to _build/journeys/ so that a person can look at what the tests saw.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SCREENSHOTS as JOURNEYS
from conftest import axe_violations, save_screenshot

from sphinx_course.questionnaire.data_files import load_questionnaire

pytestmark = pytest.mark.browser
ROOT = Path(__file__).parent.parent
DATA = load_questionnaire(ROOT / "exercises" / "tools" / "screening.yaml")
QUESTIONS = {q["id"]: q for q in DATA["questions"]}
SIZES = {"phone": (390, 844), "desktop": (1280, 800)}


def label(question: str, option: str) -> str:
    return next(o["label"] for o in QUESTIONS[question]["options"] if o["id"] == option)


def choose(page, question: str, option: str) -> None:
    """Tick an answer by its visible label, inside the question's own group."""
    group = page.get_by_role("group", name=QUESTIONS[question]["label"])
    group.get_by_label(label(question, option), exact=True).check()


def screen(page):
    page.get_by_role("button", name="Screen this use").click()
    result = page.locator(".tool-results")
    result.wait_for(state="visible")
    return result


def shoot(page, name: str) -> None:
    JOURNEYS.mkdir(parents=True, exist_ok=True)
    page.locator(".tool-results").scroll_into_view_if_needed()
    save_screenshot(page, name)


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def screening(request, browser, site_url):
    width, height = SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.size = request.param
    tab.goto(site_url + "exercises/tools/screening.html")
    tab.wait_for_selector(".tool-actions:not([hidden])")
    yield tab
    context.close()


def test_an_empty_form_gives_no_category_then_live_identification_with_national_law_unsure_is_possibly_prohibited(screening):
    page = screening
    result = screen(page)
    headline = result.locator(".tool-category").inner_text()
    assert headline == "Incomplete: no category yet.", f"an empty form must not get a category, it said: {headline!r}"
    missing = result.locator(".tool-missing li").all_inner_texts()
    assert missing == ["function", "where", "exclusively national security", "stage"], f"the missing questions were not listed: {missing}"
    assert "minimal" not in result.inner_text().lower()
    shoot(page, f"screening-empty-{page.size}")

    choose(page, "purpose", "realtime-rbi")
    choose(page, "jurisdiction", "eu")
    choose(page, "national-security", "no")
    choose(page, "stage", "operational")
    choose(page, "public-space", "yes")
    choose(page, "exception", "victims")
    choose(page, "national-law", "unsure")
    result = screen(page)
    headline = result.locator(".tool-category").inner_text()
    assert headline == ("Possibly prohibited: confirm that your Member State's law enables live identification for this "
                        "objective (Art. 5(5)) before going further."), f"national law 'not sure' must read as a possible ban: {headline!r}"
    assert result.locator(".tool-category").get_attribute("data-category") == "possibly-prohibited"
    finding = result.locator('.tool-findings li[data-rule="rbi-realtime-not-enabled"]')
    assert "Because you answered: function: live remote biometric identification; publicly accessible space: Yes; " \
           "objective: victims or missing persons; national law: not sure." in finding.inner_text()
    assert result.get_by_role("heading", name="What would change this").is_visible()
    assert "high-risk" not in headline
    disclaimer = result.locator(".tool-disclaimer").inner_text()
    assert "not legal advice" in disclaimer.lower() and "inspired by the ai toolkit" in disclaimer.lower()
    assert "not the toolkit's official instrument" in disclaimer.lower()
    shoot(page, f"screening-possibly-prohibited-{page.size}")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the result scrolls sideways"
    assert axe_violations(page) == []


def test_a_chatbot_that_also_sets_dispatch_priority_is_high_risk_and_says_which_function_asks_what(screening):
    page = screening
    for question, option in [("purpose", "public-chatbot"), ("purpose", "emergency-triage"), ("jurisdiction", "eu"),
                             ("national-security", "no"), ("stage", "operational")]:
        choose(page, question, option)
    result = screen(page)
    assert result.locator(".tool-category").inner_text() == "Indicative category: high-risk."
    text = result.inner_text()
    assert "Annex III, point 5(d)" in text and "Art. 50(1)" in text
    assert "For: public chatbot." in text and "For: emergency call triage or dispatch." in text
    changes = result.locator(".tool-changes li").all_inner_texts()
    assert "Without the function “emergency call triage or dispatch” it would be: transparency duties." in changes
    shoot(page, f"screening-two-functions-{page.size}")
    page.reload()
    page.wait_for_selector(".tool-actions:not([hidden])")
    assert page.locator('input[name="purpose"]:checked').count() == 2, "both functions must be kept after a reload"


def test_an_exported_screening_with_two_functions_imports_into_a_fresh_browser(page, browser, site_url, tmp_path):
    page.goto(site_url + "exercises/tools/screening.html")
    page.wait_for_selector(".tool-actions:not([hidden])")
    for question, option in [("purpose", "social-scoring"), ("purpose", "profiling"), ("jurisdiction", "eu"),
                             ("national-security", "no"), ("stage", "operational")]:
        choose(page, question, option)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export (JSON)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    headline = page.locator(".tool-category").inner_text()
    assert headline == "Indicative category: possibly prohibited."
    fresh = browser.new_context().new_page()
    fresh.goto(site_url + "exercises/tools/screening.html")
    fresh.wait_for_selector(".tool-actions:not([hidden])")
    fresh.locator('input[data-action="import"]').set_input_files(str(saved))
    fresh.wait_for_selector(".tool-results:not([hidden])")
    assert fresh.locator(".tool-category").inner_text() == headline, "the imported answers gave another result"
    assert fresh.locator('input[name="purpose"]:checked').count() == 2
    assert "Art. 5(1)(c)" in fresh.locator(".tool-findings").inner_text()
    fresh.context.close()
