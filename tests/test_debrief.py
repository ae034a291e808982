"""``{debrief}``: a builder-neutral box; ruled lines then the debrief on paper, a widget's mount in HTML."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import sphinx_build, write_fixture_site

PAGE = """# Unit

:::{scenario} The test case
**Decision point 1.** What would you do?
:::

:::{debrief}
A good answer asks for **false positives** by group.
:::

:::{debrief} Decision point 2
:id: second-point

Common mistake: trusting the brochure.
:::
"""


def build(tmp_path, text=PAGE, builder="html"):
    src = write_fixture_site(tmp_path / "src", {"index.md": text})
    return sphinx_build(src, tmp_path / builder, builder=builder)


def test_html_has_a_mount_with_a_storage_id_then_the_debrief(tmp_path):
    result = build(tmp_path)
    assert result.returncode == 0, result.output
    soup = BeautifulSoup((tmp_path / "html/index.html").read_text(encoding="utf-8"), "html.parser")
    first, second = soup.select(".admonition.debrief")
    assert first.select_one(".admonition-title").get_text() == "Debrief"
    assert second.select_one(".admonition-title").get_text() == "Debrief: Decision point 2"
    assert first.select_one(".debrief-answer")["data-debrief-id"] == "index/1"
    assert second.select_one(".debrief-answer")["data-debrief-id"] == "index/second-point"
    # The ruled space comes first and the debrief after it, so without JavaScript it still asks first.
    children = [c for c in first.children if getattr(c, "name", None)]
    classes = [" ".join(c.get("class", [])) for c in children]
    assert classes.index("debrief-answer") < classes.index("debrief-body docutils container")
    assert "false positives" in first.select_one(".debrief-body").get_text()
    scripts = [s.get("src", "") for s in soup.select("script")]
    store = next(i for i, s in enumerate(scripts) if "/course-store.js" in s)
    debrief = next(i for i, s in enumerate(scripts) if "/course-debrief.js" in s)
    assert store < debrief, "course-store.js must load before course-debrief.js"
    assert sum("/course-store.js" in s for s in scripts) == 1
    assert soup.select_one("script[data-debrief-strings]")


def test_a_page_without_debriefs_loads_no_debrief_script(tmp_path):
    result = build(tmp_path, "# Unit\n\nNo scenario here.\n")
    assert result.returncode == 0, result.output
    assert "course-debrief" not in (tmp_path / "html/index.html").read_text(encoding="utf-8")


def test_text_builder_prints_ruled_lines_before_the_debrief(tmp_path):
    result = build(tmp_path, builder="text")
    assert result.returncode == 0, result.output
    text = (tmp_path / "text/index.txt").read_text(encoding="utf-8")
    assert text.index("Your answer:") < text.index("_" * 60) < text.index("false positives")
    assert text.count("Your answer:") == 2


def test_latex_builder_has_the_answer_space(tmp_path):
    result = build(tmp_path, builder="latex")
    assert result.returncode == 0, result.output
    tex = next((tmp_path / "latex").glob("*.tex")).read_text(encoding="utf-8")
    assert "Your answer:" in tex and "false positives" in tex


def test_an_empty_debrief_is_a_located_error(tmp_path):
    result = build(tmp_path, "# Unit\n\ntext\n\n:::{debrief}\n:::\n")
    assert result.returncode != 0
    assert any("index.md:5: ERROR: a debrief has no text" in p and "[course.debrief]" in p
               for p in result.problems), result.problems


def test_a_malformed_id_is_a_located_error(tmp_path):
    result = build(tmp_path, "# Unit\n\ntext\n\n:::{debrief}\n:id: Bad Id!\n\nBody.\n:::\n")
    assert result.returncode != 0
    assert any("index.md:5: ERROR: debrief id 'Bad Id!' must be" in p for p in result.problems), result.problems
