"""Sphinx extensions for the AI-POL responsible-AI training site.

Self-check quizzes, course-unit metadata and headers, trainer-only content,
a course index and a report of every cited external link.
"""

from __future__ import annotations

__version__ = "0.1.0"
#: Raise when what the extensions keep on the build environment changes shape,
#: so Sphinx rereads every page instead of loading an incompatible cache.
ENV_VERSION = 3


def setup(app):
    # Imported here so that importing the package costs nothing until Sphinx loads it.
    from .extension import setup_extension

    setup_extension(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
