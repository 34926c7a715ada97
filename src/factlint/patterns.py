"""Patterns compiled on first use, and the `regex` ones kept compiled between runs.

- `lazy_re(source)` / `lazy_regex(source)`: what a module writes instead of `re.compile` /
  `regex.compile` for its patterns, so importing it compiles nothing and a run compiles only the
  patterns it matches with, from the folder of compiled patterns when it holds them (the `regex`
  ones through `compiled`, the standard library's through `kept_re`, below).
- `Rented(source)`: a big pattern matched at a few places of each text, written in what both
  engines read alike (`common_form`): the kept `regex` form for a process's first texts, the
  standard library's (quicker to match, never kept) after.

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

import os
import pickle
import re
import sys
from collections.abc import Callable
from functools import cache
from typing import Any, cast

import regex

from .atomic import digest, only_mine, write_atomically
from .firstchars import guard_alternatives

_folder: list[str | None] = [None]  # set once by the command line; a cache, not a setting


def keep_compiled_in(folder: str | None) -> None:
    """Keep compiled patterns in `folder` from now on (None: compile in every process)."""
    _folder[0] = folder


class _Lazy:
    """A pattern compiled the first time it is used: a module's patterns cost nothing to import,
    and a run compiles only the ones it matches with. On first use the pattern's methods and
    attributes are copied onto the object, which becomes a `_Compiled` (no `__getattr__`): from
    then on `X.match` is an attribute of the object itself. The object stays the one the module
    holds, so `pattern is X` (a default argument compared with the module's) keeps its meaning."""

    def __init__(self, source: str, flags: int, make: Callable[[str, int], Any]):
        self._source, self._flags, self._make = source, flags, make

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        real = self._make(self._source, self._flags)
        for attr in dir(real):
            if not attr.startswith("_"):
                self.__dict__[attr] = getattr(real, attr)
        self.__class__ = _Compiled  # type: ignore[assignment]
        return getattr(real, name)

    def __reduce__(self) -> tuple:
        return (_Lazy, (self._source, self._flags, self._make))

    def __repr__(self) -> str:
        return f"lazy({self._source!r}, {self._flags})"


class _Compiled:
    """A `_Lazy` once compiled: the pattern's methods are attributes of the object itself."""

    _source: str
    _flags: int
    _make: Callable[[str, int], Any]
    __reduce__ = _Lazy.__reduce__
    __repr__ = _Lazy.__repr__


def lazy_regex(source: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(source, flags)` on first use, kept compiled between runs (`compiled`)."""
    return cast("regex.Pattern[str]", _Lazy(source, flags, compiled))


def lazy_re(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)` on first use, kept compiled between runs (`kept_re`, below; the
    standard library's engine matches small patterns faster than `regex`)."""
    return cast("re.Pattern[str]", _Lazy(source, flags, kept_re))


# The white space of either engine (`str.isspace`, which `re` reads \s by, and Unicode's
# White_Space, `regex`'s): what a pattern of both writes for \s.
SPACE = "\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"


_CLASS_OR_ESCAPE = re.compile(r"\[\^?\]?(?:\\.|[^\]\\])*\]|\\.", re.S)  # a character class whole, or one escape


def common_form(source: str) -> str:
    """`source` with \\s written as `SPACE` and \\w as "not `SPACE`" (looser than either engine's
    \\w: a prefilter may let more through, never less), so `re` and `regex` match it alike."""

    def write(m: re.Match[str]) -> str:
        token = m.group()
        if token[0] == "[":  # a class: \s inside it is the members of SPACE
            inner = _CLASS_OR_ESCAPE.sub(lambda e: _in_class(e.group()), token[1:-1])
            return "[" + inner + "]"
        if token == "\\s":
            return "[" + SPACE + "]"
        if token == "\\w":
            return "[^" + SPACE + "]"
        if token[1] in "bBdDSW":
            raise ValueError(f"{token} has no common form")
        return token

    return _CLASS_OR_ESCAPE.sub(write, source)


def _in_class(token: str) -> str:
    if token == "\\s":
        return SPACE
    if token[0] == "\\" and token[1] in "wbBdDSW":
        raise ValueError(f"{token} inside a character class has no common form")
    return token


class Rented:
    """A big pattern matched at a few places of each text, written in what `re` and `regex` read
    alike (no \\s, \\w or \\b: explicit classes), so the two engines' compiled forms match the
    same. `re` matches such a pattern about three times faster, but compiling it costs a sixth of a
    one-article run and cannot be kept between runs; `regex`'s form loads from the folder of
    compiled patterns in under a millisecond. So the first texts of a process (`rent_for` of them)
    use the kept `regex` form and later ones `re`'s, compiled when the texts already read would
    have paid for it (the ski-rental rule: never more than twice the cost of the better choice made
    in hindsight). Without a folder of compiled patterns `re`'s form is used from the start. The
    choice changes the speed, never a match."""

    def __init__(self, source: str, rent_for: int):
        self.source = source
        self.rent_for = rent_for
        self._texts = 0
        self._bought: re.Pattern[str] | None = None

    def for_text(self) -> "re.Pattern[str] | regex.Pattern[str]":
        """The form to match one more text with."""
        if self._bought is None:
            self._texts += 1
            if self._texts <= self.rent_for and _folder[0] is not None:
                return compiled(self.source)
            self._bought = re.compile(self.source)
        return self._bought


class _RegexOnly(pickle.Unpickler):
    """Unpickles `regex` patterns and nothing else."""

    def find_class(self, module: str, name: str) -> object:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a regex pattern: {module}.{name}")


def _entry(folder: str, source: str, flags: int, kind: str = "") -> str:
    h = digest(16)
    for part in (regex.__version__, sys.version, str(flags), kind, source):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return os.path.join(folder, f"pattern-{h.hexdigest()[:32]}.pickle")


@cache
def _guard_kind() -> str | None:
    """What a guarded entry is keyed by besides its source: the guarding code itself (a change to
    `firstchars` makes new entries), or None when that code cannot be read (nothing is kept)."""
    from . import firstchars

    try:
        with open(firstchars.__file__, "rb") as fh:
            h = digest(8)
            h.update(fh.read())
            return "guarded-" + h.hexdigest()
    except (OSError, TypeError):
        return None


@cache
def compiled(source: str, flags: int = 0, *, guarded: bool = False) -> regex.Pattern[str]:
    """`regex.compile(source, flags)`, from the folder of compiled patterns when it holds it.
    `guarded`: compile `firstchars.guard_alternatives(source, flags)` instead (the same matches,
    quicker to fail), kept under `source`, so a process that loads it does not read the pattern
    again (an entry holds the source it was made from and the pattern)."""

    def make() -> regex.Pattern[str]:
        return regex.compile(guard_alternatives(source, flags) if guarded else source, flags)

    folder = _folder[0]
    kind = _guard_kind() if guarded else ""
    if folder is None or kind is None:
        return make()
    entry = _entry(folder, source, flags, kind)
    try:
        if not only_mine(folder):  # another user's folder, or one others can write to: compile, keep nothing
            return make()
    except OSError:
        pass  # no folder yet: it is made below
    try:
        with open(entry, "rb") as fh:
            kept = _RegexOnly(fh).load()
        made_from, pattern = kept if guarded and isinstance(kept, tuple) and len(kept) == 2 else (None, kept)
        if (isinstance(pattern, regex.Pattern) and (made_from == source if guarded else pattern.pattern == source)
                and pattern.flags & flags == flags):
            return pattern
    except Exception:  # missing, truncated, foreign or refused: compile it afresh
        pass
    pattern = make()
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        kept = (source, pattern) if guarded else pattern
        write_atomically(entry, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL), 0o600)
    except (OSError, pickle.PicklingError):
        pass  # a folder that cannot be written: this process compiled it, the next one will too
    return pattern


# Standard-library patterns kept compiled between runs, too. `re` cannot pickle a compiled pattern,
# but what it compiles a source into is data: the flags, the engine's code (a list of integers) and
# the group tables, which `_sre.compile` turns into the pattern (checking the code as it does for
# `re.compile`). `kept_re(source, flags)` writes them to the folder of compiled patterns (one
# entry a pattern, keyed by the source, the flags and the Python and engine versions that made
# them) and later processes build the pattern from them, skipping the parsing and code generation
# that are nearly all of compiling: a one-article run compiles dozens of small patterns. The
# pattern is the same either way; without a folder, or with an entry missing, foreign or damaged,
# it is `re.compile`'s. Read and written with the same precautions as the `regex` entries above.
# `lazy_re(source)` compiles through `kept_re` on first use.


def _re_parts(source: str, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:
    """What `re` compiles `source` into, as `_sre.compile` takes it (`re._compiler.compile`'s steps)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(source, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # plain integers (the opcodes are named ones)
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup)


def _re_entry(folder: str, source: str, flags: int) -> str:
    import _sre  # type: ignore[import-not-found]  # the engine behind `re`

    h = digest(16)
    for part in ("re", sys.version, str(_sre.MAGIC), str(flags), source):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return os.path.join(folder, f"re-{h.hexdigest()[:32]}.marshal")


@cache
def kept_re(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, built from the folder of compiled patterns when it holds it."""
    import _sre
    import marshal

    flags = int(flags)
    folder = _folder[0]
    if folder is None or flags & re.DEBUG:
        return re.compile(source, flags)
    entry = _re_entry(folder, source, flags)
    try:
        if not only_mine(folder):  # another user's folder, or one others can write to: compile, keep nothing
            return re.compile(source, flags)
    except OSError:
        pass  # no folder yet: it is made below
    try:
        with open(entry, "rb") as fh:
            kept_source, parts = marshal.loads(fh.read())
        if kept_source == source:
            return _sre.compile(source, *parts)
    except Exception:  # missing, truncated, foreign or refused by the engine: compile it afresh
        pass
    try:
        parts = _re_parts(source, flags)
        pattern = _sre.compile(source, *parts)
    except Exception:  # a Python whose `re` is built otherwise: its own compile, nothing kept
        return re.compile(source, flags)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        write_atomically(entry, marshal.dumps((source, parts)), 0o600)
    except (OSError, ValueError):
        pass  # a folder that cannot be written: this process compiled it, the next one will too
    return pattern
