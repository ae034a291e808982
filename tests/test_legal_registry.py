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
