"""Turning a found time phrase into a date: one resolver per kind of phrase, and the pieces of
pattern (numbers, months, who) that ``timephrases`` builds its patterns from.

Each resolver takes the regular-expression match and what is known (``When``) and returns the
phrase's category, its date (or None when the date of birth is needed and unknown) and a note.
"""

from __future__ import annotations

import calendar as stdcal
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from goldenthread.core import calendar as cal

NO_DOB_NOTE = "Add the child's date of birth to work out the exact date."

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
NUMBER_WORDS: dict[str, int] = {word: value for value, word in enumerate(_NUMBER_WORDS)}
NUMBER_WORDS.update(
    {
        f"twenty{sep}{w}": 20 + n
        for sep in ("-", " ")
        for n, w in enumerate(_NUMBER_WORDS[1:6], start=1)
    }
)
NUMBER_WORDS.update({"a": 1, "an": 1, "a couple of": 2, "half a": 0})
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
NUMBER_WORDS.update({word: value for value, word in enumerate(_ORDINAL_WORDS, start=1)})
NUMBER_WORDS.update(
    {
        f"twenty{sep}{w}": 20 + n
        for sep in ("-", " ")
        for n, w in enumerate(_ORDINAL_WORDS[:5], start=1)
    }
)
ORDINAL = (
    r"(?:(\d{1,2})(?:st|nd|rd|th)|(twenty[- ](?:first|second|third|fourth|fifth)|"
    + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
    + r"))"
)
NUM = r"(\d{1,2}|twenty[- ](?:one|two|three|four|five)|" + "|".join(_NUMBER_WORDS) + r")"
_MONTHS = {name.lower(): i for i, name in enumerate(stdcal.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(stdcal.month_abbr) if name})
_MONTHS["sept"] = 9
MONTH = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
WHO = r"(?:i\s+am|i'm|i’m|im|he\s+is|she\s+is|they\s+are|he's|she's|they're|(?!it\b)[a-z]+\s+is)"
WHO_VERB = r"(?:i|he|she|they|(?!it\b)[a-z]+)"
YEAR_GROUP = r"(?:year|yr|y)\s?(\d{1,2}|" + "|".join(_NUMBER_WORDS[1:14]) + r")\b"


@dataclass(frozen=True, slots=True)
class TimePhrase:
    """A time phrase found in a statement and, where it can be worked out, its date."""

    start: int
    end: int
    category: str  # year_group, key_stage, age, leave_school, term, school_year, duration, ...
    due: dt.date | None
    note: str = ""
    vague: bool = False
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class When:
    """What resolving a time phrase needs to know."""

    today: dt.date
    dob: dt.date | None
    terms: cal.TermDates | None = None


Resolved = tuple[str, dt.date | None, str]
Resolver = Callable[[re.Match[str], When], Resolved]


def to_number(word: str) -> int:
    """A number written in digits or words ("14", "fourteen", "a")."""
    word = word.strip().lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(re.sub(r"\s+", " ", word), 0)


def _needs_dob(category: str, when: When, compute: Callable[[dt.date], dt.date]) -> Resolved:
    if when.dob is None:
        return category, None, NO_DOB_NOTE
    return category, compute(when.dob), ""


def _year_group(group: int, when: When) -> Resolved:
    return _needs_dob("year_group", when, lambda dob: cal.end_of_year_group(dob, group, when.terms))


def end_of_year_n(m: re.Match[str], when: When) -> Resolved:
    return _year_group(to_number(m.group(1)), when)


def before_year_n(m: re.Match[str], when: When) -> Resolved:
    return _year_group(to_number(m.group(1)) - 1, when)


def end_of_early_years(m: re.Match[str], when: When) -> Resolved:
    return _year_group(cal.NURSERY if m.group(1) == "nursery" else cal.RECEPTION, when)


_SCHOOL_PHASE_END = {"infant": 2, "junior": 6, "primary": 6, "secondary": 11}
_SCHOOL_PHASE_BEFORE = {"infant": -1, "junior": 2, "primary": -1, "secondary": 6}


def school_phase(m: re.Match[str], when: When) -> Resolved:
    table = _SCHOOL_PHASE_BEFORE if m.group(1) else _SCHOOL_PHASE_END
    return _year_group(table[m.group(2)], when)


def start_school(m: re.Match[str], when: When) -> Resolved:
    return _year_group(cal.NURSERY, when)


def key_stage(m: re.Match[str], when: When) -> Resolved:
    number = m.group(1) or m.group(2)
    stage = cal.KeyStage(f"KS{number}") if number else cal.KeyStage.EYFS
    return _needs_dob("key_stage", when, lambda dob: cal.end_of_key_stage(dob, stage, when.terms))


def age(m: re.Match[str], when: When) -> Resolved:
    ages = [to_number(g) for g in m.groups() if g]
    age = max(ages)
    return _needs_dob("age", when, lambda dob: cal.birthday(dob, age))


def leave_school(m: re.Match[str], when: When) -> Resolved:
    post16 = m.group(1) in {"college", "sixth form"}

    def compute(dob: dt.date) -> dt.date:
        group = cal.year_group(dob, when.today)
        if post16 or group is None or group >= 12:
            return cal.end_of_year_group(dob, cal.LAST_YEAR_GROUP, when.terms)
        return cal.compulsory_school_age_end(dob)

    return _needs_dob("leave_school", when, compute)


def term(m: re.Match[str], when: When) -> Resolved:
    which, named, half = m.group(1) or "", m.group(2), m.group(3)
    if named:
        return "term", cal.end_of_named_term(when.today, cal.Term(named), when.terms), ""
    if half:
        return "term", cal.end_of_half_term(when.today, when.terms), ""
    ahead = 1 if "next" in which else 0
    return "term", cal.end_of_term(when.today, when.terms, ahead=ahead), ""


def named_term(m: re.Match[str], when: When) -> Resolved:
    return "term", cal.end_of_named_term(when.today, cal.Term(m.group(1)), when.terms), ""


def school_year(m: re.Match[str], when: When) -> Resolved:
    ahead = 1 if "next" in m.group(0) else 0
    return "school_year", cal.end_of_school_year(when.today, when.terms, ahead=ahead), ""


def duration(m: re.Match[str], when: When) -> Resolved:
    count = to_number(m.group(1)) if m.group(1) else 1
    unit = m.group(2)
    if unit == "day":
        due = when.today + dt.timedelta(days=count)
    elif unit == "week":
        due = when.today + dt.timedelta(weeks=count)
    elif unit == "month":
        due = when.today + relativedelta(months=count)
    elif unit == "term":
        due = cal.end_of_term(when.today, when.terms, ahead=max(count - 1, 0))
    else:
        due = when.today + relativedelta(years=count)
    return "duration", due, ""


def full_date(m: re.Match[str], when: When) -> Resolved:
    day, month, year = (int(g) for g in m.groups())
    year += 2000 if year < 100 else 0
    try:
        return "date", dt.date(year, month, day), ""
    except ValueError:
        return "date", None, "This date does not exist. Check the day and month."


def iso_date(m: re.Match[str], when: When) -> Resolved:
    year, month, day = (int(g) for g in m.groups())
    try:
        return "date", dt.date(year, month, day), ""
    except ValueError:
        return "date", None, "This date does not exist. Check the day and month."


def day_month_year(m: re.Match[str], when: When) -> Resolved:
    day, month, year = int(m.group(1)), _MONTHS[m.group(2)], int(m.group(3))
    try:
        return "date", dt.date(year, month, day), ""
    except ValueError:
        return "date", None, "This date does not exist. Check the day and month."


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, stdcal.monthrange(year, month)[1])


def month_year(m: re.Match[str], when: When) -> Resolved:
    month, year = _MONTHS[m.group(2)], int(m.group(3))
    if m.group(1) == "before":
        return "date", dt.date(year, month, 1) - dt.timedelta(days=1), ""
    return "date", _month_end(year, month), ""


def month_only(m: re.Match[str], when: When) -> Resolved:
    month = _MONTHS[m.group(1)]
    end = _month_end(when.today.year, month)
    return "date", end if end >= when.today else _month_end(when.today.year + 1, month), ""


def season_year(m: re.Match[str], when: When) -> Resolved:
    season, year = m.group(1), int(m.group(2))
    terms = when.terms or cal.DEFAULT_TERMS
    if season == "autumn":
        return "date", terms.term_end(year, cal.Term.AUTUMN), ""
    if season == "winter":
        return "date", dt.date(year, 12, 31), ""
    term = cal.Term.SPRING if season == "spring" else cal.Term.SUMMER
    return "date", terms.term_end(year - 1, term), ""


def academic_year(m: re.Match[str], when: When) -> Resolved:
    terms = when.terms or cal.DEFAULT_TERMS
    return "school_year", terms.term_end(int(m.group(1)), cal.Term.SUMMER), ""


def calendar_year(m: re.Match[str], when: When) -> Resolved:
    return "date", dt.date(int(m.group(1)), 12, 31), ""


def festival(m: re.Match[str], when: When) -> Resolved:
    year = int(m.group(2)) if m.group(2) else None

    def on(y: int) -> dt.date:
        return dt.date(y, 12, 25) if m.group(1) == "christmas" else easter(y)

    if year is not None:
        return "date", on(year), ""
    due = on(when.today.year)
    return "date", due if due >= when.today else on(when.today.year + 1), ""


def review(m: re.Match[str], when: When) -> Resolved:
    due = when.today + relativedelta(years=1)
    return "review", due, "Reviews happen at least once a year, so we took 12 months from today."


def vague(m: re.Match[str], when: When) -> Resolved:
    return "vague", None, ""
