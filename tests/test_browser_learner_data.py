"""Learner data is never lost, in a real browser: imports merge, refused writes are reported.

Each journey is what a learner does: finish a quiz, import an old file; or keep
answering on a device whose storage has filled up. Screenshots go to
_build/journeys/ at phone and desktop widths.
"""

from __future__ import annotations

import json

import pytest
from conftest import save_screenshot

pytestmark = pytest.mark.browser
GUIDE = "docs/authoring/quizzes.html"
PROGRESS = "docs/progress.html"
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


def quiz(tab, quiz_id):
    return tab.locator(f'.quiz[data-quiz-id="{quiz_id}"]')


def open_guide(tab, site_url):
    tab.goto(site_url + GUIDE)
    tab.wait_for_selector(".quiz-actions:not([hidden])")


def shoot(tab, name):
    save_screenshot(tab, name)


def saved_state(fingerprint, answers, checked, best, done, t):
    return json.dumps({"v": 1, "fp": fingerprint, "answers": answers, "checked": checked, "best": best, "done": done, "t": t})


def course_rows(tab):
    """Each course unit's quiz on My progress: id -> (fingerprint, number of questions)."""
    return tab.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('tr[data-quiz-id]')]"
        ".map(r => [r.dataset.quizId, [r.dataset.fingerprint, +r.dataset.questions]]))"
    )


def finished(fingerprint, questions, best, t):
    every = {str(n): [0] for n in range(1, questions + 1)}
    return saved_state(fingerprint, every, {n: "correct" for n in every}, best, True, t)


@pytest.mark.parametrize("size", SIZES)
def test_an_old_export_does_not_undo_a_finished_quiz(page, site_url, tmp_path, size):
    """Module 1 finished on this device; an older file holds it only begun, and Module 2 finished elsewhere."""
    page.set_viewport_size(SIZES[size])
    page.goto(site_url + PROGRESS)
    rows = course_rows(page)
    (m1_fp, m1_total), (m2_fp, m2_total) = rows["leadership-m1"], rows["leadership-m2"]
    ns = "aipol.v1"
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"{ns}:quiz:leadership-m1", finished(m1_fp, m1_total, m1_total, 5)])
    old = {
        "format": "aipol-progress", "version": 1, "namespace": ns, "exported": "2026-10-01T09:00:00Z",
        "entries": {
            f"{ns}:quiz:leadership-m1": saved_state(m1_fp, {"1": [0]}, {}, 0, False, 1),
            f"{ns}:quiz:leadership-m2": finished(m2_fp, m2_total, m2_total - 1, 1),
            f"{ns}:quiz:a-quiz-that-was-removed": saved_state("000000000000", {}, {}, 0, False, 1),
        },
    }
    export = tmp_path / "old-progress.json"
    export.write_text(json.dumps(old), encoding="utf-8")

    page.reload()
    row = page.locator('tr[data-quiz-id="leadership-m1"]')
    assert row.locator("[data-status]").inner_text().startswith("Completed"), "the finished quiz did not show as completed"
    page.locator('input[data-action="import"]').set_input_files(str(export))
    message = page.locator("[data-message]")
    message.filter(has_text="imported").wait_for()
    message.scroll_into_view_if_needed()
    shoot(page, f"import-merge-{size}")
    assert message.inner_text() == (
        "Progress imported: 1 quiz updated, 1 kept because your saved result is better, "
        "1 left out because it is not a quiz of this version of the site."
    )
    assert row.locator("[data-status]").inner_text().startswith("Completed"), "the old file undid the finished quiz"
    assert row.locator("[data-best]").inner_text() == f"{m1_total} / {m1_total}"
    assert page.locator('tr[data-quiz-id="leadership-m2"] [data-status]').inner_text().startswith("Completed")
    assert page.console_errors == []


FILL_STORAGE = """() => {
  // Fill localStorage until the browser refuses, in ever smaller pieces, then free a little room:
  // enough for the site's probe write, too little for a quiz's answers.
  localStorage.setItem("reserve", "r".repeat(50));
  let n = 0;
  for (const size of [1 << 20, 1 << 16, 1 << 10, 64, 1]) {
    const piece = "x".repeat(size);
    try { for (;;) localStorage.setItem("fill-" + (n++), piece); } catch (e) { /* full at this size */ }
  }
  localStorage.removeItem("reserve");
  try { localStorage.setItem("check", "c".repeat(150)); return "room left for a quiz"; } catch (e) { return "full"; }
}"""


@pytest.mark.parametrize("size", SIZES)
def test_a_full_store_says_answers_are_not_saved_and_offers_an_export(page, site_url, tmp_path, size):
    page.set_viewport_size(SIZES[size])
    open_guide(page, site_url)
    assert page.evaluate(FILL_STORAGE) == "full"
    page.reload()
    page.wait_for_selector(".quiz-actions:not([hidden])")
    assert page.locator("[data-save-failed]").count() == 0, "a warning showed before anything failed"
    single = quiz(page, "authoring-single")
    single.get_by_label("A lead to be checked").check()
    single.get_by_role("button", name="Check").click()
    warning = page.locator("[data-save-failed]")
    warning.wait_for()
    shoot(page, f"storage-full-{size}")
    assert warning.is_visible() and warning.evaluate(
        "w => { const r = w.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }"
    ), "the warning is not where the learner is looking"
    assert "not being saved" in warning.inner_text(), "the page did not say that answers are not being saved"
    assert warning.get_attribute("role") == "alert"
    assert single.locator(".quiz-result").inner_text() == "✓ Correct.", "the quiz stopped working"
    with page.expect_download() as download:
        warning.get_by_role("button", name="Export my progress").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    entries = json.loads(saved.read_text())["entries"]
    state = json.loads(entries["aipol.v1:quiz:authoring-single"])
    assert state["checked"] == {"1": "correct"}, "the export lacks the answer the browser refused to store"
    assert page.locator("[data-save-failed]").count() == 1, "the warning is shown more than once"
    assert page.console_errors == []


def test_tampered_saved_answers_are_not_trusted(page, site_url):
    page.goto(site_url + PROGRESS)
    fingerprint, total = course_rows(page)["leadership-m1"]
    for text in (
        saved_state(fingerprint, {"constructor": [0], "__proto__": [0], "toString": [0]}, {}, 0, False, 1),
        saved_state(fingerprint, {"1": [1]}, {"1": "correct"}, 999, True, 1),
    ):
        page.evaluate("s => localStorage.setItem('aipol.v1:quiz:leadership-m1', s)", text)
        page.goto(site_url + PROGRESS)
        row = page.locator('tr[data-quiz-id="leadership-m1"]')
        assert row.locator("[data-status]").inner_text() == "Not started", text
        assert row.locator("[data-best]").inner_text() == "–", text
    assert page.console_errors == []


@pytest.mark.parametrize("saved", [
    "{not json", "42", '{"result": {"dimensions": "none"}}', '{"result": {"dimensions": [null, 3]}}',
    '{"result": {"dimensions": [{"label": "Data", "score": "high", "level": "Initial"}]}}',
])
def test_the_strategy_builder_survives_malformed_readiness_data(page, site_url, saved):
    page.goto(site_url + "exercises/tools/strategy-builder.html")
    page.evaluate("s => localStorage.setItem('aipol.v1:tool:readiness:v1', s)", saved)
    page.reload()
    page.get_by_role("button", name="Add priorities from my readiness results").click()
    message = page.locator(".tool [data-message]")
    message.filter(has_text="readiness").wait_for()
    assert "cannot be read" in message.inner_text()
    assert page.console_errors == [], "the builder threw on malformed saved data"
