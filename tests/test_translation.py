"""Interface strings come from a message catalogue: a French edition needs a .po file, not code changes."""

from __future__ import annotations

import json

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from bs4 import BeautifulSoup
from conftest import sphinx_build, write_fixture_site

FRENCH = {
    "Select all that apply.": "Sélectionnez toutes les bonnes réponses.",
    "Try again": "Réessayer",
    "Show answers": "Afficher les réponses",
    "Correct.": "Exact.",
}

QUIZ_PAGE = """# Quiz

::::{quiz} translated
:::{question}
:type: multiple

Which are fruit?

- [x] Apple
  > Yes.
- [x] Pear
  > Yes.
- [ ] Carrot
  > No, a root vegetable.
:::
::::
"""


def compile_catalogue(folder, messages: dict[str, str]) -> None:
    catalogue = Catalog(locale="fr", domain="sphinx_course")
    for source, translation in messages.items():
        catalogue.add(source, translation)
    target = folder / "fr" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with open(target / "sphinx_course.mo", "wb") as handle:
        write_mo(handle, catalogue)


def test_a_french_catalogue_translates_the_quiz_interface(tmp_path):
    locale = tmp_path / "locale"
    compile_catalogue(locale, FRENCH)
    conf = (
        'language = "fr"\n'
        "def setup(app):\n"
        f"    app.add_message_catalog('sphinx_course', {str(locale)!r})\n"
    )
    src = write_fixture_site(tmp_path / "src", {"index.md": QUIZ_PAGE}, conf_extra=conf)
    build = sphinx_build(src, tmp_path / "out")
    assert build.returncode == 0, build.output
    page = BeautifulSoup((tmp_path / "out/index.html").read_text(encoding="utf-8"), "html.parser")

    assert page.select_one(".quiz-instructions, .quiz-question").get_text(" ", strip=True).count(
        "Sélectionnez toutes les bonnes réponses.") == 1
    buttons = [b.get_text(strip=True) for b in page.select(".quiz button[data-action]")]
    assert "Réessayer" in buttons and "Afficher les réponses" in buttons
    # Strings the browser shows after an answer travel in a data attribute, translated at build time.
    strings = json.loads(page.select_one("script[data-strings]")["data-strings"])
    assert strings["correct"] == "Exact."
    # A string without a translation falls back to English rather than breaking.
    assert strings["incorrect"] == "Not quite."
