"""The ``quiz`` directive: self-check questions written in MyST.

Authoring (see ``docs/authoring/quizzes.md``)::

    ::::{quiz} leadership-m1-check
    :::{question}
    :type: single
    :objective: families

    Which use is an example of process optimisation?

    - [x] Routing non-emergency calls to the right desk
      > Right: it speeds up a workflow without judging anyone.
    - [ ] Matching a face against a watch-list
      > That is image analysis, and it identifies people.

    ```{explanation}
    Process optimisation...
    ```
    :::
    ::::

A ``matching`` question lists its items as ``- item => category`` (see the guide).
The directives build builder-neutral nodes. HTML gets an interactive form
from :mod:`.quiz_html`; every other builder gets plain paragraphs and lists
from :class:`QuizToPlainNodes`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ..config import course_config
from ..errors import AuthoringError
from ..helpers import content_offset
from ..i18n import _
from ..registry import QuizRecord, course_registry, section_of
from ..theme.content_security import is_html_comment
from ..warnings_ import CourseWarning, logger, warn
from ..web_only import writes_plain_nodes
from .lint import LintOption, LintQuestion, parse_lint_allow
from .model import (
    OptionSpec,
    QuestionSpec,
    QuizSpec,
    categories,
    display_order,
    fingerprint,
    parse_extra_categories,
    validate_question,
    validate_quiz_id,
    validate_type,
    visible,
)


# Nodes. Attributes hold plain data so doctrees pickle and merge across processes.
class quiz(nodes.General, nodes.Element):  # noqa: N801
    """A quiz: ``quiz_id``, ``title``, ``fingerprint``, ``questions`` (count)."""


class quiz_question(nodes.General, nodes.Element):  # noqa: N801
    """``qtype``, ``number``, ``total``, ``objective``, ``tags``, ``order`` (display order), ``pool``
    (a member of its course's final-check pool), ``shuffle`` (options may be shown in a per-learner
    order), ``categories`` (a matching question's categories, in the order shown). A copy gathered
    onto another page also has ``origin`` ("quiz-id/number"), ``origin_fp`` (that quiz's
    fingerprint), ``unit`` (its page) and ``objective_text``."""


class quiz_context(nodes.General, nodes.Element):  # noqa: N801
    """Stem paragraphs before the one that asks the question."""


class quiz_prompt(nodes.Inline, nodes.TextElement):  # noqa: N801
    """The asking sentence: the inline content of the stem's last paragraph."""


class quiz_option(nodes.General, nodes.Element):  # noqa: N801
    """``index``, ``correct`` (bool, or None for ordering and matching), ``misconception``; for a matching
    item, ``category`` (its index in the question's ``categories``)."""


class quiz_option_label(nodes.Inline, nodes.TextElement):  # noqa: N801
    pass


class quiz_feedback(nodes.General, nodes.Element):  # noqa: N801
    pass


class quiz_hint(nodes.General, nodes.Element):  # noqa: N801
    pass


class quiz_explanation(nodes.General, nodes.Element):  # noqa: N801
    pass


class quiz_answer_key(nodes.General, nodes.Element):  # noqa: N801
    """The answers, feedback and explanations, collected at the end of the quiz."""


class quiz_key_entry(nodes.General, nodes.Element):  # noqa: N801
    """One question's answer: ``number``, ``qtype``; holds key options and an explanation."""


class quiz_key_option(nodes.General, nodes.Element):  # noqa: N801
    """An option in the answer key, with its feedback: ``index``, ``correct``, ``misconception``."""


class quiz_misconception(nodes.Inline, nodes.TextElement):  # noqa: N801
    """``{misconception}`tag``` inside a wrong option's feedback."""


class pending_question(nodes.General, nodes.Element):  # noqa: N801
    """A parsed ``question`` body waiting for its quiz to number and check it."""


#: ``Believes a top-ranked product is free of bias <top-ranked-means-unbiased>``: sentence, then slug.
MISCONCEPTION_TEXT = re.compile(r"^(?P<sentence>.+?)\s*<(?P<slug>[^<>\s]+)>$", re.S)


def misconception_parts(text: str) -> tuple[str, str]:
    """(slug, sentence) of a ``{misconception}`` tag; the sentence is empty for a slug-only tag (pure)."""
    match = MISCONCEPTION_TEXT.match(text.strip())
    if match:
        return match.group("slug"), " ".join(match.group("sentence").split())
    return text.strip(), ""


class MisconceptionRole(SphinxRole):
    """``{misconception}`Sentence <slug>```: the sentence is shown to trainers, the slug is data."""

    def run(self):
        slug, sentence = misconception_parts(self.text)
        if not sentence and course_config(self).course_misconception_plain_check:
            warn(CourseWarning.MISCONCEPTION_PLAIN,
                 f"The misconception tag '{slug}' has no plain-language sentence; write it as "
                 f"{{misconception}}`A sentence saying what the learner believes <{slug}>`.",
                 location=self.exact_location())
        return [quiz_misconception(self.rawtext, slug, tag=slug, sentence=sentence)], []

    def exact_location(self) -> str:
        """The line the tag is on: MyST's line numbers drift inside nested directives, so look for the tag nearby."""
        source, line = self.get_source_info()
        try:
            lines = Path(source).read_text(encoding="utf-8").splitlines()
        except (OSError, TypeError, ValueError):
            return f"{source}:{line}"
        needle = f"{{misconception}}`{self.text.splitlines()[0] if self.text else ''}"
        found = [number for number, text in enumerate(lines, start=1) if needle in text]
        return f"{source}:{min(found, key=lambda number: abs(number - (line or 0))) if found else line}"


class ExplanationDirective(SphinxDirective):
    has_content = True

    def run(self):
        node = quiz_explanation()
        self.set_source_info(node)
        self.state.nested_parse(self.content, content_offset(self), node)
        return [node]


class QuestionDirective(SphinxDirective):
    has_content = True
    option_spec = {
        "type": directives.unchanged,
        "objective": directives.unchanged,
        "tags": directives.unchanged,
        # A member of its course's final-check pool (see docs/authoring/quizzes.md).
        "pool": directives.flag,
        # ``false`` keeps the source order where it carries meaning (a scale, "none of these").
        "shuffle": lambda value: directives.choice(value, ("true", "false")),
        # A matching question's categories that no item belongs to, separated by ";".
        "extra-categories": directives.unchanged,
        # ``check[, check] -- reason``: this question is exempt from an assessment-lint check.
        "lint-allow": directives.unchanged,
    }

    def run(self):
        node = pending_question(
            qtype=self.options.get("type"),
            pool="pool" in self.options,
            shuffle=self.options.get("shuffle", "true") == "true",
            objective=(self.options.get("objective") or "").strip() or None,
            tags=tuple((self.options.get("tags") or "").replace(",", " ").split()),
            lint_allow=self.options.get("lint-allow"),
            extra_categories=self.options.get("extra-categories"),
        )
        self.set_source_info(node)
        self.state.nested_parse(self.content, content_offset(self), node)
        return [node]


class QuizDirective(SphinxDirective):
    has_content = True
    optional_arguments = 1
    option_spec = {
        "title": directives.unchanged,
        "feedback": lambda value: directives.choice(value, ("required", "optional")),
    }

    def report(self, message: str, line: int | None) -> None:
        logger.error(f"{message} [course.quiz]", location=f"{self.source_path}:{line or self.lineno}")

    def run(self):
        self.source_path, self.lineno, offset = _locate(self)
        try:
            quiz_id = validate_quiz_id(self.arguments[0] if self.arguments else None)
        except AuthoringError as error:
            self.report(error.message, self.lineno)
            return []
        title = self.options.get("title") or _("Self-check")
        require_feedback = self.options.get("feedback", "required") == "required"
        if require_feedback and not course_config(self).course_quiz_require_feedback:
            require_feedback = False

        holder = nodes.Element()
        self.state.nested_parse(self.content, offset, holder)
        nested = list(holder.findall(quiz))
        if nested:
            # Its questions would be counted twice and saved under the wrong quiz.
            registry = course_registry(self.env)
            inner_ids = {inner["quiz_id"] for inner in nested}
            registry.quizzes[self.env.docname] = [
                r for r in registry.quizzes.get(self.env.docname, []) if r.quiz_id not in inner_ids
            ]
            for inner in nested:
                self.report(
                    f'Quiz "{quiz_id}" holds another quiz ("{inner["quiz_id"]}"). Close the first quiz '
                    '(its "::::" line) before the next one starts.',
                    inner.line,
                )
            return []
        body = holder.children
        questions = [n for n in body if isinstance(n, pending_question)]
        others = [n for n in body if not isinstance(n, (pending_question, nodes.comment, nodes.system_message))]
        failed = False
        if others:
            failed = True
            self.report(
                f'Quiz "{quiz_id}" holds content outside its questions. '
                "Put everything inside {question} blocks, or move it out of the quiz.",
                _line_of(others[0]),
            )
        if not questions:
            failed = True
            self.report(f'Quiz "{quiz_id}" has no questions. Add at least one {{question}} block.', self.lineno)
        built: list[tuple[QuestionSpec, quiz_question, quiz_key_entry]] = []
        for number, pending in enumerate(questions, start=1):
            try:
                built.append(_build_question(pending, number, len(questions), quiz_id, require_feedback))
            except AuthoringError as error:
                failed = True
                self.report(error.message, error.line or _line_of(pending))
        if failed:
            return []

        spec = QuizSpec(quiz_id, title, tuple(entry[0] for entry in built))
        root = quiz(quiz_id=quiz_id, title=title, fingerprint=fingerprint(spec), questions=len(built))
        self.set_source_info(root)
        for _spec, question, _entry in built:
            root += question
        root += quiz_answer_key("", *(entry for _s, _q, entry in built), title=title)
        course_registry(self.env).add_quiz(
            QuizRecord(
                quiz_id=quiz_id,
                docname=self.env.docname,
                line=self.lineno,
                title=title,
                questions=len(built),
                fingerprint=root["fingerprint"],
                objectives=tuple(entry[0].objective for entry in built if entry[0].objective),
                section=section_of(self.env.docname),
                objective_tags=tuple(
                    (spec.objective, number, self.source_path, spec.line or self.lineno)
                    for number, (spec, _q, _e) in enumerate(built, start=1) if spec.objective
                ),
                pool=tuple(question["number"] for _s, question, _e in built if question["pool"]),
                lint=tuple(
                    lint_question(quiz_id, number, spec, self.source_path, spec.line or self.lineno)
                    for number, (spec, _q, _e) in enumerate(built, start=1)
                ),
            )
        )
        return [root]


def lint_question(quiz_id: str, number: int, spec: QuestionSpec, source: str, line: int) -> LintQuestion:
    """What the assessment lint and report read about a question (see quiz_lint)."""
    return LintQuestion(
        quiz_id=quiz_id, number=number, qtype=spec.qtype, source=source, line=line,
        options=tuple(LintOption(o.visible_text, bool(o.correct), " ".join(o.feedback.split())) for o in spec.options),
        objective=spec.objective or "", allowed=spec.lint_allow,
    )


def _locate(directive: SphinxDirective) -> tuple[str, int, int]:
    """The quiz's file, its line there, and the content offset to parse with, found in the file itself.

    MyST's line numbers drift inside other directives (a colon-fenced admonition or dropdown
    without options shifts its content a line or more), and inside an included file they count
    from the wrong start. The quiz's own header line, which names its unique id, is found in
    the file the content came from (the included file, for an include); the content then starts
    at the first line after it that matches, so every question and option gets its true line.
    """
    items = directive.content.items if directive.content else []
    source = items[0][0] if items and items[0][0] else directive.state.document.current_source
    source = str(source or directive.env.doc2path(directive.env.docname))
    try:
        with open(source, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return source, directive.lineno, content_offset(directive)
    quiz_id = re.escape(directive.arguments[0]) if directive.arguments else ""
    header = re.compile(r"^\s*(:{3,}|`{3,})\{quiz\}\s*" + quiz_id + r"\s*$")
    found = [index for index, text in enumerate(lines) if header.match(text)]
    if len(found) != 1 or not directive.content:
        return source, directive.lineno, content_offset(directive)
    start = found[0]
    first = next((i for i in range(start + 1, len(lines)) if lines[i] == directive.content[0]), None)
    if first is None:
        return source, start + 1, content_offset(directive)
    # MyST adds the offset to the line it believes the directive is on.
    return source, start + 1, first - directive.lineno


@dataclass
class _Parts:
    stem: list[nodes.Node]
    option_list: nodes.Element | None
    lists: int
    hints: list[nodes.Element]
    explanations: list[nodes.Element]
    stray: list[nodes.Node]
    loose_feedback: list[nodes.Element]


def _split_parts(pending: pending_question) -> _Parts:
    parts = _Parts([], None, 0, [], [], [], [])
    for child in pending.children:
        if isinstance(child, nodes.comment) or _is_comment(child):
            continue
        if isinstance(child, nodes.block_quote) and parts.option_list is None:
            parts.loose_feedback.append(child)
            continue
        if isinstance(child, (nodes.bullet_list, nodes.enumerated_list)):
            parts.lists += 1
            parts.option_list = parts.option_list or child
        elif isinstance(child, nodes.hint):
            parts.hints.append(child)
        elif isinstance(child, quiz_explanation):
            parts.explanations.append(child)
        elif parts.option_list is None:
            parts.stem.append(child)
        else:
            parts.stray.append(child)
    return parts


def _is_comment(node: nodes.Node) -> bool:
    return isinstance(node, nodes.raw) and is_html_comment(node.astext())


def _shown_text(node: nodes.Node) -> str:
    """What a reader sees of ``node``: its text without comments or raw HTML (which the raw-HTML
    check reports and removes), so an option written only as ``<!-- x -->`` counts as empty."""
    if isinstance(node, (nodes.raw, nodes.comment)):
        return ""
    if isinstance(node, nodes.Text):
        return str(node)
    return "".join(_shown_text(child) for child in node.children)


def _split_category(paragraph: nodes.Element) -> str | None:
    """Cut "=> category" off a matching item's paragraph; the category's text, or None without "=>"."""
    children = list(paragraph.children)
    for position in range(len(children) - 1, -1, -1):
        child = children[position]
        if isinstance(child, nodes.Text) and "=>" in str(child):
            before, _arrow, after = str(child).rpartition("=>")
            category = after + "".join(c.astext() for c in children[position + 1:])
            for following in children[position:]:
                paragraph.remove(following)
            if before.strip():
                paragraph += nodes.Text(before.rstrip())
            return " ".join(category.split()) or None
    return None


def _read_option(
    item: nodes.list_item, ordering: bool, matching: bool = False
) -> tuple[OptionSpec, nodes.Element, nodes.Element | None]:
    """Split a list item into its label paragraph and its optional feedback block."""
    blocks = [c for c in item.children if not isinstance(c, nodes.comment) and not _is_comment(c)]
    paragraph = blocks[0] if blocks and isinstance(blocks[0], nodes.paragraph) else nodes.paragraph()
    rest = blocks[1:] if blocks and blocks[0] is paragraph else blocks
    feedback = rest[0] if rest and isinstance(rest[0], nodes.block_quote) else None
    stray = len(rest) > (1 if feedback is not None else 0)
    unmarked = ordering or matching
    correct = None if unmarked else _strip_marker(paragraph)
    if unmarked and _has_marker(paragraph):
        correct = _strip_marker(paragraph)
    category = _split_category(paragraph) if matching else None
    misconceptions = list(feedback.findall(quiz_misconception)) if feedback is not None else []
    for tag_node in misconceptions:
        tag_node.parent.remove(tag_node)
    spec = OptionSpec(
        text=paragraph.astext(),
        correct=correct,
        has_feedback=feedback is not None and bool(feedback.astext().strip()),
        feedback=feedback.astext() if feedback is not None else "",
        misconception=misconceptions[0]["tag"] if misconceptions else None,
        misconception_sentence=misconceptions[0].get("sentence") or None if misconceptions else None,
        line=_line_of(item),
        stray_content=stray,
        shown=_shown_text(paragraph),
        category=category,
    )
    return spec, paragraph, feedback


_MARKERS = {"[x] ": True, "[X] ": True, "[ ] ": False}


def _has_marker(paragraph: nodes.Element) -> bool:
    text = paragraph.astext()
    return any(text.startswith(m) or text == m.strip() for m in _MARKERS)


def _strip_marker(paragraph: nodes.Element) -> bool | None:
    """Remove a leading "[x] " or "[ ] " from the paragraph; say which it was."""
    first = next(iter(paragraph.findall(nodes.Text)), None)
    if first is None:
        return None
    text = str(first)
    for marker, correct in _MARKERS.items():
        if text.startswith(marker) or text == marker.strip():
            first.parent.replace(first, nodes.Text(text[len(marker):]))
            return correct
    return None


def _build_question(
    pending: pending_question, number: int, total: int, quiz_id: str, require_feedback: bool
) -> tuple[QuestionSpec, quiz_question, quiz_key_entry]:
    """Check one question and split it into what is asked and what is answered."""
    line = _line_of(pending)
    qtype = validate_type(pending["qtype"], number, line)
    ordering = qtype == "ordering"
    try:
        lint_allow = parse_lint_allow(pending.get("lint_allow"))
    except AuthoringError as error:
        raise AuthoringError(f"Question {number}: {error.message}", line) from None
    parts = _split_parts(pending)
    items = list(parts.option_list.children) if parts.option_list is not None else []
    matching = qtype == "matching"
    read = [_read_option(item, ordering, matching) for item in items if isinstance(item, nodes.list_item)]
    spec = QuestionSpec(
        qtype=qtype,
        stem=" ".join(n.astext() for n in parts.stem),
        options=tuple(option for option, _p, _f in read),
        list_kind=_list_kind(parts.option_list),
        hints=len(parts.hints),
        explanations=len(parts.explanations),
        objective=pending["objective"],
        tags=pending["tags"],
        line=line,
        stray_blocks=len(parts.stray),
        lists=parts.lists,
        stem_shown=" ".join(_shown_text(n) for n in parts.stem),
        loose_feedback_line=_line_of(parts.loose_feedback[0]) if parts.loose_feedback else None,
        lint_allow=lint_allow,
        extra_categories=parse_extra_categories(pending.get("extra_categories")),
    )
    if not matching and spec.extra_categories:
        raise AuthoringError(f"Question {number} is {qtype}, but only matching questions take :extra-categories:.", line)
    validate_question(spec, number, require_feedback=require_feedback)
    if not isinstance(parts.stem[-1], nodes.paragraph):
        raise AuthoringError(
            f"Question {number} must end its question text with a paragraph that asks the question.", line
        )

    shown_categories = categories(spec) if matching else []
    question = quiz_question(
        categories=shown_categories,
        qtype=qtype,
        number=number,
        total=total,
        objective=spec.objective or "",
        tags=list(spec.tags),
        order=display_order(quiz_id, number, len(read)) if ordering else list(range(len(read))),
        pool=bool(pending["pool"]),
        # True/false keeps "True, False"; ordering steps already have their own shuffle.
        shuffle=bool(pending["shuffle"]) and qtype in ("single", "multiple"),
    )
    if len(parts.stem) > 1:
        question += quiz_context("", *parts.stem[:-1])
    question += translatable_copy(quiz_prompt, parts.stem[-1])
    entry = quiz_key_entry(number=number, qtype=qtype, categories=shown_categories)
    for index, (option, paragraph, feedback) in enumerate(read):
        attributes = {"index": index, "correct": option.correct, "misconception": option.misconception or "",
                      "misconception_sentence": option.misconception_sentence or ""}
        if matching:
            attributes["category"] = _category_index(shown_categories, option.category or "")
        question += quiz_option("", translatable_copy(quiz_option_label, paragraph), **attributes)
        key_option = quiz_key_option("", translatable_copy(quiz_option_label, paragraph.deepcopy()), **attributes)
        if feedback is not None:
            key_option += quiz_feedback("", *feedback.children)
        entry += key_option
    for hint in parts.hints:
        question += quiz_hint("", *hint.children)
    if parts.explanations:
        entry += quiz_explanation("", *parts.explanations[0].children)
    return spec, question, entry


#: An option's check box as written before its text: "[x] " or "[ ] ".
CHECK_BOX = re.compile(r"^\[[ xX]\]\s*")


def translatable_copy(node_class, paragraph: nodes.paragraph) -> nodes.TextElement:
    """The paragraph's inline content in a quiz node that a translated edition translates: Sphinx
    extracts and replaces only text nodes that carry their source, and inline ones only if marked,
    and the message is the Markdown as written, less the option's check box."""
    copy = node_class(CHECK_BOX.sub("", paragraph.rawsource), "", *paragraph.children)
    copy.source, copy.line = paragraph.source, paragraph.line
    copy["translatable"] = True
    return copy


def _category_index(shown: list[str], category: str) -> int:
    key = visible(category).casefold()
    return next(i for i, name in enumerate(shown) if name.casefold() == key)


def _list_kind(option_list: nodes.Element | None) -> str | None:
    if isinstance(option_list, nodes.bullet_list):
        return "bullet"
    if isinstance(option_list, nodes.enumerated_list):
        return "enumerated"
    return None


def _line_of(node: nodes.Node) -> int | None:
    for candidate in node.findall(include_self=True):
        if getattr(candidate, "line", None):
            return candidate.line
    return None


class CheckQuizPieces(SphinxTransform):
    """Question, explanation and misconception blocks only make sense inside a quiz."""

    default_priority = 200

    def apply(self, **kwargs):
        for node_type, name in (
            (pending_question, "{question}"),
            (quiz_explanation, "{explanation}"),
            (quiz_misconception, "{misconception}"),
        ):
            for node in list(self.document.findall(node_type)):
                if node_type is not pending_question and _inside(node, quiz):
                    continue
                where = "a {quiz}" if node_type is pending_question else "a {question} of a {quiz}"
                logger.error(
                    f"{name} is only allowed inside {where}. Move it into one, or remove it. [course.quiz]",
                    location=node,
                )
                node.parent.remove(node)


def _inside(node: nodes.Node, ancestor_type: type) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, ancestor_type):
            return True
        parent = parent.parent
    return False


class QuizToPlainNodes(SphinxPostTransform):
    """For PDF, text and other builders: numbered questions with empty boxes, then the answer key."""

    default_priority = 200

    def is_supported(self) -> bool:
        # The message catalogues' builder reads the quiz as written: its text nodes carry their source.
        return writes_plain_nodes(self.env)

    def run(self, **kwargs):
        for root in list(self.document.findall(quiz)):
            root.replace_self(plain_quiz(root, show_answers=course_config(self).course_edition == "trainer"))


def plain_quiz(root: quiz, show_answers: bool) -> nodes.Element:
    box = nodes.container(classes=["quiz-plain"])
    box += nodes.rubric("", root["title"])
    for question in root.findall(quiz_question):
        for context in question.findall(quiz_context):
            box += context.deepcopy().children
        prompt = nodes.paragraph()
        prompt += nodes.strong("", f"{question['number']}. ")
        prompt += next(iter(question.findall(quiz_prompt))).deepcopy().children
        box += prompt
        options = list(question.findall(quiz_option))
        if question["qtype"] == "matching":
            box += plain_matching(question, options)
            continue
        listing = nodes.bullet_list(bullet="-")
        blank = "☐ " if question["qtype"] != "ordering" else "___ "
        for position in question["order"]:
            paragraph = nodes.paragraph("", blank)
            paragraph += options[position].children[0].deepcopy().children
            listing += nodes.list_item("", paragraph)
        box += listing
    if show_answers:
        box += nodes.rubric("", _("Answers"))
        box += plain_answer_key(next(iter(root.findall(quiz_answer_key))))
    return box


def plain_matching(question: quiz_question, options: list[quiz_option]) -> list[nodes.Node]:
    """Each item with a blank for its category, then the categories to choose from."""
    listing = nodes.bullet_list(bullet="-")
    for position in question["order"]:
        paragraph = nodes.paragraph()
        paragraph += options[position].children[0].deepcopy().children
        paragraph += nodes.Text(" → ________")
        listing += nodes.list_item("", paragraph)
    choices = nodes.paragraph("", _("Categories: %s.") % "; ".join(question["categories"]))
    return [listing, choices]


def _pair(option: nodes.Element, categories: list[str]) -> list[nodes.Node]:
    """A matching item and its category: "item → category"."""
    return [*option.children[0].deepcopy().children, nodes.Text(" → " + categories[option["category"]])]


def plain_answer_key(key: quiz_answer_key) -> list[nodes.Node]:
    """The answer key as ordinary paragraphs and lists, for any builder."""
    result: list[nodes.Node] = []
    for entry in key.findall(quiz_key_entry):
        options = list(entry.findall(quiz_key_option))
        heading = nodes.paragraph()
        heading += nodes.strong("", _("Question %s") % entry["number"] + ". ")
        if entry["qtype"] == "matching":
            heading += nodes.Text(_("Correct pairs:") + " ")
            for position, option in enumerate(options):
                heading += [nodes.Text("; ")] if position else []
                heading += _pair(option, entry["categories"])
            result.append(heading)
            result.append(_plain_key_items(options, entry["categories"]))
            result.extend(c for e in entry.findall(quiz_explanation) for c in e.deepcopy().children)
            continue
        if entry["qtype"] == "ordering":
            heading += nodes.Text(_("Correct order:") + " ")
            chosen, separator = options, " → "
        else:
            heading += nodes.Text(_("Correct:") + " ")
            chosen, separator = [o for o in options if o["correct"]], "; "
        for position, option in enumerate(chosen):
            if position:
                heading += nodes.Text(separator)
            heading += option.children[0].deepcopy().children
        result.append(heading)
        listing = nodes.bullet_list(bullet="-")
        for option in options:
            item = nodes.list_item()
            label = nodes.paragraph()
            if entry["qtype"] != "ordering":
                label += nodes.Text((_("Right") if option["correct"] else _("Wrong")) + ": ")
            label += nodes.emphasis("", "", *option.children[0].deepcopy().children)
            item += label
            for feedback in option.findall(quiz_feedback):
                item += feedback.deepcopy().children
            if option["misconception"]:
                item += nodes.paragraph("", misconception_text(option), classes=["quiz-misconception"])
            listing += item
        result.append(listing)
        for explanation in entry.findall(quiz_explanation):
            result.extend(explanation.deepcopy().children)
    return result


def misconception_text(option: nodes.Element) -> str:
    """What trainers read for an option's misconception: its sentence, or the slug in words until one is written."""
    sentence = option.get("misconception_sentence", "")
    return sentence or _("Misconception: %s") % option["misconception"].replace("-", " ")


def _plain_key_items(options: list[nodes.Element], categories: list[str]) -> nodes.bullet_list:
    listing = nodes.bullet_list(bullet="-")
    for option in options:
        item = nodes.list_item("", nodes.paragraph("", "", nodes.emphasis("", "", *_pair(option, categories))))
        for feedback in option.findall(quiz_feedback):
            item += feedback.deepcopy().children
        listing += item
    return listing


def check_unique_ids(app, env) -> None:
    """A quiz id names one quiz in the whole site: saved answers are keyed by it."""
    seen: dict[str, QuizRecord] = {}
    for record in course_registry(env).all_quizzes():
        first = seen.setdefault(record.quiz_id, record)
        if first is not record:
            logger.error(
                f'Quiz id "{record.quiz_id}" is already used in {env.doc2path(first.docname, base=False)}, '
                f"line {first.line}. Quiz ids must be unique across the site. [course.quiz_duplicate_id]",
                location=(record.docname, record.line),
            )


def check_objectives(app, env) -> None:
    """An ``:objective:`` names a learning objective of its own page, wherever it is written:
    on a unit page it must be one the front matter declares; a page that declares none cannot
    have questions tagged with one. Reported at the question."""
    registry = course_registry(env)
    for docname in sorted(registry.quizzes):
        unit = registry.units.get(docname) or {}
        # Units have checked front matter; any other page may declare objectives there too.
        listed = unit.get("objectives") or _front_matter_objectives(env.doc2path(docname))
        declared = sorted(
            str(o.get("id")) if isinstance(o, dict) else str(o) for o in (listed if isinstance(listed, list) else [])
        )
        for record in registry.quizzes[docname]:
            for objective, number, source, line in record.objective_tags:
                if objective in declared:
                    continue
                where = f"Quiz '{record.quiz_id}' tags a question with objective '{objective}'"
                if not declared:
                    message = (f"{where}, but this page declares no learning objectives. The tag is on question "
                               f"{number}: remove it, or declare the objectives in the page's front matter.")
                else:
                    close = difflib.get_close_matches(objective, declared, n=1)
                    hint = f" Did you mean '{close[0]}'?" if close else ""
                    message = (f"{where}, which this page does not declare.{hint} Declared: "
                               f"{', '.join(declared)}. The tag is on question {number}.")
                logger.error(f"{message} [course.metadata]", location=f"{source}:{line}")


def _front_matter_objectives(path) -> list:
    from ..course.units import front_matter_from_file

    try:
        listed = front_matter_from_file(path).get("objectives")
    except (AuthoringError, OSError, AttributeError):
        return []  # a page whose front matter cannot be read is reported by its own check
    return listed if isinstance(listed, list) else []


def quiz_element_ids(quiz_node: quiz) -> list[str]:
    """Every id the HTML of a quiz gives its elements (see quiz_html)."""
    base = f"quiz-{quiz_node['quiz_id']}"
    ids = [base]
    for question in quiz_node.findall(quiz_question):
        qid = f"{base}-q{question['number']}"
        ids += [qid, f"{qid}-result", f"{qid}-how", f"{qid}-key"]
        for option in question.findall(quiz_option):
            ids += [f"{qid}-o{option['index']}", f"{qid}-o{option['index']}-key"]
    return ids


class CheckQuizIds(SphinxTransform):
    """A quiz's element ids must not collide with a heading's or another quiz's on the same page:
    a duplicate id breaks links to the heading and the labels of the quiz's controls."""

    default_priority = 880

    def apply(self, **kwargs):
        owners: dict[str, str] = {}
        for node in self.document.findall(nodes.Element):
            for element_id in node.get("ids", []):
                what = f'the heading "{node[0].astext()}"' if isinstance(node, nodes.section) and node.children else "an anchor"
                owners.setdefault(element_id, what)
        for quiz_node in self.document.findall(quiz):
            for element_id in quiz_element_ids(quiz_node):
                if element_id in owners:
                    logger.error(
                        f'Quiz "{quiz_node["quiz_id"]}" gives an element the id "{element_id}", which this page '
                        f"already uses for {owners[element_id]}. Rename the quiz or the heading: ids on a page "
                        "must be unique. [course.quiz]",
                        location=quiz_node,
                    )
                    break
            for element_id in quiz_element_ids(quiz_node):
                owners.setdefault(element_id, f'quiz "{quiz_node["quiz_id"]}"')


def setup_quiz(app) -> None:
    from .html import HTML_VISITORS

    for node_class in (quiz, quiz_question, quiz_context, quiz_prompt, quiz_option, quiz_option_label,
                       quiz_feedback, quiz_hint, quiz_explanation, quiz_answer_key, quiz_key_entry,
                       quiz_key_option, quiz_misconception, pending_question):
        handlers = HTML_VISITORS.get(node_class)
        if handlers is None:
            app.add_node(node_class)
        else:
            app.add_node(node_class, html=handlers)
    app.add_directive("quiz", QuizDirective)
    app.add_directive("question", QuestionDirective)
    app.add_directive("explanation", ExplanationDirective)
    app.add_role("misconception", MisconceptionRole())
    app.add_transform(CheckQuizPieces)
    app.add_post_transform(QuizToPlainNodes)
    app.add_transform(CheckQuizIds)
    app.connect("env-check-consistency", check_unique_ids)
    app.connect("env-check-consistency", check_objectives)
