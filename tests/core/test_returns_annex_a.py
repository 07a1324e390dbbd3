"""Annex A: each of Data to Insight's validator rules reproduced, broken on purpose, and caught."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from goldenthread.core.returns import annex_a
from goldenthread.core.returns.annex_a import AnnexRow, annex_a_findings

TODAY = dt.date(2026, 12, 6)
D = dt.date


def _values(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "UPN": "A123456789012",
        "ULN": None,
        "Date of birth": D(2015, 3, 1),
        "Gender": "Female",
        "Ethnicity": "BAFR",
        "Date initial EHC plan issued": D(2022, 5, 1),
        "Date updated EHC plan issued": D(2024, 6, 1),
        "Date EHC plan last reviewed": D(2026, 5, 1),
        "SEN primary need": "ASD",
        annex_a.MAIN_URN: "123456",
        "Main education establishment – phase": "PRI",
        annex_a.SUBSIDIARY: None,
        annex_a.DISABILITY: "Yes",
    }
    values.update({k.replace("_", " "): v for k, v in changes.items()})
    return values


def _row(record: int = 5, **changes: Any) -> AnnexRow:
    values = _values()
    values.update(changes)
    return AnnexRow(record, values)


def _codes(list_name: str, rows: list[AnnexRow]) -> set[tuple[str, int, str]]:
    return {(f.rule.rule_id, f.record, f.field) for f in annex_a_findings(list_name, rows, TODAY)}


DOB = "Date of birth"
BREAKS_1 = {
    "101a": ({DOB: None}, DOB),
    "101b": ({"Gender": None}, "Gender"),
    "101c": ({"Ethnicity": ""}, "Ethnicity"),
    "101d": ({"SEN primary need": None}, "SEN primary need"),
    "102a": ({DOB: D(2001, 6, 1)}, DOB),  # 25
    "102b": ({DOB: D(2000, 6, 1)}, DOB),  # 26
    "103": ({annex_a.DISABILITY: None}, annex_a.DISABILITY),
    "105a": ({DOB: D(2027, 1, 1)}, DOB),
    "105b": ({annex_a.INITIAL: D(2027, 1, 1), annex_a.UPDATED: None, annex_a.REVIEWED: None},
             annex_a.INITIAL),
    "105c": ({annex_a.UPDATED: D(2027, 1, 1)}, annex_a.UPDATED),
    "105d": ({annex_a.REVIEWED: D(2027, 1, 1)}, annex_a.REVIEWED),
    "106a": ({annex_a.UPDATED: D(2021, 1, 1)}, annex_a.INITIAL),
    "106b": ({annex_a.REVIEWED: D(2021, 1, 1), annex_a.UPDATED: None}, annex_a.INITIAL),
    "107": ({"UPN": None, "ULN": None}, "UPN / ULN"),
    "108a": ({annex_a.MAIN_URN: None}, annex_a.MAIN_URN),
    "108b": ({annex_a.MAIN_URN: None, annex_a.SUBSIDIARY: "PRI"}, annex_a.MAIN_URN),
}  # fmt: skip


def test_a_valid_row_passes_every_rule_in_both_lists() -> None:
    assert _codes("List_1", [_row()]) == set()
    assert _codes("List_2", [_row()]) == set()


@pytest.mark.parametrize("code", sorted(BREAKS_1))
def test_list_1_rule_is_caught_naming_the_record(code: str) -> None:
    changes, field = BREAKS_1[code]
    found = _codes("List_1", [_row(record=77, **changes), _row(record=78, UPN=None, ULN="1")])
    assert (f"AnnexA-{code}", 77, field) in found
    assert all(record == 77 for _, record, _ in found)


@pytest.mark.parametrize(
    "code", sorted(c for c in BREAKS_1 if c[1:] not in {"05b", "05c", "05d", "06a", "06b"})
)
def test_list_2_rule_is_caught_naming_the_record(code: str) -> None:
    changes, field = BREAKS_1[code]
    list_2 = "2" + code[1:]
    found = _codes("List_2", [_row(record=90, **changes)])
    assert (f"AnnexA-{list_2}", 90, field) in found


@pytest.mark.parametrize("list_name", ["List_1", "List_2"])
def test_duplicated_upn_names_both_records(list_name: str) -> None:
    code = f"AnnexA-{list_name[-1]}09"
    found = _codes(list_name, [_row(record=1), _row(record=2), _row(record=3, UPN="B1")])
    assert {(c, r) for c, r, _ in found} == {(code, 1), (code, 2)}


def test_every_rule_cites_the_validator_file_it_reproduces() -> None:
    codes = {r.rule_id for r in annex_a.ALL_RULES}
    expected = {f"AnnexA-{c}" for c in BREAKS_1} | {"AnnexA-109", "AnnexA-209"}
    expected |= {
        f"AnnexA-2{c[1:]}" for c in BREAKS_1 if not c.startswith(("105b", "105c", "105d", "106"))
    }
    assert codes == expected
    for rule in annex_a.ALL_RULES:
        assert f"rule_{rule.rule_id.removeprefix('AnnexA-')}.py" in rule.source


def test_ages_at_the_edges_as_the_validator_counts_them() -> None:
    # DOB + 25 years before today and DOB + 26 after: "Age is 25"; the day itself is not.
    on_birthday = _row(**{DOB: D(2001, 12, 6)})
    day_after = _row(**{DOB: D(2001, 12, 5)})
    assert _codes("List_1", [on_birthday]) == set()
    assert ("AnnexA-102a", 5, DOB) in _codes("List_1", [day_after])
    # School age is 5 to 16 by the same reckoning; a child of 4 needs no setting.
    assert _codes("List_1", [_row(**{DOB: D(2022, 6, 1), annex_a.MAIN_URN: None})]) == set()


def test_leap_day_birthdays() -> None:
    # Born 29 February 2000: turns 26 on 28 February 2026 (as pandas' DateOffset counts it),
    # so "26 or over" from 1 March 2026, and not yet on 28 February.
    row = [_row(**{DOB: D(2000, 2, 29)})]
    on_the_day = annex_a_findings("List_1", row, D(2026, 2, 28))
    next_day = annex_a_findings("List_1", row, D(2026, 3, 1))
    assert "AnnexA-102b" not in {f.rule.rule_id for f in on_the_day}
    assert "AnnexA-102b" in {f.rule.rule_id for f in next_day}
