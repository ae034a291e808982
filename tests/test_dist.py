"""`make dist`: a zip that works unzipped, from file://, on a machine with no network."""

from __future__ import annotations

import zipfile

import pytest

from sphinx_course.cli.dist import TOP, make_zip

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unzipped(site_html, tmp_path_factory):
    folder = tmp_path_factory.mktemp("dist")
    archive = folder / "site.zip"
    make_zip(site_html, archive)
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        assert all(name.startswith(f"{TOP}/") for name in names)
        opened.extractall(folder / "out")
    return folder / "out" / TOP


def test_zip_is_reproducible(site_html, tmp_path):
    make_zip(site_html, tmp_path / "a.zip")
    make_zip(site_html, tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_unzipped_site_works_from_file_urls(page, unzipped):
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto((unzipped / "index.html").as_uri())
    page.locator(".sd-card", has_text="Executives").click()
    page.wait_for_url("**/modules/leadership/index.html")
    page.locator("table.course-outline a").first.click()
    quiz = page.locator(".quiz").first
    quiz.locator(".quiz-actions:not([hidden])").first.wait_for()
    quiz.locator(".quiz-question").first.get_by_role("button", name="Check").click()
    assert quiz.locator(".quiz-result").first.inner_text()
    assert failed == []
    assert all(url.startswith(("file://", "data:", "blob:")) for url in page.requests)


def test_search_works_offline(page, unzipped):
    page.goto((unzipped / "search.html").as_uri() + "?q=proportionality")
    page.wait_for_selector("#search-results li", timeout=15_000)
    assert page.locator("#search-results li").count() > 0


def switch_to(page, code: str) -> None:
    """Open the language switcher and follow one language, as a reader would."""
    page.locator("nav.course-languages summary").click()
    page.locator(f"nav.course-languages a[hreflang='{code}']").click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_language_switcher_goes_round_every_language_from_file_urls(page, unzipped, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto((unzipped / "docs/public/myths-and-facts.html").as_uri())
    visited = []
    for code in ("fr", "es", "ar", "en", "ar", "es", "fr", "en"):
        switch_to(page, code)
        visited.append((page.locator("html").get_attribute("lang"), page.url.split(f"/{TOP}/", 1)[1]))
    prefix = {"en": "", "fr": "fr/", "es": "es/", "ar": "ar/"}
    assert visited == [(code, prefix[code] + "docs/public/myths-and-facts.html")
                       for code in ("fr", "es", "ar", "en", "ar", "es", "fr", "en")]
    assert page.locator("html").get_attribute("dir") is None
    switch_to(page, "ar")
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_the_switcher_on_an_untranslated_module_leads_to_the_home_page_and_says_so(page, unzipped):
    page.goto((unzipped / "modules/leadership/03-law-and-human-rights.html").as_uri())
    page.locator("nav.course-languages summary").click()
    french = page.locator("nav.course-languages a[hreflang='fr']")
    assert "(" in french.inner_text() and french.get_attribute("lang") == "fr"
    french.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"/{TOP}/fr/index.html")
    # The French home page links the course, which is in English: the link says so.
    assert page.locator("a[href$='modules/leadership/index.html'][lang='en']").count() > 0
