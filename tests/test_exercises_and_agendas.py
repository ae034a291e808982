"""Counter-terrorism sessions, the exercise bank, and agendas computed from durations."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from conftest import sphinx_build, write_fixture_site
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
        guide = soup(trainer_html / f"{unit['docname']}.html").select_one(".trainer-only .admonition-title")
        assert guide and guide.get_text(strip=True) == "Facilitator guide"


def test_every_exercise_is_reachable_from_the_exercise_index(site_html, index):
    page = soup(site_html / "exercises/index.html")
    linked = {a["href"].split("#")[0] for a in page.select("table.exercise-index a")}
    for unit in (u for u in index["units"] if u["kind"] == "exercise"):
        assert unit["docname"].replace("exercises/", "") + ".html" in linked
    groups = " ".join(li.get_text(" ") for li in page.select(".exercise-groups li"))
    for principle in ("Lawfulness", "Fairness", "Good Governance"):
        assert principle + ":" in groups


def minutes(text: str) -> int:
    hours, mins = text.split(":")
    return int(hours) * 60 + int(mins)


@pytest.mark.parametrize("docname", AGENDA_PAGES)
def test_agenda_times_add_up(site_html, docname):
    agendas = soup(site_html / f"{docname}.html").select(".agenda")
    assert agendas
    for agenda in agendas:
        rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in agenda.select("tbody tr")]
        for (start, end, _item, length), following in zip(rows, rows[1:] + [None]):
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
