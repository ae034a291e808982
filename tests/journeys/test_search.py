"""Journey 5: searching the site, on a phone and a desktop, served and from the offline zip.

A visitor looking for their rights finds one search box, types "your rights" and
reads the letters they typed (no icon over them), gets the public rights page
first, and reads snippets taken from the pages' text, not from their menus. From
``file://`` (the unzipped site) the snippets appear too, with no console errors.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
QUERY = "your rights"
RIGHTS_PAGE = "Your rights and the safeguards"
# Text of the header buttons and contents list that leaked into the stock theme's snippets.
MENU_TEXT = ("System Settings", "Light Dark", "Contents", "Toggle", "Skip to main content", "Back to top")


def search_controls(tab):
    """Everything on screen a person would take for a search box or search button."""
    return [
        el for el in tab.locator("input[type=search], .search-button__button, .search-button-field").all()
        if el.is_visible() and (box := el.bounding_box()) and box["width"] > 0
        and box["x"] + box["width"] > 0 and box["x"] < tab.viewport_size["width"]
    ]


def assert_icon_clear_of_text(tab, field, where: str):
    """The magnifier must end before the first letter typed in the field begins."""
    icon = field.locator("xpath=ancestor::form[1]").locator(".fa-magnifying-glass, svg").first
    icon_right = icon.bounding_box()["x"] + icon.bounding_box()["width"]
    text_left = field.evaluate("i => i.getBoundingClientRect().left + parseFloat(getComputedStyle(i).paddingLeft)")
    assert icon_right <= text_left + 0.5, (
        f"{where}: the magnifier covers the typed text (icon ends at {icon_right:.0f} px, text starts at {text_left:.0f} px)"
    )


def results(tab):
    tab.locator("#search-results ul.search li").first.wait_for()
    tab.wait_for_function("() => /finished/i.test(document.querySelector('#search-results p.search-summary, #search-results p')?.textContent || '')")
    return tab.locator("#search-results ul.search > li")


def assert_good_results(tab, where: str):
    found = results(tab)
    first = found.first.locator("a").first.inner_text().strip()
    titles = [t.strip() for t in found.locator(":scope > a").all_inner_texts()[:6]]
    assert first == RIGHTS_PAGE, f"{where}: '{QUERY}' lists {titles}; the public rights page should come first"
    for item in found.all()[:5]:
        title = item.locator("a").first.inner_text().strip()
        snippet = item.locator("p.context")
        assert snippet.count() == 1 and snippet.inner_text().strip(), f"{where}: the result '{title}' has no snippet"
        text = snippet.inner_text()
        leaked = [m for m in MENU_TEXT if m in text]
        assert not leaked, f"{where}: the snippet of '{title}' quotes menu text {leaked}: {text[:160]!r}"


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_for_your_rights(page, journey_url, shot, size):
    tab = page
    tab.set_viewport_size(size)
    where = f"at {size['width']} px"
    tab.goto(journey_url + "modules/leadership/01-ai-in-law-enforcement.html")
    controls = search_controls(tab)
    assert len(controls) == 1, f"{where}: a module page shows {len(controls)} search boxes or buttons, not one"
    shot(tab, f"search-{size['width']}-1-page")

    controls[0].click()
    field = tab.locator("#pst-search-dialog input[name=q]")
    assert field.is_visible(), f"{where}: the search box did not open"
    field.press_sequentially(QUERY)
    assert_icon_clear_of_text(tab, field, f"{where}, search dialog")
    shot(tab, f"search-{size['width']}-2-typing")
    field.press("Enter")
    tab.wait_for_url(re.compile(r"search\.html\?q=your"))
    assert_good_results(tab, where)

    page_field = tab.locator(".bd-search-container input[name=q]")
    assert page_field.input_value() == QUERY, f"{where}: the search page does not show the query typed"
    assert_icon_clear_of_text(tab, page_field, f"{where}, search page")
    controls = search_controls(tab)
    assert len(controls) == 1, f"{where}: the search page shows {len(controls)} search boxes or buttons, not one"
    shot(tab, f"search-{size['width']}-3-results")
    assert not tab.console_errors, f"{where}: the search logged errors: {tab.console_errors[:3]}"


def test_search_works_from_the_offline_copy(page, journey_html, shot):
    tab = page
    tab.set_viewport_size(PHONE)
    tab.goto((journey_html / "search.html").as_uri() + "?q=your+rights")
    assert_good_results(tab, "from file://")
    tab.wait_for_timeout(300)  # any late snippet fetch would fail by now
    shot(tab, "search-offline-results")
    assert not tab.console_errors, f"from file:// the search logged errors: {tab.console_errors[:2]}"
