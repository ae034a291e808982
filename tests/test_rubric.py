"""The capstone rubric: a validated data file, rendered as a table, and a self-review in the strategy builder."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, axe_violations, sphinx_build, write_fixture_site

from sphinx_course.course.rubric import validate_rubric
from sphinx_course.errors import AuthoringError

RUBRIC = ROOT / "exercises/tools/strategy-rubric.yaml"
BUILDER = "exercises/tools/strategy-builder.html"
JOURNEYS = ROOT / "_build" / "journeys"


def rubric(criteria=5, levels=("Not yet", "Strong")):
    return {"id": "r", "version": 1, "levels": list(levels),
            "criteria": [{"id": f"c{i}", "title": f"Criterion {i}", "levels": [f"{level} {i}" for level in levels]}
                         for i in range(criteria)]}


@pytest.mark.parametrize("data,message", [
    (rubric(criteria=4), "a rubric needs 5 to 7 criteria, not 4"),
    (rubric(criteria=8), "a rubric needs 5 to 7 criteria, not 8"),
    ({**rubric(), "levels": ["Only"]}, "'levels' must list at least two level names"),
    ({**rubric(), "criteria": rubric()["criteria"][:4] + [{"id": "c0", "title": "Again", "levels": ["a", "b"]}]},
     "criterion id 'c0' is used twice"),
    ({**rubric(), "criteria": rubric()["criteria"][:4] + [{"id": "x", "title": "X", "levels": ["a"]}]},
     "criterion 'x' must describe each of the 2 levels"),
])
def test_a_malformed_rubric_is_rejected_with_a_reason(data, message):
    with pytest.raises(AuthoringError, match=message):
        validate_rubric(data)


def test_the_capstone_rubric_has_seven_criteria_with_three_described_levels():
    data = validate_rubric(yaml.safe_load(RUBRIC.read_text(encoding="utf-8")))
    assert data["levels"] == ["Not yet", "Developing", "Strong"]
    assert len(data["criteria"]) == 7


def test_a_broken_rubric_file_is_a_located_error(tmp_path):
    src = write_fixture_site(tmp_path / "src", {
        "index.md": "# R\n\ntext\n\n```{course-rubric} /r.yaml\n```\n",
        "r.yaml": yaml.safe_dump(rubric(criteria=3)),
    })
    build = sphinx_build(src, tmp_path / "out")
    assert build.returncode != 0
    assert any("index.md:5: ERROR: r.yaml: a rubric needs 5 to 7 criteria, not 3 [course.rubric]" in p
               for p in build.problems), build.problems


def test_rubric_page_shows_criteria_and_levels_and_module_9_links_to_it(site_html):
    page = BeautifulSoup((site_html / "exercises/tools/strategy-rubric.html").read_text(encoding="utf-8"), "html.parser")
    table = page.select_one("table.rubric")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Criterion", "Not yet", "Developing", "Strong"]
    assert len(table.select("tbody tr")) == 7
    assert "Worked example: a weak draft" in page.get_text() and "Worked example: a strong draft" in page.get_text()
    module = (site_html / "modules/leadership/09-capstone-strategy.html").read_text(encoding="utf-8")
    assert 'href="../../exercises/tools/strategy-rubric.html"' in module


@pytest.mark.browser
@pytest.mark.parametrize("width,height", [(390, 844), (1280, 800)])
def test_self_review_in_the_builder_saves_ratings_and_names_what_to_strengthen(page, site_url, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site_url + BUILDER)
    form = page.locator("form.rubric-review")
    summary = form.locator("[data-rubric-summary]")
    page.wait_for_function("document.querySelector('[data-rubric-summary]').textContent.length > 0")
    assert summary.inner_text() == "You have rated 0 of 7 criteria."
    form.locator("fieldset", has_text="Vision and red lines").get_by_label("Strong", exact=False).check()
    form.locator("fieldset", has_text="Skills and budget").get_by_label("Not yet", exact=False).check()
    form.locator("fieldset", has_text="Public engagement").get_by_label("Developing", exact=False).check()
    assert summary.inner_text() == "You have rated 3 of 7 criteria. Strengthen first: Skills and budget."
    assert axe_violations(page) == []
    JOURNEYS.mkdir(parents=True, exist_ok=True)
    form.scroll_into_view_if_needed()
    page.screenshot(path=str(JOURNEYS / f"rubric-self-review-{width}.png"))
    page.reload()
    page.wait_for_function("document.querySelector('[data-rubric-summary]').textContent.length > 0")
    assert summary.inner_text() == "You have rated 3 of 7 criteria. Strengthen first: Skills and budget.", \
        "the ratings were lost on reload"
    assert form.locator("fieldset", has_text="Vision and red lines").get_by_label("Strong", exact=False).is_checked()
    form.get_by_role("button", name="Clear my ratings").click()
    assert summary.inner_text().startswith("You have rated 0 of 7 criteria.")
    assert page.console_errors == []
