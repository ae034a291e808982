"""The three tools in a real browser: keyboard use, known results, export, import, compare, privacy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import axe_violations

from sphinx_course.questionnaire.data_files import load_questionnaire

pytestmark = pytest.mark.browser
ROOT = Path(__file__).parent.parent
READINESS = load_questionnaire(ROOT / "exercises" / "tools" / "readiness.yaml")
SCREENING_CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "screening-cases.yaml").read_text())


def planned_answers() -> dict[str, object]:
    """A fixed, uneven answer set: every sixth statement is 'not sure', the others vary 1-4."""
    answers, position = {}, 0
    for dimension in READINESS["dimensions"]:
        for statement in dimension["statements"]:
            answers[statement["id"]] = "na" if position % 6 == 5 else (position * position + position // 5) % 4 + 1
            position += 1
    return answers


def expected_scores(answers) -> list[tuple[str, str]]:
    """What the results table must say: the mean of each dimension's answered levels, to one decimal."""
    rows = []
    for dimension in READINESS["dimensions"]:
        values = [answers[s["id"]] for s in dimension["statements"] if answers[s["id"]] != "na"]
        score = round(sum(values) / len(values) + 1e-9, 1)
        rows.append((dimension["label"], f"{score:g}"))
    return rows


@pytest.fixture
def readiness(page, site_url):
    page.goto(site_url + "exercises/tools/readiness.html")
    page.wait_for_selector(".tool-actions:not([hidden])")
    return page


def answer_by_keyboard(page, answers):
    for statement, value in answers.items():
        page.locator(f'input[name="{statement}"][value="{value}"]').focus()
        page.keyboard.press("Space")


def results_table(page):
    rows = page.locator(".tool-results .tool-table").first.locator("tbody tr")
    return [(rows.nth(i).locator("th").inner_text(), rows.nth(i).locator("td").first.inner_text()) for i in range(rows.count())]


def test_readiness_completed_by_keyboard_gives_the_expected_results(readiness):
    answers = planned_answers()
    answer_by_keyboard(readiness, answers)
    total = len(answers)
    assert readiness.locator("[data-progress]").inner_text() == f"{total} of {total} answered."
    readiness.get_by_role("button", name="Show my results").focus()
    readiness.keyboard.press("Enter")
    assert results_table(readiness) == expected_scores(answers)
    text = readiness.locator(".tool-results").inner_text()
    assert "Strongest:" in text and "Weakest:" in text
    assert readiness.locator(".tool-recommendations li a").count() >= len(READINESS["dimensions"])
    assert readiness.locator(".tool-results [role=img]").count() == 1


def test_readiness_answers_persist_and_clear(readiness):
    answer_by_keyboard(readiness, dict(list(planned_answers().items())[:3]))
    readiness.reload()
    readiness.wait_for_selector(".tool-actions:not([hidden])")
    assert readiness.locator("[data-progress]").inner_text().startswith("3 of ")
    readiness.locator(".tool-privacy summary").click()
    readiness.get_by_role("button", name="Clear my answers").click()
    assert readiness.locator("input:checked").count() == 0
    readiness.reload()
    assert readiness.locator("input:checked").count() == 0


def export(page, name, tmp_path):
    with page.expect_download() as download:
        page.get_by_role("button", name=name).click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    return target


def test_readiness_export_import_round_trip(readiness, tmp_path, browser, site_url):
    answer_by_keyboard(readiness, planned_answers())
    saved = export(readiness, "Export results (JSON)", tmp_path)
    csv = export(readiness, "Export results (CSV)", tmp_path).read_text()
    assert csv.splitlines()[0] == "dimension,answered,statements,score,level,percent"
    first = results_table(readiness)
    fresh = browser.new_context().new_page()
    fresh.goto(site_url + "exercises/tools/readiness.html")
    fresh.wait_for_selector(".tool-actions:not([hidden])")
    fresh.locator('input[data-action="import"]').set_input_files(str(saved))
    fresh.wait_for_selector(".tool-results:not([hidden])")
    assert results_table(fresh) == first
    fresh.context.close()


def test_a_bad_import_changes_nothing(readiness, tmp_path):
    answer_by_keyboard(readiness, dict(list(planned_answers().items())[:2]))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "aipol-tool", "tool": "readiness", "version": 99, "answers": {}}))
    readiness.locator('input[data-action="import"]').set_input_files(str(bad))
    readiness.wait_for_function("() => document.querySelector('[data-message]').textContent.length > 0")
    assert "was not exported by this tool" in readiness.locator("[data-message]").inner_text()
    assert readiness.locator("input:checked").count() == 2


def test_compare_two_assessments(readiness, tmp_path):
    answers = planned_answers()
    answer_by_keyboard(readiness, answers)
    last_year = export(readiness, "Export results (JSON)", tmp_path)
    first = READINESS["dimensions"][0]
    improved = {s["id"]: 4 for s in first["statements"]}
    answer_by_keyboard(readiness, improved)
    readiness.locator('input[data-action="compare"]').set_input_files(str(last_year))
    readiness.wait_for_selector(".tool-results h3:has-text('Compared with the saved assessment')")
    comparison = readiness.locator(".tool-results .tool-table").nth(1).locator("tbody tr").first
    cells = comparison.locator("td").all_inner_texts()
    before = dict(expected_scores(answers))[first["label"]]
    assert cells[0] == before and cells[1] == "4"
    assert cells[2].startswith("+")


@pytest.mark.parametrize("case", SCREENING_CASES[:3], ids=[c["name"] for c in SCREENING_CASES[:3]])
def test_screening_by_keyboard(page, site_url, case):
    page.goto(site_url + "exercises/tools/screening.html")
    page.wait_for_selector(".tool-actions:not([hidden])")
    answer_by_keyboard(page, case["answers"])
    page.get_by_role("button", name="Screen this use").click()
    category = page.locator(".tool-category").get_attribute("data-category")
    assert category == case["expect"]["category"]
    assert "not legal advice" in page.locator(".tool-disclaimer").inner_text().lower()


def test_strategy_builder_prefills_from_readiness_and_exports_markdown(page, site_url, tmp_path):
    page.goto(site_url + "exercises/tools/readiness.html")
    page.wait_for_selector(".tool-actions:not([hidden])")
    answer_by_keyboard(page, planned_answers())
    page.get_by_role("button", name="Show my results").click()
    page.goto(site_url + "exercises/tools/strategy-builder.html")
    page.wait_for_selector(".tool-actions:not([hidden])")
    page.locator('textarea[name="vision"]').fill("Use AI only where it measurably helps victims.")
    page.get_by_role("button", name="Add priorities from my readiness results").click()
    milestones = page.locator('textarea[name="milestones"]').input_value()
    assert "Strengthen" in milestones
    markdown = export(page, "Export as Markdown", tmp_path).read_text()
    assert markdown.startswith("# ") and "Use AI only where it measurably helps victims." in markdown
    assert "Strengthen" in markdown


def test_tools_make_no_network_requests_and_pass_axe_before_and_after(page, site_url):
    for tool in ("readiness", "screening", "strategy-builder"):
        page.goto(site_url + f"exercises/tools/{tool}.html")
        page.wait_for_selector(".tool-actions:not([hidden])")
        assert axe_violations(page) == [], tool
        if tool == "readiness":
            answer_by_keyboard(page, planned_answers())
            page.get_by_role("button", name="Show my results").click()
        if tool == "screening":
            answer_by_keyboard(page, SCREENING_CASES[0]["answers"])
            page.get_by_role("button", name="Screen this use").click()
        assert axe_violations(page) == [], f"{tool} after results"
    outside = [u for u in page.requests if not u.startswith(site_url) and not u.startswith(("data:", "blob:"))]
    assert outside == []


def test_readiness_results_are_accessible_in_dark_mode(browser, site_url):
    context = browser.new_context(color_scheme="dark")
    tab = context.new_page()
    tab.goto(site_url + "exercises/tools/readiness.html")
    tab.wait_for_selector(".tool-actions:not([hidden])")
    answer_by_keyboard(tab, planned_answers())
    tab.get_by_role("button", name="Show my results").click()
    assert tab.evaluate("document.documentElement.dataset.theme") == "dark"
    assert axe_violations(tab) == []
    context.close()
