"""Quality gates over every page of both editions, in a real browser.

One visit per page records what the gates need: axe-core violations, the
heading outline, images, console errors, every request, and whether the page
scrolls sideways at 360 and 320 pixels, and whether anything is cut off there: content
clipped inside a box that hides its overflow, or a table that scrolls inside its box with
nothing to show it. The tests below then judge the record.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import AXE, ROOT, WCAG_TAGS, csp_violations_on_pages, record_csp_violations

pytestmark = pytest.mark.browser

#: Rules we cannot satisfy, each with the reason. A test keeps this list short.
AXE_EXCEPTIONS: dict[str, str] = {}
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SECURITY_HEADERS = ROOT / "docs" / "about" / "security-headers.conf"
MODULE_PAGE_BUDGET = 250 * 1024
ANY_PAGE_BUDGET = 400 * 1024

OUTLINE_SCRIPT = """() => {
  const headings = [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]
    .filter(h => h.offsetParent !== null || h.closest('details'));
  return {
    h1: [...document.querySelectorAll('h1')].filter(h => h.getClientRects().length).length,
    levels: headings.map(h => +h.tagName[1]),
    skip: !!document.querySelector('a[href="#main-content"]') && !!document.getElementById('main-content'),
    imagesWithoutAlt: [...document.querySelectorAll('img:not([alt])')].map(i => i.src),
  };
}"""
OVERFLOW_SCRIPT = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# A page can pass the sideways-scroll check while a box with overflow hidden cuts off a table's
# last column, or a table scrolls inside its box with nothing to say that more lies beyond.
# Hidden parts of closed dialogs and <details>, and screen-reader-only text (1 px boxes), are not shown.
CLIPPED_SCRIPT = """() => {
  const found = [];
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : '');
  const text = el => el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40);
  for (const el of document.querySelectorAll('body *')) {
    if (el.clientWidth <= 2 || !el.getClientRects().length) continue;
    if (el.closest('dialog:not([open]), details:not([open]), [hidden], [aria-hidden=true]')) continue;
    const style = getComputedStyle(el), hidden = el.scrollWidth - el.clientWidth;
    if (hidden <= 1) continue;
    if (['hidden', 'clip'].includes(style.overflowX)) {
      found.push(`${name(el)} cuts off ${hidden} px of "${text(el)}"`);
    } else if (['auto', 'scroll'].includes(style.overflowX) && el.querySelector('table')) {
      const edge = parseFloat(style.borderRightWidth) > 0 || style.backgroundImage !== 'none';
      if (!edge) found.push(`${name(el)} scrolls ${hidden} px of "${text(el)}" with no visible box or cue`);
    }
    if (found.length >= 5) break;
  }
  return found;
}"""


@dataclass
class PageRecord:
    url: str
    violations: list = field(default_factory=list)
    outline: dict = field(default_factory=dict)
    console_errors: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    requests: list = field(default_factory=list)
    overflow: dict = field(default_factory=dict)
    clipped: dict = field(default_factory=dict)


#: Not site pages: theme assets, and the trainer edition's reveal.js decks, which are full-screen
#: presentations without site navigation (no skip link to skip it); test_slides audits them.
NOT_PAGES = ("_static", "slides/")


def site_pages(folder: Path) -> list[str]:
    return sorted(
        p.relative_to(folder).as_posix() for p in folder.rglob("*.html")
        if not p.relative_to(folder).as_posix().startswith(NOT_PAGES)
    )


def serve_folder(folder: Path, headers: dict[str, str] | None = None):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def end_headers(self):
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            super().end_headers()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def visit_all(browser, folder: Path) -> dict[str, PageRecord]:
    server, base = serve_folder(folder)
    records: dict[str, PageRecord] = {}
    # axe-core applies inline styles while it measures colour contrast, which each page's own CSP
    # <meta> tag refuses; the policy itself is checked on every page, without axe, in
    # test_content_safety.py.
    context = browser.new_context(bypass_csp=True)
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    axe_source = AXE.read_text(encoding="utf-8")
    current: list[PageRecord] = []
    tab.on("console", lambda m: m.type == "error" and current[-1].console_errors.append(m.text))
    tab.on("pageerror", lambda e: current[-1].console_errors.append(str(e)))
    tab.on("requestfailed", lambda r: current[-1].failed.append(r.url))
    tab.on("request", lambda r: current[-1].requests.append(r.url))
    tab.on("response", lambda r: r.status >= 400 and current[-1].failed.append(f"{r.status} {r.url}"))
    try:
        for page in site_pages(folder):
            record = PageRecord(url=base + page)
            current.append(record)
            tab.set_viewport_size({"width": 1280, "height": 900})
            tab.goto(record.url, wait_until="load")
            tab.evaluate(axe_source)
            result = tab.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                WCAG_TAGS,
            )
            record.violations = [
                {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:3]}
                for v in result["violations"] if v["id"] not in AXE_EXCEPTIONS
            ]
            record.outline = tab.evaluate(OUTLINE_SCRIPT)
            for width in (360, 320):
                tab.set_viewport_size({"width": width, "height": 800})
                record.overflow[width] = tab.evaluate(OVERFLOW_SCRIPT)
                record.clipped[width] = tab.evaluate(CLIPPED_SCRIPT)
            records[page] = record
    finally:
        context.close()
        server.shutdown()
        server.server_close()
    return records


@pytest.fixture(scope="module")
def learner_visits(browser, site_html):
    return visit_all(browser, site_html)


@pytest.fixture(scope="module")
def trainer_visits(browser, trainer_html):
    return visit_all(browser, trainer_html)


@pytest.fixture(params=["learner", "trainer"])
def visits(request):
    return request.getfixturevalue(f"{request.param}_visits")


def failures(visits, check) -> dict[str, object]:
    return {page: problem for page, record in visits.items() if (problem := check(record))}


def test_every_page_has_no_accessibility_violations(visits):
    assert failures(visits, lambda r: r.violations) == {}


def test_axe_exceptions_stay_few_and_explained():
    assert len(AXE_EXCEPTIONS) <= 2
    assert all(len(reason.split()) >= 8 for reason in AXE_EXCEPTIONS.values())


def test_every_page_has_a_skip_link_one_h1_and_ordered_headings(visits):
    def problem(record):
        outline = record.outline
        jumps = [b for a, b in zip(outline["levels"], outline["levels"][1:], strict=False) if b > a + 1]
        found = []
        if not outline["skip"]:
            found.append("no skip link to #main-content")
        if outline["h1"] != 1:
            found.append(f"{outline['h1']} h1 elements")
        if jumps:
            found.append(f"heading levels jump: {outline['levels']}")
        if outline["imagesWithoutAlt"]:
            found.append(f"images without alt: {outline['imagesWithoutAlt']}")
        return found

    assert failures(visits, problem) == {}


def test_no_console_errors_or_failed_requests(visits):
    assert failures(visits, lambda r: r.console_errors + r.failed) == {}


def test_no_request_leaves_the_local_server(visits):
    def outside(record):
        base = record.url.split("/", 3)[:3]
        origin = "/".join(base) + "/"
        return [u for u in record.requests if not u.startswith((origin, "data:", "blob:"))]

    assert failures(visits, outside) == {}


def test_no_page_scrolls_sideways_on_small_screens(visits):
    assert failures(visits, lambda r: {w: px for w, px in r.overflow.items() if px > 0}) == {}


def test_nothing_is_cut_off_on_small_screens(visits):
    assert failures(visits, lambda r: {w: found for w, found in r.clipped.items() if found}) == {}


CUT_OFF_FIXTURE = """<!doctype html><html lang="en"><meta name="viewport" content="width=device-width">
<title>Cut off</title><style>td{min-width:9rem} .box{overflow:hidden} .plain{overflow-x:auto} .cued{overflow-x:auto;border:1px solid}
.sr{position:absolute;width:1px;height:1px;overflow:hidden}</style><main>
<div class="box" id="hidden"><table><tr><td>First</td><td>Second</td><td>Status column, cut off at the edge</td></tr></table></div>
<div class="plain" id="silent"><table><tr><td>First</td><td>Second</td><td>Scrolls away with no sign it is there</td></tr></table></div>
<div class="cued" id="cued"><table><tr><td>First</td><td>Second</td><td>Scrolls inside a visible box</td></tr></table></div>
<span class="sr">Screen-reader text longer than one pixel</span></main></html>"""


def test_cut_off_check_finds_clipped_and_silently_scrolling_tables(page):
    page.set_viewport_size({"width": 320, "height": 600})
    page.set_content(CUT_OFF_FIXTURE)
    found = page.evaluate(CLIPPED_SCRIPT)
    assert len(found) == 2, found
    assert found[0].startswith("div#hidden.box cuts off") and "Status column" in found[0]
    assert found[1].startswith("div#silent.plain scrolls") and found[1].endswith("with no visible box or cue")


def transfer_bytes(record: PageRecord, folder: Path) -> int:
    """What the page transfers, gzipped, counting each local file it requested once."""
    origin = record.url.split("/", 3)
    base = "/".join(origin[:3]) + "/"
    total, seen = 0, set()
    for url in record.requests:
        path = folder / url[len(base):].split("?")[0].split("#")[0]
        if url.startswith(base) and path.is_file() and path not in seen:
            seen.add(path)
            total += len(gzip.compress(path.read_bytes(), 9))
    return total


def test_page_weight_stays_within_budget(learner_visits, site_html):
    weights = {page: transfer_bytes(r, site_html) for page, r in learner_visits.items()}
    too_heavy = {p: w for p, w in weights.items() if w > ANY_PAGE_BUDGET}
    modules = {p: w for p, w in weights.items() if p.startswith("modules/leadership/0") and w > MODULE_PAGE_BUDGET}
    assert too_heavy == {} and modules == {}


def test_focus_is_visible(page, site_url):
    page.goto(site_url + "modules/leadership/01-ai-in-law-enforcement.html")
    invisible = []
    for _ in range(12):
        page.keyboard.press("Tab")
        style = page.evaluate(
            """() => { const e = document.activeElement; const s = getComputedStyle(e);
                return {tag: e.tagName, outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                        shadow: s.boxShadow !== 'none'}; }"""
        )
        if style["tag"] != "BODY" and not (style["outline"] or style["shadow"]):
            invisible.append(style["tag"])
    assert invisible == []


def test_nu_html_checker_finds_no_errors(site_html, trainer_html):
    for folder in (site_html, trainer_html):
        pages = [str(folder / p) for p in site_pages(folder)]
        result = subprocess.run(
            ["java", "-jar", str(VNU), "--errors-only", "--format", "gnu", *pages],
            capture_output=True, text=True, timeout=300,
        )
        assert result.returncode == 0 and not result.stderr.strip(), result.stderr[:3000]


def test_nu_html_checker_catches_errors(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div></p></body></html>')
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", str(broken)], capture_output=True, text=True)
    assert result.returncode != 0 and "error" in result.stderr


def security_headers() -> dict[str, str]:
    headers = {}
    for line in SECURITY_HEADERS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("add_header "):
            name, value = line[len("add_header "):].split(" ", 1)
            headers[name] = value.rsplit(" always;", 1)[0].strip().strip('"')
    return headers


CSP_PAGES = [
    "index.html",
    "modules/leadership/03-law-and-human-rights.html",
    "docs/authoring/quizzes.html",
    "docs/progress.html",
    "docs/review.html",
    "exercises/index.html",
    "search.html",
]


def test_pages_work_under_the_documented_content_security_policy(browser, site_html):
    headers = security_headers()
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    server, base = serve_folder(site_html, headers)
    context = browser.new_context()
    tab = context.new_page()
    try:
        record_csp_violations(tab)

        def use(tab, page):
            if page == "docs/authoring/quizzes.html":
                tab.locator('[data-quiz-id="authoring-single"] input').first.check()
                tab.locator('[data-quiz-id="authoring-single"] [data-action="check"]').click()
            if page == "search.html":
                tab.goto(base + "search.html?q=oversight", wait_until="load")
                tab.wait_for_selector("#search-results li", timeout=10_000)

        assert csp_violations_on_pages(tab, {page: base + page for page in CSP_PAGES}, use) == {}
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def test_no_inline_event_handlers_or_eval_in_our_code(site_html):
    own = [p for p in (ROOT / "sphinx_course" / "theme" / "static").glob("*.js")]
    for path in own:
        text = path.read_text(encoding="utf-8")
        assert "eval(" not in text and "new Function" not in text and "innerHTML" not in text, path.name
    found = {}
    for page in site_pages(site_html):
        problems = inline_script_in((site_html / page).read_text(encoding="utf-8"))
        if problems:
            found[page] = problems
    assert found == {}


def inline_script_in(html: str) -> list[str]:
    """Every on* attribute, javascript: (or vbscript:, data:) URL and inline script in a page."""
    from bs4 import BeautifulSoup

    from sphinx_course.theme.content_security import script_url

    soup = BeautifulSoup(html, "html.parser")
    problems = []
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                problems.append(f"<{tag.name} {name}>")
            elif isinstance(value, str) and script_url(value, image=tag.name == "img" and name == "src"):
                problems.append(f"<{tag.name} {name}={value[:40]!r}>")
        if tag.name == "script" and tag.get("type", "text/javascript") != "application/json" and tag.string:
            problems.append(f"inline <script> {tag.string.strip()[:40]!r}")
    return problems


@pytest.mark.parametrize("html", [
    '<img src=x onerror=alert(1)>', '<svg><a onmouseover="x()">', '<details ontoggle=x>',
    '<a href=" javascript:alert(1)">x</a>', '<iframe src="vbscript:x">', '<script>alert(1)</script>',
    '<form action="javascript:x">', '<body onload=x>',
])
def test_the_inline_script_check_finds_each_kind(html):
    assert inline_script_in(html) != []


def test_the_inline_script_check_allows_data_blocks_and_files():
    html = '<script src="x.js"></script><script type="application/json">{"a":1}</script><img src="data:image/png;base64,AA">'
    assert inline_script_in(html) == []
