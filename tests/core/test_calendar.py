import datetime as dt

import pytest

from goldenthread.core import calendar as cal
from goldenthread.core.calendar import KeyStage, Term

D = dt.date


def test_age_on_birthday_edges():
    assert cal.age_on(D(2010, 5, 1), D(2024, 4, 30)) == 13
    assert cal.age_on(D(2010, 5, 1), D(2024, 5, 1)) == 14


def test_leap_day_birthday_is_first_of_march_in_common_years():
    dob = D(2012, 2, 29)
    assert cal.age_on(dob, D(2025, 2, 28)) == 12
    assert cal.age_on(dob, D(2025, 3, 1)) == 13
    assert cal.birthday(dob, 13) == D(2025, 3, 1)
    assert cal.birthday(dob, 12) == D(2024, 2, 29)


@pytest.mark.parametrize(
    ("dob", "on", "expected"),
    [
        (D(2018, 8, 31), D(2022, 9, 1), 0),  # youngest in the Reception cohort
        (D(2018, 9, 1), D(2022, 9, 1), -1),  # oldest in the next cohort: Nursery
        (D(2018, 9, 1), D(2023, 9, 1), 0),
        (D(2016, 2, 29), D(2020, 9, 1), 0),
        (D(2015, 1, 10), D(2024, 3, 1), 4),
        (D(2008, 10, 1), D(2024, 10, 1), 11),
        (D(2006, 10, 1), D(2024, 10, 1), 13),
        (D(2005, 10, 1), D(2024, 10, 1), None),  # after Year 13
        (D(2022, 10, 1), D(2024, 10, 1), None),  # before Nursery
    ],
)
def test_year_group(dob, on, expected):
    assert cal.year_group(dob, on) == expected


def test_year_group_changes_on_first_september_not_before():
    dob = D(2015, 1, 10)
    assert cal.year_group(dob, D(2024, 8, 31)) == 4
    assert cal.year_group(dob, D(2024, 9, 1)) == 5


def test_labels():
    assert cal.year_group_label(-1) == "Nursery"
    assert cal.year_group_label(0) == "Reception"
    assert cal.year_group_label(3) == "Year 3"
    assert cal.stage_label(D(2005, 10, 1), D(2024, 10, 1)) == "after Year 13"
    assert cal.stage_label(D(2023, 1, 1), D(2024, 10, 1)) == "early years"
    assert cal.stage_label(D(2015, 1, 10), D(2024, 10, 1)) == "Year 5"


@pytest.mark.parametrize(
    ("group", "stage"),
    [(-1, KeyStage.EYFS), (0, KeyStage.EYFS), (1, KeyStage.KS1), (2, KeyStage.KS1),
     (3, KeyStage.KS2), (6, KeyStage.KS2), (7, KeyStage.KS3), (9, KeyStage.KS3),
     (10, KeyStage.KS4), (11, KeyStage.KS4), (12, KeyStage.KS5), (13, KeyStage.KS5),
     (14, None), (-2, None)],
)
def test_key_stage(group, stage):
    assert cal.key_stage(group) == stage


def test_end_of_year_group_and_key_stage():
    dob = D(2015, 1, 10)  # Year 5 in 2024/25
    assert cal.end_of_year_group(dob, 5) == D(2025, 7, 31)
    assert cal.end_of_year_group(dob, 6) == D(2026, 7, 31)
    assert cal.end_of_key_stage(dob, KeyStage.KS2) == D(2026, 7, 31)
    assert cal.end_of_key_stage(dob, KeyStage.KS4) == D(2031, 7, 31)
    autumn_born = D(2014, 9, 1)  # same cohort as a child born in August 2015
    assert cal.end_of_year_group(autumn_born, 5) == D(2025, 7, 31)


def test_term_ends_default():
    assert cal.DEFAULT_TERMS.term_end(2024, Term.AUTUMN) == D(2024, 12, 20)  # a Friday
    assert cal.DEFAULT_TERMS.term_end(2025, Term.AUTUMN) == D(2025, 12, 19)
    assert cal.DEFAULT_TERMS.term_end(2024, Term.SPRING) == D(2025, 4, 18)  # Good Friday
    assert cal.DEFAULT_TERMS.term_end(2024, Term.SUMMER) == D(2025, 7, 31)


def test_end_of_term_in_term_and_holidays():
    assert cal.end_of_term(D(2024, 10, 1)) == D(2024, 12, 20)
    assert cal.end_of_term(D(2024, 10, 1), ahead=1) == D(2025, 4, 18)
    assert cal.end_of_term(D(2024, 12, 20)) == D(2024, 12, 20)
    assert cal.end_of_term(D(2024, 12, 21)) == D(2025, 4, 18)
    assert cal.end_of_term(D(2025, 8, 10)) == D(2025, 12, 19)  # summer holiday


def test_end_of_half_term():
    assert cal.end_of_half_term(D(2024, 9, 10)) == D(2024, 10, 25)
    assert cal.end_of_half_term(D(2024, 10, 26)) == D(2024, 12, 20)
    assert cal.end_of_half_term(D(2025, 1, 6)) == D(2025, 2, 14)


def test_end_of_school_year():
    assert cal.end_of_school_year(D(2024, 10, 1)) == D(2025, 7, 31)
    assert cal.end_of_school_year(D(2025, 7, 31)) == D(2025, 7, 31)
    assert cal.end_of_school_year(D(2025, 8, 1)) == D(2026, 7, 31)
    assert cal.end_of_school_year(D(2024, 10, 1), ahead=1) == D(2026, 7, 31)


def test_end_of_named_term():
    assert cal.end_of_named_term(D(2025, 5, 1), Term.SPRING) == D(2026, 4, 3)
    assert cal.end_of_named_term(D(2025, 3, 1), Term.SPRING) == D(2025, 4, 18)


def test_term_date_table_overrides_known_years():
    table = cal.TermDateTable({2024: {Term.SUMMER: D(2025, 7, 22)}})
    assert cal.end_of_year_group(D(2015, 1, 10), 5, table) == D(2025, 7, 22)
    assert cal.end_of_year_group(D(2015, 1, 10), 6, table) == D(2026, 7, 31)
    assert table.half_term_ends(2024)[-1] == D(2025, 7, 22)


@pytest.mark.parametrize(
    ("dob", "expected"),
    [
        (D(2009, 8, 31), D(2025, 6, 27)),  # turns 16 on 31 Aug 2025: academic year 2024/25
        (D(2009, 9, 1), D(2026, 6, 26)),  # turns 16 on 1 Sept 2025: academic year 2025/26
        (D(2008, 2, 29), D(2024, 6, 28)),
    ],
)
def test_compulsory_school_age_end(dob, expected):
    assert cal.compulsory_school_age_end(dob) == expected
