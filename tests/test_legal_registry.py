"""The legal sources registry: each source declared once, checked against the official hosts,
cited by key, and listed on the references page.
"""

from __future__ import annotations

import pytest

from sphinx_course.errors import AuthoringError
from sphinx_course.links.official_sources import load_rules
from sphinx_course.links.sources_registry import load_sources, parse_sources, written_date

RULES = load_rules()
ENTRY = {
    "key": "led", "title": "Directive (EU) 2016/680", "issuer": "European Parliament and Council",
    "date": "2016-04-27", "url": "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016L0680",
    "kind": "primary", "group": "eu-law", "checked": "2026-12-06",
}
GROUPS = {"eu-law": "EU law", "case-law": "Case law"}


def registry(*entries):
    return parse_sources({"groups": GROUPS, "sources": list(entries)}, RULES)


def test_the_real_registry_is_valid_and_holds_the_backbone_sources():
    sources = load_sources().sources
    for key in ("iccpr", "hrc-gc-37", "led", "marper", "catt", "big-brother-watch", "glukhin",
                "ligue-des-droits-humains", "c-205-21", "bverfg-automated-analysis", "edpb-05-2022"):
        assert key in sources, key
    assert sources["ai-act-omnibus"].kind == "secondary" and sources["ai-act-omnibus"].note


@pytest.mark.parametrize(("change", "message"), [
    ({"url": "https://jure.nl/ECLI:NL:RBDHA:2020:1878", "title": "SyRI"}, "copies or relays official texts"),
    ({"url": "https://example.org/led"}, "not an official host"),
    ({"kind": "secondary", "url": "https://example.org/led", "title": "A blog post"}, "add a 'note'"),
    ({"group": "blogs"}, "use one of eu-law, case-law"),
    ({"date": "27 April 2016"}, "write YYYY-MM-DD"),
    ({"key": "LED"}, "lower-case letters"),
])
def test_a_bad_entry_is_an_authoring_error(change, message):
    with pytest.raises(AuthoringError, match=message):
        registry({**ENTRY, **change})


def test_a_key_declared_twice_is_an_authoring_error():
    with pytest.raises(AuthoringError, match="declared twice"):
        registry(ENTRY, ENTRY)


def test_a_secondary_source_with_a_reason_is_accepted():
    entry = {**ENTRY, "key": "note", "kind": "secondary", "url": "https://example.org/x", "title": "A law-firm note",
             "note": "no official summary exists"}
    assert registry(entry).sources["note"].kind == "secondary"


@pytest.mark.parametrize(("value", "written"), [("2016-04-27", "27 April 2016"), ("2022-11", "November 2022"),
                                                ("2020", "2020")])
def test_partial_dates_are_written_out(value, written):
    assert written_date(value) == written


PAGE = """\
# Sources

:::{law-as-of}
:::

See {source}`glukhin` and {source}`the Strasbourg judgment on DNA retention <marper>`.

See {source}`no-such-source`.

:::{source-list}
:group: case-law
:::
"""


def test_roles_link_by_key_and_the_list_renders_a_group(tmp_path):
    from conftest import sphinx_build, write_fixture_site

    src = write_fixture_site(tmp_path / "src", {"index.md": PAGE}, 'course_law_as_of = "2026-11-29"\n')
    build = sphinx_build(src, tmp_path / "out")
    assert any("index.md:8:" in p and "Unknown source key 'no-such-source'" in p for p in build.problems), build.problems
    html = (build.outdir / "index.html").read_text(encoding="utf-8")
    assert '<a class="reference external" href="https://hudoc.echr.coe.int/eng?i=001-225655">Glukhin v. Russia, no. 11519/20</a>' in html
    assert 'href="https://hudoc.echr.coe.int/eng?i=001-90051">the Strasbourg judgment on DNA retention</a>' in html
    assert 'id="source-bridges"' in html and "Checked 6 December 2026." in html
    assert 'id="source-led"' not in html


def test_the_references_page_lists_every_registered_source(site_html):
    html = (site_html / "docs/references.html").read_text(encoding="utf-8")
    for key in load_sources().sources:
        assert f'id="source-{key}"' in html, key
    assert "Secondary: the course read its dates" in html


READING_PAGE = """\
# Unit

:::{law-as-of}
:::

## Sources worth reading

:::{further-reading}
- ai-act-omnibus: the amendments that moved the Annex III date to {milestone}`ai-act-annex-iii`
- glukhin
- toolkit-interpol: INTERPOL's own page,
  with its purpose.
- no-such-source: a note
- glukhin: listed again
:::

:::{further-reading}
Not a list item.
:::
"""


def test_further_reading_renders_each_source_from_the_registry_with_its_note(tmp_path):
    from bs4 import BeautifulSoup
    from conftest import sphinx_build, write_fixture_site

    src = write_fixture_site(tmp_path / "src", {"index.md": READING_PAGE}, 'course_law_as_of = "2026-11-29"\n')
    build = sphinx_build(src, tmp_path / "out")
    problems = "\n".join(build.problems)
    assert "index.md:13:" in problems and "Unknown source key 'no-such-source' in further reading" in problems, problems
    assert "index.md:14:" in problems and "Source 'glukhin' is listed twice" in problems, problems
    assert "index.md:18:" in problems and "found 'Not a list item.'" in problems, problems
    assert "Traceback" not in build.output
    page = BeautifulSoup((build.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    (listing,) = page.select("ul.further-reading")
    items = [li.get_text(" ", strip=True) for li in listing.select("li")]
    assert items == [
        "Regulation (EU) 2026/1744 amending Regulation (EU) 2024/1689 , European Parliament and Council, "
        "8 July 2026 : the amendments that moved the Annex III date to 2 December 2027 . Secondary source: "
        "the course read its dates and Article 111(2) wording in secondary quotations of the Official Journal "
        "text; check the text itself before relying on them.",
        "Glukhin v. Russia, no. 11519/20 , European Court of Human Rights, 4 July 2023 .",
        "Artificial Intelligence Toolkit , INTERPOL: INTERPOL\u2019s own page, with its purpose.",
    ]
    links = [a["href"] for a in listing.select("a.reference.external")]
    assert links == ["https://eur-lex.europa.eu/eli/reg/2026/1744/oj", "https://hudoc.echr.coe.int/eng?i=001-225655",
                     "https://www.interpol.int/How-we-work/Innovation/Artificial-Intelligence-Toolkit"]
    assert listing.select_one("span.milestone-date").get_text() == "2 December 2027"


def test_a_date_from_the_registry_is_not_reported_as_typed_by_hand(tmp_path):
    """The Convention opened for signature on a milestone's date; the registry prints it, the page does not type it."""
    from conftest import sphinx_build, write_fixture_site

    page = "# Unit\n\n:::{law-as-of}\n:::\n\n:::{further-reading}\n- cets-225\n:::\n\nTyped: 5 September 2024.\n"
    src = write_fixture_site(tmp_path / "src", {"index.md": page}, 'course_law_as_of = "2026-11-29"\n')
    build = sphinx_build(src, tmp_path / "out")
    typed = [p for p in build.problems if "course.milestone_typed" in p]
    assert len(typed) == 1 and "index.md:10:" in typed[0], build.problems


def test_every_unit_lists_its_further_reading_from_the_registry(site_html):
    from bs4 import BeautifulSoup

    for page in sorted((site_html / "modules").glob("*/0*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        heading = next((h for h in soup.select("h2") if h.get_text(strip=True).startswith("Further reading")), None)
        assert heading is not None, f"{page.name} has no Further reading section"
        section = heading.find_parent("section")
        assert section.select("ul.further-reading li"), f"{page.name}: Further reading is not generated from the registry"
        hand_typed = [a["href"] for a in section.select("a.reference.external")
                      if not a.find_parent("ul", class_="further-reading")]
        assert not hand_typed, f"{page.name}: links typed by hand in Further reading: {hand_typed}"


REGISTRY_FILE = """\
groups:
  eu-law: EU law
sources:
  - key: led
    title: Directive (EU) 2016/680
    issuer: European Parliament and Council
    date: 2016-04-27
    url: https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016L0680
    kind: primary
    group: eu-law
    checked: 2026-12-06
  - key: gdpr
    title: Regulation (EU) 2016/679
    issuer: European Parliament and Council
    date: 2016-04-27
    url: https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679
    kind: tertiary
    group: eu-law
    checked: 2026-12-06
"""


@pytest.mark.parametrize(("change", "line", "message"), [
    (("kind: tertiary", "kind: tertiary"), 17, "Source 'gdpr' has kind 'tertiary'; use primary or secondary."),
    (("kind: tertiary", "kind: primary\n    sumary: typo"), 18, "Source 2 (gdpr) has an unknown key 'sumary'"),
    (("kind: tertiary\n    group: eu-law", "kind: primary\n    group: blogs"), 18, "has group 'blogs'; use one of eu-law"),
    (("key: gdpr\n", "key: led\n"), 12, "Source key 'led' is declared twice."),
    (("kind: tertiary", "kind: primary"), None, None),
])
def test_a_mistake_in_the_registry_file_is_reported_at_its_line(tmp_path, change, line, message):
    from sphinx_course.links.sources_registry import read_sources

    path = tmp_path / "sources.yaml"
    text = REGISTRY_FILE if change[0].startswith("kind: tertiary") else REGISTRY_FILE.replace("kind: tertiary", "kind: primary")
    path.write_text(text.replace(*change), encoding="utf-8")
    if message is None:
        assert list(read_sources(str(path)).sources) == ["led", "gdpr"]
        return
    with pytest.raises(AuthoringError) as caught:
        read_sources(str(path))
    assert message in caught.value.message
    assert caught.value.line == line


def test_handouts_find_discussion_questions_and_sources_by_their_markup(tmp_path):
    """The contract is the {discussion-questions} block and the further-reading list, not headings or wording."""
    from bs4 import BeautifulSoup
    from conftest import sphinx_build, write_fixture_site
    from test_course import unit_with_questions

    scenario = ("::::{scenario} A fictional pilot\nThe force plans a pilot.\n\n```{discussion-questions}\n"
                "1. Who must approve the pilot?\n2. What would make you stop it?\n```\n::::\n\n"
                "## Worth reading\n\n:::{further-reading}\n- led: the directive police answer to\n:::\n\n")
    unit = unit_with_questions(30, ["first", "second", "third"]).replace(":::{key-takeaways}", scenario + ":::{key-takeaways}", 1)
    broken = "# Broken\n\n```{discussion-questions}\nNot a numbered list.\n```\n"
    src = write_fixture_site(tmp_path / "src", {
        "index.md": "# Course\n\n```{toctree}\nmodules/index\nhandouts\nbroken\n```\n",
        "modules/index.md": "# Modules\n\n```{course-outline}\n```\n\n```{toctree}\nunit\n```\n",
        "modules/unit.md": unit,
        "handouts.md": "# Handouts\n\n```{handouts}\n```\n\n```{toctree}\nhandouts/unit\n```\n",
        "handouts/unit.md": "# A unit\n\n```{handout} /modules/unit\n```\n",
        "broken.md": broken,
    }, 'course_law_as_of = "2026-11-29"\n')
    build = sphinx_build(src, tmp_path / "out")
    assert any("broken.md:3:" in p and "holds one numbered list" in p for p in build.problems), build.problems
    unit_page = BeautifulSoup((build.outdir / "modules/unit.html").read_text(encoding="utf-8"), "html.parser")
    block = unit_page.select_one(".scenario .discussion-questions")
    assert block.select_one("strong").get_text() == "Discussion questions"
    handout = BeautifulSoup((build.outdir / "handouts/unit.html").read_text(encoding="utf-8"), "html.parser").select_one(".handout")
    rubrics = [r.get_text(strip=True) for r in handout.select(".rubric")]
    assert "Scenario discussion questions" in rubrics and "Key sources" in rubrics, rubrics
    assert [li.get_text(strip=True) for li in handout.select("ol li")] == [
        "Who must approve the pilot?", "What would make you stop it?"]
    assert "Directive (EU) 2016/680 (Law Enforcement Directive)" in handout.get_text()


def test_every_unit_marks_its_discussion_questions_with_the_directive():
    from pathlib import Path

    for page in sorted(Path(__file__).parents[1].glob("modules/*/0*.md")):
        text = page.read_text(encoding="utf-8")
        assert "```{discussion-questions}" in text, f"{page.name} has no {{discussion-questions}} block"
        assert "**Discussion questions**" not in text, f"{page.name} still marks its questions by wording"
