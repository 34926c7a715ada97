"""The calendar arithmetic of factlint.interval, held to the standard library's calendar and to
dateutil's relativedelta (what the runtime used before it kept its own four lines)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from factlint.interval import add_months, days_in_month, is_leap, month_end, month_name


@given(st.integers(1, 9999), st.integers(1, 12))
def test_days_in_month_and_leap_years_are_the_calendar_s(year, month):
    assert days_in_month(year, month) == calendar.monthrange(year, month)[1]
    assert is_leap(year) == calendar.isleap(year)
    assert month_name(month) == calendar.month_name[month]


@given(st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 31)), st.integers(-12, 12))
def test_adding_months_counts_as_relativedelta_does(day, months):
    assert add_months(day, months) == day + relativedelta(months=months)


@given(st.dates(min_value=date(2, 1, 1), max_value=date(9998, 1, 1)).map(lambda d: d.replace(day=1)), st.integers(1, 12))
def test_the_end_of_months_from_a_first_day_is_the_day_before_the_next_first(first, months):
    assert month_end(first, months) == first + relativedelta(months=months) - timedelta(days=1)
    assert month_end(first, months).day == days_in_month(month_end(first, months).year, month_end(first, months).month)


def test_the_edges_of_the_calendar_and_of_february():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29) and add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2024, 2, 29), -12) == date(2023, 2, 28) and add_months(date(2000, 3, 31), -1) == date(2000, 2, 29)
    assert add_months(date(2023, 12, 15), 1) == date(2024, 1, 15) and add_months(date(2024, 1, 15), -1) == date(2023, 12, 15)
    assert days_in_month(1900, 2) == 28 and days_in_month(2000, 2) == 29
