"""Helpers every directive shares: reading a page's own source and the files it names (right line
numbers, tracked dependencies), plain docutils tables, so generated overviews render in every builder,
and the folder lists the config-inited handlers extend."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective


def add_folders(paths: list[str], *folders: Path | str) -> None:
    """Append each folder to a config path list unless it is there already: a second build in the same
    process (sphinx.testing, the editions) sees the same list, and the next build's config compares equal."""
    for folder in map(str, folders):
        if folder not in paths:
            paths.append(folder)


def named_file(directive: SphinxDirective, suffix: str = "") -> tuple[str, Path]:
    """The file a directive's argument names from the site root, recorded as a dependency of
    the page so that editing the file rebuilds the page. Returns it relative and absolute."""
    relative = directive.arguments[0].strip("/") + suffix
    path = Path(directive.env.srcdir, relative)
    directive.env.note_dependency(str(path))
    return relative, path


def content_offset(directive: SphinxDirective) -> int:
    """The directive's content offset, counted in the page's own source.

    MyST (5.2) reports an offset one line too far for a colon-fenced directive
    without an options block, which would shift every line number in a quiz's
    error messages. Finding the first content line in the source avoids that.
    """
    if directive.content:
        source = directive.state.document.current_source or directive.env.doc2path(directive.env.docname)
        try:
            with open(source, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except OSError:
            return directive.content_offset
        first = directive.content[0]
        for index in range(directive.lineno, min(len(lines), directive.lineno + 50)):
            if lines[index] == first:
                return index - directive.lineno
    return directive.content_offset


def front_matter_line(source_path: str, key: str) -> int:
    try:
        with open(source_path, encoding="utf-8") as handle:
            for number, text in enumerate(handle, start=1):
                if text.startswith(f"{key}:"):
                    return number
    except OSError:
        pass
    return 1



def table_row(cells) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        content = cell if isinstance(cell, nodes.Node) else nodes.Text(str(cell))
        row += nodes.entry("", nodes.paragraph("", "", content))
    return row


def simple_table(headers: list[str], rows: list[list], widths: list[int], classes: list[str]) -> nodes.table:
    table = nodes.table(classes=classes)
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    group += nodes.thead("", table_row(headers))
    body = nodes.tbody()
    for row in rows:
        body += table_row(row)
    group += body
    return table
