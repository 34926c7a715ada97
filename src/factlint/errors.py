"""Errors factlint reports to its user.

    FactlintError                 anything the user can act on; never shown as a traceback
     +-- FactsError               facts.yaml is malformed; carries every problem found, at once
     +-- ConfigError              [tool.factlint] / factlint.toml / command-line settings are wrong
     +-- InputError               an article cannot be read (encoding, binary, missing, too large)

    FileError                     what a run reports of an article it could not read: a plain
                                  record (not an exception), so it crosses process boundaries

Each carries a message that says what was expected and what was found, and, where a location is
known, the path, line and column it points at (1-based).
"""

from __future__ import annotations

from .records import dataclass


class FactlintError(Exception):
    """Base class: an error the CLI prints as a message with exit status 2."""


@dataclass(frozen=True)
class Problem:
    """One located problem in a file the user wrote (facts.yaml, a config file)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class FactsError(FactlintError):
    """facts.yaml could not be loaded; `problems` lists every problem, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.col, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class ConfigError(FactlintError):
    """A configuration value (file or command line) is not valid."""


@dataclass(frozen=True)
class FileError:
    """An article that could not be read or linted, as a report holds it: where, and why.

    A plain frozen record, so a worker process hands it back as it is (`--jobs`); `str()` is the
    message the command line prints."""

    path: str
    detail: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.detail}"


class InputError(FactlintError):
    """An article could not be read; other files are still linted."""

    def __init__(self, path: str, message: str, line: int = 1, col: int = 1):
        self.path = path
        self.line = line
        self.col = col
        self.detail = message
        super().__init__(f"{path}:{line}:{col}: {message}")

    def __reduce__(self):
        # pickled with the arguments it was made from (the default would call it with the message alone)
        return (type(self), (self.path, self.detail, self.line, self.col))

    @property
    def record(self) -> FileError:
        """The error as a report keeps it."""
        return FileError(self.path, self.detail, self.line, self.col)
