"""Command-line tools that run on finished output (``python -m sphinx_course.cli.<name>``);
Sphinx never imports them.
"""
