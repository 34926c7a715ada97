"""Values in the words an editor reads: dates as dates ("27 July 2023", "30 February (no such
day)", "March 2023", "the 1990s"), never TIMEX3 codes such as XXXX-02-30 (those are for
`factlint dates`). Pure functions over strings; no factlint imports."""

from __future__ import annotations

import re
from .interval import days_in_month
from .patterns import lazy_re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth"}

# A TIMEX3 / ISO date value inside a string: 2023-07-27, XXXX-08-31, 2023-05, 2023-W35, 2023-Q3,
# 2023-SU, each optionally followed by the interval factlint adds in brackets ("(2023-05-01..2023-05-31)").
_VALUE = lazy_re(
    r"(?<![\w-])(?P<year>\d{4}|XXXX)-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{2})|Q(?P<quarter>[1-4])"
    r"|H(?P<half>[12])|(?P<season>SP|SU|FA|WI))(?![\w-])(?: \(\d{4}-\d{2}-\d{2}(?:\.\.\d{4}-\d{2}-\d{2})?\))?"
)
_RANGE = lazy_re(r"(?<=\d)\.\.(?=\d)")  # "27 July 2023..29 July 2023": a range of dates
_DECADE = lazy_re(r"(?<![\w-])(?P<decade>\d{3})(?![\w-])")


def spoken_date(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """A date in words, day first: "27 July 2023", "July 2023", "31 August (year unknown)";
    a day the month never has is said so: "30 February (no such day)"."""
    when = str(year) if year is not None else ""
    if month is None:
        return when or "an unknown year"
    name = MONTHS[month - 1]
    if day is None:
        return f"{name} {when}".strip() if year is not None else f"{name} (year unknown)"
    last = days_in_month(year if year is not None else 2000, month)  # 2000: a leap year
    text = f"{day} {name}" + (f" {year}" if year is not None else "")
    if day > last:
        return text + " (no such day)"
    return text if year is not None else text + " (year unknown)"


def _value(m: re.Match) -> str:
    year = None if m["year"] == "XXXX" else int(m["year"])
    if m["month"]:
        month = int(m["month"])
        if not 1 <= month <= 12:
            return m.group()
        return spoken_date(year, month, int(m["day"]) if m["day"] else None)
    of = f"of {year}" if year is not None else "(year unknown)"
    if m["week"]:
        return f"week {int(m['week'])} {of}"
    if m["quarter"]:
        return f"the {_ORDINALS[int(m['quarter'])]} quarter {of}"
    if m["half"]:
        return f"the {_ORDINALS[int(m['half'])]} half {of}"
    return f"{_SEASONS[m['season']]} {year}" if year is not None else f"{_SEASONS[m['season']]} (year unknown)"


def in_words(text: str) -> str:
    """`text` with every date value in it written in words ("expected Wednesday 2023-08-30" ->
    "expected Wednesday 30 August 2023"); the rest as it is."""
    if "-" not in text:
        return text
    spoken = _VALUE.sub(_value, text)
    return _RANGE.sub(" to ", spoken) if ".." in spoken else spoken


def value_in_words(value: str) -> str:
    """One date value (as a finding's `expected` or `found` holds it) in words; a bare TIMEX3
    decade ("199") is "the 1990s"; anything that is no date value comes back as it is."""
    m = _DECADE.fullmatch(value)
    if m:
        return f"the {value}0s"
    return in_words(value)


__all__ = ["MONTHS", "in_words", "spoken_date", "value_in_words"]
