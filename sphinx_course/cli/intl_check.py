"""Check translated catalogues before review: ``python -m sphinx_course.cli.intl_check LANG [PO ...]``.

For each catalogue of the language (or only those named), every translated entry must
keep what the build and the reader rely on:

- the same links (an address on EUR-Lex, Europa, OHCHR or the UN may name the edition's
  language instead of English);
- the same roles, and each role's target (``{term}`texte <English term>` `` keeps the English
  term as its target, so Sphinx 9 does not report it as an inconsistent reference);
- the same placeholders (``{score}``, ``%(count)s``), bold marks and heading-id anchors;
- the language's fixed terms (``locales/<lang>/terms.yaml``).

It also counts untranslated and fuzzy entries. Problems are printed as ``file:line: message``
and the exit status is 1 if there are any, so translators can run it as they work
(``make intl-check LANG=fr``) without building the site.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from babel.messages.pofile import read_po

from ..i18n import PLACEHOLDER
from ..languages.terms import read_terms, term_misses

LINK = re.compile(r"\]\(([^)\s]+)\)|<(https?://[^>\s]+)>")
ROLE = re.compile(r"\{([a-z][\w:-]*)\}`([^`]*)`")
#: Official sites with a version per language, named in the address's path.
LANGUAGE_SEGMENT = re.compile(r"(eur-lex\.europa\.eu/legal-content/|europa\.eu/[a-z-]+/|ohchr\.org/|docs\.un\.org/"
                              r"|www\.un\.org/)([A-Za-z]{2})(/)")


def _link_key(url: str) -> str:
    """The address with an official site's language segment made neutral."""
    return LANGUAGE_SEGMENT.sub(lambda m: m.group(1) + "xx" + m.group(3), url).lower()


def _role_target(name: str, content: str) -> tuple[str, str]:
    """What a role points at: the part in angle brackets if any, else its whole content."""
    explicit = re.search(r"<([^<>]+)>\s*$", content)
    return (name, (explicit.group(1) if explicit else content).strip())


def markup_problems(msgid: str, msgstr: str) -> list[str]:
    """What the translation lost or changed of the English entry's markup (pure)."""
    problems = []
    links = Counter(_link_key(a or b) for a, b in LINK.findall(msgid))
    found = Counter(_link_key(a or b) for a, b in LINK.findall(msgstr))
    if links != found:
        lost, added = links - found, found - links
        problems.append("links differ: " + "; ".join(
            [f"missing {url}" for url in lost] + [f"unexpected {url}" for url in added]))
    roles = Counter(_role_target(n, c) for n, c in ROLE.findall(msgid))
    have = Counter(_role_target(n, c) for n, c in ROLE.findall(msgstr))
    for name, target in roles - have:
        problems.append(f"role {{{name}}} with target '{target}' is missing"
                        + (" (a {term} keeps the English term as its target: {term}`texte <English term>`)"
                           if name == "term" else ""))
    for name, target in have - roles:
        problems.append(f"role {{{name}}} with target '{target}' is not in the English")
    if Counter(PLACEHOLDER.findall(msgid)) != Counter(PLACEHOLDER.findall(msgstr)):
        problems.append(f"placeholders differ: {sorted(PLACEHOLDER.findall(msgid))} in the English")
    if msgid.count("**") != msgstr.count("**"):
        problems.append("bold marks (**) differ in number")
    return problems


def check_catalogue(path: Path, terms) -> tuple[list[str], int, int]:
    """Problems as ``path:line: message``, and the untranslated and fuzzy counts."""
    with open(path, "rb") as handle:
        catalogue = read_po(handle)
    problems: list[str] = []
    untranslated = fuzzy = 0
    for message in catalogue:
        if not message.id:
            continue
        msgid, msgstr = str(message.id), message.string if isinstance(message.string, str) else ""
        if message.fuzzy:
            fuzzy += 1
            continue
        if not msgstr.strip():
            untranslated += 1
            continue
        where = f"{path}:{message.lineno}"
        problems.extend(f"{where}: {problem}" for problem in markup_problems(msgid, msgstr))
        problems.extend(f'{where}: "{term.english}" must be translated "{term.term}" (terms.yaml)'
                        for term in term_misses(msgid, msgstr, terms))
    return problems, untranslated, fuzzy


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    language, named = argv[0], [Path(p) for p in argv[1:]]
    root = Path("locales") / language
    terms = read_terms(root / "terms.yaml") if (root / "terms.yaml").is_file() else []
    paths = named or sorted((root / "LC_MESSAGES").rglob("*.po"))
    failed = False
    for path in paths:
        problems, untranslated, fuzzy = check_catalogue(path, terms)
        for problem in problems:
            print(problem)
        failed = failed or bool(problems)
        if named:
            state = "complete" if not (untranslated or fuzzy) else f"{untranslated} untranslated, {fuzzy} fuzzy"
            print(f"{path}: {state}, {len(problems)} problem(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
