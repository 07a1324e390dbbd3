"""Timeliness figures: the 20-week measure, school years at 31 August / 1 September, and
disclosure control on every figure."""

import datetime as dt

from goldenthread.core.assessments.timeliness import (
    AdviceRow,
    IssuedRow,
    advice_lines,
    school_year_label,
    timeliness_lines,
    within_20_weeks,
)
from goldenthread.core.insights import DisclosurePolicy

D = dt.date
POLICY = DisclosurePolicy()


def test_within_20_weeks_is_140_days_inclusive():
    assert within_20_weeks(D(2027, 1, 4), D(2027, 5, 24))
    assert not within_20_weeks(D(2027, 1, 4), D(2027, 5, 25))
    assert within_20_weeks(D(2027, 10, 11), D(2028, 2, 28))  # over a leap day
    assert not within_20_weeks(D(2027, 10, 11), D(2028, 2, 29))


def test_school_years_turn_on_1_september():
    assert school_year_label(D(2027, 8, 31)) == "2026/27"
    assert school_year_label(D(2027, 9, 1)) == "2027/28"


def _rows(n, *, received, issued, exceptions=False, group="Area"):
    return [IssuedRow(received, issued, exceptions, group) for _ in range(n)]


def test_shares_with_and_without_exceptions():
    rows = (
        _rows(20, received=D(2027, 1, 4), issued=D(2027, 5, 12))  # week 19
        + _rows(10, received=D(2027, 1, 4), issued=D(2027, 6, 30))  # late, no exception
        + _rows(10, received=D(2027, 1, 4), issued=D(2027, 6, 30), exceptions=True)
    )
    (line,) = timeliness_lines(rows, POLICY)
    assert line.year == "2026/27"
    assert line.issued.text == "40"
    assert line.within.text == "50.0"
    assert line.within_without_exceptions.text == "66.7"
    assert line.average_weeks == str(round((20 * 128 + 20 * 177) / 40 / 7, 1))


def test_small_groups_are_withheld():
    rows = _rows(3, received=D(2027, 1, 4), issued=D(2027, 5, 12), group="Small team")
    (line,) = timeliness_lines(rows, POLICY)
    assert line.issued.text == "c"
    assert line.within.text == "c"
    assert line.average_weeks == "c"
    # 29 of 30 on time would show that one child was late: withheld too.
    rows = _rows(29, received=D(2027, 1, 4), issued=D(2027, 5, 12)) + _rows(
        1, received=D(2027, 1, 4), issued=D(2027, 7, 1)
    )
    (line,) = timeliness_lines(rows, POLICY)
    assert line.issued.text == "30"
    assert line.within.text == "c"


def test_advice_on_time_by_service_and_year():
    rows = [AdviceRow(D(2027, 3, 1), D(2027, 2, 20), "Health") for _ in range(15)]
    rows += [AdviceRow(D(2027, 3, 1), D(2027, 3, 2), "Health") for _ in range(15)]
    rows += [AdviceRow(D(2027, 3, 1), None, "Health") for _ in range(10)]
    (line,) = advice_lines(rows, POLICY)
    assert (line.group, line.year, line.asked.text, line.on_time.text) == (
        "Health",
        "2026/27",
        "40",
        "37.5",
    )
