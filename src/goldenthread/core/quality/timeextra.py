"""Time phrases found in real plans that the main table missed (issue 15's list).

"by the end of the next key stage", "by next summer", "by Xmas 2015", "By July 16" (2016),
"By 12/2014", "By [date]" (a template placeholder), "over a 2 week period", "ready for his move
to secondary school"; from the corpus's dev split: "By (IEP end date)", "by the end of the
semester", "after graduation" / "after high school", "within a couple of weeks", "from Year 9";
from the train and dev splits' misses (rules-2026.12.3): "after exiting high school", "following
graduation", "by the time they move on to college", "within the first week of term", "by the end
of the IEP period", "reviewed termly" / "on a termly basis", "during junior year", "while
attending college", "between the ages of 14 and 16", "on completion of the internship"; from
the dev split's misses (rules-2026.12.6): "upon completing high school", "within a school year",
"by the start of Year 7", "by the beginning of the summer holidays", "by a certain date", "by the
end of her time at college", "at the end of the programme", "before starting secondary school",
"after 1 year of study"; from the train and dev splits' misses (rules-2026.12.7.2): "By 10th June",
"By month/year", "By xx date", "by annual review of the IEP"; (rules-2026.12.7.3) "a 6-week
course", "a year-long programme", "each placement is up to 12 weeks long".
Each is (pattern, resolver) in the same shape as timephrases._PATTERNS.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from goldenthread.core import calendar as cal
from goldenthread.core.quality.timeresolvers import _MONTHS as MONTHS
from goldenthread.core.quality.timeresolvers import (
    MONTH,
    NUM,
    YEAR_GROUP,
    Resolved,
    Resolver,
    When,
    before_year_n,
    duration,
    review,
    to_number,
)

NEXT_KEY_STAGE_NOTE = "The end of the next key stage: add the date of birth to work out the date."
PLACEHOLDER_NOTE = "This is a placeholder for a date: put in the real date."
PHASE_MOVE_NOTE = "The move to the next school or college: check the date."
LEAVING_NOTE = "Leaving school or college: check the date."
SEMESTER_NOTE = "The end of a semester: put in the date."
FROM_YEAR_NOTE = "This says when it starts: say by when it should be done."
BY_THE_TIME_NOTE = "A move to come: check the date."
FIRST_PART_NOTE = "Early in the term or year: put in the date."
PLAN_END_NOTE = "The end of the plan or programme: put in the date."
REVIEW_EVERY_NOTE = "This says how often it is reviewed: say by when it should be done."
DURING_NOTE = "During a year or a course: put in the date."
AGES_NOTE = "An age range: say by when, or at what age, it should be done."
COMPLETION_NOTE = "When something is finished: check the date."
HOLIDAYS_NOTE = "The start of a school holiday or term: put in the date."
PART_END_NOTE = "The end of a term or year: put in the date."
FEW = 3  # "a few weeks"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1) + relativedelta(months=1, days=-1)


def next_summer(m: re.Match[str], when: When) -> Resolved:
    year = when.today.year + (1 if when.today.month >= 6 else 0)
    return "term", dt.date(year, 7, 31), ""


def christmas_year(m: re.Match[str], when: When) -> Resolved:
    return "date", dt.date(int(m.group(1)), 12, 25), ""


def month_short_year(m: re.Match[str], when: When) -> Resolved:
    """ "By July 16": the end of July 2016 (a two-digit year after a month name)."""
    month = MONTHS[m.group(1).rstrip(".")]
    return "date", _month_end(2000 + int(m.group(2)), month), ""


def day_month(m: re.Match[str], when: When) -> Resolved:
    """ "By 10th June", "by June 10th": that day, this year or (if it has passed) next."""
    day, month = int(m.group(1) or m.group(4)), MONTHS[(m.group(2) or m.group(3)).rstrip(".")]
    try:
        due = dt.date(when.today.year, month, day)
        if due < when.today:
            due = dt.date(when.today.year + 1, month, day)
    except ValueError:
        return "date", None, "This date does not exist. Check the day and month."
    return "date", due, ""


def month_slash_year(m: re.Match[str], when: When) -> Resolved:
    month, year = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        return "date", None, "This date does not exist. Check the month."
    return "date", _month_end(year, month), ""


def _after(when: When, count: int, unit: str) -> Resolved:
    """A duration of ``count`` days, weeks, months, terms or years from today (``count``
    terms end with the term ``count - 1`` after this one, as in the main table)."""
    if unit == "term":
        return "duration", cal.end_of_term(when.today, when.terms, ahead=max(count - 1, 0)), ""
    step = {
        "day": relativedelta(days=count),
        "week": relativedelta(weeks=count),
        "year": relativedelta(years=count),
    }.get(unit, relativedelta(months=count))
    return "duration", when.today + step, ""


def period(m: re.Match[str], when: When) -> Resolved:
    return _after(when, to_number(m.group(1)), m.group(2))


def unit_long(m: re.Match[str], when: When) -> Resolved:
    """ "a year-long programme": a year from today."""
    return _after(when, 1, m.group(1).lower())


def couple(m: re.Match[str], when: When) -> Resolved:
    return _after(when, 2, m.group(1))


def first_part(m: re.Match[str], when: When) -> Resolved:
    unit = m.group(1).lower()
    if unit in {"day", "week", "month", "year"}:
        return _after(when, 1, unit)
    return "term", None, FIRST_PART_NOTE


def within_school_year(m: re.Match[str], when: When) -> Resolved:
    """ "within a school year" is a year from today; "within this school year" its end."""
    if m.group(1) in {"the", "this"}:
        return "school_year", cal.end_of_school_year(when.today, when.terms), ""
    return _after(when, 1, "year")


def after_period(m: re.Match[str], when: When) -> Resolved:
    """ "after 1 year of study", "after six weeks of therapy": that long from today, as the
    main table's durations; "after 2 terms of" counts as a term."""
    category, due, note = duration(m, when)
    return ("term" if m.group(2) == "term" else category), due, note


def lasting(m: re.Match[str], when: When) -> Resolved:
    """ "for at least 2 consecutive months", "lasts about 6 weeks", "a 6-week course": that long
    from today."""
    count, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return _after(when, to_number(count), unit.lower())


def next_year(m: re.Match[str], when: When) -> Resolved:
    """ "next year", "the following year": the end of next school year."""
    return "school_year", cal.end_of_school_year(when.today, when.terms, ahead=1), ""


def end_of_unit(m: re.Match[str], when: When) -> Resolved:
    """ "by the end of the week" (a week from today), "of the month"; "of the day" or "of each
    session" is today."""
    unit = next(group for group in m.groups() if group).lower()
    if unit in {"week", "month"}:
        return _after(when, 1, unit)
    return "duration", when.today, ""


def few(m: re.Match[str], when: When) -> Resolved:
    """ "in the next few weeks": taken as three."""
    return _after(when, FEW, m.group(1).lower())


def _noted(category: str, note: str) -> Resolver:
    """A resolver for a phrase that gives no date, only its category and what to do."""

    def resolve(m: re.Match[str], when: When) -> Resolved:
        return category, None, note

    return resolve


next_key_stage = _noted("key_stage", NEXT_KEY_STAGE_NOTE)
placeholder = _noted("date", PLACEHOLDER_NOTE)
phase_move = _noted("year_group", PHASE_MOVE_NOTE)
leaving = _noted("year_group", LEAVING_NOTE)
semester = _noted("term", SEMESTER_NOTE)
from_year = _noted("year_group", FROM_YEAR_NOTE)
by_the_time = _noted("year_group", BY_THE_TIME_NOTE)
plan_end = _noted("review", PLAN_END_NOTE)
review_every = _noted("review", REVIEW_EVERY_NOTE)
during = _noted("school_year", DURING_NOTE)
ages = _noted("age", AGES_NOTE)
completion = _noted("year_group", COMPLETION_NOTE)
holidays = _noted("term", HOLIDAYS_NOTE)
part_end = _noted("term", PART_END_NOTE)

_DATE_WORDS = r"(?:date|when|end|day|week|month|year|review|term|time|deadline)s?\b"

EXTRA_PATTERNS = (
    (r"\bby\s+(?:the\s+)?end\s+of\s+(?:the\s+)?next\s+key\s+stage\b", next_key_stage),
    (r"\bby\s+next\s+summer\b", next_summer),
    (r"\b(?:by|before)\s+(?:xmas|christmas)\s+(20\d{2})\b", christmas_year),
    (r"\bby\s+" + MONTH + r"\s+(\d{2})\b(?!\s*(?:st|nd|rd|th)|\d)", month_short_year),
    (r"\bby\s+(\d{1,2})\s*/\s*(20\d{2})\b", month_slash_year),
    # "By [date]", "By (IEP end date)": a placeholder in brackets that names a date or an end
    # (not "measured by [assessment method]").
    (r"\bby\s+\[(?=[^\]]{0,40}\b" + _DATE_WORDS + r")[^\]]{1,40}\]", placeholder),
    (r"\bby\s+\((?=[^)]{0,40}\b" + _DATE_WORDS + r")[^)]{1,40}\)", placeholder),
    (r"\bby\s+the\s+end\s+of\s+(?:the\s+|this\s+|next\s+)?semester\b", semester),
    (
        # "three months after high school": how long after is part of the phrase
        r"\b(?:(?:\d{1,2}|one|two|three|four|five|six|nine|twelve|a\s+few|several)\s+"
        r"(?:day|week|month|year)s?\s+(?=after|following))?"
        r"(?:after|upon|on|following|before|prior\s+to)\s+(?:(?:graduation|graduating)(?:\s+from\s+"
        r"(?:(?:high|secondary)\s+)?(?:school|college))?|(?:leaving|"
        r"exiting|finishing)\s+(?:from\s+)?(?:(?:high|secondary)\s+)?(?:school|college|sixth\s+form"
        r"|(?:the\s+)?(?:18\s*[-–]\s*21\s+(?:year\s+)?)?transition\s+(?:services|programme))|"
        r"(?:high|secondary)\s+school\b(?!\s+(?:staff|teachers?|will)))",
        leaving,
    ),
    (
        r"\bby\s+the\s+time\s+(?:i|he|she|they|we|you|[a-z]+)\s+(?:moves?|reach(?:es)?|leaves?|"
        r"starts?|finish(?:es)?|goes|go|transfers?)\b",
        by_the_time,
    ),
    (
        r"\bwithin\s+(?:the\s+)?first\s+(day|week|month|year|term|half[\s-]?term|semester|"
        r"grading\s+period)\b",
        first_part,
    ),
    (
        r"\bby\s+the\s+end\s+of\s+(?:the\s+|this\s+|my\s+|his\s+|her\s+|their\s+)?(?:iep|ehcp|"
        r"ehc\s+plan|plan|programme|program|placement|internship|course)(?:\s+(?:period|year))?\b",
        plan_end,
    ),
    (
        r"\b(?:reviewed|review|monitored|assessed|checked)\s+(?:at\s+least\s+)?(?:termly|"
        r"half[\s-]?termly|annually|yearly|quarterly|monthly|weekly|every\s+(?:"
        + NUM
        + r"\s+)?(?:weeks?|wks|months?|terms?|half[\s-]?terms?|years?)"
        r"|once\s+(?:a|every)\s+(?:term|year))\b"
        r"|\b(?:termly|half[\s-]?termly|yearly)\s*(?:/\s*half[\s-]?termly\s+)?reviews?\b"
        r"|\bon\s+an?\s+(?:termly|half[\s-]?termly|annual|yearly)\s+basis\b",
        review_every,
    ),
    (
        r"\b(?:during|throughout)\s+(?:the\s+|his\s+|her\s+|their\s+|my\s+)?(?:junior|senior|"
        r"sophomore|freshman|final|last)\s+year\b"
        r"|\bwhile\s+(?:attending|in|at)\s+(?:a\s+|the\s+)?(?:(?:two|2|three|3)[\s-]year\s+)?"
        r"(?:college|university|sixth\s+form)\b",
        during,
    ),
    (r"\bbetween\s+the\s+ages?\s+of\s+\d{1,2}\s*(?:and|to|-|–)\s*\d{1,2}\b", ages),
    (
        r"\b(?:on|upon)\s+(?:the\s+)?(?:successful\s+)?completion\s+of\s+(?:the|their|his|her|my|"
        r"a|an)\b"
        r"|\b(?:on|upon|after)\s+(?:successful(?:ly)?\s+)?(?:completing|completion\s+of|finishing)\s+"
        r"(?:(?:high|secondary|primary)\s+school|school|college|sixth\s+form|year\s?\d{1,2})\b",
        completion,
    ),
    (
        r"\b(?:within|over|in|during|throughout)\s+(a|an|one|the|this)\s+(?:school|academic)\s+"
        r"year\b",
        within_school_year,
    ),
    (
        r"\b(?:by|before|for)\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+)?" + YEAR_GROUP,
        before_year_n,  # "by the start of Year 7": the end of Year 6
    ),
    (
        r"\b(?:by|before|for)\s+the\s+(?:start|beginning|end)\s+of\s+(?:the\s+)?(?:next\s+)?"
        r"(?:(?:summer|easter|christmas|winter|spring|autumn|october|february|may)\s+)?"
        r"(?:half[\s-]?term\s+)?(?:holidays?|break)\b"
        r"|\b(?:by|before|for)\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+)?(?:next\s+|new\s+)?"
        r"(?:(?:summer|spring|autumn)\s+)?(?:half[\s-]?)?term\b",
        holidays,
    ),
    (
        r"\b(?:by|before|at)\s+the\s+end\s+of\s+(?:my|his|her|their|the)\s+(?:time|years?|"
        r"studies)\s+(?:at|in)\s+(?:(?:high|secondary|primary)\s+)?(?:school|college|sixth\s+form|"
        r"university|nursery)\b"
        r"|\b(?:before|prior\s+to|ready\s+for)\s+(?:starting|moving\s+(?:up\s+|on\s+)?to|going\s+to|"
        r"transferring\s+to)\s+(?:(?:secondary|high|upper|middle|primary|junior)\s+school|college|"
        r"sixth\s+form|university)\b",
        leaving,
    ),
    (r"\bby\s+(?:a|an|the)\s+(?:certain|set|agreed|specific|given|target)\s+date\b", placeholder),
    (
        # "By month/year", "By xx date", "By dd/mm/yy", "By ___": a placeholder without brackets
        r"\bby\s+(?:(?:dd|mm|yy|yyyy|xx|month|date)(?:\s*[/.-]\s*(?:dd|mm|yy|yyyy|xx|month|year))+\b"
        r"|x{1,4}\s+(?:date|month)\b|_{3,})",  # not "by …": mostly a sentence cut short
        placeholder,
    ),
    (
        # "By 10th June", "before the 3rd of May", "by June 10th" (no year: the next one)
        r"\b(?:by|before|until)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
        + MONTH
        + r"(?![\w/-]|,?\s*\d)|\bby\s+"
        + MONTH
        + r"\s+(\d{1,2})(?:st|nd|rd|th)\b(?!,?\s*\d)",
        day_month,
    ),
    (
        # "by the annual review", "before his first annual review" (not "at the annual review",
        # mostly a past meeting; "by the next annual review": the main table)
        r"\b(?:by|before)\s+(?:(?:my|his|her|their|the|[a-z]+['’]s)\s+)?(?:first\s+)?annual\s+"
        r"review\b",
        review,
    ),
    (
        r"\b(?:at|before)\s+the\s+end\s+of\s+(?:the\s+|this\s+|my\s+|his\s+|her\s+|their\s+)?"
        r"(?:iep|ehcp|ehc\s+plan|plan|programme|program|placement|internship|course)\b",
        plan_end,
    ),
    (
        r"\bafter\s+" + NUM + r"\s+(day|week|month|term|year)s?\s+(?:of|at|in|on)\b",
        after_period,
    ),
    (r"\bwithin\s+a\s+couple\s+of\s+(day|week|month)s\b", couple),
    (
        r"\bfrom\s+(?:year|yr)\s*(?:[1-9]|1[0-4])\b(?=\s*(?:$|[,.;:)]|onwards|upwards|until|to\s+y))",
        from_year,
    ),
    (
        r"\b(?:over|during|in|within)\s+(?:a|an|the|one)\s+" + NUM + r"[\s-]+(day|week|month)s?\s+"
        r"period\b",
        period,
    ),
    (
        r"\bfor\s+(?:at\s+least\s+|over\s+|up\s+to\s+|about\s+|around\s+)?" + NUM + r"\s+"
        r"(?:consecutive|successive|more)\s+(day|week|month|term|year)s?\b"
        r"|\b(?:last|lasts|lasting)\s+(?:for\s+)?(?:approximately\s+|about\s+|around\s+|roughly\s+|"
        r"up\s+to\s+|at\s+least\s+|between\s+)?"
        + NUM
        + r"(?:\s*[-–]\s*\d{1,2})?[\s-]+(day|week|month|term|year)s?\b",
        lasting,
    ),
    (
        r"\b(?:next|the\s+following)\s+year\b(?!\s*(?:group|\d))",
        next_year,
    ),
    (
        r"\b(?:by|at|before)\s+the\s+end\s+of\s+(?:the\s+|my\s+|his\s+|her\s+|their\s+)?(?:first|"
        r"second|third|final|last)\s+(?:half[\s-]?)?(?:term|year|semester)\b",
        part_end,
    ),
    (
        # not "at the end of the day" (mostly "in the end")
        r"\b(?:by|before)\s+the\s+end\s+of\s+(?:the|this|each|every)\s+(day|week|month|session|"
        r"lesson)\b|\bat\s+the\s+end\s+of\s+(?:each|every|the|this)\s+(week|month|session|lesson)\b"
        r"|\bat\s+the\s+end\s+of\s+(?:each|every)\s+(day)\b",
        end_of_unit,
    ),
    (
        r"\b(?:in|within|over|during)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?:few|several)\s+"
        r"(day|week|month)s\b",
        few,
    ),
    (
        # how long a programme runs: "a 6-week course", "a one-year structured study programme",
        # "each placement is up to 12 weeks long", "the blocks will be six weeks each"
        r"\b" + NUM + r"[\s-]+(week|month|year|term)s?(?:[\s-]long)?\s+(?:[a-z]+\s+){0,2}?(?:"
        r"programme|program|course|block|placement|internship|intervention)s?\b"
        r"|\b(?:is|are|be)\s+(?:up\s+to\s+|about\s+|around\s+)?" + NUM + r"\s+(week|month|year)s?"
        r"\s+(?:long|each)\b",
        lasting,  # the same two alternatives of (count, unit)
    ),
    (
        r"\b(week|month|year|term)[\s-]long\s+(?:programme|program|course|placement|internship)\b",
        unit_long,
    ),
    (
        r"\b(?:ready\s+for|before|by)\s+(?:my|his|her|their|the)\s+(?:move|transition|transfer)\s+"
        r"(?:in)?to\s+(?:secondary|high|upper|middle)\s+school\b",
        phase_move,
    ),
)
