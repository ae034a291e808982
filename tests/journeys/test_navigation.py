"""Journey 1: finding one's way around the course, on a phone and on a desktop.

A learner arrives on Module 1 from a link. On a phone they open the menu, go to
Module 3 through it, open "On this page" and jump to a section; with the keyboard,
focus goes into each panel, Escape closes it and focus comes back to the button.
On a desktop they hide the menu to read and bring it back, by mouse and by key.
Throughout, the header names the site and links home, and the page says where it
sits in the course.
"""

from __future__ import annotations

import contextlib
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

pytestmark = pytest.mark.browser

MODULE_1 = "modules/leadership/01-ai-in-law-enforcement.html"
MENU_BUTTON = ".bd-header-article .primary-toggle"
CONTENTS_BUTTON = ".bd-header-article .secondary-toggle"


def on_screen(tab, locator) -> bool:
    """True when the element is shown and lies wholly inside the window sideways."""
    if not locator.is_visible():
        return False
    box = locator.bounding_box()
    width = tab.viewport_size["width"]
    return box is not None and box["width"] > 0 and box["x"] >= -1 and box["x"] + box["width"] <= width + 1


def focus_is_inside(tab, selector: str) -> bool:
    return tab.evaluate("s => !!document.activeElement.closest(s)", selector)


def focused_is(tab, locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")


def assert_header_names_site(tab, where: str):
    home = tab.locator("a:visible", has_text=re.compile("AI-POL")).filter(
        has=tab.locator("xpath=self::*[not(ancestor::article)]")
    )
    shown = [link for link in home.all() if on_screen(tab, link) and link.bounding_box()["y"] < 80]
    assert shown, f"{where}: the header shows no site name linked to the home page"
    target = shown[0].evaluate("a => a.href")
    assert target.endswith("/index.html") and "/modules/" not in target, (
        f"{where}: the site name in the header links to {target}, not the home page"
    )


def assert_trail(tab, where: str, position: str):
    trail = tab.get_by_role("navigation", name=re.compile("where this page sits", re.I))
    assert trail.count() == 1 and trail.is_visible(), f"{where}: the page does not say where it sits in the course"
    text = " ".join(trail.inner_text().split())
    assert re.search(rf"leadership course › {position}", text, re.I), (
        f"{where}: the page's place reads {text!r}, expected '… leadership course › {position}'"
    )
    overview = trail.get_by_role("link", name=re.compile("leadership course", re.I))
    assert overview.evaluate("a => a.href").endswith("modules/leadership/index.html"), (
        f"{where}: the course name in the trail does not link to the course overview"
    )


def test_phone_menu_and_contents(page, journey_url, shot):
    tab = page
    tab.set_viewport_size(PHONE)
    tab.goto(journey_url + MODULE_1)
    assert_header_names_site(tab, "Module 1 on a phone")
    assert_trail(tab, "Module 1 on a phone", "Module 1 of 9")
    shot(tab, "navigation-phone-1-module-1")

    menu_button = tab.locator(MENU_BUTTON)
    assert menu_button.is_visible(), "there is no menu button in the phone header"
    name = menu_button.evaluate("b => b.getAttribute('aria-label') || b.title")
    assert name, "the menu button has no name a screen reader could announce"

    # Keyboard: the menu opens with Enter, focus goes in, Escape closes it, focus comes back.
    menu_button.focus()
    tab.keyboard.press("Enter")
    menu = tab.locator("nav.bd-docs-nav")
    tab.wait_for_timeout(300)
    assert on_screen(tab, menu), f"the menu did not open from the keyboard (its box: {menu.bounding_box()})"
    assert focus_is_inside(tab, "dialog[open]"), "the menu opened, but keyboard focus stayed outside it"
    shot(tab, "navigation-phone-2-menu-open")
    tab.keyboard.press("Escape")
    tab.wait_for_timeout(200)
    assert not on_screen(tab, menu), "Escape did not close the menu"
    assert focused_is(tab, menu_button), "after Escape closed the menu, focus did not return to the menu button"

    # Touch: tap the button, then Module 3 in the menu.
    menu_button.click()
    tab.wait_for_timeout(300)
    assert on_screen(tab, menu), f"the menu did not open when tapped (its box: {menu.bounding_box()})"
    module_3 = menu.get_by_role("link", name=re.compile(r"^Module 3\b"))
    assert module_3.count() == 1, "the menu does not list Module 3"
    module_3.click()
    tab.wait_for_url(re.compile(r"03-[^/]*\.html"))
    assert_header_names_site(tab, "Module 3 on a phone")
    assert_trail(tab, "Module 3 on a phone", "Module 3 of 9")
    shot(tab, "navigation-phone-3-module-3")

    # "On this page": open it, jump to a section, and find that section at the top of the screen.
    contents_button = tab.locator(CONTENTS_BUTTON)
    assert contents_button.is_visible(), "there is no 'On this page' button in the phone header"
    contents_button.focus()
    tab.keyboard.press("Enter")
    tab.wait_for_timeout(300)
    contents = tab.locator("nav.page-toc")
    assert on_screen(tab, contents), f"'On this page' did not open (its box: {contents.bounding_box()})"
    assert focus_is_inside(tab, "dialog[open]"), "'On this page' opened, but keyboard focus stayed outside it"
    tab.keyboard.press("Escape")
    tab.wait_for_timeout(200)
    assert not on_screen(tab, contents), "Escape did not close 'On this page'"
    assert focused_is(tab, contents_button), "after Escape, focus did not return to the 'On this page' button"

    contents_button.click()
    tab.wait_for_timeout(300)
    shot(tab, "navigation-phone-4-on-this-page")
    section = contents.get_by_role("link").nth(2)
    title, anchor = section.inner_text().strip(), section.get_attribute("href")
    section.click()
    tab.wait_for_timeout(500)
    assert tab.url.endswith(anchor), f"following '{title}' did not go to its section ({tab.url})"
    assert not on_screen(tab, contents), f"'On this page' stayed open over the section '{title}'"
    heading = tab.locator(f"[id='{anchor.lstrip('#')}'] :is(h2,h3)").first
    top = heading.bounding_box()["y"]
    assert 0 <= top < PHONE["height"] / 2, f"the section '{title}' is not near the top of the screen (y = {top})"
    shot(tab, "navigation-phone-5-section")


def test_desktop_collapse_and_expand(page, journey_url, shot):
    tab = page
    tab.set_viewport_size(DESKTOP)
    tab.goto(journey_url + MODULE_1)
    menu = tab.locator("#pst-primary-sidebar")
    assert on_screen(tab, menu), "on the desktop the menu is not shown beside the page"
    assert_header_names_site(tab, "Module 1 on the desktop")
    assert_trail(tab, "Module 1 on the desktop", "Module 1 of 9")
    article = tab.locator("article.bd-article")
    width_with_menu = article.bounding_box()["width"]
    shot(tab, "navigation-desktop-1-module-1")

    button = tab.locator(MENU_BUTTON)
    button.click()
    tab.wait_for_timeout(400)
    assert not on_screen(tab, menu), "the collapse button did not hide the menu"
    assert tab.locator("dialog[open]").count() == 0, "on the desktop the button opened a dialog instead of hiding the menu"
    assert article.bounding_box()["width"] > width_with_menu, "with the menu hidden, the page did not get wider"
    assert_header_names_site(tab, "the desktop with the menu hidden")
    shot(tab, "navigation-desktop-2-collapsed")

    button.focus()
    tab.keyboard.press("Enter")
    tab.wait_for_timeout(400)
    assert on_screen(tab, menu), "pressing Enter on the button did not bring the menu back"
    assert focused_is(tab, button), "after expanding the menu by keyboard, focus left the button"
    assert button.get_attribute("aria-expanded") == "true", "the button does not say that the menu is now shown"

    menu.get_by_role("link", name=re.compile(r"^Module 3\b")).click()
    tab.wait_for_url(re.compile(r"03-[^/]*\.html"))
    assert_trail(tab, "Module 3 on the desktop", "Module 3 of 9")
    contents = tab.locator("nav.page-toc")
    assert on_screen(tab, contents), "on the desktop 'On this page' is not shown beside Module 3"
    section = contents.get_by_role("link").nth(2)
    anchor = section.get_attribute("href")
    section.click()
    tab.wait_for_timeout(500)
    assert tab.url.endswith(anchor), "following a link in 'On this page' did not go to its section"
    shot(tab, "navigation-desktop-3-module-3-section")


BROKEN_WORDS_SCRIPT = """el => {
  // Words of the element's text that the browser split over two lines.
  const broken = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_home_doors_are_buttons_reached_early_by_keyboard(page, journey_url, shot, size):
    tab = page
    tab.set_viewport_size(size)
    tab.goto(journey_url + "index.html")
    tab.keyboard.press("Tab")
    skip = tab.evaluate("document.activeElement.textContent.trim()")
    assert skip == "Skip to main content", f"the first Tab press reaches {skip!r}, not the skip link"
    tab.keyboard.press("Enter")
    presses = 0
    door = None
    # At most seven stops: the language switcher, which opens the page, then the page's first links.
    while presses < 7:
        tab.keyboard.press("Tab")
        presses += 1
        door = tab.evaluate("document.activeElement.closest('.sd-card') ? document.activeElement.textContent.trim() : null")
        if door:
            break
    assert door and door.startswith("Executives"), (
        f"after the skip link, {presses} more Tab presses did not reach the first door (focus: "
        f"{tab.evaluate('document.activeElement.outerHTML.slice(0, 80)')})"
    )
    card = tab.locator(".sd-card", has_text="Executives")
    ring = card.evaluate("c => { const s = getComputedStyle(c); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
    assert ring[0] != "none" and ring[1] >= 2, f"the focused door shows no focus ring ({ring})"
    looks = card.evaluate("c => [parseFloat(getComputedStyle(c).borderTopWidth), getComputedStyle(c.querySelector('.sd-card-title'), '::after').content]")
    assert looks[0] >= 2 and "→" in looks[1], f"the door does not look like a button (border {looks[0]} px, title ends {looks[1]!r})"
    shot(tab, f"home-{size['width']}-door-focused")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"modules/leadership/index\.html"))


def test_module_page_reads_cleanly_on_a_phone(page, journey_url, shot):
    """Previous/Next labels wrap between words, headings lighten by level, "Back to top" covers nothing."""
    tab = page
    tab.set_viewport_size({"width": 320, "height": 700})
    tab.goto(journey_url + "modules/leadership/02-principles.html")
    for title in tab.locator(".prev-next-title").all():
        broken = title.evaluate(BROKEN_WORDS_SCRIPT)
        assert not broken, f"the Previous/Next label {title.inner_text()!r} breaks inside the words {broken}"

    weights = tab.evaluate("""() => ['h1', 'h2', 'h3'].map(t => {
        const h = document.querySelector('article ' + t); return h ? +getComputedStyle(h).fontWeight : null; })""")
    h1, h2, h3 = weights
    assert h1 >= h2 >= h3, f"heading weights do not descend: h1 {h1}, h2 {h2}, h3 {h3}"

    tab.set_viewport_size(PHONE)
    tab.locator(".prev-next-area").scroll_into_view_if_needed()
    button = tab.locator("#pst-back-to-top")
    # The theme shows the button when a scroll event finds the page moving up; a busy machine can merge
    # the scroll down and the first turn of the wheel, so the reader turns it up again, as people do.
    for _ in range(5):
        tab.mouse.wheel(0, -200)
        with contextlib.suppress(PlaywrightTimeout):
            button.wait_for(state="visible", timeout=2000)
            break
    button.wait_for(state="visible")
    shot(tab, "module-phone-back-to-top")
    box = button.bounding_box()
    header = tab.locator(".bd-header-article").bounding_box()
    assert box["y"] >= header["y"] and box["y"] + box["height"] <= header["y"] + header["height"] + 1, (
        f"'Back to top' floats over the page (at y = {box['y']:.0f}-{box['y'] + box['height']:.0f}), "
        f"not inside the header (y = {header['y']:.0f}-{header['y'] + header['height']:.0f})"
    )
    beneath = tab.evaluate("""b => { const r = b.getBoundingClientRect();
        const below = document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2).find(e => !b.contains(e));
        return below && below.closest('.bd-header-article') ? null : below.outerHTML.slice(0, 80); }""",
        button.element_handle())
    assert beneath is None, f"'Back to top' covers page content: {beneath}"
    assert button.evaluate("b => b.textContent.trim()") == "Back to top", "the 'Back to top' button lost its name"
