"""Timeliness for leaders: plans issued within 20 weeks, average weeks to issue, advice on time.

Every figure goes through the disclosure-control core (``goldenthread.core.insights``): counts
of 1 to the threshold are withheld, every shown count is rounded, a share is withheld when its
numerator, denominator or the difference is small (``rate_protect``), and an average is withheld
when it stands for a small number of children. Years are school years (1 September to
31 August, by the day the plan was issued or the advice was due), so a plan issued on
31 August counts in the year ending then, one issued on 1 September in the next.

"Within 20 weeks" follows the DfE's published measure: the final plan issued no more than
140 days after the request. "Excluding exceptions" leaves out the assessments where a reg 10(4)
exception applied, as the DfE's headline does.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from goldenthread.core import calendar as cal
from goldenthread.core.insights import DisclosurePolicy, PublishedCount, PublishedShare
from goldenthread.core.insights.policy import headline_protect, rate_protect

TWENTY_WEEKS = dt.timedelta(weeks=20)


def within_20_weeks(received_on: dt.date, issued_on: dt.date) -> bool:
    return issued_on <= received_on + TWENTY_WEEKS


def school_year_label(day: dt.date) -> str:
    start = cal.academic_year_start(day)
    return f"{start}/{str(start + 1)[-2:]}"


@dataclass(frozen=True, slots=True)
class IssuedRow:
    received_on: dt.date
    issued_on: dt.date
    exceptions: bool
    group: str


@dataclass(frozen=True, slots=True)
class AdviceRow:
    due_on: dt.date
    received_on: dt.date | None
    group: str


@dataclass(frozen=True, slots=True)
class TimelinessLine:
    group: str
    year: str
    issued: PublishedCount
    within: PublishedShare
    within_without_exceptions: PublishedShare
    average_weeks: str


@dataclass(frozen=True, slots=True)
class AdviceLine:
    group: str
    year: str
    asked: PublishedCount
    on_time: PublishedShare


def _average(weeks: list[float], policy: DisclosurePolicy) -> str:
    if not weeks:
        return policy.not_applicable
    if policy.is_small(len(weeks)):
        return policy.confidential
    mean = Decimal(sum(weeks) / len(weeks)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return str(mean)


def timeliness_lines(rows: Iterable[IssuedRow], policy: DisclosurePolicy) -> list[TimelinessLine]:
    """One line per group and school year, newest year first, groups in name order."""
    cells: dict[tuple[str, str], list[IssuedRow]] = defaultdict(list)
    for row in rows:
        cells[(row.group, school_year_label(row.issued_on))].append(row)
    lines = []
    for (group, year), found in sorted(cells.items(), key=lambda c: (c[0][1], c[0][0])):
        within = sum(within_20_weeks(r.received_on, r.issued_on) for r in found)
        plain = [r for r in found if not r.exceptions]
        plain_within = sum(within_20_weeks(r.received_on, r.issued_on) for r in plain)
        weeks = [(r.issued_on - r.received_on).days / 7 for r in found]
        lines.append(
            TimelinessLine(
                group=group,
                year=year,
                issued=headline_protect(count=len(found), policy=policy, cell=(group, year)),
                within=rate_protect(numerator=within, denominator=len(found), policy=policy),
                within_without_exceptions=rate_protect(
                    numerator=plain_within, denominator=len(plain), policy=policy
                ),
                average_weeks=_average(weeks, policy),
            )
        )
    return sorted(lines, key=lambda line: line.year, reverse=True)


def advice_lines(rows: Iterable[AdviceRow], policy: DisclosurePolicy) -> list[AdviceLine]:
    """Advice that came back on time, by service and the school year it was due."""
    cells: dict[tuple[str, str], list[AdviceRow]] = defaultdict(list)
    for row in rows:
        cells[(row.group, school_year_label(row.due_on))].append(row)
    lines = []
    for (group, year), found in cells.items():
        on_time = sum(r.received_on is not None and r.received_on <= r.due_on for r in found)
        lines.append(
            AdviceLine(
                group=group,
                year=year,
                asked=headline_protect(count=len(found), policy=policy, cell=(group, year)),
                on_time=rate_protect(numerator=on_time, denominator=len(found), policy=policy),
            )
        )
    lines.sort(key=lambda line: line.group)
    return sorted(lines, key=lambda line: line.year, reverse=True)
