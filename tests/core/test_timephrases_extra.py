"""Time frames from real plans that used to be missed (issue 15's list) are now read."""

from __future__ import annotations

import datetime as dt

import pytest

from goldenthread.core.quality import StatementContext, assess
from goldenthread.core.quality.kinds import TIME_WEIGHTS
from goldenthread.core.quality.timephrases import find_time_phrase
from goldenthread.core.quality.timeresolvers import When

WHEN = When(dt.date(2026, 11, 22), None, None)
CASES = [
    ("By the end of the next key stage, I will read", "By the end of the next key stage", None),
    ("By next summer I will swim 10 metres", "By next summer", dt.date(2027, 7, 31)),
    ("By Xmas 2015 he will count to 10", "By Xmas 2015", dt.date(2015, 12, 25)),
    ("By July 16 she will dress herself", "By July 16", dt.date(2016, 7, 31)),
    ("By 12/2014 he will count to 20", "By 12/2014", dt.date(2014, 12, 31)),
    ("By [date], Sam will read 20 words", "By [date]", None),
    ("Over a 2 week period he will eat lunch", "Over a 2 week period", dt.date(2026, 12, 6)),
    ("Within 18 weeks I will walk to class", "Within 18 weeks", dt.date(2027, 3, 28)),
    (
        "He will be ready for his move to secondary school",
        "ready for his move to secondary school",
        None,
    ),
    # From the corpus's dev split (round 3):
    ("By (IEP end date), (student) will follow the routine", "By (IEP end date)", None),
    ("By the end of the semester, she will sit still", "By the end of the semester", None),
    ("After graduation, Sophia will attend a college", "After graduation", None),
    ("After high school, Adam will begin training", "After high school", None),
    ("On leaving school, I will work in a shop", "On leaving school", None),
    ("Within a couple of weeks he will settle", "Within a couple of weeks", dt.date(2026, 12, 6)),
    ("Work experience from Year 11", "from Year 11", None),
    # From the train and dev splits' misses (rules-2026.12.3):
    (
        "After exiting 18-21 year transition services, Micah will work",
        "After exiting 18-21 year transition services",
        None,
    ),
    ("After exiting high school, Ana will live in a flat", "After exiting high school", None),
    ("Following graduation, Sam will use the bus", "Following graduation", None),
    ("Upon exiting school, Sam will book appointments", "Upon exiting school", None),
    ("By the time they move on to college, Sam will plan", "By the time they move", None),
    ("Within the first week of term, Jo settles", "Within the first week", dt.date(2026, 11, 29)),
    ("Within the first grading period, Jo cuts a line", "Within the first grading period", None),
    ("By the end of the IEP period, Jo will decode words", "By the end of the IEP period", None),
    ("Targets reviewed half-termly with his mum", "reviewed half-termly", None),
    ("Termly/ half-termly review of progress", "Termly/ half-termly review", None),
    ("Close monitoring & review every 6 wks", "review every 6 wks", None),
    ("Progress is checked on a termly basis", "on a termly basis", None),
    ("During junior year, Sam will list 2 colleges", "During junior year", None),
    ("While attending a two year college, Jo works", "While attending a two year college", None),
    ("Between the ages of 14 and 16 you will plan", "Between the ages of 14 and 16", None),
    ("She gains a certificate on completion of the internship", "on completion of the", None),
    # From the train and dev splits' misses (rules-2026.12.6):
    ("Upon completing high school, Priya will enrol", "Upon completing high school", None),
    (
        "Within a school year Ashley will read 20 words",
        "Within a school year",
        dt.date(2027, 11, 22),
    ),
    ("Within this school year Jo will swim", "Within this school year", dt.date(2027, 7, 31)),
    ("By the start of Year 7, Tom will pack his bag", "By the start of Year 7", None),
    (
        "By the beginning of the summer holidays, Blair will walk",
        "By the beginning of the summer holidays",
        None,
    ),
    ("By the start of next term, Ali will hang up his coat", "By the start of next term", None),
    ("Speaking in longer sentences by a certain date", "by a certain date", None),
    ("By the end of her time at college, Mia will cook", "By the end of her time at college", None),
    ("At the end of the programme, Jo will travel alone", "At the end of the programme", None),
    (
        "Before starting secondary school, Kai will visit it",
        "Before starting secondary school",
        None,
    ),
    ("After 1 year of study, Kai will get a job", "After 1 year of", dt.date(2027, 11, 22)),
    ("Next year I will go to college", "Next year", dt.date(2028, 7, 31)),
    ("He applies for college the following year", "the following year", dt.date(2028, 7, 31)),
    (
        "Keep a budget for at least 2 consecutive months",
        "for at least 2 consecutive months",
        dt.date(2027, 1, 22),
    ),
    (
        "Three months after high school John will attend college",
        "Three months after high school",
        None,
    ),
    (  # two terms from 22 November: the end of the spring term, not two months
        "Keep her place in the group for 2 consecutive terms",
        "for 2 consecutive terms",
        dt.date(2027, 3, 26),
    ),
    (
        "Sessions last for approximately 12-13 weeks",
        "last for approximately 12-13 weeks",
        dt.date(2027, 2, 14),
    ),
    ("Sort colours during a 2 week period", "during a 2 week period", dt.date(2026, 12, 6)),
    ("A visual schedule, reviewed weekly by the SENCO", "reviewed weekly", None),
    ("By the end of the first term, Sam will know staff", "By the end of the first term", None),
    (
        "By the end of the week, Sam will tidy his desk",
        "By the end of the week",
        dt.date(2026, 11, 29),
    ),
    (
        "At the end of each lesson, Ali will tidy his tray",
        "At the end of each lesson",
        dt.date(2026, 11, 22),
    ),
    ("In the next few weeks, Sam will try the bus", "In the next few weeks", dt.date(2026, 12, 13)),
    # From the train and dev splits' misses (rules-2026.12.7.2):
    ("By 10th June, Fred will listen", "By 10th June", dt.date(2027, 6, 10)),
    ("Before the 3rd of May Jo will swim", "Before the 3rd of May", dt.date(2027, 5, 3)),
    ("By June 10th, Fred will listen", "By June 10th", dt.date(2027, 6, 10)),
    ("By 3 Nov. Jo will swim", "By 3 Nov.", dt.date(2027, 11, 3)),  # passed: next year's
    ("By 31st February Jo will swim", "By 31st February", None),  # no such day
    ("By month/year, THE STUDENT will recite names", "By month/year", None),
    ("By xx date, the student will wash her hands", "By xx date", None),
    ("By dd/mm/yy Sam will read", "By dd/mm/yy", None),
    ("By ____ Sam will read", "By ____", None),
    ("Model one-half by annual review of the IEP", "by annual review", dt.date(2027, 11, 22)),
    (
        "Before Sam's first annual review, he will",
        "Before Sam's first annual review",
        dt.date(2027, 11, 22),
    ),
    ("By 10 June 2027 Fred will swim", "10 June 2027", dt.date(2027, 6, 10)),  # with its year
    # How long a programme runs (rules-2026.12.7.3):
    ("A 6-week course of therapy", "6-week course", dt.date(2027, 1, 3)),
    (
        "It is a one-year structured study programme",
        "one-year structured study programme",
        dt.date(2027, 11, 22),
    ),
    ("Throughout the year-long programme, interns", "year-long programme", dt.date(2027, 11, 22)),
    ("Each placement is up to 12 weeks long.", "is up to 12 weeks long", dt.date(2027, 2, 14)),
    ("The blocks will be six weeks each", "be six weeks each", dt.date(2027, 1, 3)),
    ("Placements last between 6 months and a year.", "last between 6 months", dt.date(2027, 5, 22)),
]

NOT_TIME = [
    "Sam will apply reading strategies as measured by [assessment method].",
    "By (student) will read.",
    "Sam will read 10 words from year 1 list.",
    "After high school staff will meet.",
    "Sam will walk to school with a friend.",
    "Visual motor skills in terms of shape construction.",
    "He can plan for later in the day with some support.",
    "Parents said at the annual review that he struggles.",
    "He has been reviewed by the paediatrician.",
    "At the end of the day, Ali will tidy his tray.",
    "Count to 20 on 4 out of 5 trials measured quarterly.",
    "After a while I will feel better.",
    "Ali will tell an adult when he needs a break.",
    "Supported by 2 adults on 5 May last year.",
    "He is 6 weeks old.",
    "He is supported by… staff in class.",
    "Sam does 3 sessions each week.",
]


@pytest.mark.parametrize("text", NOT_TIME)
def test_how_placeholders_and_year_lists_are_not_time_phrases(text: str) -> None:
    assert find_time_phrase(text, WHEN) is None


@pytest.mark.parametrize(("text", "phrase", "due"), CASES)
def test_the_phrase_is_found_and_dated(text: str, phrase: str, due: dt.date | None) -> None:
    found = find_time_phrase(text, WHEN)
    assert found is not None
    assert text[found.start : found.end] == phrase
    assert found.due == due


@pytest.mark.parametrize("text", [text for text, _, _ in CASES])
def test_the_kind_scorer_knows_every_category_and_the_statement_is_assessed(text: str) -> None:
    # "By next summer I will be going out to eat once a week with a friend." (a real plan) once
    # raised KeyError: the phrase's category was missing from the kind scorer's table.
    found = find_time_phrase(text, WHEN)
    assert found is not None and found.category in TIME_WEIGHTS
    assert assess(text, StatementContext(today=WHEN.today)).kind is not None
