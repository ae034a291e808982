"""A trainer preparing a half-day workshop, at 1280 x 800, as a person would click through it.

Trainer edition home -> trainer hub -> the half-day run sheet -> Module 3 -> its deck -> slide 3 in the speaker view
(S opens it in a pop-up window, which headless Chromium opens as a second page) -> back to the
deck index. Screenshots go to _build/journeys/.
"""

from __future__ import annotations

import pytest
from conftest import save_screenshot


def shot(tab, name: str) -> None:
    save_screenshot(tab, f"trainer-{name}")


@pytest.mark.browser
def test_trainer_prepares_a_half_day_workshop(browser, serve, trainer_html):
    base = serve(trainer_html)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))

    tab.goto(base + "index.html")
    start = tab.locator(".trainer-home")
    assert start.is_visible(), "the trainer edition's home has no block for trainers"
    shot(tab, "0-home")
    start.get_by_role("link", name="Trainer hub").click()
    tab.wait_for_load_state()
    assert tab.url.endswith("docs/trainers/index.html"), "the home page's trainer block did not open the hub"
    assert "make " not in tab.locator("main").inner_text(), "the trainer hub shows build commands"
    shot(tab, "1-hub")
    tab.get_by_role("main").get_by_role("link", name="run sheets").first.click()
    tab.wait_for_load_state()
    assert tab.url.endswith("formats.html"), "the hub's link to the run sheets did not open them"

    half_day = tab.locator("section", has=tab.get_by_role("heading", name="Half-day workshop", exact=True)).first
    half_day.scroll_into_view_if_needed()
    shot(tab, "2-half-day")
    half_day.get_by_role("link", name="Module 3", exact=False).first.click()
    assert "03-law-and-human-rights" in tab.url, "the half-day agenda does not lead to Module 3"

    tab.get_by_role("link", name="open the deck for this session").click()
    tab.wait_for_selector(".reveal.ready")
    assert "slides/03-law-and-human-rights" in tab.url, "the module's deck link did not open its deck"
    shot(tab, "3-deck-title")

    tab.keyboard.press("ArrowRight")
    tab.keyboard.press("ArrowRight")
    assert tab.evaluate("Reveal.getIndices().h") == 2, "the arrow keys did not move to slide 3"
    shot(tab, "4-slide-3")
    with context.expect_page() as popup_info:
        tab.keyboard.press("s")
    speaker = popup_info.value
    speaker.wait_for_load_state()
    speaker.set_viewport_size({"width": 1280, "height": 800})
    notes = speaker.locator(".speaker-controls-notes")
    notes.wait_for()
    speaker.wait_for_function(
        "() => document.querySelector('.speaker-controls-notes .value').textContent.trim().length > 0"
    )
    text = notes.inner_text()
    assert "trainer notes" not in text.lower() or len(text) > 40
    assert len(text.split()) >= 8, f"the speaker view shows no notes for slide 3: {text!r}"
    shot(speaker, "5-speaker-view")
    speaker.close()

    tab.evaluate("Reveal.slide(0)")
    tab.get_by_role("link", name="All decks").click()
    assert tab.url.endswith("docs/trainers/decks.html"), "the deck's link back did not open the deck index"
    rows = tab.locator("table.deck-index tbody tr")
    rows.first.wait_for()
    assert rows.count() == 13, "the deck index does not list all 13 decks"
    rows.last.scroll_into_view_if_needed()
    assert rows.last.is_visible(), "the last deck on the index cannot be reached by scrolling"
    shot(tab, "6-deck-index")
    assert errors == []
    context.close()
