"""`make pdf`: course book, trainer's manual and handouts, printed offline and checked by their text."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from sphinx_course.cli.pdf import PACKS, TRAINERS_MANUAL, course_book, make_pdfs

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pdfs(site_html, trainer_html, tmp_path_factory, browser):
    out = tmp_path_factory.mktemp("pdf")
    # Relative paths, as `make pdf` passes them (_build/html), which file:// URIs cannot hold.
    pages = make_pdfs(Path(os.path.relpath(site_html)), Path(os.path.relpath(trainer_html)), out, browser)
    return out, pages


def text(path) -> str:
    """The PDF's text with ligatures (ﬁ, ﬂ) unfolded and whitespace collapsed."""
    raw = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(unicodedata.normalize("NFKC", raw).split())


def module_titles(site_html) -> list[str]:
    """The modules' titles in the order the site's navigation lists them on the course overview."""
    overview = BeautifulSoup((site_html / "modules/leadership/index.html").read_text(), "html.parser")
    modules = [a["href"] for a in overview.select("nav.bd-docs-nav a[href]") if re.fullmatch(r"\d\d-[^/#]+\.html", a["href"])]
    assert len(modules) == 9, f"the navigation lists {len(modules)} leadership modules, not 9: {modules}"
    titles = []
    for module in modules:
        page = BeautifulSoup((site_html / "modules/leadership" / module).read_text(), "html.parser")
        titles.append(" ".join(page.select_one("article h1").get_text().replace("#", "").split()))
    return titles


def first_trainer_sentence(trainer_html) -> str:
    page = BeautifulSoup((trainer_html / "modules/leadership/01-ai-in-law-enforcement.html").read_text(), "html.parser")
    words = page.select_one(".trainer-only p:not(.admonition-title)").get_text(" ").split()
    return " ".join(words[:8])


def test_course_book_has_every_module_and_no_trainer_content(pdfs, site_html, trainer_html):
    out, _pages = pdfs
    book = text(out / "course-book.pdf")
    for title in module_titles(site_html):
        assert title[:40] in book, title
    assert "Glossary" in book and "References" in book
    assert "Trainer notes" not in book
    assert first_trainer_sentence(trainer_html) not in book
    assert "Answers and explanations" not in book, "quizzes print as questions only"
    assert "☐" in book or "Question 1 of" in book


def test_trainers_manual_has_agendas_notes_guides_and_answer_keys(pdfs, site_html, trainer_html):
    out, _pages = pdfs
    manual = text(out / "trainers-manual.pdf")
    assert "Executive briefing (90 minutes)" in manual and "National workshop (one day)" in manual
    assert "Trainer notes" in manual and "Facilitator guide" in manual
    assert "Answer key" in manual and "Correct:" in manual
    assert first_trainer_sentence(trainer_html) in manual
    for title in module_titles(site_html):
        assert title[:40] in manual


def test_every_module_and_session_has_a_short_handout(pdfs, site_html):
    """Each handout page prints to its own PDF of one or two A4 pages, titled as its unit."""
    out, pages = pdfs
    handouts = {name: count for name, count in pages.items() if name.startswith("handouts/")}
    contents = BeautifulSoup((site_html / "docs/trainers/handouts.html").read_text(encoding="utf-8"), "html.parser")
    listed = [a["href"] for a in contents.select("table.handouts-contents tbody td:first-child a")]
    assert list(handouts) == [f"handouts/{Path(href).stem}.pdf" for href in listed] and len(handouts) == 13
    too_long = {name: count for name, count in handouts.items() if not 1 <= count <= 2}
    assert too_long == {}, f"handouts longer than two A4 pages (or empty): {too_long}"
    for name in handouts:
        reader = PdfReader(out / name)
        assert reader.pages[0].mediabox.height == pytest.approx(842, abs=1), f"{name} is not A4"
        assert reader.metadata.title.startswith("Handout: Module ") or reader.metadata.title.startswith("Handout: Session ")
    sample = text(out / "handouts" / "03-law-and-human-rights.pdf")
    assert sample.startswith("Module 3: Law and human rights"), sample[:80]
    for part in ("Learning objectives", "Key takeaways", "Scenario discussion questions", "Key sources"):
        assert part in sample
    assert not re.search(r"Module [1-9]:.*Module [1-9]:", sample[:200]), "one module per handout"


def test_each_agenda_prints_as_a_one_page_run_sheet(site_html, browser):
    from io import BytesIO

    from sphinx_course.cli.pdf import print_to_pdf

    tab = browser.new_page()
    printed = print_to_pdf(tab, (site_html / "docs/trainers/formats.html").as_uri())
    tab.close()
    titles = [r.get_text() for r in BeautifulSoup((site_html / "docs/trainers/formats.html").read_text(), "html.parser").select(".agenda .rubric")]
    pages = [unicodedata.normalize("NFKC", p.extract_text()) for p in PdfReader(BytesIO(printed)).pages]
    for title in titles:
        # Each run sheet starts a page of its own and ends, with its total, on that same page.
        holding = [page for page in pages if page.splitlines()[0].strip() == title]
        assert len(holding) == 1, f"{title}: starts {len(holding)} pages"
        assert re.search(r"Total: \d+ minutes", holding[0]) and "Start End Item Minutes" in holding[0]


def test_handouts_and_manual_run_in_course_order_after_a_contents_list(site_html, trainer_html):
    """Leadership modules 1-9, then counter-terrorism sessions 1-4 (then, in the manual, exercises)."""
    expected = [f"0{n}" for n in range(1, 10)] + [f"0{n}" for n in range(1, 5)]
    handouts = BeautifulSoup((site_html / "docs/trainers/handouts.html").read_text(encoding="utf-8"), "html.parser")
    pages = [a["href"] for a in handouts.select("table.handouts-contents tbody td:first-child a")]
    assert [Path(page).stem[:2] for page in pages] == expected
    assert pages[0] == "handouts/01-ai-in-law-enforcement.html" and pages[9] == "handouts/01-uses-and-limits.html"
    manual = BeautifulSoup((trainer_html / "docs/trainers/manual.html").read_text(encoding="utf-8"), "html.parser")
    units = [s["id"] for s in manual.select("section.manual-unit")]
    assert [u.removeprefix("manual-")[:2] for u in units[:13]] == expected and len(units) > 13
    assert [a["href"] for a in manual.select(".gathered-contents a")] == [f"#{u}" for u in units]


def outline_titles(path) -> list[str]:
    return [item.title for item in PdfReader(path).outline if not isinstance(item, list)]


def test_course_book_and_manual_have_bookmarks_for_their_parts(pdfs, site_html):
    out, _pages = pdfs
    book = outline_titles(out / "course-book.pdf")
    assert book[1:10] == module_titles(site_html) and book[-2:] == ["Glossary", "References"]
    manual = outline_titles(out / "trainers-manual.pdf")
    assert manual == ["Delivery formats and run sheets", "National workshop: one day", "Global session: half a day",
                      "Trainer’s manual"]


def test_each_format_has_a_pack_pdf_in_running_order(pdfs):
    out, pages = pdfs
    packs = {name: count for name, count in pages.items() if name.startswith("packs/")}
    assert sorted(packs) == sorted(f"packs/{n}.pdf" for n in PACKS)
    half_day = text(out / "packs" / "half-day.pdf")
    last_line = "3. Handout: Module 3: Law and human rights"
    sheets = half_day.index(last_line) + len(last_line)  # after the printing order
    positions = [half_day.index(f"Module {n}:", sheets) for n in (1, 2, 3)]
    assert positions == sorted(positions), "the half-day handouts print in running order"
    national = text(out / "packs" / "ct-national-workshop.pdf")
    assert "Role card:" in national and "Hand out at minute 10" in national
    assert "Facilitator guide" not in national and "Trainer notes" not in national
    # Every sheet starts its own page: the pack is at least one page per sheet.
    assert packs["packs/ct-national-workshop.pdf"] >= 26


def stranded_headings(pdf: Path, site: Path, pages: list[str]) -> list[str]:
    """Pages whose last line is a heading, or the first line of one wrapped over two lines.

    Headings are those of the printed pages' articles (not box titles, whose text the PDF
    stores out of reading order, and not the in-page contents list, which repeats them).
    """
    headings, box_titles = set(), {"Contents"}
    for page in pages:
        html = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        for heading in html.select("article h1, article h2, article h3, article h4, article .rubric"):
            headings.add(unicodedata.normalize("NFKC", " ".join(heading.get_text().replace("#", "").split())))
        box_titles.update(" ".join(t.get_text().split()) for t in html.select("article .admonition-title"))
    stranded = []
    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        lines = [" ".join(row.split()) for row in unicodedata.normalize("NFKC", page.extract_text()).splitlines() if row.strip()]
        if "Contents" in lines:  # the page's own contents list ends with heading names
            continue
        last = lines[-1] if lines else ""
        if last not in box_titles and any(h == last or (len(last) >= 8 and h.startswith(last)) for h in headings):
            stranded.append(f"p. {number}: {last}")
    return stranded


def test_no_heading_is_stranded_or_split_at_a_page_foot(pdfs, site_html, trainer_html):
    """Before the print rules in sphinx_course.cli.pdf, the manual stranded "Agenda" and split
    session and module titles across pages."""
    out, _pages = pdfs
    assert stranded_headings(out / "course-book.pdf", site_html, course_book(site_html)) == []
    assert stranded_headings(out / "trainers-manual.pdf", trainer_html, TRAINERS_MANUAL) == []
