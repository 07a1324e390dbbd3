"""The EHC needs assessment clock, tested at its edges (docs/assessment-deadlines.md)."""

import datetime as dt

import pytest

from goldenthread.core.assessments import (
    ASSESSMENT_RULES,
    AdviceFacts,
    AssessmentFacts,
    ExceptionPeriod,
    Status,
    advice_due,
    assessment_clock,
    assessment_stage,
    decision_to_assess_due,
    decision_to_issue_due,
    draft_served_on,
    family_views_due,
    final_plan_due,
)
from goldenthread.core.assessments.bank_holidays import bank_holidays, working_days_after
from goldenthread.core.reviews import DEADLINE_RULES

D = dt.date


def test_rules_are_registered_apart_from_the_review_rules():
    assert set(ASSESSMENT_RULES) == {
        "decision_to_assess_due",
        "advice_due",
        "decision_to_issue_due",
        "family_views_due",
        "final_plan_due",
    }
    assert not set(ASSESSMENT_RULES) & set(DEADLINE_RULES)
    for rule in ASSESSMENT_RULES.values():
        assert "SEND Regulations 2014" in rule.source
        assert rule.reason


def test_six_weeks_to_decide_whether_to_assess_is_calendar_weeks():
    assert decision_to_assess_due(received_on=D(2027, 1, 4)).due == D(2027, 2, 15)


def test_a_deadline_on_a_bank_holiday_stays_there():
    # 14 November 2025 + 6 weeks is Boxing Day: no rule here counts working days.
    assert D(2025, 12, 26) in bank_holidays(2025)
    assert decision_to_assess_due(received_on=D(2025, 11, 14)).due == D(2025, 12, 26)


def test_31_august_and_1_september_are_ordinary_days_for_the_limits():
    assert decision_to_assess_due(received_on=D(2026, 7, 20)).due == D(2026, 8, 31)
    assert final_plan_due(received_on=D(2026, 4, 14)).due == D(2026, 9, 1)


def test_leap_years():
    assert advice_due(requested_on=D(2028, 1, 18)).due == D(2028, 2, 29)
    # 20 weeks over 29 February 2028: exactly 140 days, so 28 February.
    assert final_plan_due(received_on=D(2027, 10, 11)).due == D(2028, 2, 28)
    assert final_plan_due(received_on=D(2027, 10, 12)).due == D(2028, 2, 29)


def test_sixteen_weeks_to_decide_whether_to_issue():
    assert decision_to_issue_due(received_on=D(2027, 1, 4)).due == D(2027, 4, 26)


@pytest.mark.parametrize(
    ("decided", "status"),
    [(D(2027, 2, 15), Status.ON_TIME), (D(2027, 2, 16), Status.DONE_LATE)],
)
def test_the_due_day_itself_is_on_time(decided, status):
    facts = AssessmentFacts(D(2027, 1, 4), request_outcome="assess", request_outcome_on=decided)
    line = assessment_clock(facts, today=D(2027, 3, 1)).lines[0]
    assert line.status == status


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (D(2027, 1, 31), Status.UPCOMING),
        (D(2027, 2, 1), Status.DUE_SOON),
        (D(2027, 2, 15), Status.DUE_SOON),
        (D(2027, 2, 16), Status.LATE),
    ],
)
def test_open_deadline_status_by_day(today, status):
    clock = assessment_clock(AssessmentFacts(D(2027, 1, 4)), today=today)
    assert clock.lines[0].status == status
    assert clock.late is (status == Status.LATE)


def test_family_views_fifteen_days_beginning_with_the_day_served():
    assert family_views_due(draft_sent_on=D(2027, 3, 1), served_by="email").due == D(2027, 3, 15)


@pytest.mark.parametrize(
    ("posted", "served"),
    [
        (D(2026, 8, 28), D(2026, 9, 2)),  # the summer bank holiday is 31 August 2026
        (D(2026, 12, 24), D(2026, 12, 30)),  # Christmas, and Boxing Day moved to the 28th
        (D(2027, 3, 25), D(2027, 3, 31)),  # Good Friday and Easter Monday 2027
        (D(2027, 3, 3), D(2027, 3, 5)),  # an ordinary week
    ],
)
def test_a_posted_draft_is_served_on_the_second_working_day(posted, served):
    assert draft_served_on(posted, "post") == served
    due = family_views_due(draft_sent_on=posted, served_by="post").due
    assert due == served + dt.timedelta(days=14)


def test_bank_holidays_2026_match_the_published_list():
    assert sorted(bank_holidays(2026)) == [
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 4, 6),
        D(2026, 5, 4),
        D(2026, 5, 25),
        D(2026, 8, 31),
        D(2026, 12, 25),
        D(2026, 12, 28),
    ]
    assert D(2022, 6, 2) in bank_holidays(2022) and D(2022, 5, 30) not in bank_holidays(2022)
    assert D(2023, 5, 8) in bank_holidays(2023)
    assert working_days_after(D(2027, 12, 24), 1) == D(2027, 12, 29)


def test_plan_issued_in_week_19_is_within_20_weeks():
    facts = AssessmentFacts(
        D(2027, 1, 4),
        request_outcome="assess",
        request_outcome_on=D(2027, 2, 10),
        assessment_outcome="plan",
        assessment_outcome_on=D(2027, 4, 1),
        plan_issued_on=D(2027, 5, 12),
    )
    clock = assessment_clock(facts, today=D(2027, 6, 1))
    final = clock.lines[-1]
    assert final.deadline.rule == "final_plan_due"
    assert final.status == Status.ON_TIME
    assert clock.stage == "issued"
    assert clock.next_due_on is None


def test_issued_the_day_after_20_weeks_is_late():
    facts = AssessmentFacts(
        D(2027, 1, 4),
        "assess",
        D(2027, 2, 1),
        assessment_outcome="plan",
        plan_issued_on=D(2027, 5, 25),
    )
    final = assessment_clock(facts, today=D(2027, 6, 1)).lines[-1]
    assert final.status == Status.DONE_LATE
    assert final.days_late == 1


def test_closed_exception_moves_the_working_target_not_the_statutory_date():
    away = ExceptionPeriod("absent_from_area", D(2027, 3, 1), D(2027, 3, 28))
    facts = AssessmentFacts(D(2027, 1, 4), "assess", D(2027, 2, 1), exceptions=(away,))
    clock = assessment_clock(facts, today=D(2027, 5, 30))
    final = clock.lines[-1]
    assert final.deadline.due == D(2027, 5, 24)
    assert final.target == D(2027, 6, 21)
    assert final.exception_days == 28
    assert final.status == Status.UPCOMING
    assert clock.exceptions_apply


def test_an_open_exception_pauses_the_line_and_keeps_it_off_the_late_list():
    ill = ExceptionPeriod("personal_circumstances", D(2027, 2, 1))
    clock = assessment_clock(AssessmentFacts(D(2027, 1, 4), exceptions=(ill,)), today=D(2027, 4, 1))
    assert clock.lines[0].status == Status.PAUSED
    assert not clock.late


def test_an_exception_starting_after_the_step_was_done_does_not_apply():
    late = ExceptionPeriod("personal_circumstances", D(2027, 3, 1), D(2027, 3, 10))
    facts = AssessmentFacts(D(2027, 1, 4), "assess", D(2027, 2, 20), exceptions=(late,))
    line = assessment_clock(facts, today=D(2027, 4, 1)).lines[0]
    assert line.status == Status.DONE_LATE
    assert line.exception_reasons == ()


def test_a_missed_appointment_is_no_reason_under_reg_5_but_is_under_reg_10():
    missed = ExceptionPeriod("missed_appointment", D(2027, 1, 10), D(2027, 1, 19))
    facts = AssessmentFacts(D(2027, 1, 4), "assess", D(2027, 1, 20), exceptions=(missed,))
    clock = assessment_clock(facts, today=D(2027, 3, 1))
    assert clock.lines[0].exception_reasons == ()  # reg 5(4) has no missed-appointment reason
    assert clock.lines[-1].exception_reasons == ("missed_appointment",)  # reg 10(4)(d)


def test_advice_lines_late_and_on_time():
    advice = (
        AdviceFacts(1, "Education", D(2027, 2, 1), D(2027, 3, 10)),
        AdviceFacts(2, "Health", D(2027, 2, 1), D(2027, 3, 15)),
        AdviceFacts(3, "Social care", D(2027, 2, 1)),
    )
    facts = AssessmentFacts(D(2027, 1, 4), "assess", D(2027, 2, 1), advice=advice)
    clock = assessment_clock(facts, today=D(2027, 3, 20))
    by_key = {line.advice_key: line for line in clock.lines if line.advice_key}
    assert by_key[1].status == Status.ON_TIME  # due 15 March
    assert by_key[2].status == Status.ON_TIME
    assert by_key[3].status == Status.LATE
    assert clock.late and clock.stage == "assessing"
    assert clock.next_due_on == D(2027, 3, 15)


@pytest.mark.parametrize(
    ("facts", "stage"),
    [
        (AssessmentFacts(D(2027, 1, 4)), "requested"),
        (AssessmentFacts(D(2027, 1, 4), "not_assess", D(2027, 2, 1)), "not_assessed"),
        (AssessmentFacts(D(2027, 1, 4), "withdrawn", D(2027, 2, 1)), "closed"),
        (AssessmentFacts(D(2027, 1, 4), "assess", D(2027, 2, 1)), "assessing"),
        (
            AssessmentFacts(
                D(2027, 1, 4),
                "assess",
                D(2027, 2, 1),
                advice=(AdviceFacts(1, "x", D(2027, 2, 1), D(2027, 3, 1)),),
            ),
            "deciding",
        ),
        (AssessmentFacts(D(2027, 1, 4), "assess", assessment_outcome="no_plan"), "no_plan"),
        (AssessmentFacts(D(2027, 1, 4), "assess", assessment_outcome="plan"), "draft"),
        (AssessmentFacts(D(2027, 1, 4), withdrawn_on=D(2027, 1, 20)), "closed"),
    ],
)
def test_stages(facts, stage):
    assert assessment_stage(facts) == stage


def test_decided_not_to_assess_has_no_open_deadline():
    facts = AssessmentFacts(D(2027, 1, 4), "not_assess", D(2027, 2, 1))
    clock = assessment_clock(facts, today=D(2027, 9, 1))
    assert clock.next_due_on is None and not clock.late
    assert [line.deadline.rule for line in clock.lines] == ["decision_to_assess_due"]
