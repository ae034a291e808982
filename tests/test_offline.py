"""The built site asks nothing of any other host: no CDN, web font, analytics or embedded media.

Ordinary <a href> links to cited sources are fine; anything the browser would
fetch by itself is not.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

EXTERNAL = re.compile(r"^(https?:)?//", re.I)
CSS_REMOTE = re.compile(r"""url\(\s*["']?(https?:)?//|@import\s+(url\()?\s*["']?(https?:)?//""", re.I)
JS_REMOTE = re.compile(
    r"""(\.src\s*=|\bsrc\s*:|\bhref\s*=|importScripts\(|\bimport\s*\(|fetch\(|XMLHttpRequest\b[^;]*open\([^)]*)"""
    r"""\s*["'`](https?:)?//""", re.I,
)
FETCHING_ATTRIBUTES = {
    "script": ["src"], "img": ["src", "srcset"], "source": ["src", "srcset"], "iframe": ["src"],
    "video": ["src", "poster"], "audio": ["src"], "embed": ["src"], "object": ["data"], "track": ["src"],
    "input": ["src"],
}


def external_references_in_html(text: str) -> list[str]:
    soup = BeautifulSoup(text, "html.parser")
    found = []
    for tag, attributes in FETCHING_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            for attribute in attributes:
                value = element.get(attribute, "")
                if any(EXTERNAL.match(part.strip()) for part in value.split(",") if part.strip()):
                    found.append(f"<{tag} {attribute}={value}>")
    for link in soup.find_all("link", href=True):
        if EXTERNAL.match(link["href"]) and set(link.get("rel", [])) - {"canonical", "alternate"}:
            found.append(f"<link rel={link.get('rel')} href={link['href']}>")
    for style in soup.find_all("style"):
        if CSS_REMOTE.search(style.get_text()):
            found.append("<style> with a remote url() or @import")
    for element in soup.find_all(style=True):
        if CSS_REMOTE.search(element["style"]):
            found.append(f"style attribute on <{element.name}> with a remote url()")
    return found


def test_detectors_catch_each_kind_of_external_resource():
    assert external_references_in_html('<script src="https://cdn.example/x.js"></script>')
    assert external_references_in_html('<link rel="stylesheet" href="//fonts.example/css">')
    assert external_references_in_html('<img src="http://example.org/a.png" alt="">')
    assert external_references_in_html('<style>@import url("https://fonts.example/f.css");</style>')
    assert CSS_REMOTE.search("body{background:url(https://example.org/bg.png)}")
    assert JS_REMOTE.search('script.src = "https://analytics.example/a.js"')
    assert not external_references_in_html('<a href="https://eur-lex.europa.eu/">The AI Act</a>')
    assert not external_references_in_html('<link rel="canonical" href="https://example.org/">')


def test_no_built_file_loads_anything_from_another_host(site_html: Path):
    problems = []
    for path in sorted(site_html.rglob("*")):
        if path.suffix == ".html":
            problems += [f"{path.relative_to(site_html)}: {r}" for r in external_references_in_html(path.read_text(encoding="utf-8"))]
        elif path.suffix == ".css" and CSS_REMOTE.search(path.read_text(encoding="utf-8", errors="replace")):
            problems.append(f"{path.relative_to(site_html)}: remote url() or @import")
        elif path.suffix in (".js", ".mjs") and JS_REMOTE.search(path.read_text(encoding="utf-8", errors="replace")):
            problems.append(f"{path.relative_to(site_html)}: fetches from another host")
    assert problems == []
