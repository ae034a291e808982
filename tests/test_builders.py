"""The course extensions as a Sphinx user meets them: every builder, bad settings, builds without -W.

Each test builds a small fixture site that uses every kind of course directive.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import source_date_epoch, write_fixture_site
from test_course import unit_with_questions

FIXTURES = Path(__file__).parent / "fixtures"


def every_directive_site(folder: Path, conf_extra: str = "") -> Path:
    return write_fixture_site(folder, {
        "index.md": "# Course\n\n```{toctree}\nmodules/index\nprogress\nhandouts\nformats\ntool\ncards\nreading\nassessment\n```\n",
        "reading.md": "# Reading\n\n:::{law-as-of} 2026-11-29\n:::\n\n```{discussion-questions}\n1. Which law applies?\n```\n\n"
                      ":::{further-reading}\n- led: Chapter V on transfers\n- glukhin\n:::\n",
        "modules/index.md": "# Modules\n\n```{course-outline}\n```\n\n```{toctree}\nunit\n```\n",
        "modules/unit.md": unit_with_questions(30, ["first", "second", "third"]),
        "progress.md": "# Progress\n\n```{course-progress}\n```\n",
        "handouts.md": "# Handouts\n\n```{handouts}\n```\n\n```{toctree}\nhandouts/unit\n```\n",
        "handouts/unit.md": "# A unit\n\n```{handout} /modules/unit\n```\n",
        "formats.md": "# Formats\n\n::::{agenda} Short session\n:start: 09:00\n:length: 60\n\n- /modules/unit\n- break 10 Coffee\n::::\n",
        "tool.md": "# Tool\n\n```{questionnaire} /mini.yaml\n```\n",
        "mini.yaml": (FIXTURES / "tool-valid-maturity.yaml").read_text(encoding="utf-8"),
        "assessment.md": "# Assessment\n\n```{assessment-report}\n```\n",
        "cards.md": "# Cards\n\n```{message-cards} /cards.yaml\n```\n",
        "cards.yaml": "- id: one\n  text: Police must be able to explain an AI-assisted decision.\n  page: /index\n",
    }, 'version = "1"\ncopyright = "2026"\n' + conf_extra)


def build(src: Path, out: Path, *options: str, builder: str = "html") -> subprocess.CompletedProcess:
    env = {"SOURCE_DATE_EPOCH": source_date_epoch(), "NO_COLOR": "1", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", builder, "--no-color", *options, "-d", str(out.with_name(out.name + ".doctrees")), str(src), str(out)],
        capture_output=True, text=True, env=env, cwd=src,
    )


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml", "text", "latex", "man", "epub"])
def test_every_builder_builds_the_course_directives(tmp_path, builder):
    """Widgets that need a browser are left out of paper and text; no builder meets a node it cannot write."""
    src = every_directive_site(tmp_path / "src")
    result = build(src, tmp_path / builder, "-W", "--keep-going", "-n", builder=builder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "NotImplementedError" not in result.stderr


def test_a_text_build_keeps_the_quiz_as_questions(tmp_path):
    src = every_directive_site(tmp_path / "src")
    assert build(src, tmp_path / "text", "-W", builder="text").returncode == 0
    text = (tmp_path / "text" / "modules" / "unit.txt").read_text(encoding="utf-8")
    assert "A statement about first." in text


@pytest.mark.parametrize("setting,value,expected", [
    ("course_review_reference_date", '"29/11/2026"',
     "course_review_reference_date = '29/11/2026' is not a date in the form YYYY-MM-DD"),
    ("course_edition", '"public"', "course_edition = 'public' must be \"learner\" or \"trainer\""),
    ("course_legal_review_max_months", '"twelve"', "course_legal_review_max_months = 'twelve' must be a whole number"),
    ("course_unit_folders", "[3]", "course_unit_folders = [3] must list folder names as strings"),
    ("course_law_as_of", '"6 December 2026"', "course_law_as_of = '6 December 2026' is not a date in the form YYYY-MM-DD"),
])
def test_a_bad_setting_stops_the_build_with_one_message_naming_it(tmp_path, setting, value, expected):
    src = every_directive_site(tmp_path / "src", f"{setting} = {value}\n")
    result = build(src, tmp_path / "out", "-W")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in output, output
    assert "[course.config]" in output
    assert "Traceback" not in output and "ExtensionError" not in output and "isoformat" not in output


BROKEN_QUIZ = "\n\n::::{quiz} broken\n:::{question}\n:type: truefalse\n\nNo right answer.\n\n- [ ] True\n  > No.\n- [ ] False\n  > No.\n:::\n::::\n"


def test_an_authoring_error_fails_the_build_without_dash_w(tmp_path):
    """sphinx-autobuild, editor previews and callers that override SPHINXOPTS must not publish a broken quiz."""
    src = every_directive_site(tmp_path / "src")
    with open(src / "modules" / "unit.md", "a", encoding="utf-8") as page:
        page.write(BROKEN_QUIZ)
    result = build(src, tmp_path / "out")  # no -W
    output = result.stdout + result.stderr
    assert "[course.quiz]" in output
    assert result.returncode == 1, output
    assert re.search(r"\d+ authoring errors? above: the build failed", output), output


def test_an_authoring_error_fails_a_parallel_build_too(tmp_path):
    src = every_directive_site(tmp_path / "src")
    with open(src / "modules" / "unit.md", "a", encoding="utf-8") as page:
        page.write(BROKEN_QUIZ)
    result = build(src, tmp_path / "out", "-j", "2")
    assert result.returncode == 1, result.stdout + result.stderr


def test_a_clean_build_without_dash_w_still_succeeds(tmp_path):
    src = every_directive_site(tmp_path / "src")
    result = build(src, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("values,expected", [
    ({"course_review_reference_date": ""}, []),
    ({"course_review_reference_date": "2026-11-29"}, []),
    ({"course_review_reference_date": "2026-13-01"},
     ["course_review_reference_date = '2026-13-01' is not a date in the form YYYY-MM-DD (for example 2026-11-29), or empty for today."]),
    ({"course_legal_review_max_months": True}, ["course_legal_review_max_months = True must be a whole number."]),
    ({"course_unit_folders": ["modules/"]}, []),
    ({"course_http_allowlist": {"http://example.org/": 1}},
     ["course_http_allowlist = {'http://example.org/': 1} must map each URL (a string) to the reason it is allowed (a string)."]),
    ({"course_theme_fixes": "yes"}, ["course_theme_fixes = 'yes' must be True or False."]),
    # The settings the quiz and the legal checks used to register themselves are checked the same way.
    ({"course_law_as_of": "2026-12-06", "course_legal_checks_deferred": ("later/",)}, []),
    ({"course_law_as_of": "06/12/2026"},
     ["course_law_as_of = '06/12/2026' is not a date in the form YYYY-MM-DD (for example 2026-11-29), "
      "or empty if every box names its own date."]),
    ({"course_timeline_check_skip_classes": ["quoted-date", " "]},
     ["course_timeline_check_skip_classes = ['quoted-date', ' '] must list class names, each a non-empty string."]),
    ({"course_legal_checks_deferred": "later/"}, ["course_legal_checks_deferred = 'later/' must be a list."]),
    ({"course_misconception_plain_check": "off"}, ["course_misconception_plain_check = 'off' must be True or False."]),
])
def test_config_problems_name_the_setting_and_what_it_must_be(values, expected):
    from sphinx_course.config import config_problems

    assert config_problems(values) == expected


def test_a_page_with_an_agenda_and_an_outline_checks_its_agenda(tmp_path):
    """Each gathering directive on a page is recorded, so a second one never hides the first's checks."""
    src = every_directive_site(tmp_path / "src")
    (src / "modules" / "index.md").write_text(
        "# Modules\n\n"
        "::::{agenda} Too short\n:start: 09:00\n:length: 20\n\n- /modules/unit\n- /modules/missing\n::::\n\n"
        "```{course-outline}\n```\n\n```{toctree}\nunit\n```\n",
        encoding="utf-8",
    )
    result = build(src, tmp_path / "out", "-W", "--keep-going")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Agenda item /modules/missing is not a module, session or exercise with a duration." in output, output
    assert "[course.agenda_overrun]" in output, output


def test_the_suite_names_each_missing_program_and_its_package():
    from conftest import CHROMIUM, missing_programs

    assert missing_programs(which=lambda program: None, exists=lambda path: False) == [
        "java is not installed (Debian package default-jre-headless)",
        "node is not installed (Debian package nodejs)",
        f"Chromium is not at {CHROMIUM} (Debian package chromium; or set CHROMIUM=/path/to/chromium)",
    ]
    assert missing_programs(which=lambda program: "/usr/bin/" + program, exists=lambda path: True) == []


@pytest.mark.parametrize("target", ["trainer", "serve"])
def test_english_only_builds_make_the_templates_their_status_pages_count(tmp_path, target):
    """On a fresh clone no templates exist yet: the translation status pages of the trainer edition
    and the live preview are counted against templates made first, in the same build folder."""
    root = Path(__file__).resolve().parent.parent
    build_dir = tmp_path / "build"
    plan = subprocess.run(["make", "-n", target, f"BUILD={build_dir}"], cwd=root, capture_output=True, text=True)
    assert plan.returncode == 0, plan.stderr
    steps = plan.stdout.splitlines()
    gettext = next(i for i, step in enumerate(steps) if "-b gettext" in step and f"{build_dir}/gettext" in step)
    build = next(i for i, step in enumerate(steps) if "-b html" in step or "sphinx-autobuild" in step)
    assert gettext < build
    assert f"course_gettext_dir={build_dir}/gettext" in steps[build]


def test_a_rebuild_with_nothing_changed_reports_no_configuration_change(site_html, tmp_path):
    """The themes and sphinx-design change the config after Sphinx compares it with the last build's;
    those changes are made before the comparison, so a rebuild of an unchanged site is silent about it."""
    import shutil

    from conftest import STRICT, TEST_BUILD

    # The site's own environment (a copy elsewhere would move the folder of compacted scripts, which is
    # in the config); with nothing to read, the rebuild leaves it as it is, and writes to a copy of the site.
    doctrees, outdir = TEST_BUILD / "doctrees" / "site" / "html", tmp_path / "html"
    shutil.copytree(site_html, outdir, ignore=lambda folder, names: ["fr", "es", "ar"] if Path(folder) == site_html else [])
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(), "NO_COLOR": "1"}
    rebuild = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "--no-color", "-d", str(doctrees), *STRICT,
         "-D", f"course_gettext_dir={TEST_BUILD / 'gettext'}", ".", str(outdir)],
        cwd=Path(__file__).resolve().parent.parent, capture_output=True, text=True, env=env)
    assert rebuild.returncode == 0, rebuild.stdout + rebuild.stderr
    assert "loading pickled environment... done" in rebuild.stdout
    assert "configuration has changed" not in rebuild.stdout + rebuild.stderr
    assert "targets for 0 source files that are out of date" in rebuild.stdout


def searchindex(folder: Path) -> dict:
    import json

    text = (folder / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1:text.rindex(")")])


def test_make_html_after_a_one_page_edit_publishes_a_complete_sitemap_and_search_index(tmp_path):
    """Upstream incremental builds drop the glossary's index entries and most sitemap URLs; what is published must not."""
    root = Path(__file__).resolve().parent.parent
    build_dir = tmp_path / "build"
    make = ["make", "-s", "html", f"BUILD={build_dir}"]
    first = subprocess.run(make, cwd=root, capture_output=True, text=True)
    assert first.returncode == 0, first.stdout + first.stderr
    page = root / "docs" / "glossary.md"
    page.touch()  # a one-page edit, as Sphinx sees it
    second = subprocess.run(make, cwd=root, capture_output=True, text=True)
    assert second.returncode == 0, second.stdout + second.stderr
    published = build_dir / "html"
    pages = {p.relative_to(published).as_posix() for p in published.rglob("*.html")
             if p.parts[len(published.parts)] != "_static"
             and p.name not in ("search.html", "genindex.html", "404.html")}  # in every edition
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    listed = {loc.split("/", 3)[3] for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    assert listed == pages, f"the published sitemap misses {sorted(pages - listed)[:5]}"
    index = searchindex(published)
    assert {"ai system", "automation bias"} <= set(index["indexentries"]), \
        "the published search index has lost the glossary's entries"
    assert "Build succeeded" not in second.stdout and "The HTML pages are in" not in second.stdout


def test_a_parallel_build_writes_the_same_site_as_a_serial_one(tmp_path):
    """Every registry table is merged back from parallel readers, so -j 2 changes no byte of the output."""
    src = every_directive_site(tmp_path / "src")
    for page in ("second", "third"):
        # Enough pages that two readers each get some (Sphinx reads in parallel from a few pages up).
        (src / "modules" / f"{page}.md").write_text(
            unit_with_questions(20, ["first", "second", "third"]).replace("# A unit", f"# Unit {page}")
            .replace("unit-check", f"{page}-check"), encoding="utf-8")
        (src / "handouts" / f"{page}.md").write_text(f"# Unit {page}\n\n```{{handout}} /modules/{page}\n```\n", encoding="utf-8")
    (src / "modules" / "index.md").write_text(
        "# Modules\n\n```{course-outline}\n```\n\n```{toctree}\nunit\nsecond\nthird\n```\n", encoding="utf-8")
    (src / "handouts.md").write_text(
        "# Handouts\n\n```{handouts}\n```\n\n```{toctree}\nhandouts/unit\nhandouts/second\nhandouts/third\n```\n", encoding="utf-8")
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    for out, options in ((serial, ()), (parallel, ("-j", "2"))):
        result = build(src, out, "-W", "--keep-going", "-n", *options)
        assert result.returncode == 0, result.stdout + result.stderr

    def files(folder: Path) -> dict[str, bytes]:
        return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
                if p.is_file() and p.name != ".buildinfo"}

    serial_files, parallel_files = files(serial), files(parallel)
    assert serial_files.keys() == parallel_files.keys()
    differing = [name for name in serial_files if serial_files[name] != parallel_files[name]]
    assert differing == [], f"the parallel build wrote these differently: {differing}"
