"""Scenario debriefs in a real browser: the learner writes an answer, reveals the debrief, reloads and finds both."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, axe_violations, csp_violations, record_csp_violations
from test_quality_gates import security_headers, serve_folder

pytestmark = pytest.mark.browser
MODULE = "modules/leadership/01-ai-in-law-enforcement.html"
SESSION = "modules/counter-terrorism/02-human-rights.html"
PROGRESS = "docs/progress.html"
JOURNEYS = ROOT / "_build" / "journeys"
ANSWER = "Proposal A is text and speech analysis; I would ask for error rates by language before approving it."


def debrief(tab):
    return tab.locator(".admonition.debrief").first


def open_ready(tab, url):
    tab.goto(url)
    tab.wait_for_selector(".admonition.debrief.debrief-ready")
    return debrief(tab)


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 800)])
def test_write_reveal_reload_keeps_answer_and_debrief(page, site_url, width, height):
    page.set_viewport_size({"width": width, "height": height})
    box = open_ready(page, site_url + MODULE)
    body = box.locator(".debrief-body")
    assert not body.is_visible(), "the debrief was visible before the learner wrote anything"
    reveal = box.locator("button.debrief-reveal")
    assert reveal.inner_text() == "Show the debrief"
    reveal.click()
    assert not body.is_visible(), "the debrief opened although the answer box was empty"
    assert "Write your answer first" in box.locator(".debrief-status").inner_text()
    field = box.get_by_label("Your answer")
    assert field.evaluate("el => el === document.activeElement"), "the answer box did not get the focus"
    field.fill("   ")
    reveal.click()
    assert not body.is_visible(), "spaces alone opened the debrief"
    field.fill(ANSWER)
    reveal.click()
    assert body.is_visible(), "the debrief did not open after an answer was written"
    assert "What a good answer weighs" in body.inner_text()
    assert reveal.inner_text() == "Hide the debrief"
    assert box.locator(".debrief-status").inner_text() == "Your answer is saved in this browser."
    assert axe_violations(page) == []
    JOURNEYS.mkdir(parents=True, exist_ok=True)
    box.scroll_into_view_if_needed()
    page.screenshot(path=str(JOURNEYS / f"debrief-revealed-{width}.png"))

    page.reload()
    box = open_ready(page, site_url + MODULE)
    assert box.get_by_label("Your answer").input_value() == ANSWER, "the answer was lost on reload"
    assert box.locator(".debrief-body").is_visible(), "the debrief was hidden again after reload"
    assert "Common mistakes" in box.locator(".debrief-body").inner_text()
    box.scroll_into_view_if_needed()
    page.screenshot(path=str(JOURNEYS / f"debrief-after-reload-{width}.png"))
    overflow = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
    assert not overflow, "the page scrolls sideways with the debrief open"
    assert page.console_errors == []


def test_each_debrief_on_a_page_keeps_its_own_answer(page, site_url):
    box = open_ready(page, site_url + SESSION)
    box.get_by_label("Your answer").fill("Live facial recognition needs a national-law basis.")
    box.get_by_role("button", name="Show the debrief").click()
    other = open_ready(page, site_url + MODULE)
    assert other.get_by_label("Your answer").input_value() == "", "another page's answer appeared here"
    assert not other.locator(".debrief-body").is_visible()


def test_emptying_the_answer_hides_the_debrief_again(page, site_url):
    box = open_ready(page, site_url + MODULE)
    box.get_by_label("Your answer").fill(ANSWER)
    box.get_by_role("button", name="Show the debrief").click()
    box.get_by_label("Your answer").fill("")
    assert not box.locator(".debrief-body").is_visible(), "the debrief stayed open with no answer"
    page.reload()
    box = open_ready(page, site_url + MODULE)
    assert not box.locator(".debrief-body").is_visible()


def test_when_storage_fails_the_learner_is_told_and_the_debrief_still_works(browser, site_url):
    context = browser.new_context()
    tab = context.new_page()
    # A browser that refuses storage (private mode, quota full, blocked by policy).
    tab.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    try:
        box = open_ready(tab, site_url + MODULE)
        assert "could not be saved" in box.locator(".debrief-status").inner_text()
        box.get_by_label("Your answer").fill(ANSWER)
        box.get_by_role("button", name="Show the debrief").click()
        assert box.locator(".debrief-body").is_visible()
        assert "could not be saved" in box.locator(".debrief-status").inner_text()
    finally:
        context.close()


def test_without_javascript_the_debrief_follows_a_ruled_answer_space(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(site_url + MODULE)
        box = debrief(tab)
        ruled = box.locator(".debrief-ruled")
        assert ruled.is_visible() and ruled.bounding_box()["height"] > 100, "no space to write in"
        body = box.locator(".debrief-body")
        assert body.is_visible()
        assert ruled.bounding_box()["y"] < body.bounding_box()["y"], "the debrief came before the answer space"
        tab.emulate_media(media="print")
        assert body.is_visible()
    finally:
        context.close()


def test_printing_after_writing_shows_the_answer_and_the_debrief(page, site_url):
    box = open_ready(page, site_url + MODULE)
    box.get_by_label("Your answer").fill(ANSWER)
    page.emulate_media(media="print")
    assert box.locator(".debrief-body").is_visible(), "the printed page would leave out the debrief"
    assert not box.get_by_role("button", name="Show the debrief").is_visible()


def test_progress_export_carries_the_answer_and_import_restores_it(page, site_url, tmp_path):
    box = open_ready(page, site_url + MODULE)
    box.get_by_label("Your answer").fill(ANSWER)
    box.get_by_role("button", name="Show the debrief").click()
    page.goto(site_url + PROGRESS)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my progress").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    entries = json.loads(saved.read_text())["entries"]
    key = next(k for k in entries if ":debrief:modules/leadership/01-ai-in-law-enforcement/" in k)
    assert json.loads(entries[key]) == {"v": 1, "answer": ANSWER, "revealed": True}
    page.evaluate("localStorage.clear()")
    page.reload()
    page.locator('input[data-action="import"]').set_input_files(str(saved))
    page.wait_for_function("document.querySelector('[data-message]').textContent.includes('imported')")
    box = open_ready(page, site_url + MODULE)
    assert box.get_by_label("Your answer").input_value() == ANSWER, "the imported answer did not come back"


def test_debriefs_work_under_the_documented_content_security_policy(browser, site_html):
    server, base = serve_folder(site_html, security_headers())
    context = browser.new_context()
    tab = context.new_page()
    try:
        record_csp_violations(tab)
        box = open_ready(tab, base + MODULE)
        box.get_by_label("Your answer").fill(ANSWER)
        box.get_by_role("button", name="Show the debrief").click()
        assert csp_violations(tab) == []
    finally:
        context.close()
        server.shutdown()
        server.server_close()
