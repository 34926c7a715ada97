"""One article's text view and date expressions, read once for every stage that needs them.

Inferring an article's reference date (`reference.infer_reference`) reads its text view and its
date expressions, and the analysis (`analysis.analyse`) reads the same ones again. A `TextViews`,
made for one article and handed to both, makes each once: `prose(text, wrapped)` is `Prose.of`,
`dates(prose, day_first)` is `find_dates`, each remembered for the last text it was asked about.
What they return is what the functions return; only the second computing is saved.
"""

from __future__ import annotations

from .extract.dates import DateExpr, find_dates
from .prose import Prose


class TextViews:
    """The text views and date expressions of one article (see the module); made per article."""

    __slots__ = ("_prose", "_dates")

    def __init__(self) -> None:
        self._prose: dict[bool, Prose] = {}
        self._dates: dict[bool, tuple[Prose, list[DateExpr]]] = {}

    def prose(self, text: str, *, wrapped: bool = False) -> Prose:
        """`Prose.of(text, wrapped=wrapped)`, made once for the article's text."""
        got = self._prose.get(wrapped)
        if got is not None and (got.text is text or got.text == text):
            return got
        got = self._prose[wrapped] = Prose.of(text, wrapped=wrapped)
        return got

    def dates(self, prose: Prose, *, day_first: bool = False) -> list[DateExpr]:
        """`find_dates(prose, day_first=day_first)`, found once for the text view (a new list each
        time: callers may keep or change theirs)."""
        got = self._dates.get(day_first)
        if got is None or got[0] is not prose:
            got = self._dates[day_first] = (prose, find_dates(prose, day_first=day_first))
        return list(got[1])


__all__ = ["TextViews"]
