"""After ``sphinx-intl update``: ``python -m sphinx_course.cli.intl_flags LOCALE_DIR``.

Babel flags a message ``python-format`` when its text looks like a ``%`` placeholder,
as "70% chance" or "60% of" do. Page text has no placeholders, so on a page's catalogue
the flag is always a false guess, and it makes ``msgfmt -c`` reject every correct
translation that writes the number another way ("70 %", "70 في المائة"). This removes it
from the pages' catalogues; the interface catalogues, whose ``%s`` are real, keep theirs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..languages.catalogues import INTERFACE_DOMAINS


def unflagged(text: str) -> str:
    """The catalogue's text without its python-format flags (pure). Text, not Babel: Babel's
    Message sets the flag again from the text whenever it reads a catalogue."""
    lines = []
    for line in text.splitlines(keepends=True):
        if line.startswith("#,") and "python-format" in line:
            flags = [f.strip() for f in line[2:].split(",") if f.strip() and f.strip() != "python-format"]
            if not flags:
                continue
            line = "#, " + ", ".join(flags) + "\n"
        lines.append(line)
    return "".join(lines)


def main(argv: list[str]) -> int:
    root = Path(argv[0] if argv else "locales")
    for path in sorted(root.glob("*/LC_MESSAGES/**/*.po")):
        messages_dir = root / path.relative_to(root).parts[0] / "LC_MESSAGES"
        if path.relative_to(messages_dir).with_suffix("").as_posix() in INTERFACE_DOMAINS:
            continue
        text = path.read_text(encoding="utf-8")
        if unflagged(text) != text:
            path.write_text(unflagged(text), encoding="utf-8")
            print(f"{path}: false python-format flags removed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
