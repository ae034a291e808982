"""Interface strings, translated through Sphinx's message catalogues.

A French, Spanish or Arabic edition adds ``locale/<lang>/LC_MESSAGES/sphinx_course.po``
to this package; no code changes.
"""

from __future__ import annotations

from sphinx.locale import get_translation

CATALOG = "sphinx_course"
_ = get_translation(CATALOG)
