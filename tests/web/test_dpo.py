"""The data protection officer (issue 18, item 3): find a child by name, date of birth or NHS
number; read every look at the record; and download a copy the family can read (web page and
PDF) that lists who looked, what was shared, when and why, plus the JSON. The officer's own
looks are on the trail, and the search never puts a name in an address."""

from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction, AuditEvent
from goldenthread.web.accounts.models import Role
from goldenthread.web.plans.models import Child
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.factories import Area

pytestmark = pytest.mark.django_db

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
BOOKKEEPING = ("Row version", "Is synthetic", "row_version", "is_synthetic")


def _dpo(page: PageClient, area: Area) -> object:
    dpo = factories.user_create(role=Role.DPO, organisation=area.local_authority)
    page.sign_in(dpo)
    return dpo


def _date(prefix: str, day: int, month: int, year: int) -> dict[str, str]:
    return {f"{prefix}-day": str(day), f"{prefix}-month": str(month), f"{prefix}-year": str(year)}


def test_the_dpo_lands_on_find_a_child(page: PageClient, area: Area) -> None:
    _dpo(page, area)
    assert page.get("/", status=302).response["Location"] == "/data-protection/find/"


def test_find_by_name_in_any_case_and_the_look_is_logged(page: PageClient, area: Area) -> None:
    dpo = _dpo(page, area)
    found = page.post("/data-protection/find/", {"name": "ada LOVELACE"}, status=200).html
    table = found.select_one("table")
    assert table is not None and "Ada Lovelace-Example" in table.get_text()
    assert "Bo Other-Example" not in table.get_text()
    looks = AuditEvent.objects.filter(person=dpo, child_id=area.child.pk, url_name="dpo-find")
    assert looks.count() == 1 and looks.get().reason  # why the officer looked is recorded


def test_find_by_name_ignores_accents(page: PageClient, area: Area) -> None:
    _dpo(page, area)
    Child.objects.filter(pk=area.child.pk).update(last_name="Prŷs", search_name="ada prys")
    child = Child.objects.get(pk=area.child.pk)
    child.save()  # the stored key is made from the names on save
    found = page.post("/data-protection/find/", {"name": "ada prys"}, status=200).html
    table = found.select_one("table")
    assert table is not None and "Prŷs" in table.get_text()


def test_find_by_date_of_birth_or_nhs_number(page: PageClient, area: Area) -> None:
    _dpo(page, area)
    Child.objects.filter(pk=area.child.pk).update(nhs_number="9434765919")
    by_nhs = page.post("/data-protection/find/", {"nhs_number": "943 476 5919"}, status=200)
    assert "Ada Lovelace-Example" in by_nhs.html.get_text()
    assert "Bo Other-Example" not in by_nhs.html.get_text()
    Child.objects.filter(pk=area.other_child.pk).update(date_of_birth="2014-02-03")
    by_date = page.post("/data-protection/find/", _date("date_of_birth", 3, 2, 2014), status=200)
    assert "Bo Other-Example" in by_date.html.get_text()
    assert "Ada Lovelace-Example" not in by_date.html.get_text()


def test_an_empty_search_or_a_bad_nhs_number_says_what_to_do(page: PageClient, area: Area) -> None:
    _dpo(page, area)
    empty = page.post("/data-protection/find/", {}, status=400).html.get_text()
    assert "Enter a name, a date of birth or an NHS number" in empty
    bad = page.post("/data-protection/find/", {"nhs_number": "123"}, status=400).html.get_text()
    assert "Enter a 10-digit NHS number" in bad


def test_the_trail_for_a_child_lists_every_look_and_logs_the_officers_own(
    page: PageClient, area: Area
) -> None:
    dpo = _dpo(page, area)
    audit_event_record(
        person=area.coordinator,
        action=AuditAction.VIEW,
        child_id=area.child.pk,
        object_type="child",
        url_name="child",
    )
    text = page.get(f"/data-protection/children/{area.child.pk}/").html.get_text()
    assert "Casey Coordinator" in text and "They work with the child" in text
    assert AuditEvent.objects.filter(person=dpo, url_name="dpo-child").exists()


def test_the_familys_copy_is_in_plain_words_with_every_look_and_why(
    page: PageClient, area: Area
) -> None:
    dpo = _dpo(page, area)
    audit_event_record(
        person=area.coordinator,
        action=AuditAction.VIEW,
        child_id=area.child.pk,
        object_type="child",
        url_name="child",
    )
    html = page.client.get(f"/data-protection/children/{area.child.pk}/record.html")
    assert html["Content-Disposition"].endswith('.html"')
    body = html.content.decode()
    assert "What Golden Thread holds about Ada Lovelace-Example" in body
    assert "Who has looked at or changed the record" in body
    assert "EHC coordinator" in body and "They work with the child" in body
    assert "Made a copy of the record to answer a subject access request" in body  # this export
    for word in BOOKKEEPING:
        assert word not in body
    assert not ISO_DATE.search(body), ISO_DATE.search(body)

    pdf = page.client.get(f"/data-protection/children/{area.child.pk}/record.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    words = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Who has looked at or changed the record" in words
    assert "They work with the child" in " ".join(words.split())
    assert not ISO_DATE.search(words)

    data = json.loads(
        page.client.get(f"/data-protection/children/{area.child.pk}/record.json").content
    )
    looks = next(
        s for s in data["sections"] if s["title"] == "Who has looked at or changed the record"
    )
    assert any(row["Why"] == "They work with the child" for row in looks["rows"])
    exports = AuditEvent.objects.filter(
        person=dpo, action=AuditAction.EXPORT, child_id=area.child.pk
    )
    assert exports.count() == 3


def test_nobody_else_finds_children_this_way(page: PageClient, area: Area) -> None:
    page.sign_in(area.coordinator)
    page.client.post("/data-protection/find/", {"name": "Ada"})
    assert page.client.post("/data-protection/find/", {"name": "Ada"}).status_code == 403
    assert (
        page.client.get(f"/data-protection/children/{area.child.pk}/record.json").status_code == 403
    )
