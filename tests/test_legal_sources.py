"""The sources check: legal sources cite their publisher of record, never a mirror or relay.

Each case pairs a link (URL and text) with what the check says about it; the build test
shows the same rules failing a real build, each error at the page and line of the link.
"""

from __future__ import annotations

import pytest

from sphinx_course.errors import AuthoringError
from sphinx_course.links.official_sources import host_matches, link_source_problem, load_rules, parse_rules

RULES = load_rules()

REFUSED = [
    # (url, link text, words the refusal must contain)
    ("https://data.guardint.org/en/entity/f8fscbui4qq", "Court of Appeal judgment in Bridges",
     "bailii.org/ew/cases/EWCA/Civ/2020/1058"),
    ("https://zoomlaw.co.uk/2020EWCACiv1058.html", "summary of the Bridges judgment", "BAILII"),
    ("https://jure.nl/ECLI:NL:RBDHA:2020:1878", "SyRI judgment", "rechtspraak.nl"),
    ("https://www.regulation-ai.eu/en/omnibus/ai-act-omnibus-deadlines/", "AI Act deadlines", "EUR-Lex"),
    ("https://github.com/abk1969/ai-act-skills/releases/tag/v2.0.0", "release notes", "EUR-Lex"),
    ("https://aireg.snapsynapse.com/regulation/coe-cets-225/index.html", "tracker", "CETS No. 225"),
    ("https://aistoriz.com/how-law-enforcement", "Northeastern article", "Northeastern"),
    ("https://www.sipoch.com/en/article/1", "NEC article", "original publisher"),
    ("https://leosphere.net/?p=6914", "survey report", "CENTRIC"),
    ("https://www.mintlify.com/tractorjuice/arc-kit/commands/atrs", "ArcKit", "GOV.UK"),
    ("https://static.report.az/en/ict/interview", "Report.az interview", "mirror. Cite the original site (report.az)"),
    ("https://unicri.it/Publication/Toolkit?page=1", "Toolkit publication page", "'?page='"),
    ("https://global-threats.europa.eu/our-projects/ai-pol_ro", "AI-POL project page", "'ro' language version"),
    ("https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32016L0680", "the LED", "FR language version"),
    # Text that cites a legal source, linked to a host that is not its publisher of record.
    ("https://example.org/ai-act.html", "Regulation (EU) 2024/1689", "EU legislation and EU case law"),
    ("https://example.org/marper", "S. and Marper v. the United Kingdom", "European Court of Human Rights"),
    ("https://example.org/cets", "the Convention (CETS No. 225)", "coe.int"),
    ("https://example.org/bridges", "R (Bridges) [2020] EWCA Civ 1058", "bailii.org"),
    ("https://example.org/syri", "ECLI:NL:RBDHA:2020:1878", "rechtspraak.nl"),
    ("https://example.org/bverfg", "1 BvR 1547/19", "bundesverfassungsgericht.de"),
    ("https://example.org/gc37", "General Comment No. 37", "ohchr.org"),
]

ACCEPTED = [
    ("https://www.bailii.org/ew/cases/EWCA/Civ/2020/1058.html", "R (Bridges) [2020] EWCA Civ 1058"),
    ("https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:RBDHA:2020:1878", "SyRI, ECLI:NL:RBDHA:2020:1878"),
    ("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016L0680", "Directive (EU) 2016/680"),
    ("https://curia.europa.eu/juris/liste.jsf?num=C-817/19", "Case C-817/19"),
    ("https://hudoc.echr.coe.int/eng?i=001-90051", "S. and Marper v. the United Kingdom"),
    ("https://rm.coe.int/1680afae3c", "the Convention (CETS No. 225)"),
    ("https://www.ohchr.org/en/documents/general-comments", "General Comment No. 37"),
    ("https://global-threats.europa.eu/our-projects/ai-pol_en", "AI-POL project page"),
    ("https://www.bundesverfassungsgericht.de/e/rs20230216_1bvr154719en.html", "1 BvR 1547/19"),
    # Not a legal citation, so any ordinary host is fine.
    ("https://www.nist.gov/news-events/news/2019/12/nist-study", "NIST news release"),
]


@pytest.mark.parametrize(("url", "text", "expected"), REFUSED)
def test_mirrors_relays_leftovers_and_unofficial_legal_hosts_are_refused(url, text, expected):
    problem = link_source_problem(url, text, RULES)
    assert problem is not None, f"{url} with text {text!r} was accepted"
    assert expected in problem


@pytest.mark.parametrize(("url", "text"), ACCEPTED)
def test_publishers_of_record_are_accepted(url, text):
    assert link_source_problem(url, text, RULES) is None


def test_a_host_entry_covers_its_subdomains_only():
    assert host_matches("hudoc.echr.coe.int", "coe.int")
    assert host_matches("www.bailii.org", "bailii.org")
    assert not host_matches("notcoe.int", "coe.int")
    assert not host_matches("coe.int.example.org", "coe.int")


def test_a_path_entry_refuses_that_account_only():
    assert link_source_problem("https://github.com/abk1969/x", "notes", RULES)
    assert link_source_problem("https://github.com/adobe/trustmark", "TrustMark documentation", RULES) is None


def test_a_malformed_rules_file_is_an_authoring_error():
    with pytest.raises(AuthoringError, match="must have a 'kinds' list"):
        parse_rules({})
    with pytest.raises(AuthoringError, match="invalid 'cites' pattern"):
        parse_rules({"kinds": [{"id": "x", "name": "x", "cites": "(", "hosts": ["a.org"]}]})
    with pytest.raises(AuthoringError, match="at least one official host"):
        parse_rules({"kinds": [{"id": "x", "name": "x", "cites": "x", "hosts": []}]})


BAD_SOURCES_PAGE = """\
# Sources

The [Court of Appeal judgment in Bridges](https://zoomlaw.co.uk/2020EWCACiv1058.html) is cited.

The [Toolkit publication page](https://unicri.it/Publication/Toolkit?page=1) is cited.

The [AI-POL project page](https://global-threats.europa.eu/our-projects/ai-pol_ro) is cited.

Read [Directive (EU) 2016/680 on a law blog](https://example.org/led) too.
"""


def test_the_build_fails_with_each_bad_source_at_its_page_and_line(tmp_path):
    from conftest import sphinx_build, write_fixture_site

    src = write_fixture_site(tmp_path / "src", {"index.md": BAD_SOURCES_PAGE})
    build = sphinx_build(src, tmp_path / "out")
    assert build.returncode != 0
    problems = build.problems
    expected = {
        3: "zoomlaw.co.uk copies or relays official texts",
        5: "crawler",
        7: "'ro' language version",
        9: "cites EU legislation and EU case law, but example.org is not an official host",
    }
    for line, words in expected.items():
        assert any(f"index.md:{line}:" in p and words in p and "[course.source]" in p for p in problems), (
            f"no error at index.md:{line} saying {words!r}:\n" + "\n".join(problems)
        )


def test_deferred_folders_are_skipped_and_the_rest_still_checked(tmp_path):
    from conftest import sphinx_build, write_fixture_site

    pages = {
        "index.md": "# Home\n\n```{toctree}\nlater/page\n```\n",
        "later/page.md": "# Later\n\nSee the [Toolkit publication page](https://unicri.it/Publication/Toolkit?page=1).\n",
    }
    src = write_fixture_site(tmp_path / "src", pages, 'course_legal_checks_deferred = ("later/",)\n')
    assert sphinx_build(src, tmp_path / "out").returncode == 0
    src = write_fixture_site(tmp_path / "src2", pages)
    build = sphinx_build(src, tmp_path / "out2")
    assert any("later/page.md:3:" in p and "[course.source]" in p for p in build.problems), build.problems
