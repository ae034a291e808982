"""What the build writes for navigation and search: pure helpers, then built HTML fragments.

The journeys in tests/journeys/ check the same things in a browser; these say
exactly which markup and data the build must produce.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup
from docutils.core import publish_doctree

from sphinx_course.theme.repairs import unit_position
from sphinx_course.theme.search_snippets import section_summaries, shorten, summaries_script


def page(site_html: Path, docname: str) -> BeautifulSoup:
    return BeautifulSoup((site_html / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


UNITS = {
    "course/01": {"kind": "module"},
    "course/02": {"kind": "module"},
    "course/03": {"kind": "module"},
    "exercises/a": {"kind": "exercise"},
}


def test_a_unit_counts_only_units_of_its_kind_in_its_parents_toctree():
    siblings = ["course/01", "course/workshop-format", "course/02", "course/03", "exercises/a"]
    assert unit_position("course/02", siblings, UNITS) == (2, 3)
    assert unit_position("course/03", siblings, UNITS) == (3, 3)
    assert unit_position("exercises/a", siblings, UNITS) == (1, 1)
    assert unit_position("course/workshop-format", siblings, UNITS) is None, "not a unit: no position"
    assert unit_position("course/01", ["course/01", "course/01", "course/02"], UNITS) == (1, 2), "repeats count once"


def test_summaries_are_cut_at_a_word_with_an_ellipsis():
    assert shorten("  A   short\n text ") == "A short text"
    cut = shorten("alpha beta gamma delta", limit=13)
    assert cut == "alpha beta…"


SECTIONS_RST = """
Page title
==========

Opening words of the page.

.. container:: unit-header

   Time: about 60 minutes

First section
-------------

Text of the first section.

Subsection
~~~~~~~~~~

Text of the subsection.
"""


def test_each_section_is_summarised_from_its_own_text_without_titles_or_the_unit_header():
    # As Sphinx reads pages: the title stays a section (no docutils doctitle transform).
    doctree = publish_doctree(SECTIONS_RST, settings_overrides={"report_level": 5, "doctitle_xform": False})
    assert section_summaries(doctree) == [
        ["", "Opening words of the page."],
        ["first-section", "Text of the first section."],
        ["subsection", "Text of the subsection."],
    ]


def test_the_summaries_script_is_stable_and_sorted():
    script = summaries_script({"b": [["", "Bé"]], "a": [["", "A"]]})
    assert script.endswith('window.courseSearchSummaries={"a":[["","A"]],"b":[["","Bé"]]};\n')


def test_units_say_where_they_sit_linked_to_their_overview(site_html):
    expected = {
        "modules/leadership/03-law-and-human-rights": ("index.html", "The leadership course", "Module 3 of 9"),
        "modules/counter-terrorism/02-human-rights": ("index.html", "Counter-terrorism", "Session 2 of 4"),
        "exercises/scenarios/predictive-tool-drift": ("../index.html", "Exercises", r"Exercise \d+ of 10"),
    }
    for docname, (href, overview, position) in expected.items():
        trail = page(site_html, docname).select_one("nav.course-trail")
        assert trail is not None, f"{docname} does not say where it sits"
        link = trail.find("a")
        assert link["href"] == href and link.get_text(strip=True).startswith(overview), (docname, link)
        assert re.fullmatch(position, trail.select_one("[aria-current=page]").get_text(strip=True)), docname
        assert trail.find_parent("article") is None, "the trail must stay out of the article (and its search snippets)"
    assert page(site_html, "docs/public/your-rights").select_one("nav.course-trail") is None, "only units have a trail"


def test_one_header_only_whose_buttons_the_theme_scripts_wire(site_html):
    soup = page(site_html, "modules/leadership/01-ai-in-law-enforcement")
    # The themes' scripts wire the first .primary-toggle / .secondary-toggle: they must be the visible pair.
    assert len(soup.select(".primary-toggle")) == 1 and soup.select_one(".primary-toggle").find_parent(class_="bd-header-article")
    assert len(soup.select(".secondary-toggle")) == 1
    assert len(soup.select(".search-button-field")) == 1, "one search box, in the sidebar"
    home = soup.select_one(".bd-header-article a.course-home-link")
    assert home["href"] == "../../index.html" and home.get_text(strip=True) == "AI-POL"


def test_the_authoring_guide_sits_under_about_not_in_the_learners_menu(site_html):
    home = page(site_html, "index")
    top_level = [a.get_text(strip=True) for a in home.select("nav.bd-docs-nav ul > li.toctree-l1 > a")]
    assert "The authoring guide" not in top_level, top_level
    about = page(site_html, "docs/about/index")
    assert about.select_one("article a[href='../authoring/index.html']"), "About links to the authoring guide"
    public = page(site_html, "docs/public/index")
    previous = public.select_one("a.left-prev .prev-next-title").get_text(strip=True)
    assert previous != "What the build checks", "the public section's Previous link leads into the authoring guide"


def test_search_snippets_come_from_article_text_only(site_html):
    script = (site_html / "_static" / "course-search-summaries.js").read_text(encoding="utf-8")
    data = json.loads(script.split("=", 1)[1].rstrip(";\n"))
    quiz_page = json.dumps(data["docs/authoring/quizzes"], ensure_ascii=False)
    assert "A lead to be checked" not in quiz_page, "a quiz's answer options reached the search snippets"
    rights = dict(data["docs/public/your-rights"])
    assert rights[""].startswith("Police use of AI affects people"), rights[""][:80]
    text = json.dumps(data, ensure_ascii=False)
    for menu in ("System Settings", "Skip to main content", "Back to top", "Toggle secondary sidebar"):
        assert menu not in text, f"menu text {menu!r} in the search snippets"
    search = page(site_html, "search")
    sources = [s.get("src", "") for s in search.select("script")]
    assert any(s.startswith("_static/course-search-summaries.js") for s in sources)
    assert not any("course-search" in s for s in (t.get("src", "") for t in page(site_html, "index").select("script"))), \
        "the snippets load on the search page only"
