"""Print the built site to PDF, offline, with the Chromium the tests already use.

``python -m sphinx_course.cli.pdf LEARNER_SITE TRAINER_SITE OUTDIR`` writes:

- ``course-book.pdf``: the leadership course, glossary and references, from the
  learner edition (no trainer content; quizzes print as questions with empty boxes);
- ``trainers-manual.pdf``: the run sheets with their gathered notes, the
  counter-terrorism formats and the trainer's manual, from the trainer edition;
- ``handouts/<module>.pdf``: a one-to-two-page handout per module and session,
  printed from its own page;
- ``packs/<format>.pdf``: each format's prepare-and-print pack, every sheet in
  running order (handouts, participant versions, role cards, inject sheets).

The course book and the manual carry a PDF bookmark for each page they join (the
course overview, each module, the glossary...), named by its title.

Pages are printed with the site's own print stylesheet (no navigation chrome,
links followed by their addresses) and joined with pypdf.
"""

from __future__ import annotations

import json
import os
import sys
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader, PdfWriter

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BROWSER_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-dev-shm-usage",
]
LEADERSHIP = "modules/leadership/"
TRAINERS_MANUAL = [
    "docs/trainers/formats.html",
    "modules/counter-terrorism/national-workshop.html",
    "modules/counter-terrorism/global-session.html",
    "docs/trainers/manual.html",
]
HANDOUTS_PAGE = "docs/trainers/handouts.html"
PACKS = ["briefing", "half-day", "one-day", "two-day", "ct-national-workshop", "ct-global-session"]
PACK_PAGE = "docs/trainers/packs/{name}.html"
PRINT_OPTIONS = {
    "format": "A4", "print_background": True,
    "margin": {"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
}


def leadership_modules(site: Path) -> list[str]:
    """The leadership modules in reading order, as the site's toctrees give it.

    Read from the built ``course-index.json`` (its ``course_order``), so that adding or
    reordering a module in the navigation reorders the book, with no list to keep here.
    """
    index = json.loads((site / "course-index.json").read_text(encoding="utf-8"))
    return [docname for docname in index["course_order"] if docname.startswith(LEADERSHIP)]


def course_book(site: Path) -> list[str]:
    """The course book's pages: the course overview, each module in order, the glossary and references."""
    modules = [f"{docname}.html" for docname in leadership_modules(site)]
    return [LEADERSHIP + "index.html", *modules, "docs/glossary.html", "docs/references.html"]


def handout_pages(site: Path) -> list[str]:
    """The handout pages, in the order the handouts' contents lists them (course order)."""
    import posixpath

    from bs4 import BeautifulSoup

    page = BeautifulSoup((site / HANDOUTS_PAGE).read_text(encoding="utf-8"), "html.parser")
    folder = posixpath.dirname(HANDOUTS_PAGE)
    return [posixpath.normpath(posixpath.join(folder, str(link["href"]).split("#")[0]))
            for link in page.select("table.handouts-contents tbody tr td:first-child a[href]")]


def print_to_pdf(tab, url: str) -> bytes:
    # The book-like page breaks are in the site's own print stylesheet (course.css), so a
    # page printed from a browser breaks as the PDFs do.
    tab.goto(url, wait_until="load")
    tab.emulate_media(media="print")
    return tab.pdf(**PRINT_OPTIONS)


def page_title(tab) -> str:
    """The printed page's own heading, for its bookmark (the tab title adds the site name)."""
    heading = tab.locator("main h1").first
    text = heading.inner_text() if heading.count() else tab.title()
    return " ".join(text.replace("#", "").split())


def print_with_title(tab, url: str) -> tuple[bytes, str]:
    data = print_to_pdf(tab, url)
    return data, page_title(tab)


def join(parts: list[bytes], target: Path, title: str, bookmarks: list[str] | None = None) -> int:
    """Join printed parts into one PDF; ``bookmarks`` names each part in the PDF's outline."""
    writer = PdfWriter()
    for index, part in enumerate(parts):
        start = len(writer.pages)
        writer.append(PdfReader(BytesIO(part)))
        if bookmarks:
            writer.add_outline_item(title=bookmarks[index], page_number=start)
    writer.add_metadata({"/Title": title, "/Creator": "AI-POL training site"})
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        writer.write(handle)
    return len(writer.pages)


def make_pdfs(learner: Path, trainer: Path, outdir: Path, browser=None) -> dict[str, int]:
    """Print every PDF; pass a running Playwright browser to reuse it, or one is started."""
    learner, trainer = learner.resolve(), trainer.resolve()  # file:// URIs need absolute paths
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            try:
                return make_pdfs(learner, trainer, outdir, chromium)
            finally:
                chromium.close()
    pages: dict[str, int] = {}
    tab = browser.new_page()
    book = [print_with_title(tab, (learner / p).as_uri()) for p in course_book(learner)]
    pages["course-book.pdf"] = join([b for b, _ in book], outdir / "course-book.pdf",
                                    "Responsible AI in law enforcement: course book", [t for _, t in book])
    manual = [print_with_title(tab, (trainer / p).as_uri()) for p in TRAINERS_MANUAL]
    pages["trainers-manual.pdf"] = join([m for m, _ in manual], outdir / "trainers-manual.pdf",
                                        "Trainer's manual (do not publish)", [t for _, t in manual])
    for handout in handout_pages(learner):
        part, title = print_with_title(tab, (learner / handout).as_uri())
        name = f"handouts/{Path(handout).stem}.pdf"
        pages[name] = join([part], outdir / name, f"Handout: {title}")
    for name in PACKS:
        part, title = print_with_title(tab, (learner / PACK_PAGE.format(name=name)).as_uri())
        pages[f"packs/{name}.pdf"] = join([part], outdir / "packs" / f"{name}.pdf", title, [title])
    tab.close()
    return pages


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: python -m sphinx_course.cli.pdf LEARNER_SITE TRAINER_SITE OUTDIR")
    made = make_pdfs(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
    for name, count in made.items():
        print(f"{sys.argv[3]}/{name}: {count} pages")
