"""What one run has worked out and may meet again: bounded tables, kept apart from the compiled facts.

The same quote, the same capitalized word, comes back in article after article of one story, so
the readings are remembered for the run. They belong to the run, not to the facts: the compiled
facts stay a value (what `--cache-dir` stores), and each `Linter` brings a `Memo` of its own.
"""

from __future__ import annotations

from typing import Any, TypeVar

V = TypeVar("V")


class Table(dict):
    """A dict that stops growing at `limit` entries, so memory stays flat on any corpus."""

    __slots__ = ("limit",)

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def remember(self, key: Any, value: V) -> V:
        """`value`, kept under `key` while the table has room."""
        if len(self) < self.limit:
            self[key] = value
        return value


class Memo:
    """The tables of one run: quote readings, and the name checks' folds, nearest words and verdicts."""

    __slots__ = ("quote_readings", "name_folds", "name_closest", "name_suspects")

    def __init__(self) -> None:
        self.quote_readings: Table = Table(20_000)
        self.name_folds: Table = Table(200_000)
        self.name_closest: Table = Table(200_000)
        self.name_suspects: Table = Table(200_000)


__all__ = ["Memo", "Table"]
