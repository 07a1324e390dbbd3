"""The English school calendar: academic years, year groups, key stages and term ends.

Facts (DOMAIN.md §5): the academic year runs 1 September to 31 August; a child's year group is
their age on the 31 August before the year starts, minus 4 (Reception = 0, Nursery = -1);
compulsory school age ends on the last Friday in June of the academic year in which they turn 16.

Term dates are set by each school or local authority, so every function that needs a term end
takes an optional ``terms`` object (see :class:`TermDates`). Without one, these documented
defaults are used (:class:`DefaultTermDates`):

- autumn term ends on the Friday on or before 20 December;
- spring term ends on Good Friday (the Friday before Easter Sunday);
- summer term, and so the school year and each year group, ends on 31 July.

A person born on 29 February has their birthday on 1 March in years that are not leap years.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from dateutil.easter import easter

NURSERY = -1
RECEPTION = 0
LAST_YEAR_GROUP = 13
FRIDAY = 4
AUTUMN_TERM_LATEST_END = (12, 20)
SCHOOL_YEAR_END = (7, 31)
ADULT_PLAN_AGE_LIMIT = 25


class KeyStage(StrEnum):
    """The stages of education in England, each a run of year groups."""

    EYFS = "EYFS"
    KS1 = "KS1"
    KS2 = "KS2"
    KS3 = "KS3"
    KS4 = "KS4"
    KS5 = "KS5"


KEY_STAGE_YEARS: dict[KeyStage, tuple[int, int]] = {
    KeyStage.EYFS: (NURSERY, RECEPTION),
    KeyStage.KS1: (1, 2),
    KeyStage.KS2: (3, 6),
    KeyStage.KS3: (7, 9),
    KeyStage.KS4: (10, 11),
    KeyStage.KS5: (12, 13),
}


class Term(StrEnum):
    """The three school terms."""

    AUTUMN = "autumn"
    SPRING = "spring"
    SUMMER = "summer"


class TermDates(Protocol):
    """When each term ends in the academic year that starts in September of ``start_year``."""

    def term_end(self, start_year: int, term: Term) -> dt.date: ...

    def half_term_ends(self, start_year: int) -> tuple[dt.date, ...]: ...


def last_weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    """The latest date on or before ``day`` that falls on ``weekday`` (Monday = 0)."""
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def last_friday_of_month(year: int, month: int) -> dt.date:
    """The last Friday of a month."""
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    return last_weekday_on_or_before(next_month - dt.timedelta(days=1), FRIDAY)


@dataclass(frozen=True, slots=True)
class DefaultTermDates:
    """Documented default term ends, used when a setting's own dates are not known."""

    def term_end(self, start_year: int, term: Term) -> dt.date:
        if term is Term.AUTUMN:
            return last_weekday_on_or_before(dt.date(start_year, *AUTUMN_TERM_LATEST_END), FRIDAY)
        if term is Term.SPRING:
            return easter(start_year + 1) - dt.timedelta(days=2)
        return dt.date(start_year + 1, *SCHOOL_YEAR_END)

    def half_term_ends(self, start_year: int) -> tuple[dt.date, ...]:
        """Six half-term ends: last Friday of October, autumn end, the Friday on or before
        16 February, spring end, last Friday of May, summer end."""
        return (
            last_friday_of_month(start_year, 10),
            self.term_end(start_year, Term.AUTUMN),
            last_weekday_on_or_before(dt.date(start_year + 1, 2, 16), FRIDAY),
            self.term_end(start_year, Term.SPRING),
            last_friday_of_month(start_year + 1, 5),
            self.term_end(start_year, Term.SUMMER),
        )


@dataclass(frozen=True, slots=True)
class TermDateTable:
    """A setting's own term ends by academic year; years not in the table use the defaults."""

    ends: dict[int, dict[Term, dt.date]] = field(default_factory=dict)

    def term_end(self, start_year: int, term: Term) -> dt.date:
        known = self.ends.get(start_year, {})
        return known.get(term) or DEFAULT_TERMS.term_end(start_year, term)

    def half_term_ends(self, start_year: int) -> tuple[dt.date, ...]:
        defaults = DEFAULT_TERMS.half_term_ends(start_year)
        return (
            defaults[0],
            self.term_end(start_year, Term.AUTUMN),
            defaults[2],
            self.term_end(start_year, Term.SPRING),
            defaults[4],
            self.term_end(start_year, Term.SUMMER),
        )


DEFAULT_TERMS = DefaultTermDates()


def academic_year_start(on: dt.date) -> int:
    """The calendar year in which the academic year containing ``on`` began (in September)."""
    return on.year if on.month >= 9 else on.year - 1


def age_on(dob: dt.date, on: dt.date) -> int:
    """Age in whole years on a date (29 February birthdays fall on 1 March in other years)."""
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def birthday(dob: dt.date, age: int) -> dt.date:
    """The date on which a person reaches ``age``."""
    year = dob.year + age
    try:
        return dob.replace(year=year)
    except ValueError:  # 29 February in a year that is not a leap year
        return dt.date(year, 3, 1)


def year_group(dob: dt.date, on: dt.date) -> int | None:
    """Year group on a date: Nursery -1, Reception 0, Year 1..13; None before Nursery or after
    Year 13."""
    group = age_on(dob, dt.date(academic_year_start(on), 8, 31)) - 4
    if NURSERY <= group <= LAST_YEAR_GROUP:
        return group
    return None


def year_group_label(group: int) -> str:
    """How a year group is shown to people: "Nursery", "Reception", "Year 3"."""
    if group == NURSERY:
        return "Nursery"
    if group == RECEPTION:
        return "Reception"
    return f"Year {group}"


def stage_label(dob: dt.date, on: dt.date) -> str:
    """The year group label, or "early years" (before Nursery) or "after Year 13"."""
    group = year_group(dob, on)
    if group is not None:
        return year_group_label(group)
    if age_on(dob, dt.date(academic_year_start(on), 8, 31)) - 4 < NURSERY:
        return "early years"
    return "after Year 13"


def key_stage(group: int) -> KeyStage | None:
    """The key stage that a year group belongs to (None outside Nursery..Year 13)."""
    for stage, (first, last) in KEY_STAGE_YEARS.items():
        if first <= group <= last:
            return stage
    return None


def academic_year_of_year_group(dob: dt.date, group: int) -> int:
    """The start year of the academic year in which a child is in ``group``."""
    autumn_born = 1 if (dob.month, dob.day) > (8, 31) else 0
    return dob.year + group + 4 + autumn_born


def end_of_year_group(dob: dt.date, group: int, terms: TermDates | None = None) -> dt.date:
    """The last day of the summer term of the year the child is in ``group`` (default 31 July)."""
    return (terms or DEFAULT_TERMS).term_end(academic_year_of_year_group(dob, group), Term.SUMMER)


def end_of_key_stage(dob: dt.date, stage: KeyStage, terms: TermDates | None = None) -> dt.date:
    """The end of the last year group of a key stage for this child."""
    return end_of_year_group(dob, KEY_STAGE_YEARS[stage][1], terms)


def end_of_school_year(on: dt.date, terms: TermDates | None = None, *, ahead: int = 0) -> dt.date:
    """The end of the school year containing ``on`` (``ahead`` = 1 for next school year).

    In the summer holiday, "this school year" means the one about to start.
    """
    terms = terms or DEFAULT_TERMS
    start = academic_year_start(on)
    if on > terms.term_end(start, Term.SUMMER):
        start += 1
    return terms.term_end(start + ahead, Term.SUMMER)


def _term_ends_from(on: dt.date, terms: TermDates) -> list[dt.date]:
    start = academic_year_start(on)
    ends = [terms.term_end(year, term) for year in (start, start + 1) for term in Term]
    return [end for end in ends if end >= on]


def end_of_term(on: dt.date, terms: TermDates | None = None, *, ahead: int = 0) -> dt.date:
    """The end of the current term (``ahead`` = 1 for next term). In a holiday, the current term
    is the next one to end."""
    return _term_ends_from(on, terms or DEFAULT_TERMS)[ahead]


def end_of_named_term(on: dt.date, term: Term, terms: TermDates | None = None) -> dt.date:
    """The next end (on or after ``on``) of the autumn, spring or summer term."""
    terms = terms or DEFAULT_TERMS
    start = academic_year_start(on)
    end = terms.term_end(start, term)
    return end if end >= on else terms.term_end(start + 1, term)


def end_of_half_term(on: dt.date, terms: TermDates | None = None) -> dt.date:
    """The next half-term end on or after ``on``."""
    terms = terms or DEFAULT_TERMS
    start = academic_year_start(on)
    ends = (*terms.half_term_ends(start), *terms.half_term_ends(start + 1))
    return next(end for end in ends if end >= on)


def compulsory_school_age_end(dob: dt.date) -> dt.date:
    """The last Friday in June of the academic year in which the child turns 16."""
    start = academic_year_start(birthday(dob, 16))
    return last_friday_of_month(start + 1, 6)
