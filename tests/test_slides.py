"""Slide decks: one per module and session, offline reveal.js, reusing the module's own text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from sphinx_course.course.units import front_matter_from_file

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
    assert sum(len(n.get_text().split()) for n in notes) > 200, "speaker notes come from the trainer notes"


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


# --- Explicit markup ties decks to their module: the pure readers ---------------------------

from sphinx_course.errors import AuthoringError  # noqa: E402
from sphinx_course.trainer.slides import count_slides, fenced_blocks, item_range, quiz_questions, trainer_parts  # noqa: E402

MODULE_SOURCE = """\
# Module

:::{key-takeaways}
- One
- Two
:::

::::{quiz} demo
:::{question}
:type: single
:objective: x

Which is right?

- [ ] Wrong
  > Feedback.
- [x] Right
  > Yes.
:::

:::{question}
:type: ordering

Order these.

1. First
   > a
2. Second
   > b
:::
::::

:::{trainer-part} stray
Outside the trainer notes: never copied.
:::

:::::{trainer-notes}
::::{trainer-part} time-1
- 5 min: opening.
::::

::::{trainer-part} myth-1
- "A myth." The answer.
::::
:::::
"""


def test_fenced_blocks_find_a_directive_with_its_options_and_nested_body():
    (quiz,) = fenced_blocks(MODULE_SOURCE.splitlines(), "quiz")
    assert quiz.argument == "demo" and quiz.line == 8
    first, second = fenced_blocks(quiz.body, "question")
    assert first.options == {"type": "single", "objective": "x"}
    assert second.body[1] == "Order these."


def test_trainer_parts_are_only_those_inside_trainer_notes():
    parts = trainer_parts(MODULE_SOURCE.splitlines())
    assert sorted(parts) == ["myth-1", "time-1"]
    assert parts["time-1"].body == ["- 5 min: opening."]


def test_quiz_questions_read_stem_options_and_answers():
    single, ordering = quiz_questions(MODULE_SOURCE.splitlines())
    assert (single.qtype, single.stem[1], single.options, single.correct) == ("single", "Which is right?", ["Wrong", "Right"], [1])
    assert (ordering.options, ordering.correct) == (["First", "Second"], [0, 1])


@pytest.mark.parametrize("spec, count, expected", [
    (None, 5, [0, 1, 2, 3, 4]), ("1-3", 5, [0, 1, 2]), ("4-", 5, [3, 4]), ("2", 5, [1]),
])
def test_item_ranges_split_a_list(spec, count, expected):
    assert list(item_range(spec, count)) == expected


@pytest.mark.parametrize("spec, message", [("1-9", "outside the list, which has 5 items"), ("two", "is not a range")])
def test_bad_item_ranges_say_what_is_wrong(spec, message):
    with pytest.raises(AuthoringError, match=message):
        item_range(spec, 5)


def test_slide_count_counts_title_and_slides_but_not_code():
    assert count_slides("# Title\n\n## One\n\n```\n## not a slide\n```\n\n## Two\n### part of Two\n") == 3


def test_a_deck_naming_a_missing_trainer_part_fails_with_file_and_line(tmp_path):
    from conftest import sphinx_build, write_fixture_site

    site = write_fixture_site(tmp_path / "src", {
        "index.md": "# Home\n\n```{toctree}\nmodules/c/slides/01-x\n```\n",
        "modules/c/01-x.md": MODULE_SOURCE,
        "modules/c/slides/01-x.md": "# Deck\n\n## Slide\n\n```{slide-notes} time-9\n```\n",
    }, 'course_edition = "trainer"\n')
    build = sphinx_build(site, tmp_path / "out")
    assert build.returncode != 0
    assert "slides/01-x.md:5" in build.output
    assert "modules/c/01-x.md has no {trainer-part} 'time-9' in its trainer notes (it has: myth-1, time-1)" in build.output


# --- Built decks: notes, polls, links ----------------------------------------------------------

DECKS = [deck_of(Path("."), u) for u in UNITS]


def slides_of(page: BeautifulSoup) -> list:
    return [s for s in page.select(".reveal .slides section") if not s.find("section")]


@pytest.mark.parametrize("unit", UNITS, ids=[u.stem for u in UNITS])
def test_notes_on_at_least_80_percent_of_content_slides(decks, unit):
    content = slides_of(soup(deck_of(decks, unit)))[1:]  # all but the title slide
    with_notes = [s for s in content if s.select_one("aside.notes li, aside.notes p")]
    without = [s.find(["h2", "h1"]).get_text(strip=True) for s in content if s not in with_notes]
    assert len(with_notes) >= 0.8 * len(content), f"{unit.stem}: slides without speaker notes: {without}"


def test_notes_are_the_named_trainer_part_as_points(trainer_html, decks):
    """The 'Rights at stake' slide of Module 3 says {slide-notes} time-2: the module's part of that name."""
    unit = ROOT / "modules/leadership/03-law-and-human-rights.md"
    module = soup(trainer_html / "modules/leadership/03-law-and-human-rights.html")
    part = module.select_one(".trainer-part-time-2")
    assert part and part.find_parent(class_="trainer-only"), "the part sits inside the trainer notes"
    slide = next(s for s in slides_of(soup(deck_of(decks, unit))) if s.h2 and s.h2.get_text(strip=True) == "Rights at stake")
    notes = slide.select("aside.notes li")
    assert [li.get_text(" ", strip=True) for li in notes] == [li.get_text(" ", strip=True) for li in part.select("li")]
    assert notes[0].get_text().startswith("15 min: the rights at stake")


@pytest.mark.parametrize("unit", UNITS, ids=[u.stem for u in UNITS])
def test_decks_cover_their_session(decks, unit):
    """Objectives, scenario decisions, 2-3 polls with the answer on a fragment, takeaways; 3-5 minutes a slide."""
    slides = slides_of(soup(deck_of(decks, unit)))
    titles = [s.find(["h1", "h2"]).get_text(strip=True) for s in slides]
    polls = [s for s in slides if s.select_one(".deck-poll")]
    assert 2 <= len(polls) <= 3, titles
    questions = quiz_questions(unit.read_text(encoding="utf-8").splitlines())
    for poll in polls:
        answer = poll.select_one(".poll-answer")
        assert "fragment" in answer["class"], "the answer waits for the next click"
        options = [li.get_text(" ", strip=True) for li in poll.select("ol.poll-options > li")]
        question = questions[int(poll.select_one(".deck-poll")["id"].removeprefix("poll-")) - 1]
        assert len(options) == len(question.options)
        if question.qtype != "ordering":
            letters = answer.get_text().split(":", 1)[1].split(".")[0].strip()
            assert letters == ", ".join(chr(65 + i) for i in question.correct), f"{unit.stem}: {titles[slides.index(poll)]}"
    assert any("decisions" in t for t in titles), f"{unit.stem} has no scenario slide"
    assert titles[1].startswith("What you will be able to do") and titles[-1].startswith("Key takeaways")
    minutes = front_matter_from_file(unit)["duration"]
    assert minutes / 5 <= len(slides) <= minutes / 3 + 2, f"{unit.stem}: {len(slides)} slides for {minutes} minutes"


def test_every_deck_links_to_the_deck_index_and_its_module(trainer_html, decks):
    for unit in UNITS:
        deck = deck_of(decks, unit)
        links = {a.get_text(): (deck.parent / a["href"]).resolve() for a in soup(deck).select(".deck-links a")}
        assert links == {
            "All decks": (trainer_html / "docs/trainers/decks.html").resolve(),
            "Module page": (trainer_html / "modules" / unit.parent.name / f"{unit.stem}.html").resolve(),
        }, unit.stem
        assert all(target.exists() for target in links.values())


def test_deck_index_lists_every_deck_with_session_length_and_slide_count(trainer_html, decks):
    page = trainer_html / "docs/trainers/decks.html"
    rows = soup(page).select("table.deck-index tbody tr")
    assert len(rows) == len(UNITS) == 13
    first = [c.get_text(strip=True) for c in rows[0].select("td")]
    assert first[0].startswith("Module 1") and rows[-1].get_text().count("Session 4") == 1
    for row in rows:
        session, length, count, deck = row.select("td")
        target = (page.parent / deck.a["href"]).resolve()
        built = slides_of(soup(target))
        assert int(count.get_text()) == len(built), target.name
        unit = (page.parent / session.a["href"]).resolve()
        assert unit.exists() and length.get_text().endswith("min")
    hub = soup(trainer_html / "docs/trainers/index.html")
    assert hub.select_one('a[href="decks.html"]'), "the trainer hub links to the deck index"


def test_learner_edition_has_no_deck_index(site_html):
    page = soup(site_html / "docs/trainers/decks.html")
    assert not page.select("table.deck-index") and "trainer edition" in page.get_text()


@pytest.mark.browser
def test_every_slide_of_every_deck_fits_the_slide(browser, serve, decks):
    """Each slide's content fits reveal.js's canvas (960 x 700): nothing is clipped off the bottom.

    On main before this change, 75 of 115 slides overflowed (every objectives and takeaways slide).
    """
    base = serve(decks)
    tab = browser.new_page(viewport={"width": 1280, "height": 800})
    overflowing = []
    for unit in UNITS:
        tab.goto(base + deck_of(Path("."), unit).as_posix())
        tab.wait_for_selector(".reveal.ready")
        measured = tab.evaluate("""() => Reveal.getSlides().map(slide => {
            const {h, v} = Reveal.getIndices(slide);
            Reveal.slide(h, v);
            const title = slide.querySelector('h1, h2, h3');
            return {number: h + 1, title: title ? title.textContent.trim() : '', height: slide.scrollHeight,
                    limit: Reveal.getConfig().height};
        })""")
        assert len(measured) >= 10, unit.stem
        overflowing += [f"{unit.parent.name}/{unit.stem}, slide {m['number']} ({m['title']}): "
                        f"{m['height']} px of {m['limit']}" for m in measured if m["height"] > m["limit"]]
    tab.close()
    assert overflowing == [], "slides taller than the slide:\n" + "\n".join(overflowing)


def test_learner_home_has_no_trainer_block(site_html):
    assert not soup(site_html / "index.html").select(".trainer-home")


def test_trainer_pages_show_no_build_commands(trainer_html):
    """Build commands belong in the README and the authoring guide, not on pages for trainers."""
    pages = [trainer_html / "index.html", *sorted((trainer_html / "docs/trainers").rglob("*.html"))]
    for page in pages:
        text = soup(page).select_one("article").get_text(" ")
        assert not re.search(r"\bmake (html|trainer|slides|pdf|test)\b|sphinx-build", text), page.name


def test_a_matching_question_reads_as_items_with_their_categories():
    source = """::::{quiz} m
:::{question}
:type: matching
:extra-categories: Dependence on one supplier

Which risk does each safeguard address?

- Verify every match => Automation bias
- Test error rates for each group => Unequal error rates
:::
::::
"""
    (poll,) = quiz_questions(source.splitlines())
    assert poll.options == ["Verify every match", "Test error rates for each group"]
    assert poll.categories == ("Automation bias", "Unequal error rates")
    assert poll.extra_categories == ("Dependence on one supplier",)
    assert "Which risk does each safeguard address?" in poll.stem
    assert not any(line.startswith("- ") for line in poll.stem)
