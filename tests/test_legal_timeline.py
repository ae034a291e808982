"""One legal timeline: milestones declared once, cited by id, one "Law as of" box per page.

Fixture pages beside what the build says about them; then the real site.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from sphinx_course.errors import AuthoringError
from sphinx_course.links.legal_timeline import load_timeline, long_date, parse_timeline, typed_milestone_dates

TIMELINE = load_timeline()
ENTRY = {
    "id": "x", "date": "2027-12-02", "applies": "Something applies.", "instrument": "Regulation (EU) 1/2",
    "source": "https://eur-lex.europa.eu/x", "source_title": "the text on EUR-Lex", "kind": "primary",
}


def test_dates_are_written_the_site_way():
    assert long_date(date(2027, 12, 2)) == "2 December 2027"


def test_every_milestone_has_an_official_https_source_and_a_kind():
    assert TIMELINE["ai-act-annex-iii"].date == date(2027, 12, 2)
    assert TIMELINE["ai-act-annex-iii"].kind == "secondary"
    for milestone in TIMELINE.values():
        assert milestone.source.startswith("https://")


@pytest.mark.parametrize(("change", "message"), [
    ({"date": "2 December 2027"}, "write YYYY-MM-DD"),
    ({"kind": "tertiary"}, "use primary or secondary"),
    ({"source": "http://example.org"}, "https:// source"),
    ({"id": "Bad Id"}, "lower-case letters"),
    ({"applies": ""}, "lacks applies"),
])
def test_a_malformed_milestone_is_an_authoring_error(change, message):
    with pytest.raises(AuthoringError, match=message):
        parse_timeline({"milestones": [{**ENTRY, **change}]})


def test_a_milestone_declared_twice_is_an_authoring_error():
    with pytest.raises(AuthoringError, match="declared twice"):
        parse_timeline({"milestones": [ENTRY, ENTRY]})


@pytest.mark.parametrize(("text", "found"), [
    ("Annex III duties apply from 2 December 2027.", [("2 December 2027", ["ai-act-annex-iii"])]),
    ("Article 50 applies from 2 August 2026.",
     [("2 August 2026", ["ai-act-original-general-application", "ai-act-transparency"])]),
    ("The guidelines were published on 4 February 2025.", []),
    ("On 12 December 2027 nothing happens.", []),
])
def test_typed_milestone_dates_are_found_in_text(text, found):
    assert typed_milestone_dates(text, TIMELINE) == found


GOOD_PAGE = """\
# Law page

:::{law-as-of}
:::

High-risk duties apply from {milestone}`ai-act-annex-iii`.

:::{legal-timeline}
:::
"""

BAD_PAGE = """\
# Law page

:::{law-as-of}
:::

High-risk duties apply from 2 December 2027.

See {milestone}`no-such-milestone`.

:::{law-as-of} 2026-01-01
:::
"""

NO_BOX_PAGE = """\
# Law page

See the [Law Enforcement Directive](https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016L0680).
"""


def build(tmp_path: Path, page: str, conf: str = 'course_law_as_of = "2026-11-29"\n'):
    from conftest import sphinx_build, write_fixture_site

    src = write_fixture_site(tmp_path / "src", {"index.md": page}, conf)
    return sphinx_build(src, tmp_path / "out")


def test_the_role_prints_the_date_the_directive_the_timeline_and_the_box_its_date(tmp_path):
    result = build(tmp_path, GOOD_PAGE)
    assert result.returncode == 0, result.problems
    html = (result.outdir / "index.html").read_text(encoding="utf-8")
    assert '<span class="milestone-date">2 December 2027</span>' in html
    assert "Law as of 29 November 2026" in html
    assert html.count('class="law-as-of admonition"') == 1
    items = re.findall(r'<li id="milestone-([a-z0-9-]+)"', html)
    assert items == [m.id for m in sorted(TIMELINE.values(), key=lambda m: (m.date, m.id))]
    assert 'href="https://eur-lex.europa.eu/eli/reg/2026/1744/oj">Regulation (EU) 2026/1744 on EUR-Lex</a>' in html
    assert "not yet checked in the official text" in html


def test_typed_dates_unknown_ids_and_a_second_box_are_reported_at_their_lines(tmp_path):
    result = build(tmp_path, BAD_PAGE)
    assert result.returncode != 0
    problems = result.problems
    assert any("index.md:6:" in p and "'2 December 2027' is the date of the legal milestone ai-act-annex-iii" in p
               and "{milestone}`ai-act-annex-iii`" in p and "[course.milestone_typed]" in p for p in problems), problems
    assert any("index.md:8:" in p and "Unknown milestone 'no-such-milestone'" in p for p in problems), problems
    assert any("index.md:10:" in p and "second one" in p and "[course.timeline]" in p for p in problems), problems


def test_a_page_with_legal_content_and_no_box_is_warned(tmp_path):
    result = build(tmp_path, NO_BOX_PAGE)
    assert any("index.md:1:" in p and "no 'Law as of' box" in p and "[course.law_as_of_missing]" in p
               for p in result.problems), result.problems


def test_the_box_without_a_date_or_default_is_an_authoring_error(tmp_path):
    result = build(tmp_path, GOOD_PAGE, conf="")
    assert any("needs a date written YYYY-MM-DD" in p for p in result.problems), result.problems


LEGAL_PAGES = [
    *[f"modules/leadership/0{n}-" for n in range(1, 10)],
    "modules/counter-terrorism/0", "exercises/scenarios/",
]


def test_every_course_page_with_legal_content_has_exactly_one_box_and_no_inline_hedge(site_html):
    checked = 0
    for page in sorted(site_html.rglob("*.html")):
        relative = page.relative_to(site_html).as_posix()
        if not relative.startswith(tuple(LEGAL_PAGES)):
            continue
        html = page.read_text(encoding="utf-8")
        checked += 1
        assert html.count('class="law-as-of admonition"') == 1, f"{relative} has no single 'Law as of' box"
        assert "as of November 2026" not in html.replace("As of", "as of"), f"{relative} keeps an inline hedge"
    assert checked >= 23


def test_module_3_renders_the_timeline_that_every_box_links_to(site_html):
    html = (site_html / "modules/leadership/03-law-and-human-rights.html").read_text(encoding="utf-8")
    assert 'id="m3-legal-timeline"' in html and 'class="legal-timeline' in html
    box_page = (site_html / "exercises/scenarios/ct-deepfake-claim.html").read_text(encoding="utf-8")
    assert "03-law-and-human-rights.html#m3-legal-timeline" in box_page


# One "Law as of" date for the whole site, the screening tool included.

REPO = Path(__file__).resolve().parent.parent
PUBLIC_LEGAL_PAGES = [
    "docs/public/ai-explained.html", "docs/public/faq.html", "docs/public/how-police-use-ai.html",
    "docs/public/myths-and-facts.html", "docs/public/your-rights.html",
    "docs/engagement/communication.html", "docs/engagement/focus-groups.html",
    "docs/engagement/transparency-statement.html",
]


def site_law_as_of() -> str:
    conf = (REPO / "conf.py").read_text(encoding="utf-8")
    return re.search(r'^course_law_as_of = "(\d{4}-\d{2}-\d{2})"$', conf, re.M).group(1)


def test_the_public_pages_and_the_engagement_kit_carry_the_real_box(site_html):
    for relative in PUBLIC_LEGAL_PAGES:
        html = (site_html / relative).read_text(encoding="utf-8")
        assert html.count('class="law-as-of admonition"') == 1, f"{relative} has no single 'Law as of' box"
        assert "03-law-and-human-rights.html#m3-legal-timeline" in html, f"{relative}: the box does not link the timeline"
        source = (REPO / relative).with_suffix(".md").read_text(encoding="utf-8")
        assert ":class: law-as-of" not in source, f"{relative}: a hand-made box instead of {{law-as-of}}"


def test_every_box_on_the_site_shows_the_same_date(site_html):
    expected = "Law as of " + long_date(date.fromisoformat(site_law_as_of()))
    dates = {}
    for page in site_html.rglob("*.html"):
        if page.relative_to(site_html).parts[0] in ("fr", "es", "ar"):
            continue  # each translated edition: test_every_translated_box_shows_the_site_date
        for title in re.findall(r'class="law-as-of admonition">\s*<p class="admonition-title">([^<]+)</p>',
                                page.read_text(encoding="utf-8")):
            dates.setdefault(title, []).append(page.relative_to(site_html).as_posix())
    assert list(dates) == [expected], {title: pages[:3] for title, pages in dates.items()}
    assert len(dates[expected]) >= 31


@pytest.mark.parametrize("code", ["fr", "es", "ar"])
def test_every_translated_box_shows_the_site_date_in_its_language(site_html, code):
    """One date per edition, written in its language from the same setting (no typed date)."""
    when = long_date(date.fromisoformat(site_law_as_of()), code)
    titles = {title for page in (site_html / code).rglob("*.html")
              for title in re.findall(r'class="law-as-of admonition">\s*<p class="admonition-title">([^<]+)</p>',
                                      page.read_text(encoding="utf-8"))}
    assert len(titles) == 1 and when in next(iter(titles)), titles


def test_every_unit_says_its_law_was_reviewed_on_the_site_date():
    reviews = {}
    for unit in sorted((REPO / "modules").rglob("*.md")):
        found = re.search(r"^legal-review: (\S+)$", unit.read_text(encoding="utf-8"), re.M)
        if found:
            reviews[unit.relative_to(REPO).as_posix()] = found.group(1)
    assert len(reviews) >= 13
    assert {page: day for page, day in reviews.items() if day != site_law_as_of()} == {}


def test_the_screening_tool_states_the_law_on_the_site_date():
    import yaml

    data = yaml.safe_load((REPO / "exercises/tools/screening.yaml").read_text(encoding="utf-8"))
    assert str(data["as_of"]) == site_law_as_of()


@pytest.mark.parametrize(("data", "law_as_of", "expected"), [
    ({"kind": "screening", "as_of": "2026-12-06"}, "2026-12-06", None),
    ({"kind": "screening", "as_of": "2026-11-29"}, "2026-12-06",
     "as_of is '2026-11-29' but the site's 'Law as of' date (course_law_as_of in conf.py) is '2026-12-06'"),
    ({"kind": "maturity"}, "2026-12-06", None),
    ({"kind": "screening", "as_of": "2026-11-29"}, "", None),
])
def test_a_screening_date_is_compared_with_the_site_date(data, law_as_of, expected):
    from sphinx_course.questionnaire.data_files import as_of_mismatch

    found = as_of_mismatch(data, law_as_of)
    assert (found is None) if expected is None else found.startswith(expected), found


def test_a_screening_with_another_date_is_warned_at_its_as_of_line(tmp_path):
    from conftest import sphinx_build, write_fixture_site

    text = (REPO / "exercises/tools/screening.yaml").read_text(encoding="utf-8")
    text = re.sub(r"^as_of: .*$", "as_of: '2026-11-29'", text, flags=re.M)
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if row.startswith("as_of:"))
    src = write_fixture_site(tmp_path / "src", {
        "index.md": "# Tool\n\n```{questionnaire} /screening.yaml\n```\n", "screening.yaml": text,
    }, 'course_law_as_of = "2026-12-06"\n')
    result = sphinx_build(src, tmp_path / "out")
    assert any(f"screening.yaml:{line}:" in p and "as_of is '2026-11-29'" in p and "[course.tool_as_of]" in p
               for p in result.problems), result.problems


def test_a_mistake_in_the_timeline_file_is_reported_at_its_line(tmp_path):
    from sphinx_course.links.legal_timeline import read_timeline

    path = tmp_path / "timeline.yaml"
    path.write_text(
        "milestones:\n"
        "  - id: x\n    date: 2027-12-02\n    applies: Something applies.\n    instrument: Regulation (EU) 1/2\n"
        "    source: https://eur-lex.europa.eu/x\n    source_title: the text\n    kind: primary\n"
        "  - id: y\n    date: 2 December 2027\n    applies: Something else.\n    instrument: Regulation (EU) 1/2\n"
        "    source: https://eur-lex.europa.eu/x\n    source_title: the text\n    kind: primary\n",
        encoding="utf-8",
    )
    with pytest.raises(AuthoringError) as caught:
        read_timeline(str(path))
    assert caught.value.message == "Milestone 'y' has date '2 December 2027'; write YYYY-MM-DD."
    assert caught.value.line == 10
