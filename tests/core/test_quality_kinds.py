"""Kind cues for provision, needs, aspirations and targets, and the short-horizon rule."""

import datetime as dt

import pytest

from goldenthread.core.quality import Kind, StatementContext, Status, assess
from goldenthread.core.quality.kinds import SHORT_HORIZON_DAYS, classify_kind

TODAY = dt.date(2026, 11, 22)
CTX = StatementContext(today=TODAY, date_of_birth=dt.date(2015, 3, 1))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Occupational therapist to review his seating and advise staff.", Kind.PROVISION),
        ("A laptop with a reader for all tests.", Kind.PROVISION),
        ("Access to a calm room at lunchtime.", Kind.PROVISION),
        ("Counsellor visits every 4 weeks.", Kind.PROVISION),
        ("Sam has a stammer and gets upset when rushed.", Kind.NEED),
        ("I have trouble remembering my timetable.", Kind.NEED),
        ("I want to run my own café.", Kind.ASPIRATION),
        ("Interim target: say my name when asked.", Kind.TARGET),
        ("By the end of Year 6 I will walk to the shop with a friend twice a week.", Kind.OUTCOME),
    ],
)
def test_kind_cues(text, kind):
    assert assess(text, CTX).kind is kind


def test_a_dated_step_leans_to_target_only_within_the_short_horizon():
    def kind(days):
        return classify_kind("say hello to two friends at school", time_category="date",
                             horizon_days=days, has_measure=True)[0]

    assert kind(SHORT_HORIZON_DAYS) is Kind.TARGET
    assert kind(SHORT_HORIZON_DAYS + 1) is Kind.OUTCOME


def test_an_end_of_term_a_long_way_off_counts_as_a_date():
    def kind(days):
        return classify_kind("i will say hello to two friends at school", time_category="term",
                             horizon_days=days, has_measure=True)[0]

    assert kind(SHORT_HORIZON_DAYS) is Kind.TARGET
    assert kind(SHORT_HORIZON_DAYS + 200) is Kind.OUTCOME


def test_a_term_with_a_year_uses_that_year():
    past = assess("By the end of the summer term 2026, I will read 20 words in class.", CTX)
    assert past.criteria["time_bound"].status is Status.FAIL
    future = assess("By the end of the summer term 2027, I will read 20 words in class.", CTX)
    assert future.due_date is not None and future.due_date.year == 2027


def test_birthdays_in_words():
    assessment = assess("By my twelfth birthday I will read 20 words in class.", CTX)
    assert assessment.due_date == dt.date(2027, 3, 1)


@pytest.mark.parametrize("text", ["I will stay at my nan's one night a month.",
                                  "I will do a 4-hour shift at the café.",
                                  "I will put my hand up in every maths lesson."])
def test_more_ways_to_say_how_often(text):
    assert assess(text, CTX).criteria["measurable"].status is Status.PASS
