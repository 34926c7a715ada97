"""Day intervals: the one notion of "when" that facts, dates and rules share (the ground floor)."""

from __future__ import annotations

from datetime import date, timedelta

from .records import dataclass

# Granularities from finest to coarsest.
GRANULARITY_ORDER = ("day", "week", "month", "season", "quarter", "half", "year", "decade")


@dataclass(frozen=True)
class Interval:
    """A closed range of days, and the granularity it was stated at."""

    first: date
    last: date
    granularity: str

    def overlaps(self, other: "Interval") -> bool:
        return self.first <= other.last and other.first <= self.last

    def __str__(self) -> str:
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()}..{self.last.isoformat()}"


def is_leap(year: int) -> bool:
    """Whether `year` of the Gregorian calendar has a February 29."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """How many days `month` (1-12) of `year` has."""
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def month_name(month: int) -> str:
    """The name of `month` (1-12) as `calendar.month_name` gives it, without importing `calendar`."""
    return date(2001, month, 1).strftime("%B")


def add_months(day: date, months: int) -> date:
    """`day` moved by `months` months (back when negative), kept in its month's last day when the
    new month is shorter: Jan 31 + 1 month is Feb 28 (or 29), as dateutil's relativedelta counts."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def month_end(first: date, months: int) -> date:
    """The last day of the `months` months that begin on `first`."""
    return add_months(first, months) - timedelta(days=1)


__all__ = ["GRANULARITY_ORDER", "Interval", "add_months", "days_in_month", "is_leap", "month_end", "month_name"]
