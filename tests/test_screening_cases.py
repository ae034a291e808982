"""The screening rules against worked cases with known answers, evaluated by the browser's own code."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from sphinx_course.tools_data import load_questionnaire

ROOT = Path(__file__).parent.parent
CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "screening-cases.yaml").read_text(encoding="utf-8"))
RUNNER = """
const K = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(input.cases.map(c => K.evaluateScreening(input.data, c.answers))));
"""


@pytest.fixture(scope="module")
def results():
    data = load_questionnaire(ROOT / "exercises" / "tools" / "screening.yaml")
    payload = json.dumps({"data": data, "cases": CASES})
    run = subprocess.run(
        ["node", "-e", RUNNER, str(ROOT / "sphinx_course" / "static" / "course-tools.js")],
        input=payload, capture_output=True, text=True, timeout=60, check=True,
    )
    return dict(zip((c["name"] for c in CASES), json.loads(run.stdout)))


def test_there_are_at_least_twelve_worked_cases():
    assert len(CASES) >= 12
    assert all(c.get("source") for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case_gets_its_known_answer(results, case):
    result = results[case["name"]]
    expect = case["expect"]
    assert result["category"] == expect["category"]
    if expect.get("annex"):
        assert expect["annex"] in result["annex"]
    assert set(expect.get("rules", [])) <= set(result["rules"])
    assert all(f["article"] for f in result["findings"]), "every rule cites its article"


def test_every_purpose_gets_a_finding():
    data = load_questionnaire(ROOT / "exercises" / "tools" / "screening.yaml")
    purposes = next(q for q in data["questions"] if q["id"] == "purpose")["options"]
    covered = {o for r in data["rules"] for o in r["when"].get("purpose", [])}
    assert {o["id"] for o in purposes} <= covered
