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
