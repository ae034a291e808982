"""A malformed quiz stops the build with the exact message and location, never a traceback.

Each file in fixtures/quiz-errors is one small source with one mistake. Its
first line, a MyST comment (or, after a front matter's opening "---", a YAML comment), states the error the build must report for it, at
its line, or at ``file:line`` when the mistake is in a file it includes.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import sphinx_build, write_fixture_site

CORPUS = Path(__file__).parent / "fixtures" / "quiz-errors"
EXPECT = re.compile(r"^[%#] expect: (?:([\w/.-]+):)?(\d+): (.*)$")


def expectations() -> list[tuple[str, int, str]]:
    """(file the error is reported in, line, message) for each fixture, named by the fixture."""
    cases = []
    for path in sorted(CORPUS.glob("*.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        # Front matter must open the file, so there the expectation is its first (YAML comment) line.
        match = EXPECT.match(lines[1] if lines[0] == "---" else lines[0])
        if match:
            cases.append((match.group(1) or path.name, int(match.group(2)), match.group(3)))
    return cases


def reported_for(build, name: str) -> list[str]:
    return [p for p in build.problems if f"/{name}:" in p]


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    src = tmp_path_factory.mktemp("quiz-errors")
    pages = {path.name: path.read_text(encoding="utf-8") for path in CORPUS.glob("*.md")}
    pages["index.md"] = "# Quiz error corpus\n\n```{toctree}\n:glob:\n\n*\n```\n"
    # Quizzes inside tabs and dropdowns need sphinx-design, as the site has it.
    write_fixture_site(src, pages, conf_extra='extensions.append("sphinx_design")\n')
    shutil.copytree(CORPUS / "parts", src / "parts")
    return sphinx_build(src, src / "_build" / "html")


def test_every_fixture_states_its_error():
    stated = {name for name, _line, _message in expectations()}
    assert len(stated) == len(list(CORPUS.glob("*.md"))) - 1  # duplicate_id_a.md is the clean first use


@pytest.mark.parametrize("name,line,message", expectations(), ids=[c[0] for c in expectations()])
def test_error_is_reported_with_file_and_line(corpus_build, name, line, message):
    wanted = f"/{name}:{line}: {message}"
    reported = reported_for(corpus_build, name)
    assert any(p.endswith(wanted) for p in reported), f"expected {wanted!r}\nreported for {name}: {reported}"


def test_corpus_build_fails_without_a_traceback(corpus_build):
    assert corpus_build.returncode != 0
    assert "Traceback" not in corpus_build.output
    assert "Exception occurred" not in corpus_build.output


def test_each_fixture_reports_only_its_own_error(corpus_build):
    for name, _line, _message in expectations():
        reported = reported_for(corpus_build, name)
        assert len(reported) == 1, f"{name}: {reported}"
