"""Sphinx's side of the translated editions: which pages a build writes, where links go,
the switcher's and ``hreflang`` data for the templates, and the interface catalogue.

See ``editions.py`` for the publication rule and ``docs/authoring/translating.md``
for the workflow a translator follows.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.transforms.i18n import Locale
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.i18n import CatalogInfo

from ..config import course_config
from ..i18n import CATALOG, N_, _, in_language
from ..theme.rtl import mirrored_css_files
from .catalogues import INTERFACE_DOMAINS
from .editions import RIGHT_TO_LEFT, alternates, editions_of, read_editions, remember, switcher_entries
from .extraction import write_interface_template
from .sitemap import sitemap_locations, sitemap_xml
from .status_page import setup_status_page
from .terms import check_published_terms, setup_terms

logger = logging.getLogger(__name__)

#: What the switcher says, in the language of the edition it leads to, when it leads to
#: that edition's home page because this page is not published there.
FALLBACK_NOTE = N_("home page: this page is not yet translated")
#: The site's name as conf.py gives it (html_title, ogp_site_name), for translation in each edition.
SITE_NAMES = (N_("AI-POL · Responsible AI in Law Enforcement"), N_("AI-POL: responsible AI in law enforcement"))
TRANSLATED_SETTINGS = ("html_title", "ogp_site_name", "ogp_image_alt")


def locale_dir(app) -> Path:
    return Path(app.srcdir, app.config.locale_dirs[0]) if app.config.locale_dirs else Path(app.srcdir, "locales")


class EditionHTMLBuilder(StandaloneHTMLBuilder):
    """Sphinx's html builder, which in a translated edition writes only the pages that edition
    publishes; every link to another page leads to it in the English edition, one folder up."""

    def unpublished(self, docname: str) -> bool:
        editions = editions_of(self.config)
        return (editions is not None and editions.translated and docname in self.env.all_docs
                and not editions.publishes(editions.current, docname))

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        uri = super().get_target_uri(docname, typ)
        return "../" + uri if self.unpublished(docname) else uri

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        if not self.unpublished(docname):
            super().write_doc(docname, doctree)

    def write_doc_serialized(self, docname: str, doctree: nodes.document) -> None:
        if not self.unpublished(docname):
            super().write_doc_serialized(docname, doctree)


def _published_only_locale(editions):
    class PublishedPagesLocale(Locale):
        """Sphinx's translation of a page, applied only to pages this edition publishes: the others
        stay wholly English (their titles in the navigation included), never half translated."""

        def apply(self, **kwargs) -> None:
            if editions.publishes(editions.current, self.env.current_document.docname):
                super().apply(**kwargs)

    return PublishedPagesLocale


def load_editions(app, config) -> None:
    settings = course_config(config)
    names = settings.course_languages
    if not names:
        return
    source = next(iter(names))
    current = config.language or source
    if current not in names:
        app._course_config_problems.append(("course_languages", (
            f"language = {current!r} is not one of course_languages ({', '.join(names)}); "
            "add it there, with its name, to build an edition in it.")))
        return
    gettext_dir = Path(app.confdir, settings.course_gettext_dir)
    if current != source and not gettext_dir.is_dir():
        app._course_config_problems.append(("course_gettext_dir", (
            f"the {names[current]} edition needs the message templates in {settings.course_gettext_dir}, "
            "made from the current source: run `make gettext` first (make html does).")))
        return
    if gettext_dir.is_dir():
        editions = read_editions(names, current, gettext_dir, locale_dir(app), config.root_doc)
    else:
        editions = read_editions({source: names[source]}, current, gettext_dir, locale_dir(app), config.root_doc)
    if settings.course_preview_all_pages:
        editions.published[current] = None
    editions.site_url = config.html_baseurl
    remember(config, editions)
    if editions.translated:
        # Canonical links, OpenGraph addresses and the 404 page's links are this edition's own.
        if config.html_baseurl:
            config.html_baseurl = config.html_baseurl.rstrip("/") + f"/{current}/"
            if getattr(config, "ogp_site_url", None):
                config.ogp_site_url = config.html_baseurl
        if getattr(config, "notfound_urls_prefix", None):
            config.notfound_urls_prefix = config.notfound_urls_prefix.rstrip("/") + f"/{current}/"
        app.registry.transforms[:] = [_published_only_locale(editions) if t is Locale else t
                                      for t in app.registry.transforms]
        load_interface_catalogue(app, current)
        for name in TRANSLATED_SETTINGS:
            if isinstance(getattr(config, name, None), str):
                setattr(config, name, str(_(getattr(config, name))))


def load_interface_catalogue(app, language: str) -> None:
    """Compile ``locales/<lang>/LC_MESSAGES/sphinx_course.po`` (if changed) and load it, so that the
    extensions' strings, the browser scripts' among them, come out in the edition's language."""
    folder = locale_dir(app)
    info = CatalogInfo(str(folder / language / "LC_MESSAGES"), CATALOG, app.config.source_encoding)
    if Path(info.po_path).is_file() and info.is_outdated():
        info.write_mo(language)
    app.add_message_catalog(CATALOG, str(folder))


def check_terms(app) -> None:
    editions = editions_of(app)
    if editions is not None and editions.translated and isinstance(app.builder, StandaloneHTMLBuilder):
        check_published_terms(app, editions, locale_dir(app))


def mark_links_leaving_edition(html: str, page_uri: str, language: str) -> str:
    """``lang`` and ``hreflang`` on each link of ``html`` that leads out of this edition, into the
    source language's pages one folder up (pure)."""

    def mark(match: re.Match) -> str:
        tag, href = match.group(0), match.group(1)
        if " lang=" in tag or not leaves_edition(href, page_uri):
            return tag
        return tag.replace("<a ", f'<a lang="{language}" hreflang="{language}" ', 1)

    return re.sub(r'<a\s[^>]*href="([^"]*)"[^>]*>', mark, html)


def leaves_edition(href: str, page_uri: str) -> bool:
    """True when a relative link from this page leads one folder up, out of the edition (pure).
    On the 404 page, sphinx-notfound-page has made every link absolute under the edition's
    prefix, so one that leaves it reads ``/fr/../modules/…``."""
    if not href or "://" in href or href.startswith(("#", "mailto:")):
        return False
    if href.startswith("/"):
        return "/../" in href
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), href.split("#")[0])).startswith("../")


def mark_prev_next_links(context, page_uri: str, language: str) -> None:
    """The previous and next links say their language when they lead to the source edition
    (components/prev-next.html writes it)."""
    for key in ("prev", "next"):
        link = context.get(key)
        if link and leaves_edition(link.get("link", ""), page_uri):
            context[key] = {**link, "lang": language}


def mark_sidebar_links(context, page_uri: str, language: str) -> None:
    generate = context.get("generate_toctree_html")
    if generate is None:
        return

    def generate_marked(*args, **kwargs):
        return mark_links_leaving_edition(str(generate(*args, **kwargs)), page_uri, language)

    context["generate_toctree_html"] = generate_marked


def page_languages(app, pagename, templatename, context, doctree) -> None:
    editions = editions_of(app)
    context["course_dir"] = "rtl" if (app.config.language or "") in RIGHT_TO_LEFT else ""
    if context["course_dir"] and "css_files" in context:
        context["css_files"] = mirrored_css_files(context["css_files"])
    if editions is None or len(editions.shipped()) < 2:
        return
    builder = app.builder
    is_page = pagename in app.env.all_docs
    page_uri = StandaloneHTMLBuilder.get_target_uri(builder, pagename)
    if editions.translated:
        mark_sidebar_links(context, page_uri, editions.source)
        mark_prev_next_links(context, page_uri, editions.source)
    home_uri = StandaloneHTMLBuilder.get_target_uri(builder, app.config.root_doc)
    # Pages such as the search page and the index exist in every edition.
    probe = pagename if is_page else app.config.root_doc
    entries = switcher_entries(editions, probe, page_uri, home_uri)
    if pagename == getattr(app.config, "notfound_pagename", "404"):
        # The 404 page is served at any depth, so its links are absolute: each edition's home.
        root = (urlsplit(editions.site_url).path or "/").rstrip("/") + "/"
        for entry in entries:
            entry.update(href=root + editions.prefix(entry["code"]) + home_uri, fallback=False)
    for entry in entries:
        entry["note"] = in_language(locale_dir(app), entry["code"], FALLBACK_NOTE) if entry["fallback"] else ""
    context["course_languages"] = entries
    context["course_languages_label"] = _("Language")
    # Before the current language's name; French puts a space before the colon ("Langue :").
    context["course_languages_prompt"] = _("Language:")
    context["course_alternates"] = alternates(editions, probe, page_uri, editions.site_url)


class MarkEnglishLinks(SphinxPostTransform):
    """In a translated edition, a link to a page it does not publish leads to the English page:
    say so to screen readers and browsers (``lang="en"`` on the link, from docutils' language- class).
    It runs after every reference is resolved (Sphinx's and MyST's resolvers come first)."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs) -> None:
        app = self.env._app  # SphinxTransform.app is deprecated; Sphinx's own transforms reach it so
        editions = editions_of(app)
        if editions is None or not editions.translated or not isinstance(app.builder, StandaloneHTMLBuilder):
            return
        page_uri = app.builder.get_target_uri(self.env.docname)
        for reference in self.document.findall(nodes.reference):
            if reference.get("internal") and leaves_edition(reference.get("refuri", ""), page_uri):
                reference["classes"].append("language-" + editions.source)


def sitemap_entries(editions, app, english_locations: list[str]) -> list[dict]:
    """Every published page of every edition, with its alternates: the site's one sitemap. The pages
    are those sphinx-sitemap listed for the English edition, so its exclusions hold in every language."""
    base = editions.site_url.rstrip("/") + "/"
    by_uri = {StandaloneHTMLBuilder.get_target_uri(app.builder, d): d for d in app.env.all_docs}
    entries = []
    for code in editions.shipped():
        for location in english_locations:
            uri = location[len(base):] if location.startswith(base) else location
            docname = by_uri.get(uri)
            if docname is None or not editions.publishes(code, docname):
                continue
            entries.append({"loc": base + editions.prefix(code) + uri,
                            "alternates": alternates(editions, docname, uri, editions.site_url)})
    return entries


def write_sitemap(app, exception) -> None:
    """The source edition writes the sitemap of every edition; the translated editions write none."""
    editions = editions_of(app)
    if exception or editions is None or not isinstance(app.builder, StandaloneHTMLBuilder) or \
            course_config(app).course_edition != "learner":
        return
    sitemap = Path(app.outdir, "sitemap.xml")
    if editions.translated:
        sitemap.unlink(missing_ok=True)
        return
    if not sitemap.is_file() or len(editions.shipped()) < 2:
        return
    sitemap.write_text(sitemap_xml(sitemap_entries(editions, app, sitemap_locations(sitemap))), encoding="utf-8")


def write_translation_status(app, exception) -> None:
    """``translation-status.json``: per language and per page, the share translated, fuzzy and untranslated."""
    editions = editions_of(app)
    if exception or editions is None or editions.translated or not isinstance(app.builder, StandaloneHTMLBuilder):
        return
    Path(app.outdir, "translation-status.json").write_text(
        json.dumps(status_document(editions), indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def status_document(editions) -> dict:
    return {
        "rule": "A page is published in a language only when all its strings are translated and none is fuzzy.",
        "languages": {
            code: {
                "name": editions.names[code],
                "shipped": code in editions.shipped(),
                "pages": {d: s.as_dict() for d, s in sorted(status.items()) if d not in INTERFACE_DOMAINS},
                "interface": {d: s.as_dict() for d, s in sorted(status.items()) if d in INTERFACE_DOMAINS},
            }
            for code, status in editions.status.items()
        },
    }


def setup_languages(app) -> None:
    app.add_builder(EditionHTMLBuilder, override=True)
    # After the settings have been checked (config.check_config, priority 100).
    app.connect("config-inited", load_editions, priority=150)
    # After the theme has put its toctree function in the context (pydata-sphinx-theme, default priority).
    app.connect("html-page-context", page_languages, priority=800)
    app.add_post_transform(MarkEnglishLinks)
    # After sphinx-sitemap has written its file (it uses the default priority).
    app.connect("build-finished", write_sitemap, priority=800)
    app.connect("build-finished", write_translation_status)
    app.connect("build-finished", write_interface_template)
    setup_status_page(app)
    setup_terms(app)
    app.connect("builder-inited", check_terms)
