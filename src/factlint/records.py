"""`dataclass`, with the methods it writes compiled once, not once per process.

`dataclasses.dataclass` writes each class's `__init__`, `__repr__`, `__eq__`, `__hash__` and, for a
frozen class, `__setattr__` and `__delattr__` as source text and compiles it when the class is
defined: for factlint's hundred classes, over a quarter of a one-article run. This `dataclass` is
the standard one (same arguments, same classes, same `fields`, `replace` and `FrozenInstanceError`;
type checkers see the standard one); only the compiling of that text goes through a table of code
objects keyed by the text itself, which `keep_compiled` saves where Python keeps the package's
bytecode (`__pycache__`, or under `PYTHONPYCACHEPREFIX`; one file per bytecode version) and the
next process reads back. A text not in the table is compiled as before; a table that cannot be
read is ignored. As with bytecode, nothing is written where Python writes none
(`PYTHONDONTWRITEBYTECODE`, `-B`); a table in a folder others than the user and the
administrator can write to is neither read nor written. Keyed by the whole text, an entry can
never stand for other code.
"""

from __future__ import annotations

import dataclasses
import marshal
import os
import sys
import threading
from typing import TYPE_CHECKING, Any

_MAGIC = b"factlint-records-2\n"
_compiled: dict[str, Any] = {}  # source text -> code object; a cache, not a setting
_used: set[str] = set()  # the texts this process compiled or looked up: what the saved table holds
_fresh: list[bool] = [False]  # whether a text was compiled here that the table lacked
_patching = threading.RLock()  # re-entered when decorating runs a class body's code that decorates


def _table_path() -> str | None:
    """Where Python keeps this package's bytecode: its `__pycache__`, or under `sys.pycache_prefix`."""
    tag = sys.implementation.cache_tag
    if tag is None:  # pragma: no cover - an implementation without bytecode caching
        return None
    here = os.path.dirname(os.path.abspath(__file__))
    name = f"records.{tag}.table"
    if sys.pycache_prefix:
        return os.path.join(sys.pycache_prefix, os.path.splitdrive(here)[1].lstrip(os.sep), name)
    return os.path.join(here, "__pycache__", name)


def _bytecode_version() -> bytes:
    from importlib.util import MAGIC_NUMBER

    return MAGIC_NUMBER


def _trusted(st: os.stat_result) -> bool:
    """Whether only this user or the administrator can write to the folder or file `st` is of (a
    package installed for everyone keeps its bytecode in a folder the administrator owns)."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or (st.st_uid in (getuid(), 0) and not st.st_mode & 0o022)


def load_table(path: str | None) -> dict[str, Any]:
    """The table saved at `path`: {} when there is none, it is unreadable or stale, or the folder
    is one others than this user and the administrator can write to (the table is code this
    process would run). Read, like bytecode, even where none is written."""
    if path is None:
        return {}
    try:
        if not _trusted(os.stat(os.path.dirname(path))):
            return {}
        with open(path, "rb") as handle:
            if not _trusted(os.fstat(handle.fileno())):
                return {}
            data = handle.read()
        head = _MAGIC + _bytecode_version()
        if not data.startswith(head):
            return {}
        table = marshal.loads(data[len(head) :])
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(table, dict):
        return {}
    return {text: code for text, code in table.items() if isinstance(text, str) and hasattr(code, "co_code")}


_compiled.update(load_table(_table_path()))


def _exec(source: Any, *args: Any, **kwargs: Any) -> None:
    """What `dataclasses` calls in place of `exec`: the same, with the compiling looked up. The
    text is compiled as `exec` would compile it, inheriting no `from __future__` of this module
    (`annotations` would turn the generated methods' annotations into strings)."""
    if isinstance(source, str):
        code = _compiled.get(source)
        if code is None:
            code = _compiled[source] = compile(source, "<string>", "exec", dont_inherit=True)
            _fresh[0] = True
        _used.add(source)
        source = code
    exec(source, *args, **kwargs)


if TYPE_CHECKING:  # type checkers know the standard decorator; this one makes the same classes
    from dataclasses import dataclass
else:

    def dataclass(cls: Any = None, /, **options: Any) -> Any:
        """`dataclasses.dataclass(cls, **options)`, its generated methods compiled through the table."""

        def wrap(cls: Any) -> Any:
            with _patching:  # one class at a time; the module is left as it was found
                had = "exec" in vars(dataclasses)
                previous = vars(dataclasses).get("exec")
                dataclasses.exec = _exec  # type: ignore[attr-defined]  # found before the builtin
                try:
                    return dataclasses.dataclass(cls, **options)
                finally:
                    if had:
                        dataclasses.exec = previous  # type: ignore[attr-defined]
                    else:
                        del dataclasses.exec  # type: ignore[attr-defined]

        return wrap if cls is None else wrap(cls)


def keep_compiled(path: str | None = None) -> bool:
    """Save the table (to `path`, else beside the package's bytecode) for the next process when
    this one compiled a text the table lacked; whether it was written. The table read is kept
    with what this process added (commands that define different classes do not undo each other's
    entries) while it holds at most twice what this process used; past that (old versions'
    classes) only what this process used. Never raises: a table that cannot be written only costs
    the next process time."""
    path = path or _table_path()
    if not _fresh[0] or path is None or sys.dont_write_bytecode:
        return False
    folder = os.path.dirname(path)
    try:
        from .atomic import write_atomically

        os.makedirs(folder, exist_ok=True)
        if not _trusted(os.stat(folder)):
            return False
        keep = _compiled if len(_compiled) <= 2 * len(_used) else {text: _compiled[text] for text in _used}
        write_atomically(path, _MAGIC + _bytecode_version() + marshal.dumps(dict(keep)), 0o644)
    except (OSError, ValueError):
        return False
    _fresh[0] = False
    return True
