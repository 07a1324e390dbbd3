"""Annual-review decisions within 4 weeks (reg 20(10); CoP 9.176): the edges of the rule, which
reviews count, terms at their edges, and disclosure control on every figure."""

import datetime as dt

from goldenthread.core import calendar as cal
from goldenthread.core.insights import DisclosurePolicy
from goldenthread.core.returns.sen2 import AnnualReview
from goldenthread.core.reviews.decision_timeliness import (
    DecisionRow,
    counts_on,
    decided_within_4_weeks,
    decision_due,
    decision_lines,
    term_of,
)

D = dt.date
POLICY = DisclosurePolicy()


def test_day_28_is_on_time_and_day_29_is_late():
    meeting = D(2027, 3, 1)
    assert decision_due(meeting) == D(2027, 3, 29)
    assert decided_within_4_weeks(meeting, D(2027, 3, 29))
    assert not decided_within_4_weeks(meeting, D(2027, 3, 30))
    assert decided_within_4_weeks(meeting, meeting)  # decided at the meeting
    assert not decided_within_4_weeks(meeting, None)


def test_calendar_days_not_working_days():
    # Good Friday and Easter Monday 2027 fall inside; the deadline does not move for them.
    assert decision_due(D(2027, 3, 15)) == D(2027, 4, 12)
    # Nor off a weekend: a Saturday deadline stays a Saturday.
    assert decision_due(D(2027, 3, 6)).weekday() == 5


def test_leap_year_and_year_end():
    assert decision_due(D(2028, 2, 10)) == D(2028, 3, 9)  # over 29 February
    assert decision_due(D(2027, 2, 10)) == D(2027, 3, 10)
    assert decision_due(D(2027, 12, 15)) == D(2028, 1, 12)


def test_agrees_with_the_sen2_item():
    meeting = D(2027, 1, 31)
    for days in (0, 27, 28, 29, 60):
        decided = meeting + dt.timedelta(days=days)
        review = AnnualReview(meeting_date=meeting, outcome="M", decision_date=decided)
        assert review.decided_within_four_weeks == decided_within_4_weeks(meeting, decided)


def test_undecided_counts_only_once_its_4_weeks_are_over():
    meeting = D(2027, 3, 1)
    assert not counts_on(meeting, None, D(2027, 3, 29))
    assert counts_on(meeting, None, D(2027, 3, 30))
    assert counts_on(meeting, D(2027, 3, 5), D(2027, 3, 5))


def test_terms_turn_at_their_ends_and_on_1_september():
    assert term_of(D(2027, 8, 31)) == (2026, cal.Term.SUMMER)
    assert term_of(D(2027, 9, 1)) == (2027, cal.Term.AUTUMN)
    autumn_end = cal.DEFAULT_TERMS.term_end(2027, cal.Term.AUTUMN)
    assert term_of(autumn_end) == (2027, cal.Term.AUTUMN)
    assert term_of(autumn_end + dt.timedelta(days=1)) == (2027, cal.Term.SPRING)
    spring_end = cal.DEFAULT_TERMS.term_end(2027, cal.Term.SPRING)
    assert term_of(spring_end) == (2027, cal.Term.SPRING)
    assert term_of(spring_end + dt.timedelta(days=1)) == (2027, cal.Term.SUMMER)


def _rows(n, meeting, decided, group="Area"):
    return [DecisionRow(meeting, decided, group) for _ in range(n)]


def test_shares_by_term_newest_first():
    today = D(2028, 6, 1)
    rows = (
        _rows(30, D(2027, 10, 4), D(2027, 10, 20))  # autumn, on time
        + _rows(10, D(2027, 10, 4), D(2027, 11, 30))  # autumn, late
        + _rows(10, D(2027, 10, 4), None)  # autumn, never decided: late
        + _rows(20, D(2028, 1, 10), D(2028, 2, 7))  # spring, on the 28th day
        + _rows(20, D(2028, 1, 10), D(2028, 2, 8))  # spring, the 29th day
        + _rows(5, D(2028, 5, 20), None)  # summer, still inside its 4 weeks: not yet counted
    )
    lines = decision_lines(rows, POLICY, today=today)
    assert [line.term for line in lines] == ["Spring 2027/28", "Autumn 2027/28"]
    spring, autumn = lines
    assert spring.reviews.text == "40"
    assert spring.within.text == "50.0"
    assert autumn.reviews.text == "50"
    assert autumn.within.text == "60.0"
    assert autumn.undecided.text == "10"


def test_small_numbers_are_withheld():
    today = D(2028, 6, 1)
    lines = decision_lines(_rows(3, D(2027, 10, 4), D(2027, 10, 5), "Small"), POLICY, today=today)
    (line,) = lines
    assert line.reviews.text == "c"
    assert line.within.text == "c"
    # 39 of 40 on time would show one late decision: the share is withheld.
    rows = _rows(39, D(2027, 10, 4), D(2027, 10, 5)) + _rows(1, D(2027, 10, 4), None)
    (line,) = decision_lines(rows, POLICY, today=today)
    assert line.within.text == "c"
    assert line.undecided.text == "c"
