"""The 404 page's words, in the edition's language, linking to that edition's home page.

sphinx-notfound-page writes the page from ``notfound_context``; it is set here rather than in
``conf.py`` so that its strings are extracted into the interface catalogue and translated.
"""

from __future__ import annotations

from html import escape

from ..i18n import _


def not_found_context(prefix: str) -> dict[str, str]:
    """The 404 page's title and body; ``prefix`` is the edition's address path, such as ``/fr/`` (pure)."""
    title = escape(_("Page not found"))
    home = escape(prefix if prefix.endswith("/") else prefix + "/") + "index.html"
    return {
        "title": title,
        "body": (
            f"<h1>{title}</h1>"
            f"<p>{escape(_('There is no page at this address. It may have moved when the course was updated.'))}</p>"
            f'<p>{escape(_("Go to the home page, or use the search."))} '
            f'<a href="{home}">{escape(_("Home page"))}</a></p>'
        ),
    }


def set_not_found_page(app, config) -> None:
    if hasattr(config, "notfound_context"):
        config.notfound_context = not_found_context(getattr(config, "notfound_urls_prefix", "/") or "/")


def setup_not_found(app) -> None:
    # After the edition's address and catalogue are set (languages.build.load_editions, priority 150).
    app.connect("config-inited", set_not_found_page, priority=200)
