"""Check worked cases against the screening rules, with the browser's own code run by Node.

    python -m sphinx_course.cli.screening_check CASES.yaml [--data exercises/tools/screening.yaml]

(``make screening-check CASES=...``). A case file is a YAML list; each case has a ``name``, a
``source`` (the article or exercise it rests on), ``answers`` by question id and ``expect``::

    - name: Live face search at a stadium, no objective
      source: Art. 5(1)(h)
      answers: {purpose: [realtime-rbi], jurisdiction: eu, national-security: "no", ...}
      expect:
        category: prohibited     # or possibly-prohibited, high-risk, transparency, minimal,
                                 # out-of-scope, incomplete
        annex: Annex III, point 1(a)   # optional: must be among the result's Annex III points
        rules: [rbi-realtime-prohibited]   # optional: must apply
        not_rules: [rbi-realtime-exception]  # optional: must not apply
        missing: [public-space]  # optional: must be among the questions still to answer
        confirm: [national-law]  # optional: must be among the answers to confirm

It prints one line per case and exits 0 when every case gets its expected result, 1 on any
mismatch and 2 when the case file itself is wrong (with the file, the line and what to fix).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, NoReturn

from ..errors import AuthoringError
from ..questionnaire.data_files import load_questionnaire, parse_located

#: The key under which each mapping of a case file carries its line, for located messages.
LINE = "__line__"


def _with_lines(value: Any, lines: dict, path: tuple = ()) -> Any:
    """The parsed values, each mapping marked with its line under LINE."""
    if isinstance(value, dict):
        marked = {k: _with_lines(v, lines, path + (k,)) for k, v in value.items()}
        marked[LINE] = lines.get(path)
        return marked
    if isinstance(value, list):
        return [_with_lines(v, lines, path + (i,)) for i, v in enumerate(value)]
    return value


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != LINE}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "theme" / "static" / "course-tool-screening.js"
DEFAULT_DATA = ROOT.parent / "exercises" / "tools" / "screening.yaml"
VERDICTS = ("prohibited", "possibly-prohibited", "high-risk", "transparency", "minimal", "out-of-scope", "incomplete", "unmatched")
EXPECT_KEYS = {"category", "annex", "rules", "not_rules", "missing", "confirm"}
RUNNER = """
const K = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(input.cases.map(c => K.evaluateScreening(input.data, c.answers))));
"""


def _fail(node: Any, message: str, fallback: int | None = None) -> NoReturn:
    raise AuthoringError(message, node.get(LINE, fallback) if isinstance(node, dict) else fallback)


def _id_list(node: dict, key: str, where: str) -> list[str]:
    value = node.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        _fail(node, f"{where}: {key} must be a list of ids.")
    return value


def _check_answers(answers: dict, questions: dict, data: dict, where: str) -> None:
    """Every answer names a question of the screening (or an alias) and options it has."""
    for qid, value in ((k, v) for k, v in answers.items() if k != LINE):
        question = questions.get(qid)
        if question is None:
            _fail(answers, f"{where}: unknown question {qid!r}; the questions are {', '.join(q['id'] for q in data['questions'])}.")
        allowed = [o["id"] for o in question["options"]]
        given = value if isinstance(value, list) else [value]
        if isinstance(value, list) and not question.get("multiple"):
            _fail(answers, f"{where}: question {qid!r} takes one answer, not a list.")
        for option in given:
            if option not in allowed:
                _fail(answers, f"{where}: unknown option {option!r} for question {qid!r}; use one of {', '.join(allowed)}.")


def _check_expect(expect: dict, questions: dict, rules: set, data: dict, where: str) -> None:
    """The expectation uses known keys, a known verdict, and names real rules and questions."""
    unknown = sorted(set(expect) - EXPECT_KEYS - {LINE})
    if unknown:
        _fail(expect, f"{where}: unknown key {unknown[0]!r} under expect; use {', '.join(sorted(EXPECT_KEYS))}.")
    if expect.get("category") not in VERDICTS:
        _fail(expect, f"{where}: expect.category {expect.get('category')!r} is not one of {', '.join(VERDICTS)}.")
    for key in ("rules", "not_rules"):
        for rule in _id_list(expect, key, where):
            if rule not in rules:
                _fail(expect, f"{where}: expect.{key} names {rule!r}, which is not a rule of {data['id']}.")
    for key in ("missing", "confirm"):
        for qid in _id_list(expect, key, where):
            if qid not in questions:
                _fail(expect, f"{where}: expect.{key} names {qid!r}, which is not a question of {data['id']}.")


def check_cases(raw: Any, data: dict) -> list[dict]:
    """The cases of a parsed case file (with line markers), checked against the questionnaire (pure)."""
    if not isinstance(raw, list) or not raw:
        raise AuthoringError("a case file is a YAML list of cases, each with name, source, answers and expect.", 1)
    questions = {}
    for q in data["questions"]:
        for name in [q["id"], *q.get("aliases", [])]:
            questions[name] = q
    rules = {r["id"] for r in data["rules"]}
    names: set[str] = set()
    for n, case in enumerate(raw, start=1):
        if not isinstance(case, dict):
            raise AuthoringError(f"case {n} is not a mapping with name, source, answers and expect.", None)
        name = case.get("name")
        where = f"case {n} ({name!r})" if name else f"case {n}"
        for key in ("name", "source"):
            if not isinstance(case.get(key), str) or not case[key].strip():
                _fail(case, f"{where}: missing '{key}': add it, as text.")
        if name in names:
            _fail(case, f"{where}: another case has the same name; names must be unique.")
        names.add(str(name))
        answers, expect = case.get("answers"), case.get("expect")
        if not isinstance(answers, dict):
            _fail(case, f"{where}: 'answers' must map question ids to option ids.")
        _check_answers(answers, questions, data, where)
        if not isinstance(expect, dict):
            _fail(case, f"{where}: 'expect' must give at least the category.")
        _check_expect(expect, questions, rules, data, where)
    return _strip_lines(raw)


def load_cases(path: Path, data: dict) -> list[dict]:
    # The same hardened reader as the tools' data files: size, depth, alias and encoding limits.
    raw, lines, _key_lines = parse_located(path.read_bytes())
    return check_cases(_with_lines(raw, lines), data)


def evaluate(data: dict, cases: list[dict]) -> list[dict]:
    """Each case's result from evaluateScreening in course-tool-screening.js, the code the page runs."""
    node = shutil.which("node")
    if not node:
        raise RuntimeError("Node.js is needed to run the browser's screening code: install nodejs.")
    run = subprocess.run(
        [node, "-e", RUNNER, str(SCRIPT)], input=json.dumps({"data": data, "cases": cases}),
        capture_output=True, text=True, timeout=120, check=True,
    )
    return json.loads(run.stdout)


def mismatches(case: dict, result: dict) -> list[str]:
    """What differs between a case's expectation and its result, in words (empty when it passes)."""
    expect, problems = case["expect"], []
    if result["verdict"] != expect["category"]:
        problems.append(f"expected {expect['category']}, got {result['verdict']}")
    annex = expect.get("annex")
    for point in [annex] if isinstance(annex, str) else annex or []:
        if point not in result["annex"]:
            problems.append(f"expected {point} among {result['annex'] or 'no Annex III point'}")
    applied = set(result["rules"]) | set(result["possible"])
    for rule in [r for r in _as_list(expect.get("rules")) if r not in applied]:
        problems.append(f"rule {rule} did not apply")
    for rule in [r for r in _as_list(expect.get("not_rules")) if r in applied]:
        problems.append(f"rule {rule} applied but must not")
    missing = {m["question"] for m in result["missing"]}
    for qid in [q for q in _as_list(expect.get("missing")) if q not in missing]:
        problems.append(f"{qid} not listed as missing")
    confirm = {c["question"] for c in result["confirm"]}
    for qid in [q for q in _as_list(expect.get("confirm")) if q not in confirm]:
        problems.append(f"{qid} not listed as to confirm")
    return problems


def _as_list(value: Any) -> list:
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check screening cases against the shipped rules, with the browser's own code.")
    parser.add_argument("cases", type=Path, help="a YAML case file")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the screening data file (default: the site's)")
    args = parser.parse_args(argv)
    for path in (args.cases, args.data):
        if not path.is_file():
            print(f"{path}: no such file.", file=sys.stderr)
            return 2
    try:
        data = load_questionnaire(args.data)
    except AuthoringError as error:
        print(f"{args.data}:{error.line or 1}: {error.message}", file=sys.stderr)
        return 2
    try:
        cases = load_cases(args.cases, data)
    except AuthoringError as error:
        print(f"{args.cases}:{error.line or 1}: {error.message}", file=sys.stderr)
        return 2
    failed = 0
    for case, result in zip(cases, evaluate(data, cases), strict=False):
        problems = mismatches(case, result)
        failed += bool(problems)
        print(f"{'FAIL' if problems else 'ok  '} {case['name']}: {result['verdict']}" + (f" ({'; '.join(problems)})" if problems else ""))
    print(f"{len(cases) - failed} of {len(cases)} cases give their expected result.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
