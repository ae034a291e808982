"""``{questionnaire}``: an in-browser tool rendered from a checked YAML data file.

::

    ```{questionnaire} /exercises/tools/readiness.yaml
    ```

The page gets an accessible form (fieldsets, legends, native inputs), a
privacy panel and empty result areas; ``course-tool-core.js`` and its kind's
script (``course-tool-readiness.js``, ``-screening.js``, ``-strategy.js``, see
``extension.TOOL_SCRIPTS``) score answers with the same data, embedded in the
page as a JSON data block (not executable, so allowed under a strict Content
Security Policy). Answers never leave the
browser unless the reader exports them.
"""

from __future__ import annotations

import copy
import json
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..config import course_config
from ..errors import AuthoringError
from ..helpers import named_file
from ..i18n import _
from ..languages.data_strings import translatable_data
from ..registry import course_registry, gathers
from ..theme.content_security import json_for_html
from ..warnings_ import CourseWarning, logger, warn
from ..web_only import add_web_only_node
from .data_files import as_of_mismatch, key_line, read_questionnaire


class questionnaire(nodes.General, nodes.Element, translatable_data):  # noqa: N801
    """``data`` (the checked questionnaire, whose text a translated edition translates) and
    ``source`` (its path in the project)."""


class QuestionnaireDirective(SphinxDirective):
    required_arguments = 1

    def run(self):
        relative, path = named_file(self)
        if not path.is_file():
            logger.error(f"No questionnaire file at {relative}. [course.tool]", location=self.get_location())
            return []
        try:
            data, links = read_questionnaire(path)
        except AuthoringError as error:
            logger.error(f"{relative}: {error.message} [course.tool]", location=f"{path}:{error.line or 1}")
            return []
        mismatch = as_of_mismatch(data, course_config(self).course_law_as_of)
        if mismatch:
            warn(CourseWarning.TOOL_AS_OF, f"{relative}: {mismatch}", location=f"{path}:{key_line(path, 'as_of')}")
        registry = course_registry(self.env)
        registry.tools.setdefault(self.env.docname, []).append(
            {"source": relative, "links": [list(link) for link in links], "id": data["id"], "kind": data["kind"]}
        )
        if data["kind"] == "builder":
            # It reads another tool's saved results, so it is written again when the tools change.
            registry.record_gathering(self.env.docname, "tool-results", self.lineno)
        # A copy: a translated edition translates the node's data in place.
        node = questionnaire(data=copy.deepcopy(data), source=relative)
        self.set_source_info(node)
        return [node]


def check_tool_links(app, env) -> None:
    """Every page a tool recommends must exist; checked once all pages are known."""
    for tools in course_registry(env).tools.values():
        for tool in tools:
            path = Path(env.srcdir, tool["source"])
            # Each link carries the line of its own YAML node, so /docs/gloss is never
            # reported on the line of /docs/glossary.
            for link, line in tool["links"]:
                if link.strip("/").split("#")[0] not in env.all_docs:
                    logger.error(
                        f"{tool['source']}: links to {link}, which is not a page of this site. [course.tool]",
                        location=f"{path}:{line}",
                    )


def storage_key(app, data: dict) -> str:
    return f"{course_config(app).course_storage_namespace}:tool:{data['id']}:v{data['version']}"


def resolve_links(data: dict, relative_uri, title_of) -> dict:
    """The data with every page link turned into a URL relative to this page, with its title (pure)."""
    resolved = json.loads(json.dumps(data))

    def link(target: str) -> dict:
        docname = target.strip("/")
        return {"href": relative_uri(docname), "page": target, "title": title_of(docname)}

    for dimension in resolved.get("dimensions", []):
        for rec in dimension.get("recommendations", []):
            rec["links"] = [link(target) for target in rec.get("links", [])]
    for section in resolved.get("sections", []):
        section["links"] = [link(target) for target in section.get("links", [])]
    return resolved


def data_block(data: dict) -> str:
    text = json_for_html(data)
    return f'<script type="application/json" class="tool-data">{text}</script>\n'


def choice_group(item: str, legend: str, choices: list[tuple[str, str]], multiple: bool = False) -> str:
    """One question as a fieldset of radio buttons, or of checkboxes for "choose all that apply"
    (marked data-multiple for the script): (value, label HTML) per choice."""
    kind = "checkbox" if multiple else "radio"
    inputs = "".join(
        f'<li><input type="{kind}" name="{item}" id="tool-{item}-{value}" value="{escape(value)}">'
        f'<label for="tool-{item}-{value}">{label}</label></li>\n'
        for value, label in choices
    )
    return (
        f'<fieldset class="tool-item" data-item="{item}"{" data-multiple" if multiple else ""}>'
        f'<legend>{escape(legend)}</legend>\n'
        f'<ul class="tool-choices">\n{inputs}</ul></fieldset>\n'
    )


def maturity_form(data: dict) -> str:
    out = []
    for dimension in data["dimensions"]:
        out.append(f'<fieldset class="tool-dimension" data-dimension="{dimension["id"]}">'
                   f'<legend>{escape(dimension["label"])}</legend>\n')
        for statement in dimension["statements"]:
            # The data has been through JSON on its way here, so level keys are strings.
            described = {str(k): v for k, v in statement["levels"].items()}
            choices = [
                (str(level["level"]), f'<strong>{escape(level["label"])}.</strong> {escape(described[str(level["level"])])}')
                for level in data["scale"]
            ]
            choices.append(("na", escape(_("Not sure, or not applicable"))))
            out.append(choice_group(statement["id"], statement["text"], choices))
        out.append("</fieldset>\n")
    return "".join(out)


def screening_form(data: dict) -> str:
    return "".join(
        choice_group(q["id"], q["label"], [(o["id"], escape(o["label"])) for o in q["options"]], bool(q.get("multiple")))
        for q in data["questions"]
    )


def builder_form(data: dict) -> str:
    out = []
    for section in data["sections"]:
        sid = section["id"]
        out.append(
            f'<div class="tool-section" data-item="{sid}"><label for="tool-{sid}" class="tool-section-title">'
            f'{escape(section["title"])}</label>\n<p id="tool-{sid}-prompt">{escape(section["prompt"])} '
            f'<span class="tool-guidance">{escape(section["guidance"])}</span></p>\n'
            f'<details class="tool-example"><summary>{escape(_("Example"))}</summary><p>{escape(section["example"])}</p></details>\n'
            f'<textarea id="tool-{sid}" name="{sid}" rows="5" aria-describedby="tool-{sid}-prompt"></textarea></div>\n'
        )
    return "".join(out)


FORMS = {"maturity": maturity_form, "screening": screening_form, "builder": builder_form}
RESULT_BUTTONS = {
    # The readiness tool's "Show my results" sits in its sticky progress bar instead (see below).
    "maturity": [("export-json", _("Export results (JSON)")),
                 ("export-csv", _("Export results (CSV)")), ("print", _("Print or save as PDF"))],
    "screening": [("results", _("Screen this use")), ("export-json", _("Export (JSON)")),
                  ("export-csv", _("Export (CSV)")), ("print", _("Print or save as PDF"))],
    "builder": [("prefill", _("Add priorities from my readiness results")), ("export-md", _("Export as Markdown")),
                ("print", _("Print or save as PDF"))],
}


def progress_bar() -> str:
    """A bar that stays at the foot of the screen through a long questionnaire: how many
    statements are answered, and the button that shows the results."""
    return (
        '<div class="tool-bar" data-tool-bar hidden>'
        '<p class="tool-progress" aria-live="polite" data-progress></p>'
        f'<button type="button" class="quiz-button" data-action="results">{escape(_("Show my results"))}</button>'
        "</div>\n"
    )


def print_option(kind: str) -> str:
    """The printed report is the results; the filled-in questionnaire (many pages) only on request."""
    if kind != "maturity":
        return ""
    return (
        '<label class="tool-print-option"><input type="checkbox" data-action="print-answers"> '
        f'{escape(_("Also print the questionnaire with my answers"))}</label>'
    )


def results_prefix(app) -> str:
    """The storage-key prefix of the site's readiness (maturity) tool, whose saved results the
    strategy builder reads, any version; empty when the site has none."""
    tools = course_registry(app.env).tools
    ids = [tool["id"] for docname in sorted(tools) for tool in tools[docname] if tool.get("kind") == "maturity"]
    return f"{course_config(app).course_storage_namespace}:tool:{ids[0]}:" if ids else ""


def visit_questionnaire_html(self, node: questionnaire) -> None:
    builder = self.builder
    here = builder.current_docname
    titles = builder.env.titles
    data = resolve_links(
        node["data"],
        lambda target: builder.get_relative_uri(here, target),
        lambda target: titles[target].astext() if target in titles else target,
    )
    kind = data["kind"]
    key = storage_key(builder.app, data)
    privacy = builder.get_relative_uri(here, course_config(builder).course_privacy_page)
    buttons = "".join(
        f'<button type="button" class="quiz-button" data-action="{action}">{escape(label)}</button> '
        for action, label in RESULT_BUTTONS[kind]
    )
    importer = ""
    if kind != "builder":
        importer = (
            f'<label class="quiz-button tool-import">{escape(_("Import a saved file"))}'
            '<input type="file" accept="application/json,.json" data-action="import"></label> '
        )
        if kind == "maturity":
            importer += (
                f'<label class="quiz-button tool-import">{escape(_("Compare with a saved file"))}'
                '<input type="file" accept="application/json,.json" data-action="compare"></label> '
            )
    reads = f' data-results-from="{escape(results_prefix(builder.app))}"' if kind == "builder" else ""
    self.body.append(
        f'<div class="tool" data-tool-id="{data["id"]}" data-tool-kind="{kind}" data-storage-key="{key}"{reads}>\n'
        + data_block(data)
        + '<details class="tool-privacy"><summary>' + escape(_("What this tool stores on this device")) + "</summary>\n"
        f'<p>{escape(_("Your answers are saved only in this browser, under the key"))} <code>{escape(key)}</code>, '
        f'{escape(_("so that you can come back to them. Nothing is sent anywhere. Results leave this device only if you export, print or share them."))} '
        f'<a href="{privacy}">{escape(_("More about privacy on this site"))}</a>.</p>\n'
        f'<p><button type="button" class="quiz-button" data-action="clear">{escape(_("Clear my answers"))}</button></p></details>\n'
        + ("" if kind == "maturity" else '<p class="tool-progress" aria-live="polite" data-progress></p>\n')
        + f'<form class="tool-form" novalidate>\n{FORMS[kind](data)}</form>\n'
        # After the form, so that "sticky at the bottom" holds it on screen while the form scrolls by.
        + (progress_bar() if kind == "maturity" else "")
        + f'<div class="tool-actions" hidden>{buttons}{importer}{print_option(kind)}</div>\n'
        '<p class="tool-message" role="status" data-message></p>\n'
        '<div class="tool-results" data-results hidden tabindex="-1"></div>\n'
        "</div>\n"
    )
    raise nodes.SkipNode


def setup_tools(app) -> None:
    add_web_only_node(app, questionnaire, visit_questionnaire_html)
    app.add_directive("questionnaire", QuestionnaireDirective)
    app.connect("env-check-consistency", check_tool_links)
    gathers("tool-results", lambda app: results_prefix(app))
