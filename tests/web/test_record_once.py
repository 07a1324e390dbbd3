"""Dates that make sense and each child once (issue 16): refused with the field named, on the
pages, through the services the API and imports use, and through an import."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from goldenthread.core.record_rules import (
    BORN_IN_FUTURE,
    BORN_TOO_LONG_AGO,
    MEETING_IN_FUTURE,
    birth_date_problem,
)
from goldenthread.web.plans.duplicates import name_key
from goldenthread.web.plans.models import Child
from goldenthread.web.plans.services.common import record_save
from goldenthread.web.reviews.models import PlanDecision, Review, ReviewKind
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.factories import VALID_NHS_NUMBER, VALID_UPN, Area
from tests.web.pagecheck import field_error

TODAY = dt.date(2026, 12, 6)


def test_a_date_of_birth_is_in_the_past_and_within_25_years() -> None:
    assert birth_date_problem(TODAY + dt.timedelta(days=1), today=TODAY) == BORN_IN_FUTURE
    assert birth_date_problem(dt.date(2000, 12, 6), today=TODAY) == BORN_TOO_LONG_AGO  # 26
    assert birth_date_problem(dt.date(2000, 12, 7), today=TODAY) is None  # 25 until tomorrow
    assert birth_date_problem(TODAY, today=TODAY) is None


def test_names_match_without_case_or_accents() -> None:
    assert name_key("Prŷs") == name_key("PRYS") == name_key("prys")
    assert name_key("Zoë") == name_key("zoe") and name_key("Anna") != name_key("Ana")


def _add(page: PageClient, area: Area, **changes: str) -> dict[str, str]:
    values = {
        "first_name": "Rhys",
        "last_name": "Prŷs",
        "date_of_birth-day": "4",
        "date_of_birth-month": "5",
        "date_of_birth-year": "2015",
        "primary_need": "ASD",
        "current_setting": str(area.school.pk),
    }
    values.update(changes)
    return values


@pytest.mark.parametrize(
    ("year", "message"),
    [(str(timezone.localdate().year + 3), BORN_IN_FUTURE), ("1990", BORN_TOO_LONG_AGO)],
)
def test_add_a_child_refuses_an_impossible_birth_date_on_its_field(
    coordinator_page: PageClient, area: Area, year: str, message: str
) -> None:
    refused = coordinator_page.post(
        "/children/add/", _add(coordinator_page, area, **{"date_of_birth-year": year}), status=400
    )
    assert field_error(refused.html, "date_of_birth") == message
    assert not Child.objects.filter(first_name="Rhys").exists()


def test_the_same_nhs_number_or_upn_is_refused_with_a_link(
    coordinator_page: PageClient, area: Area
) -> None:
    Child.objects.filter(pk=area.child.pk).update(nhs_number="9434765919", upn=VALID_UPN)
    before = Child.objects.count()
    refused = coordinator_page.post(
        "/children/add/",
        _add(coordinator_page, area, nhs_number=VALID_NHS_NUMBER, upn=VALID_UPN.lower()),
        status=400,
    )
    assert f"/children/{area.child.pk}/" in field_error(refused.html, "nhs_number")
    assert "already held" in field_error(refused.html, "upn")
    assert Child.objects.count() == before


def test_someone_who_cannot_see_the_child_is_told_how_to_ask(page: PageClient, area: Area) -> None:
    Child.objects.filter(pk=area.child.pk).update(nhs_number="9434765919")
    page.sign_in(area.stranger)
    refused = page.post("/children/add/", _add(page, area, nhs_number=VALID_NHS_NUMBER), status=400)
    error = field_error(refused.html, "nhs_number")
    assert "ask the EHC coordinator team" in error and f"/children/{area.child.pk}/" not in error


def test_the_same_name_and_birthday_asks_first(coordinator_page: PageClient, area: Area) -> None:
    factories.child_create(
        local_authority=area.local_authority,
        first_name="RHYS",
        last_name="Prys",
        date_of_birth=dt.date(2015, 5, 4),
    )
    asked = coordinator_page.post("/children/add/", _add(coordinator_page, area), status=400)
    assert "Is this the same child?" in field_error(asked.html, "first_name")
    assert Child.objects.filter(last_name="Prŷs").count() == 0
    coordinator_page.post("/children/add/", _add(coordinator_page, area, different_child="on"))
    assert Child.objects.filter(last_name="Prŷs").count() == 1


@pytest.mark.django_db
def test_the_services_used_by_the_api_and_imports_refuse_the_same() -> None:
    area = factories.area_create()
    Child.objects.filter(pk=area.child.pk).update(nhs_number="9434765919")
    twin = Child(
        local_authority=area.local_authority,
        first_name="Other",
        last_name="Child",
        date_of_birth=dt.date(2016, 1, 1),
        primary_need="ASD",
    )
    with pytest.raises(ValidationError) as refused:
        record_save(twin, user=area.coordinator, fields={"nhs_number": VALID_NHS_NUMBER})
    assert "already held" in refused.value.message_dict["nhs_number"][0]
    with pytest.raises(ValidationError) as future:
        record_save(
            Review(plan=area.thread.plan),
            user=area.coordinator,
            fields={
                "kind": ReviewKind.ANNUAL,
                "meeting_on": timezone.localdate() + dt.timedelta(days=30),
                "decision": PlanDecision.KEEP,
            },
        )
    assert future.value.message_dict["meeting_on"] == [MEETING_IN_FUTURE]
