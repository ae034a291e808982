"""`{course-reference}` documents the extensions from the code, so the authoring guide cannot drift."""

from __future__ import annotations

from dataclasses import fields

from bs4 import BeautifulSoup
from conftest import sphinx_build, write_fixture_site

from sphinx_course.config import CourseConfig
from sphinx_course.warnings_ import AUTHORING_ERRORS, CourseWarning

PAGE = "# Reference\n\n```{course-reference} settings\n```\n\n```{course-reference} warnings\n```\n\n" \
       "```{course-reference} errors\n```\n"


def first_column(table) -> list[str]:
    return [row.find("td").get_text(strip=True) for row in table.select("tbody tr")]


def test_tables_list_every_setting_warning_and_error(tmp_path):
    src = write_fixture_site(tmp_path / "src", {"index.md": PAGE})
    build = sphinx_build(src, tmp_path / "out")
    assert build.returncode == 0, build.output
    tables = BeautifulSoup((tmp_path / "out/index.html").read_text(encoding="utf-8"), "html.parser") \
        .select("table.course-reference")
    settings, warnings, errors = (first_column(t) for t in tables)
    assert settings == [spec.name for spec in fields(CourseConfig)]
    assert warnings == [f"course.{w.value}" for w in CourseWarning]
    assert errors == [f"[course.{tag}]" for tag in AUTHORING_ERRORS]
    row = tables[0].find(string="course_legal_review_max_months").find_parent("tr")
    assert "12" in row.get_text() and "legal-review" in row.get_text()


def test_every_error_tag_used_by_the_extensions_is_documented():
    import re
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "sphinx_course"
    used = {tag for path in package.rglob("*.py") for tag in re.findall(r"\[course\.([a-z0-9_]+)\]", path.read_text())}
    assert used == set(AUTHORING_ERRORS)


def test_an_unknown_table_is_an_error_with_file_and_line(tmp_path):
    src = write_fixture_site(tmp_path / "src", {"index.md": "# Reference\n\n```{course-reference} colours\n```\n"})
    build = sphinx_build(src, tmp_path / "out")
    assert build.returncode != 0
    assert any(p.endswith("index.md:3: ERROR: course-reference takes one of settings, warnings, errors, not 'colours'.")
               for p in build.problems), build.problems
