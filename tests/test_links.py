"""Link validation: LinkChecker over the served site, proven on fixtures that break each kind of link.

LinkChecker checks internal pages, #anchors (via [AnchorCheck]) and assets;
external URLs get a syntax check only, since CI has no network.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

RUNNER = Path(__file__).parent / "linkcheck_runner.py"
RC = Path(__file__).parent / "linkcheckerrc"
FIXTURE = Path(__file__).parent / "fixtures" / "linkcheck-site"


def linkcheck(url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(RUNNER), "--config", str(RC), "--no-status", "--output", "text", url],
        capture_output=True, text=True, timeout=600,
    )


def mutated_fixture(tmp_path: Path, extra: str = "", stylesheet: str = "") -> Path:
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    index = site / "index.html"
    index.write_text(
        index.read_text().replace("<!--EXTRA-->", extra).replace("<!--STYLESHEET-->", stylesheet)
    )
    return site


def test_clean_fixture_passes(tmp_path, serve):
    result = linkcheck(serve(mutated_fixture(tmp_path)) + "index.html")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    "extra,stylesheet,target",
    [
        ('<a href="missing-page.html">A page that is gone</a>', "", "missing-page.html"),
        ('<a href="page.html#no-such-section">A missing section</a>', "", "#no-such-section"),
        ('<img src="missing-figure.png" alt="A missing figure">', "", "missing-figure.png"),
        ("", '<link rel="stylesheet" href="missing-theme.css">', "missing-theme.css"),
    ],
    ids=["broken-page-link", "broken-anchor", "missing-image", "missing-stylesheet"],
)
def test_each_kind_of_broken_link_fails_naming_page_and_target(tmp_path, serve, extra, stylesheet, target):
    base = serve(mutated_fixture(tmp_path, extra, stylesheet))
    result = linkcheck(base + "index.html")
    assert result.returncode != 0, result.stdout
    report = result.stdout
    assert target in report, report
    assert f"Parent URL {base}index.html" in report, report


def test_the_real_site_has_no_broken_links_anchors_or_assets(site_url):
    result = linkcheck(site_url + "index.html")
    assert result.returncode == 0, result.stdout[-5000:]


def test_external_links_are_collected_into_one_report(site_html):
    report = json.loads((site_html / "external-links.json").read_text(encoding="utf-8"))
    assert len(report) >= 20
    urls = [entry["url"] for entry in report]
    assert urls == sorted(set(urls)), "one entry per URL, sorted"
    for entry in report:
        assert entry["citations"], entry["url"]
        for citation in entry["citations"]:
            assert citation["page"].endswith(".html") and citation["text"].strip()
    eur_lex = [e for e in report if e["url"].startswith("https://eur-lex.europa.eu/")]
    assert eur_lex, "legal sources are among the collected links"


def test_every_external_link_is_https(site_html):
    report = json.loads((site_html / "external-links.json").read_text(encoding="utf-8"))
    insecure = [e["url"] for e in report if not e["url"].startswith("https://")]
    assert insecure == []


BAD_LINK_PAGE = """# Links

Read [click here](https://example.org/a) or [here](https://example.org/b),
or <https://example.org/c>, or [the text](http://example.org/plain).
"""


def test_vague_link_text_bare_urls_and_http_fail_the_build(tmp_path):
    from conftest import sphinx_build, write_fixture_site

    src = write_fixture_site(tmp_path / "src", {"index.md": BAD_LINK_PAGE})
    build = sphinx_build(src, tmp_path / "out")
    assert build.returncode != 0
    problems = "\n".join(build.problems)
    assert 'Link to https://example.org/a uses the vague link text "click here"' in problems
    assert 'Link to https://example.org/b uses the vague link text "here"' in problems
    assert "Link to https://example.org/c shows a bare URL as its text" in problems
    assert "Link to http://example.org/plain uses http://" in problems
    assert "[course.link_text]" in problems and "[course.link_insecure]" in problems


def test_http_allowlist_entry_with_reason_is_accepted(tmp_path):
    from conftest import sphinx_build, write_fixture_site

    page = "# Links\n\nSee [the archive of the old register](http://example.org/plain).\n"
    src = write_fixture_site(
        tmp_path / "src", {"index.md": page},
        'course_http_allowlist = {"http://example.org/plain": "archive has no https"}\n',
    )
    build = sphinx_build(src, tmp_path / "out")
    assert build.returncode == 0, build.problems


def test_linkcheck_external_says_no_network_in_one_line_and_fails(tmp_path):
    report = tmp_path / "external-links.json"
    report.write_text(json.dumps([{"url": "https://no-such-host.invalid/x", "citations": []}]))
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_course.cli.linkrot", str(report), str(tmp_path / "rot.json")],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "No network: cannot resolve any cited host, so external links were not checked."
    ]


def test_the_trainer_edition_has_no_broken_links_anchors_or_assets(trainer_html, serve):
    result = linkcheck(serve(trainer_html) + "index.html")
    assert result.returncode == 0, result.stdout[-5000:]


PDF_HUB = "# Hub\n\n```{pdf-files}\ncourse-book.pdf: The course book\npacks/half-day.pdf: Pack: half-day workshop\n```\n"


@pytest.mark.parametrize("present", [["course-book.pdf", "packs/half-day.pdf"], ["course-book.pdf"], []])
def test_the_trainer_edition_links_the_pdfs_it_carries_and_linkchecker_passes(tmp_path, serve, present):
    """make pdf prints into the PDF folder and rebuilds the trainer edition, which copies each PDF in."""
    from bs4 import BeautifulSoup
    from conftest import sphinx_build, write_fixture_site

    # The trainer edition announces itself in the real theme's banner.
    conf = 'course_pdf_folder = "printed"\nhtml_theme = "sphinx_book_theme"\n'
    src = write_fixture_site(tmp_path / "src", {"index.md": PDF_HUB}, conf)
    for name in present:
        (src / "printed" / name).parent.mkdir(parents=True, exist_ok=True)
        (src / "printed" / name).write_bytes(b"%PDF-1.4\n% " + name.encode() + b"\n%%EOF\n")
    for edition in ("trainer", "learner"):
        out = tmp_path / edition
        build = sphinx_build(src, out, "-D", f"course_edition={edition}")
        assert build.returncode == 0, build.output
        page = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
        links = {a.get_text(strip=True): a["href"] for a in page.select("ul.pdf-files a")}
        if edition == "learner":
            assert not links and not page.select(".pdf-files-missing"), "the learner edition links no trainer PDFs"
            continue
        wanted = {"course-book.pdf": "The course book", "packs/half-day.pdf": "Pack: half-day workshop"}
        assert sorted(links) == sorted(wanted[name] for name in present)
        for name in present:
            copied = out / links[wanted[name]]
            assert copied.read_bytes().startswith(b"%PDF") and name.encode() in copied.read_bytes()
        assert bool(page.select(".pdf-files-missing")) == (not present)
        result = linkcheck(serve(out) + "index.html")
        assert result.returncode == 0, result.stdout[-3000:]
