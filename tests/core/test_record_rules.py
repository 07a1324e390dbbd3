"""The record's own rules for text and dates, shared by the pages, the API and imports."""

from __future__ import annotations

import datetime as dt

import pytest

from goldenthread.core.record_rules import (
    CONTROL_CHARACTER,
    DUE_AFTER_25,
    DUE_BEFORE_BIRTH,
    TOO_FAR_AHEAD,
    TOO_LONG,
    due_date_problem,
    text_problem,
)

BORN = dt.date(2018, 3, 1)


@pytest.mark.parametrize("text", ["By July 2027, I will…", "line one\r\nline two\tend", "Zoë"])
def test_ordinary_text_passes(text: str) -> None:
    assert text_problem(text, limit=100) is None


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1f", "\x7f", "\x85", "\ud800"])
def test_control_characters_are_refused(character: str) -> None:
    assert text_problem(f"walk{character} to school", limit=100) == CONTROL_CHARACTER


def test_text_longer_than_its_limit_is_refused_with_both_numbers() -> None:
    assert text_problem("x" * 2001, limit=2000) == TOO_LONG.format(limit=2000, length=2001)
    assert text_problem("x" * 2000, limit=2000) is None


@pytest.mark.parametrize(
    ("due", "problem"),
    [
        (dt.date(2000, 1, 1), DUE_BEFORE_BIRTH),
        (dt.date(2018, 2, 28), DUE_BEFORE_BIRTH),
        (dt.date(2018, 3, 1), None),
        (dt.date(2043, 3, 1), None),
        (dt.date(2043, 3, 2), DUE_AFTER_25),
        (dt.date(9999, 12, 31), DUE_AFTER_25),
    ],
)
def test_a_due_date_falls_within_the_childs_first_25_years(
    due: dt.date, problem: str | None
) -> None:
    assert due_date_problem(due, born=BORN) == problem


def test_without_a_date_of_birth_only_the_far_future_is_refused() -> None:
    assert due_date_problem(dt.date(1990, 1, 1), born=None) is None
    assert due_date_problem(dt.date(2101, 1, 1), born=None) == TOO_FAR_AHEAD
