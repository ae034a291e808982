"""Translated editions on a small fixture site: what is published, where links lead, what the status says.

The fixture is translated into French the way a translator would: `make gettext`'s templates,
catalogues filled from them. One page lacks a single translation, so it must not be published.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup
from conftest import ROOT, STRICT, Build, source_date_epoch, write_fixture_site
from docutils import nodes

from sphinx_course.cli.intl_check import markup_problems
from sphinx_course.languages.catalogues import catalogue_status
from sphinx_course.languages.editions import Editions, alternates, relative_link, switcher_entries
from sphinx_course.languages.terms import Term, term_misses

PAGES = {
    "index.md": "# Home\n\nWelcome to the {term}`AI` course.\n\n```{toctree}\nglossary\nrights\nmodule\n```\n",
    "glossary.md": "# Glossary\n\n```{glossary}\nAI\n  Artificial intelligence.\n```\n",
    "rights.md": "---\nobjectives:\n  - id: check\n    text: Say who checks a match.\n---\n"
                 "# Your rights\n\nYou can complain.\n\nSee [the module](module.md).\n\n"
                 "::::{quiz} rights-check\n:::{question}\n:type: single\n:objective: check\n\n"
                 "Who checks a match?\n\n- [ ] Nobody at all, ever\n  > No. Someone must check.\n"
                 "- [x] A trained person\n  > Right. A person checks.\n:::\n::::\n",
    "module.md": "# A module\n\nFirst paragraph.\n\nSecond paragraph.\n",
}
FRENCH = {
    "Home": "Accueil",
    "Welcome to the {term}`AI` course.": "Bienvenue dans le cours sur l'{term}`IA <AI>`.",
    "Glossary": "Glossaire",
    "AI": "IA",
    "Artificial intelligence.": "Intelligence artificielle.",
    "Your rights": "Vos droits",
    "You can complain.": "Vous pouvez porter plainte.",
    "See [the module](module.md).": "Voir [le module](module.md).",
    "Who checks a match?": "Qui vérifie une correspondance ?",
    "Nobody at all, ever": "Personne, jamais",
    "No. Someone must check.": "Non. Quelqu'un doit vérifier.",
    "A trained person": "Une personne formée",
    "Right. A person checks.": "Exact. Une personne vérifie.",
    "A module": "Un module",
    "First paragraph.": "Premier paragraphe.",
    # "Second paragraph." is left untranslated: the module must not be published in French.
    "home page: this page is not yet translated": "page d'accueil : cette page n'est pas encore traduite",
    "Language": "Langue",
}
CONF = """
extensions.append("sphinx_sitemap")
html_theme = "sphinx_book_theme"
templates_path = [TEMPLATES]
course_languages = {"en": "English", "fr": "Français"}
locale_dirs = ["locales"]
gettext_compact = False
exclude_patterns = ["_build", "locales"]
html_baseurl = "https://example.org/"
sitemap_url_scheme = "{link}"
course_gettext_dir = "_build/gettext"
""".replace("TEMPLATES", repr(str(ROOT / "_templates")))


def run(src: Path, *args: str) -> Build:
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(), "NO_COLOR": "1"}
    result = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=src)
    return Build(result.returncode, result.stdout + result.stderr, src / "_build" / "html")


def translate(src: Path, translations: dict[str, str]) -> None:
    """Catalogues for every template, as sphinx-intl would create them, filled from ``translations``."""
    for template in (src / "_build" / "gettext").rglob("*.pot"):
        domain = template.relative_to(src / "_build" / "gettext").with_suffix("")
        with open(template, "rb") as handle:
            pot = read_po(handle)
        catalogue = Catalog(locale="fr", domain=str(domain))
        for message in pot:
            if message.id:
                catalogue.add(message.id, translations.get(str(message.id), ""))
        target = src / "locales" / "fr" / "LC_MESSAGES" / f"{domain}.po"
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as handle:
            write_po(handle, catalogue, width=0)


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> Path:
    src = write_fixture_site(tmp_path_factory.mktemp("languages"), PAGES, conf_extra=CONF)
    (src / "locales" / "fr").mkdir(parents=True)
    (src / "locales" / "fr" / "terms.yaml").write_text(
        "language: fr\nterms:\n  - en: complain\n    term: porter plainte\n    source: test\n", encoding="utf-8")
    first = run(src, "-m", "sphinx", "-b", "gettext", *STRICT, "-d", "_build/doctrees/gettext", ".", "_build/gettext")
    assert first.returncode == 0, first.output
    translate(src, FRENCH)
    build = run(src, "-m", "sphinx_course.cli.editions", "_build/html", "_build/doctrees", *STRICT)
    assert build.returncode == 0, build.output
    return build.outdir


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_a_page_with_one_untranslated_string_is_not_published(editions):
    assert (editions / "fr" / "rights.html").is_file()
    assert (editions / "fr" / "index.html").is_file()
    assert not (editions / "fr" / "module.html").exists()
    assert (editions / "module.html").is_file()


def test_a_quiz_is_translated_question_options_and_feedback(editions):
    quiz = soup(editions / "fr" / "rights.html").select_one(".quiz")
    assert quiz.select_one(".quiz-prompt").get_text(strip=True) == "Qui vérifie une correspondance ?"
    labels = [label.get_text(strip=True) for label in quiz.select(".quiz-question .quiz-option label")]
    assert sorted(labels) == ["Personne, jamais", "Une personne formée"]
    feedback = quiz.select_one(".quiz-key").get_text(" ", strip=True)
    assert "Exact. Une personne vérifie." in feedback and "Someone must check" not in feedback


def test_a_published_page_is_translated_with_its_interface_and_lang(editions):
    page = soup(editions / "fr" / "rights.html")
    assert page.html["lang"] == "fr"
    assert "Vous pouvez porter plainte." in page.get_text()
    assert "You can complain." not in page.get_text()


def test_links_to_an_unpublished_page_lead_to_the_english_page_marked_english(editions):
    page = soup(editions / "fr" / "rights.html")
    link = page.select_one("[role=main] a[href$='module.html']")
    assert link["href"] == "../module.html"
    assert link["lang"] == "en"
    assert link.get_text(strip=True) == "le module"


def test_a_translated_glossary_link_with_the_english_target_reaches_the_entry(editions):
    page = soup(editions / "fr" / "index.html")
    term = page.select_one("[role=main] a.reference[href*='glossary.html#term-']")
    assert term is not None and term.get_text(strip=True) == "IA"


def test_the_switcher_offers_the_same_page_or_the_home_page_with_a_note(editions):
    english_module = soup(editions / "module.html").select("nav.course-languages a")
    french = next(a for a in english_module if a["hreflang"] == "fr")
    assert french["href"] == "fr/index.html"
    assert "page d'accueil : cette page n'est pas encore traduite" in french.get_text()
    english_rights = soup(editions / "rights.html").select_one("nav.course-languages a[hreflang='fr']")
    assert english_rights["href"] == "fr/rights.html" and "(" not in english_rights.get_text()
    back = soup(editions / "fr" / "rights.html").select_one("nav.course-languages a[hreflang='en']")
    assert back["href"] == "../rights.html"


def test_hreflang_alternates_list_only_the_languages_that_publish_the_page(editions):
    rights = {link["hreflang"]: link["href"] for link in soup(editions / "rights.html").select("link[rel=alternate]")}
    assert rights == {"en": "https://example.org/rights.html", "fr": "https://example.org/fr/rights.html",
                      "x-default": "https://example.org/rights.html"}
    assert not soup(editions / "module.html").select("link[rel=alternate][hreflang]")


def test_one_sitemap_lists_every_language(editions):
    sitemap = (editions / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/fr/rights.html</loc>" in sitemap
    assert "<loc>https://example.org/fr/module.html</loc>" not in sitemap
    assert 'hreflang="fr" href="https://example.org/fr/rights.html"' in sitemap
    assert not (editions / "fr" / "sitemap.xml").exists()


def test_each_edition_has_its_own_search_index_of_its_own_pages(editions):
    french = (editions / "fr" / "searchindex.js").read_text(encoding="utf-8")
    assert '"rights"' in french and '"module"' not in french


def test_the_status_file_matches_the_catalogues(editions):
    status = json.loads((editions / "translation-status.json").read_text(encoding="utf-8"))
    pages = status["languages"]["fr"]["pages"]
    assert pages["module"] == {"total": 3, "translated": 2, "fuzzy": 0, "untranslated": 1, "percent": 66,
                               "published": False}
    assert pages["rights"]["published"] is True and pages["rights"]["percent"] == 100


def test_a_fuzzy_entry_keeps_a_page_unpublished(tmp_path):
    template, catalogue = tmp_path / "p.pot", tmp_path / "p.po"
    with open(template, "wb") as handle:
        pot = Catalog()
        pot.add("One.")
        pot.add("Two.")
        write_po(handle, pot)
    with open(catalogue, "wb") as handle:
        po = Catalog(locale="fr")
        po.add("One.", "Un.")
        po.add("Two.", "Deux.", flags=["fuzzy"])
        write_po(handle, po)
    status = catalogue_status("p", template, catalogue)
    assert (status.translated, status.fuzzy, status.untranslated, status.complete) == (1, 1, 0, False)


def test_switcher_and_alternates_as_pure_functions():
    editions = Editions(names={"en": "English", "ar": "العربية"}, current="ar",
                        published={"en": None, "ar": {"index", "faq"}})
    entries = switcher_entries(editions, "docs/faq", "docs/faq.html", "index.html")
    assert [(e["code"], e["href"], e["fallback"], e["dir"]) for e in entries] == [
        ("en", "../../docs/faq.html", False, "ltr"), ("ar", "../index.html", True, "rtl")]
    assert relative_link("ar/docs/faq.html", "docs/faq.html") == "../../docs/faq.html"
    assert alternates(editions, "faq", "faq.html", "https://x.org") == [
        ("en", "https://x.org/faq.html"), ("ar", "https://x.org/ar/faq.html"), ("x-default", "https://x.org/faq.html")]


@pytest.mark.parametrize(("english", "translated", "missed"), [
    ("Ask for a high-risk AI system review.", "Demandez l'examen d'un système d'IA à haut risque.", []),
    ("Two high-risk AI systems.", "Deux systèmes d'IA à haut risque.", []),
    ("A high-risk AI system.", "Un système d'IA risqué.", ["high-risk AI system"]),
    ("No term here.", "Pas de terme.", []),
    ("Edit on %(high_risk_AI_system)s", "Modifier sur %(high_risk_AI_system)s", []),
])
def test_the_term_check_requires_the_fixed_term_where_the_english_uses_it(english, translated, missed):
    terms = [Term("high-risk AI system", "système d'IA à haut risque", ("systèmes d'IA à haut risque",), "AI Act")]
    assert [t.english for t in term_misses(english, translated, terms)] == missed


@pytest.mark.parametrize(("translated", "missed"), [
    ("يجب التعرّف على الوجه بحذر.", []),      # a shadda the term list leaves out
    ("يجب التعرف على الوجه بحذر.", []),
    ("يجب تمييز الوجه بحذر.", ["facial recognition"]),
    ("أدوات للتعرف على الوجه.", []),          # the preposition "ل" before the article
])
def test_the_term_check_ignores_arabic_vowel_marks(translated, missed):
    terms = [Term("facial recognition", "التعرف على الوجه", (), "UN usage")]
    assert [t.english for t in term_misses("Use facial recognition with care.", translated, terms)] == missed


@pytest.mark.parametrize(("english", "translated", "problems"), [
    ("See [the Act](https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32024R1689).",
     "Voir [le règlement](https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32024R1689).", []),
    ("See [the Act](https://eur-lex.europa.eu/eli/reg/2024/1689/oj).", "Voir le règlement.",
     ["links differ: missing https://eur-lex.europa.eu/eli/reg/2024/1689/oj"]),
    ("A {term}`high-risk AI system`.", "Un {term}`système d'IA à haut risque <high-risk AI system>`.", []),
    ("A {term}`high-risk AI system`.", "Un {term}`système d'IA à haut risque`.",
     ["role {term} with target 'high-risk AI system' is missing (a {term} keeps the English term as its "
      "target: {term}`texte <English term>`)",
      "role {term} with target 'système d'IA à haut risque' is not in the English"]),
    ("You scored {score} of {total}.", "Vous avez obtenu {score} sur 10.",
     ["placeholders differ: ['{score}', '{total}'] in the English"]),
    ("**Fact.** It checks.", "Fait. Il vérifie.", ["bold marks (**) differ in number"]),
])
def test_the_catalogue_check_names_what_a_translation_lost(english, translated, problems):
    assert markup_problems(english, translated) == problems


def test_false_python_format_flags_are_removed_and_real_ones_kept():
    from sphinx_course.cli.intl_flags import unflagged

    catalogue = ('#: a.md:1\n#, python-format\nmsgid "A 70% chance of rain"\nmsgstr ""\n\n'
                 '#: b.py:2\n#, fuzzy, python-format\nmsgid "Law as of %s"\nmsgstr ""\n\n'
                 '#: c.py:3\n#, no-python-format, python-format\nmsgid ""\n"at least 60% of its statements"\nmsgstr ""\n')
    assert unflagged(catalogue) == catalogue.replace("#, python-format\n", "", 1).replace(
        "#, no-python-format, python-format", "#, no-python-format")


def test_sphinx_translations_script_is_rewritten_without_eval():
    from sphinx_course.theme.content_security import translations_without_eval

    original = ('Documentation.addTranslations({"locale": "fr", "messages": {"Search": "Recherche"}, '
                '"plural_expr": "(n > 1)"});')
    rewritten = translations_without_eval(original)
    assert "new Function" not in rewritten and "addTranslations" not in rewritten
    assert 'Object.assign(Documentation.TRANSLATIONS, {"Search": "Recherche"});' in rewritten
    assert "Documentation.PLURAL_EXPR = function (n) { return ((n > 1)); };" in rewritten
    assert translations_without_eval("something else") is None


def test_a_card_translation_too_long_for_its_card_is_an_error_naming_the_translation(tmp_path):
    """The English card fits; its French text, from the page's catalogue, does not: the French edition
    stops with an error that says the translation is at fault, at the card's page."""
    pages = {
        "index.md": "# Home\n\n```{message-cards} cards.yaml\n```\n",
        "cards.yaml": "- id: short\n  text: A face match is a lead to check.\n  page: /index\n",
    }
    src = write_fixture_site(tmp_path / "cards", pages, conf_extra=CONF)
    first = run(src, "-m", "sphinx", "-b", "gettext", *STRICT, "-d", "_build/doctrees/gettext", ".", "_build/gettext")
    assert first.returncode == 0, first.output
    translate(src, {"Home": "Accueil", "A face match is a lead to check.": "correspondance " * 40})
    build = run(src, "-m", "sphinx", "-b", "html", *STRICT, "-D", "language=fr", "-d", "_build/doctrees/fr", ".", "_build/fr")
    assert build.returncode != 0
    assert "index.md" in build.output
    assert "Card 'short' (its fr translation, in the page's catalogue):" in build.output
    assert "Traceback" not in build.output


def test_an_exercise_with_translated_headings_keeps_its_parts(tmp_path):
    """An exercise's required parts are its source headings, read before the translation replaces them:
    a French edition whose headings are all translated is still a complete exercise, not one lacking
    'Context' and its injects."""
    exercise = (ROOT / "exercises" / "scenarios" / "ct-deepfake-claim.md").read_text(encoding="utf-8")
    headings = re.findall(r"^#{2,3} (.+)$", exercise, flags=re.M)
    pages = {"index.md": "# Home\n\n```{toctree}\nexercises/scenarios/drill\n```\n",
             "exercises/scenarios/drill.md": exercise}
    src = write_fixture_site(tmp_path / "exercise", pages, conf_extra=CONF + 'course_law_as_of = "2026-11-29"\n')
    run(src, "-m", "sphinx", "-b", "gettext", "-d", "_build/doctrees/gettext", ".", "_build/gettext")
    assert (src / "_build" / "gettext" / "exercises" / "scenarios" / "drill.pot").is_file()
    with open(src / "_build" / "gettext" / "exercises" / "scenarios" / "drill.pot", "rb") as handle:
        # Every message, so that the page is published in French; a suffix leaves its markup intact.
        messages = [str(message.id) for message in read_po(handle) if message.id]
    assert set(headings) <= set(messages)
    translate(src, {"Home": "Accueil", **{message: f"{message} (fr)" for message in messages}})
    build = run(src, "-m", "sphinx", "-b", "html", *STRICT, "-D", "language=fr", "-d", "_build/doctrees/fr", ".", "_build/fr")
    # The page's links to modules outside this small site are its only problems.
    assert "[course.metadata]" not in build.output, build.output
    assert "Traceback" not in build.output
    with open(src / "_build" / "doctrees" / "fr" / "exercises" / "scenarios" / "drill.doctree", "rb") as handle:
        titles = [title.astext() for title in pickle.load(handle).findall(nodes.title)]
    assert "Context (fr)" in titles and "Inject 1 — at 10 minutes (fr)" in titles
