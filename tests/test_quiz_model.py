"""The pure rules behind quizzes: validation, fingerprints and the fixed shuffle."""

from __future__ import annotations

import pytest

from sphinx_course.errors import AuthoringError
from sphinx_course.quiz.model import (
    OptionSpec,
    QuestionSpec,
    QuizSpec,
    display_order,
    fingerprint,
    validate_question,
    validate_quiz_id,
)


def option(text="An option", correct=False, feedback=True, **extra):
    return OptionSpec(text=text, correct=correct, has_feedback=feedback, **extra)


def question(qtype="single", options=None, **extra):
    options = options if options is not None else (option("Right", True), option("Wrong", False))
    defaults = {"stem": "Which?", "list_kind": "enumerated" if qtype == "ordering" else "bullet", "line": 7}
    return QuestionSpec(qtype=qtype, options=tuple(options), **{**defaults, **extra})


def test_a_well_formed_question_of_each_type_passes():
    validate_question(question("single"), 1, require_feedback=True)
    validate_question(question("multiple", [option("A", True), option("B", True), option("C")]), 1, require_feedback=True)
    validate_question(question("truefalse", [option("True", True), option("False")]), 1, require_feedback=True)
    steps = [option(f"Step {n}", None, feedback=False) for n in range(3)]
    validate_question(question("ordering", steps), 1, require_feedback=True)


@pytest.mark.parametrize(
    "spec,message",
    [
        (question(options=[option("A"), option("B")]), 'Question 3 has no correct option. Mark the right answer with "- [x]".'),
        (question(options=[option("A", True), option("B", True)]), "Question 3 is single choice but marks 2 options correct."),
        (question(stem=" "), "Question 3 has no question text."),
        (question(options=[option("A", True), option("")]), 'Question 3, option 2 is empty.'),
        (question(options=[option("A", True), option("B", feedback=False)]), 'Question 3, option 2 ("B") has no feedback.'),
        (question(hints=2), "Question 3 has 2 hints."),
        (question(explanations=2), "Question 3 has 2 explanations."),
        (question("ordering", [option("Only", None)]), "Question 3 is an ordering question with 1 step."),
        (question("truefalse", [option("Yes", True), option("No")]), 'must be "True" and "False" (found "Yes", "No")'),
        (question(options=[option("A", True, misconception="x"), option("B")]), "is correct but is tagged with the misconception"),
    ],
)
def test_each_rule_names_the_question_and_the_fix(spec, message):
    with pytest.raises(AuthoringError) as caught:
        validate_question(spec, 3, require_feedback=True)
    assert message in caught.value.message
    assert caught.value.line == 7


def test_feedback_can_be_optional():
    validate_question(question(options=[option("A", True), option("B", feedback=False)]), 1, require_feedback=False)


@pytest.mark.parametrize("quiz_id", [None, "", "Has Spaces", "-leading"])
def test_quiz_ids_are_required_and_simple(quiz_id):
    with pytest.raises(AuthoringError):
        validate_quiz_id(quiz_id)


def test_fingerprint_changes_when_an_answer_changes():
    original = QuizSpec("q", "T", (question(),))
    same = QuizSpec("q", "Another title", (question(),))
    flipped = QuizSpec("q", "T", (question(options=[option("Right", False), option("Wrong", True)]),))
    assert fingerprint(original) == fingerprint(same)
    assert fingerprint(original) != fingerprint(flipped)


def test_display_order_is_fixed_and_never_the_answer():
    for count in range(2, 8):
        order = display_order("quiz", 1, count)
        assert sorted(order) == list(range(count))
        assert order != list(range(count))
        assert order == display_order("quiz", 1, count)
