"""Search result snippets that come from the article only, and work from ``file://`` too.

Sphinx's search page fetches every result's page to cut a snippet from its
``[role=main]`` element. With this theme that element also holds the header
buttons and the page's contents list, so snippets read "System Settings Light
Dark … Contents"; and over ``file://`` the browser blocks the fetches (origin
``null``), so the offline zip showed no snippets and logged an error per result.

Instead, each page's sections are summarised when the page is read: the opening
words of each section's own text, without its title, the unit header or quizzes
(their answers are not for a results list). The build writes them all to
``_static/course-search-summaries.js``, which the search page loads as a script;
``course-search.js`` turns off Sphinx's fetching, writes each snippet from it, and
ranks a page whose title holds the query as typed first.
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes

from ..config import course_config
from ..quiz.directives import quiz

SUMMARY_CHARS = 320
SUMMARIES_FILE = "course-search-summaries.js"
SKIPPED_CLASSES = {"unit-header", "exercise-header"}


def shorten(text: str, limit: int = SUMMARY_CHARS) -> str:
    """Whitespace collapsed, cut at a word boundary within ``limit`` characters, "…" if cut (pure)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _skipped(node: nodes.Node) -> bool:
    if isinstance(node, (nodes.section, nodes.title, quiz, nodes.comment, nodes.raw)):
        return True
    return isinstance(node, nodes.Element) and bool(SKIPPED_CLASSES & set(node.get("classes", ())))


def _inside_skipped(node: nodes.Node, section: nodes.section) -> bool:
    parent = node.parent
    while parent is not None and parent is not section:
        if _skipped(parent):
            return True
        parent = parent.parent
    return False


def _own_text(section: nodes.section) -> str:
    """The text of a section's paragraphs, outside its subsections, quizzes and unit header."""
    return " ".join(
        paragraph.astext()
        for child in section.children if not _skipped(child)
        for paragraph in child.findall(nodes.paragraph, include_self=True) if not _inside_skipped(paragraph, section)
    )


def section_summaries(doctree: nodes.document) -> list[list[str]]:
    """[[anchor, summary], …] in page order; the page's own section has the anchor "" (pure)."""
    summaries = []
    for index, section in enumerate(doctree.findall(nodes.section)):
        text = shorten(_own_text(section))
        if not text:
            continue
        anchor = "" if index == 0 or not section["ids"] else section["ids"][0]
        summaries.append([anchor, text])
    return summaries


def summaries_script(summaries: dict[str, list[list[str]]]) -> str:
    """The script that hands the summaries to course-search.js, in a stable order (pure)."""
    data = json.dumps(dict(sorted(summaries.items())), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return "/* Search snippets per page and section, written by the build (sphinx_course/search.py). */\n" \
        f"window.courseSearchSummaries={data};\n"


def _store(env) -> dict:
    if not hasattr(env, "course_search_summaries"):
        env.course_search_summaries = {}
    return env.course_search_summaries


def record_summaries(app, doctree) -> None:
    _store(app.env)[app.env.docname] = section_summaries(doctree)


def purge_summaries(app, env, docname) -> None:
    _store(env).pop(docname, None)


def merge_summaries(app, env, docnames, other) -> None:
    theirs = _store(other)
    _store(env).update({d: theirs[d] for d in docnames if d in theirs})


def add_search_page_scripts(app, pagename, templatename, context, doctree) -> None:
    if pagename == "search" and app.builder.name == "html" and course_config(app).course_theme_fixes:
        app.add_js_file(SUMMARIES_FILE, loading_method="defer")
        app.add_js_file("course-search.js", loading_method="defer")


def write_summaries(app, exception) -> None:
    if exception or app.builder.name != "html" or not course_config(app).course_theme_fixes:
        return
    env = app.env
    summaries = {d: s for d, s in _store(env).items() if d in env.all_docs}
    Path(app.outdir, "_static", SUMMARIES_FILE).write_text(summaries_script(summaries), encoding="utf-8")


def setup_search(app) -> None:
    app.connect("doctree-read", record_summaries)
    app.connect("env-purge-doc", purge_summaries)
    app.connect("env-merge-info", merge_summaries)
    app.connect("html-page-context", add_search_page_scripts)
    app.connect("build-finished", write_summaries)
