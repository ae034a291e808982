"""Slide decks: one per module and session, offline reveal.js, reusing the module's own text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from sphinx_course.units import front_matter_from_file

UNITS = sorted(p for p in (ROOT / "modules").glob("*/0*.md"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def decks(trainer_html) -> Path:
    return trainer_html / "slides"


def straight(text: str) -> str:
    """Sphinx turns quotes into typographic ones; compare the words, not the quote style."""
    return text.translate(str.maketrans("‘’“”", "''\"\""))


def deck_of(decks: Path, unit: Path) -> Path:
    return decks / "modules" / unit.parent.name / "slides" / f"{unit.stem}.html"


def test_every_module_and_session_has_a_deck_source():
    missing = [u.name for u in UNITS if not (u.parent / "slides" / u.name).exists()]
    assert len(UNITS) == 13 and missing == []


@pytest.mark.parametrize("unit", UNITS, ids=[u.stem for u in UNITS])
def test_deck_reuses_objectives_takeaways_and_trainer_notes(decks, unit):
    page = soup(deck_of(decks, unit))
    slides = page.select(".reveal .slides section")
    assert len(slides) >= 6
    objectives = [straight(li.get_text(" ", strip=True)) for li in page.select("ul.unit-objectives li")]
    assert objectives == [straight(o["text"]) for o in front_matter_from_file(unit)["objectives"]]
    takeaways = [s for s in slides if s.find(["h2"]) and "Key takeaways" in s.h2.get_text()]
    assert takeaways and len(takeaways[0].select("li")) >= 3
    notes = page.select("aside.notes")
    assert notes and len(notes[0].get_text().split()) > 50, "speaker notes come from the trainer notes"


def test_decks_run_offline_with_bundled_reveal_js(decks):
    for deck in [*decks.glob("modules/*/slides/*.html"), decks / "slides" / "index.html"]:
        html = deck.read_text(encoding="utf-8")
        sources = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert not [s for s in sources if s.startswith(("http://", "https://", "//")) and "reveal" in s]
        assert re.search(r'<script src="[./]*_static/revealjs/dist/reveal.js"', html) or deck.name == "index.html"
    assert (decks / "_static" / "revealjs" / "dist" / "reveal.js").exists()


def test_trainer_module_pages_link_to_their_deck(trainer_html, decks):
    for unit in UNITS:
        page = trainer_html / "modules" / unit.parent.name / f"{unit.stem}.html"
        link = soup(page).select_one(".unit-deck a")
        assert link, unit.stem
        assert (page.parent / link["href"]).resolve() == deck_of(decks, unit).resolve()


def test_learner_pages_do_not_link_to_decks(site_html):
    page = soup(site_html / "modules/leadership/01-ai-in-law-enforcement.html")
    assert not page.select(".unit-deck")


@pytest.mark.browser
def test_decks_pass_axe_and_request_nothing_from_elsewhere(page, serve, decks):
    from conftest import axe_violations

    base = serve(decks)
    failed = []
    page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    for deck in ("modules/leadership/slides/03-law-and-human-rights.html", "modules/counter-terrorism/slides/02-human-rights.html"):
        page.goto(base + deck)
        page.wait_for_selector(".reveal.ready")
        assert axe_violations(page) == [], deck
        page.keyboard.press("ArrowRight")
        assert page.evaluate("Reveal.getIndices().h") == 1, "keyboard moves to the next slide"
    assert [u for u in page.requests if not u.startswith(base)] == []
    assert failed == [] and page.console_errors == []
