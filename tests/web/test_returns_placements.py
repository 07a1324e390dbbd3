"""SEN2 placements: opened by a signal, checked by name; the child's return-details pages."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import pytest
from django.apps import apps
from django.utils import timezone

from goldenthread.core.returns.sen2_rules import sen2_findings
from goldenthread.web.accounts.models import Organisation
from goldenthread.web.plans.models import Child, Plan, PlanStatus
from goldenthread.web.returns.gather import sen2_build
from goldenthread.web.returns.models import ChildPlacement, ChildReturnDetails
from tests.web import factories

D = dt.date
YEAR = 2027
CENSUS = D(2027, 1, 21)


def _in_force(area: factories.Area) -> Child:
    """The area's child with an EHC plan issued in 2026, so SEN2 2027 sends its placements."""
    Plan.objects.filter(pk=area.thread.plan.pk).update(
        kind="ehc_plan", status=PlanStatus.FINAL, issued_on=D(2026, 3, 2), version=1
    )
    Organisation.objects.filter(pk=area.school.pk).update(urn="123456")
    ChildReturnDetails.objects.create(child=area.child, gender="F")
    return area.child


def _found(child: Child) -> set[tuple[str, int, str]]:
    sen2 = sen2_build(child.local_authority, YEAR, only=[child.pk])
    return {(f.rule.rule_id, f.record, f.field) for f in sen2_findings(sen2)}


@pytest.mark.django_db
def test_changing_a_childs_setting_ends_one_placement_and_opens_the_next(area: Any) -> None:
    child = area.child
    (first,) = ChildPlacement.objects.filter(child=child)
    assert (first.setting_id, first.rank, first.leaving_date) == (area.school.pk, 1, None)
    ChildPlacement.objects.filter(pk=first.pk).update(entry_date=D(2025, 9, 1))
    college = factories.organisation_create(name="Westshire College", parent=area.local_authority)
    child.current_setting = college
    child.save()
    today = timezone.localdate()
    rows = list(ChildPlacement.objects.filter(child=child).order_by("entry_date"))
    assert [(p.setting_id, p.entry_date, p.leaving_date) for p in rows] == [
        (area.school.pk, D(2025, 9, 1), today),
        (college.pk, today, None),
    ]
    child.first_name = "Ada Mae"
    child.save()  # no change of setting: no new placement
    assert ChildPlacement.objects.filter(child=child).count() == 2
    child.current_setting = None
    child.save()
    assert not ChildPlacement.objects.filter(child=child, leaving_date__isnull=True).exists()


@pytest.mark.django_db
def test_placements_go_in_the_return_with_dates_res_and_wbp(area: Any) -> None:
    child = _in_force(area)
    ChildPlacement.objects.filter(child=child).update(
        entry_date=D(2025, 9, 1), residential=True, work_based=False
    )
    sen2 = sen2_build(child.local_authority, YEAR, only=[child.pk])
    (person,) = sen2.people
    (request,) = person.requests
    assert request.active_plan is not None
    (place,) = request.active_plan.placements
    assert (place.urn, place.entry_date, place.residential, place.work_based) == (
        "123456",
        D(2025, 9, 1),
        True,
        False,
    )
    assert person.sex == "F"
    assert not {f for f in _found(child) if f[0].startswith("SEN2-L")}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rule_id", "field"),
    [
        ("SEN2-L05", "PlacementDetail: LeavingDate"),
        ("SEN2-L08", "PlacementDetail: EntryDate"),
        ("SEN2-L09", "PlacementDetail: LeavingDate"),
        ("SEN2-L12", "PlacementDetail: URN / UKPRN"),
    ],
)
def test_each_placement_rule_is_caught_naming_the_child(
    area: Any, rule_id: str, field: str
) -> None:
    child = _in_force(area)
    ChildPlacement.objects.filter(child=child).update(entry_date=D(2025, 9, 1))
    if rule_id == "SEN2-L05":
        ChildPlacement.objects.filter(child=child).update(leaving_date=D(2025, 8, 1))
    elif rule_id == "SEN2-L08":
        ChildPlacement.objects.create(child=child, sen_setting="OTH", entry_date=D(2026, 2, 1))
    elif rule_id == "SEN2-L09":
        ChildPlacement.objects.filter(child=child).update(leaving_date=D(2026, 7, 20))
    else:
        Organisation.objects.filter(pk=area.school.pk).update(urn="")
    assert (rule_id, child.pk, field) in _found(child)


@pytest.mark.django_db
def test_stored_gender_codes_become_sex_letters() -> None:
    migration = importlib.import_module(
        "goldenthread.web.returns.migrations.0002_placements_and_sex"
    )
    kept = {}
    for code in ("1", "2", "9"):
        child = factories.child_create()
        kept[code] = ChildReturnDetails.objects.create(child=child, gender=code)
    migration.gender_to_sex(apps, None)
    got = {code: ChildReturnDetails.objects.get(pk=d.pk).gender for code, d in kept.items()}
    assert got == {"1": "M", "2": "F", "9": ""}


@pytest.mark.django_db
def test_a_caseworker_corrects_the_return_details(area: Any, page: Any) -> None:
    child = _in_force(area)
    ChildReturnDetails.objects.filter(child=child).update(gender="")
    url = f"/returns/children/{child.pk}/details/"
    page.sign_in(area.coordinator)
    shown = page.get(url)
    assert "SEN2-P06" in shown.text and f"Child {child.pk}" in shown.text
    page.post(url, {"gender": "bad"}, status=400)
    page.post(url, {"gender": "M", "ethnicity": "WBRI", "postcode": "ws1 1aa"})
    kept = ChildReturnDetails.objects.get(child=child)
    assert (kept.gender, kept.postcode) == ("M", "WS1 1AA")
    assert "SEN2-P06" not in page.get(url).text


@pytest.mark.django_db
def test_starting_a_placement_ends_the_open_one(area: Any, page: Any) -> None:
    child = _in_force(area)
    ChildPlacement.objects.filter(child=child).update(entry_date=D(2025, 9, 1))
    url = f"/returns/children/{child.pk}/placements/new/"
    page.sign_in(area.coordinator)
    assert "Start the placement" in page.get(url).text
    base = {"rank": 1, "entry_date-day": "1", "entry_date-month": "9", "entry_date-year": "2026"}
    page.post(url, {**base, "ukprn": "10012345", "sen_setting": "OTH"}, status=400)  # two given
    page.post(url, {**base, "entry_date-year": "2025", "sen_setting": "OTH"}, status=400)
    page.post(url, {**base, "ukprn": "10012345", "work_based": "on"})
    rows = list(ChildPlacement.objects.filter(child=child).order_by("entry_date"))
    assert [(p.ukprn, p.entry_date, p.leaving_date, p.work_based) for p in rows] == [
        ("", D(2025, 9, 1), D(2026, 9, 1), False),
        ("10012345", D(2026, 9, 1), None, True),
    ]
    assert not {f for f in _found(child) if f[0] in {"SEN2-L08", "SEN2-L09"}}


@pytest.mark.django_db
def test_the_pages_are_gated_by_access_to_the_child(area: Any, page: Any) -> None:
    page.sign_in(area.stranger)
    page.get(f"/returns/children/{area.child.pk}/details/", status=404)
    page.post(f"/returns/children/{area.child.pk}/placements/new/", {"rank": 1}, status=404)
    assert not ChildReturnDetails.objects.filter(child=area.child).exists()
