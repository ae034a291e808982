"""Plain docutils tables, so generated overviews render in every builder."""

from __future__ import annotations

from docutils import nodes


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
