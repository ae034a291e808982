"""The site builds cleanly and its skeleton is in place: doors, sections, glossary, references."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

SECTION_LANDINGS = [
    "modules/leadership/index",
    "modules/counter-terrorism/index",
    "exercises/index",
    "docs/trainers/index",
    "docs/public/index",
]
CORE_TERMS = [
    "AI system", "machine learning", "training data", "bias", "automation bias", "facial recognition",
    "remote biometric identification", "predictive policing", "human oversight",
    "fundamental rights impact assessment", "deployer", "provider", "explainability",
]


def page(site_html: Path, docname: str) -> BeautifulSoup:
    return BeautifulSoup((site_html / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


def test_build_has_no_warnings(site):
    assert site.returncode == 0 and not site.problems, "\n".join(site.problems)


def test_home_page_has_three_doors_with_promises(site_html):
    cards = page(site_html, "index").select(".sd-card")
    titles = [card.select_one(".sd-card-title").get_text(strip=True) for card in cards]
    assert titles == ["Executives", "Trainers", "Public"]
    targets = [card.find("a")["href"] for card in cards]
    assert targets == ["modules/leadership/index.html", "docs/trainers/index.html", "docs/public/index.html"]
    for card in cards:
        assert card.find("strong").get_text(strip=True), "each door carries a one-line promise"


def test_navigation_mirrors_the_three_doors(site_html):
    captions = [c.get_text(strip=True) for c in page(site_html, "index").select("nav.bd-links p.caption")]
    assert captions[:3] == ["Executives", "Trainers", "Public"]


def test_section_landing_pages_exist_and_say_what_they_hold(site_html):
    for docname in SECTION_LANDINGS:
        text = page(site_html, docname).select_one("article").get_text(" ", strip=True)
        assert len(text.split()) > 80, docname
        assert not re.search(r"lorem ipsum|coming soon|\bTODO\b|\bTBD\b", text, re.I), docname


def test_glossary_defines_the_core_terms(site_html):
    glossary = page(site_html, "docs/glossary")
    defined = {dt.get_text(strip=True).rstrip("¶#").lower() for dt in glossary.select("dl.glossary dt")}
    for term in CORE_TERMS:
        assert term.lower() in defined, term
    for dd in glossary.select("dl.glossary dd"):
        assert len(dd.get_text().split()) >= 12, "definitions are plain sentences, not stubs"


def test_pages_link_into_the_glossary(site_html):
    linking = [p for p in site_html.rglob("*.html") if "glossary.html#term-" in p.read_text(encoding="utf-8")]
    assert len(linking) >= 5


def test_about_page_and_references_exist(site_html):
    about = " ".join(page(site_html, "docs/about/index").get_text(" ").split())
    for fact in ("UNICRI", "INTERPOL", "2023", "February 2024", "Service for Foreign Policy Instruments"):
        assert fact in about
    references = page(site_html, "docs/references")
    assert len(references.select("article a.reference.external")) >= 5


@pytest.mark.parametrize("edition", ["", "fr", "es", "ar"])
def test_every_page_is_reachable_from_the_navigation(site_html, edition):
    """No orphans: every page of each edition appears in the site navigation of its home page."""
    root = site_html / edition
    nav = page(root, "index").select_one("nav.bd-links")
    linked = {a["href"].split("#")[0] for a in nav.find_all("a", href=True)}
    linked.add("index.html")
    special = {"genindex.html", "search.html", "404.html"}
    pages = {p.relative_to(root).as_posix() for p in root.rglob("*.html")
             if edition or p.relative_to(root).parts[0] not in ("fr", "es", "ar")} - special
    assert pages - linked == set()


def test_non_pages_are_not_published(site_html):
    for name in ("README.html", "tests", "sphinx_course", ".venv", "_sources", "node_modules"):
        assert not (site_html / name).exists(), name
