"""Sphinx extensions for the AI-POL responsible-AI training site.

Self-check quizzes, course-unit metadata and headers, trainer-only content,
a course index and a report of every cited external link.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

__version__ = "0.1.0"

#: Command-line tools that run on finished output (``python -m sphinx_course.cli.<name>``). Sphinx
#: never imports them, so editing one must not make the next build re-read every page.
COMMAND_LINE_TOOLS = "cli"


def code_version(package: Path = Path(__file__).parent) -> int:
    """A number that changes whenever the extensions' Python code does (not the command-line tools').

    Given to Sphinx as the environment version, so that after any change to this
    package every page is read again: no page keeps output from older code, and
    a pickled environment of an older shape is never loaded.
    """
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.parts[0] == COMMAND_LINE_TOOLS:
            continue
        digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes())
    return int(digest.hexdigest()[:12], 16)


def setup(app):
    # Imported here so that importing the package costs nothing until Sphinx loads it.
    from .extension import setup_extension

    setup_extension(app)
    return {
        "version": __version__,
        "env_version": code_version(),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
