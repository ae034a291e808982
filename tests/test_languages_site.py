"""The real site's translated editions: every shipped language, its status page and its interface."""

from __future__ import annotations

import json
import posixpath
import re

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from conftest import ROOT, TEST_BUILD

from sphinx_course.languages.catalogues import INTERFACE_DOMAINS, catalogue_status, templates

TRANSLATIONS = ("fr", "es", "ar")
#: What the issue ships in every language, at 100%.
SHIPPED_PAGES = ["index", "docs/public/index", "docs/public/ai-explained", "docs/public/campaign", "docs/public/faq",
                 "docs/public/how-police-use-ai", "docs/public/myths-and-facts", "docs/public/your-rights",
                 "docs/glossary", "docs/about/index", "docs/about/privacy", "exercises/tools/readiness"]


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_each_language_publishes_the_home_page_public_section_glossary_about_and_readiness(site_html, code):
    missing = [page for page in SHIPPED_PAGES if not (site_html / code / f"{page}.html").is_file()]
    assert missing == []
    home = soup(site_html / code / "index.html")
    assert home.html["lang"] == code
    assert (home.html.get("dir") == "rtl") == (code == "ar")


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_a_module_is_not_published_in_a_translation_and_links_lead_to_english(site_html, code):
    assert not (site_html / code / "modules/leadership/03-law-and-human-rights.html").exists()
    home = soup(site_html / code / "index.html")
    course = home.select("a[href$='modules/leadership/index.html']")
    assert course and all(a.get("lang") == "en" and a["href"].startswith("../") for a in course)


def test_the_status_page_and_file_match_the_catalogues(site_html):
    status = json.loads((site_html / "translation-status.json").read_text(encoding="utf-8"))
    page = soup(site_html / "docs/authoring/translation-status.html")
    for code in TRANSLATIONS:
        expected = {domain: catalogue_status(domain, template, ROOT / "locales" / code / "LC_MESSAGES" / f"{domain}.po")
                    for domain, template in templates(TEST_BUILD / "gettext").items()}
        recorded = {**status["languages"][code]["pages"], **status["languages"][code]["interface"]}
        assert {d: s.as_dict() for d, s in expected.items()} == recorded
        section = page.select_one(f"#translation-status-{code}")
        # Each page's row names it by its title, linked to it: the link gives the page.
        rows = {}
        for row in section.select("tbody tr"):
            link = row.select_one("td a[href]")
            if link is not None:
                href = link["href"].split("#")[0] or "translation-status.html"  # the page itself
                target = posixpath.normpath(posixpath.join("docs/authoring", href))
                rows[target.removesuffix(".html")] = [td.get_text(strip=True) for td in row.select("td")[1:]]
        for domain, entry in expected.items():
            if domain in INTERFACE_DOMAINS:
                continue
            assert rows[domain] == [f"{entry.percent}%", str(entry.translated), str(entry.fuzzy), str(entry.untranslated),
                                 "yes" if entry.complete else "no"], domain


def interface_msgids(code: str) -> list[tuple[str, re.Pattern]]:
    """Each interface string that the language translates differently, as a pattern of its whole text."""
    found = []
    for domain in INTERFACE_DOMAINS:
        with open(ROOT / "locales" / code / "LC_MESSAGES" / f"{domain}.po", "rb") as handle:
            for message in read_po(handle):
                literal = re.sub(r"\{\w+\}|%\(\w+\)\w|%s", "", str(message.id or ""))
                # A string that is mostly placeholders ("%(unit)s %(n)d of %(total)d") matches any prose.
                if message.string and message.string != message.id and len(re.sub(r"\W", "", literal)) > 3:
                    pattern = re.escape(str(message.id))
                    pattern = re.sub(r"\\\{\w+\\\}|%\\\(\w+\\\)\w|%s", ".+?", pattern)
                    found.append((str(message.id), re.compile(rf"^\s*{pattern}\s*$", re.DOTALL)))
    return found


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_no_english_interface_string_remains_on_a_translated_page(site_html, code):
    strings = interface_msgids(code)
    leftovers = {}
    for path in sorted((site_html / code).rglob("*.html")):
        page = soup(path)
        # English is allowed only where the page says so: links to pages this language does not
        # publish carry lang="en", and the screen reader reads them as English.
        texts = [t for t in page.find_all(string=True) if t.parent.name not in ("script", "style")
                 and not t.find_parent(lang=re.compile("^en"))]
        texts += [value for tag in page.find_all(True) for name, value in tag.attrs.items()
                  if name in ("title", "aria-label", "placeholder", "alt", "content") and isinstance(value, str)]
        for script in page.select("script[data-strings]"):
            texts += [v for v in json.loads(script["data-strings"]).values() if isinstance(v, str)]
        found = sorted({english for english, pattern in strings for text in texts if pattern.match(text)})
        if found:
            leftovers[path.relative_to(site_html).as_posix()] = found
    assert leftovers == {}


def test_the_mirrored_theme_stylesheets_are_current(site_html, tmp_path):
    """static/rtl/ holds RTLCSS's mirror of the themes' stylesheets as this build renders them;
    a theme upgrade without `make rtl-css` would leave Arabic pages with stale or missing rules."""
    from sphinx_course.cli.rtl_css import PACKAGE_RTL, RTLCSS, main

    assert (ROOT / RTLCSS).exists(), "rtlcss is installed by npm ci (package.json)"
    assert main([str(site_html / "_static"), str(tmp_path)]) == 0
    stale = [path.name for path in sorted(tmp_path.iterdir())
             if path.read_text(encoding="utf-8") != (PACKAGE_RTL / path.name).read_text(encoding="utf-8")]
    assert stale == [], "run make rtl-css"


def test_an_arabic_page_loads_the_mirrored_stylesheets_and_no_left_to_right_theme_css(site_html):
    page = soup(site_html / "ar" / "index.html")  # its door cards use sphinx-design
    sheets = [link["href"].split("?")[0] for link in page.select("link[rel=stylesheet]")]
    assert {"_static/rtl/pydata-sphinx-theme.css", "_static/rtl/basic.css",
            "_static/rtl/sphinx-book-theme.css", "_static/rtl/sphinx-design.min.css"} <= set(sheets)
    assert not [s for s in sheets if s.endswith(("styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css",
                                                  "/sphinx-design.min.css")) and "/rtl/" not in s]
    french = soup(site_html / "fr" / "docs/public/myths-and-facts.html")
    assert not [link for link in french.select("link[rel=stylesheet]") if "/rtl/" in link["href"]]
