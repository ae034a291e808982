"""What a self-check question is, and the rules that make it publishable.

Pure data and pure functions: no Sphinx, no docutils. The directive turns the
author's Markdown into these records and asks :func:`validate_question` whether
they can be published; every rule raises an :class:`AuthoringError` that tells
the author what is wrong and how to fix it.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import AuthoringError

QUESTION_TYPES = ("single", "multiple", "truefalse", "ordering", "matching")
CHOICE_TYPES = ("single", "multiple", "truefalse")
QUIZ_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
TRUE_FALSE_LABELS = ("true", "false")
#: Characters that show nothing (Hangul fillers and the like are letters to Unicode, so named here).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def visible(text: str) -> str:
    """``text`` as a reader sees it: no zero-width, direction or other format characters, no
    blank-looking letters, whitespace collapsed (pure)."""
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch not in _BLANK_LETTERS and unicodedata.category(ch) not in ("Cf", "Cc", "Co", "Cn") or ch in "\n\t"
    )
    return " ".join(kept.split())


@dataclass(frozen=True)
class OptionSpec:
    """One option of a choice question, or one step of an ordering question."""

    text: str
    #: ``True``/``False`` for "[x]"/"[ ]"; ``None`` when no marker was written.
    correct: bool | None
    has_feedback: bool = False
    #: The feedback as text, for the assessment lint (feedback that only says "Wrong").
    feedback: str = ""
    misconception: str | None = None
    #: The plain-language sentence written before ``<slug>`` in the tag, if any.
    misconception_sentence: str | None = None
    line: int | None = None
    #: Anything in the option besides its text and one "> feedback" block.
    stray_content: bool = False
    #: The text without comments or raw HTML, when it differs from ``text`` (which the fingerprint keeps).
    shown: str | None = None
    #: A matching item's category (the text after "=>"); ``None`` for other types, or when missing.
    category: str | None = None

    @property
    def visible_text(self) -> str:
        return visible(self.text if self.shown is None else self.shown)


@dataclass(frozen=True)
class QuestionSpec:
    """A question as the author wrote it, before it is rendered."""

    qtype: str
    stem: str
    options: tuple[OptionSpec, ...]
    #: "bullet" or "enumerated": the kind of list the options were written as.
    list_kind: str | None
    hints: int = 0
    explanations: int = 0
    objective: str | None = None
    tags: tuple[str, ...] = ()
    line: int | None = None
    #: Blocks after the options that are neither a hint nor an explanation.
    stray_blocks: int = 0
    lists: int = 1
    #: The question text without comments or raw HTML, when it differs from ``stem``.
    stem_shown: str | None = None
    #: The line of a "> feedback" block written above the options instead of under one.
    loose_feedback_line: int | None = None
    #: (check, reason) pairs: assessment-lint checks this question is exempt from (``:lint-allow:``).
    lint_allow: tuple[tuple[str, str], ...] = ()
    #: A matching question's categories that no item belongs to (``:extra-categories:``).
    extra_categories: tuple[str, ...] = ()

    @property
    def correct_indexes(self) -> tuple[int, ...]:
        return tuple(i for i, option in enumerate(self.options) if option.correct)


@dataclass(frozen=True)
class QuizSpec:
    quiz_id: str
    title: str
    questions: tuple[QuestionSpec, ...] = field(default_factory=tuple)


def validate_quiz_id(quiz_id: str | None) -> str:
    if not quiz_id:
        raise AuthoringError(
            'The quiz has no id. Write one after the directive name, '
            'for example ":::{quiz} leadership-m1-check".'
        )
    if not QUIZ_ID_PATTERN.match(quiz_id):
        raise AuthoringError(
            f'Quiz id "{quiz_id}" is not valid. Use lower-case letters, digits '
            'and hyphens, starting with a letter or digit.'
        )
    return quiz_id


def validate_type(qtype: str | None, number: int, line: int | None) -> str:
    if qtype is None:
        raise AuthoringError(
            f'Question {number} has no type. Add ":type:" with one of: '
            f"{', '.join(QUESTION_TYPES)}.",
            line,
        )
    if qtype not in QUESTION_TYPES:
        raise AuthoringError(
            f'Question {number} has unknown type "{qtype}". Use one of: '
            f"{', '.join(QUESTION_TYPES)}.",
            line,
        )
    return qtype


def validate_question(spec: QuestionSpec, number: int, *, require_feedback: bool) -> None:
    """Raise :class:`AuthoringError` for the first rule ``spec`` breaks."""
    line = spec.line
    where = f"Question {number}"
    if not visible(spec.stem if spec.stem_shown is None else spec.stem_shown):
        raise AuthoringError(f"{where} has no question text. Write the question above its options.", line)
    if spec.loose_feedback_line is not None:
        raise AuthoringError(
            f'{where} has a feedback block ("> ...") that is not under an option. Indent it under the '
            "option it explains, or make it part of the question text.",
            spec.loose_feedback_line,
        )
    if spec.hints > 1:
        raise AuthoringError(f"{where} has {spec.hints} hints. Give at most one {{hint}} block.", line)
    if spec.explanations > 1:
        raise AuthoringError(
            f"{where} has {spec.explanations} explanations. Give at most one {{explanation}} block.", line
        )
    if spec.stray_blocks:
        raise AuthoringError(
            f"{where} has content after its options that is neither a {{hint}} nor an {{explanation}}. "
            "Move it above the options, or into one of those blocks.",
            line,
        )
    if spec.lists > 1:
        raise AuthoringError(f"{where} has {spec.lists} option lists. Write all its options as one list.", line)
    if not spec.options:
        raise AuthoringError(
            f'{where} has no options. List them as "- [x] ..." and "- [ ] ...", '
            "or, for an ordering question, as a numbered list of steps in the right order.",
            line,
        )
    for index, option in enumerate(spec.options, start=1):
        kind = "item" if spec.qtype == "matching" else "option"
        _validate_option(spec, option, f"{where}, {kind} {index}", require_feedback)
    _validate_distinct(spec, where)
    if spec.qtype == "ordering":
        _validate_ordering(spec, where)
    elif spec.qtype == "matching":
        _validate_matching(spec, where)
    else:
        _validate_choice(spec, where)


def _validate_distinct(spec: QuestionSpec, where: str) -> None:
    """Two options that read the same cannot both be chosen meaningfully (nor put in order)."""
    seen: dict[str, int] = {}
    kind = {"ordering": "step", "matching": "item"}.get(spec.qtype, "option")
    for index, option in enumerate(spec.options, start=1):
        key = option.visible_text.casefold().rstrip(".")
        if key in seen:
            raise AuthoringError(
                f'{where}, {kind} {index} repeats {kind} {seen[key]} ("{_short(option.visible_text)}"). '
                f"Give each {kind} different text.",
                option.line or spec.line,
            )
        seen[key] = index


def _validate_option(spec: QuestionSpec, option: OptionSpec, where: str, require_feedback: bool) -> None:
    line = option.line or spec.line
    if not option.visible_text:
        raise AuthoringError(f'{where} is empty. Write the option text after "[x]" or "[ ]".', line)
    if option.stray_content:
        raise AuthoringError(
            f"{where} has more than its text and one \"> feedback\" block. "
            "Keep each option to one paragraph followed by its feedback.",
            line,
        )
    if spec.qtype == "matching":
        if option.correct is not None:
            raise AuthoringError(
                f'{where} has a "[x]" or "[ ]" marker, but matching items take none. '
                'Write each item as "- item => category".',
                line,
            )
        if not option.category:
            raise AuthoringError(
                f'{where} ("{_short(option.visible_text)}") has no category. Write it as "- item => category".',
                line,
            )
        return
    if spec.qtype == "ordering":
        if option.correct is not None:
            raise AuthoringError(
                f'{where} has a "[x]" or "[ ]" marker, but ordering steps take none. '
                "Write the steps as a numbered list in the correct order.",
                line,
            )
        return
    if option.correct is None:
        raise AuthoringError(
            f'{where} ("{_short(option.text)}") has no marker. Start it with "[x]" if it is correct '
            'or "[ ]" if it is not.',
            line,
        )
    if require_feedback and not option.has_feedback:
        raise AuthoringError(
            f'{where} ("{_short(option.text)}") has no feedback. Add a "> ..." line under the option '
            'saying why it is right or wrong, or set ":feedback: optional" on the quiz.',
            line,
        )
    if option.misconception and option.correct:
        raise AuthoringError(
            f'{where} is correct but is tagged with the misconception "{option.misconception}". '
            "Tag only wrong options with {misconception}.",
            line,
        )


def _validate_choice(spec: QuestionSpec, where: str) -> None:
    line = spec.line
    if spec.list_kind != "bullet":
        raise AuthoringError(
            f'{where} is a {spec.qtype} question, so write its options as a bullet list ("- [x] ...").',
            line,
        )
    correct = len(spec.correct_indexes)
    if spec.qtype == "truefalse":
        labels = tuple(option.text.strip().rstrip(".").lower() for option in spec.options)
        if len(spec.options) != 2:
            raise AuthoringError(
                f'{where} is true/false but has {len(spec.options)} options. '
                'Give exactly two options, "True" and "False".',
                line,
            )
        if sorted(labels) != sorted(TRUE_FALSE_LABELS):
            found = ", ".join(f'"{option.text}"' for option in spec.options)
            raise AuthoringError(
                f'{where} is true/false, so its options must be "True" and "False" (found {found}).',
                line,
            )
    if correct == 0:
        raise AuthoringError(f'{where} has no correct option. Mark the right answer with "- [x]".', line)
    if spec.qtype in ("single", "truefalse") and correct > 1:
        kind = "single choice" if spec.qtype == "single" else "true/false"
        raise AuthoringError(
            f'{where} is {kind} but marks {correct} options correct. Mark exactly one with "[x]"'
            + (', or use ":type: multiple".' if spec.qtype == "single" else "."),
            line,
        )
    if spec.qtype in ("single", "multiple") and len(spec.options) < 2:
        raise AuthoringError(f"{where} has only one option. Give at least two.", line)


def _validate_ordering(spec: QuestionSpec, where: str) -> None:
    count = len(spec.options)
    if count < 2:
        raise AuthoringError(
            f"{where} is an ordering question with {count} step. "
            "Give at least two steps as a numbered list in the correct order.",
            spec.line,
        )
    if spec.list_kind != "enumerated":
        raise AuthoringError(
            f'{where} is an ordering question, so write its steps as a numbered list ("1. ...") '
            "in the correct order.",
            spec.line,
        )


def _validate_matching(spec: QuestionSpec, where: str) -> None:
    if spec.list_kind != "bullet":
        raise AuthoringError(
            f'{where} is a matching question, so write its items as a bullet list ("- item => category").', spec.line
        )
    if len(spec.options) < 2:
        raise AuthoringError(
            f'{where} is a matching question with one pair. Give at least two items, each as "- item => category".',
            spec.line,
        )
    used = {visible(option.category or "").casefold() for option in spec.options}
    seen: set[str] = set()
    for extra in spec.extra_categories:
        key = visible(extra).casefold()
        if key in used or key in seen:
            raise AuthoringError(
                f'{where} lists the extra category "{extra}" ' + ("twice" if key in seen else "that an item already has")
                + ". List under :extra-categories: only categories that no item belongs to, once each.",
                spec.line,
            )
        seen.add(key)
    if len(used | seen) < 2:
        raise AuthoringError(
            f'{where} puts every item in one category ("{spec.options[0].category}"). Give items of at least two '
            "categories, or add the others with :extra-categories:.",
            spec.line,
        )


def categories(spec: QuestionSpec) -> list[str]:
    """A matching question's categories as shown: alphabetical, so their order says nothing about the pairs."""
    names: dict[str, str] = {}
    for name in [option.category or "" for option in spec.options] + list(spec.extra_categories):
        names.setdefault(visible(name).casefold(), visible(name))
    return sorted(names.values(), key=str.casefold)


def parse_extra_categories(value: str | None) -> tuple[str, ...]:
    """``:extra-categories: Not high-risk; Prohibited`` as its names."""
    return tuple(name.strip() for name in (value or "").split(";") if name.strip())


def fingerprint(quiz: QuizSpec) -> str:
    """A short hash of everything that decides what a right answer is.

    Saved answers carry it, so a learner's old answers to a changed quiz are
    discarded instead of being shown against different questions.
    """
    payload = [
        # A matching item's category is its answer; other options keep the payload they always had.
        [q.qtype, q.stem, [[o.text, o.correct] + ([o.category] if o.category is not None else []) for o in q.options]]
        for q in quiz.questions
    ]
    digest = hashlib.sha256(json.dumps([quiz.quiz_id, payload], ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:12]


def display_order(quiz_id: str, number: int, count: int) -> list[int]:
    """A fixed shuffle of ordering steps: the same on every build, never the answer itself."""
    seed = int(hashlib.sha256(f"{quiz_id}/{number}".encode()).hexdigest(), 16)
    order = list(range(count))
    for i in range(count - 1, 0, -1):
        seed, j = divmod(seed, i + 1)
        order[i], order[j] = order[j], order[i]
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
