"""Patterns compiled on first use: a run that reads no Markdown never pays for the Markdown ones,
and one that finds no rare construction never pays for its pattern."""

from __future__ import annotations

import regex


class LazyPattern:
    """A pattern compiled by `engine` (`regex`, or the standard library's `re`) on first use."""

    __slots__ = ("_source", "_flags", "_compiled", "_engine")

    def __init__(self, source: str, flags: int = 0, engine=regex):
        self._source = source
        self._flags = flags
        self._engine = engine
        self._compiled = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = self._engine.compile(self._source, self._flags)
        return getattr(self._compiled, name)
