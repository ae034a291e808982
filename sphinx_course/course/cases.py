"""The case library: one page per real case under ``docs/cases/``, cited from modules with a role.

``{case}`bridges``` links to ``docs/cases/bridges`` and shows the one-line ``summary`` from that
page's front matter, so a module can cite a case without retelling it. ``{case-uses}`` on a case
page lists every page that cites the case, gathered at build time.
"""

from __future__ import annotations

import posixpath

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from ..errors import AuthoringError
from ..i18n import _
from ..registry import GatheringDirective, add_placeholder, gathers

logger = logging.getLogger("sphinx_course")

CASES_FOLDER = "docs/cases"
SUMMARY_MAX = 200


class case_reference(nodes.Inline, nodes.Element):  # noqa: N801
    """A citation of a case, resolved to a link and its summary once every page is read."""


class case_uses(nodes.General, nodes.Element):  # noqa: N801
    """Where the list of pages citing this case goes."""


def case_docname(case_id: str) -> str:
    return f"{CASES_FOLDER}/{case_id}"


def is_case_page(docname: str) -> bool:
    return posixpath.dirname(docname) == CASES_FOLDER and posixpath.basename(docname) != "index"


def validate_summary(value) -> str:
    """A case's one-line summary, as the role shows it beside the link."""
    if not isinstance(value, str) or not value.strip():
        raise AuthoringError("a case page needs a one-line 'summary:' in its front matter")
    value = " ".join(value.split())
    if len(value) > SUMMARY_MAX:
        raise AuthoringError(f"the case summary has {len(value)} characters; keep it to one line of at most {SUMMARY_MAX}")
    return value


def case_uses_of(env) -> dict[str, list[tuple[str, int]]]:
    """Every citation, by citing page: ``{docname: [(case id, line), ...]}``."""
    if not hasattr(env, "course_case_uses"):
        env.course_case_uses = {}
    return env.course_case_uses


def pages_citing(env, case_id: str) -> list[str]:
    return sorted(d for d, uses in case_uses_of(env).items() if any(c == case_id for c, _line in uses))


class CaseRole(SphinxRole):
    def run(self):
        case_id = self.text.strip()
        line = self.lineno
        case_uses_of(self.env).setdefault(self.env.docname, []).append((case_id, line))
        node = case_reference(case_id=case_id)
        node["line_number"] = line
        self.set_source_info(node)
        return [node], []


class CaseUsesDirective(GatheringDirective):
    node_class, kind = case_uses, "case-uses"


def doc_link(target: str, text: str) -> addnodes.pending_xref:
    xref = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget="/" + target,
                                 refexplicit=True, refwarn=True)
    xref += nodes.inline(text, text)
    return xref


class ResolveCases(SphinxPostTransform):
    """Before Sphinx resolves references, so the links it makes work in every builder."""

    default_priority = 5

    def run(self, **kwargs) -> None:
        env = self.env
        for node in list(self.document.findall(case_reference)):
            case_id = node["case_id"]
            target = case_docname(case_id)
            if target not in env.found_docs:
                logger.error(f"unknown case {case_id!r}: there is no page {target}.md in the case library [course.case]",
                             location=(self.env.docname, node.get("line_number")))
                node.replace_self(nodes.Text(case_id))
                continue
            title = env.titles[target].astext() if target in env.titles else case_id
            summary = env.metadata.get(target, {}).get("summary", "")
            inline = nodes.inline(classes=["case-cite"])
            inline += doc_link(target, title)
            if summary:
                text = f" ({summary})"
                inline += nodes.inline(text, text, classes=["case-summary"])
            node.replace_self(inline)


def citing_pages(app, docname: str, node: case_uses) -> list[nodes.Node]:
    """The pages that cite this case, for the case page's ``{case-uses}``."""
    env = app.env
    citing = pages_citing(env, posixpath.basename(docname))
    if not citing:
        text = _("No module cites this case yet.")
        return [nodes.paragraph(text, text)]
    items = nodes.bullet_list(classes=["case-uses"])
    for page in citing:
        title = env.titles[page].astext() if page in env.titles else page
        items += nodes.list_item("", nodes.paragraph("", "", doc_link(page, title)))
    return [items]


def check_case_page(app, doctree) -> None:
    docname = app.env.docname
    if not is_case_page(docname):
        return
    try:
        validate_summary(app.env.metadata.get(docname, {}).get("summary"))
    except AuthoringError as error:
        logger.error(f"{error.message} [course.case]", location=(docname, 1))


def purge_doc(app, env, docname) -> None:
    case_uses_of(env).pop(docname, None)


def merge_info(app, env, docnames, other) -> None:
    mine, theirs = case_uses_of(env), case_uses_of(other)
    for docname in docnames:
        if docname in theirs:
            mine[docname] = theirs[docname]


def setup_cases(app) -> None:
    app.add_node(case_reference)
    add_placeholder(app, case_uses, citing_pages)
    app.add_role("case", CaseRole())
    app.add_directive("case-uses", CaseUsesDirective)
    app.add_post_transform(ResolveCases)
    app.connect("doctree-read", check_case_page)
    app.connect("env-purge-doc", purge_doc)
    app.connect("env-merge-info", merge_info)
    # A case page is written again when the pages citing it change; citing pages are re-read
    # anyway when their own text changes.
    gathers("case-uses", lambda app: sorted(case_uses_of(app.env).items()))
