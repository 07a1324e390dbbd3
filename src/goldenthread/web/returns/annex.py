"""Annex A lists from the records, and their CSV and XLSX files in the template's columns.

List 1: children and young people with an EHC plan in force. List 2: those with a SEN support
plan in force and no EHC plan. Dates are written as dates (the template's dd/mm/yyyy in CSV).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from openpyxl import Workbook

from goldenthread.core import calendar
from goldenthread.core.returns import annex_a
from goldenthread.core.returns.annex_a import AnnexRow
from goldenthread.core.spreadsheet_safety import SpreadsheetCsvWriter, spreadsheet_row
from goldenthread.web.accounts.models import Organisation
from goldenthread.web.plans.models import Child, Plan, PlanStatus
from goldenthread.web.returns.models import ChildReturnDetails
from goldenthread.web.reviews.models import Review

PHASES = (
    (0, "EY"),  # below Reception
    (7, "PRI"),  # Reception to Year 6
    (12, "SEC"),  # Years 7 to 11
)
NEED_UNKNOWN = "NSA"


def _phase(born: dt.date, today: dt.date) -> str:
    """The phase of a child's main setting, from their year group (the setting has no phase)."""
    group = calendar.year_group(born, today)
    if group is None or group < 0:
        return "EY"
    for below, phase in PHASES:
        if group < below:
            return phase
    return "FE"


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("Yes" if value else "No")


def annex_a_lists(local_authority: Organisation, today: dt.date) -> dict[str, list[AnnexRow]]:
    """``{"List_1": rows, "List_2": rows}`` for the authority's children, as on ``today``."""
    children = Child.objects.filter(local_authority=local_authority, archived_at__isnull=True)
    plans = Plan.objects.filter(
        child__in=children,
        status=PlanStatus.FINAL,
        archived_at__isnull=True,
        issued_on__isnull=False,
        kind__in=["ehc_plan", "sen_support"],
    ).values_list("id", "child_id", "kind", "issued_on", "version")
    first_issue: dict[int, dt.date] = {}
    latest_issue: dict[int, dt.date] = {}
    support: set[int] = set()
    ehc_versions: dict[int, int] = {}
    for pk, child_id, kind, issued_on, _version in plans.iterator(chunk_size=5000):
        if kind == "sen_support":
            support.add(child_id)
            continue
        if issued_on is None:  # filtered out above; for the type checker
            continue
        ehc_versions[pk] = child_id
        first_issue[child_id] = min(first_issue.get(child_id, issued_on), issued_on)
        latest_issue[child_id] = max(latest_issue.get(child_id, issued_on), issued_on)
    reviewed: dict[int, dt.date] = {}
    for plan_id, meeting_on in Review.objects.filter(
        plan_id__in=list(ehc_versions), meeting_on__lte=today
    ).values_list("plan_id", "meeting_on"):
        child_id = ehc_versions[plan_id]
        reviewed[child_id] = max(reviewed.get(child_id, meeting_on), meeting_on)
    wanted = set(first_issue) | support
    details = {d.child_id: d for d in ChildReturnDetails.objects.filter(child_id__in=list(wanted))}
    lists: dict[str, list[AnnexRow]] = {"List_1": [], "List_2": []}
    query = children.filter(pk__in=list(wanted)).select_related("current_setting").order_by("pk")
    for child in query.iterator(chunk_size=2000):
        kept = details.get(child.pk)
        values: dict[str, Any] = _common(child, kept, today)
        if child.pk in first_issue:
            first, latest = first_issue[child.pk], latest_issue[child.pk]
            values[annex_a.INITIAL] = first
            values[annex_a.UPDATED] = latest if latest != first else None
            values[annex_a.REVIEWED] = reviewed.get(child.pk)
            values["Elective home education"] = _yes_no(
                kept.elective_home_education if kept else None
            )
            lists["List_1"].append(AnnexRow(child.pk, values))
        else:
            lists["List_2"].append(AnnexRow(child.pk, values))
    return lists


def _common(child: Child, kept: ChildReturnDetails | None, today: dt.date) -> dict[str, Any]:
    setting = child.current_setting
    urn = setting.urn if setting is not None and setting.urn else None
    return {
        annex_a.UPN: child.upn or None,
        annex_a.ULN: (kept.uln or None) if kept else None,
        annex_a.DOB: child.date_of_birth,
        "Gender": (kept.get_gender_display().split(": ", 1)[-1] if kept.gender else None)
        if kept
        else None,
        "Ethnicity": (kept.ethnicity or None) if kept else None,
        "SEN primary need": child.primary_need or None,
        annex_a.MAIN_URN: urn,
        "Main education establishment – phase": _phase(child.date_of_birth, today) if urn else None,
        annex_a.SUBSIDIARY: None,
        "Suspensions": kept.suspensions if kept else None,
        "Permanent exclusions": kept.permanent_exclusions if kept else None,
        "Absence": float(kept.absence_percent)
        if kept and kept.absence_percent is not None
        else None,
        "Pupil Premium": _yes_no(kept.pupil_premium) if kept else None,
        "Known to children's social care?": _yes_no(kept.known_to_social_care) if kept else None,
        "Which children's social care team?": (kept.social_care_team or None) if kept else None,
        annex_a.DISABILITY: _yes_no(kept.disability) if kept else None,
    }


def _cells(row: AnnexRow, columns: tuple[str, ...], *, for_csv: bool) -> list[Any]:
    cells = []
    for value in annex_a.row_cells(row, columns):
        shown = value.strftime("%d/%m/%Y") if for_csv and isinstance(value, dt.date) else value
        cells.append("" if shown is None else shown)
    return cells


def annex_a_csv(rows: list[AnnexRow], list_name: str) -> str:
    columns = annex_a.LISTS[list_name]
    out = io.StringIO()
    writer = SpreadsheetCsvWriter(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(_cells(row, columns, for_csv=True))
    return out.getvalue()


def annex_a_xlsx(lists: dict[str, list[AnnexRow]]) -> bytes:
    """One workbook, a sheet per list named as in the template ("List 1", "List 2")."""
    book = Workbook(write_only=True)
    for list_name, rows in lists.items():
        columns = annex_a.LISTS[list_name]
        sheet = book.create_sheet(list_name.replace("_", " "))
        sheet.append(list(columns))
        for row in rows:
            sheet.append(spreadsheet_row(_cells(row, columns, for_csv=False)))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
