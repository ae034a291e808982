"""The assessment lint: answer keys that a guessing strategy would beat, and feedback that does not teach.

Pure data and pure functions: no Sphinx. The quiz directive records a
:class:`LintQuestion` per question in the course registry; at the end of
reading, :func:`lint` turns every course's questions into :class:`Finding` s,
and :func:`figures` into the numbers the trainer's assessment report shows.

A course is the folder of the pages its quizzes are on (``modules/leadership``),
so balance is measured over what one learner meets. Each check can be allowed
for one question (``:lint-allow: check -- reason``) or in ``conf.py``
(``course_quiz_lint_allow``), always with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..errors import AuthoringError

#: Every check, with what it means (the warnings reference and the report print these).
CHECKS = {
    "tf_balance": "A course's true/false questions are keyed \"True\" in less than 35% or more than 65% of them.",
    "right_longest": "The right option is the longest in more than 35% of a course's single-choice questions.",
    "right_first": "The right option comes first in the source in more than 35% of a course's choice questions.",
    "multiple_all_first": "A multiple-response question lists every right option before every distractor.",
    "multiple_count_fixed": "Every multiple-response question of a course has the same number of right options.",
    "all_of_the_above": 'An option says "all of the above", "none of the above" or the like.',
    "feedback_missing": "A distractor has no feedback (in a quiz with :feedback: optional).",
    "feedback_bare": 'A distractor\'s feedback only says "Wrong", "Incorrect" or "No".',
}
#: The checks measured over a course rather than at one question.
COURSE_CHECKS = ("tf_balance", "right_longest", "right_first", "multiple_count_fixed")
TRUE_SHARE = (0.35, 0.65)
MAX_SHARE = 0.35
LINT_MODES = ("warn", "report")
CHOICE_TYPES = ("single", "multiple", "truefalse")

_CATCH_ALL = re.compile(
    r"\b(?:all|none|both|neither)\s+of\s+(?:the\s+|these\s+)?(?:above|options|answers|choices|these)\b",
    re.IGNORECASE,
)
_BARE = {"wrong", "incorrect", "no", "not correct", "not quite", "false", "nope"}


@dataclass(frozen=True)
class LintOption:
    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class LintQuestion:
    """What the lint and the report need to know about one question, as plain picklable data."""

    quiz_id: str
    number: int
    qtype: str
    source: str
    line: int
    options: tuple[LintOption, ...] = ()
    objective: str = ""
    #: (check, reason) pairs from the question's ``:lint-allow:``.
    allowed: tuple[tuple[str, str], ...] = ()

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"

    @property
    def right(self) -> tuple[int, ...]:
        return tuple(i for i, option in enumerate(self.options) if option.correct)

    def allows(self, check: str) -> bool:
        return any(name == check for name, _reason in self.allowed)


@dataclass(frozen=True)
class Finding:
    check: str
    message: str
    #: ``file:line`` of the question (or, for a course check, its first offending question).
    location: str
    course: str = ""
    quiz_id: str = ""
    number: int = 0


def parse_lint_allow(value: str | None) -> tuple[tuple[str, str], ...]:
    """``right_longest, right_first -- the options are a scale`` as (check, reason) pairs.

    A suppression without a reason, or naming a check that does not exist, is an authoring error.
    """
    if value is None:
        return ()
    names, separator, reason = value.partition("--")
    reason = " ".join(reason.split())
    checks = [name for name in re.split(r"[\s,]+", names) if name]
    if not checks:
        raise AuthoringError(f'":lint-allow:" names no check. Write ":lint-allow: <check> -- <reason>"; checks: {", ".join(CHECKS)}.')
    unknown = [name for name in checks if name not in CHECKS]
    if unknown:
        raise AuthoringError(f'":lint-allow:" names unknown check "{unknown[0]}". Use one of: {", ".join(CHECKS)}.')
    if not separator or not re.search(r"\w", reason):
        raise AuthoringError(
            f'":lint-allow: {", ".join(checks)}" gives no reason. Say why after two hyphens: '
            f'":lint-allow: {checks[0]} -- <why this question needs it>".'
        )
    return tuple((name, reason) for name in checks)


def allow_problems(value: object) -> str | None:
    """What is wrong with ``course_quiz_lint_allow`` (check -> {course, quiz id or quiz-id/N: reason})."""
    if not isinstance(value, Mapping):
        return "must be a dictionary of check names"
    for check, targets in value.items():
        if check not in CHECKS:
            return f'names unknown check "{check}"; use one of: {", ".join(CHECKS)}'
        if not isinstance(targets, Mapping) or not targets:
            return f'must map "{check}" to a dictionary of {{course, quiz id or "quiz-id/question": reason}}'
        for target, reason in targets.items():
            if not isinstance(target, str) or not isinstance(reason, str) or not re.search(r"\w", reason):
                return f'allows "{check}" for {target!r} without a reason; give the reason as the value'
    return None


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _allowed_in_config(config: Mapping[str, Mapping[str, str]], check: str, course: str, question: LintQuestion | None) -> bool:
    targets = config.get(check, {})
    if course in targets:
        return True
    return question is not None and (question.quiz_id in targets or f"{question.quiz_id}/{question.number}" in targets)


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def is_true_key(question: LintQuestion) -> bool:
    return any(o.correct and o.text.strip().rstrip(".").casefold() == "true" for o in question.options)


def right_is_longest(question: LintQuestion) -> bool:
    """The right option is strictly longer than every distractor (single choice)."""
    lengths = [len(" ".join(o.text.split())) for o in question.options]
    right = question.right
    if len(right) != 1:
        return False
    return all(lengths[right[0]] > length for i, length in enumerate(lengths) if i != right[0])


def right_is_first(question: LintQuestion) -> bool:
    return bool(question.options) and question.options[0].correct


def rights_all_first(question: LintQuestion) -> bool:
    right = question.right
    return 0 < len(right) < len(question.options) and right == tuple(range(len(right)))


def _question_findings(course: str, question: LintQuestion) -> Iterable[Finding]:
    def found(check: str, message: str) -> Finding:
        return Finding(check, message, question.where, course, question.quiz_id, question.number)

    where = f'Quiz "{question.quiz_id}", question {question.number}'
    if question.qtype not in CHOICE_TYPES:
        return  # ordering steps and matching items have no distractors
    if question.qtype == "multiple" and rights_all_first(question):
        yield found("multiple_all_first", f"{where} lists all {len(question.right)} right options before every "
                    "distractor, so the printed version gives the answer away. Move a distractor up.")
    for index, option in enumerate(question.options, start=1):
        if _CATCH_ALL.search(option.text):
            yield found("all_of_the_above", f'{where}, option {index} ("{_short(option.text)}") is a catch-all. '
                        "Write a real option instead: a learner can answer these by spotting two right ones.")
        if option.correct:
            continue
        bare = " ".join(re.sub(r"[^\w\s]", " ", option.feedback).split()).casefold()
        if not option.feedback.strip():
            yield found("feedback_missing", f'{where}, option {index} ("{_short(option.text)}") is a distractor '
                        "with no feedback. Say why a competent person might choose it and why it is wrong.")
        elif bare in _BARE:
            yield found("feedback_bare", f'{where}, option {index} ("{_short(option.text)}") has feedback that '
                        f'only says "{option.feedback.strip()}". Explain the reasoning that makes it wrong.')


def _listed(questions: list[LintQuestion]) -> str:
    shown = ", ".join(f'"{q.quiz_id}" {q.number}' for q in questions[:6])
    return shown + (f" and {len(questions) - 6} more" if len(questions) > 6 else "")


def _course_findings(course: str, questions: list[LintQuestion], config: Mapping) -> Iterable[Finding]:
    def counted(check: str, qtypes: tuple[str, ...]) -> list[LintQuestion]:
        return [q for q in questions if q.qtype in qtypes and not q.allows(check)
                and not _allowed_in_config(config, check, course, q)]

    truefalse = counted("tf_balance", ("truefalse",))
    keyed_true = [q for q in truefalse if is_true_key(q)]
    n, t = len(truefalse), len(keyed_true)
    low, high = TRUE_SHARE
    # A course with 1 or 3 true/false questions cannot reach 35-65%: the nearest split to half passes.
    if n and not (low <= t / n <= high) and abs(2 * t - n) > 1:
        majority = keyed_true if 2 * t > n else [q for q in truefalse if not is_true_key(q)]
        word = "True" if 2 * t > n else "False"
        yield Finding("tf_balance", f'Course "{course}": {len(majority)} of {n} true/false questions are keyed '
                      f'"{word}" ({_percent(t, n)}% "True"; keep it between 35% and 65%), so always answering '
                      f'"{word}" scores well. Keyed "{word}": {_listed(majority)}.', majority[0].where, course,
                      majority[0].quiz_id, majority[0].number)

    for check, qtypes, test, what in (
        ("right_longest", ("single",), right_is_longest, "single-choice questions have the right option as the longest"),
        ("right_first", ("single", "multiple"), right_is_first, "choice questions have a right option first in the source"),
    ):
        pool = counted(check, qtypes)
        hits = [q for q in pool if test(q)]
        if pool and len(hits) / len(pool) > MAX_SHARE:
            yield Finding(check, f'Course "{course}": {len(hits)} of {len(pool)} {what} ({_percent(len(hits), len(pool))}%; '
                          f"keep it at 35% or less). {_listed(hits)}.", hits[0].where, course, hits[0].quiz_id, hits[0].number)

    multiple = counted("multiple_count_fixed", ("multiple",))
    counts = {len(q.right) for q in multiple}
    if len(multiple) >= 2 and len(counts) == 1:
        yield Finding("multiple_count_fixed", f'Course "{course}": all {len(multiple)} multiple-response questions have '
                      f"{counts.pop()} right options. Vary the number (1 to 4) so that it gives nothing away.",
                      multiple[0].where, course, multiple[0].quiz_id, multiple[0].number)


def lint(courses: Mapping[str, list[LintQuestion]], config: Mapping[str, Mapping[str, str]] | None = None,
         balanced: Iterable[str] | None = None) -> list[Finding]:
    """Every finding over the given courses, in course then question order.

    The balance checks (:data:`COURSE_CHECKS`) run on the courses named in ``balanced`` (all when
    ``None``): a page of examples is not a course a learner takes, and one question cannot be balanced.
    """
    config = config or {}
    balanced = set(courses) if balanced is None else set(balanced)
    findings: list[Finding] = []
    for course in sorted(courses):
        questions = courses[course]
        for question in questions:
            findings += [
                f for f in _question_findings(course, question)
                if not question.allows(f.check) and not _allowed_in_config(config, f.check, course, question)
            ]
        if course in balanced:
            findings += _course_findings(course, questions, config)
    return findings


def unused_allowances(courses: Mapping[str, list[LintQuestion]], config: Mapping[str, Mapping[str, str]]) -> list[str]:
    """Allowances in ``course_quiz_lint_allow`` that name nothing in the site (a misspelt quiz id, say)."""
    known = set(courses)
    for questions in courses.values():
        known |= {q.quiz_id for q in questions} | {f"{q.quiz_id}/{q.number}" for q in questions}
    return [
        f'course_quiz_lint_allow allows "{check}" for "{target}", which is no course folder, quiz id or '
        '"quiz-id/question number" of this site. Correct it, or remove the entry.'
        for check, targets in sorted(config.items()) for target in sorted(targets) if target not in known
    ]


@dataclass
class Figures:
    """The numbers behind the lint, for one quiz or one course."""

    questions: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    truefalse: int = 0
    keyed_true: int = 0
    single: int = 0
    right_longest: int = 0
    choice: int = 0
    right_first: int = 0
    #: The number of right options of each multiple-response question, in order.
    multiple_rights: list[int] = field(default_factory=list)

    @property
    def true_share(self) -> int:
        return _percent(self.keyed_true, self.truefalse)

    @property
    def right_longest_share(self) -> int:
        return _percent(self.right_longest, self.single)

    @property
    def right_first_share(self) -> int:
        return _percent(self.right_first, self.choice)


def figures(questions: Iterable[LintQuestion]) -> Figures:
    result = Figures()
    for q in questions:
        result.questions += 1
        result.by_type[q.qtype] = result.by_type.get(q.qtype, 0) + 1
        if q.qtype == "truefalse":
            result.truefalse += 1
            result.keyed_true += is_true_key(q)
        if q.qtype == "single":
            result.single += 1
            result.right_longest += right_is_longest(q)
        if q.qtype in ("single", "multiple"):
            result.choice += 1
            result.right_first += right_is_first(q)
        if q.qtype == "multiple":
            result.multiple_rights.append(len(q.right))
    return result
