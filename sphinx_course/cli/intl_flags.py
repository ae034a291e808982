"""After ``sphinx-intl update``: ``python -m sphinx_course.cli.intl_flags LOCALE_DIR``.

Babel flags a message ``python-format`` when its text looks like a ``%`` placeholder,
as "70% chance" or "60% of" ("% o") do. Such a false flag makes ``msgfmt -c`` reject every
correct translation that writes the number another way ("70 %", "70 في المائة"). This
removes the flag wherever the message has no real placeholder (``%s``, ``%(name)s``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..i18n import PERCENT_PLACEHOLDER


#: What a real placeholder looks like in this project's strings.
def _message_id(block: str) -> str:
    """The msgid of one PO entry, its quoted lines joined (pure)."""
    found = re.search(r'^msgid ((?:".*"\n?)+)', block, flags=re.MULTILINE)
    return "".join(re.findall(r'"(.*)"', found.group(1))) if found else ""


def unflagged(text: str) -> str:
    """The catalogue's text with each python-format flag removed where the message has no real
    placeholder (pure). Text, not Babel: Babel's Message sets the flag again from the text
    whenever it reads a catalogue."""
    blocks = text.split("\n\n")
    for position, block in enumerate(blocks):
        if "python-format" not in block or PERCENT_PLACEHOLDER.search(_message_id(block)):
            continue
        lines = []
        for line in block.split("\n"):
            if line.startswith("#,") and "python-format" in line:
                flags = [f.strip() for f in line[2:].split(",") if f.strip() not in ("", "python-format")]
                if not flags:
                    continue
                line = "#, " + ", ".join(flags)
            lines.append(line)
        blocks[position] = "\n".join(lines)
    return "\n\n".join(blocks)


def main(argv: list[str]) -> int:
    root = Path(argv[0] if argv else "locales")
    for path in sorted(root.glob("*/LC_MESSAGES/**/*.po")):
        text = path.read_text(encoding="utf-8")
        if unflagged(text) != text:
            path.write_text(unflagged(text), encoding="utf-8")
            print(f"{path}: false python-format flags removed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
