"""Each rule, either side of its thresholds."""

import datetime as dt

import pytest

from goldenthread.core.quality import StatementContext, Status, assess, rules_plain, rules_time
from goldenthread.core.quality.readability import readability, syllables

D = dt.date
TODAY = D(2025, 10, 1)
SCHOOL_DOB = D(2016, 3, 5)


def status(text, criterion, **context):
    ctx = StatementContext(today=context.pop("today", TODAY), **context)
    return assess(text, ctx).criteria[criterion].status


# time_bound -------------------------------------------------------------------------------

def test_time_bound_fails_without_a_time():
    assert status("I will read 4 books in class", "time_bound") is Status.FAIL


def test_time_bound_fails_on_vague_time():
    assert status("One day I will read 4 books", "time_bound") is Status.FAIL


def test_time_bound_passes_with_a_future_date():
    assert status("By July 2027 I will read 4 books", "time_bound") is Status.PASS


def test_time_bound_passes_without_dob_for_age_phrases():
    assert status("By the end of Year 6 I will read 4 books", "time_bound") is Status.PASS


def test_time_bound_fails_when_date_has_passed():
    text = "By the end of Year 3 I will read 4 books"
    assert status(text, "time_bound", date_of_birth=SCHOOL_DOB) is Status.FAIL
    assert status(text, "realistic", date_of_birth=SCHOOL_DOB) is Status.FAIL


def test_time_bound_warns_after_plan_end_but_not_before():
    text = "By July 2027 I will read 4 books"
    assert status(text, "time_bound", plan_end=D(2027, 7, 30)) is Status.WARN
    assert status(text, "time_bound", plan_end=D(2027, 7, 31)) is Status.PASS


def test_time_bound_fails_after_age_25():
    dob = D(2001, 1, 1)
    assert status("By July 2025 I will", "time_bound", today=D(2024, 1, 1), date_of_birth=dob) \
        is Status.PASS
    assert status("By 2 January 2026 I will", "time_bound", today=D(2024, 1, 1),
                  date_of_birth=dob) is Status.FAIL
    assert status("By 2 January 2026 I will", "realistic", today=D(2024, 1, 1),
                  date_of_birth=dob) is Status.FAIL


def test_time_bound_early_years_either_side_of_about_a_year():
    dob = D(2023, 6, 1)  # 2 years old
    inside = TODAY + dt.timedelta(days=rules_time.EARLY_YEARS_MAX_DAYS)
    outside = inside + dt.timedelta(days=1)
    assert status(f"By {inside:%d/%m/%Y} I will point to 5 pictures", "time_bound",
                  date_of_birth=dob) is Status.PASS
    assert status(f"By {outside:%d/%m/%Y} I will point to 5 pictures", "time_bound",
                  date_of_birth=dob) is Status.WARN
    older = D(2020, 6, 1)  # 5 years old: not early years
    assert status(f"By {outside:%d/%m/%Y} I will point to 5 pictures", "time_bound",
                  date_of_birth=older) is Status.PASS


def test_time_bound_warns_for_next_review():
    assert status("By my next review I will read 4 books", "time_bound") is Status.WARN


# achievable / realistic -------------------------------------------------------------------

def test_achievable_is_not_guessed():
    assert status("By July 2027 I will read 4 books", "achievable") is Status.NOT_APPLICABLE
    assert status("By July 2027 I will read 4 books", "realistic") is Status.NOT_APPLICABLE


def test_achievable_warns_on_big_change_in_weeks_either_side():
    days = rules_time.BIG_CHANGE_MAX_DAYS
    text = "Within {} days I will read at the expected level for Year 6"
    assert status(text.format(days), "achievable") is Status.WARN
    assert status(text.format(days + 1), "achievable") is Status.NOT_APPLICABLE


# measurable -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By July 2027 I will read 4 books", Status.PASS),
        ("By July 2027 I will read 3 times a week", Status.PASS),
        ("By July 2027 I will read for 10 minutes", Status.PASS),
        ("By July 2027 I will follow instructions with 4 key words", Status.PASS),
        ("By July 2027 I will get 80% of my spellings right", Status.PASS),
        ("By July 2027 I will dress independently without adult help", Status.PASS),
        ("By July 2027 I will dress independently", Status.WARN),
        ("By July 2027 I will read books", Status.FAIL),
        ("By the end of Year 6 I will read books", Status.FAIL),  # "6" is the time, not a measure
    ],
)
def test_measurable(text, expected):
    assert status(text, "measurable") is expected


# specific ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I will say hello to two friends in the playground", Status.PASS),
        ("I will say hello to people", Status.WARN),
        ("I will understand and say hello in class", Status.WARN),
        ("I will understand my feelings", Status.FAIL),
        ("I will be better", Status.FAIL),
    ],
)
def test_specific(text, expected):
    assert status(text, "specific") is expected


def test_specific_suggests_an_observable_alternative():
    finding = assess("I will understand my feelings", StatementContext(today=TODAY)).criteria[
        "specific"]
    assert "point to, say or show" in finding.suggestion


# person_centred ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By July 2027 I will read 4 books", Status.PASS),
        ("By July 2027 Amil will read 4 books", Status.WARN),
        ("By July 2027 she will read 4 books", Status.WARN),
        ("Read 4 books", Status.WARN),
        ("To receive 3 hours of speech therapy", Status.FAIL),
        ("Staff will read with him every day", Status.FAIL),
        ("SALT to provide a programme", Status.FAIL),
        ("He will be given a laptop", Status.FAIL),
        ("I will be supported to read 4 books", Status.WARN),
    ],
)
def test_person_centred(text, expected):
    assert status(text, "person_centred") is expected


# outcome_not_provision / not_aspiration ---------------------------------------------------

def test_outcome_not_provision():
    assert status("Speech and language programme 10 minutes a week",
                  "outcome_not_provision") is Status.FAIL
    assert status("Non-verbal, very limited social interaction",
                  "outcome_not_provision") is Status.WARN
    assert status("By July 2027 I will read 4 books in class",
                  "outcome_not_provision") is Status.PASS


def test_not_aspiration():
    assert status("Be a chef when I am an adult", "not_aspiration") is Status.FAIL
    assert status("By July 2027 I will make toast in the kitchen", "not_aspiration") is Status.PASS


# plain_language ---------------------------------------------------------------------------

def _sentence(words):
    return "I " + " ".join(["can"] * (words - 2)) + " go."


def test_plain_language_sentence_length_either_side():
    warn, fail = rules_plain.LONG_SENTENCE_WARN_WORDS, rules_plain.LONG_SENTENCE_FAIL_WORDS
    assert status(_sentence(warn), "plain_language") is Status.PASS
    assert status(_sentence(warn + 1), "plain_language") is Status.WARN
    assert status(_sentence(fail), "plain_language") is Status.WARN
    assert status(_sentence(fail + 1), "plain_language") is Status.FAIL


def test_plain_language_jargon_count_either_side():
    assert status("I will tidy my desk.", "plain_language") is Status.PASS
    assert status("I will use PECS.", "plain_language") is Status.WARN
    assert status("I will use PECS with my TA.", "plain_language") is Status.WARN
    assert status("I will use PECS with my TA and SALT.", "plain_language") is Status.FAIL


def test_plain_language_acronyms_are_case_sensitive():
    assert status("I will say ta to my friend.", "plain_language") is Status.PASS


def test_plain_language_suggests_plain_words():
    finding = assess("I will improve my fine motor skills", StatementContext(today=TODAY)
                     ).criteria["plain_language"]
    assert "using my hands" in finding.suggestion


def test_reading_age_thresholds():
    simple = "I will get my coat and put it on the peg by the door."
    hard = ("Demonstrating considerable metacognitive understanding, individualised "
            "communication facilitates collaborative participation.")
    assert readability(simple).reading_age <= rules_plain.READING_AGE_WARN
    assert readability(hard).reading_age > rules_plain.READING_AGE_FAIL
    assert status(hard, "plain_language") is Status.FAIL


def test_reading_age_not_judged_on_very_short_text():
    words = rules_plain.MIN_WORDS_FOR_READING_AGE - 1
    text = " ".join(["communication"] * words)
    assert status(text, "plain_language") is Status.PASS


@pytest.mark.parametrize(("word", "count"), [("cat", 1), ("table", 2), ("make", 1),
                                              ("communication", 5), ("independently", 5)])
def test_syllables(word, count):
    assert syllables(word) == count
