"""Exceptions that the CLI turns into one clear line on stderr."""
from __future__ import annotations


class EndorsegraphError(Exception):
    """Base class: an error the user can act on, shown without a traceback."""


class SchemaError(EndorsegraphError):
    """A write that the schema does not allow."""


class InputError(EndorsegraphError):
    """A problem with one input file (and, where known, one line of it)."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path, self.reason, self.line = str(path), reason, line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class GraphFileError(EndorsegraphError):
    """A graph file that cannot be read or written."""
