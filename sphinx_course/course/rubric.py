"""Rubrics: ``{course-rubric} /path.yaml`` renders a rubric as a table of criteria and described levels;
``{rubric-self-review} /path.yaml`` offers the same rubric as a self-review in the browser.

The self-review is a web-only widget (course-rubric.js): the learner rates their own draft on
each criterion, the ratings are kept in this browser under the site's namespace, and a summary
names the criteria to strengthen first. On paper the rubric page itself is the self-review.
"""

from __future__ import annotations

import json
import re

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..errors import AuthoringError
from ..helpers import named_file
from ..i18n import _
from ..questionnaire.data_files import read_yaml_data
from ..web_only import add_web_only_node

logger = logging.getLogger("sphinx_course")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class rubric_self_review(nodes.General, nodes.Element):  # noqa: N801
    pass


def validate_rubric(data) -> dict:
    """A rubric: 5-7 criteria, each describing every level, in order from weakest to strongest."""
    if not isinstance(data, dict) or not _ID.match(str(data.get("id", ""))):
        raise AuthoringError("a rubric needs an 'id' of lowercase letters, digits and hyphens")
    levels = data.get("levels")
    if not isinstance(levels, list) or len(levels) < 2 or not all(isinstance(v, str) and v for v in levels):
        raise AuthoringError("'levels' must list at least two level names, weakest first")
    criteria = data.get("criteria")
    if not isinstance(criteria, list) or not 5 <= len(criteria) <= 7:
        raise AuthoringError(f"a rubric needs 5 to 7 criteria, not {len(criteria) if isinstance(criteria, list) else 0}")
    seen = set()
    for index, criterion in enumerate(criteria, 1):
        if not isinstance(criterion, dict) or not criterion.get("title") or not _ID.match(str(criterion.get("id", ""))):
            raise AuthoringError(f"criterion {index} needs an 'id' and a 'title'")
        if criterion["id"] in seen:
            raise AuthoringError(f"criterion id {criterion['id']!r} is used twice")
        seen.add(criterion["id"])
        described = criterion.get("levels")
        if not isinstance(described, list) or len(described) != len(levels) or not all(described):
            raise AuthoringError(f"criterion {criterion['id']!r} must describe each of the {len(levels)} levels")
    return data


def read_rubric(directive: SphinxDirective) -> dict | None:
    relative, path = named_file(directive)
    try:
        return validate_rubric(read_yaml_data(path))
    except FileNotFoundError:
        message = f"there is no rubric file {relative}"
    except AuthoringError as error:
        where = f" (line {error.line})" if error.line else ""
        message = f"{relative}{where}: {error.message}"
    logger.error(f"{message} [course.rubric]", location=(directive.env.docname, directive.lineno))
    return None


class RubricDirective(SphinxDirective):
    required_arguments = 1

    def run(self):
        data = read_rubric(self)
        if data is None:
            return []
        levels = data["levels"]
        table = nodes.table(classes=["rubric", "colwidths-auto"])  # no inline widths: strict CSP
        title = data.get("title") or _("Rubric")
        table += nodes.title(title, title)
        group = nodes.tgroup(cols=len(levels) + 1)
        table += group
        group += nodes.colspec(colwidth=2)
        for _level in levels:
            group += nodes.colspec(colwidth=3)
        head = nodes.thead()
        group += head
        head += nodes.row("", *[nodes.entry("", nodes.paragraph(text=t)) for t in [_("Criterion"), *levels]])
        body = nodes.tbody()
        group += body
        for criterion in data["criteria"]:
            first = nodes.entry("", nodes.paragraph("", "", nodes.strong(text=criterion["title"])))
            body += nodes.row("", first, *[nodes.entry("", nodes.paragraph(text=t)) for t in criterion["levels"]])
        return [table]


class RubricSelfReviewDirective(SphinxDirective):
    required_arguments = 1

    def run(self):
        data = read_rubric(self)
        if data is None:
            return []
        node = rubric_self_review(rubric=data)
        self.set_source_info(node)
        return [node]


def rubric_strings() -> dict[str, str]:
    return {
        "rated": _("You have rated {done} of {total} criteria."),
        "strengthen": _("Strengthen first: {list}."),
        "allStrong": _("You rated every criterion at the strongest level. Ask a colleague to check."),
        "notSaved": _("Your ratings could not be saved in this browser, so they last until you leave the page."),
        "cleared": _("Your ratings were removed from this browser."),
    }


def visit_self_review_html(self, node) -> None:
    data = node["rubric"]
    enc = self.encode
    levels = data["levels"]
    out = self.body
    out.append(
        f'<form class="rubric-review" data-rubric-id="{enc(data["id"])}" data-rubric-version="{enc(str(data.get("version", 1)))}" '
        f'data-rubric-strings="{enc(json.dumps(rubric_strings(), ensure_ascii=False, separators=(",", ":")))}">\n'
    )
    for criterion in data["criteria"]:
        out.append(f'<fieldset class="rubric-criterion" data-criterion="{enc(criterion["id"])}">'
                   f'<legend>{enc(criterion["title"])}</legend>\n')
        for index, (level, text) in enumerate(zip(levels, criterion["levels"], strict=False)):
            field = f'rubric-{enc(data["id"])}-{enc(criterion["id"])}-{index}'
            out.append(
                f'<div class="rubric-level"><input type="radio" id="{field}" name="{enc(criterion["id"])}" value="{index}">'
                f'<label for="{field}"><strong>{enc(level)}.</strong> {enc(text)}</label></div>\n'
            )
        out.append("</fieldset>\n")
    out.append(
        f'<p class="rubric-summary" role="status" data-rubric-summary></p>\n'
        f'<p><button type="button" class="quiz-button" data-action="clear-rubric">{enc(_("Clear my ratings"))}</button></p>\n'
        "</form>\n"
    )
    raise nodes.SkipNode


def page_has_self_review(doctree) -> bool:
    return doctree is not None and any(True for _n in doctree.findall(rubric_self_review))


def add_rubric_assets(app, pagename, templatename, context, doctree) -> None:
    if not page_has_self_review(doctree):
        return
    from ..extension import store_script_attributes

    app.add_js_file("course-store.js", loading_method="defer", **store_script_attributes(app))
    app.add_css_file("course-rubric.css")
    app.add_js_file("course-rubric.js", loading_method="defer")


def setup_rubric(app) -> None:
    add_web_only_node(app, rubric_self_review, visit_self_review_html)
    app.add_directive("course-rubric", RubricDirective)
    app.add_directive("rubric-self-review", RubricSelfReviewDirective)
    app.connect("html-page-context", add_rubric_assets, priority=600)
