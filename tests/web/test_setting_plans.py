"""Settings run their own plans: starting, writing each part, reviews, short-term outcomes
between amendments (the issued plan never changes), escalation with its evidence, and who may
do what."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from goldenthread.web.plans.fixed import PlanFixedError
from goldenthread.web.plans.models import Outcome, Plan, ThemeTag
from goldenthread.web.reviews.models import (
    OutcomeDecision,
    OutcomeProgress,
    PlanDecision,
    ReviewKind,
)
from goldenthread.web.reviews.services.record import ProgressEntry, ReviewDetails, review_record
from goldenthread.web.setting_plans.layout import layout_problems
from goldenthread.web.setting_plans.models import (
    AssessmentRequestPack,
    CarriedPart,
    ShortTermOutcome,
    ShortTermProgress,
    Tier,
)
from goldenthread.web.setting_plans.selectors import send_register, setting_dashboard
from goldenthread.web.setting_plans.services.escalation import (
    NEEDS_A_REVIEW,
    assessment_request_from_plan,
)
from goldenthread.web.setting_plans.services.sheets import (
    ONLY_SENCO_STARTS,
    section_save,
    setting_plan_start,
    tier_of,
)
from goldenthread.web.setting_plans.services.short_terms import (
    DUE_AFTER_LONG_TERM,
    ShortTermEntry,
    short_term_add,
    short_term_progress_add,
)
from tests.web.setting_plans_world import SettingWorld, setting_plan_with_thread, world_create


@pytest.fixture
def world(db: None) -> SettingWorld:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    return world_create()


def _review(plan: Plan, user: object, *, level: int, days_ago: int, kind: str = ReviewKind.SETTING):
    outcomes = list(plan.outcomes.filter(archived_at__isnull=True))
    return review_record(
        plan=plan,
        user=user,  # type: ignore[arg-type]
        details=ReviewDetails(
            kind=kind,
            meeting_on=timezone.localdate() - dt.timedelta(days=days_ago),
            invited="",
            invitations_sent_on=None,
            child_views="I like the writing group.",
            parent_views="Writing at home is easier.",
            decision=PlanDecision.KEEP,
        ),
        progress=[
            ProgressEntry(
                outcome=o,
                gas_level=level,
                achievement_status="improving",
                evidence="Two sentences on his own",
                decision=OutcomeDecision.CONTINUE,
            )
            for o in outcomes
        ],
    )


def test_layouts_are_consistent() -> None:
    assert layout_problems() == []


def test_senco_starts_a_plan_and_the_tier_is_data(world: SettingWorld) -> None:
    sheet = setting_plan_start(child=world.child, by=world.senco, tier=Tier.TARGETED_PLUS)
    assert sheet.plan.kind == "sen_support"
    assert sheet.plan.coordinator == world.senco
    assert tier_of(sheet.plan) == Tier.TARGETED_PLUS
    assert tier_of(world.area.thread.plan) == Tier.SPECIALIST


def test_only_the_settings_senco_starts_a_plan(world: SettingWorld) -> None:
    with pytest.raises(PermissionDenied, match=ONLY_SENCO_STARTS):
        setting_plan_start(child=world.child, by=world.teacher)
    with pytest.raises(PermissionDenied):
        setting_plan_start(child=world.child, by=world.other_senco)
    assert not Plan.objects.filter(child=world.child).exists()


def test_teacher_and_senco_write_their_own_parts(world: SettingWorld) -> None:
    sheet = setting_plan_with_thread(world, issue=False)
    section_save(sheet=sheet, by=world.teacher, key="classroom", text="Sits near the front.")
    section_save(
        sheet=sheet, by=world.senco, key="family", text="Mum says", on_behalf="with Cal's mum"
    )
    with pytest.raises(PermissionDenied):
        section_save(sheet=sheet, by=world.teacher, key="assess", text="Speech therapy report")
    with pytest.raises(ValidationError) as error:
        section_save(sheet=sheet, by=world.senco, key="assess", text="bad\x00text")
    assert "assess" in error.value.message_dict
    sheet.refresh_from_db()
    assert sheet.sections == {"classroom": "Sits near the front.", "family": "Mum says"}
    assert sheet.written_by["classroom"]["role"] == "Education professional"
    assert sheet.written_by["family"]["with"] == "with Cal's mum"


def test_an_issued_plans_sections_are_fixed(world: SettingWorld) -> None:
    sheet = setting_plan_with_thread(world)
    with pytest.raises(PlanFixedError):
        section_save(sheet=sheet, by=world.senco, key="assess", text="Late words")


def test_termly_reviews_set_the_next_review_and_record_progress(world: SettingWorld) -> None:
    sheet = setting_plan_with_thread(world)
    plan = Plan.objects.get(pk=sheet.plan_id)
    _review(plan, world.senco, level=-1, days_ago=90)
    _review(plan, world.senco, level=0, days_ago=1)
    plan.refresh_from_db()
    assert plan.next_review_due is not None and plan.next_review_due > timezone.localdate()
    assert OutcomeProgress.objects.filter(review__plan=plan).count() == 2


def test_short_term_outcome_at_an_annual_review_leaves_the_ehc_plan_as_issued(
    world: SettingWorld,
) -> None:
    plan = world.area.thread.plan
    Plan.objects.filter(pk=plan.pk).update(fixed_at=timezone.now())
    plan.refresh_from_db()
    outcome = world.area.thread.outcome
    review = _review(plan, world.area.coordinator, level=0, days_ago=2, kind=ReviewKind.ANNUAL)
    plan.refresh_from_db()
    before = (plan.row_version, Outcome.objects.filter(plan=plan).count(), outcome.row_version)
    short = short_term_add(
        outcome=outcome,
        by=world.area.coordinator,
        entry=ShortTermEntry(
            "By Easter 2027, I will ask one question in a group of four.",
            dt.date(2027, 4, 1),
            review,
        ),
    )
    short_term_progress_add(
        short_term=short, by=world.area.coordinator, gas_level=1, achievement_status="achieved"
    )
    plan.refresh_from_db()
    outcome.refresh_from_db()
    assert before == (
        plan.row_version,
        Outcome.objects.filter(plan=plan).count(),
        outcome.row_version,
    )
    assert plan.is_fixed
    assert short.source.startswith("Set at the annual review")
    assert ShortTermProgress.objects.get(short_term=short).gas_level == 1
    # The database still refuses any change to the issued plan's outcomes.
    with pytest.raises(DatabaseError), transaction.atomic():
        Outcome.objects.filter(pk=outcome.pk).update(text="Changed in place")


def test_short_term_outcome_problems_name_their_fields(world: SettingWorld) -> None:
    outcome = world.area.thread.outcome
    with pytest.raises(ValidationError) as error:
        short_term_add(
            outcome=outcome,
            by=world.area.coordinator,
            entry=ShortTermEntry("", dt.date(2030, 1, 1)),
        )
    assert set(error.value.message_dict) == {"text", "due_date"}
    assert DUE_AFTER_LONG_TERM.split("(")[0] in error.value.message_dict["due_date"][0]
    assert not ShortTermOutcome.objects.exists()


def test_setting_staff_act_only_for_their_own_settings_children(world: SettingWorld) -> None:
    outcome = world.area.thread.outcome
    with pytest.raises(PermissionDenied):
        short_term_add(
            outcome=outcome,
            by=world.other_senco,
            entry=ShortTermEntry("By May 2027 I will read a page.", dt.date(2027, 5, 1)),
        )
    assert send_register(world.other_senco) == []


def test_escalation_carries_outcomes_help_and_reviews_with_their_sources(
    world: SettingWorld,
) -> None:
    sheet = setting_plan_with_thread(world)
    plan = Plan.objects.get(pk=sheet.plan_id)
    with pytest.raises(ValidationError, match="review"):
        assessment_request_from_plan(plan=plan, by=world.senco, why="x", parent_views="y")
    assert NEEDS_A_REVIEW
    _review(plan, world.senco, level=-1, days_ago=90)
    _review(plan, world.senco, level=-2, days_ago=1)
    pack = assessment_request_from_plan(
        plan=plan,
        by=world.senco,
        why="Little progress after two cycles",
        parent_views="We agree",
    )
    evidence = pack.evidence
    assert [o["text"] for o in evidence["outcomes"]] == [
        o.text for o in plan.outcomes.filter(archived_at__isnull=True)
    ]
    assert len(evidence["outcomes"][0]["progress"]) == 2
    assert evidence["provision_tried"][0]["what"].startswith("Daily 15-minute")
    assert len(evidence["reviews"]) == 2
    assert bytes(pack.pdf).startswith(b"%PDF")
    carried = CarriedPart.objects.filter(to_type="assessment-request", to_id=pack.pk)
    assert {c.from_type for c in carried} == {"outcome", "provision", "review"}
    assert all(c.from_label for c in carried)
    # Logged in the assessments app for the child's EHC coordinator, the pack as its evidence.
    assessment = pack.assessment
    assert assessment is not None
    assert assessment.child == world.child
    assert assessment.request_source == "setting"
    assert assessment.coordinator == world.area.coordinator
    assert AssessmentRequestPack.objects.filter(picked_up_at__isnull=True).count() == 0


def test_register_and_dashboard(world: SettingWorld) -> None:
    setting_plan_with_thread(world)
    rows = {r.child.pk: r.code for r in send_register(world.senco)}
    assert rows[world.child.pk] == "K"
    figures = setting_dashboard(world.school.pk)
    assert figures.plans_by_tier["Targeted"] == 1
    assert figures.smart_outcomes.whole >= 1
