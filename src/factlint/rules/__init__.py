"""The explicit rule registry. A rule is listed here or it does not run."""

from __future__ import annotations

from .base import Diagnostic, Example, Rule
from .dates import DateContradictsFact, ImpossibleDate, UnresolvedRelativeDate, WeekdayMismatch
from .claims import ContradictedClaim, NumberMismatch, UnsupportedClaim
from .names import MisspelledName, WrongTitle
from .quotes import MisattributedQuote, Misquote, UnsupportedQuote

RULES: tuple[Rule, ...] = (
    DateContradictsFact(),
    WeekdayMismatch(),
    ImpossibleDate(),
    UnresolvedRelativeDate(),
    Misquote(),
    MisattributedQuote(),
    UnsupportedQuote(),
    MisspelledName(),
    WrongTitle(),
    ContradictedClaim(),
    NumberMismatch(),
    UnsupportedClaim(),
)
RULES_BY_CODE = {r.code: r for r in RULES}

__all__ = ["RULES", "RULES_BY_CODE", "Diagnostic", "Example", "Rule"]
