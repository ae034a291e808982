"""Page sources carry no script: raw HTML is a located build error, and every page has a CSP tag.

Each file in fixtures/raw-html puts raw HTML in one place an author or a
translator could type it: question text, context, an option, feedback, a hint,
an explanation, an ordering step, an admonition, a ``{raw}`` directive, the page
body, an included file. Its first line states the error the build must report.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import csp_violations_on_pages, record_csp_violations, sphinx_build, write_fixture_site

from sphinx_course.config import META_CONTENT_SECURITY_POLICY
from sphinx_course.theme.content_security import (
    is_html_comment,
    json_for_html,
    script_url,
)

CORPUS = Path(__file__).parent / "fixtures" / "raw-html"
EXPECT = re.compile(r"^% expect: (?:([\w/.-]+):)?(\d+): (.*)$")
SECURITY_HEADERS = Path(__file__).parent.parent / "docs" / "about" / "security-headers.conf"


def expectations() -> list[tuple[str, str, int, str]]:
    cases = []
    for path in sorted(CORPUS.glob("*.md")):
        match = EXPECT.match(path.read_text(encoding="utf-8").splitlines()[0])
        if match:
            cases.append((path.name, match.group(1) or path.name, int(match.group(2)), match.group(3)))
    return cases


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    src = tmp_path_factory.mktemp("raw-html")
    pages = {path.name: path.read_text(encoding="utf-8") for path in CORPUS.glob("*.md")}
    pages["index.md"] = "# Raw HTML corpus\n\n```{toctree}\n:glob:\n\n*\n```\n"
    write_fixture_site(src, pages)
    shutil.copytree(CORPUS / "parts", src / "parts")
    return sphinx_build(src, src / "_build" / "html")


@pytest.mark.parametrize("name,reported_in,line,message", expectations(), ids=[c[0] for c in expectations()])
def test_raw_html_is_an_error_at_its_line(corpus_build, name, reported_in, line, message):
    wanted = f"/{reported_in}:{line}: ERROR: {message}"
    reported = [p for p in corpus_build.problems if f"/{reported_in}:" in p]
    assert any(wanted in p for p in reported), f"expected {wanted!r}\nreported: {reported}"


def test_each_piece_of_raw_html_is_reported_once(corpus_build):
    raw = [p for p in corpus_build.problems if "[course.raw_html]" in p]
    assert len(raw) == len(expectations()), "\n".join(raw)
    assert corpus_build.returncode != 0
    assert "Traceback" not in corpus_build.output


def test_comments_are_dropped_without_an_error(corpus_build):
    assert not [p for p in corpus_build.problems if "comments_are_fine" in p]
    html = (corpus_build.outdir / "comments_are_fine.html").read_text(encoding="utf-8")
    assert "A note to other authors" not in html and "Some text." in html


def test_nothing_from_the_corpus_reaches_a_page(corpus_build):
    for page in corpus_build.outdir.glob("*.html"):
        if page.name in ("search.html", "genindex.html"):
            continue  # the theme's own pages
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("div.body")
        handlers = [(t.name, a) for t in soup.find_all(True) for a in t.attrs if a.lower().startswith("on")]
        assert handlers == [], page.name
        assert not soup.find_all(["iframe", "object", "svg", "form", "style"]), page.name
        assert not soup.find_all("script"), page.name
        assert not [t for t in soup.find_all(True) for v in t.attrs.values()
                    if isinstance(v, str) and script_url(v)], page.name


def test_an_allowlisted_page_keeps_its_raw_html(tmp_path):
    src = write_fixture_site(
        tmp_path / "src",
        {"index.md": "# Allowed\n\n<abbr title=\"United Nations\">UN</abbr>\n"},
        conf_extra='course_raw_html_allowlist = {"index": "the abbreviation has no Markdown form"}\n',
    )
    build = sphinx_build(src, tmp_path / "out")
    assert build.returncode == 0, build.problems
    assert '<abbr title="United Nations">UN</abbr>' in (tmp_path / "out" / "index.html").read_text()


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "vbscript:msgbox",
    "data:text/html,<script>alert(1)</script>", "\x01javascript:x",
])
def test_script_urls_are_recognised(url):
    assert script_url(url)


@pytest.mark.parametrize("url", ["https://example.org", "/docs/glossary", "#top", "mailto:a@b.org", "page.html"])
def test_ordinary_urls_are_not(url):
    assert not script_url(url)


def test_a_data_image_is_allowed_only_as_an_image():
    assert not script_url("data:image/png;base64,AAAA", image=True)
    assert script_url("data:image/svg+xml,<svg onload=alert(1)>", image=True)


@pytest.mark.parametrize("text,expected", [
    ("<!-- x -->", True), ("<!-- a --> <!-- b -->\n", True), ("<!-- x --><b>", False), ("<!--<script>", False),
])
def test_only_complete_comments_count_as_comments(text, expected):
    assert is_html_comment(text) is expected


def test_json_in_html_cannot_open_or_close_an_element():
    text = json_for_html({"a": "<!--<script>", "b": "</script>", "c": "Q&A", "d": "\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert text == '{"a":"\\u003c!--\\u003cscript\\u003e","b":"\\u003c/script\\u003e","c":"Q\\u0026A","d":"\\u2028"}'


def test_json_in_html_refuses_nan():
    with pytest.raises(ValueError):
        json_for_html({"weight": float("nan")})


def test_the_meta_policy_is_the_hosting_header_less_frame_ancestors():
    header = re.search(r'Content-Security-Policy "([^"]+)"', SECURITY_HEADERS.read_text(encoding="utf-8")).group(1)
    directives = [d.strip() for d in header.split(";") if not d.strip().startswith("frame-ancestors")]
    assert "; ".join(directives) == META_CONTENT_SECURITY_POLICY


def _meta_policies(folder: Path) -> dict[str, list[str]]:
    found = {}
    for page in folder.rglob("*.html"):
        relative = page.relative_to(folder).as_posix()
        if relative.startswith(("_static", "slides/")):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        found[relative] = [m.get("content") for m in soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})]
    return found


def test_every_page_of_both_editions_carries_the_policy(site_html, trainer_html):
    for folder in (site_html, trainer_html):
        policies = _meta_policies(folder)
        assert len(policies) > 40
        wrong = {page: found for page, found in policies.items() if found != [META_CONTENT_SECURITY_POLICY]}
        assert wrong == {}, folder


def test_the_policy_comes_before_any_script_or_style(site_html):
    html = (site_html / "index.html").read_text(encoding="utf-8")
    head = html.split("</head>")[0]
    assert head.index("Content-Security-Policy") < min(head.index("<script"), head.index("<link rel=\"stylesheet\""))


CSP_PAGES = [
    "index.html",
    "modules/leadership/03-law-and-human-rights.html",
    "docs/authoring/quizzes.html",
    "docs/progress.html",
    "exercises/tools/readiness.html",
    "exercises/tools/strategy-builder.html",
    "search.html",
]


@pytest.mark.browser
def test_pages_from_the_dist_zip_work_under_their_own_policy(browser, site_html, tmp_path):
    """From file:// no server sends the header: the <meta> policy alone must hold, and break nothing."""
    import zipfile

    from sphinx_course.cli.dist import TOP, make_zip

    make_zip(site_html, tmp_path / "site.zip")
    with zipfile.ZipFile(tmp_path / "site.zip") as archive:
        archive.extractall(tmp_path / "out")
    root = tmp_path / "out" / TOP
    context = browser.new_context()
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    record_csp_violations(tab)

    def use(tab, page):
        if page == "docs/authoring/quizzes.html":
            tab.locator('[data-quiz-id="authoring-single"] input').first.check()
            tab.locator('[data-quiz-id="authoring-single"] [data-action="check"]').click()
            assert tab.locator('[data-quiz-id="authoring-single"] .quiz-result').first.inner_text(), \
                "the quiz did not answer under the page's own policy"

    try:
        assert csp_violations_on_pages(tab, {page: (root / page).as_uri() for page in CSP_PAGES}, use) == {}
        assert errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_the_meta_policy_blocks_an_injected_handler(browser, tmp_path):
    """The tag is a real defence: a handler that slipped into a page does not run."""
    page = tmp_path / "page.html"
    page.write_text(
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{META_CONTENT_SECURITY_POLICY}">'
        '<title>t</title></head><body><img src="missing.png" alt="" onerror="document.title=\'ran\'">'
        '<script>document.title="ran"</script></body></html>',
        encoding="utf-8",
    )
    context = browser.new_context()
    tab = context.new_page()
    try:
        tab.goto(page.as_uri(), wait_until="load")
        tab.wait_for_timeout(200)
        assert tab.title() == "t", "an inline handler ran despite the policy"
    finally:
        context.close()


def test_no_page_of_either_edition_has_what_the_policy_refuses(site_html, trainer_html):
    """Inline style attributes and inline scripts would be refused (and reported) on every load."""
    found = {}
    for folder in (site_html, trainer_html):
        for page in folder.rglob("*.html"):
            relative = page.relative_to(folder).as_posix()
            if relative.startswith(("_static", "slides/")):
                continue
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            refused = [f"<{t.name} style>" for t in soup.find_all(style=True)]
            refused += [f"inline <{t.name}>" for t in soup.find_all(["script", "style"])
                        if t.string and t.get("type") != "application/json"]
            if refused:
                found[f"{folder.name}/{relative}"] = refused[:3]
    assert found == {}


def test_tables_with_widths_and_the_index_keep_their_content(site_html):
    index = BeautifulSoup((site_html / "genindex.html").read_text(encoding="utf-8"), "html.parser")
    assert index.select("table.genindextable li"), "the index page lost its entries"
    guide = BeautifulSoup((site_html / "docs/engagement/focus-groups.html").read_text(encoding="utf-8"), "html.parser")
    caption = guide.find("caption", string=lambda s: s and "discussion guide" in s) or guide.find(
        lambda tag: tag.name == "caption" and "discussion guide" in tag.get_text())
    table = caption.find_parent("table")
    assert len(table.select("tr")) > 3 and not table.find("col", style=True)


@pytest.mark.browser
@pytest.mark.parametrize("edition", ["learner", "trainer"])
def test_every_page_loads_under_its_own_policy_without_a_violation(browser, site_html, trainer_html, edition):
    from test_quality_gates import serve_folder, site_pages

    folder = site_html if edition == "learner" else trainer_html
    server, base = serve_folder(folder)
    context = browser.new_context()
    tab = context.new_page()
    record_csp_violations(tab)
    try:
        assert csp_violations_on_pages(tab, {page: base + page for page in site_pages(folder)}) == {}
    finally:
        context.close()
        server.shutdown()
        server.server_close()
