"""Problems are printed each on its own line, and each once."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import STRICT, source_date_epoch, write_fixture_site

QUIZ_WITH_OBJECTIVE = """::::{quiz} tagged
:::{question}
:type: truefalse
:objective: nowhere

A statement.

- [x] True
  > Yes.
- [ ] False
  > No.
:::
::::
"""


def build_merged(src, out) -> str:
    """Standard output and error in one stream, in the order a terminal shows them."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(), "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "--no-color", *STRICT, str(src), str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=src,
    )
    assert result.returncode != 0
    return result.stdout


def test_a_problem_found_in_the_consistency_check_starts_on_its_own_line(tmp_path):
    src = write_fixture_site(tmp_path / "src", {"index.md": "# Page\n\n" + QUIZ_WITH_OBJECTIVE})
    output = build_merged(src, tmp_path / "out")
    problem = [line for line in output.splitlines() if "objective 'nowhere'" in line]
    assert len(problem) == 1, output
    assert problem[0].startswith(str(src)), f"the problem does not start its own line: {problem[0]!r}"
    assert "checking consistency... \n" in output


def test_a_problem_in_a_file_two_pages_include_is_printed_once(tmp_path):
    pages = {
        "index.md": "# Home\n\n```{toctree}\na\nb\n```\n",
        "a.md": "# A\n\n```{include} part.inc\n```\n",
        "b.md": "# B\n\n```{include} part.inc\n```\n",
        "part.inc": "Shared text <span onclick=\"x()\">here</span>.\n",
    }
    src = write_fixture_site(tmp_path / "src", pages)
    output = build_merged(src, tmp_path / "out")
    reported = [line for line in output.splitlines() if "[course.raw_html]" in line]
    assert len(reported) == 1, reported
    assert "part.inc:1: ERROR: Raw HTML is not allowed" in reported[0]


def test_an_authoring_error_fails_the_build_even_without_w(tmp_path):
    """A suppressible warning does not; an error that would publish a broken page does."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(), "NO_COLOR": "1"}
    broken = write_fixture_site(tmp_path / "broken", {"index.md": "# Page\n\nText <img src=x onerror=alert(1)>\n"})
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", str(broken), str(tmp_path / "o1")],
                            capture_output=True, text=True, env=env, cwd=broken)
    assert result.returncode == 1 and "[course.raw_html]" in result.stderr
    vague = write_fixture_site(tmp_path / "vague", {"index.md": "# Page\n\n[click here](https://example.org)\n"})
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", str(vague), str(tmp_path / "o2")],
                            capture_output=True, text=True, env=env, cwd=vague)
    assert result.returncode == 0 and "[course.link_text]" in result.stderr
