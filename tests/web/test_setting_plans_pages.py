"""The setting plan pages: the register and dashboard, writing each part, short-term outcomes
with clear errors, asking for an assessment, and setting staff held to their own setting."""

from __future__ import annotations

import pytest

from goldenthread.web.access.models import AuditEvent
from goldenthread.web.plans.models import Plan, ThemeTag
from goldenthread.web.setting_plans.models import AssessmentRequestPack, ShortTermOutcome
from tests.web.conftest import PageClient
from tests.web.setting_plans_world import SettingWorld, setting_plan_with_thread, world_create


@pytest.fixture
def world(db: None) -> SettingWorld:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    return world_create()


def test_register_and_dashboard_page_is_logged(page: PageClient, world: SettingWorld) -> None:
    sheet = setting_plan_with_thread(world)
    page.sign_in(world.senco)
    shown = page.get("/setting/")
    assert "Cal Support-Example" in shown.text
    assert "Register of children with SEND" in shown.text
    assert shown.html.find("a", href=f"/plans/{sheet.plan_id}/setting/")
    assert AuditEvent.objects.filter(object_type="setting-register", person=world.senco).exists()
    page.sign_in(world.other_senco)
    assert "Cal Support-Example" not in page.get("/setting/").text
    page.sign_in(world.area.coordinator)
    page.get("/setting/", status=403)


def test_start_write_and_read_a_setting_plan(page: PageClient, world: SettingWorld) -> None:
    page.sign_in(world.senco)
    child_page = page.get(f"/children/{world.child.pk}/")
    url = f"/children/{world.child.pk}/setting-plan/start/"
    assert child_page.html.find("a", href=url)
    refused = page.post(url, {}, status=400)
    assert "Choose the tier of support" in refused.text
    started = page.post(url, {"tier": "targeted", "layout": "isp-interim-2026"})
    plan = Plan.objects.get(child=world.child, kind="sen_support")
    assert started.redirect_url == f"/plans/{plan.pk}/setting/"
    page.sign_in(world.teacher)
    section = f"/plans/{plan.pk}/setting/sections/classroom/"
    assert "What happens in class every day" in page.get(section).text
    page.post(section, {"text": "Sits near the front; word mat on the desk."})
    shown = page.get(f"/plans/{plan.pk}/setting/")
    assert "word mat on the desk" in shown.text
    assert "Tia Teacher (Education professional)" in shown.text
    assert "Still to write" in shown.text
    page.get(f"/plans/{plan.pk}/setting/sections/assess/", status=403)
    page.sign_in(world.other_senco)  # on the caseload, at another setting: "not your setting"
    page.get(f"/plans/{plan.pk}/setting/", status=403)


def test_short_term_outcome_form_names_the_field(page: PageClient, world: SettingWorld) -> None:
    sheet = setting_plan_with_thread(world)
    outcome = sheet.plan.outcomes.get()
    page.sign_in(world.senco)
    url = f"/plans/{sheet.plan_id}/outcomes/{outcome.pk}/short-term/add/"
    bad = page.post(
        url,
        {"text": "", "due_date-day": "1", "due_date-month": "1", "due_date-year": "2030"},
        status=400,
    )
    assert "Write the short-term outcome" in bad.text
    assert not ShortTermOutcome.objects.exists()
    added = page.post(
        url,
        {
            "text": "By February half term, I will write two sentences on my own.",
            "due_date-day": "12",
            "due_date-month": "2",
            "due_date-year": "2027",
            "review": "",
        },
    )
    assert "The plan itself has not changed" in page.follow(added).text
    short = ShortTermOutcome.objects.get()
    shown = page.follow(
        page.post(
            f"/plans/{sheet.plan_id}/short-term/{short.pk}/progress/",
            {"gas_level": "0", "achievement_status": "improving", "evidence": "Did it twice"},
        )
    )
    assert "By February half term" in shown.text
    assert "GAS +0 – Did it twice" in shown.text


def test_escalate_page(page: PageClient, world: SettingWorld) -> None:
    sheet = setting_plan_with_thread(world)
    page.sign_in(world.senco)
    url = f"/plans/{sheet.plan_id}/setting/escalate/"
    assert "The evidence that goes with it" in page.get(url).text
    refused = page.post(url, {"why": "Slow progress", "parent_views": "Agree"}, status=400)
    assert "Record at least one review first" in refused.text
    assert not AssessmentRequestPack.objects.exists()


def test_short_terms_shown_in_the_thread_and_the_passport(
    page: PageClient, world: SettingWorld
) -> None:
    import datetime as dt

    from goldenthread.web.setting_plans.services.short_terms import ShortTermEntry, short_term_add

    sheet = setting_plan_with_thread(world)
    words = "By half term, I will write two sentences on my own."
    short_term_add(
        outcome=sheet.plan.outcomes.get(),
        by=world.senco,
        entry=ShortTermEntry(words, dt.date(2027, 2, 12)),
    )
    page.sign_in(world.senco)
    assert words in page.get(f"/plans/{sheet.plan_id}/thread/").text
    page.sign_in(world.parent)
    shown = page.get(f"/children/{world.child.pk}/passport/")
    assert "My next steps" in shown.text and words in shown.text


def test_area_figures_across_tiers_hide_small_numbers(
    page: PageClient, world: SettingWorld
) -> None:
    from goldenthread.web.accounts.models import Role
    from tests.web import factories

    setting_plan_with_thread(world)
    leader = factories.user_create(
        role=Role.STRATEGIC_LEADER, username="leader", organisation=world.area.local_authority
    )
    page.sign_in(leader)
    shown = page.get("/area-insights/tiers/")
    assert "Children's plans by tier of support" in shown.text
    assert "Cal" not in shown.text
    table = shown.html.find("table")
    assert table is not None and "1" not in [td.get_text(strip=True) for td in table.find_all("td")]
    page.sign_in(world.senco)
    page.get("/area-insights/tiers/", status=403)
