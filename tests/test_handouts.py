"""Handouts: one page per module and session, generated from the unit, under a contents page in course order."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import axe_violations, save_screenshot, sphinx_build, write_fixture_site
from test_course import unit_with_questions

CONTENTS = "docs/trainers/handouts.html"
#: The course order: the nine leadership modules, then the four counter-terrorism sessions.
COURSE_ORDER = [
    "01-ai-in-law-enforcement", "02-principles", "03-law-and-human-rights", "04-risks-and-harms",
    "05-readiness-and-lifecycle", "06-procurement-and-vendors", "07-governance-and-oversight",
    "08-public-trust", "09-capstone-strategy",
    "01-uses-and-limits", "02-human-rights", "03-malicious-use", "04-governance-cooperation",
]
TRACK = {name: "leadership" for name in COURSE_ORDER[:9]} | {name: "counter-terrorism" for name in COURSE_ORDER[9:]}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def heading(page: BeautifulSoup) -> str:
    return " ".join(page.select_one("h1").get_text().replace("#", "").replace("¶", "").split())


def test_each_unit_has_its_own_handout_page_listed_in_course_order(site_html):
    contents = soup(site_html / CONTENTS)
    rows = contents.select("table.handouts-contents tbody tr")
    links = [row.select_one("td a")["href"] for row in rows]
    assert links == [f"handouts/{name}.html" for name in COURSE_ORDER], "the contents list all 13 units, in course order"
    # Bookmarks of the one-page handouts (handouts.html#handout-03-...) still land on the unit's row.
    assert [row["id"] for row in rows] == [f"handout-{name}" for name in COURSE_ORDER]
    for row, name in zip(rows, COURSE_ORDER, strict=True):
        unit = soup(site_html / "modules" / TRACK[name] / f"{name}.html")
        handout = soup(site_html / "docs/trainers/handouts" / f"{name}.html")
        title, length = (cell.get_text(" ", strip=True) for cell in row.select("td"))
        assert title == heading(unit) == heading(handout), f"{name}: the handout is titled as its unit"
        facts = unit.select_one(".unit-header").get_text(" ", strip=True)
        assert f"Time: about {length}" in facts, f"{name}: {length} is not the unit's length"
        assert len(handout.select(".handout-page")) == 1, f"{name}: the page shows exactly one handout"
        rubrics = [r.get_text(strip=True) for r in handout.select(".handout-page .rubric")]
        assert rubrics[:2] == ["Learning objectives", "Key takeaways"], f"{name}: {rubrics}"
        assert "Scenario discussion questions" in rubrics, f"{name}: no discussion questions"
        objectives = [li.get_text(" ", strip=True) for li in unit.select(".unit-objectives li")]
        assert [li.get_text(" ", strip=True) for li in handout.select_one(".handout-page > ul").select("li")] == objectives


def test_handout_pages_run_in_course_order_in_the_navigation(site_html):
    """Previous and Next on a handout page follow the course, from Module 9 on to Session 1."""
    module_9 = soup(site_html / "docs/trainers/handouts/09-capstone-strategy.html")
    assert module_9.select_one(".prev-next-area a.right-next")["href"] == "01-uses-and-limits.html"
    session_1 = soup(site_html / "docs/trainers/handouts/01-uses-and-limits.html")
    assert session_1.select_one(".prev-next-area a.left-prev")["href"] == "09-capstone-strategy.html"


def test_the_learner_edition_links_no_pdfs_and_the_trainer_edition_says_where_they_are(site_html, trainer_html):
    learner = soup(site_html / CONTENTS)
    assert [th.get_text(strip=True) for th in learner.select("table.handouts-contents th")] == ["Module or session", "Length"]
    assert not learner.select(".pdf-files-missing, a.download")
    trainer = soup(trainer_html / CONTENTS)
    # This build has no PDFs printed (make pdf prints them, then rebuilds the trainer edition).
    assert trainer.select_one(".pdf-files-missing"), "the trainer edition says the PDFs are not in this copy"


HANDOUT_PAGE = "# {title}\n\n```{{handout}} {unit}\n```\n"


def handout_site(folder: Path, handout_pages: dict[str, str]) -> Path:
    pages = {
        "index.md": "# Course\n\n```{toctree}\nmodules/index\nhandouts\n```\n",
        "modules/index.md": "# Modules\n\n```{course-outline}\n```\n\n```{toctree}\nunit\n```\n",
        "modules/unit.md": unit_with_questions(30, ["first", "second", "third"]),
        "handouts.md": "# Handouts\n\n```{handouts}\n```\n\n```{toctree}\n"
                       + "".join(f"{name.removesuffix('.md')}\n" for name in handout_pages) + "```\n",
    }
    return write_fixture_site(folder, pages | handout_pages)


def test_a_handout_page_shows_its_unit_and_the_contents_link_it(tmp_path):
    src = handout_site(tmp_path / "src", {"handouts/unit.md": HANDOUT_PAGE.format(title="A unit", unit="/modules/unit")})
    build = sphinx_build(src, tmp_path / "out")
    assert build.returncode == 0, build.output
    page = soup(build.outdir / "handouts/unit.html")
    assert heading(page) == "A unit"
    assert page.select_one(".handout-page .rubric").get_text() == "Learning objectives"
    assert page.select_one(".handout-page p").get_text() == "About 30 minutes."
    row = soup(build.outdir / "handouts.html").select_one("table.handouts-contents tbody tr")
    assert [td.get_text(strip=True) for td in row.select("td")] == ["A unit", "30 minutes"]
    assert row.select_one("a")["href"] == "handouts/unit.html"


def test_the_trainer_edition_links_each_printed_pdf_as_a_file(tmp_path):
    src = handout_site(tmp_path / "src", {"handouts/unit.md": HANDOUT_PAGE.format(title="A unit", unit="/modules/unit")})
    printed = src / "_build/pdf/handouts/unit.pdf"
    printed.parent.mkdir(parents=True)
    printed.write_bytes(b"%PDF-1.4 printed by make pdf")
    # The trainer edition sets theme options that the fixture's default theme does not know.
    build = sphinx_build(src, tmp_path / "out", "-D", "course_edition=trainer", "-D", "html_theme=sphinx_book_theme")
    assert build.returncode == 0, build.output
    contents = soup(build.outdir / "handouts.html")
    assert [th.get_text(strip=True) for th in contents.select("table.handouts-contents th")] == ["Module or session", "Length", "PDF"]
    link = contents.select_one("table.handouts-contents tbody tr td:nth-of-type(3) a")
    assert link.get_text(strip=True) == "unit.pdf"
    assert (build.outdir / link["href"]).read_bytes() == printed.read_bytes(), "the PDF is copied into the site"
    assert not contents.select(".pdf-files-missing")


@pytest.mark.parametrize(("handout_pages", "message"), [
    ({"handouts/unit.md": HANDOUT_PAGE.format(title="Unit one", unit="/modules/unit")},
     "handouts/unit.md:3: ERROR: A handout page's heading is its unit's title: write '# A unit', not '# Unit one'. [course.handout]"),
    ({"handouts/unit.md": HANDOUT_PAGE.format(title="A unit", unit="/modules/unit"),
      "handouts/other.md": HANDOUT_PAGE.format(title="Other", unit="/modules/index")},
     "handouts/other.md:3: ERROR: {handout} names 'modules/index', which is not a module or session. [course.handout]"),
    ({}, "handouts.md:3: ERROR: A unit (modules/unit) has no handout page. Add a page with its title as heading "
         "and ```{handout} /modules/unit``` in handouts/. [course.handout]"),
])
def test_a_wrong_handout_page_is_a_located_error(tmp_path, handout_pages, message):
    build = sphinx_build(handout_site(tmp_path / "src", handout_pages), tmp_path / "out")
    assert build.returncode != 0
    assert any(problem.endswith(message) for problem in build.problems), build.problems
    assert "Traceback" not in build.output


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 800}],
                         ids=["phone", "desktop"])
def test_a_handout_page_reads_on_a_phone_and_a_desktop(browser, site_url, viewport):
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.goto(site_url + CONTENTS)
    name = "phone" if viewport["width"] < 600 else "desktop"
    contents = tab.locator("table.handouts-contents")
    assert contents.is_visible(), "the handouts page shows no contents"
    assert contents.locator("tbody tr").count() == 13, "the contents do not list all 13 handouts"
    save_screenshot(tab, f"handout-{name}-contents")
    assert axe_violations(tab) == [], "the handouts contents page has accessibility violations"
    contents.get_by_role("link", name="Module 3: Law and human rights").click()
    tab.wait_for_load_state()
    assert tab.url.endswith("docs/trainers/handouts/03-law-and-human-rights.html"), "the contents did not open Module 3's handout"
    main = tab.get_by_role("main")
    assert main.get_by_role("heading", level=1, name="Module 3: Law and human rights").is_visible()
    for part in ("Learning objectives", "Key takeaways", "Scenario discussion questions"):
        rubric = main.locator(".handout-page .rubric", has_text=part)
        rubric.scroll_into_view_if_needed()
        assert rubric.is_visible(), f"the handout does not show its {part.lower()}"
        listing = rubric.locator("xpath=following-sibling::*[1]")
        assert listing.locator("li").count() >= 2, f"the {part.lower()} have fewer than two items"
        assert listing.locator("li").first.is_visible(), f"the {part.lower()} are not visible"
    assert tab.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), \
        "the handout page scrolls sideways"
    assert axe_violations(tab) == [], "the handout page has accessibility violations"
    tab.evaluate("window.scrollTo(0, 0)")
    save_screenshot(tab, f"handout-{name}-top")
    main.locator(".handout-page .rubric", has_text="Scenario discussion questions").scroll_into_view_if_needed()
    save_screenshot(tab, f"handout-{name}-questions")
    context.close()
