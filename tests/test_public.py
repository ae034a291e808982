"""The public section: plain language, the pages and kit the campaign needs, and discovery files."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import textstat
from bs4 import BeautifulSoup

PUBLIC_PAGES = ["index", "ai-explained", "how-police-use-ai", "myths-and-facts", "your-rights", "faq", "campaign"]
KIT_PAGES = ["index", "focus-groups", "transparency-statement", "communication"]
MIN_FLESCH = 60
MAX_SENTENCE_WORDS = 20


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def readable_text(article: BeautifulSoup) -> str:
    """Paragraphs and list items as sentences: an unpunctuated item still ends a sentence."""
    pieces = []
    for element in article.find_all(["p", "li", "dd", "td"]):
        if element.find(["p", "li"]):
            continue
        text = " ".join(element.get_text(" ").split())
        if text:
            pieces.append(text if text[-1] in ".?!:" else text + ".")
    return " ".join(pieces)


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_is_plain_language(site_html, name):
    article = soup(site_html / "docs" / "public" / f"{name}.html").select_one("article")
    text = readable_text(article)
    assert len(text.split()) > (40 if name == "campaign" else 150), f"{name} has real content"
    flesch = textstat.flesch_reading_ease(text)
    sentence = textstat.avg_sentence_length(text)
    assert flesch >= MIN_FLESCH, f"{name}: Flesch reading ease {flesch}"
    assert sentence < MAX_SENTENCE_WORDS, f"{name}: {sentence} words a sentence"


def test_readability_measure_tells_plain_from_dense():
    plain = "Police may use AI to sort calls. A person checks the result. You can ask what data they hold."
    dense = (
        "Notwithstanding the aforementioned considerations, the operationalisation of algorithmic "
        "decision-support infrastructures necessitates comprehensive institutional accountability mechanisms."
    )
    assert textstat.flesch_reading_ease(plain) >= MIN_FLESCH > textstat.flesch_reading_ease(dense)


def test_public_pages_link_terms_to_the_glossary(site_html):
    linked = [n for n in PUBLIC_PAGES[1:-1] if "glossary.html#term-" in (site_html / "docs/public" / f"{n}.html").read_text()]
    assert len(linked) >= 3


def test_myths_page_has_at_least_twelve_myths_each_with_a_source(site_html):
    article = soup(site_html / "docs/public/myths-and-facts.html").select_one("article")
    myths = [s for s in article.select("section") if s.find(["h2"]) and s.h2.get_text().startswith("Myth")]
    assert len(myths) >= 12
    for myth in myths:
        sources = [a for a in myth.select("a.reference.external") if a["href"].startswith("https://")]
        assert sources, myth.h2.get_text()


@pytest.mark.parametrize("name", KIT_PAGES)
def test_engagement_kit_pages_exist(site_html, name):
    article = soup(site_html / "docs/engagement" / f"{name}.html").select_one("article")
    assert len(article.get_text(" ").split()) > 300


def test_transparency_template_has_a_worked_fictional_example(site_html):
    text = soup(site_html / "docs/engagement/transparency-statement.html").select_one("article").get_text(" ")
    assert re.search(r"fictional", text, re.I)
    assert "Algorithmic Transparency Recording Standard" in " ".join(text.split())


def test_every_page_has_opengraph_tags_with_a_preview_image(site_html):
    for path in site_html.rglob("*.html"):
        if path.name in ("404.html", "search.html", "genindex.html"):
            continue
        page = soup(path)
        for prop in ("og:title", "og:url", "og:image", "og:description"):
            tag = page.find("meta", property=prop)
            assert tag and tag["content"], f"{path.relative_to(site_html)} lacks {prop}"
        image = page.find("meta", property="og:image")["content"]
        assert image.startswith("https://") and (site_html / image.split("/", 3)[3]).exists()


def test_sitemap_lists_every_page_under_the_base_url(site_html):
    tree = ET.parse(site_html / "sitemap.xml")
    locations = [e.text for e in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://aipol-training.example.org/index.html" in locations
    assert "https://aipol-training.example.org/docs/public/myths-and-facts.html" in locations
    assert not any(loc.endswith(("404.html", "search.html", "genindex.html")) for loc in locations)


def test_robots_points_at_the_sitemap(site_html):
    robots = (site_html / "robots.txt").read_text()
    assert "User-agent: *" in robots and "Sitemap: https://aipol-training.example.org/sitemap.xml" in robots


def test_trainer_edition_keeps_crawlers_out(trainer_html):
    assert "Disallow: /" in (trainer_html / "robots.txt").read_text()
    assert not (trainer_html / "sitemap.xml").exists()


def test_404_page_works_at_any_depth(site_html):
    page = soup(site_html / "404.html")
    assert "Page not found" in page.get_text()
    for element in page.find_all(["link", "script", "a"]):
        target = element.get("href") or element.get("src")
        if target and not target.startswith(("#", "https://", "mailto:")):
            assert target.startswith("/"), f"relative link {target} breaks below the site root"


def test_campaign_cards_are_generated_images_with_alt_text_linking_to_their_page(site_html):
    import yaml

    cards = yaml.safe_load((Path(__file__).parent.parent / "docs/public/campaign-cards.yaml").read_text())
    page = soup(site_html / "docs/public/campaign.html")
    figures = page.select("figure.message-card")
    assert len(figures) == len(cards) >= 5
    for card, figure in zip(cards, figures, strict=True):
        image = figure.select_one("a > img")
        assert image["alt"] == card["text"]
        assert figure.a["href"] == card["page"].rsplit("/", 1)[-1] + ".html"
        svg = (site_html / "docs/public" / image["src"]).resolve()
        tree = ET.parse(svg)
        assert tree.getroot().tag == "{http://www.w3.org/2000/svg}svg"
        assert "http" not in svg.read_text().replace("http://www.w3.org/2000/svg", "")


def test_card_text_that_will_not_fit_is_refused():
    from sphinx_course.cards import wrap_message
    from sphinx_course.errors import AuthoringError

    assert wrap_message("A face match is a lead to check, not proof of who someone is.") == [
        "A face match is a lead to", "check, not proof of who", "someone is.",
    ]
    with pytest.raises(AuthoringError, match="keep it to 6"):
        wrap_message("word " * 60)
