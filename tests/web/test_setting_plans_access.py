"""Setting staff see their own setting's children through the same access gate as every other
page about a child: no reason to see the child is "not found", another setting's child is
refused as "not your setting" (shown to the person and logged), and every look is logged."""

from __future__ import annotations

import pytest

from goldenthread.web.access.middleware import CHILD_ROUTES, SETTING_ROUTES
from goldenthread.web.access.models import AuditEvent, AuditResult, RefusalCode
from goldenthread.web.access.policy import NOT_YOUR_SETTING, setting_refusal
from goldenthread.web.accounts.models import Role
from goldenthread.web.plans.models import ThemeTag
from goldenthread.web.setting_plans.selectors import send_register
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.setting_plans_world import SettingWorld, setting_plan_with_thread, world_create


@pytest.fixture
def world(db: None) -> SettingWorld:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    return world_create()


def test_every_setting_page_goes_through_the_setting_check() -> None:
    setting_pages = {n for n in CHILD_ROUTES if n.startswith(("setting-", "short-term-"))}
    assert setting_pages and setting_pages <= SETTING_ROUTES
    assert {"assessment-request", "assessment-request-pdf"} <= SETTING_ROUTES
    assert "child" not in SETTING_ROUTES  # the child's own page keeps the policy's answer


def test_the_policy_names_the_refusal(world: SettingWorld) -> None:
    assert setting_refusal(world.senco, world.child.pk) == ""
    assert setting_refusal(world.teacher, world.child.pk) == ""
    assert setting_refusal(world.other_senco, world.child.pk) == NOT_YOUR_SETTING
    # The authority's people keep the access the policy gives them.
    assert setting_refusal(world.area.coordinator, world.child.pk) == ""


def test_own_settings_staff_look_and_each_look_is_logged(
    page: PageClient, world: SettingWorld
) -> None:
    sheet = setting_plan_with_thread(world)
    url = f"/plans/{sheet.plan_id}/setting/"
    for person in (world.senco, world.teacher):
        page.sign_in(person)
        page.get(url)
        look = AuditEvent.objects.filter(person=person, url_name="setting-plan").get()
        assert look.result == AuditResult.ALLOWED
        assert look.child_id == world.child.pk and look.status == 200


def test_another_settings_senco_is_refused_not_your_setting(
    page: PageClient, world: SettingWorld
) -> None:
    sheet = setting_plan_with_thread(world)
    page.sign_in(world.other_senco)  # on the child's caseload, but at another setting
    refused = page.get(f"/plans/{sheet.plan_id}/setting/", status=403)
    assert NOT_YOUR_SETTING in refused.text
    page.get(f"/children/{world.child.pk}/setting-plan/start/", status=403)
    entries = AuditEvent.objects.filter(person=world.other_senco)
    assert entries.count() == 2
    assert {e.refusal for e in entries} == {RefusalCode.NOT_YOUR_SETTING}
    assert all(e.result == AuditResult.REFUSED and e.child_id == world.child.pk for e in entries)
    # No names or words of the plan in the entry: ids only.
    assert all("Cal" not in (e.reason or "") for e in entries)
    assert world.child.pk not in {r.child.pk for r in send_register(world.other_senco)}


def test_setting_staff_without_a_reason_are_told_not_found(
    page: PageClient, world: SettingWorld
) -> None:
    sheet = setting_plan_with_thread(world)
    stranger = factories.user_create(
        role=Role.EDUCATION, username="newteacher", organisation=world.school
    )
    page.sign_in(stranger)  # at the child's setting, but not working with the child
    page.get(f"/plans/{sheet.plan_id}/setting/", status=404)
    entry = AuditEvent.objects.get(person=stranger)
    assert entry.refusal == RefusalCode.NO_RELATIONSHIP
    assert world.child.pk not in {r.child.pk for r in send_register(stranger)}


def test_a_child_who_moves_setting_leaves_the_old_settings_pages(
    page: PageClient, world: SettingWorld
) -> None:
    sheet = setting_plan_with_thread(world)
    world.child.current_setting = world.other_school
    world.child.save()
    page.sign_in(world.senco)
    page.get(f"/plans/{sheet.plan_id}/setting/", status=403)
    page.sign_in(world.other_senco)
    page.get(f"/plans/{sheet.plan_id}/setting/")
    assert AuditEvent.objects.filter(refusal=RefusalCode.NOT_YOUR_SETTING).count() == 1
