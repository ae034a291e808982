"""HTML for quizzes: native form controls, a live region and an answer key.

Without JavaScript the page shows the questions and a collapsed, labelled
answer key. ``course-quiz.js`` makes the questions interactive, reading
right answers and feedback from that key, so nothing is written twice.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from ..config import course_config
from ..course.outline import next_unit, units_in_course_order
from ..i18n import _, forward_arrow
from ..registry import course_registry
from . import directives as q

INSTRUCTIONS = {
    "single": lambda: _("Choose one answer."),
    "truefalse": lambda: _("Choose true or false."),
    "multiple": lambda: _("Select all that apply."),
    "ordering": lambda: _("Put the steps in the right order."),
    "matching": lambda: _("Choose a category for each item."),
}


def _quiz_of(node: nodes.Node) -> q.quiz:
    while not isinstance(node, q.quiz):
        node = node.parent
    return node


def _qid(node: nodes.Node, number: int) -> str:
    return f"quiz-{_quiz_of(node)['quiz_id']}-q{number}"


def visit_quiz(self: HTML5Translator, node: q.quiz) -> None:
    quiz_id = node["quiz_id"]
    privacy = self.builder.get_relative_uri(self.builder.current_docname, course_config(self).course_privacy_page)
    # A quiz gathered from others (a final check, a review round) says so; course-quiz-rounds.js runs it.
    mode = "".join(f' data-{name}="{self.attval(str(node[key]))}"'
                   for key, name in (("mode", "mode"), ("per_unit", "per-unit")) if node.get(key))
    self.body.append(
        f'<div class="quiz" id="quiz-{quiz_id}" data-quiz-id="{quiz_id}" '
        f'data-fingerprint="{node["fingerprint"]}" data-questions="{node["questions"]}"{mode}>\n'
        f'<p class="quiz-title"><strong>{self.encode(node["title"])}</strong> '
        f'<span class="quiz-meta">{self.encode(_("%s questions") % node["questions"])} · '
        f'<a href="{privacy}#quiz-answers">{self.encode(_("Your answers stay on this device"))}</a></span></p>\n'
    )


def next_step_link(self: HTML5Translator) -> str:
    """Where a finished quiz leads: the next unit in course order, or the overview after the last.

    Empty on pages that are not course units (the authoring guide's examples).
    """
    env, here = self.builder.env, self.builder.current_docname
    if here not in units_in_course_order(env):
        return ""
    following = next_unit(env, here)
    if following:
        text = _("Next: %s") % env.titles[following].astext()
    else:
        following = here.rsplit("/", 1)[0] + "/index"
        if following not in env.titles:
            return ""
        text = _("That was the last unit. Back to %s") % env.titles[following].astext()
    href = self.builder.get_relative_uri(here, following)
    return f'<p class="quiz-next" data-quiz-next hidden><a href="{href}">{self.encode(text)}</a></p>'


def review_link(self: HTML5Translator, node: q.quiz) -> str:
    """A link to the "review my mistakes" page, shown by the script once this learner has some."""
    pages = course_registry(self.builder.env).pages_gathering("review-mistakes")
    # The review gathers the course units' questions: a demonstration quiz elsewhere has none there.
    in_course = node.get("mode") == "final" or self.builder.current_docname in units_in_course_order(self.builder.env)
    if not pages or not in_course:
        return ""
    href = self.builder.get_relative_uri(self.builder.current_docname, pages[0])
    return f'<a class="quiz-button" data-quiz-review href="{href}" hidden>{self.encode(_("Review my mistakes"))}</a> '


def depart_quiz(self: HTML5Translator, node: q.quiz) -> None:
    self.body.append(
        '<div class="quiz-summary" hidden><p class="quiz-score" role="status"></p>'
        + next_step_link(self)
        + review_link(self, node)
        + f'<button type="button" class="quiz-button" data-action="reset">{self.encode(_("Try again"))}</button> '
        f'<button type="button" class="quiz-button" data-action="reveal">{self.encode(_("Show answers"))}</button>'
        "</div>\n</div>\n"
    )


def visit_question(self: HTML5Translator, node: q.quiz_question) -> None:
    number = node["number"]
    qid = _qid(node, number)
    objective = f' data-objective="{self.attval(node["objective"])}"' if node["objective"] else ""
    shuffle = " data-shuffle" if node.get("shuffle") else ""
    self.body.append(
        f'<div class="quiz-question" id="{qid}" data-question-type="{node["qtype"]}" '
        f'data-number="{number}"{objective}{shuffle}{origin_attributes(self, node)}>\n'
    )


def origin_attributes(self: HTML5Translator, node: q.quiz_question) -> str:
    """Where a gathered copy of a question comes from: its quiz and number (which its review
    record is kept under), its unit and a link to the objective it checks, for the results."""
    if not node.get("origin"):
        return ""
    here = self.builder.current_docname
    href = self.builder.get_relative_uri(here, node["unit"]) + (f"#objective-{node['objective']}" if node["objective"] else "")
    values = {"origin": node["origin"], "origin-fp": node["origin_fp"], "unit": node["unit"],
              "objective-href": href, "objective-text": node.get("objective_text") or node["objective"]}
    return "".join(f' data-{name}="{self.attval(value)}"' for name, value in values.items())


def depart_question(self: HTML5Translator, node: q.quiz_question) -> None:
    self.body.append(
        f'<p class="quiz-result" id="{_qid(node, node["number"])}-result" hidden></p>'
        f'<p class="quiz-actions" hidden><button type="button" class="quiz-button" data-action="check">'
        f'{self.encode(_("Check"))}</button> <button type="button" class="quiz-button" data-action="show" hidden>'
        f'{self.encode(_("Show the answers"))}</button></p>\n</div>\n'
    )


def visit_context(self, node):
    self.body.append('<div class="quiz-context">\n')


def depart_context(self, node):
    self.body.append("</div>\n")


def visit_prompt(self: HTML5Translator, node: q.quiz_prompt) -> None:
    question = node.parent
    label = _("Question %(number)s of %(total)s") % {"number": question["number"], "total": question["total"]}
    # The legend names the group for screen readers; the instruction follows it.
    self.body.append(
        f'<fieldset class="quiz-fieldset" aria-describedby="{_qid(node, question["number"])}-how">'
        f'<legend><span class="quiz-number">{self.encode(label)}.</span> <span class="quiz-prompt">'
    )


def depart_prompt(self: HTML5Translator, node: q.quiz_prompt) -> None:
    question = node.parent
    qid = _qid(node, question["number"])
    instruction = INSTRUCTIONS[question["qtype"]]()
    tag = "ol" if question["qtype"] == "ordering" else "ul"
    self.body.append(
        f'</span></legend>\n<p class="quiz-how" id="{qid}-how">{self.encode(instruction)}</p>\n'
        f'<{tag} class="quiz-options">\n'
    )
    # Options are rendered here, in display order, so the fieldset closes around them.
    options = [child for child in question.children if isinstance(child, q.quiz_option)]
    for position in question["order"]:
        if question["qtype"] == "matching":
            _render_pair(self, options[position], qid, question["categories"])
        else:
            _render_option(self, options[position], qid, question["qtype"])
    self.body.append(f"</{tag}>\n</fieldset>\n")


def _render_option(self: HTML5Translator, option: q.quiz_option, qid: str, qtype: str) -> None:
    index = option["index"]
    oid = f"{qid}-o{index}"
    if qtype == "ordering":
        self.body.append(f'<li class="quiz-option quiz-step" data-index="{index}" id="{oid}"><span class="quiz-step-text">')
    else:
        kind = "checkbox" if qtype == "multiple" else "radio"
        self.body.append(
            f'<li class="quiz-option" data-index="{index}">'
            f'<input type="{kind}" id="{oid}" name="{qid}" value="{index}">'
            f'<label for="{oid}">'
        )
    label = option.children[0]
    for child in label.children:
        child.walkabout(self)
    self.body.append("</span></li>\n" if qtype == "ordering" else "</label></li>\n")


def _render_pair(self: HTML5Translator, option: q.quiz_option, qid: str, categories: list[str]) -> None:
    """A matching item: its text labels a native select of the categories (keyboard and screen-reader ready)."""
    oid = f"{qid}-o{option['index']}"
    self.body.append(f'<li class="quiz-option quiz-pair" data-index="{option["index"]}"><label for="{oid}">')
    for child in option.children[0].children:
        child.walkabout(self)
    choices = "".join(f'<option value="{i}">{self.encode(name)}</option>' for i, name in enumerate(categories))
    self.body.append(
        f'</label> <select id="{oid}" name="{oid}"><option value="">{self.encode(_("Choose…"))}</option>'
        f"{choices}</select></li>\n"
    )


def skip_node(self, node):
    raise nodes.SkipNode


def visit_hint(self: HTML5Translator, node: q.quiz_hint) -> None:
    self.body.append(f'<details class="quiz-hint"><summary>{self.encode(_("Hint"))}</summary>\n')


def depart_hint(self, node):
    self.body.append("</details>\n")


def visit_answer_key(self: HTML5Translator, node: q.quiz_answer_key) -> None:
    title = _("Answers and explanations: %s") % node["title"]
    # Trainers get the key open: it is their answer sheet.
    opened = " open" if course_config(self).course_edition == "trainer" else ""
    self.body.append(
        f'<details class="quiz-answers"{opened}><summary>{self.encode(title)}</summary>\n<ol class="quiz-key">\n'
    )


def depart_answer_key(self, node):
    self.body.append("</ol>\n</details>\n")


def visit_key_entry(self: HTML5Translator, node: q.quiz_key_entry) -> None:
    qid = _qid(node, node["number"])
    options = [c for c in node.children if isinstance(c, q.quiz_key_option)]
    if node["qtype"] == "ordering":
        lead, chosen, separator = _("Correct order:"), options, f" {forward_arrow(self.config.language)} "
    elif node["qtype"] == "matching":
        lead, chosen, separator = _("Correct pairs:"), options, "; "
    else:
        lead, chosen, separator = _("Correct:"), [o for o in options if o["correct"]], "; "
    self.body.append(f'<li class="quiz-key-entry" id="{qid}-key"><p><strong>{self.encode(lead)}</strong> ')
    for position, option in enumerate(chosen):
        if position:
            self.body.append(separator)
        for child in option.children[0].children:
            child.walkabout(self)
        if node["qtype"] == "matching":
            arrow = forward_arrow(self.config.language)
            self.body.append(f" {arrow} " + self.encode(node["categories"][option["category"]]))
    self.body.append('</p>\n<ul class="quiz-key-options">\n')


def depart_key_entry(self, node):
    self.body.append("</li>\n")


def visit_key_option(self: HTML5Translator, node: q.quiz_key_option) -> None:
    entry = node.parent
    oid = f"{_qid(node, entry['number'])}-o{node['index']}"
    correct = node["correct"]
    mark = ""
    if correct is not None:
        word = _("Right") if correct else _("Wrong")
        mark = f'<span class="quiz-mark" data-correct="{str(bool(correct)).lower()}">{self.encode(word)}</span> '
    self.body.append(f'<li class="quiz-key-option" id="{oid}-key" data-index="{node["index"]}">{mark}<em>')
    for child in node.children[0].children:
        child.walkabout(self)
    self.body.append("</em>")
    if entry["qtype"] == "matching":
        # course-quiz.js grades a pair against this category's index in the item's select.
        category = node["category"]
        self.body.append(f' {forward_arrow(self.config.language)} <span class="quiz-pair-answer" data-category="{category}">'
                         f'{self.encode(entry["categories"][category])}</span>')


def depart_key_option(self: HTML5Translator, node: q.quiz_key_option) -> None:
    # The tag is an authoring label ("output-as-fact"): it helps trainers read the key, but a
    # learner should read the author's feedback, not our category names.
    if node["misconception"] and course_config(self).course_edition == "trainer":
        text = q.misconception_text(node)
        slug = self.attval(node["misconception"])
        self.body.append(f'<p class="quiz-misconception" data-misconception="{slug}">{self.encode(text)}</p>')
    self.body.append("</li>\n")
    siblings = node.parent.children
    if node is [c for c in siblings if isinstance(c, q.quiz_key_option)][-1]:
        self.body.append("</ul>\n")


def visit_feedback(self, node):
    self.body.append('<div class="quiz-feedback">\n')


def depart_feedback(self, node):
    self.body.append("</div>\n")


def visit_explanation(self: HTML5Translator, node: q.quiz_explanation) -> None:
    self.body.append(f'<div class="quiz-explanation"><p class="quiz-explanation-title"><strong>{self.encode(_("Explanation"))}</strong></p>\n')


def depart_explanation(self, node):
    self.body.append("</div>\n")


HTML_VISITORS = {
    q.quiz: (visit_quiz, depart_quiz),
    q.quiz_question: (visit_question, depart_question),
    q.quiz_context: (visit_context, depart_context),
    q.quiz_prompt: (visit_prompt, depart_prompt),
    q.quiz_option: (skip_node, None),
    q.quiz_option_label: (skip_node, None),
    q.quiz_hint: (visit_hint, depart_hint),
    q.quiz_answer_key: (visit_answer_key, depart_answer_key),
    q.quiz_key_entry: (visit_key_entry, depart_key_entry),
    q.quiz_key_option: (visit_key_option, depart_key_option),
    q.quiz_feedback: (visit_feedback, depart_feedback),
    q.quiz_explanation: (visit_explanation, depart_explanation),
}
