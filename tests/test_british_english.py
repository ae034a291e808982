"""The site is written in British English; proper names keep their own spelling."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

# Forms that are American only. "program" (software) and "judgment" (of a court) are British too.
AMERICAN = re.compile(
    r"\b(?:\w+(?:iz(?:e|es|ed|ing|ation|ations|er|ers))"
    r"|behavior\w*|color(?:s|ed|ful)?|cent(?:er|ers|ered)|defense|favor\w*|honor(?:s|ed|able)?|labor(?:s|ed)?"
    r"|analyz\w*|catalog(?:s|ed)?|model(?:ed|ing)|label(?:ed|ing)|travel(?:ed|ing|er)|enrollment|fulfill(?:s|ment)?"
    r"|artifact\w*|gray)\b",
    re.IGNORECASE,
)
NOT_AMERICAN = {"size", "sizes", "sized", "seize", "seizes", "seized", "seizing", "prize", "prizes", "citizen",
                "citizens", "capsize", "resize", "resizing"}
# Proper names spelt as their owners spell them.
PROPER_NAMES = ["Minimization of Harm", "Pew Research Center", "Defense Daily", "Lokalize"]


def american_spellings(text: str) -> list[str]:
    for name in PROPER_NAMES:
        text = text.replace(name, "")
    return [m.group(0) for m in AMERICAN.finditer(text) if m.group(0).lower() not in NOT_AMERICAN]


@pytest.mark.parametrize("text,expected", [
    ("The organization will prioritize the analysis.", ["organization", "prioritize"]),
    ("Officers' behavior was modeled and labeled.", ["behavior", "modeled", "labeled"]),
    ("A data center for the defense ministry.", ["center", "defense"]),
    ("The organisation will prioritise; behaviour was modelled and labelled.", []),
    ("Citizens may seize the chance to resize a prize table; the programme's computer program.", []),
    ("The Toolkit's Minimization of Harm principle; Pew Research Center; Defense Daily reported.", []),
])
def test_american_spellings_are_found_and_proper_names_spared(text, expected):
    assert american_spellings(text) == expected


def page_text(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for element in soup(["script", "style", "code", "pre"]):
        element.decompose()
    return soup.get_text(" ")


@pytest.mark.parametrize("edition", ["site_html", "trainer_html"])
def test_every_page_uses_british_spelling(edition, request):
    root: Path = request.getfixturevalue(edition)
    found = {}
    for path in sorted(root.rglob("*.html")):
        # The translated editions (/fr/, /es/, /ar/) are not English: Spanish "labor" is right there.
        if "_static" in path.parts or path.relative_to(root).parts[0] in ("fr", "es", "ar"):
            continue
        words = american_spellings(page_text(path))
        if words:
            found[path.relative_to(root).as_posix()] = sorted(set(words))
    assert not found, f"American spellings (use British English, or add a proper name to PROPER_NAMES): {found}"
