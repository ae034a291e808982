"""Repairs to the stock theme that its templates cannot reach.

- The sidebar's collapsible sections are ``<details>`` whose ``<summary>`` holds
  only a decorative chevron, so screen readers announce an unnamed control
  (axe: summary-name). Each summary is named after the section it opens.
- sphinx-design's stylesheet and tab script load on every page, though only a
  few pages use its components; pages without them skip both.
- The theme adds two inline scripts to every page. Neither is needed here (one
  serves a version switcher, the other search-as-you-type, both off), and
  inline scripts would break a strict Content Security Policy, so they go.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from docutils import nodes

from .i18n import _


def name_sidebar_toggles(html: str) -> str:
    """Give every nameless ``<summary>`` in a toctree an accessible name (pure)."""
    if "<summary" not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    for summary in soup.find_all("summary"):
        if summary.get_text(strip=True) or summary.has_attr("aria-label"):
            continue
        item = summary.find_parent("li")
        link = item.find("a") if item else None
        label = link.get_text(" ", strip=True) if link else ""
        summary["aria-label"] = _("Show or hide the pages of %s") % label if label else _("Show or hide pages")
    return str(soup)


def wrap_toctree(app, pagename, templatename, context, doctree) -> None:
    generate = context.get("generate_toctree_html")
    if generate is None or getattr(generate, "_course_wrapped", False):
        return

    def generate_named(*args, **kwargs):
        return name_sidebar_toggles(str(generate(*args, **kwargs)))

    generate_named._course_wrapped = True
    context["generate_toctree_html"] = generate_named


def is_theme_inline_script(asset) -> bool:
    return not getattr(asset, "filename", "x") and str(
        getattr(asset, "attributes", {}).get("body", "")
    ).startswith("DOCUMENTATION_OPTIONS.")


def drop_inline_scripts(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if scripts is not None:
        scripts[:] = [asset for asset in scripts if not is_theme_inline_script(asset)]


DESIGN_ASSETS = ("sphinx-design.min.css", "design-tabs.js")


def uses_design_components(doctree) -> bool:
    return doctree is not None and any(
        any(c.startswith("sd-") for c in node.get("classes", ())) for node in doctree.findall(nodes.Element)
    )


def drop_unused_design_assets(app, pagename, templatename, context, doctree) -> None:
    if uses_design_components(doctree):
        return
    for key in ("css_files", "script_files"):
        assets = context.get(key)
        if assets is not None:
            assets[:] = [a for a in assets if not str(getattr(a, "filename", "")).endswith(DESIGN_ASSETS)]


def apply_theme_fixes(app, pagename, templatename, context, doctree) -> None:
    if app.config.course_theme_fixes:
        wrap_toctree(app, pagename, templatename, context, doctree)
        drop_inline_scripts(app, pagename, templatename, context, doctree)
        drop_unused_design_assets(app, pagename, templatename, context, doctree)


def setup_theme_fixes(app) -> None:
    # After the theme (priority 500) has filled the context.
    app.connect("html-page-context", apply_theme_fixes, priority=900)
