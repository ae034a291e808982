"""The assessment lint: answer keys a guessing strategy would beat, and feedback that does not teach.

The rules are pure functions (sphinx_course.quiz_lint), specified here by small question sets;
a fixture course then shows the build reporting them at the question, and suppressions that
need a reason.
"""

from __future__ import annotations

import pytest
from conftest import sphinx_build, write_fixture_site

from sphinx_course.errors import AuthoringError
from sphinx_course.quiz.lint import LintOption, LintQuestion, allow_problems, figures, lint, parse_lint_allow


def tf(number: int, key: bool, **extra) -> LintQuestion:
    return LintQuestion("q", number, "truefalse", "course/p.md", 10 + number, (
        LintOption("True", key, "Because."), LintOption("False", not key, "Because.")), **extra)


def single(number: int, right: int, texts=("Ask for error rates by group", "Buy it", "Ask the vendor"),
           feedback="A reason.", **extra) -> LintQuestion:
    options = tuple(LintOption(t, i == right, feedback) for i, t in enumerate(texts))
    return LintQuestion("q", number, "single", "course/p.md", 100 + number, options, **extra)


def multiple(number: int, rights: tuple[int, ...], count: int = 5) -> LintQuestion:
    options = tuple(LintOption(f"Option {i} text", i in rights, "A reason.") for i in range(count))
    return LintQuestion("q", number, "multiple", "course/p.md", 200 + number, options)


def checks(found) -> list[str]:
    return [f.check for f in found]


# --- True/false balance ---------------------------------------------------------------------

def test_ten_questions_keyed_false_are_reported_at_the_first():
    found = lint({"course": [tf(n, False) for n in range(1, 11)]})
    assert checks(found) == ["tf_balance"]
    assert found[0].location == "course/p.md:11"
    assert '10 of 10 true/false questions are keyed "False" (0% "True"' in found[0].message


@pytest.mark.parametrize("keyed_true,total,flagged", [
    (4, 10, False), (6, 10, False), (3, 10, True), (7, 10, True),
    # One or three questions cannot reach 35-65%: the split nearest to half passes.
    (0, 1, False), (1, 3, False), (2, 3, False), (0, 3, True), (0, 2, True), (1, 2, False),
])
def test_true_share_must_be_between_35_and_65_percent(keyed_true, total, flagged):
    questions = [tf(n, n <= keyed_true) for n in range(1, total + 1)]
    assert ("tf_balance" in checks(lint({"c": questions}))) is flagged


# --- Position and length of the right option ------------------------------------------------

def test_right_option_longest_in_more_than_35_percent_of_single_choice():
    longest_right = [single(n, 0) for n in range(1, 3)]  # "Ask for error rates by group" is longest
    other = [single(n, 2) for n in range(3, 6)]
    found = lint({"c": longest_right + other})
    assert "right_longest" in checks(found)
    assert "2 of 5 single-choice questions have the right option as the longest (40%" in \
        next(f.message for f in found if f.check == "right_longest")
    assert "right_longest" not in checks(lint({"c": longest_right[:1] + other}))  # 1 of 4: 25%


def test_a_tie_for_longest_does_not_count():
    tie = single(1, 0, texts=("Same length A", "Same length B", "Short"))
    assert figures([tie]).right_longest == 0


def test_right_option_first_in_more_than_35_percent_of_choice_questions():
    first = [single(1, 0), multiple(2, (0, 2))]
    later = [single(3, 1), single(4, 2)]
    found = lint({"c": first + later})
    assert "right_first" in checks(found)  # 2 of 4
    assert "right_first" not in checks(lint({"c": first[:1] + later}))  # 1 of 3: 33%


# --- Multiple response -------------------------------------------------------------------------

def test_multiple_response_with_every_right_option_first_is_flagged():
    assert "multiple_all_first" in checks(lint({"c": [multiple(1, (0, 1, 2))]}, balanced=[]))
    assert "multiple_all_first" not in checks(lint({"c": [multiple(1, (0, 2, 3))]}, balanced=[]))


def test_the_number_of_right_options_must_vary_across_a_course():
    same = [multiple(1, (1, 3)), multiple(2, (2, 4)), multiple(3, (0, 4))]
    assert "multiple_count_fixed" in checks(lint({"c": same}))
    varied = same[:2] + [multiple(3, (1, 2, 4))]
    assert "multiple_count_fixed" not in checks(lint({"c": varied}))


# --- Single questions ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["All of the above", "None of the above.", "Both of these", "none of these"])
def test_catch_all_options_are_flagged(text):
    question = single(1, 1, texts=("Ask for error rates by group", "Buy it", text))
    assert "all_of_the_above" in checks(lint({"c": [question]}, balanced=[]))


@pytest.mark.parametrize("feedback,check", [
    ("", "feedback_missing"), ("Wrong", "feedback_bare"), ("Wrong.", "feedback_bare"),
    ("Incorrect!", "feedback_bare"), ("  no. ", "feedback_bare"),
    ("Wrong: the vendor's figure hides the false positives.", None),
])
def test_distractor_feedback_must_explain(feedback, check):
    found = checks(lint({"c": [single(1, 1, feedback=feedback)]}, balanced=[]))
    feedback_checks = [c for c in found if c.startswith("feedback")]
    assert feedback_checks == ([check, check] if check else [])  # two distractors each


def test_a_balanced_course_passes():
    questions = ([tf(1, True), tf(2, False), tf(3, True), tf(4, False)]
                 + [single(5, 1), single(6, 2), single(7, 2)]
                 + [multiple(8, (1, 3)), multiple(9, (0, 2, 4))])
    assert lint({"c": questions}) == []


def test_balance_is_measured_only_over_courses():
    questions = [tf(n, False) for n in range(1, 11)]
    assert lint({"docs/authoring": questions}, balanced=[]) == []


# --- Suppressions, always with a reason --------------------------------------------------------

def test_lint_allow_needs_known_checks_and_a_reason():
    assert parse_lint_allow("right_longest, right_first -- the options are a scale") == (
        ("right_longest", "the options are a scale"), ("right_first", "the options are a scale"))
    with pytest.raises(AuthoringError, match='gives no reason. Say why after two hyphens'):
        parse_lint_allow("right_longest")
    with pytest.raises(AuthoringError, match='gives no reason'):
        parse_lint_allow("right_longest --  ")
    with pytest.raises(AuthoringError, match='unknown check "right_longer"'):
        parse_lint_allow("right_longer -- because")


def test_a_question_allowed_a_check_is_left_out_of_it():
    allowed = single(1, 1, feedback="Wrong", allowed=(("feedback_bare", "kept short on purpose"),))
    assert lint({"c": [allowed]}, balanced=[]) == []
    truefalse = [tf(n, False, allowed=(("tf_balance", "a reason"),)) for n in range(1, 11)]
    assert lint({"c": truefalse}) == []


def test_config_allows_a_check_per_course_quiz_or_question():
    questions = [tf(n, False) for n in range(1, 11)]
    assert lint({"c": questions}, {"tf_balance": {"c": "a reason"}}) == []
    bare = single(1, 1, feedback="Wrong")
    assert lint({"c": [bare]}, {"feedback_bare": {"q/1": "a reason"}}, balanced=[]) == []
    assert len(lint({"c": [bare]}, {"feedback_bare": {"q/2": "a reason"}}, balanced=[])) == 2


def test_an_allowance_that_names_nothing_in_the_site_is_reported():
    from sphinx_course.quiz.lint import unused_allowances

    courses = {"modules/leadership": [tf(1, False)]}
    config = {"tf_balance": {"modules/leadership": "why", "q": "why", "q/1": "why", "q/2": "why", "leadership-m9": "why"}}
    assert unused_allowances(courses, config) == [
        'course_quiz_lint_allow allows "tf_balance" for "leadership-m9", which is no course folder, quiz id or '
        '"quiz-id/question number" of this site. Correct it, or remove the entry.',
        'course_quiz_lint_allow allows "tf_balance" for "q/2", which is no course folder, quiz id or '
        '"quiz-id/question number" of this site. Correct it, or remove the entry.',
    ]


@pytest.mark.parametrize("value,problem", [
    ({"tf_balance": {"modules/leadership": ""}}, 'allows "tf_balance" for \'modules/leadership\' without a reason'),
    ({"tf_balanse": {"c": "why"}}, 'unknown check "tf_balanse"'),
    ({"tf_balance": "why"}, 'must map "tf_balance" to a dictionary'),
])
def test_config_allowances_need_a_reason(value, problem):
    assert problem in allow_problems(value)


def test_figures_count_what_the_report_shows():
    numbers = figures([tf(1, True), tf(2, False), single(3, 0), single(4, 2), multiple(5, (1, 3)), multiple(6, (0, 1, 4))])
    assert (numbers.questions, numbers.truefalse, numbers.keyed_true, numbers.true_share) == (6, 2, 1, 50)
    assert (numbers.single, numbers.right_longest, numbers.choice, numbers.right_first) == (2, 1, 4, 2)
    assert numbers.multiple_rights == [2, 3]
    assert numbers.by_type == {"truefalse": 2, "single": 2, "multiple": 2}


# --- In the build -------------------------------------------------------------------------------

UNIT = """---
duration: 30
objectives:
  - id: one
    text: Decide what to check first.
  - id: two
    text: Decide what to ask.
  - id: three
    text: Decide what to require.
legal-review: 2026-11-01
---
# Unit one

::::{{quiz}} unit-one
{questions}::::
"""

TF = """:::{{question}}
:type: truefalse
:objective: {objective}
{extra}
Statement number {number} about a pilot result.

- [ ] True
  > No: the pilot measured something else, number {number}.
- [x] False
  > Right: the pilot measured something else, number {number}.
:::

"""


def unit_with(questions: list[str]) -> str:
    return UNIT.format(questions="".join(questions))


def false_keyed(count: int, extra: dict[int, str] | None = None) -> list[str]:
    objectives = ("one", "two", "three")
    return [TF.format(objective=objectives[n % 3], number=n, extra=(extra or {}).get(n, ""))
            for n in range(1, count + 1)]


def build_course(tmp_path, unit: str, conf: str = 'course_quiz_lint = "warn"\n'):
    site = write_fixture_site(tmp_path / "src", {
        "index.md": "# Fixture\n\n```{toctree}\ncourse/one\n```\n",
        "course/one.md": unit,
    }, conf_extra='course_unit_folders = ("course/",)\n' + conf)
    return sphinx_build(site, tmp_path / "out")


def test_a_course_keyed_false_ten_times_fails_the_build_at_its_first_question(tmp_path):
    build = build_course(tmp_path, unit_with(false_keyed(10)))
    assert build.returncode != 0
    lint_lines = [p for p in build.problems if "quiz_lint" in p]
    assert len(lint_lines) == 1, build.problems
    # The first question's ":::{question}" is line 15 of the page.
    assert "course/one.md:15: WARNING: Course \"course\": 10 of 10 true/false questions are keyed \"False\"" \
        in lint_lines[0]
    assert lint_lines[0].endswith("[course.quiz_lint.tf_balance]")


def test_report_mode_keeps_the_build_green(tmp_path):
    build = build_course(tmp_path, unit_with(false_keyed(10)), conf='course_quiz_lint = "report"\n')
    assert build.returncode == 0, build.problems


def test_suppress_warnings_silences_one_check(tmp_path):
    build = build_course(tmp_path, unit_with(false_keyed(10)),
                         conf='course_quiz_lint = "warn"\nsuppress_warnings = ["course.quiz_lint.tf_balance"]\n')
    assert build.returncode == 0, build.problems


def test_a_balanced_course_builds(tmp_path):
    questions = false_keyed(4)
    questions[0] = questions[0].replace("- [ ] True", "- [x] True").replace("- [x] False", "- [ ] False")
    questions[1] = questions[1].replace("- [ ] True", "- [x] True").replace("- [x] False", "- [ ] False")
    build = build_course(tmp_path, unit_with(questions))
    assert build.returncode == 0, build.problems


def test_lint_allow_without_a_reason_is_an_authoring_error_at_the_question(tmp_path):
    build = build_course(tmp_path, unit_with(false_keyed(3, {2: ":lint-allow: tf_balance\n"})))
    assert build.returncode != 0
    assert any(p.endswith('course/one.md:27: ERROR: Question 2: ":lint-allow: tf_balance" gives no reason. Say why '
                          'after two hyphens: ":lint-allow: tf_balance -- <why this question needs it>". [course.quiz]')
               for p in build.problems), build.problems


def test_a_misspelt_allowance_fails_the_build_at_the_setting(tmp_path):
    build = build_course(tmp_path, unit_with(false_keyed(4)),
                         conf='course_quiz_lint = "warn"\ncourse_quiz_lint_allow = {"tf_balance": {"unit-once": "a reason"}}\n')
    assert build.returncode != 0
    assert any(p.endswith('conf.py:9: ERROR: course_quiz_lint_allow allows "tf_balance" for "unit-once", which is no '
                          'course folder, quiz id or "quiz-id/question number" of this site. Correct it, or remove the '
                          'entry. [course.config]') for p in build.problems), build.problems


def test_a_config_allowance_without_a_reason_is_a_config_error(tmp_path):
    build = build_course(tmp_path, unit_with(false_keyed(4)),
                         conf='course_quiz_lint = "warn"\ncourse_quiz_lint_allow = {"tf_balance": {"course": ""}}\n')
    assert build.returncode != 0
    assert any("course_quiz_lint_allow" in p and "without a reason" in p and "[course.config]" in p
               for p in build.problems), build.problems


def test_ordering_steps_are_not_distractors():
    steps = tuple(LintOption(f"Step {i}", False) for i in range(3))
    assert lint({"c": [LintQuestion("q", 1, "ordering", "p.md", 1, steps)]}) == []


# --- The trainer's assessment report ------------------------------------------------------------

REPORT_PAGE = "# Assessment report\n\n```{assessment-report}\n```\n"


def build_report(tmp_path, unit: str, builder: str = "html", edition: str = "trainer"):
    site = write_fixture_site(tmp_path / "src", {
        "index.md": "# Fixture\n\n```{toctree}\ncourse/one\nassessment\n```\n",
        "course/one.md": unit,
        "assessment.md": REPORT_PAGE,
    # The site's theme, which has the trainer edition's announcement bar.
    }, conf_extra='course_unit_folders = ("course/",)\nhtml_theme = "sphinx_book_theme"\n')
    return sphinx_build(site, tmp_path / f"{edition}-{builder}", "-D", f"course_edition={edition}", builder=builder)


def test_report_shows_the_course_figures_each_questions_objective_and_the_findings(tmp_path):
    from bs4 import BeautifulSoup

    questions = false_keyed(4, {3: ":lint-allow: feedback_bare -- kept short to show the report\n"})
    build = build_report(tmp_path, unit_with(questions))
    assert build.returncode == 0, build.problems  # report mode: findings do not fail the build
    report = BeautifulSoup((build.outdir / "assessment.html").read_text(encoding="utf-8"), "html.parser")
    box = report.select_one(".assessment-report")
    course = box.select_one("table.assessment-figures tbody tr")
    assert [td.get_text(strip=True) for td in course.select("td")] == [
        "4", "truefalse 4", "0 / 4 (0%)", "–", "–", "–", "1"]
    rows = box.select("table.assessment-questions tbody tr")
    assert [[td.get_text(strip=True) for td in row.select("td")] for row in rows][:3] == [
        ["unit-one 1", "truefalse", "Decide what to ask.", "tf_balance", "–"],  # where the course finding is reported
        ["unit-one 2", "truefalse", "Decide what to require.", "–", "–"],
        ["unit-one 3", "truefalse", "Decide what to check first.", "–", "feedback_bare (kept short to show the report)"],
    ]
    assert rows[0].select_one("a")["href"] == "course/one.html#quiz-unit-one-q1"
    findings = box.select("li")
    assert len(findings) == 1
    assert findings[0].get_text().startswith('tf_balance: Course "course": 4 of 4 true/false questions are keyed "False"')
    assert findings[0].get_text().endswith("(course/one.md:15)")


def test_the_learner_edition_gets_one_line_and_no_figures(tmp_path):
    build = build_report(tmp_path, unit_with(false_keyed(4)), edition="learner")
    assert build.returncode == 0, build.problems
    html = (build.outdir / "assessment.html").read_text(encoding="utf-8")
    assert "The assessment report is part of the trainer edition" in html
    assert "assessment-figures" not in html and "unit-one 1" not in html


@pytest.mark.parametrize("builder", ["text", "latex", "man"])
def test_the_report_builds_with_other_builders(tmp_path, builder):
    build = build_report(tmp_path, unit_with(false_keyed(4)), builder=builder)
    assert build.returncode == 0, build.problems


@pytest.mark.parametrize("name,value,problem", [
    ("course_quiz_lint", "strict", 'course_quiz_lint = \'strict\' must be "warn" or "report".'),
    ("course_quiz_lint_allow", {"feedback_bare": {"leadership-m2/4": " "}},
     "course_quiz_lint_allow = {'feedback_bare': {'leadership-m2/4': ' '}} allows \"feedback_bare\" for "
     "'leadership-m2/4' without a reason; give the reason as the value."),
])
def test_lint_settings_are_validated(name, value, problem):
    from sphinx_course.config import config_problems

    assert config_problems({name: value}) == [problem]
