"""The pages for moving between tiers and settings (issue 20, item 4): a SENCO carries an EHC
plan into the setting's own plan; the last setting makes a handover file with the family's
consent; the new setting receives it, all or nothing, each problem named."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from goldenthread.web.accounts.models import Role
from goldenthread.web.plans.models import Child, Plan, ThemeTag
from goldenthread.web.setting_plans.models import CarriedPart, SettingPlan
from goldenthread.web.setting_plans.services.sheets import section_save
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.setting_plans_world import SettingWorld, setting_plan_with_thread, world_create


@pytest.fixture
def world(db: None) -> SettingWorld:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    return world_create()


def _ehc_plan_of_child(world: SettingWorld) -> Plan:
    Plan.objects.filter(pk=world.area.thread.plan.pk).update(child=world.child)
    return Plan.objects.get(pk=world.area.thread.plan.pk)


def test_a_senco_carries_an_ehc_plan_into_the_settings_plan(
    page: PageClient, world: SettingWorld
) -> None:
    ehc = _ehc_plan_of_child(world)
    before = ehc.row_version
    page.sign_in(world.senco)
    url = f"/plans/{ehc.pk}/setting/step-down/"
    asked = page.get(url)
    assert "does not change" in asked.text
    done = page.post(url, {"tier": "targeted"})
    sheet = SettingPlan.objects.get(plan__child=world.child, tier="targeted")
    assert done.redirect_url == f"/plans/{sheet.plan_id}/setting/"
    texts = list(sheet.plan.outcomes.values_list("text", flat=True))
    assert texts == list(
        ehc.outcomes.filter(archived_at__isnull=True).values_list("text", flat=True)
    )
    assert CarriedPart.objects.filter(move="step_down", to_type="outcome").count() == len(texts)
    ehc.refresh_from_db()
    assert ehc.row_version == before  # the EHC plan itself is not changed
    page.sign_in(world.teacher)  # a class teacher can read but not start the move
    page.post(url, {"tier": "targeted"}, status=403)
    page.sign_in(world.other_senco)  # on the caseload, at another setting: "not your setting"
    page.get(url, status=403)


def test_a_setting_plan_cannot_step_down(page: PageClient, world: SettingWorld) -> None:
    sheet = setting_plan_with_thread(world, issue=False)
    page.sign_in(world.senco)
    page.get(f"/plans/{sheet.plan_id}/setting/step-down/", status=403)


def test_handover_needs_consent_then_round_trips_through_the_pages(
    page: PageClient, world: SettingWorld
) -> None:
    sheet = setting_plan_with_thread(world, issue=False)
    section_save(sheet=sheet, by=world.teacher, key="classroom", text="Front row, word mat.")
    page.sign_in(world.senco)
    url = f"/children/{world.child.pk}/setting-plan/handover/"
    refused = page.post(url, {"consent_by": ""}, status=400)
    assert "Say who in the family agreed" in refused.text
    made = page.client.post(url, {"consent_by": "Jo Smith (mum)"})
    assert made.status_code == 200
    assert made["Content-Disposition"] == 'attachment; filename="setting-plan-handover.json"'
    assert world.child.last_name not in made["Content-Disposition"]
    data = json.loads(made.content)
    assert data["consent"]["by"] == "Jo Smith (mum)"

    other_area = factories.local_authority_create(name="Eastshire Council")
    new_school = factories.organisation_create(name="Seaview Primary", parent=other_area)
    new_school.kind = world.school.kind
    new_school.save()
    new_senco = factories.user_create(role=Role.SENCO, username="newsenco", organisation=new_school)
    page.sign_in(new_senco)
    upload = SimpleUploadedFile("handover.json", made.content, content_type="application/json")
    done = page.post("/setting/handover/receive/", {"file": upload})
    moved = Child.objects.exclude(pk=world.child.pk).get(last_name=world.child.last_name)
    assert done.redirect_url == f"/children/{moved.pk}/"
    new_sheet = SettingPlan.objects.get(plan__child=moved)
    assert new_sheet.sections == {"classroom": "Front row, word mat."}
    assert new_sheet.setting == new_school


def test_a_broken_handover_file_names_the_problem_and_adds_nothing(
    page: PageClient, world: SettingWorld
) -> None:
    page.sign_in(world.senco)
    children = Child.objects.count()
    for body, words in [
        (b"{not json", "JSON"),
        (b'{"format": "something else"}', "not a setting plan handover file"),
        (
            json.dumps(
                {"format": "goldenthread-setting-plan-handover", "consent": {"by": "Jo"}}
            ).encode(),
            "passport",
        ),
    ]:
        upload = SimpleUploadedFile("h.json", io.BytesIO(body).read(), "application/json")
        shown = page.post("/setting/handover/receive/", {"file": upload}, status=400)
        assert words.lower() in shown.text.lower(), (body, shown.text[:2000])
    assert Child.objects.count() == children


def test_only_setting_staff_receive_plans(page: PageClient, world: SettingWorld) -> None:
    page.sign_in(world.area.coordinator)
    page.get("/setting/handover/receive/", status=403)
