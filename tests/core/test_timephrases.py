import datetime as dt

import pytest

from goldenthread.core.quality.timephrases import find_time_phrase
from goldenthread.core.quality.timeresolvers import NO_DOB_NOTE, When, to_number

D = dt.date
TODAY = D(2025, 10, 1)
DOB = D(2016, 3, 5)  # Year 5 in 2025/26
WHEN = When(TODAY, DOB)


@pytest.mark.parametrize(
    ("text", "category", "due"),
    [
        ("By the end of Year 6 I will", "year_group", D(2027, 7, 31)),
        ("By the end of year four I will", "year_group", D(2025, 7, 31)),
        ("By the time I'm in year 6 I will", "year_group", D(2027, 7, 31)),
        ("before I start secondary school", "year_group", D(2027, 7, 31)),
        ("By the end of Key Stage 2", "key_stage", D(2027, 7, 31)),
        ("by the end of KS4", "key_stage", D(2032, 7, 31)),
        ("By the time I am 14 years old", "age", D(2030, 3, 5)),
        ("When I'm 14, I will", "age", D(2030, 3, 5)),
        ("by the age of 14", "age", D(2030, 3, 5)),
        ("By the time I am 19/20 I will", "age", D(2036, 3, 5)),
        ("by the end of this term", "term", D(2025, 12, 19)),
        ("by the end of this school term", "term", D(2025, 12, 19)),
        ("by the end of next term", "term", D(2026, 4, 3)),
        ("by half term", "term", D(2025, 10, 31)),
        ("by the end of this school year", "school_year", D(2026, 7, 31)),
        ("by the end of the year", "school_year", D(2026, 7, 31)),
        ("In 6 months I will", "duration", D(2026, 4, 1)),
        ("within 12 weeks", "duration", D(2025, 12, 24)),
        ("over the next 6 weeks", "duration", D(2025, 11, 12)),
        ("by July 2027", "date", D(2027, 7, 31)),
        ("by 31/07/2027", "date", D(2027, 7, 31)),
        ("by 31st July 2027", "date", D(2027, 7, 31)),
        ("by summer 2027", "date", D(2027, 7, 31)),
        ("by Christmas", "date", D(2025, 12, 25)),
        ("by Easter", "date", D(2026, 4, 5)),
        ("by the end of 2027", "date", D(2027, 12, 31)),
        ("when I leave school", "leave_school", D(2032, 6, 25)),
        ("when I leave college", "leave_school", D(2034, 7, 31)),
    ],
)
def test_resolves(text, category, due):
    found = find_time_phrase(text, WHEN)
    assert found is not None
    assert (found.category, found.due) == (category, due)


def test_leave_school_for_a_young_person_already_in_sixth_form_is_end_of_year_13():
    found = find_time_phrase("when I leave school", When(TODAY, D(2008, 10, 1)))
    assert found is not None and found.due == D(2027, 7, 31)


@pytest.mark.parametrize("text", ["by the end of Year 3", "when I am 14", "by the end of KS2"])
def test_age_and_year_phrases_without_dob_count_but_have_no_date(text):
    found = find_time_phrase(text, When(TODAY, None))
    assert found is not None and found.due is None and found.note == NO_DOB_NOTE


@pytest.mark.parametrize(
    "text", ["One day I want to be a vet", "when I am an adult", "when I grow up"]
)
def test_vague(text):
    found = find_time_phrase(text, WHEN)
    assert found is not None and found.vague and found.due is None


@pytest.mark.parametrize(
    "text",
    ["I will say hello 3 times in a week", "read for 10 minutes every day", "in class with Sam"],
)
def test_no_time_phrase(text):
    assert find_time_phrase(text, WHEN) is None


def test_definite_phrase_beats_vague_one():
    found = find_time_phrase("One day I will be a chef, so by the end of Year 6 I will cook", WHEN)
    assert found is not None and found.category == "year_group"


def test_impossible_date_has_no_due_date_and_a_note():
    found = find_time_phrase("by 31/02/2027", WHEN)
    assert found is not None and found.due is None and "does not exist" in found.note


def test_next_review_is_approximate():
    found = find_time_phrase("by my next review", WHEN)
    assert found is not None and found.approximate and found.due == D(2026, 10, 1)


def test_to_number():
    assert to_number("14") == 14
    assert to_number("fourteen") == 14
    assert to_number("twenty-five") == 25
    assert to_number("a") == 1
