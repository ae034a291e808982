"""Sphinx configuration for the AI-POL responsible-AI training site.

The repository root is the Sphinx source folder. Only pages are sources:
everything else (README, tests, the extension package, build output) is excluded.
"""

import contextlib
import io
import os
from urllib.parse import urlsplit

# sphinxext-opengraph prints "matplotlib is not installed, social cards will not be generated"
# when it is imported, although social cards are off below. Importing it here, quietly, means
# Sphinx finds it already loaded and the build prints only what matters.
with contextlib.redirect_stdout(io.StringIO()):
    import sphinxext.opengraph  # noqa: F401

project = "AI-POL Responsible AI in Law Enforcement"
author = "AI-POL training site contributors"
copyright = "2026, AI-POL training site contributors"
language = "en"

# --- Languages (docs/authoring/translating.md) ---
# English is the source, built at the root; each other language is built into /<code>/ from
# the catalogues in locales/<code>/LC_MESSAGES/ (one per page, as sphinx-intl and Weblate lay them
# out), and publishes a page only when its catalogue is complete.
course_languages = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}
locale_dirs = ["locales"]
gettext_compact = False
gettext_uuid = False
gettext_last_translator = "AI-POL translators"
gettext_language_team = "AI-POL translators"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxext.opengraph",
    "sphinx_sitemap",
    "notfound.extension",
    "sphinx_course",
]

root_doc = "index"
source_suffix = {".md": "markdown"}
exclude_patterns = [
    "_build", "_templates", "locales", ".venv", "slides", "modules/*/slides", "node_modules", "tests", "sphinx_course", "tools", ".ci", "build",
    "*.egg-info", "README.md", "ARCHITECTURE.md", ".pytest_cache", "**/.pytest_cache", "Thumbs.db", ".DS_Store",
]

# Strict: every warning fails the build (the Makefile passes -W --keep-going -n).
nitpicky = True

myst_enable_extensions = ["colon_fence", "deflist", "attrs_inline", "attrs_block", "substitution"]
myst_heading_anchors = 3

# --- Where the site is published: the one place to change it ---
# Sitemap, OpenGraph tags, robots.txt and the 404 page all derive from it.
html_baseurl = os.environ.get("SITE_BASE_URL", "https://aipol-training.example.org/")

# --- HTML ---
html_theme = "sphinx_book_theme"
html_title = "AI-POL · Responsible AI in Law Enforcement"
html_static_path = ["_static"]
templates_path = ["_templates"]
html_favicon = "_static/favicon.svg"
# Page sources would expose trainer-only text; the site never publishes them.
html_copy_source = False
html_show_sourcelink = False
html_context = {"default_mode": "auto"}
html_theme_options = {
    "show_toc_level": 2,
    "home_page_in_toc": True,
    "use_download_button": False,
    "use_fullscreen_button": False,
}

# --- Discovery: sitemap, social previews, 404 ---
sitemap_url_scheme = "{link}"
sitemap_excludes = ["search.html", "genindex.html", "404.html"]
ogp_site_url = html_baseurl
ogp_site_name = "AI-POL · Responsible AI in Law Enforcement"
ogp_image = "_static/og-preview.png"
ogp_image_alt = "AI-POL: responsible AI in law enforcement"
ogp_enable_meta_description = True
ogp_social_cards = {"enable": False}
notfound_urls_prefix = urlsplit(html_baseurl).path or "/"
# The 404 page's words come from sphinx_course (public/not_found.py), in each edition's language.

# --- Course extensions (sphinx_course) ---
# "learner" builds the public site; `make trainer` passes -D course_edition=trainer.
course_edition = "learner"
course_legal_review_max_months = 12
course_privacy_page = "docs/about/privacy"
course_http_allowlist = {}
# The assessment lint (docs/authoring/quizzes.md, "Balanced keys"): a finding fails the strict
# build. Allow a check for one course or quiz here only with a reason:
# course_quiz_lint_allow = {"check": {"course folder, quiz id or quiz-id/N": "reason"}}.
course_quiz_lint = "warn"
# The legal timeline (sphinx_course/links/legal_timeline.py): the date of each page's "Law as of" box,
# and the section of Module 3 that renders the timeline.
course_law_as_of = "2026-12-06"
course_legal_timeline_label = "m3-legal-timeline"
