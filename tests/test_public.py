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


def myth_pairs(site_html) -> list[BeautifulSoup]:
    article = soup(site_html / "docs/public/myths-and-facts.html").select_one("article")
    return [s for s in article.select("section") if s.select_one(":scope > .admonition.fact")]


def test_myths_page_has_at_least_twelve_myths_each_with_a_source(site_html):
    pairs = myth_pairs(site_html)
    assert len(pairs) >= 12
    for pair in pairs:
        sources = [a for a in pair.select("a.reference.external") if a["href"].startswith("https://")]
        assert sources, pair.h2.get_text()


def test_each_myth_is_a_pair_where_the_fact_leads_and_the_myth_is_a_short_quote(site_html):
    for pair in myth_pairs(site_html):
        heading = pair.h2.get_text(" ", strip=True).rstrip("#").strip()
        fact = pair.select_one(":scope > .admonition.fact")
        myth = pair.select_one(":scope > p.myth")
        assert fact.select_one(".admonition-title").get_text(strip=True) == "Fact", heading
        assert myth, f"{heading}: no myth line"
        assert fact.sourceline < myth.sourceline, f"{heading}: the myth comes before the fact"
        quote = myth.get_text(" ", strip=True)
        assert re.fullmatch(r'Myth: ["“].+["”]', quote), quote
        assert len(quote.split()) <= 10, f"myth line too long to read as a quote: {quote}"
        assert len(heading) <= 35 and not heading.startswith("Myth"), f"heading should be a short topic: {heading}"


def test_myth_facts_are_exact_on_the_points_a_legal_review_raised(site_html):
    facts = {p.h2.get_text(" ", strip=True).rstrip("#").strip(): " ".join(p.select_one(".fact").get_text(" ").split())
             for p in myth_pairs(site_html)}
    arrests = facts["Who decides on an arrest"]
    assert "Article 11 of the Law Enforcement Directive" in arrests and "2027" not in arrests
    emotions = facts["Emotion recognition"]
    assert "own staff" in emotions and "medical or safety" in emotions
    assert "design" in facts["Where bias comes from"]
    page = soup(site_html / "docs/public/myths-and-facts.html").get_text(" ")
    for article in ("Article 26(10)", "Article 5(1)(e)", "Article 3(42)"):
        assert article in page


def test_rights_page_opens_with_a_five_point_summary_linking_into_the_page(site_html):
    article = soup(site_html / "docs/public/your-rights.html").select_one("article")
    first_box = article.select_one(".admonition")
    assert "rights-summary" in first_box["class"]
    points = first_box.select(":scope > ol > li")
    assert len(points) == 5
    ids = {e["id"] for e in article.select("[id]")}
    for point in points:
        link = point.select_one("a[href^='#']")
        assert link and link["href"][1:] in ids, point.get_text()


def test_rights_page_covers_complaints_explanations_and_who_authorises(site_html):
    text = " ".join(soup(site_html / "docs/public/your-rights.html").select_one("article").get_text(" ").split())
    assert "market surveillance authority (Article 85)" in text and "Article 74(8)" in text
    assert "Article 86" in text and "It covers only the high-risk uses listed in Annex III" in text
    assert "a judicial authority or an administrative authority whose decision is binding and subject to judicial review" in text
    assert "a judicial authority or an independent administrative authority whose decision is binding" in text
    assert text.index("Article 17 of the Covenant") < text.index("Law Enforcement Directive (EU) 2016/680 covers")


def test_faq_opens_with_a_linked_list_of_its_questions(site_html):
    article = soup(site_html / "docs/public/faq.html").select_one("article")
    questions = [h.get_text(" ", strip=True).rstrip("#").strip() for h in article.select("section > h2")]
    listed = article.select("nav.question-list a")
    assert len(questions) >= 10
    assert [a.get_text(strip=True) for a in listed] == questions
    assert all(article.select_one(a["href"]) for a in listed)
    assert not article.select("section > h2 a.toc-backref"), "the questions became links back to the list"


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_one_dated_law_box_and_no_inline_hedges(site_html, name):
    article = soup(site_html / "docs" / "public" / f"{name}.html").select_one("article")
    boxes = article.select(".admonition.law-as-of")
    text = article.get_text(" ")
    if "eur-lex.europa.eu" in str(article) and name != "campaign":
        assert len(boxes) == 1, f"{name}: {len(boxes)} 'law as of' boxes"
        assert re.match(r"Law as of \d{1,2} \w+ 20\d\d", boxes[0].select_one(".admonition-title").get_text())
    assert not re.search(r"\(as of \w+ 20\d\d", text, re.IGNORECASE), f"{name} still hedges inline"


def test_public_pages_cite_no_mirrors_or_crawler_leftovers():
    pages = list((Path(__file__).parent.parent / "docs").glob("public/*.md")) + list(
        (Path(__file__).parent.parent / "docs").glob("engagement/*.md"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for bad in ("?page=", "_ro)", "sipoch.com", "aistoriz.com", "leosphere.net", "mintlify.com", "jure.nl",
                    "zoomlaw", "guardint", "static.report"):
            assert bad not in text, f"{page.name} cites {bad}"


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


def test_each_public_page_has_its_own_png_preview_that_is_linked_not_loaded(site_html):
    seen = set()
    for name in PUBLIC_PAGES:
        page = soup(site_html / "docs/public" / f"{name}.html")
        image = page.find("meta", property="og:image")["content"]
        assert image == f"https://aipol-training.example.org/_static/previews/docs-public-{name}.png"
        png = (site_html / image.split("/", 3)[3]).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[16:24] == (1200).to_bytes(4, "big") + (630).to_bytes(4, "big")
        assert page.find("meta", property="og:image:alt")["content"] == page.h1.get_text(strip=True).rstrip("#")
        assert "previews/" not in " ".join(str(e) for e in page.select("img, link, script"))
        seen.add(png)
    assert len(seen) == len(PUBLIC_PAGES), "two public pages share a preview"
    kit = soup(site_html / "docs/engagement/focus-groups.html").find("meta", property="og:image")["content"]
    assert kit.endswith("/_static/previews/docs-engagement-focus-groups.png")
    other = soup(site_html / "index.html").find("meta", property="og:image")["content"]
    assert other.endswith("/_static/og-preview.png")


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


def test_campaign_cards_download_as_png_and_svg_without_loading_the_png(site_html):
    page = soup(site_html / "docs/public/campaign.html")
    for figure in page.select("figure.message-card"):
        downloads = {a.get_text(strip=True): a["href"] for a in figure.select("figcaption a[download]")}
        assert set(downloads) == {"PNG", "SVG"}, downloads
        assert downloads["SVG"] == figure.img["src"] and downloads["PNG"] == figure.img["src"][:-4] + ".png"
        png = (site_html / "docs/public" / downloads["PNG"]).resolve().read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[16:24] == (1200).to_bytes(4, "big") + (630).to_bytes(4, "big")
    assert not page.select("img[src$='.png'], link[href*='cards/']")


def test_png_card_is_the_svg_rendered_and_is_written_again_only_when_the_svg_changes(tmp_path):
    from sphinx_course.public.message_cards import card_svg, write_card_files

    svg = card_svg("A face match is a lead to check, not proof of who someone is.", "AI-POL")
    write_card_files(tmp_path, "match", svg)
    first_png, first_time = (tmp_path / "match.png").read_bytes(), (tmp_path / "match.png").stat().st_mtime_ns
    assert first_png[:8] == b"\x89PNG\r\n\x1a\n"
    write_card_files(tmp_path, "match", svg)
    assert (tmp_path / "match.png").stat().st_mtime_ns == first_time, "an unchanged card was rendered again"
    write_card_files(tmp_path, "match", card_svg("Ask what data police hold about you.", "AI-POL"))
    assert "Ask what data" in (tmp_path / "match.svg").read_text()
    assert (tmp_path / "match.png").read_bytes() != first_png, "a changed card kept its old PNG"


ARABIC_CARD = "مطابقة الوجه دليل يجب التحقق منه، لا إثبات لهوية الشخص."


def test_an_arabic_card_reads_from_the_right_and_its_png_shows_joined_letters(tmp_path):
    """Browsers shape and order the SVG's Arabic themselves; Cairo does neither, so the PNG is drawn
    from a copy whose lines are already joined and in display order, anchored at the right."""
    import cairocffi

    from sphinx_course.public.message_cards import card_svg, display_order, write_card

    svg = card_svg(ARABIC_CARD, "AI-POL", right_to_left=True)
    assert 'direction="rtl"' in svg and '<tspan x="1110"' in svg and '<rect x="1132"' in svg
    assert "مطابقة الوجه" in svg, "the published SVG keeps the text as written, for browsers and screen readers"
    cairo = card_svg(ARABIC_CARD, "AI-POL", right_to_left=True, for_cairo=True)
    assert 'text-anchor="end"' in cairo
    joined = display_order("مطابقة الوجه")
    assert all("\ufe70" <= c <= "\ufefc" or c == " " for c in joined), "letters in their joined forms"
    assert joined.split(" ")[0] == display_order("الوجه"), "the first word read is drawn rightmost"
    assert display_order("اللائحة 2024/1689") .startswith("2024/1689"), "numbers keep their own order"

    write_card(tmp_path, "match", ARABIC_CARD, "AI-POL", "ar")
    assert (tmp_path / "match.svg").read_text() == svg
    image = cairocffi.ImageSurface.create_from_png(str(tmp_path / "match.png"))
    width, stride, pixels = image.get_width(), image.get_stride(), bytes(image.get_data())
    rows = range(0, image.get_height(), 2)
    ink = [x for y in rows for x in range(140, width - 100)
           if pixels[y * stride + x * 4 + 1] > 200 and pixels[y * stride + x * 4 + 2] > 200]  # white text
    assert ink and max(ink) > 1050 and min(ink) > 200, "the lines end at the right margin and start short of the left"


def test_preview_paths_and_addresses():
    from sphinx_course.public.crawlers_and_previews import has_own_preview, preview_path, preview_url

    assert preview_path("docs/public/faq") == "_static/previews/docs-public-faq.png"
    assert preview_url("https://example.org", "docs/public/faq") == "https://example.org/_static/previews/docs-public-faq.png"
    assert preview_url("https://example.org/site/", "docs/public/faq").startswith("https://example.org/site/_static/")
    assert has_own_preview("docs/public/faq") and has_own_preview("docs/engagement/index")
    assert not has_own_preview("modules/leadership/index")


def test_card_text_that_will_not_fit_is_refused():
    from sphinx_course.errors import AuthoringError
    from sphinx_course.public.message_cards import wrap_message

    assert wrap_message("A face match is a lead to check, not proof of who someone is.") == [
        "A face match is a lead to", "check, not proof of who", "someone is.",
    ]
    with pytest.raises(AuthoringError, match="keep it to 6"):
        wrap_message("word " * 60)


def test_a_translated_card_may_take_smaller_type_but_not_more():
    from sphinx_course.errors import AuthoringError
    from sphinx_course.public.message_cards import card_layout

    assert card_layout("A face match is a lead to check, not proof of who someone is.")[1] == 54
    french = ("Le droit de l'UE sur la protection des données vous permet de demander quelles données "
              "la police détient sur vous. Des limites s'appliquent, mais un organe indépendant peut vérifier.")
    lines, size = card_layout(french)
    assert size == 48 and len(lines) <= 7
    with pytest.raises(AuthoringError, match="even in small type"):
        card_layout("mot " * 80)
