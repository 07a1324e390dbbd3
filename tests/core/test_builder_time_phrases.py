"""The outcome builder's sentences read as correct English for every time phrase (issue 18):
never "By [when], I will By next week I will …", and "In 6 months" never becomes "By 6 months"."""

from __future__ import annotations

import datetime as dt

import pytest

from goldenthread.core.quality import StatementContext, assess, outcome_from_parts
from goldenthread.core.quality.rewrite import when_lead

LEADS = [
    ("the end of Year 4", "By the end of Year 4"),
    ("by the end of Year 4", "By the end of Year 4"),
    ("By July 2027", "By July 2027"),
    ("July 2027", "By July 2027"),
    ("next week", "By next week"),
    ("In 6 months", "In 6 months"),
    ("in 6 months", "In 6 months"),
    ("within a year", "Within a year"),
    ("before I leave primary school", "Before I leave primary school"),
    ("at the end of Key Stage 2", "At the end of Key Stage 2"),
    ("when I move to secondary school", "When I move to secondary school"),
    ("over the next term", "Over the next term"),
    ("the summer term.", "By the summer term"),
    ("", "By [when: e.g. the end of Year 4]"),
]


@pytest.mark.parametrize(("typed", "lead"), LEADS)
def test_each_time_phrase_leads_the_sentence_in_plain_english(typed: str, lead: str) -> None:
    assert when_lead(typed) == lead
    made = outcome_from_parts(
        when=typed, action="tidy my room", measure="every day", context="at home"
    )
    assert made == f"{lead}, I will tidy my room every day at home."
    assert "By by" not in made and "By in " not in made and "By 6" not in made


@pytest.mark.parametrize(
    ("when", "action", "expected"),
    [
        ("", "By next week I will tidy my room", "By next week, I will tidy my room"),
        ("", "In 6 months, I will swim 10 metres", "In 6 months, I will swim 10 metres"),
        ("July 2027", "By next week I will tidy my room", "By July 2027, I will tidy my room"),
        ("", "I will read a book", "By [when: e.g. the end of Year 4], I will read a book"),
    ],
)
def test_a_time_phrase_typed_into_the_action_moves_to_the_front(
    when: str, action: str, expected: str
) -> None:
    made = outcome_from_parts(when=when, action=action, measure="", context="")
    assert made.startswith(expected), made
    assert made.count(" I will ") == 1 and "I will By" not in made


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("In 6 months Sam will swim 10 metres.", "In 6 months"),
        ("Within a year Sam will swim 10 metres.", "Within a year"),
        ("By July 2027 Sam will swim 10 metres.", "By July 2027"),
    ],
)
def test_the_suggested_wording_keeps_the_time_phrase_as_written(text: str, lead: str) -> None:
    found = assess(text, StatementContext(today=dt.date(2026, 12, 6)))
    assert found.suggestion.startswith(lead + ","), found.suggestion
    assert "By 6 months" not in found.suggestion
