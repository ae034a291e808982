"""External links: checked as they are read, and reported in one file.

Every ``https://`` link a page cites is recorded with the page and its link
text; ``external-links.json`` in the HTML output lists them all, for
``make linkcheck-external`` and for maintainers.
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes

from ..config import course_config
from ..registry import LinkRecord, course_registry
from ..warnings_ import CourseWarning, warn

VAGUE_LINK_TEXT = frozenset({
    "click here", "here", "link", "this link", "read more", "more", "click", "this", "this page", "website",
})
REPORT_NAME = "external-links.json"


def link_text_problem(url: str, text: str) -> str | None:
    """Why ``text`` does not describe ``url``, or ``None`` when it does (pure)."""
    words = " ".join(text.split()).strip(" .:")
    if not words:
        return "has no link text"
    if words.lower() in VAGUE_LINK_TEXT:
        return f'uses the vague link text "{words}"'
    bare = url.rstrip("/").lower()
    if words.lower().rstrip("/") in (bare, bare.split("://", 1)[-1]):
        return "shows a bare URL as its text"
    return None


def insecure(url: str, allowlist: dict) -> bool:
    return url.startswith("http://") and url not in allowlist


def collect_links(app, doctree) -> None:
    env = app.env
    records = []
    for ref in doctree.findall(nodes.reference):
        url = ref.get("refuri", "")
        if not url.startswith(("http://", "https://")):
            continue
        location = ref
        text = ref.astext()
        if insecure(url, course_config(app).course_http_allowlist):
            warn(
                CourseWarning.LINK_INSECURE,
                f"Link to {url} uses http://. Use https://, or add it to course_http_allowlist with a reason.",
                location=location,
            )
        problem = link_text_problem(url, text)
        if problem:
            warn(
                CourseWarning.LINK_TEXT,
                f"Link to {url} {problem}. Write text that says where the link goes.",
                location=location,
            )
        records.append(LinkRecord(url=url, docname=env.docname, line=ref.line, text=text))
    course_registry(env).links[env.docname] = records


def external_link_report(registry, page_url) -> list[dict]:
    """One entry per URL: where it is cited and with what text, sorted for stable output."""
    by_url: dict[str, list[dict]] = {}
    for docname in sorted(registry.links):
        for record in registry.links[docname]:
            by_url.setdefault(record.url, []).append(
                {"page": page_url(docname), "source": docname, "line": record.line, "text": record.text}
            )
    return [{"url": url, "citations": by_url[url]} for url in sorted(by_url)]


def write_report(app, exception) -> None:
    if exception or app.builder.format != "html":
        return
    registry = course_registry(app.env)
    report = external_link_report(registry, lambda docname: app.builder.get_target_uri(docname))
    path = Path(app.outdir, REPORT_NAME)
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def setup_links(app) -> None:
    app.connect("doctree-read", collect_links)
    app.connect("build-finished", write_report)
