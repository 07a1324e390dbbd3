"""A setting's own plan in a real browser, checked by axe-core at every step.

A class teacher and the SENCO write a SEN support plan with the parent; two termly reviews
record progress; the plan escalates into a request for an EHC needs assessment with its
evidence attached; later, at the EHC plan's annual review, a short-term outcome is added
without amending the issued EHC plan.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from goldenthread.web.plans.models import Outcome, Plan, ThemeTag
from goldenthread.web.reviews.models import ReviewKind
from goldenthread.web.setting_plans.models import AssessmentRequestPack, ShortTermOutcome
from tests.browser.conftest import assert_accessible
from tests.web import factories
from tests.web.setting_plans_world import HELP_WORDS, OUTCOME_WORDS, SettingWorld, world_create

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHORT_WORDS = "By Easter 2027, I will ask one question in a group of four with a prompt card."


@pytest.fixture
def world(transactional_db: None) -> SettingWorld:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    return world_create()


def sign_in(browser: Browser, base: str, username: str) -> Page:
    page = browser.new_context().new_page()
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What needs you")
    return page


def fill_date(page: Page, name: str, day: dt.date) -> None:
    page.locator(f"input[name='{name}-day']").fill(str(day.day))
    page.locator(f"input[name='{name}-month']").fill(str(day.month))
    page.locator(f"input[name='{name}-year']").fill(str(day.year))


def termly_review(page: Page, plan: Plan, day: dt.date, level: int) -> None:
    outcome = plan.outcomes.get(archived_at__isnull=True)
    page.get_by_role("link", name="Reviews and deadlines").click()
    page.get_by_role("button", name="Record a review").click()
    page.get_by_label("Setting review (assess, plan, do, review)").check()
    fill_date(page, "meeting_on", day)
    page.get_by_label("What the child or young person said, in their own words").fill(
        "I like the writing group."
    )
    page.check(f"input[name='o{outcome.pk}-gas_level'][value='{level}']")
    page.get_by_label("Keep the plan as it is").check()
    fill_date(page, "decision_made_on", day)
    page.get_by_role("button", name="Save review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review report")


def test_a_setting_plan_from_writing_to_escalation(
    browser: Browser, live_server: Any, world: SettingWorld
) -> None:
    base = live_server.url
    today = timezone.localdate()

    senco = sign_in(browser, base, "senco")
    senco.goto(f"{base}/children/{world.child.pk}/setting-plan/start/")
    assert_accessible(senco, "starting a setting plan")
    senco.get_by_role("button", name="Start the plan").click()
    expect(senco.locator(".govuk-error-summary")).to_contain_text("Choose the tier of support")
    assert_accessible(senco, "the start form with errors")
    senco.get_by_label("Targeted", exact=True).check()
    senco.get_by_label("Individual Support Plan").check()
    senco.get_by_role("button", name="Start the plan").click()
    expect(senco.get_by_role("heading", level=1)).to_have_text("Individual Support Plan")
    plan = Plan.objects.get(child=world.child, kind="sen_support")
    plan_url = f"{base}/plans/{plan.pk}/setting/"
    assert_accessible(senco, "the new setting plan")

    # The SENCO writes the family's part with the parent, and their own.
    senco.get_by_role("link", name="Write What the family and child say").click()
    senco.get_by_label("What the family and child say").fill(
        "Cal likes drawing. Mum says writing homework ends in tears."
    )
    senco.get_by_label("Written with (optional)").fill("with Cal's mum at the planning meeting")
    assert_accessible(senco, "a section form")
    senco.get_by_role("button", name="Save").click()
    senco.get_by_role("link", name="Write What we found out (assess)").click()
    senco.get_by_label("What we found out (assess)").fill(
        "Speech and language screening: difficulty sequencing ideas in writing."
    )
    senco.get_by_role("button", name="Save").click()
    senco.get_by_role("link", name="Write Extra help beyond the classroom").click()
    senco.get_by_label("Extra help beyond the classroom").fill(HELP_WORDS)
    senco.get_by_role("button", name="Save").click()

    # The class teacher writes the classroom part.
    teacher = sign_in(browser, base, "teacher")
    teacher.goto(plan_url)
    teacher.get_by_role("link", name="Write What happens in class every day").click()
    teacher.get_by_label("What happens in class every day").fill(
        "Sits near the front; a word mat and sentence starters on the desk."
    )
    teacher.get_by_role("button", name="Save").click()
    expect(teacher.locator("main")).to_contain_text("Tia Teacher (Education professional)")
    assert_accessible(teacher, "the plan with the teacher's part")

    # The SENCO adds the outcome and the help through the plan's own forms, then issues it.
    senco.goto(plan_url)
    senco.get_by_role("link", name="Add an outcome").click()
    senco.get_by_label("The outcome", exact=True).fill(OUTCOME_WORDS)
    senco.get_by_label("Education", exact=True).first.check()
    fill_date(senco, "due_date", dt.date(2027, 7, 16))
    senco.get_by_role("button", name="Save").click()
    senco.goto(plan_url)
    senco.get_by_role("link", name="Add help").click()
    senco.get_by_label("What help is given").fill(HELP_WORDS)
    senco.get_by_label("Education", exact=True).first.check()
    senco.get_by_label(OUTCOME_WORDS).check()
    senco.get_by_role("button", name="Save").click()
    senco.goto(f"{base}/plans/{plan.pk}/issue/")
    senco.get_by_role("button", name="Issue the plan").click()
    senco.goto(plan_url)
    expect(senco.locator("main")).to_contain_text("This version is issued and fixed")
    expect(senco.locator("main")).not_to_contain_text("Still to write")

    # Two termly reviews record progress.
    plan.refresh_from_db()
    termly_review(senco, plan, today - dt.timedelta(days=80), -1)
    assert_accessible(senco, "the first review's report")
    senco.goto(plan_url)
    termly_review(senco, plan, today - dt.timedelta(days=2), -1)
    senco.goto(plan_url)
    expect(senco.locator("main")).to_contain_text("Setting review (assess, plan, do, review)")

    # Not enough progress: the plan escalates, carrying its evidence.
    senco.get_by_role("button", name="Ask for an EHC needs assessment").click()
    expect(senco.locator("main")).to_contain_text(OUTCOME_WORDS)
    assert_accessible(senco, "the request form with its evidence")
    senco.get_by_label("Why the setting is asking for an EHC needs assessment").fill(
        "Two cycles of targeted help; progress stays below what was expected."
    )
    senco.get_by_label("What the parents or carers say").fill("We agree and want the assessment.")
    senco.get_by_role("button", name="Send the request").click()
    expect(senco.get_by_role("heading", level=1)).to_have_text(
        "Request for an EHC needs assessment"
    )
    expect(senco.locator("main")).to_contain_text("Logged with the local authority")
    expect(senco.locator("main")).to_contain_text(HELP_WORDS)
    assert_accessible(senco, "the request with its evidence")
    pack = AssessmentRequestPack.objects.get(from_plan=plan)
    assert len(pack.evidence["reviews"]) == 2
    assert all(len(o["progress"]) == 2 for o in pack.evidence["outcomes"])

    # Later: an EHC plan, issued; at its annual review a short-term outcome is added.
    thread = factories.plan_with_thread_create(
        child=world.child, coordinator=world.area.coordinator
    )
    ehc = thread.plan
    Plan.objects.filter(pk=ehc.pk).update(fixed_at=timezone.now())
    ehc.refresh_from_db()
    version, outcomes = ehc.version, Outcome.objects.filter(plan=ehc).count()
    coordinator = sign_in(browser, base, "coordinator")
    coordinator.goto(f"{base}/plans/{ehc.pk}/reviews/new/")
    coordinator.get_by_label("Annual review", exact=True).check()
    fill_date(coordinator, "meeting_on", today)
    for outcome in Outcome.objects.filter(plan=ehc, archived_at__isnull=True):
        coordinator.check(f"input[name='o{outcome.pk}-gas_level'][value='0']")
    coordinator.get_by_label("Keep the plan as it is").check()
    fill_date(coordinator, "decision_made_on", today)
    coordinator.get_by_role("button", name="Save review").click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text("Review report")

    coordinator.goto(f"{base}/plans/{ehc.pk}/setting/")
    coordinator.get_by_role("link", name="Add a short-term outcome for outcome 1").click()
    assert_accessible(coordinator, "the short-term outcome form")
    coordinator.get_by_label("Short-term outcome").fill(SHORT_WORDS)
    fill_date(coordinator, "due_date", dt.date(2027, 4, 1))
    coordinator.get_by_label(f"Annual review on {today:%d %B %Y}").check()
    coordinator.get_by_role("button", name="Add the short-term outcome").click()
    expect(coordinator.locator("main")).to_contain_text(SHORT_WORDS)
    expect(coordinator.locator("main")).to_contain_text("Set at the annual review")
    assert_accessible(coordinator, "the EHC plan with its short-term outcome")

    ehc.refresh_from_db()
    assert ehc.is_fixed and ehc.version == version
    assert Outcome.objects.filter(plan=ehc).count() == outcomes
    assert not Plan.objects.filter(previous_version=ehc).exists()
    short = ShortTermOutcome.objects.get(text=SHORT_WORDS)
    assert short.review is not None and short.review.kind == ReviewKind.ANNUAL
