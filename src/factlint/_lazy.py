"""Patterns compiled on first use: a run that reads no Markdown never pays for the Markdown ones."""

from __future__ import annotations

import regex


class LazyPattern:
    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0):
        self._source = source
        self._flags = flags
        self._compiled = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = regex.compile(self._source, self._flags)
        return getattr(self._compiled, name)
