"""Two clean builds of the same commit produce byte-identical output."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import TEST_BUILD, build_editions


def digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".buildinfo"
    }


def test_two_clean_builds_are_identical(site_html):
    second = build_editions(TEST_BUILD / "html-again", "-E", doctrees=TEST_BUILD / "doctrees" / "html-again")
    assert second.returncode == 0, second.problems
    first, again = digests(site_html), digests(second.outdir)
    assert sorted(first) == sorted(again)
    different = [name for name in first if first[name] != again[name]]
    assert different == []
