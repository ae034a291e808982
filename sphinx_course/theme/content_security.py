"""Page sources carry no script: raw HTML and script URLs are authoring errors.

MyST passes HTML typed into Markdown through to the page as ``raw`` nodes, at
block level and inline, inside any directive (quiz text, options, feedback,
hints, explanations, ordering steps, admonitions, tabs). Docutils'
``raw_enabled`` does not stop that. Page sources will also come from
translators, so instead of sanitising we refuse it: the build reports each
piece with its file and line, and drops it from the page. HTML comments are
the one harmless kind; they are dropped silently. Pages that truly need raw
HTML are named in ``course_raw_html_allowlist``, each with the reason.

Links and images whose address runs script (``javascript:``, ``vbscript:``,
``data:`` pages) are refused the same way.

Every HTML page also gets a Content-Security-Policy ``<meta>`` tag, so that
the offline zip and servers that send no headers are protected as well.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.utils import get_source_line
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..config import course_config
from ..helpers import add_folders
from ..warnings_ import logger

_CLOSING_TAG = re.compile(r"\s*</[A-Za-z][^<>]*>\s*")
_COMMENTS_ONLY = re.compile(r"\s*(?:<!--.*?-->\s*)+", re.DOTALL)
#: Characters a browser ignores at the start of a URL when it reads the scheme.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
#: The only ``data:`` addresses allowed: images, which cannot run script in an ``<img>``.
SAFE_DATA_IMAGE = re.compile(r"^data:image/(png|gif|jpeg|webp);", re.IGNORECASE)


def is_html_comment(text: str) -> bool:
    """True when raw HTML is nothing but comments (pure)."""
    return bool(_COMMENTS_ONLY.fullmatch(text))


def is_raw_html(node: nodes.Node) -> bool:
    return isinstance(node, nodes.raw) and "html" in node.get("format", "").lower().split()


def script_url(url: str, image: bool = False) -> bool:
    """True when following or loading ``url`` could run script (pure)."""
    cleaned = _URL_NOISE.sub("", url).lower()
    if image and SAFE_DATA_IMAGE.match(cleaned):
        return False
    return cleaned.startswith(SCRIPT_SCHEMES)


def json_for_html(data: Any) -> str:
    """JSON that is safe inside an HTML element or attribute: ``<``, ``>`` and ``&`` are
    written as ``\\u003c``, ``\\u003e`` and ``\\u0026``, so nothing in the data can open or
    close an element or a comment (``</script>``, ``<!--``). JSON.parse reads them back (pure)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def _shown(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class RejectRawHtml(SphinxTransform):
    """Report and drop raw HTML and script URLs, unless the page is allowlisted.

    Runs before the quiz checks read visible text (priority 190 < 200), so a comment
    written as an option's only text leaves the option empty, and is reported as such.
    """

    default_priority = 190

    def apply(self, **kwargs) -> None:
        allowed = self.env.docname in course_config(self).course_raw_html_allowlist
        reported: set[tuple] = set()  # the quiz copies option text into its answer key
        for node in list(self.document.findall(nodes.raw)):
            if not is_raw_html(node):
                continue
            if is_html_comment(node.astext()):
                node.parent.remove(node)
                continue
            if allowed:
                continue
            if _CLOSING_TAG.fullmatch(node.astext()):
                node.parent.remove(node)  # its opening tag is reported; one message per element
                continue
            where = (*get_source_line(node), node.astext())
            if where in reported:
                node.parent.remove(node)
                continue
            reported.add(where)
            logger.error(
                f"Raw HTML is not allowed in page sources: {_shown(node.astext())!r}. "
                "Write it in Markdown or with a directive; if this page truly needs it, add the page "
                "to course_raw_html_allowlist with the reason. [course.raw_html]",
                location=node,
            )
            node.parent.remove(node)
        for node in list(self.document.findall(nodes.reference)):
            url = node.get("refuri", "")
            if url and script_url(url):
                logger.error(
                    f"Link to {_shown(url)!r} would run script. Link to a page or an https:// address. "
                    "[course.raw_html]",
                    location=node,
                )
                node.replace_self(nodes.inline("", "", *node.children))
        for node in list(self.document.findall(nodes.image)):
            if script_url(node.get("uri", ""), image=True):
                logger.error(
                    f"Image address {_shown(node['uri'])!r} would run script. Use an image file. "
                    "[course.raw_html]",
                    location=node,
                )
                node.parent.remove(node)


class NoInlineStyles(SphinxPostTransform):
    """Tables with ``:widths:`` would get ``<col style="width: …">``, which the policy's
    ``style-src 'self'`` refuses (and a browser then reports on every load). The browser sizes
    the columns instead, as it already did on any server sending the recommended header."""

    default_priority = 400
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for table in self.document.findall(nodes.table):
            if "colwidths-given" in table["classes"]:
                table["classes"].remove("colwidths-given")
                table["classes"].append("colwidths-auto")


def add_content_security_policy(app, pagename, templatename, context, doctree):
    """A CSP ``<meta>`` tag on every page, through the template context (not the templates)."""
    # reveal.js decks (trainer edition only) start their player with an inline script.
    if app.builder.format != "html" or app.builder.name.startswith("revealjs"):
        return None
    policy = course_config(app).course_content_security_policy
    if policy:
        tag = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        context["metatags"] = context.get("metatags", "") + "\n" + tag
    if templatename == "genindex.html":
        return "course-genindex.html"  # the same page without inline style attributes
    return None


_ADD_TRANSLATIONS = re.compile(r"^Documentation\.addTranslations\((.*)\);\s*$", re.DOTALL)


def translations_without_eval(script: str) -> str | None:
    """Sphinx's ``translations.js`` for a translated edition, rewritten so that it needs no eval
    (pure): Sphinx's ``addTranslations`` compiles the plural rule with ``new Function``, which the
    pages' Content-Security-Policy refuses, so the search page's messages stayed untranslated and
    every page logged an error. The rule, from the language's Babel data, is written out as code."""
    found = _ADD_TRANSLATIONS.match(script.strip())
    if not found:
        return None
    catalogue = json.loads(found.group(1))
    return (
        "/* Sphinx's translations, set without eval (sphinx_course.theme.content_security). */\n"
        f"Object.assign(Documentation.TRANSLATIONS, {json.dumps(catalogue['messages'], ensure_ascii=False)});\n"
        f"Documentation.PLURAL_EXPR = function (n) {{ return ({catalogue['plural_expr']}); }};\n"
        f"Documentation.LOCALE = {json.dumps(catalogue['locale'])};\n"
    )


def rewrite_translations_script(app, exception) -> None:
    path = Path(app.outdir, "_static", "translations.js")
    if exception or app.builder.format != "html" or not path.is_file():
        return
    rewritten = translations_without_eval(path.read_text(encoding="utf-8"))
    if rewritten is not None:
        path.write_text(rewritten, encoding="utf-8")


def add_templates(app, config) -> None:
    add_folders(config.templates_path, Path(__file__).parent / "templates")


def setup_content_safety(app) -> None:
    app.add_transform(RejectRawHtml)
    app.add_post_transform(NoInlineStyles)
    app.connect("config-inited", add_templates)
    app.connect("html-page-context", add_content_security_policy)
    app.connect("build-finished", rewrite_translations_script)
