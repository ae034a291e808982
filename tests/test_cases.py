"""The case library: {case}`id` links to the case page with its summary; each case page lists who cites it."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOT, sphinx_build, write_fixture_site

CASE = """---
summary: The Court of Appeal found live facial recognition unlawful on governance grounds.
---

# R (Bridges) v Chief Constable of South Wales Police

Used in:

```{case-uses}
```
"""
INDEX = """# Site

```{toctree}
docs/cases/bridges
docs/cases/syri
m1
m2
```
"""
SYRI = "---\nsummary: A Dutch court struck down the SyRI legislation.\n---\n\n# SyRI\n\n```{case-uses}\n```\n"


def build(tmp_path, pages, builder="html"):
    src = write_fixture_site(tmp_path / "src", pages)
    return sphinx_build(src, tmp_path / builder, builder=builder)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_role_links_to_the_case_with_its_summary_and_the_case_page_lists_citing_pages(tmp_path):
    result = build(tmp_path, {
        "index.md": INDEX, "docs/cases/bridges.md": CASE, "docs/cases/syri.md": SYRI,
        "m1.md": "# Module one\n\nAs {case}`bridges` showed, rules matter.\n",
        "m2.md": "# Module two\n\nSee {case}`bridges`.\n",
    })
    assert result.returncode == 0, result.output
    cite = soup(tmp_path / "html/m1.html").select_one(".case-cite")
    assert cite.a["href"] == "docs/cases/bridges.html"
    assert cite.a.get_text() == "R (Bridges) v Chief Constable of South Wales Police"
    assert cite.select_one(".case-summary").get_text() == \
        " (The Court of Appeal found live facial recognition unlawful on governance grounds.)"
    uses = soup(tmp_path / "html/docs/cases/bridges.html").select("ul.case-uses a")
    assert [(a.get_text(), a["href"]) for a in uses] == [("Module one", "../../m1.html"), ("Module two", "../../m2.html")]
    assert "No module cites this case yet." in soup(tmp_path / "html/docs/cases/syri.html").get_text()


def test_the_role_works_on_paper_too(tmp_path):
    result = build(tmp_path, {
        "index.md": INDEX, "docs/cases/bridges.md": CASE, "docs/cases/syri.md": SYRI,
        "m1.md": "# Module one\n\nAs {case}`bridges` showed.\n", "m2.md": "# Module two\n\nText.\n",
    }, builder="text")
    assert result.returncode == 0, result.output
    text = " ".join((tmp_path / "text/m1.txt").read_text(encoding="utf-8").split())
    assert "As R (Bridges) v Chief Constable of South Wales Police (The Court of Appeal found" in text


def test_an_unknown_case_is_a_located_error(tmp_path):
    result = build(tmp_path, {
        "index.md": INDEX, "docs/cases/bridges.md": CASE, "docs/cases/syri.md": SYRI,
        "m1.md": "# Module one\n\nText.\n\nAs {case}`bridgse` showed.\n", "m2.md": "# Module two\n\nText.\n",
    })
    assert result.returncode != 0
    assert any("m1.md:5: ERROR: unknown case 'bridgse': there is no page docs/cases/bridgse.md" in p
               for p in result.problems), result.problems


def test_a_case_page_without_a_summary_is_a_located_error(tmp_path):
    result = build(tmp_path, {
        "index.md": INDEX, "docs/cases/bridges.md": CASE.replace("summary:", "sumary:"), "docs/cases/syri.md": SYRI,
        "m1.md": "# Module one\n\nText.\n", "m2.md": "# Module two\n\nText.\n",
    })
    assert result.returncode != 0
    assert any("bridges.md:1: ERROR: a case page needs a one-line 'summary:'" in p for p in result.problems), result.problems


ROLE = re.compile(r"\{case\}`([a-z0-9-]+)`")


def role_uses_in_sources() -> dict[str, list[str]]:
    """Which pages cite each case, read from the Markdown sources: the list this test reports."""
    uses = defaultdict(list)
    for path in sorted(ROOT.glob("**/*.md")):
        if "_build" in path.parts or "node_modules" in path.parts or ".venv" in path.parts:
            continue
        if path.is_relative_to(ROOT / "docs/authoring"):
            continue  # the guide shows the role as literal code
        for case_id in sorted(set(ROLE.findall(path.read_text(encoding="utf-8")))):
            uses[case_id].append(path.relative_to(ROOT).with_suffix("").as_posix())
    return dict(uses)


def test_each_case_page_lists_exactly_the_pages_that_cite_it(site_html):
    uses = role_uses_in_sources()
    print("\n".join(f"{case}: {', '.join(pages)}" for case, pages in sorted(uses.items())))
    case_pages = sorted(p.stem for p in (ROOT / "docs/cases").glob("*.md") if p.stem != "index")
    assert case_pages, "the case library has no pages"
    for case_id in case_pages:
        page = site_html / "docs/cases" / f"{case_id}.html"
        listed = sorted(
            (page.parent / a["href"].split("#")[0]).resolve().relative_to(site_html.resolve()).with_suffix("").as_posix()
            for a in soup(page).select("ul.case-uses a")
        )
        assert listed == sorted(uses.get(case_id, [])), case_id


def test_a_module_cites_each_case_at_most_once(site_html):
    for path in sorted((ROOT / "modules").glob("**/*.md")):
        found = ROLE.findall(path.read_text(encoding="utf-8"))
        assert len(found) == len(set(found)), f"{path.name} cites a case more than once: {found}"
