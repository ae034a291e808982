"""The screening rules against worked cases and random answer sets, evaluated by the browser's own code.

The cases live in tests/fixtures/screening-cases.yaml and are checked by the same module that
`make screening-check CASES=...` runs, so the command and the suite cannot disagree.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_course.cli import screening_check
from sphinx_course.errors import AuthoringError
from sphinx_course.questionnaire.data_files import load_questionnaire

ROOT = Path(__file__).parent.parent
DATA = load_questionnaire(ROOT / "exercises" / "tools" / "screening.yaml")
CASES = screening_check.load_cases(Path(__file__).parent / "fixtures" / "screening-cases.yaml", DATA)
QUESTIONS = {q["id"]: q for q in DATA["questions"]}
SEVERITY = ["prohibited", "possibly-prohibited", "high-risk", "transparency", "minimal", "out-of-scope"]
RANK = {"prohibited": 0, "possibly-prohibited": 0, "high-risk": 1, "transparency": 2, "minimal": 3, "out-of-scope": 4}


@pytest.fixture(scope="module")
def results():
    return dict(zip((c["name"] for c in CASES), screening_check.evaluate(DATA, CASES), strict=False))


def test_the_worked_cases_cover_the_act_and_the_fail_safe_paths(results):
    verdicts = [c["expect"]["category"] for c in CASES]
    assert len(CASES) >= 45
    assert all(c["source"].strip() for c in CASES)
    assert verdicts.count("incomplete") >= 10
    assert verdicts.count("possibly-prohibited") >= 5
    exercised = {rule for r in results.values() for rule in r["rules"] + r["possible"]}
    assert [r["id"] for r in DATA["rules"] if r["id"] not in exercised] == [], "every rule needs a worked case"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case_gets_its_known_answer(results, case):
    result = results[case["name"]]
    assert screening_check.mismatches(case, result) == []
    assert all(f["article"] for f in result["findings"]), "every finding cites its article"
    if result["verdict"] == "incomplete":
        assert result["category"] is None and result["findings"] == [] and result["duties"] == []


def test_every_purpose_gets_a_finding():
    purposes = QUESTIONS["purpose"]["options"]
    covered = {o for r in DATA["rules"] for o in r["when"].get("purpose", [])}
    assert {o["id"] for o in purposes} <= covered


def test_annex_iii_qualifier_only_on_points_1_6_and_7():
    """Annex III points 1, 6 and 7 apply 'in so far as their use is permitted under Union or national law'; 5 and 8 do not."""
    for rule in DATA["rules"]:
        annex = rule.get("annex") or ""
        qualified = "permitted by other Union or national law" in rule["finding"] or "permitted under" in rule["finding"]
        if annex.startswith(("Annex III, point 1", "Annex III, point 6", "Annex III, point 7")) and rule["category"] == "high-risk":
            assert qualified or rule["id"].endswith("-exception"), rule["id"]
        if annex.startswith(("Annex III, point 5", "Annex III, point 8")):
            assert not qualified, rule["id"]


def deciding_questions(answers: dict) -> list[str]:
    """The specification, written out again: which questions must be answered before any category."""
    def holds(condition):
        for qid, wanted in condition.items():
            given = answers.get(qid)
            given = given if isinstance(given, list) else [] if given is None else [given]
            unsure = {o["id"] for o in QUESTIONS[qid]["options"] if o.get("unsure")}
            if not any(a in wanted or a in unsure for a in given):
                return False
        return True
    return [q["id"] for q in DATA["questions"]
            if q.get("deciding") is True or (q.get("deciding") and any(holds(c) for c in q["deciding"]))]


def random_answers(rng: random.Random, share: float) -> dict:
    answers = {}
    for q in DATA["questions"]:
        if rng.random() > share:
            continue
        ids = [o["id"] for o in q["options"]]
        answers[q["id"]] = rng.sample(ids, rng.randint(1, 3)) if q.get("multiple") else rng.choice(ids)
    return answers


def evaluate(answer_sets: list[dict]) -> list[dict]:
    return screening_check.evaluate(DATA, [{"answers": a} for a in answer_sets])


def test_no_category_but_a_ban_unless_every_deciding_question_is_answered():
    rng = random.Random(14)
    sets = [random_answers(rng, share) for share in (0.2, 0.5, 0.8, 0.95) for _ in range(400)]
    checked = 0
    for answers, result in zip(sets, evaluate(sets), strict=False):
        unanswered = [q for q in deciding_questions(answers) if q not in answers]
        if unanswered:
            checked += 1
            assert result["verdict"] in ("incomplete", "prohibited", "possibly-prohibited"), (answers, result["verdict"])
            assert {m["question"] for m in result["missing"]} == set(unanswered), answers
        if result["verdict"] in ("minimal", "transparency", "high-risk", "out-of-scope"):
            assert unanswered == [], (answers, result["verdict"])
    assert checked > 500, "the generator must produce many partial answer sets"


def test_not_sure_never_gives_a_less_severe_result():
    """Replacing any definite answer with 'not sure' gives the same or a more severe result, or asks for more."""
    rng = random.Random(2024)
    complete, variants = [], []
    for _ in range(300):
        answers = random_answers(rng, 1.0)
        complete.append(answers)
    bases = evaluate(complete)
    pairs = []
    for answers, base in zip(complete, bases, strict=False):
        if base["verdict"] not in RANK:
            continue
        for qid, value in answers.items():
            unsure = [o["id"] for o in QUESTIONS[qid]["options"] if o.get("unsure")]
            if unsure and value not in unsure:
                variants.append({**answers, qid: unsure[0]})
                pairs.append((answers, qid, base["verdict"]))
    for (answers, qid, before), after in zip(pairs, evaluate(variants), strict=False):
        if after["verdict"] == "incomplete":
            continue
        assert RANK[after["verdict"]] <= RANK[before], f"'not sure' on {qid} turned {before} into {after['verdict']}: {answers}"
    assert len(pairs) > 300


def test_the_live_identification_exceptions_need_national_law_saying_yes():
    rng = random.Random(5)
    sets = []
    for _ in range(300):
        answers = random_answers(rng, 0.9)
        answers.update({"purpose": rng.choice([["realtime-rbi"], ["post-rbi"]]), "public-space": "yes", "realtime": "yes",
                        "exception": rng.choice(["victims", "threat", "suspect"]),
                        "national-law": rng.choice(["no", "unsure", "not-applicable"])})
        sets.append(answers)
    for answers, result in zip(sets, evaluate(sets), strict=False):
        assert not {"rbi-realtime-exception", "rbi-near-live-exception"} & set(result["rules"]), answers
        if result["verdict"] != "out-of-scope":
            assert result["verdict"] in ("prohibited", "possibly-prohibited", "incomplete"), (answers, result["verdict"])


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


GOOD_AND_BAD = """\
- name: Empty form
  source: fail safe
  answers: {}
  expect: {category: incomplete, missing: [purpose]}
- name: Chatbot wrongly expected to be minimal
  source: Art. 50(1)
  answers: {purpose: [public-chatbot], jurisdiction: eu, national-security: 'no', stage: operational}
  expect: {category: minimal}
"""


def run_check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sphinx_course.cli.screening_check", *args],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_the_command_prints_a_line_per_case_and_fails_on_a_mismatch(tmp_path):
    run = run_check(str(write(tmp_path / "cases.yaml", GOOD_AND_BAD)))
    assert run.returncode == 1, run.stderr
    assert run.stdout.splitlines() == [
        "ok   Empty form: incomplete",
        "FAIL Chatbot wrongly expected to be minimal: transparency (expected minimal, got transparency)",
        "1 of 2 cases give their expected result.",
    ]


def test_make_screening_check_works_on_a_file_outside_the_repository(tmp_path):
    cases = write(tmp_path / "mine.yaml", GOOD_AND_BAD.split("- name: Chatbot")[0])
    run = subprocess.run(["make", "-s", "screening-check", f"CASES={cases}"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.splitlines()[-1] == "1 of 1 cases give their expected result."


@pytest.mark.parametrize("text,line,message", [
    ("- name: X\n  source: Y\n  answers: {purpose: [flying]}\n  expect: {category: minimal}\n", 3,
     "case 1 ('X'): unknown option 'flying' for question 'purpose'; use one of "),
    ("- name: X\n  source: Y\n  answers: {colour: red}\n  expect: {category: minimal}\n", 3,
     "case 1 ('X'): unknown question 'colour'; the questions are purpose, "),
    ("- name: X\n  source: Y\n  answers: {}\n  expect: {category: safe}\n", 4,
     "case 1 ('X'): expect.category 'safe' is not one of prohibited, possibly-prohibited, "),
    ("- name: X\n  answers: {}\n  expect: {category: incomplete}\n", 1, "case 1 ('X'): missing 'source': add it, as text."),
    ("- name: X\n  source: Y\n  answers: {}\n  expect: {category: incomplete, rules: [nothing]}\n", 4,
     "case 1 ('X'): expect.rules names 'nothing', which is not a rule of screening."),
    ("- name: X\n  source: Y\n  answers: {jurisdiction: [eu]}\n  expect: {category: incomplete}\n", 3,
     "case 1 ('X'): question 'jurisdiction' takes one answer, not a list."),
    ("name: [unclosed\n", 2, "not valid YAML: "),
])
def test_a_bad_case_file_is_reported_with_its_line(tmp_path, text, line, message):
    path = write(tmp_path / "bad.yaml", text)
    with pytest.raises(AuthoringError) as caught:
        screening_check.load_cases(path, DATA)
    assert caught.value.line == line
    assert caught.value.message.startswith(message), caught.value.message
    run = run_check(str(path))
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.startswith(f"{path}:{line}: {message}")
    assert "Traceback" not in run.stderr


def test_the_data_says_what_it_is_and_cites_sources_not_machines():
    text = (ROOT / "exercises" / "tools" / "screening.yaml").read_text(encoding="utf-8")
    disclaimer = DATA["disclaimer"].lower()
    assert "not legal advice" in disclaimer and "inspired by the ai toolkit" in disclaimer
    assert "not the toolkit's official instrument" in disclaimer
    assert DATA["as_of"] and DATA["source"].startswith("https://eur-lex.europa.eu/")
    assert "/work/" not in text and "facts.md" not in text, "cite sources, not files on a development machine"


def test_every_complete_answer_set_for_one_function_gets_a_category():
    """Exhaustively, in the EU: each function with every combination of the answers its rules ask about."""
    choices = {q["id"]: [o["id"] for o in q["options"]] for q in DATA["questions"]}
    base = {"jurisdiction": "eu", "national-security": "no", "stage": "operational"}
    sets = []
    for purpose in choices["purpose"]:
        asked = sorted({q for r in DATA["rules"] if purpose in r["when"].get("purpose", []) for q in r["when"]}
                       & {"public-space", "realtime", "exception", "national-law", "risk-basis", "autonomy"})
        combos = [{}]
        for qid in asked:
            combos = [{**c, qid: option} for c in combos for option in choices[qid]]
        for combo in combos:
            for derogation, profiles in (("none", "no"), ("narrow-procedural", "no"), ("narrow-procedural", "yes")):
                sets.append({**base, **combo, "purpose": [purpose], "derogation": derogation, "profiles": profiles, "legacy": "no"})
    unanswered = []
    for answers, result in zip(sets, evaluate(sets), strict=False):
        if result["verdict"] == "incomplete":
            unanswered.append(answers)  # a deciding question the combination leaves out: fine, and checked above
            continue
        assert result["verdict"] != "unmatched", f"no rule matched: {answers}"
    assert len(sets) - len(unanswered) > 1000


def test_date_sensitive_and_secondary_statements_are_marked():
    duties = [d for r in DATA["rules"] for d in r.get("duties", [])]
    literacy = [d["text"] for d in duties if d["article"] == "Art. 4"]
    assert literacy and all("secondary sources" in t and "2024 text" in t for t in literacy), "Art. 4 wording: say it is the 2024 text"
    deep_fakes = [d["text"] for d in duties if d["article"].startswith("Art. 50(4)") and "deep fake" in d["text"]]
    assert deep_fakes and all("evidently artistic, creative, satirical or fictional" in t for t in deep_fakes)
    assert not any("the only exemption" in d["text"] for d in duties)
    additions = next(r for r in DATA["rules"] if r["id"] == "intimate-imagery-prohibited")
    assert "secondary source" in additions["finding"] and "as of 6 December 2026" in additions["finding"]
    transitional = next(r for r in DATA["rules"] if r["id"] == "already-in-service")
    assert "EUR-Lex, checked on 6 December 2026" in transitional["finding"] and "2 August 2030" in transitional["finding"]
