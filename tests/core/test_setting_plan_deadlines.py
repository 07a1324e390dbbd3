"""A setting's plan: the termly review and the whole plan within 12 months, whichever first."""

from __future__ import annotations

import datetime as dt

from goldenthread.core.reviews import DEADLINE_RULES
from goldenthread.core.reviews.setting_plans import (
    isp_plan_review_due,
    next_setting_review,
    setting_plan_deadlines,
)


def test_whole_plan_within_12_months_of_start_or_last_whole_review() -> None:
    assert isp_plan_review_due(
        started_on=dt.date(2026, 9, 10), last_whole_review=None
    ).due == dt.date(2027, 9, 10)
    assert isp_plan_review_due(
        started_on=dt.date(2026, 9, 10), last_whole_review=dt.date(2027, 6, 1)
    ).due == dt.date(2028, 6, 1)
    assert isp_plan_review_due(
        started_on=dt.date(2024, 2, 29), last_whole_review=None
    ).due == dt.date(2025, 2, 28)


def test_the_termly_review_usually_comes_first() -> None:
    termly, whole = setting_plan_deadlines(
        started_on=dt.date(2026, 9, 10), last_review=None, last_whole_review=None
    )
    assert termly.due < whole.due
    chosen = next_setting_review(
        started_on=dt.date(2026, 9, 10), last_review=None, last_whole_review=None
    )
    assert chosen == termly


def test_the_whole_plan_review_wins_when_it_is_due_first() -> None:
    chosen = next_setting_review(
        started_on=dt.date(2025, 9, 10),
        last_review=dt.date(2026, 7, 10),
        last_whole_review=None,
    )
    assert chosen.rule == "isp_plan_review_due"
    assert chosen.due == dt.date(2026, 9, 10)


def test_the_rule_is_registered_with_its_source_and_reason() -> None:
    rule = DEADLINE_RULES["isp_plan_review_due"]
    assert "White Paper" in rule.source
    assert "12 months" in rule.reason
