"""robots.txt for each edition, no sitemap for the trainer edition, and each public page's own preview image.

The learner edition invites crawlers and points them at the sitemap; the
trainer edition, which must never be public, asks every crawler to stay out.

A link to a public page or an engagement-kit page shared on social media shows that page's own preview
(``og:image``): the campaign card drawing with the page's title, as a PNG in
``_static/previews/``. Other pages keep the site-wide preview. The preview is
named in a ``<meta>`` tag only, so browsers never download it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from ..config import course_config
from ..i18n import _
from .message_cards import write_card

PREVIEWS_FOLDER = "_static/previews"
PAGES_WITH_OWN_PREVIEW = ("docs/public/", "docs/engagement/")


def has_own_preview(docname: str) -> bool:
    return docname.startswith(PAGES_WITH_OWN_PREVIEW)


def preview_path(docname: str) -> str:
    """The preview's path from the site root: ``docs/public/faq`` -> ``_static/previews/docs-public-faq.png`` (pure)."""
    return f"{PREVIEWS_FOLDER}/{docname.replace('/', '-')}.png"


def preview_url(base_url: str, docname: str) -> str:
    """The preview's absolute address, as social platforms need (pure)."""
    return urljoin(base_url if base_url.endswith("/") else base_url + "/", preview_path(docname))


def preview_footer() -> str:
    return _("AI-POL · Responsible AI in law enforcement")


def set_page_preview(app, pagename, templatename, context, doctree) -> None:
    """Name the page's own preview before sphinxext-opengraph writes the tags (it reads ``og:image`` from the page's metadata)."""
    if doctree is None or not has_own_preview(pagename) or pagename not in app.env.titles:
        return
    meta = dict(context.get("meta") or {})  # a copy: the context's dict is the environment's own
    meta["og:image"] = preview_url(app.config.ogp_site_url or app.config.html_baseurl, pagename)
    meta["og:image:alt"] = app.env.titles[pagename].astext()
    context["meta"] = meta


def add_public_styles(app, pagename, templatename, context, doctree) -> None:
    """The public and kit pages' own small stylesheet (fact boxes, the rights summary, the question list, the "law as of" box), on those pages only."""
    if app.builder.format == "html" and has_own_preview(pagename):
        app.add_css_file("course-public.css")


def write_page_previews(app, exception) -> None:
    if exception or app.builder.format != "html":
        return
    for docname in sorted(app.env.found_docs):
        if has_own_preview(docname) and docname in app.env.titles:
            path = Path(app.outdir, preview_path(docname))
            write_card(path.parent, path.stem, app.env.titles[docname].astext(), preview_footer(), app.config.language)


def robots_txt(edition: str, base_url: str) -> str:
    """The robots.txt text for an edition (pure)."""
    if edition == "trainer":
        return "# Trainer edition: not for publication.\nUser-agent: *\nDisallow: /\n"
    base = base_url if base_url.endswith("/") else base_url + "/"
    return f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"


def write_robots(app, exception) -> None:
    if exception or app.builder.format != "html":
        return
    settings = course_config(app)
    edition = settings.course_edition
    if app.config.language != next(iter(settings.course_languages or {app.config.language: ""})):
        return  # a translated edition sits under the site's root, whose robots.txt covers it
    Path(app.outdir, "robots.txt").write_text(robots_txt(edition, app.config.html_baseurl), encoding="utf-8")
    if edition == "trainer":
        Path(app.outdir, "sitemap.xml").unlink(missing_ok=True)


def setup_discovery(app) -> None:
    # Before sphinxext-opengraph (default priority 500) turns the page's metadata into tags.
    app.connect("html-page-context", set_page_preview, priority=400)
    app.connect("html-page-context", add_public_styles)
    app.connect("build-finished", write_page_previews)
    # After sphinx-sitemap has written its file (it uses the default priority).
    app.connect("build-finished", write_robots, priority=900)
