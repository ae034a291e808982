"""Counter-terrorism sessions, the exercise bank, and agendas computed from durations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import save_screenshot, sphinx_build, write_fixture_site
from test_course import prose_words

CT_SESSIONS = ["01-uses-and-limits", "02-human-rights", "03-malicious-use", "04-governance-cooperation"]
PARTS = ["Context", "Roles", "Injects", "Discussion questions", "Decisions to make", "Principles and law at stake"]
AGENDA_PAGES = ["modules/counter-terrorism/national-workshop", "modules/counter-terrorism/global-session", "docs/trainers/formats"]


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def index(site_html):
    return json.loads((site_html / "course-index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("session", CT_SESSIONS)
def test_counter_terrorism_session_meets_its_floors(site_html, session):
    article = soup(site_html / "modules/counter-terrorism" / f"{session}.html").select_one("article")
    assert article.select_one(".unit-header .unit-objectives li")
    assert prose_words(article) >= 1800
    questions = article.select(".quiz .quiz-question")
    assert len(questions) >= 5 and len({q["data-question-type"] for q in questions}) >= 3
    assert article.select_one("section#further-reading a.reference.external")


def test_counter_terrorism_sessions_are_in_the_course_index(index):
    docnames = {u["docname"] for u in index["units"]}
    assert {f"modules/counter-terrorism/{s}" for s in CT_SESSIONS} <= docnames


def test_exercise_bank_has_enough_of_each_track(index):
    exercises = [u for u in index["units"] if u["kind"] == "exercise"]
    assert len(exercises) >= 10
    assert sum(e["track"] == "counter-terrorism" for e in exercises) >= 4


def test_every_exercise_has_every_part_and_is_labelled_fictional(site_html, trainer_html, index):
    for unit in (u for u in index["units"] if u["kind"] == "exercise"):
        page = soup(site_html / f"{unit['docname']}.html").select_one("article")
        headings = [h.get_text(strip=True).rstrip("#") for h in page.select("h2")]
        assert all(part in headings for part in PARTS), (unit["docname"], headings)
        assert len([h for h in page.select("h3") if h.get_text().startswith("Inject")]) >= 2
        assert "Fictional exercise" in page.select_one(".exercise-header").get_text()
        assert not page.select(".trainer-only"), "facilitator guide is not in the learner edition"
        trainer_page = soup(trainer_html / f"{unit['docname']}.html")
        sections = trainer_page.select("article section > h2")
        assert sections[-1].get_text(strip=True).rstrip("#") == "Facilitator guide", "the guide comes last, as a heading"
        assert "trainer-only" in sections[-1].parent["class"]
        on_this_page = [a.get_text(strip=True) for a in trainer_page.select(".bd-toc-nav a, nav.page-toc a")]
        assert "Facilitator guide" in on_this_page, "the guide is listed in 'On this page'"


def test_every_exercise_is_reachable_from_the_exercise_index(site_html, index):
    page = soup(site_html / "exercises/index.html")
    linked = {a["href"].split("#")[0] for a in page.select("table.exercise-index a")}
    for unit in (u for u in index["units"] if u["kind"] == "exercise"):
        assert unit["docname"].replace("exercises/", "") + ".html" in linked
    assert not page.select(".exercise-groups"), "one table, no repeated lists"
    headers = [th.get_text(strip=True) for th in page.select("table.exercise-index thead th")]
    assert headers == ["Exercise", "Track", "Minutes", "Length", "Principles"]
    for row in page.select("table.exercise-index tbody tr"):
        minutes, band = (int(row.select("td")[2].get_text()), row.select("td")[3].get_text(strip=True))
        assert band == ("Up to 45 minutes" if minutes <= 45 else "45–90 minutes" if minutes <= 90 else "Over 90 minutes")


def minutes(text: str) -> int:
    hours, mins = text.split(":")
    return int(hours) * 60 + int(mins)


@pytest.mark.parametrize("docname", AGENDA_PAGES)
def test_agenda_times_add_up(site_html, docname):
    agendas = soup(site_html / f"{docname}.html").select(".agenda")
    assert agendas
    for agenda in agendas:
        rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in agenda.select("tbody tr")]
        for (start, end, _item, length), following in zip(rows, rows[1:] + [None], strict=False):
            assert minutes(end) - minutes(start) == int(length)
            if following:
                assert following[0] == end, "items run back to back"
        total = sum(int(r[3]) for r in rows)
        summary = agenda.select_one(".agenda-total").get_text(" ", strip=True)
        stated = re.search(r"Total: (\d+) minutes, (\d\d:\d\d) to (\d\d:\d\d) \(the format allows (\d+) minutes\)", summary)
        assert stated, summary
        assert int(stated.group(1)) == total == minutes(stated.group(3)) - minutes(stated.group(2))
        assert total == int(stated.group(4)), "each agenda fills exactly the length of its format"


def test_formats_cover_every_delivery_format(site_html):
    titles = [r.get_text() for r in soup(site_html / "docs/trainers/formats.html").select(".agenda .rubric")]
    assert titles[:5] == [
        "Executive briefing (90 minutes)", "Half-day workshop", "One-day workshop",
        "Two-day course, day 1", "Two-day course, day 2",
    ]


def test_trainer_edition_gathers_trainer_notes_in_running_order(trainer_html):
    page = soup(trainer_html / "modules/counter-terrorism/global-session.html")
    notes = page.select_one(".agenda-notes")
    titles = [p.get_text(strip=True) for p in notes.find_all("p", recursive=False) if p.strong]
    assert titles[:3] == [
        "Session 3: Malicious use of AI by terrorist groups",
        "Session 4: Governance and international cooperation",
        "Exercise: A deepfake claims responsibility",
    ]
    assert notes.select(".admonition.trainer-only")


AGENDA_FIXTURE = """# Agenda

::::{{agenda}} Short day
:start: 09:00
:length: {length}

- 10 Welcome
- /modules/unit
- break 15 Coffee
- {extra}
::::
"""
UNIT = """---
duration: 30
objectives:
  - id: a
    text: Explain a.
  - id: b
    text: Explain b.
  - id: c
    text: Explain c.
legal-review: 2026-11-01
---

# Unit

::::{quiz} agenda-unit
:::{question}
:type: ordering
:objective: a

Order.

1. A
2. B
:::
:::{question}
:type: ordering
:objective: b

Order.

1. A
2. B
:::
:::{question}
:type: ordering
:objective: c

Order.

1. A
2. B
:::
::::
"""


def build_agenda(tmp_path, length: int, extra: str):
    pages = {
        "index.md": AGENDA_FIXTURE.format(length=length, extra=extra) + "\n```{toctree}\nmodules/unit\n```\n",
        "modules/unit.md": UNIT,
    }
    src = write_fixture_site(tmp_path / "src", pages)
    return sphinx_build(src, tmp_path / "out")


def test_agenda_that_overruns_its_format_warns(tmp_path):
    build = build_agenda(tmp_path, 60, "/modules/unit")
    problems = "\n".join(build.problems)
    assert 'Agenda "Short day" needs 85 minutes but the format allows 60.' in problems
    assert "[course.agenda_overrun]" in problems


def test_agenda_item_that_is_not_a_unit_is_an_error(tmp_path):
    build = build_agenda(tmp_path, 200, "/modules/missing")
    assert "index.md:10: ERROR: Agenda item /modules/missing is not a module, session or exercise" in "\n".join(build.problems)


def test_agenda_line_that_is_not_an_item_is_an_error(tmp_path):
    build = build_agenda(tmp_path, 200, "Coffee for everyone")
    assert 'index.md:10: ERROR: Agenda item "Coffee for everyone" is not a page' in "\n".join(build.problems)


# --- Prepare-and-print packs ------------------------------------------------------------------

PACK_PAGES = ["briefing", "half-day", "one-day", "two-day", "ct-national-workshop", "ct-global-session"]


def pack_page(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"docs/trainers/packs/{name}.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("name", PACK_PAGES)
def test_each_format_has_a_pack_with_what_to_send_materials_and_room(site_html, name):
    page = pack_page(site_html, name)
    headings = [h.get_text(strip=True).rstrip("#") for h in page.select("article h2")]
    assert headings == ["Send beforehand", "Room set-up", "Materials and sheets"]
    materials = page.select_one("ul.pack-materials").get_text(" ", strip=True)
    assert "Flipcharts" in materials and "Handouts" in materials
    assert page.select(".pack-sheets section.handout"), "the pack prints its modules' handouts"


def test_half_day_pack_prints_handouts_in_running_order_and_lists_the_card_sort(site_html):
    page = pack_page(site_html, "half-day")
    assert [s["id"] for s in page.select(".pack-sheets section.handout")] == [
        "handout-01-ai-in-law-enforcement", "handout-02-principles", "handout-03-law-and-human-rights"]
    assert "Cards for the principles sort" in page.select_one("ul.pack-materials").get_text()
    handouts = page.select_one("ul.pack-materials li")
    assert [a["href"] for a in handouts.select("a")] == [
        "../handouts/01-ai-in-law-enforcement.html", "../handouts/02-principles.html", "../handouts/03-law-and-human-rights.html"
    ], "the materials list links each handout to its own page"


def test_role_cards_and_inject_sheets_come_from_the_exercise_markup(site_html):
    """One card per '## Roles' item and one sheet per '### Inject N — at M minutes', with the minute."""
    exercise = BeautifulSoup((site_html / "exercises/scenarios/ct-deepfake-claim.html").read_text(encoding="utf-8"), "html.parser")
    roles_section = next(s for s in exercise.select("section") if s.h2 and s.h2.get_text(strip=True).rstrip("#") == "Roles")
    role_names = [li.strong.get_text(strip=True) for li in roles_section.select("ul > li")]
    inject_titles = [h.get_text(strip=True).rstrip("#") for h in exercise.select("h3") if h.get_text().startswith("Inject")]
    page = pack_page(site_html, "ct-global-session")
    cards = page.select(".role-card")
    assert [c.find(["h3", "h4"]).get_text(strip=True).rstrip("#") for c in cards] == [f"Role card: {n}" for n in role_names]
    sheets = page.select(".inject-sheet")
    assert [s.find(["h3", "h4"]).get_text(strip=True).rstrip("#") for s in sheets] == inject_titles
    minutes = [re.search(r"at (\d+) minutes", t).group(1) for t in inject_titles]
    assert [re.search(r"Hand out at minute (\d+)", s.get_text()).group(1) for s in sheets] == minutes
    materials = page.select_one("ul.pack-materials").get_text(" ", strip=True)
    assert f"{len(role_names)} role cards" in materials and f"{len(inject_titles)} inject sheets" in materials


def test_participant_version_has_no_injects_and_no_facilitator_content(trainer_html):
    page = pack_page(trainer_html, "ct-global-session")
    version = page.select_one(".participant-version")
    headings = [h.get_text(strip=True).rstrip("#") for h in version.select("h4")]
    assert "Context" in headings and "Roles" in headings and "Decisions to make" in headings
    assert "Injects" not in headings and not version.select(".trainer-only")
    assert "Facilitator guide" not in version.get_text()
    ids = [t["id"] for t in page.select("[id]")]
    assert len(ids) == len(set(ids)), "copied sections get ids of their own"


@pytest.mark.browser
def test_exercise_index_filters_and_sorts_in_the_browser(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "exercises/index.html")
    rows = page.locator("table.exercise-index tbody tr")
    total = rows.count()
    status = page.locator(".exercise-filter-status")
    assert status.inner_text() == f"Showing {total} of {total} exercises."
    page.get_by_label("Track").select_option("Counter-terrorism")
    visible = page.locator("table.exercise-index tbody tr:not([hidden])")
    assert 0 < visible.count() < total, "the track filter hid no rows"
    assert all(t == "Counter-terrorism" for t in visible.locator("td:nth-child(2)").all_inner_texts())
    page.get_by_label("Principles").select_option("Fairness")
    assert all("Fairness" in t for t in visible.locator("td:nth-child(5)").all_inner_texts())
    page.get_by_label("Track").select_option("")
    page.get_by_label("Principles").select_option("")
    page.get_by_role("button", name="Minutes").click()
    minutes = [int(t) for t in rows.locator("td:nth-child(3)").all_inner_texts()]
    assert minutes == sorted(minutes), "sorting by minutes did not order the rows"
    page.get_by_role("button", name="Minutes").click()
    minutes = [int(t) for t in rows.locator("td:nth-child(3)").all_inner_texts()]
    assert minutes == sorted(minutes, reverse=True)
    from conftest import ROOT, axe_violations
    (ROOT / "_build" / "journeys").mkdir(parents=True, exist_ok=True)
    save_screenshot(page, "trainer-exercise-index")
    assert axe_violations(page) == [] and page.console_errors == []
