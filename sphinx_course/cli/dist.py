"""Zip a built site for offline use: ``python -m sphinx_course.cli.dist SITE ZIP``.

The zip holds one top-level folder, fixed timestamps and sorted entries, so
the same site always gives the same bytes.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

FIXED_TIME = (2026, 1, 1, 0, 0, 0)
TOP = "aipol-site"


def make_zip(site: Path, target: Path) -> int:
    files = sorted(p for p in site.rglob("*") if p.is_file() and not p.name.startswith(".buildinfo"))
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{TOP}/{path.relative_to(site).as_posix()}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return len(files)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m sphinx_course.cli.dist SITE ZIP")
    count = make_zip(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"Wrote {sys.argv[2]} ({count} files). Unzip it and open {TOP}/index.html; no network needed.")
