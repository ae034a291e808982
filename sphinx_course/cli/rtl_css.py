"""Mirror the themes' stylesheets for right-to-left pages: ``python -m sphinx_course.cli.rtl_css STATIC [OUT]``.

``STATIC`` is a built site's ``_static`` folder (the themes' files as Sphinx renders
them); the mirrored copies go to ``OUT`` (the package's ``theme/static/rtl``). Each is
RTLCSS's output, from the ``rtlcss`` pinned in package.json, with a header naming its
source; source-map comments are dropped, since the maps are not mirrored. ``make rtl-css``
runs this after a theme upgrade; the test suite checks that the copies are current.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from ..theme.rtl import MIRRORED

RTLCSS = Path("node_modules/.bin/rtlcss")
PACKAGE_RTL = Path(__file__).resolve().parent.parent / "theme" / "static" / "rtl"


def mirror(css: str, source: str) -> str:
    """One stylesheet, mirrored by RTLCSS, with its header."""
    flipped = subprocess.run([str(RTLCSS), "-"], input=css, capture_output=True, text=True, check=True).stdout
    flipped = re.sub(r"/\*# sourceMappingURL=.*?\*/\s*", "", flipped)
    return f"/* {source} mirrored for right-to-left pages by RTLCSS (make rtl-css). Do not edit. */\n{flipped}"


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    static, out = Path(argv[0]), Path(argv[1]) if len(argv) > 1 else PACKAGE_RTL
    if not RTLCSS.exists():
        print("rtlcss is not installed: run npm ci (make test does).", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    for source, target in MIRRORED.items():
        text = (static / source).read_text(encoding="utf-8")
        (out / Path(target).name).write_text(mirror(text, source), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
