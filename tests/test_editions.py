"""Two editions from one source: trainer-only content is absent from the learner edition, not hidden."""

from __future__ import annotations

import json
import re
from pathlib import Path

import snowballstemmer
from bs4 import BeautifulSoup

WORD = re.compile(r"(?<![a-z'’-])[a-z]{6,}(?![a-z'’-])")
ANY_WORD = re.compile(r"[a-z]+")
STEM = snowballstemmer.stemmer("english")  # the stemmer Sphinx uses for English


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def trainer_blocks(trainer_html: Path) -> dict[str, list[str]]:
    """Paragraph texts of every trainer-only block, by page (agendas' gathered copies excepted)."""
    blocks = {}
    for path in sorted(trainer_html.rglob("*.html")):
        found = [
            " ".join(p.get_text(" ").split())
            for block in soup(path).select(".trainer-only")
            if not block.find_parent(class_="agenda-notes") and "agenda-notes" not in block["class"]
            for p in block.find_all(["p", "li"])
        ]
        if found:
            blocks[path.relative_to(trainer_html).as_posix()] = found
    return blocks


def visible_text(folder: Path) -> str:
    return " ".join(" ".join(soup(p).get_text(" ").split()) for p in sorted(folder.rglob("*.html")))


def search_terms(folder: Path) -> set[str]:
    text = (folder / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    return set(index["terms"])


def test_every_module_and_exercise_has_trainer_content_in_the_trainer_edition(trainer_html):
    blocks = trainer_blocks(trainer_html)
    for page in (trainer_html / "modules" / "leadership").glob("0*.html"):
        assert page.relative_to(trainer_html).as_posix() in blocks, page.name


def test_no_trainer_text_in_the_learner_html(site_html, trainer_html):
    learner = visible_text(site_html)
    leaks = [
        (page, text)
        for page, texts in trainer_blocks(trainer_html).items()
        for text in texts
        if len(text.split()) >= 6 and text in learner
    ]
    assert leaks == []


def test_no_trainer_words_in_the_learner_search_index_or_course_index(site_html, trainer_html):
    learner_words = set(ANY_WORD.findall(visible_text(site_html).lower()))
    learner_stems = {STEM.stemWord(w) for w in learner_words}
    trainer_words = {w for texts in trainer_blocks(trainer_html).values() for t in texts for w in WORD.findall(t.lower())}
    unique_stems = {STEM.stemWord(w) for w in trainer_words - learner_words} - learner_stems
    assert len(unique_stems) >= 20, "the trainer notes have words of their own to look for"
    assert unique_stems <= search_terms(trainer_html), "the check can fail: the trainer index has them"
    assert unique_stems & search_terms(site_html) == set()
    course_index = (site_html / "course-index.json").read_text(encoding="utf-8").lower()
    for texts in trainer_blocks(trainer_html).values():
        for text in texts:
            if len(text.split()) >= 6:
                assert text.lower() not in course_index


def test_learner_edition_publishes_no_page_sources(site_html):
    assert not (site_html / "_sources").exists()
    assert not list(site_html.rglob("*.md"))


def test_trainer_edition_is_marked_and_not_indexed(trainer_html):
    for path in [trainer_html / "index.html", trainer_html / "modules/leadership/03-law-and-human-rights.html"]:
        page = soup(path)
        assert "Trainer edition — do not publish" in page.get_text()
        assert page.find("meta", attrs={"name": "robots", "content": "noindex, nofollow"})


def test_learner_edition_is_not_marked_as_trainer(site_html):
    page = soup(site_html / "index.html")
    assert "Trainer edition" not in page.get_text()
    assert not page.find("meta", attrs={"name": "robots"})


def test_trainer_answer_keys_are_open(trainer_html, site_html):
    module = "modules/leadership/01-ai-in-law-enforcement.html"
    assert all(d.has_attr("open") for d in soup(trainer_html / module).select("details.quiz-answers"))
    assert not any(d.has_attr("open") for d in soup(site_html / module).select("details.quiz-answers"))
