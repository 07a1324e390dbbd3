"""Find the time phrase in a statement ("by the end of Year 3", "when I'm 14", "in 6 months")
and resolve it to a date with the child's date of birth and the English school calendar.

Decisions (documented in the rule catalogue):

- "by the time I'm in Year 6", "by Year 6" and "by the end of Year 6" all mean the end of Year 6.
- "by the end of the year" and "this year" mean the end of the school year (31 July by default).
- "when I leave school": the end of compulsory school age (last Friday in June of the school year
  in which the child turns 16), or the end of Year 13 if the child is already in Year 12 or over,
  or if the statement says college or sixth form.
- An age range "by 19/20" takes the later age. "by my next review" is taken as 12 months.
- A month with no day ("by July 2027") means the last day of that month.
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
from goldenthread.core.quality.fastre import FastPattern

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
_ORDINAL = (
    r"(?:(\d{1,2})(?:st|nd|rd|th)|(twenty[- ](?:first|second|third|fourth|fifth)|"
    + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
    + r"))"
)
_NUM = r"(\d{1,2}|twenty[- ](?:one|two|three|four|five)|" + "|".join(_NUMBER_WORDS) + r")"
_MONTHS = {name.lower(): i for i, name in enumerate(stdcal.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(stdcal.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WHO = r"(?:i\s+am|i'm|i’m|im|he\s+is|she\s+is|they\s+are|he's|she's|they're|(?!it\b)[a-z]+\s+is)"
_WHO_VERB = r"(?:i|he|she|they|(?!it\b)[a-z]+)"
_YEAR_GROUP = r"(?:year|yr|y)\s?(\d{1,2}|" + "|".join(_NUMBER_WORDS[1:14]) + r")\b"


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


def _end_of_year_n(m: re.Match[str], when: When) -> Resolved:
    return _year_group(to_number(m.group(1)), when)


def _before_year_n(m: re.Match[str], when: When) -> Resolved:
    return _year_group(to_number(m.group(1)) - 1, when)


def _end_of_early_years(m: re.Match[str], when: When) -> Resolved:
    return _year_group(cal.NURSERY if m.group(1) == "nursery" else cal.RECEPTION, when)


_SCHOOL_PHASE_END = {"infant": 2, "junior": 6, "primary": 6, "secondary": 11}
_SCHOOL_PHASE_BEFORE = {"infant": -1, "junior": 2, "primary": -1, "secondary": 6}


def _school_phase(m: re.Match[str], when: When) -> Resolved:
    table = _SCHOOL_PHASE_BEFORE if m.group(1) else _SCHOOL_PHASE_END
    return _year_group(table[m.group(2)], when)


def _start_school(m: re.Match[str], when: When) -> Resolved:
    return _year_group(cal.NURSERY, when)


def _key_stage(m: re.Match[str], when: When) -> Resolved:
    number = m.group(1) or m.group(2)
    stage = cal.KeyStage(f"KS{number}") if number else cal.KeyStage.EYFS
    return _needs_dob("key_stage", when, lambda dob: cal.end_of_key_stage(dob, stage, when.terms))


def _age(m: re.Match[str], when: When) -> Resolved:
    ages = [to_number(g) for g in m.groups() if g]
    age = max(ages)
    return _needs_dob("age", when, lambda dob: cal.birthday(dob, age))


def _leave_school(m: re.Match[str], when: When) -> Resolved:
    post16 = m.group(1) in {"college", "sixth form"}

    def compute(dob: dt.date) -> dt.date:
        group = cal.year_group(dob, when.today)
        if post16 or group is None or group >= 12:
            return cal.end_of_year_group(dob, cal.LAST_YEAR_GROUP, when.terms)
        return cal.compulsory_school_age_end(dob)

    return _needs_dob("leave_school", when, compute)


def _term(m: re.Match[str], when: When) -> Resolved:
    which, named, half = m.group(1) or "", m.group(2), m.group(3)
    if named:
        return "term", cal.end_of_named_term(when.today, cal.Term(named), when.terms), ""
    if half:
        return "term", cal.end_of_half_term(when.today, when.terms), ""
    ahead = 1 if "next" in which else 0
    return "term", cal.end_of_term(when.today, when.terms, ahead=ahead), ""


def _named_term(m: re.Match[str], when: When) -> Resolved:
    return "term", cal.end_of_named_term(when.today, cal.Term(m.group(1)), when.terms), ""


def _school_year(m: re.Match[str], when: When) -> Resolved:
    ahead = 1 if "next" in m.group(0) else 0
    return "school_year", cal.end_of_school_year(when.today, when.terms, ahead=ahead), ""


def _duration(m: re.Match[str], when: When) -> Resolved:
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


def _full_date(m: re.Match[str], when: When) -> Resolved:
    day, month, year = (int(g) for g in m.groups())
    year += 2000 if year < 100 else 0
    try:
        return "date", dt.date(year, month, day), ""
    except ValueError:
        return "date", None, "This date does not exist. Check the day and month."


def _iso_date(m: re.Match[str], when: When) -> Resolved:
    year, month, day = (int(g) for g in m.groups())
    try:
        return "date", dt.date(year, month, day), ""
    except ValueError:
        return "date", None, "This date does not exist. Check the day and month."


def _day_month_year(m: re.Match[str], when: When) -> Resolved:
    day, month, year = int(m.group(1)), _MONTHS[m.group(2)], int(m.group(3))
    try:
        return "date", dt.date(year, month, day), ""
    except ValueError:
        return "date", None, "This date does not exist. Check the day and month."


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, stdcal.monthrange(year, month)[1])


def _month_year(m: re.Match[str], when: When) -> Resolved:
    month, year = _MONTHS[m.group(2)], int(m.group(3))
    if m.group(1) == "before":
        return "date", dt.date(year, month, 1) - dt.timedelta(days=1), ""
    return "date", _month_end(year, month), ""


def _month_only(m: re.Match[str], when: When) -> Resolved:
    month = _MONTHS[m.group(1)]
    end = _month_end(when.today.year, month)
    return "date", end if end >= when.today else _month_end(when.today.year + 1, month), ""


def _season_year(m: re.Match[str], when: When) -> Resolved:
    season, year = m.group(1), int(m.group(2))
    terms = when.terms or cal.DEFAULT_TERMS
    if season == "autumn":
        return "date", terms.term_end(year, cal.Term.AUTUMN), ""
    if season == "winter":
        return "date", dt.date(year, 12, 31), ""
    term = cal.Term.SPRING if season == "spring" else cal.Term.SUMMER
    return "date", terms.term_end(year - 1, term), ""


def _academic_year(m: re.Match[str], when: When) -> Resolved:
    terms = when.terms or cal.DEFAULT_TERMS
    return "school_year", terms.term_end(int(m.group(1)), cal.Term.SUMMER), ""


def _calendar_year(m: re.Match[str], when: When) -> Resolved:
    return "date", dt.date(int(m.group(1)), 12, 31), ""


def _festival(m: re.Match[str], when: When) -> Resolved:
    year = int(m.group(2)) if m.group(2) else None

    def on(y: int) -> dt.date:
        return dt.date(y, 12, 25) if m.group(1) == "christmas" else easter(y)

    if year is not None:
        return "date", on(year), ""
    due = on(when.today.year)
    return "date", due if due >= when.today else on(when.today.year + 1), ""


def _review(m: re.Match[str], when: When) -> Resolved:
    due = when.today + relativedelta(years=1)
    return "review", due, "Reviews happen at least once a year, so we took 12 months from today."


def _vague(m: re.Match[str], when: When) -> Resolved:
    return "vague", None, ""


_BY = r"(?:(?:by|before|at|until|for)\s+)?(?:the\s+)?"
_AGE_TAIL = r"(?:\s*(?:/|-|–|or|to)\s*" + _NUM + r")?(?:\s+years?(?:\s+old)?)?\b"
_UNITS = r"(day|week|month|term|year)s?(?:'s?|’s?)?(?:\s+time)?\b"

# (pattern, resolver). All are searched; the earliest match wins, then the longest.
# What the date patterns need to find somewhere (their resolvers read these digits).
_DIGIT_GATES: dict[Resolver, str] = {
    _full_date: r"\d[/.-]\d",
    _iso_date: r"\d-\d",
    _day_month_year: r"\d\d\d\d",
    _month_year: r"\d\d\d\d",
    _season_year: r"\d\d\d\d",
}


def _gate(pattern: str, resolver: Resolver) -> str | None:
    """What must be in the text for ``pattern`` to match, as a pattern that ``re`` finds fast:
    the pattern without its optional "by the" lead, or, for dates, digits in the right shape."""
    if pattern.startswith(_BY):
        return pattern[len(_BY) :]
    return _DIGIT_GATES.get(resolver)


# Each pattern is only run when the words it needs are in the statement (see fastre).
_PATTERNS: tuple[tuple[FastPattern, Resolver], ...] = tuple(
    (FastPattern(pattern, gate=_gate(pattern, resolver)), resolver)
    for pattern, resolver in (
        (
            _BY + r"end\s+of\s+(?:the\s+)?(?:summer\s+term\s+(?:of|in)\s+)?" + _YEAR_GROUP,
            _end_of_year_n,
        ),
        (
            r"\b(?:by|when|before|once)\s+(?:the\s+time\s+)?" + _WHO + r"\s+in\s+" + _YEAR_GROUP,
            _end_of_year_n,
        ),
        (r"\bby\s+" + _YEAR_GROUP, _end_of_year_n),
        (
            r"\b(?:before|when|once)\s+" + _WHO_VERB + r"\s+(?:start|starts|move|moves|go|goes|"
            r"transfer|transfers)\s+(?:up\s+)?(?:in)?to\s+" + _YEAR_GROUP,
            _before_year_n,
        ),
        (
            _BY + r"end\s+of\s+(?:the\s+|my\s+)?(reception|nursery)(?:\s+year)?\b",
            _end_of_early_years,
        ),
        (
            r"\b(?:(?:before|when|once)\s+" + _WHO_VERB + r"\s+(start|starts|move|moves|go|goes|"
            r"transfer|transfers)(?:\s+up)?(?:\s+(?:in)?to)?|end\s+of|(?:when|before)\s+"
            + _WHO_VERB
            + r"\s+(?:leave|leaves|finish|finishes))\s+(?:my\s+|his\s+|her\s+|their\s+|the\s+)?"
            r"(infant|junior|primary|secondary)(?:\s+school)?\b",
            _school_phase,
        ),
        (
            r"\b(?:before|when|once)\s+"
            + _WHO_VERB
            + r"\s+(?:start|starts)\s+(?:school|reception)\b",
            _start_school,
        ),
        (
            _BY
            + r"end\s+of\s+(?:the\s+)?(?:key\s+stage\s*(\d)|ks\s?(\d)|(?:the\s+)?(?:eyfs|early\s+"
            r"years\s+foundation\s+stage|foundation\s+stage))\b",
            _key_stage,
        ),
        (
            r"\b(?:by\s+the\s+time|when|once|before|by\s+when)\s+(?:"
            + _WHO
            + r"|"
            + _WHO_VERB
            + r"\s+(?:turn|turns|reach|reaches))\s+"
            + _NUM
            + _AGE_TAIL,
            _age,
        ),
        (r"\b(?:by|before|at|from)\s+(?:the\s+)?age\s+(?:of\s+)?" + _NUM + _AGE_TAIL, _age),
        (r"\bby\s+(\d{1,2})\s*/\s*(\d{1,2})\b(?!\s*/)", _age),
        (r"\b(?:by|before)\s+(?:my|his|her|their|[a-z]+'s)\s+" + _ORDINAL + r"\s+birthday", _age),
        (
            r"\b(?:when|before|by\s+the\s+time)\s+" + _WHO_VERB + r"\s+(?:leave|leaves|finish|"
            r"finishes)\s+(school|college|sixth\s+form)\b",
            _leave_school,
        ),
        (
            _BY
            + r"end\s+of\s+(this\s+|the\s+|next\s+|the\s+next\s+|the\s+current\s+)?(?:school\s+)?"
            r"(?:(autumn|spring|summer)\s+)?(half[\s-]?)?term\b(?!\s+(?:of\s+)?\d{4})",
            _term,
        ),
        (r"\b(this|next)\s+(?:(autumn|spring|summer)\s+)?(half[\s-]?)?term\b", _term),
        (r"\bby\s+()()(half[\s-]?term)\b", _term),
        (
            r"\bby\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(autumn|spring|summer)\b(?!\s+(?:term\s+)?"
            r"(?:of\s+)?\d)",
            _named_term,
        ),
        (
            _BY + r"end\s+of\s+(?:this|the|next|the\s+next|the\s+current|my|the\s+school)?\s*"
            r"(?:school\s+|academic\s+)?year\b(?!\s?\d)",
            _school_year,
        ),
        (r"\b(?:this|next)\s+(?:school\s+|academic\s+)year\b", _school_year),
        (
            r"(?<!times\s)(?<!once\s)(?<!twice\s)\b(?:in|within|over|for)\s+(?:the\s+)?(?:next\s+|"
            r"coming\s+)?(?:" + _NUM + r"\s+|an?\s+|one\s+)?" + _UNITS,
            _duration,
        ),
        (r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b", _full_date),
        (r"\b(\d{4})-(\d{2})-(\d{2})\b", _iso_date),
        (r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(\d{4})\b", _day_month_year),
        (
            r"\b(by|in|before|until|end\s+of)\s+(?:the\s+end\s+of\s+)?"
            + _MONTH
            + r",?\s+(\d{4})\b",
            _month_year,
        ),
        (r"\bby\s+(?:the\s+end\s+of\s+)?" + _MONTH + r"(?!\s*,?\s*\d)\b", _month_only),
        (
            r"\b(?:by|in|before|end\s+of)\s+(?:the\s+)?(summer|spring|autumn|winter)(?:\s+term)?\s+"
            r"(?:of\s+)?(\d{4})\b",
            _season_year,
        ),
        (
            r"\b(?:by|in|during|end\s+of)\s+(?:the\s+)?(?:end\s+of\s+)?(?:the\s+)?(?:academic\s+|school"
            r"\s+)?(?:year\s+)?(20\d{2})\s?[/-]\s?(?:20)?\d{2}\b",
            _academic_year,
        ),
        (r"\b(?:by|in|before|end\s+of)\s+(?:the\s+end\s+of\s+)?(20\d{2})\b", _calendar_year),
        (
            r"\b(?:by|before)\s+(?:the\s+)?(christmas|easter)(?:\s+holidays?)?(?:\s+(20\d{2}))?\b",
            _festival,
        ),
        (r"\b(?:by|at|before)\s+(?:my|his|her|their|the)\s+next\s+(?:annual\s+)?review\b", _review),
        (
            r"\b(?:one\s+day|some\s*day|in\s+(?:the\s+)?future|eventually|soon|in\s+time|over\s+time|"
            r"at\s+some\s+point|in\s+the\s+long\s+(?:term|run)|in\s+adult\s+life|in\s+adulthood|as\s+an"
            r"\s+adult|when\s+" + _WHO + r"\s+(?:older|an\s+adult|a\s+grown[\s-]?up|grown[\s-]?up|"
            r"bigger|big)|when\s+(?:i|he|she|they)\s+grows?\s+up|later\s+in\s+life)\b",
            _vague,
        ),
    )
)
_QUICK = re.compile(
    r"\d|year|term|age|when|by|before|in |within|over|christmas|easter|one day|some|soon|time|"
    r"future|adult|grow|later|next|this"
)


def find_time_phrase(text: str, when: When, *, lowered: str | None = None) -> TimePhrase | None:
    """The statement's time phrase: the earliest definite one, else a vague one, else None."""
    lower = lowered if lowered is not None else text.lower()
    if not _QUICK.search(lower):
        return None
    best: tuple[tuple[int, int, int], re.Match[str], Resolver] | None = None
    for pattern, resolver in _PATTERNS:
        if best is not None and resolver is _vague:
            continue  # a definite phrase found already beats any vague one (speed)
        match = pattern.search(lower)
        if match is None:
            continue
        rank = (0 if resolver is not _vague else 1, match.start(), -match.end())
        if best is None or rank < best[0]:
            best = (rank, match, resolver)
    if best is None:
        return None
    _, match, resolver = best
    category, due, note = resolver(match, when)
    return TimePhrase(
        start=match.start(),
        end=match.end(),
        category=category,
        due=due,
        note=note,
        vague=category == "vague",
        approximate=category == "review",
    )
