"""Each language's fixed terms (``locales/<lang>/terms.yaml``), and the check that translations use them.

::

    language: fr
    terms:
      - en: high-risk AI system
        term: système d'IA à haut risque
        forms: [systèmes d'IA à haut risque]
        source: "Regulation (EU) 2024/1689, French text on EUR-Lex, Art. 6"

Wherever an English string of a published page contains a term (as a whole word, in
any case), its translation must contain the fixed term or one of its listed forms.
A translated edition's build reports each miss as a ``course.i18n_term`` warning at
the catalogue entry, so the strict build stops before a page with an off-list term
is published. ``{translation-terms}`` shows the list in the translator's guide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel.messages.pofile import read_po
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..errors import AuthoringError
from ..i18n import PLACEHOLDER
from ..warnings_ import CourseWarning, logger, warn


@dataclass(frozen=True)
class Term:
    english: str
    term: str
    forms: tuple[str, ...]
    source: str

    def accepted(self) -> tuple[str, ...]:
        """The term and its forms; an Arabic form with the article "ال" also after the preposition
        "ل", which absorbs the article's alif ("التعرف" becomes "للتعرف")."""
        forms = (self.term, *self.forms)
        return forms + tuple("لل" + form[2:] for form in forms if form.startswith("ال"))


def read_terms(path: Path) -> list[Term]:
    """The term list, checked: every entry has en, term and source (pure but for reading)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise AuthoringError("the file must have a 'terms' list.", 1)
    terms = []
    for number, entry in enumerate(entries, start=1):
        missing = [key for key in ("en", "term", "source") if not str((entry or {}).get(key, "")).strip()]
        if missing:
            raise AuthoringError(f"term {number} lacks {', '.join(missing)}.")
        forms = entry.get("forms") or []
        terms.append(Term(str(entry["en"]).strip(), str(entry["term"]).strip(),
                          tuple(str(form).strip() for form in forms), str(entry["source"]).strip()))
    return terms


#: Placeholders, whose names are not words of the text: "Edit on %(provider)s".
def _mentions(text: str, english: str) -> bool:
    text = PLACEHOLDER.sub(" ", text)
    return re.search(rf"(?<![\w-]){re.escape(english)}(?![\w-])", text, flags=re.IGNORECASE) is not None


#: Arabic vowel marks, shadda and the dagger alif (U+064B to U+0652, U+0670) and the
#: tatweel (U+0640): optional in Arabic script, so "التعرّف" uses the term "التعرف".
_OPTIONAL_MARKS = re.compile("[\u0640\u064b-\u0652\u0670]")


def _letters(text: str) -> str:
    """The text as the check compares it: no optional Arabic marks, one kind of apostrophe, one case."""
    return _OPTIONAL_MARKS.sub("", text).replace("\u2019", "'").casefold()


def term_misses(msgid: str, msgstr: str, terms: list[Term]) -> list[Term]:
    """The terms the English mentions but the translation does not use (pure)."""
    found = _letters(msgstr)
    return [term for term in terms if _mentions(msgid, term.english)
            and not any(_letters(form) in found for form in term.accepted())]


def catalogue_term_misses(path: Path, terms: list[Term]) -> list[tuple[int, str, Term]]:
    """(line, English, term) for each translated entry of a catalogue that misses a fixed term."""
    with open(path, "rb") as handle:
        catalogue = read_po(handle)
    misses = []
    for message in catalogue:
        if not message.id or not isinstance(message.string, str) or not message.string or message.fuzzy:
            continue
        for term in term_misses(str(message.id), message.string, terms):
            misses.append((message.lineno or 1, str(message.id), term))
    return misses


def check_published_terms(app, editions, locale_dir: Path) -> None:
    """Warn at each entry of a published page's (or the interface's) catalogue that misses a term."""
    language = editions.current
    terms_file = locale_dir / language / "terms.yaml"
    if not terms_file.is_file():
        warn(CourseWarning.I18N_TERM, f"The {editions.names[language]} edition has no term list at {terms_file}.",
             location=f"{terms_file}:")
        return
    try:
        terms = read_terms(terms_file)
    except (AuthoringError, yaml.YAMLError) as error:
        logger.error(f"{terms_file}: {getattr(error, 'message', error)} [course.i18n]", location=f"{terms_file}:1")
        return
    domains = sorted(d for d, s in editions.status[language].items() if s.complete)
    for domain in domains:
        path = locale_dir / language / "LC_MESSAGES" / f"{domain}.po"
        for line, english, term in catalogue_term_misses(path, terms):
            warn(CourseWarning.I18N_TERM, f'"{english[:60]}…" mentions "{term.english}": its translation must use '
                 f'"{term.term}" (or a form listed in terms.yaml).', location=f"{path}:{line}")


class TranslationTermsDirective(SphinxDirective):
    """``{translation-terms} fr``: the language's term list as a table."""

    required_arguments = 1
    option_spec = {"class": directives.class_option}

    def run(self):
        language = self.arguments[0]
        path = self.env.srcdir / self.config.locale_dirs[0] / language / "terms.yaml"
        self.env.note_dependency(str(path))
        try:
            terms = read_terms(path)
        except (OSError, AuthoringError, yaml.YAMLError) as error:
            logger.error(f"{path}: {getattr(error, 'message', error)} [course.i18n]", location=self.get_location())
            return []
        table = nodes.table(classes=["translation-terms"])
        group = nodes.tgroup(cols=3)
        table += group
        group.extend(nodes.colspec(colwidth=w) for w in (30, 35, 35))
        head, body = nodes.thead(), nodes.tbody()
        group += head
        group += body
        for cells, target in ((["English", "Fixed term (other forms)", "Source"], head),):
            row = nodes.row()
            for cell in cells:
                row += nodes.entry("", nodes.paragraph("", cell))
            target += row
        for term in terms:
            row = nodes.row()
            shown = term.term + (f" ({'; '.join(term.forms)})" if term.forms else "")
            for cell, lang in ((term.english, "en"), (shown, language), (term.source, "en")):
                row += nodes.entry("", nodes.paragraph("", "", nodes.inline(cell, cell, classes=[f"language-{lang}"])))
            body += row
        return [table]


def setup_terms(app) -> None:
    app.add_directive("translation-terms", TranslationTermsDirective)
