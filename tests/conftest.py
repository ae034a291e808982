"""Shared fixtures: the real site built once per test session, and small fixture sites.

The site is built the way `make html` builds it (strict: -W --keep-going -n),
into _build/test so that it never disturbs the published _build/html. `make test` runs
the suite in two pytest-xdist workers, a file each at a time; the site and the trainer
edition are still built once, by whichever worker needs them first (see `built_once`).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

# The browser tests launch Chromium exactly as `make pdf` does.
from sphinx_course.cli.pdf import BROWSER_ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
TEST_BUILD = ROOT / "_build" / "test"
STRICT = ["-W", "--keep-going", "-n"]
FALLBACK_EPOCH = "1795910400"  # 2026-11-29, for a tree without git history


#: Programs the suite runs, and the Debian package that provides each.
REQUIRED_PROGRAMS = {"java": "default-jre-headless", "node": "nodejs"}


def missing_programs(which=shutil.which, exists=os.path.exists) -> list[str]:
    """One line per program the suite needs but this machine lacks, naming its package."""
    lines = [f"{program} is not installed (Debian package {package})"
             for program, package in REQUIRED_PROGRAMS.items() if which(program) is None]
    if not exists(CHROMIUM):
        lines.append(f"Chromium is not at {CHROMIUM} (Debian package chromium; or set CHROMIUM=/path/to/chromium)")
    return lines


def pytest_sessionstart(session):
    if hasattr(session.config, "workerinput"):
        return  # an xdist worker: the controller has checked and cleared already
    # Stop before the first test rather than fail dozens of them with the same traceback.
    if os.environ.get("COURSE_TESTS_SKIP_TOOL_CHECK") != "1" and (missing := missing_programs()):
        pytest.exit("The test suite cannot run: " + "; ".join(missing)
                    + ". Install them, or run bash .ci/run, which does.", returncode=4)
    # Cleared here, once, not by the first build: a worker may already be writing fixture builds in it.
    shutil.rmtree(TEST_BUILD, ignore_errors=True)


@dataclass
class Build:
    returncode: int
    output: str
    outdir: Path

    @property
    def problems(self) -> list[str]:
        return [line for line in self.output.splitlines() if "WARNING:" in line or "ERROR:" in line]


def source_date_epoch() -> str:
    """As the Makefile does: the last commit's time, so dates in the HTML never come from the clock."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], capture_output=True, text=True, cwd=ROOT)
    return result.stdout.strip() or FALLBACK_EPOCH


def sphinx_build(srcdir: Path, outdir: Path, *extra: str, builder: str = "html") -> Build:
    doctrees = TEST_BUILD / "doctrees" / outdir.relative_to(TEST_BUILD).as_posix().replace("/", "-") \
        if outdir.is_relative_to(TEST_BUILD) else outdir.parent / (outdir.name + ".doctrees")
    # CI terminals may set FORCE_COLOR; the tests read Sphinx's messages as plain text.
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(), "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", builder, "--no-color", *STRICT, "-d", str(doctrees), *extra, str(srcdir), str(outdir)],
        capture_output=True, text=True, env=env, cwd=srcdir,
    )
    return Build(result.returncode, result.stdout + result.stderr, outdir)


def build_editions(outdir: Path, *extra: str, doctrees: Path = TEST_BUILD / "doctrees" / "site") -> Build:
    """Every edition, as `make html` builds them: English in ``outdir``, each translation in ``outdir/<code>``."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(), "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_course.cli.editions", str(outdir), str(doctrees),
         "--no-color", *STRICT, "-D", f"course_gettext_dir={TEST_BUILD / 'gettext'}", *extra],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )
    return Build(result.returncode, result.stdout + result.stderr, outdir)


#: Locks and results of the builds the workers share; outside TEST_BUILD, which the controller clears.
SHARED_BUILDS = ROOT / "_build" / "test-shared"


def built_once(name: str, build) -> Build:
    """``build()`` run once per test run, however many xdist workers ask: the first builds while holding
    a lock, and the others wait for it and read its result. Without xdist, it simply builds."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if run is None:
        return build()
    SHARED_BUILDS.mkdir(parents=True, exist_ok=True)
    result = SHARED_BUILDS / f"{name}.json"
    with open(SHARED_BUILDS / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if result.is_file() and (record := json.loads(result.read_text(encoding="utf-8")))["run"] == run:
            return Build(record["returncode"], record["output"], Path(record["outdir"]))
        made = build()
        result.write_text(json.dumps({"run": run, "returncode": made.returncode, "output": made.output,
                                      "outdir": str(made.outdir)}), encoding="utf-8")
        return made


@pytest.fixture(scope="session")
def site() -> Build:
    """The learner edition of the real site, built cleanly once for the whole session."""
    return built_once("site", lambda: build_editions(TEST_BUILD / "html"))


@pytest.fixture(scope="session")
def site_html(site: Build) -> Path:
    assert site.returncode == 0, "the site build failed:\n" + "\n".join(site.problems)
    return site.outdir


def write_fixture_site(folder: Path, pages: dict[str, str], conf_extra: str = "") -> Path:
    """A minimal Sphinx project using the course extensions, for build tests."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_course"]\n'
        'myst_enable_extensions = ["colon_fence", "deflist"]\n'
        'exclude_patterns = ["_build"]\n'
        'course_privacy_page = "index"\n'
        'course_review_reference_date = "2026-11-29"\n'
        # Fixture quizzes test other things; the lint's own tests set "warn" in conf_extra.
        'course_quiz_lint = "report"\n' + conf_extra,
        encoding="utf-8",
    )
    for name, text in pages.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        # Tells LinkChecker this host is ours, so it does not throttle to 10 requests a second.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


@contextlib.contextmanager
def served(folder: Path):
    """Serve a folder on 127.0.0.1 for the duration of a ``with``; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def serve():
    """Serve folders on 127.0.0.1; returns a function folder -> base URL."""
    with contextlib.ExitStack() as servers:
        yield lambda folder: servers.enter_context(served(folder))


@pytest.fixture(scope="session")
def site_url(site_html):
    with served(site_html) as url:
        yield url


#: Where browser tests save what a person should look at.
SCREENSHOTS = ROOT / "_build" / "journeys"


def save_screenshot(tab, name: str) -> Path:
    """Save what is on screen to _build/journeys/<name>.png.

    Playwright hides the text caret by injecting a <style> element, which every page's
    Content-Security-Policy refuses (a console error the tests would then report); the
    caret is left as it is instead.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), caret="initial")
    return path


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (empty storage) whose requests and console errors are recorded."""
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.requests = []
    tab.console_errors = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    tab.on("pageerror", lambda error: tab.console_errors.append(error.stack or str(error)))
    yield tab
    context.close()


def record_csp_violations(tab) -> None:
    """Make every page this tab opens keep the Content-Security-Policy violations it reports."""
    tab.add_init_script(
        "window.__cspViolations = [];"
        "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
        "e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));"
    )


def csp_violations(tab) -> list[str]:
    """The violations the page open in ``tab`` has reported (see :func:`record_csp_violations`)."""
    return tab.evaluate("window.__cspViolations")


def csp_violations_on_pages(tab, urls: dict[str, str], after_load=None) -> dict[str, list[str]]:
    """Open each page (name -> URL), let ``after_load(tab, name)`` use it, and collect its violations."""
    violations = {}
    for name, url in urls.items():
        tab.goto(url, wait_until="load")
        if after_load is not None:
            after_load(tab, name)
        found = csp_violations(tab)
        if found:
            violations[name] = found
    return violations


def axe_violations(tab) -> list[dict]:
    """Run axe-core (pinned npm package) on the page for WCAG 2.0, 2.1 and 2.2 A and AA."""
    # Every page carries a strict Content-Security-Policy <meta> tag, which blocks an injected
    # <script>; source evaluated through the DevTools protocol is not subject to it.
    if not tab.evaluate("typeof window.axe === 'object'"):
        tab.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    errors = getattr(tab, "console_errors", None)
    before = len(errors) if errors is not None else 0
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    if errors is not None:
        # axe sets inline styles while it measures contrast, which the page's policy refuses; those
        # refusals are axe's doing, not the page's, so they are not left for the page to answer for.
        errors[before:] = [e for e in errors[before:] if not e.startswith("Applying inline style violates")]
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


@pytest.fixture(scope="session")
def trainer_html(site_html) -> Path:
    """The trainer edition of the same sources, with its slide decks, as `make trainer` builds it."""
    # The site's build made the message templates the translation status pages count against.
    build = built_once("trainer", lambda: sphinx_build(ROOT, TEST_BUILD / "trainer", "-D", "course_edition=trainer",
                                                       "-D", f"course_gettext_dir={TEST_BUILD / 'gettext'}"))
    assert build.returncode == 0, "the trainer build failed:\n" + "\n".join(build.problems)
    decks = built_once("decks", lambda: sphinx_build(ROOT, TEST_BUILD / "trainer" / "slides", "-c", str(ROOT / "slides"),
                                                     builder="revealjs"))
    assert decks.returncode == 0, "the slide build failed:\n" + "\n".join(decks.problems)
    return build.outdir
