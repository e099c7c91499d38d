"""Parley's errors, one base for callers to catch.

ParleyError
├── InputError      a document cannot be read: missing, empty, binary, undecodable, malformed
├── DataFileError   a knowledge file (actors, patterns, places) has a bad entry
├── ModelNotFound   the spaCy pipeline named by PARLEY_MODEL is not installed
└── StoreError      the event store cannot be opened or written
"""

from __future__ import annotations


class ParleyError(Exception):
    """Base of every error Parley raises on purpose; the message is for the user."""


class InputError(ParleyError):
    """Raised when an input document cannot be read; names the input and the problem."""


class DataFileError(ParleyError):
    """Raised when a data file has problems; lists each as `path:line: what is wrong`."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path}:{p}" for p in problems))


class ModelNotFound(ParleyError):
    """Raised when the spaCy pipeline cannot be loaded."""


class StoreError(ParleyError):
    """Raised when the event store cannot be opened, upgraded or written."""
