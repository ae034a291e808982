"""Questionnaire data files: one small bad file per mistake, each reported with its line and path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sphinx_course.errors import AuthoringError
from sphinx_course.questionnaire.data_files import load_questionnaire

FIXTURES = Path(__file__).parent / "fixtures"
EXPECT = re.compile(r"^# expect: (\d+): (.*)$")
TOOLS = Path(__file__).parent.parent / "exercises" / "tools"


def cases():
    for path in sorted((FIXTURES / "tool-errors").glob("*.yaml")):
        # Read as bytes: some fixtures are deliberately not UTF-8.
        match = EXPECT.match(path.read_bytes().split(b"\n")[0].decode("utf-8"))
        yield pytest.param(path, int(match.group(1)), match.group(2), id=path.stem)


def test_the_valid_fixture_loads():
    data = load_questionnaire(FIXTURES / "tool-valid-maturity.yaml")
    assert data["id"] == "mini" and "__line__" not in data


@pytest.mark.parametrize("path,line,message", list(cases()))
def test_each_bad_file_is_reported_with_line_and_path(path, line, message):
    with pytest.raises(AuthoringError) as caught:
        load_questionnaire(path)
    assert (caught.value.line, caught.value.message) == (line, message)


@pytest.mark.parametrize("name", ["readiness", "screening", "strategy"])
def test_the_site_tools_data_is_valid(name):
    data = load_questionnaire(TOOLS / f"{name}.yaml")
    if name == "readiness":
        assert len(data["dimensions"]) >= 8
        assert all(4 <= len(d["statements"]) <= 6 for d in data["dimensions"])
        assert "not the official" in data["intro"].lower() or "not the toolkit" in data["intro"].lower()


def test_a_link_to_a_missing_page_stops_the_build(tmp_path):
    from conftest import sphinx_build, write_fixture_site

    data = (FIXTURES / "tool-valid-maturity.yaml").read_text().replace("links: [/index]", "links: [/nowhere]", 1)
    src = write_fixture_site(tmp_path / "src", {
        "index.md": "# Tool\n\n```{questionnaire} /mini.yaml\n```\n",
        "mini.yaml": data,
    })
    build = sphinx_build(src, tmp_path / "out")
    assert build.returncode != 0
    expected = "mini.yaml:32: ERROR: mini.yaml: links to /nowhere, which is not a page of this site. [course.tool]"
    assert any(p.endswith(expected) for p in build.problems), build.problems


def test_a_bad_data_file_stops_the_build_naming_file_and_line(tmp_path):
    from conftest import sphinx_build, write_fixture_site

    src = write_fixture_site(tmp_path / "src", {
        "index.md": "# Tool\n\n```{questionnaire} /mini.yaml\n```\n",
        "mini.yaml": (FIXTURES / "tool-errors" / "weights.yaml").read_text(),
    })
    build = sphinx_build(src, tmp_path / "out")
    expected = ("mini.yaml:14: ERROR: mini.yaml: dimensions: weights add up to 0.9, not 1. "
                "Adjust them so they sum to 1. [course.tool]")
    assert any(p.endswith(expected) for p in build.problems), build.problems
    assert "Traceback" not in build.output


def test_a_missing_link_is_located_by_its_own_node_not_by_text_search(tmp_path):
    """/gloss is a prefix of /glossary, written earlier in the file: a text search finds the wrong line."""
    from conftest import sphinx_build, write_fixture_site

    data = (FIXTURES / "tool-valid-maturity.yaml").read_text()
    data = data.replace("links: [/index]", "links: [/glossary]", 1).replace("links: [/index]", "links: [/gloss]", 1)
    src = write_fixture_site(tmp_path / "src", {
        "index.md": "# Tool\n\n```{questionnaire} /mini.yaml\n```\n\n```{toctree}\nglossary\n```\n",
        "glossary.md": "# Glossary\n",
        "mini.yaml": data,
    })
    build = sphinx_build(src, tmp_path / "out")
    missing = [p for p in build.problems if "links to /gloss," in p]
    assert len(missing) == 1 and missing[0].split("mini.yaml:")[1].startswith("52: ERROR"), build.problems


@pytest.mark.parametrize("name", ["alias-bomb", "deep-nesting", "latin1-byte", "level-key-word", "nan-weight"])
def test_a_hostile_file_stops_the_build_with_a_located_error_not_a_traceback(tmp_path, name):
    from conftest import sphinx_build, write_fixture_site

    src = write_fixture_site(tmp_path / "src", {"index.md": "# Tool\n\n```{questionnaire} /mini.yaml\n```\n"})
    (src / "mini.yaml").write_bytes((FIXTURES / "tool-errors" / f"{name}.yaml").read_bytes())
    build = sphinx_build(src, tmp_path / "out")
    line = EXPECT.match((FIXTURES / "tool-errors" / f"{name}.yaml").read_bytes().split(b"\n")[0].decode()).group(1)
    assert build.returncode != 0
    assert any(f"mini.yaml:{line}: ERROR: mini.yaml: " in p for p in build.problems), build.problems
    assert "Traceback" not in build.output and "Exception occurred" not in build.output


def test_text_that_opens_a_comment_or_script_cannot_swallow_the_page(tmp_path):
    """<!--<script> in a data file once hid the rest of the page: the JSON data block escapes < > &."""
    from conftest import sphinx_build, write_fixture_site

    data = (FIXTURES / "tool-valid-maturity.yaml").read_text()
    data = data.replace("text: Staff know what AI is.", "text: 'Staff know <!--<script> what </script> AI & is.'")
    src = write_fixture_site(tmp_path / "src", {
        "index.md": "# Tool\n\n```{questionnaire} /mini.yaml\n```\n\nThe end of the page.\n",
        "mini.yaml": data,
    })
    build = sphinx_build(src, tmp_path / "out")
    assert build.returncode == 0, build.problems
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    block = html.split('<script type="application/json" class="tool-data">')[1].split("</script>")[0]
    assert "<" not in block and ">" not in block and "&" not in block
    assert "\\u003c!--\\u003cscript\\u003e" in block
    assert "The end of the page." in html.split(block)[1]
