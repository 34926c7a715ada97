"""The explicit rule registry. A rule is listed here or it does not run."""

from __future__ import annotations

from .base import Diagnostic, Example, Rule
from .dates import DateContradictsFact, ImpossibleDate, UnresolvedRelativeDate, WeekdayMismatch
from .claims import ContradictedClaim, NumberMismatch, UnsupportedClaim
from .names import MisspelledName, UnjudgedTitle, WrongTitle
from .sources import SourcesDisagree
from .quotes import MisattributedQuote, Misquote, UnsupportedQuote
from .suppressions import InvalidSuppression, UnusedSuppression

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
    UnjudgedTitle(),
    ContradictedClaim(),
    NumberMismatch(),
    UnsupportedClaim(),
)
# Rules whose findings are made at the decision point (factlint.suppress), not from an analysis.
DECISION_RULES: tuple[Rule, ...] = (UnusedSuppression(), InvalidSuppression())
# Rules of the story stage (factlint.story): the articles of one run compared with each other.
STORY_RULES: tuple[Rule, ...] = (SourcesDisagree(),)
ALL_RULES: tuple[Rule, ...] = DECISION_RULES + RULES + STORY_RULES
RULES_BY_CODE = {r.code: r for r in ALL_RULES}

__all__ = ["ALL_RULES", "DECISION_RULES", "RULES", "RULES_BY_CODE", "STORY_RULES", "Diagnostic", "Example", "Rule"]
