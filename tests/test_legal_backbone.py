"""Module 3's legal backbone, read from the built site: the international baseline first,
the EU as a worked example, case law with official links, and the modules that link into it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

MODULE_3 = "modules/leadership/03-law-and-human-rights.html"


class SectionText(HTMLParser):
    """Collects the visible text of each <section id=...>, nested sections included."""

    def __init__(self):
        super().__init__()
        self.stack: list[str | None] = []
        self.text: dict[str, list[str]] = {}
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self.stack.append(attrs.get("id"))
            if attrs.get("id"):
                self.text.setdefault(attrs["id"], [])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "section" and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for section in self.stack:
            if section:
                self.text[section].append(data)

    def words(self, section: str) -> int:
        return len(re.findall(r"[A-Za-z0-9’'()./-]+", " ".join(self.text.get(section, []))))


@pytest.fixture(scope="module")
def module_3(site_html):
    parser = SectionText()
    parser.feed((site_html / MODULE_3).read_text(encoding="utf-8"))
    return parser


def test_the_baseline_comes_before_the_eu_worked_example(site_html):
    html = (site_html / MODULE_3).read_text(encoding="utf-8")
    order = [html.index(f'id="{anchor}"') for anchor in
             ("m3-international-baseline", "m3-regional-law", "m3-led", "the-eu-ai-act-and-policing")]
    assert order == sorted(order), "Module 3 does not run from the international baseline to the EU example"


def test_at_least_1200_words_on_the_led_and_human_rights_case_law(module_3):
    words = sum(module_3.words(s) for s in ("m3-led", "m3-ecthr", "m3-cjeu", "m3-bverfg"))
    assert words >= 1200, f"only {words} words on the LED and the case law"


@pytest.mark.parametrize(("cited", "official_link"), [
    ("ICCPR", "https://www.ohchr.org/en/instruments-mechanisms/instruments/international-covenant-civil-and-political-rights"),
    ("General Comment No. 37", "https://docs.un.org/en/CCPR/C/GC/37"),
    ("Convention 108+", "https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&amp;treatynum=223"),
    ("LED", "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016L0680"),
    ("S. and Marper", "https://hudoc.echr.coe.int/eng?i=001-90051"),
    ("Catt", "https://hudoc.echr.coe.int/eng#%7B%22appno%22:%5B%2243514/15%22%5D%7D"),  # found by application number
    ("Big Brother Watch", "https://hudoc.echr.coe.int/eng?i=001-210077"),
    ("Glukhin", "https://hudoc.echr.coe.int/eng?i=001-225655"),
    ("C-817/19", "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:62019CJ0817"),
    ("C-205/21", "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:62021CJ0205"),
    ("BVerfG 16 February 2023", "https://www.bundesverfassungsgericht.de/SharedDocs/Entscheidungen/EN/2023/02/rs20230216_1bvr154719en.html"),
    ("EDPB Guidelines 05/2022", "https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-052022-use-facial-recognition-technology-area_en"),
    ("Policy Framework", "https://unicri.it/A-Policy-Framework-for-Responsible-Limits-on-Facial-Recognition"),
])
def test_each_source_is_linked_to_its_official_host(site_html, cited, official_link):
    assert f'href="{official_link}"' in (site_html / MODULE_3).read_text(encoding="utf-8"), f"{cited} is not linked"


@pytest.mark.parametrize("article", [
    "Article 4", "Article 8", "Article 10", "Article 11", "Articles 13 to 18", "Article 25", "Article 27",
    "Article 28", "Chapter V",
])
def test_the_led_section_covers_each_article(module_3, article):
    assert article in " ".join(module_3.text["m3-led"])


@pytest.mark.parametrize("provision", ["Article 2(4)", "Article 74(8)", "Article 85", "Article 86", "Article 111(2)"])
def test_the_ai_act_provisions_the_site_must_not_miss_are_there(module_3, provision):
    assert provision in " ".join(module_3.text["the-eu-ai-act-and-policing"])


@pytest.mark.parametrize(("page", "anchor"), [
    ("modules/leadership/04-risks-and-harms.html", "#m3-led"),
    ("modules/leadership/07-governance-and-oversight.html", "#m3-ai-act-redress"),
    ("modules/leadership/08-public-trust.html", "#m3-led"),
    ("modules/counter-terrorism/02-human-rights.html", "#m3-international-baseline"),
])
def test_modules_4_7_8_and_session_2_link_into_the_backbone(site_html, page, anchor):
    html = (site_html / page).read_text(encoding="utf-8")
    assert re.search(r'href="[./]*(leadership/)?03-law-and-human-rights\.html' + anchor + '"', html), (
        f"{page} has no link to {anchor} in Module 3"
    )


@pytest.mark.parametrize("anchor", [
    "m3-international-baseline", "m3-regional-law", "m3-ecthr", "m3-led", "m3-ai-act-scope", "m3-ai-act-redress",
])
def test_the_rights_page_links_into_the_backbone_from_its_text(site_html, anchor):
    html = (site_html / "docs/public/your-rights.html").read_text(encoding="utf-8")
    body = re.sub(r'<div class="law-as-of admonition">.*?</div>', "", html, flags=re.S)
    assert f'href="../../modules/leadership/03-law-and-human-rights.html#{anchor}"' in body, (
        f"the rights page has no link to {anchor} in Module 3 outside its 'Law as of' box"
    )
