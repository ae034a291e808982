"""Journey 4, the public visitor: someone opens a shared link to the myths page on a phone or a laptop,
reads a fact, then goes looking for their rights, the complaint steps and the FAQ's questions.

The test clicks and reads as that person would, at 390 x 844 and 1280 x 800, and saves a screenshot
of each step to _build/journeys/ for a person to look at. Every public page then gets the same
reflow checks at 320 px: no sideways scrolling, and nothing cut off inside its container.
"""

from __future__ import annotations

import pytest
from conftest import axe_violations, save_screenshot

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
PUBLIC_PAGES = ["index", "ai-explained", "how-police-use-ai", "myths-and-facts", "your-rights", "faq", "campaign"]

#: What a person sees first on arriving: the first myth pair's heading, fact box and myth line, with their boxes.
FIRST_PAIR_SCRIPT = """() => {
  const article = document.querySelector('main article');
  const pair = [...article.querySelectorAll('section')].find(s => s.querySelector(':scope > h2'));
  const box = e => { if (!e) return null; const r = e.getBoundingClientRect();
    return {top: r.top + scrollY, bottom: r.bottom + scrollY, height: r.height, text: e.innerText.trim()}; };
  const h2 = pair && pair.querySelector(':scope > h2');
  return {
    heading: box(h2),
    lineHeight: h2 ? parseFloat(getComputedStyle(h2).lineHeight) || parseFloat(getComputedStyle(h2).fontSize) * 1.3 : 0,
    fact: box(pair && pair.querySelector(':scope > .admonition.fact')),
    myth: box(pair && pair.querySelector(':scope > p.myth')),
  };
}"""

#: Reflow: the page does not scroll sideways, and no element is cut off by a container that hides overflow.
REFLOW_SCRIPT = """() => {
  const sideways = document.documentElement.scrollWidth - document.documentElement.clientWidth;
  const clipped = [];
  for (const el of document.querySelectorAll('main *')) {
    if (!el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    const hides = ['hidden', 'clip'].includes(style.overflowX);
    if (hides && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
      const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
      clipped.push(`${name} shows ${el.clientWidth}px of ${el.scrollWidth}px: "${el.innerText.trim().slice(0, 40)}"`);
    }
  }
  return {sideways, clipped: clipped.slice(0, 5)};
}"""


def shot(tab, name: str) -> None:
    save_screenshot(tab, name)


def in_view(tab, locator) -> bool:
    box = locator.bounding_box()
    viewport = tab.viewport_size
    return box is not None and box["y"] >= -1 and box["y"] < viewport["height"] and box["x"] >= 0


def click_link(tab, name: str) -> None:
    """Click the visible link a person would pick, by its words."""
    link = tab.get_by_role("link", name=name, exact=False).locator("visible=true").first
    assert link.count(), f'there is no visible link "{name}" to follow'
    link.scroll_into_view_if_needed()
    link.click()
    tab.wait_for_load_state()


@pytest.mark.parametrize("device", VIEWPORTS)
def test_public_visitor_from_a_shared_myth_to_rights_complaints_and_questions(page, site_url, device):
    page.set_viewport_size(VIEWPORTS[device])

    # 1. A shared link opens the myths page: the first thing to read is a fact, not the myth.
    page.goto(site_url + "docs/public/myths-and-facts.html")
    shot(page, f"public-visitor-{device}-1-myths")
    first = page.evaluate(FIRST_PAIR_SCRIPT)
    assert first["fact"], "the myths page shows no 'Fact' box: the myth is still what a reader meets first"
    assert first["myth"], "the myths page shows the fact with no short quoted myth beside it"
    assert first["fact"]["top"] < first["myth"]["top"], "on the myths page the myth still comes before the fact"
    assert first["fact"]["text"].startswith("Fact"), "the fact box is not labelled 'Fact'"
    assert first["fact"]["top"] < VIEWPORTS[device]["height"], "the first fact is not on the first screen"
    lines = round(first["heading"]["height"] / first["lineHeight"])
    assert lines <= 2, f"the first myth's heading fills {lines} lines at this width; it should be a short topic"
    assert first["myth"]["text"][:7] in ('Myth: "', "Myth: “") and len(first["myth"]["text"].split()) <= 10, (
        f"the myth is not a short quoted line: {first['myth']['text']!r}"
    )
    if device == "phone":
        assert axe_violations(page) == []

    # 2. From there, the visitor looks for their rights and finds a five-point summary at the top.
    click_link(page, "Your rights and the safeguards")
    summary = page.locator(".admonition.rights-summary")
    assert summary.count() == 1, "the rights page has no summary box at the top"
    summary.scroll_into_view_if_needed()
    shot(page, f"public-visitor-{device}-2-rights-summary")
    assert summary.locator("ol > li").count() == 5, "the rights summary does not have five points"
    first_section = page.locator("main article section h2").first.bounding_box()
    assert summary.bounding_box()["y"] < first_section["y"], "the rights summary is not above the page's first section"

    # 3. The summary's last point leads to the complaint steps, numbered in order.
    summary.get_by_role("link", name="how to complain").click()
    heading = page.get_by_role("heading", name="How to ask questions, complain or seek redress")
    page.wait_for_timeout(200)
    assert in_view(page, heading), "following 'how to complain' did not bring the complaint steps into view"
    shot(page, f"public-visitor-{device}-3-complaint-steps")
    steps = page.locator("#how-to-ask-questions-complain-or-seek-redress h3").all_inner_texts()
    numbered = [s.strip().rstrip("#").strip() for s in steps if s.strip()[:1].isdigit()]
    assert len(numbered) >= 5, f"the complaint steps are not a numbered list of steps: {steps}"
    assert [int(s.split(".")[0]) for s in numbered] == list(range(1, len(numbered) + 1))
    assert any("AI Act" in s for s in numbered), "the complaint steps do not include a complaint under the AI Act"

    # 4. Then the FAQ: its questions are listed at the top, and each one jumps to its answer.
    click_link(page, "Frequently asked questions")
    questions = page.locator("nav.question-list")
    assert questions.count() == 1, "the FAQ does not open with a list of its questions"
    assert in_view(page, questions) or questions.bounding_box()["y"] < 2 * page.viewport_size["height"], (
        "the FAQ's question list is not near the top of the page"
    )
    shot(page, f"public-visitor-{device}-4-faq-questions")
    listed = questions.get_by_role("link").all_inner_texts()
    assert len(listed) >= 10, f"the FAQ lists only {len(listed)} questions"
    questions.get_by_role("link", name="Can an AI result alone get me arrested?").click()
    page.wait_for_timeout(200)
    answer = page.get_by_role("heading", name="Can an AI result alone get me arrested?")
    assert in_view(page, answer), "clicking a question in the FAQ list did not jump to its answer"
    shot(page, f"public-visitor-{device}-5-faq-answer")
    assert page.console_errors == []


def assert_reflows_at_320_px(tab, url: str, name: str, screenshot: str | None = None) -> None:
    """At 320 px the page neither scrolls sideways nor cuts anything off (WCAG 1.4.10)."""
    tab.set_viewport_size({"width": 320, "height": 720})
    tab.goto(url)
    result = tab.evaluate(REFLOW_SCRIPT)
    if screenshot:
        shot(tab, screenshot)
    assert result["sideways"] <= 0, f"{name} scrolls sideways by {result['sideways']} px at 320 px"
    assert result["clipped"] == [], f"{name} cuts off content at 320 px: {result['clipped']}"


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_every_public_page_reflows_at_320_px(page, site_url, name):
    shown = name in ("myths-and-facts", "your-rights", "faq", "campaign")
    assert_reflows_at_320_px(page, site_url + f"docs/public/{name}.html", name, shown and f"public-320-{name}")
    assert axe_violations(page) == [], f"{name} has accessibility problems at 320 px"
