"""Print the built site to PDF, offline, with the Chromium the tests already use.

``python -m sphinx_course.pdf LEARNER_SITE TRAINER_SITE OUTDIR`` writes:

- ``course-book.pdf``: the leadership course, glossary and references, from the
  learner edition (no trainer content; quizzes print as questions with empty boxes);
- ``trainers-manual.pdf``: the run sheets with their gathered notes, the
  counter-terrorism formats and the trainer's manual, from the trainer edition;
- ``handouts/<module>.pdf``: a one-to-two-page handout per module and session.

Pages are printed with the site's own print stylesheet (no navigation chrome,
links followed by their addresses) and joined with pypdf.
"""

from __future__ import annotations

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
LEADERSHIP = [
    "01-ai-in-law-enforcement", "02-principles", "03-law-and-human-rights", "04-risks-and-harms",
    "05-readiness-and-lifecycle", "06-procurement-and-vendors", "07-governance-and-oversight",
    "08-public-trust", "09-capstone-strategy",
]
COURSE_BOOK = (
    ["modules/leadership/index.html"]
    + [f"modules/leadership/{m}.html" for m in LEADERSHIP]
    + ["docs/glossary.html", "docs/references.html"]
)
TRAINERS_MANUAL = [
    "docs/trainers/formats.html",
    "modules/counter-terrorism/national-workshop.html",
    "modules/counter-terrorism/global-session.html",
    "docs/trainers/manual.html",
]
HANDOUTS_PAGE = "docs/trainers/handouts.html"
PRINT_OPTIONS = {
    "format": "A4", "print_background": True,
    "margin": {"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
}


def handout_ids(site: Path) -> list[str]:
    from bs4 import BeautifulSoup

    page = BeautifulSoup((site / HANDOUTS_PAGE).read_text(encoding="utf-8"), "html.parser")
    return [section["id"] for section in page.select("section.handout")]


def print_to_pdf(tab, url: str) -> bytes:
    tab.goto(url, wait_until="load")
    tab.emulate_media(media="print")
    return tab.pdf(**PRINT_OPTIONS)


def join(parts: list[bytes], target: Path, title: str) -> int:
    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(BytesIO(part)))
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
    book = [print_to_pdf(tab, (learner / p).as_uri()) for p in COURSE_BOOK]
    pages["course-book.pdf"] = join(book, outdir / "course-book.pdf", "Responsible AI in law enforcement: course book")
    manual = [print_to_pdf(tab, (trainer / p).as_uri()) for p in TRAINERS_MANUAL]
    pages["trainers-manual.pdf"] = join(manual, outdir / "trainers-manual.pdf", "Trainer's manual (do not publish)")
    for anchor in handout_ids(learner):
        part = print_to_pdf(tab, (learner / HANDOUTS_PAGE).as_uri() + f"#{anchor}")
        name = f"handouts/{anchor.removeprefix('handout-')}.pdf"
        pages[name] = join([part], outdir / name, f"Handout: {anchor.removeprefix('handout-')}")
    tab.close()
    return pages


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: python -m sphinx_course.pdf LEARNER_SITE TRAINER_SITE OUTDIR")
    made = make_pdfs(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
    for name, count in made.items():
        print(f"{sys.argv[3]}/{name}: {count} pages")
