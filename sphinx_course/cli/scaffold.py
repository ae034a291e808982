"""``make new-module`` and ``make new-exercise``: a valid page from a template, placed in the navigation.

::

    python -m sphinx_course.cli.scaffold module --course leadership --slug 10-example --title "Module 10: ..."
    python -m sphinx_course.cli.scaffold exercise --track leadership --slug example --title "The example"

A module goes to ``modules/<course>/<slug>.md`` and an exercise to
``exercises/scenarios/<slug>.md``, from the templates in ``sphinx_course/scaffold_templates/``:
every part a page needs (unit header metadata, objectives, a scenario with its debrief, a quiz
with one question per objective, key takeaways, further reading; for an exercise the exercise
header, its sections and a ``{facilitator-guide}``), with text that says what to write. The page
is added to its folder's ``index.md`` toctree unless a glob entry there already takes it in. An
existing page is never overwritten.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from fnmatch import fnmatch
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "scaffold_templates"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
TOCTREE = re.compile(r"^(?P<fence>```+|:::+)\{toctree\}[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.M | re.S)


class ScaffoldError(Exception):
    """A request the scaffold refuses, with the reason in words."""


def fill(template: str, values: dict[str, str]) -> str:
    """The template with each ``{{name}}`` replaced; every name must be given."""
    def value(match: re.Match) -> str:
        if match.group(1) not in values:
            raise ScaffoldError(f"the template needs a value for {{{{{match.group(1)}}}}}")
        return values[match.group(1)]
    return re.sub(r"\{\{(\w+)\}\}", value, template)


def check_slug(slug: str) -> None:
    if not SLUG.fullmatch(slug):
        raise ScaffoldError(f"the slug {slug!r} must be lower-case letters, digits and single hyphens (e.g. 10-example)")


def add_to_toctree(index_text: str, entry: str) -> str | None:
    """``index_text`` with ``entry`` in its toctree, or None when an entry (or glob) already takes it in.

    A numbered entry goes after the units that sort before it and before the first page that is
    not a numbered unit (a final check, say), so the course keeps its order; any other goes last."""
    match = TOCTREE.search(index_text)
    if not match:
        raise ScaffoldError("it has no {toctree} to add the page to")
    lines = match.group("body").split("\n")
    entries = [(i, line.strip()) for i, line in enumerate(lines) if line.strip() and not line.strip().startswith(":")]
    glob = any(line.strip() == ":glob:" for line in lines)
    for _, existing in entries:
        if existing == entry or (glob and any(c in existing for c in "*?[") and fnmatch(entry, existing)):
            return None
    position = len(lines) - 1 if lines[-1] == "" else len(lines)
    for i, existing in entries if entry[:1].isdigit() else []:
        if not existing[:1].isdigit() or existing.rstrip("*?") > entry:
            position = i
            break
    lines.insert(position, entry)
    start, end = match.span("body")
    return index_text[:start] + "\n".join(lines) + index_text[end:]


def scaffold(root: Path, kind: str, slug: str, title: str, course: str = "", track: str = "",
             today: datetime.date | None = None) -> list[Path]:
    """Write the page and update its folder's index; returns the files written."""
    check_slug(slug)
    if not title.strip():
        raise ScaffoldError("a title is needed (TITLE=\"...\")")
    if kind == "module":
        if not course:
            raise ScaffoldError("a course is needed (COURSE=leadership, for example)")
        folder = root / "modules" / course
        values = {"title": title.strip(), "slug": slug, "quiz_id": f"{course}-{slug}",
                  "today": (today or datetime.date.today()).isoformat()}
    elif kind == "exercise":
        folder = root / "exercises" / "scenarios"
        values = {"title": title.strip(), "track": track or "leadership"}
    else:
        raise ScaffoldError(f"unknown kind {kind!r}: module or exercise")
    index = folder / "index.md" if kind == "module" else root / "exercises" / "index.md"
    if not index.is_file():
        raise ScaffoldError(f"{index}: no such file (is {folder.name!r} a course folder?)")
    page = folder / f"{slug}.md"
    if page.exists():
        raise ScaffoldError(f"{page} already exists: choose another slug, or edit that page")
    entry = slug if kind == "module" else f"scenarios/{slug}"
    try:
        updated = add_to_toctree(index.read_text(encoding="utf-8"), entry)
    except ScaffoldError as error:
        raise ScaffoldError(f"{index}: {error}") from None
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(fill((TEMPLATES / f"{kind}.md").read_text(encoding="utf-8"), values), encoding="utf-8")
    written = [page]
    if updated is not None:
        index.write_text(updated, encoding="utf-8")
        written.append(index)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Create a module or exercise page from the package's template.")
    parser.add_argument("kind", choices=["module", "exercise"])
    parser.add_argument("--slug", required=True, help="the file name without .md, e.g. 10-example")
    parser.add_argument("--title", required=True, help="the page's title")
    parser.add_argument("--course", default="", help="a module's course folder under modules/, e.g. leadership")
    parser.add_argument("--track", default="leadership", help="an exercise's track (a key of course_tracks)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the site's source folder (default: here)")
    args = parser.parse_args(argv)
    try:
        written = scaffold(args.root, args.kind, args.slug, args.title, course=args.course, track=args.track)
    except ScaffoldError as error:
        print(f"Not created: {error}.", file=sys.stderr)
        return 1
    for path in written:
        print(f"{'Created' if path == written[0] else 'Updated'} {path}")
    print("Now replace the template's prompts with your content, then run make html.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
