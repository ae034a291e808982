"""Sphinx configuration for the slide decks (`make slides`): reveal.js, bundled, offline.

The decks live beside their modules, in `modules/*/slides/`; this build reads only
them and `slides/index.md`, and reuses the modules' objectives, key takeaways and
trainer notes through `{unit-objectives}` and `{include}` rather than copies.
"""

project = "AI-POL Responsible AI in Law Enforcement: slides"
author = "AI-POL training site contributors"
copyright = "2026, AI-POL training site contributors"
language = "en"

extensions = ["myst_parser", "sphinx_revealjs", "sphinx_course"]
source_suffix = {".md": "markdown"}
root_doc = "slides/index"
include_patterns = ["slides/index.md", "modules/*/slides/*.md"]
exclude_patterns = ["_build", ".venv", "node_modules"]
nitpicky = True
myst_enable_extensions = ["colon_fence", "deflist"]

revealjs_html_theme = "revealjs-simple"
revealjs_style_theme = "white"
revealjs_script_conf = {"hash": True, "slideNumber": True, "transition": "none"}
revealjs_script_plugins = [{"name": "RevealNotes", "src": "revealjs/plugin/notes/notes.js"}]

# Decks are trainer material: never indexed, and they link back to the trainer edition.
course_edition = "trainer"
course_privacy_page = "slides/index"

# Speaker notes include each module's trainer notes, whose {doc} and {term} links point at
# site pages this build does not contain; the notes are shown as plain text, so those links
# are not needed here. The site build checks every one of them.
#
# The sources and legal-timeline checks run on the decks too: their dates come from the legal
# timeline through {milestone}. They carry no "Law as of" box of their own: a box would crowd a
# 16:9 slide, and the trainer presents from the module page, which carries the box.
suppress_warnings = ["ref.doc", "ref.term", "course.law_as_of_missing"]

# Browsers ask for an icon; without one every deck logs a 404.
html_favicon = "../_static/favicon.svg"
