"""Repairs to the stock theme that its templates cannot reach.

- The sidebar's collapsible sections are ``<details>`` whose ``<summary>`` holds
  only a decorative chevron, so screen readers announce an unnamed control
  (axe: summary-name). Each summary is named after the section it opens.
- sphinx-design's stylesheet and tab script load on every page, though only a
  few pages use its components; pages without them skip both.
- The theme adds two inline scripts to every page. Neither is needed here (one
  serves a version switcher, the other search-as-you-type, both off), and
  inline scripts would break a strict Content Security Policy, so they go.
- No PyData header strip. sphinx-book-theme leaves ``navbar_persistent`` empty
  in its theme.conf, but pydata-sphinx-theme 0.20.0's ``update_config`` fills it
  with the search field whenever the *user's* options lack the key, so a second
  header renders above the book theme's own: two more search boxes, and its own
  menu and contents buttons, hidden by the book theme's CSS. Both themes' scripts
  wire ``document.querySelector(".primary-toggle")`` (and ".secondary-toggle"),
  the first in the page, which is that hidden pair, so the visible buttons did
  nothing. Setting the option empty, as the book theme intends, removes the strip.
- sphinx-book-theme blurs a sidebar toggle as it is clicked (to dismiss its
  tooltip), before pydata-sphinx-theme notes the focused element to return to,
  so closing a sidebar dropped focus on the page body; course-nav.js returns it.
- Course units show where they sit ("The leadership course › Module 3 of 9"),
  linked to their overview: the parent and the position come from the toctree,
  the kind of unit from the course registry.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from docutils import nodes

from ..config import course_config
from ..course.outline import course_outline
from ..helpers import add_folders
from ..i18n import _
from ..registry import course_registry
from .search_snippets import setup_search


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

    setattr(generate_named, "_course_wrapped", True)  # noqa: B010 (marks the wrapper, so it is applied once)
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


def unit_position(docname: str, siblings: list[str], units: dict[str, dict]) -> tuple[int, int] | None:
    """Where a unit stands among the units of its kind in its parent's toctree (pure).

    ``siblings`` are the parent's toctree entries in order; pages that are not
    units of the same kind (a tool beside the exercises, a workshop format beside
    the sessions) are not counted.
    """
    kind = units.get(docname, {}).get("kind")
    if kind is None:
        return None
    same = [d for d in dict.fromkeys(siblings) if units.get(d, {}).get("kind") == kind]
    if docname not in same:
        return None
    return same.index(docname) + 1, len(same)


def unit_word(app, kind: str, parent: str) -> str:
    """"Exercise", or the column name the overview's {course-outline} gives its units ("Session")."""
    if kind == "exercise":
        return _("Exercise")
    cache = app.builder.__dict__.setdefault("_course_unit_words", {})  # per build, never pickled
    if parent not in cache:
        outline = next(iter(app.env.get_doctree(parent).findall(course_outline)), None)
        cache[parent] = (outline.get("unit_label") if outline is not None else "") or _("Module")
    return cache[parent]


def unit_trail(app, pagename: str) -> dict | None:
    env = app.env
    units = course_registry(env).units
    if pagename not in units:
        return None
    parent = next((p for p, children in env.toctree_includes.items() if pagename in children), None)
    if parent is None:
        return None
    position = unit_position(pagename, env.toctree_includes[parent], units)
    if position is None:
        return None
    word = unit_word(app, units[pagename]["kind"], parent)
    return {
        "overview": parent,
        "title": env.titles[parent].astext(),
        "position": _("%(unit)s %(n)d of %(total)d") % {"unit": word, "n": position[0], "total": position[1]},
        "label": _("Where this page sits in the course"),
    }


def apply_theme_fixes(app, pagename, templatename, context, doctree) -> None:
    if course_config(app).course_theme_fixes:
        context["course_trail"] = unit_trail(app, pagename)
        wrap_toctree(app, pagename, templatename, context, doctree)
        drop_inline_scripts(app, pagename, templatename, context, doctree)
        drop_unused_design_assets(app, pagename, templatename, context, doctree)


def user_set(config, name: str) -> bool:
    return name in config._raw_config or name in config.overrides


def settle_theme_config(app, config) -> None:
    """Make at config-inited the changes the themes make to the config later, at builder-inited or
    as the theme loads (each only where conf.py leaves the value unset, as the themes do).

    Sphinx compares the config, as it stands after config-inited, with the one the environment
    pickled after the last read; with the themes' changes made only later, every incremental build
    reported "The configuration has changed (5 options ...)" though nothing had.
    """
    # Other themes reject the options with a warning (fixture sites use Sphinx's default theme).
    if config.html_theme != "sphinx_book_theme":
        return
    options = config.html_theme_options
    if course_config(config).course_theme_fixes:
        options.setdefault("navbar_persistent", [])  # no PyData header strip (module docstring)
    # pydata-sphinx-theme's update_config, for the options this site leaves unset.
    options.setdefault("navbar_persistent", [] if options.get("disable_search") else ["search-button-field"])
    options.setdefault("icon_links", [])
    if not options.get("logo"):
        options["logo"] = {}
    if not user_set(config, "html_permalinks_icon"):
        config.html_permalinks_icon = "#"
    # sphinx-book-theme's header buttons.
    if not user_set(config, "html_sourcelink_suffix"):
        config.html_sourcelink_suffix = ""
    # Both themes' component templates, which they add as they load.
    import pydata_sphinx_theme
    import sphinx_book_theme

    add_folders(config.templates_path, Path(sphinx_book_theme.get_html_theme_path()) / "components",
                Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "components")


def drop_repeated_paths(app) -> None:
    """The themes and sphinx-design add their folders again as they load (unconditionally): keep the
    first of each, so that the lists stay as config-inited left them (see settle_theme_config)."""
    for name in ("templates_path", "html_static_path"):
        app.config[name][:] = list(dict.fromkeys(app.config[name]))


def add_nav_script(app) -> None:
    if app.builder.name == "html" and course_config(app).course_theme_fixes:  # not the slide decks
        app.add_js_file("course-nav.js", loading_method="defer")


def setup_theme_fixes(app) -> None:
    # Before the theme's builder-inited update_config reads the options.
    app.connect("config-inited", settle_theme_config, priority=900)
    app.connect("builder-inited", drop_repeated_paths, priority=999)
    app.connect("builder-inited", add_nav_script)
    # The stock search page's snippets are a theme fault too (see search.py).
    setup_search(app)
    # After the theme (priority 500) has filled the context.
    app.connect("html-page-context", apply_theme_fixes, priority=900)
