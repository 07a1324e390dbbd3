"""Review deadlines at their edges. Every date is a calendar date; weekdays are noted where they
matter."""

import datetime as dt
from dataclasses import replace

import pytest

from goldenthread.core.reviews import (
    DEADLINE_RULES,
    REVIEW_INTERVALS,
    DeadlineKind,
    DeadlineState,
    MeetingFacts,
    Period,
    PhaseTransfer,
    PlanFacts,
    PlanStatus,
    amended_plan_due,
    annual_review_due,
    covers_preparing_for_adulthood,
    deadline_status,
    deadlines_for_plan,
    la_decision_due,
    meeting_notice_due,
    next_phase_transfer,
    next_review_due,
    phase_transfer_due,
    post_16_transfer_due,
    preparing_for_adulthood_review_due,
    review_report_due,
    scheduled_review_due,
    setting_plan_review_due,
)
from goldenthread.core.reviews.deadlines import IF_AMENDING_NOTE
from goldenthread.core.reviews.transfers import PREPARING_FOR_ADULTHOOD_NOTE
from goldenthread.core.vocabulary import PlanKind

D = dt.date
SATURDAY, SUNDAY = 5, 6


def ehc(**changes):
    facts = PlanFacts(kind=PlanKind.EHC_PLAN, status=PlanStatus.FINAL, issued_on=D(2024, 3, 1))
    return replace(facts, **changes)


# Annual reviews, leap years and weekends


def test_annual_review_is_12_months_after_issue_or_last_review():
    assert annual_review_due(issued_on=D(2024, 3, 1), last_review=None).due == D(2025, 3, 1)
    assert annual_review_due(issued_on=D(2024, 3, 1), last_review=D(2024, 11, 20)).due == D(
        2025, 11, 20
    )


def test_issued_on_29_february_is_due_28_february():
    """relativedelta takes the last day of the shorter month: 29 Feb 2024 + 12 months."""
    assert annual_review_due(issued_on=D(2024, 2, 29), last_review=None).due == D(2025, 2, 28)
    assert annual_review_due(issued_on=D(2023, 2, 28), last_review=None).due == D(2024, 2, 28)
    assert annual_review_due(issued_on=D(2027, 2, 28), last_review=None).due == D(2028, 2, 28)


def test_deadlines_on_a_weekend_stay_on_the_weekend():
    due = annual_review_due(issued_on=D(2024, 3, 2), last_review=None).due
    assert due == D(2025, 3, 2)
    assert due.weekday() == SUNDAY
    report = review_report_due(meeting_on=D(2025, 1, 11)).due  # a Saturday meeting
    assert report == D(2025, 1, 25)
    assert report.weekday() == SATURDAY


# Under 5s


def test_under_five_review_is_a_3_to_6_month_window():
    facts = ehc(date_of_birth=D(2021, 6, 1), issued_on=D(2024, 3, 1))
    deadline = next_review_due(facts)
    assert deadline is not None
    assert deadline.rule == "under_five_review_due"
    assert (deadline.earliest, deadline.due) == (D(2024, 6, 1), D(2024, 9, 1))
    assert "between 2024-06-01 and 2024-09-01" in deadline.notes[0]


def test_age_at_the_last_review_decides_the_interval():
    """Born 1 June 2020: 4 at a review on 31 May 2025, so 6 months even though they turn 5 before
    the due date; 5 at a review on 1 June 2025 (their birthday), so 12 months."""
    child = ehc(date_of_birth=D(2020, 6, 1))
    aged_4 = next_review_due(replace(child, last_review_meeting=D(2025, 5, 31)))
    aged_5 = next_review_due(replace(child, last_review_meeting=D(2025, 6, 1)))
    assert aged_4 is not None
    assert aged_5 is not None
    assert (aged_4.rule, aged_4.due) == ("under_five_review_due", D(2025, 11, 30))
    assert (aged_5.rule, aged_5.due) == ("annual_review_due", D(2026, 6, 1))


def test_under_five_interval_is_configurable():
    tighter = dict(REVIEW_INTERVALS)
    tighter[PlanKind.EHC_PLAN] = replace(
        REVIEW_INTERVALS[PlanKind.EHC_PLAN], under_five=Period(months=3)
    )
    facts = ehc(date_of_birth=D(2022, 1, 1), issued_on=D(2024, 3, 1))
    deadline = next_review_due(facts, intervals=tighter)
    assert deadline is not None
    assert deadline.due == D(2024, 6, 1)


def test_without_a_date_of_birth_the_annual_rule_applies():
    deadline = next_review_due(ehc())
    assert deadline is not None
    assert deadline.rule == "annual_review_due"


# Other kinds of plan


@pytest.mark.parametrize(
    ("last_review", "due"),
    [
        (D(2025, 12, 10), D(2026, 4, 3)),  # autumn review: end of spring (Good Friday 2026)
        (D(2026, 1, 6), D(2026, 4, 3)),  # Christmas holiday counts for autumn
        (D(2026, 1, 20), D(2026, 7, 31)),  # spring review: end of summer
        (D(2026, 4, 10), D(2026, 7, 31)),  # Easter holiday counts for spring
        (D(2025, 9, 12), D(2026, 4, 3)),  # September counts for autumn
    ],
)
def test_setting_plans_are_reviewed_by_the_end_of_the_next_term(last_review, due):
    deadline = setting_plan_review_due(
        kind=PlanKind.SEN_SUPPORT, started_on=D(2025, 1, 1), last_review=last_review
    )
    assert deadline.due == due


def test_child_in_care_reviews_20_working_days_then_3_then_6_months():
    """Looked after from Monday 6 January 2025: 20 working days later is Monday 3 February."""
    first = scheduled_review_due(
        kind=PlanKind.CHILD_IN_CARE, started_on=D(2025, 1, 6), last_review=None, reviews_held=0
    )
    assert first.due == D(2025, 2, 3)
    second = scheduled_review_due(
        kind=PlanKind.CHILD_IN_CARE,
        started_on=D(2025, 1, 6),
        last_review=D(2025, 2, 3),
        reviews_held=1,
    )
    assert second.due == D(2025, 5, 3)
    later = scheduled_review_due(
        kind=PlanKind.CHILD_IN_CARE,
        started_on=D(2025, 1, 6),
        last_review=D(2025, 5, 1),
        reviews_held=2,
    )
    assert later.due == D(2025, 11, 1)
    assert "reg 33" in later.source


@pytest.mark.parametrize(
    ("kind", "reviews_held", "due"),
    [
        (PlanKind.CHILD_IN_NEED, 0, D(2025, 4, 15)),
        (PlanKind.CHILD_IN_NEED, 1, D(2025, 7, 15)),
        (PlanKind.TEAM_AROUND, 3, D(2025, 4, 15)),
        (PlanKind.SHORT_BREAKS, 1, D(2026, 1, 15)),
        (PlanKind.HEALTH_CARE, 1, D(2026, 1, 15)),
    ],
)
def test_table_intervals(kind, reviews_held, due):
    last = D(2025, 1, 15) if reviews_held else None
    deadline = scheduled_review_due(
        kind=kind, started_on=D(2025, 1, 15), last_review=last, reviews_held=reviews_held
    )
    assert deadline.due == due


def test_every_plan_kind_has_an_interval_with_a_source():
    assert set(REVIEW_INTERVALS) == set(PlanKind)
    assert all(row.source for row in REVIEW_INTERVALS.values())


# Around a review meeting


def test_notice_report_decision_and_amendment_count_from_the_meeting():
    meeting = D(2025, 1, 10)  # a Friday
    assert meeting_notice_due(meeting_on=meeting).due == D(2024, 12, 27)
    assert review_report_due(meeting_on=meeting).due == D(2025, 1, 24)
    assert la_decision_due(meeting_on=meeting).due == D(2025, 2, 7)
    amended = amended_plan_due(meeting_on=meeting, amending=True)
    assert amended is not None
    assert amended.due == D(2025, 4, 4)
    assert amended.notes == ()


def test_amended_plan_only_when_amending():
    assert amended_plan_due(meeting_on=D(2025, 1, 10), amending=False) is None
    undecided = amended_plan_due(meeting_on=D(2025, 1, 10), amending=None)
    assert undecided is not None
    assert undecided.notes == (IF_AMENDING_NOTE,)


# Status


def test_overdue_due_soon_upcoming_and_met():
    deadline = la_decision_due(meeting_on=D(2025, 1, 10))  # due 7 February 2025
    overdue = deadline_status(deadline, today=D(2025, 3, 1))
    assert (overdue.state, overdue.days_late, overdue.days_left) == (DeadlineState.OVERDUE, 22, -22)
    one_day = deadline_status(deadline, today=D(2025, 2, 8))
    assert (one_day.state, one_day.days_late) == (DeadlineState.OVERDUE, 1)
    on_the_day = deadline_status(deadline, today=D(2025, 2, 7))
    assert (on_the_day.state, on_the_day.days_left) == (DeadlineState.DUE_SOON, 0)
    assert deadline_status(deadline, today=D(2025, 1, 10)).state is DeadlineState.DUE_SOON  # 28
    assert deadline_status(deadline, today=D(2025, 1, 9)).state is DeadlineState.UPCOMING  # 29
    assert deadline_status(deadline, today=D(2025, 1, 20), due_soon_days=7).state is (
        DeadlineState.UPCOMING
    )


def test_met_late_keeps_the_days_late():
    deadline = la_decision_due(meeting_on=D(2025, 1, 10), decision_made_on=D(2025, 2, 10))
    status = deadline_status(deadline, today=D(2025, 6, 1))
    assert (status.state, status.days_late) == (DeadlineState.MET, 3)
    on_time = review_report_due(meeting_on=D(2025, 1, 10), report_sent_on=D(2025, 1, 20))
    assert deadline_status(on_time, today=D(2025, 6, 1)).days_late == 0


# Phase transfers


@pytest.mark.parametrize(
    ("born", "due"),
    [(D(2015, 8, 31), D(2026, 2, 15)), (D(2015, 9, 1), D(2027, 2, 15))],
)
def test_primary_to_secondary_by_15_february_of_the_move_year(born, due):
    deadline = phase_transfer_due(transfer=PhaseTransfer.PRIMARY_TO_SECONDARY, date_of_birth=born)
    assert deadline.due == due
    assert f"{due.year}-09-01" in deadline.notes[0]


@pytest.mark.parametrize(
    ("born", "due"),
    [(D(2015, 8, 31), D(2031, 3, 31)), (D(2015, 9, 1), D(2032, 3, 31))],
)
def test_secondary_to_post_16_by_31_march(born, due):
    deadline = phase_transfer_due(transfer=PhaseTransfer.SECONDARY_TO_POST_16, date_of_birth=born)
    assert deadline.due == due


def test_early_years_to_reception_and_out_of_year_group():
    born = D(2015, 8, 31)
    reception = phase_transfer_due(transfer=PhaseTransfer.EARLY_YEARS_TO_SCHOOL, date_of_birth=born)
    assert reception.due == D(2019, 2, 15)
    held_back = phase_transfer_due(
        transfer=PhaseTransfer.PRIMARY_TO_SECONDARY, date_of_birth=born, year_group_offset=-1
    )
    assert held_back.due == D(2027, 2, 15)


def test_infant_to_junior_only_when_flagged():
    facts = ehc(date_of_birth=D(2019, 3, 1))  # Year 1 in 2024/25
    usual = next_phase_transfer(facts, today=D(2024, 10, 1))
    flagged = next_phase_transfer(replace(facts, infant_junior_transfer=True), today=D(2024, 10, 1))
    assert usual is not None
    assert flagged is not None
    assert usual.due == D(2030, 2, 15)  # into Year 7, September 2030
    assert flagged.due == D(2026, 2, 15)  # into Year 3, September 2026


def test_post_16_move_five_months_before():
    assert post_16_transfer_due(move_on=D(2026, 7, 31)).due == D(2026, 2, 28)
    assert post_16_transfer_due(move_on=D(2028, 7, 31)).due == D(2028, 2, 29)
    assert post_16_transfer_due(move_on=D(2026, 9, 1)).due == D(2026, 4, 1)


def test_transfer_met_by_an_amendment_within_12_months_of_the_move():
    born = D(2015, 8, 31)  # into Year 7 on 1 September 2026
    met = phase_transfer_due(
        transfer=PhaseTransfer.PRIMARY_TO_SECONDARY, date_of_birth=born, amended_on=D(2026, 2, 1)
    )
    assert met.met_on == D(2026, 2, 1)
    too_early = phase_transfer_due(
        transfer=PhaseTransfer.PRIMARY_TO_SECONDARY, date_of_birth=born, amended_on=D(2025, 6, 1)
    )
    assert too_early.met_on is None


def test_the_next_transfer_moves_on_after_september():
    facts = ehc(date_of_birth=D(2015, 8, 31))
    before = next_phase_transfer(facts, today=D(2026, 8, 31))
    after = next_phase_transfer(facts, today=D(2026, 9, 1))
    assert before is not None
    assert after is not None
    assert (before.due, after.due) == (D(2026, 2, 15), D(2031, 3, 31))
    post_16 = next_phase_transfer(
        replace(facts, post_16_move_on=D(2033, 1, 6)), today=D(2032, 10, 1)
    )
    assert post_16 is not None
    assert post_16.rule == "post_16_transfer_due"


# Year 9: preparing for adulthood


def test_year_9_starts_on_1_september():
    born = D(2012, 8, 31)  # Year 9 from September 2025
    assert not covers_preparing_for_adulthood(born, D(2025, 8, 31))
    assert covers_preparing_for_adulthood(born, D(2025, 9, 1))
    assert not covers_preparing_for_adulthood(D(2012, 9, 1), D(2025, 9, 1))


def test_year_9_review_due_and_met():
    born = D(2012, 8, 31)
    open_ = preparing_for_adulthood_review_due(date_of_birth=born)
    assert (open_.earliest, open_.due, open_.met_on) == (D(2025, 9, 1), D(2026, 7, 31), None)
    met = preparing_for_adulthood_review_due(date_of_birth=born, last_review=D(2025, 10, 1))
    assert met.met_on == D(2025, 10, 1)


def test_a_review_due_in_year_9_carries_the_note():
    facts = ehc(date_of_birth=D(2012, 8, 31), last_review_meeting=D(2024, 10, 1))
    deadline = next_review_due(facts)
    assert deadline is not None
    assert deadline.due == D(2025, 10, 1)
    assert PREPARING_FOR_ADULTHOOD_NOTE in deadline.notes
    earlier = next_review_due(replace(facts, last_review_meeting=D(2024, 8, 1)))
    assert earlier is not None
    assert PREPARING_FOR_ADULTHOOD_NOTE not in earlier.notes


# All together


def test_deadlines_for_plan_lists_every_current_deadline():
    meeting = MeetingFacts(held_on=D(2025, 1, 10), report_sent_on=D(2025, 1, 20), amending=True)
    facts = ehc(date_of_birth=D(2012, 5, 3), last_meeting=meeting, next_meeting_on=D(2026, 1, 9))
    statuses = deadlines_for_plan(facts, today=D(2025, 3, 1))
    by_kind = {status.deadline.kind: status for status in statuses}
    assert set(by_kind) == set(DeadlineKind)
    assert by_kind[DeadlineKind.REVIEW_REPORT].state is DeadlineState.MET
    assert by_kind[DeadlineKind.LA_DECISION].days_late == 22
    assert by_kind[DeadlineKind.AMENDED_PLAN].state is DeadlineState.UPCOMING
    assert by_kind[DeadlineKind.NEXT_REVIEW].deadline.due == D(2026, 1, 10)
    assert by_kind[DeadlineKind.MEETING_NOTICE].deadline.due == D(2025, 12, 26)
    assert by_kind[DeadlineKind.PHASE_TRANSFER].deadline.due == D(2028, 3, 31)
    assert [s.deadline.due for s in statuses] == sorted(s.deadline.due for s in statuses)
    assert all(s.deadline.rule in DEADLINE_RULES for s in statuses)


def test_notice_counted_back_when_no_meeting_is_booked():
    statuses = deadlines_for_plan(ehc(), today=D(2024, 3, 1))
    notice = next(s for s in statuses if s.deadline.kind is DeadlineKind.MEETING_NOTICE)
    assert notice.deadline.due == D(2025, 2, 15)
    assert notice.deadline.notes


@pytest.mark.parametrize("status", [PlanStatus.DRAFT, PlanStatus.CEASED])
def test_no_deadlines_for_draft_or_ceased_plans(status):
    assert deadlines_for_plan(ehc(status=status), today=D(2025, 1, 1)) == []


def test_setting_plan_gets_only_its_review():
    facts = PlanFacts(kind=PlanKind.IEP, status=PlanStatus.FINAL, issued_on=D(2025, 12, 10))
    statuses = deadlines_for_plan(facts, today=D(2026, 3, 20))
    assert [(s.deadline.kind, s.deadline.due, s.state) for s in statuses] == [
        (DeadlineKind.NEXT_REVIEW, D(2026, 4, 3), DeadlineState.DUE_SOON)
    ]


def test_plan_without_dates_has_no_review():
    facts = PlanFacts(kind=PlanKind.HEALTH_CARE, status=PlanStatus.FINAL, issued_on=None)
    assert deadlines_for_plan(facts, today=D(2025, 1, 1)) == []


def test_every_rule_has_reason_and_source():
    for entry in DEADLINE_RULES.values():
        assert entry.reason
        assert entry.source
        assert entry.reason != entry.summary
