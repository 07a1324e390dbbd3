"""Annex A person-level lists for an area SEND inspection, and the checks run on them.

Columns are those of the published Annex A SEND template (List 1: children and young people
with an EHC plan; List 2: with SEN support), as read by Data to Insight's open validator
(github.com/data-to-insight/annex-a-sen-validator-be, sen_validator/config.py). Each check
reproduces one of that validator's rules (sen_validator/rules/sen_v0_0_1/rule_<code>.py),
keeping its code and message; "today" is the day the lists are made.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from goldenthread.core.returns.findings import Finding, Rule

D2I = "Data to Insight annex-a-sen-validator-be, sen_validator/rules/sen_v0_0_1/rule_{}.py"

LIST_1_COLUMNS = (
    "Unique ID",
    "UPN",
    "ULN",
    "Date of birth",
    "Gender",
    "Ethnicity",
    "Date initial EHC plan issued",
    "Date updated EHC plan issued",
    "Date EHC plan last reviewed",
    "SEN primary need",
    "Main education establishment – URN",
    "Main education establishment – phase",
    "Subsidiary education establishment – phase (dual registration)",
    "Elective home education",
    "Suspensions",
    "Permanent exclusions",
    "Absence",
    "Pupil Premium",
    "Known to children's social care?",
    "Which children's social care team?",
    "Does the child or young person have a disability?",
)
LIST_2_COLUMNS = tuple(
    c
    for c in LIST_1_COLUMNS
    if c
    not in {
        "Date initial EHC plan issued",
        "Date updated EHC plan issued",
        "Date EHC plan last reviewed",
        "Elective home education",
    }
)
LISTS = {"List_1": LIST_1_COLUMNS, "List_2": LIST_2_COLUMNS}
DOB, UPN, ULN = "Date of birth", "UPN", "ULN"
INITIAL, UPDATED, REVIEWED = (
    "Date initial EHC plan issued",
    "Date updated EHC plan issued",
    "Date EHC plan last reviewed",
)
MAIN_URN = "Main education establishment – URN"
SUBSIDIARY = "Subsidiary education establishment – phase (dual registration)"
DISABILITY = "Does the child or young person have a disability?"

Value = str | int | dt.date | None


@dataclass(frozen=True)
class AnnexRow:
    """One child's row: ``record`` is their record number (the template's "Unique ID")."""

    record: int
    values: Mapping[str, Value]

    def get(self, column: str) -> Value:
        value = self.values.get(column)
        return None if value == "" else value


RowCheck = Callable[[AnnexRow, dt.date], bool]


@dataclass(frozen=True)
class AnnexCheck:
    rule: Rule
    field: str
    fails: RowCheck


def _years_after(born: dt.date, years: int) -> dt.date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # 29 February, as pandas DateOffset: 28 February
        return born.replace(year=born.year + years, day=28)


def _date(row: AnnexRow, column: str) -> dt.date | None:
    value = row.get(column)
    return value if isinstance(value, dt.date) else None


def _missing(column: str) -> RowCheck:
    return lambda row, today: row.get(column) is None


def _in_future(column: str) -> RowCheck:
    def fails(row: AnnexRow, today: dt.date) -> bool:
        day = _date(row, column)
        return day is not None and day > today

    return fails


def _after(first: str, second: str) -> RowCheck:
    def fails(row: AnnexRow, today: dt.date) -> bool:
        a, b = _date(row, first), _date(row, second)
        return a is not None and b is not None and a > b

    return fails


def _aged(low: int, high: int | None) -> Callable[[AnnexRow, dt.date], bool]:
    """DOB + low years < today (and DOB + high years > today), as the validator computes."""

    def within(row: AnnexRow, today: dt.date) -> bool:
        born = _date(row, DOB)
        if born is None:
            return False
        older = _years_after(born, low) < today
        return older and (high is None or _years_after(born, high) > today)

    return within


def _no_upn_uln_over_6(row: AnnexRow, today: dt.date) -> bool:
    return _aged(6, None)(row, today) and row.get(UPN) is None and row.get(ULN) is None


def _school_age_no_setting(row: AnnexRow, today: dt.date) -> bool:
    none = row.get(MAIN_URN) is None and row.get(SUBSIDIARY) is None
    return _aged(5, 16)(row, today) and none


def _school_age_subsidiary_only(row: AnnexRow, today: dt.date) -> bool:
    only = row.get(MAIN_URN) is None and row.get(SUBSIDIARY) is not None
    return _aged(5, 16)(row, today) and only


def _checks(prefix: str, with_plan_dates: bool) -> list[AnnexCheck]:
    def r(code: str, message: str) -> Rule:
        return Rule(f"AnnexA-{prefix}{code}", message, D2I.format(f"{prefix}{code}"))

    made = [
        AnnexCheck(r("01a", "Missing personal information - DOB"), DOB, _missing(DOB)),
        AnnexCheck(r("01b", "Missing personal information - Gender"), "Gender", _missing("Gender")),
        AnnexCheck(
            r("01c", "Missing personal information - Ethnicity"), "Ethnicity", _missing("Ethnicity")
        ),
        AnnexCheck(
            r("01d", "Missing personal information - SEN primary need"),
            "SEN primary need",
            _missing("SEN primary need"),
        ),
        AnnexCheck(r("02a", "Age is 25 - Query"), DOB, _aged(25, 26)),
        AnnexCheck(r("02b", "Age is 26 or over - Error"), DOB, _aged(26, None)),
        AnnexCheck(r("03", "No disability status given"), DISABILITY, _missing(DISABILITY)),
        AnnexCheck(r("05a", "Date of birth is in the future - Query"), DOB, _in_future(DOB)),
        AnnexCheck(
            r("07", "Child aged 6+ without either a) UPN, b) ULN"), "UPN / ULN", _no_upn_uln_over_6
        ),
        AnnexCheck(
            r(
                "08a",
                "School aged child/young person (5-16) without main OR subsidiary education "
                "establishment",
            ),
            MAIN_URN,
            _school_age_no_setting,
        ),
        AnnexCheck(
            r(
                "08b",
                "School aged child/young person (5-16) has subsidiary education establishment "
                "but not main",
            ),
            MAIN_URN,
            _school_age_subsidiary_only,
        ),
    ]
    if with_plan_dates:
        made += [
            AnnexCheck(
                r("05b", "Date initial EHC plan issued is in the future - Query"),
                INITIAL,
                _in_future(INITIAL),
            ),
            AnnexCheck(
                r("05c", "Date updated EHC plan issued is in the future - Query"),
                UPDATED,
                _in_future(UPDATED),
            ),
            AnnexCheck(
                r("05d", "Date EHC plan last reviewed is in the future - Query"),
                REVIEWED,
                _in_future(REVIEWED),
            ),
            AnnexCheck(
                r("06a", "Initial EHCP date is after Updated Date"),
                INITIAL,
                _after(INITIAL, UPDATED),
            ),
            AnnexCheck(
                r("06b", "Initial EHCP date is after Date EHC plan last reviewed"),
                INITIAL,
                _after(INITIAL, REVIEWED),
            ),
        ]
    return made


LIST_1_CHECKS = _checks("1", with_plan_dates=True)
LIST_2_CHECKS = _checks("2", with_plan_dates=False)
DUPLICATE_UPN = {
    prefix: Rule(
        f"AnnexA-{prefix}09",
        "Duplicated UPN - return requires only the most recent initial EHCP date, close the "
        "first and submit the most recent.",
        D2I.format(f"{prefix}09"),
    )
    for prefix in ("1", "2")
}
ALL_RULES = [c.rule for c in LIST_1_CHECKS + LIST_2_CHECKS] + list(DUPLICATE_UPN.values())


def annex_a_findings(list_name: str, rows: list[AnnexRow], today: dt.date) -> list[Finding]:
    """Every rule broken in one list ("List_1" or "List_2"), naming the child's record."""
    prefix = list_name[-1]
    checks = LIST_1_CHECKS if prefix == "1" else LIST_2_CHECKS
    found = [
        Finding(check.rule, row.record, check.field, _shown(row.get(check.field)))
        for row in rows
        for check in checks
        if check.fails(row, today)
    ]
    upns = Counter(row.get(UPN) for row in rows if row.get(UPN) is not None)
    found.extend(
        Finding(DUPLICATE_UPN[prefix], row.record, UPN, str(row.get(UPN)))
        for row in rows
        if row.get(UPN) is not None and upns[row.get(UPN)] > 1
    )
    return found


def _shown(value: Value) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)


def row_cells(row: AnnexRow, columns: tuple[str, ...]) -> Iterator[Value]:
    for column in columns:
        yield row.record if column == "Unique ID" else row.get(column)
