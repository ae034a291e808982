"""Publish a finished build: replace the output folder in one step.

``python -m sphinx_course.cli.publish STAGING TARGET``. Sphinx writes into a
staging folder; only when it exits cleanly does the Makefile call this, so a
failed build never leaves a half-broken site where a good one was.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def publish(staging: Path, target: Path) -> None:
    fresh = target.with_name(target.name + ".new")
    old = target.with_name(target.name + ".old")
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(staging, fresh, ignore=shutil.ignore_patterns(".buildinfo.bak"))
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m sphinx_course.cli.publish STAGING TARGET")
    publish(Path(sys.argv[1]), Path(sys.argv[2]))
