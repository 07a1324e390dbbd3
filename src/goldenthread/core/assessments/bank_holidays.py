"""Bank holidays in England and Wales, and counting working days around them.

The usual holidays are worked out (Banking and Financial Dealings Act 1971, schedule 1, and the
royal proclamations that move or add days; the list is published at
https://www.gov.uk/bank-holidays):

- New Year's Day, or the next Monday when it falls at a weekend;
- Good Friday and Easter Monday;
- the early May bank holiday, the first Monday in May;
- the spring bank holiday, the last Monday in May;
- the summer bank holiday, the last Monday in August;
- Christmas Day and Boxing Day, moved to the next weekdays when they fall at a weekend.

One-off changes by proclamation are in ``MOVED`` and ``EXTRA``.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from dateutil.easter import easter

MONDAY = 0
SATURDAY = 5
# Proclaimed moves: (year, usual day) -> the day it was held instead.
MOVED: dict[tuple[int, str], dt.date] = {
    (2020, "early_may"): dt.date(2020, 5, 8),  # VE Day 75th anniversary
    (2022, "spring"): dt.date(2022, 6, 2),  # Platinum Jubilee
}
# Proclaimed extra days.
EXTRA: tuple[dt.date, ...] = (
    dt.date(2022, 6, 3),  # Platinum Jubilee
    dt.date(2022, 9, 19),  # State funeral of Queen Elizabeth II
    dt.date(2023, 5, 8),  # Coronation of King Charles III
)


def _first_monday(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 1)
    return day + dt.timedelta(days=(MONDAY - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> dt.date:
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    last = next_month - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - MONDAY) % 7)


def _next_weekday(day: dt.date, taken: set[dt.date]) -> dt.date:
    while day.weekday() >= SATURDAY or day in taken:
        day += dt.timedelta(days=1)
    return day


@cache
def bank_holidays(year: int) -> frozenset[dt.date]:
    """Every bank holiday in England and Wales in ``year``."""
    days: set[dt.date] = {_next_weekday(dt.date(year, 1, 1), set())}
    sunday = easter(year)
    days |= {sunday - dt.timedelta(days=2), sunday + dt.timedelta(days=1)}
    days.add(MOVED.get((year, "early_may"), _first_monday(year, 5)))
    days.add(MOVED.get((year, "spring"), _last_monday(year, 5)))
    days.add(_last_monday(year, 8))
    christmas = _next_weekday(dt.date(year, 12, 25), set())
    days.add(christmas)
    days.add(_next_weekday(dt.date(year, 12, 26), {christmas}))
    days |= {day for day in EXTRA if day.year == year}
    return frozenset(days)


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a bank holiday in England and Wales."""
    return day.weekday() < SATURDAY and day not in bank_holidays(day.year)


def working_days_after(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days after ``start`` (weekends and bank holidays skipped)."""
    day = start
    left = days
    while left > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day
