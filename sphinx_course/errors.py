"""The error authors see when their input cannot be published."""

from __future__ import annotations


class AuthoringError(ValueError):
    """Bad authoring input, reported to the author with a location and a fix.

    ``line`` is relative to the start of the source file when known.
    """

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
