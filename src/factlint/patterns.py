"""The few big patterns, compiled once per process on first use, and kept compiled between runs.

Compiling the date grammar costs about 25 ms of a one-article run's ~130 ms; the `regex` package
pickles a pattern's compiled code, and loading that costs under 1 ms. So a big pattern is asked
for by its source (`compiled(source, flags)`): the first call in a process compiles it, or loads
it from the folder the run keeps compiled patterns in, when the entry there was written from the
same source, flags, `regex` version and Python.

The folder is the command line's to choose (`keep_compiled_in`, called once before any linting:
the user's cache folder, `--cache-dir`, or none); below it, nothing reads the environment. The
pattern is the same either way: a missing, foreign or damaged entry is compiled afresh and
written again, never an error. An entry is read only from a folder no one else can write to, with
an unpickler that builds nothing but `regex` patterns (a pickle that asks for anything else is
refused); it is written atomically, mode 0600, in a folder made with mode 0700.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from functools import cache

import regex

from .atomic import write_atomically

_folder: list[str | None] = [None]  # set once by the command line; a cache, not a setting


def keep_compiled_in(folder: str | None) -> None:
    """Keep compiled patterns in `folder` from now on (None: compile in every process)."""
    _folder[0] = folder


class _RegexOnly(pickle.Unpickler):
    """Unpickles `regex` patterns and nothing else."""

    def find_class(self, module: str, name: str) -> object:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a regex pattern: {module}.{name}")


def _entry(folder: str, source: str, flags: int) -> str:
    h = hashlib.sha256()
    for part in (regex.__version__, sys.version, str(flags), source):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return os.path.join(folder, f"pattern-{h.hexdigest()[:32]}.pickle")


def _own(folder: str) -> bool:
    """Whether only this user can write to `folder` (a compiled pattern is code the engine runs)."""
    st = os.stat(folder)
    getuid = getattr(os, "getuid", None)
    return getuid is None or (st.st_uid == getuid() and not st.st_mode & 0o022)


@cache
def compiled(source: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(source, flags)`, from the folder of compiled patterns when it holds it."""
    folder = _folder[0]
    if folder is None:
        return regex.compile(source, flags)
    entry = _entry(folder, source, flags)
    try:
        if not _own(folder):
            raise PermissionError(folder)  # another user's folder, or one others can write to: compile
        with open(entry, "rb") as fh:
            pattern = _RegexOnly(fh).load()
        if isinstance(pattern, regex.Pattern) and pattern.pattern == source and pattern.flags & flags == flags:
            return pattern
    except Exception:  # missing, truncated, foreign or refused: compile it afresh
        pass
    pattern = regex.compile(source, flags)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        write_atomically(entry, pickle.dumps(pattern, protocol=pickle.HIGHEST_PROTOCOL), 0o600)
    except (OSError, pickle.PicklingError):
        pass  # a folder that cannot be written: this process compiled it, the next one will too
    return pattern
