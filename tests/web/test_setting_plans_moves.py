"""Moving between tiers and settings: stepping down carries the EHC plan's outcomes with their
source; moving school hands the setting's plan over through the passport with consent, and the
round trip keeps every outcome, review, section and short-term outcome."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError

from goldenthread.web.accounts.models import Role
from goldenthread.web.passport.transfer import ImportInvalid
from goldenthread.web.plans.models import Child, Plan, ThemeTag
from goldenthread.web.reviews.models import OutcomeProgress, Review, ReviewKind
from goldenthread.web.setting_plans.models import (
    CarriedPart,
    SettingPlan,
    ShortTermOutcome,
    ShortTermProgress,
)
from goldenthread.web.setting_plans.services.handover import (
    CONSENT_NEEDED,
    handover_export,
    handover_import,
)
from goldenthread.web.setting_plans.services.moves import step_down
from goldenthread.web.setting_plans.services.sheets import section_save
from goldenthread.web.setting_plans.services.short_terms import (
    ShortTermEntry,
    short_term_add,
    short_term_progress_add,
)
from tests.web import factories
from tests.web.setting_plans_world import SettingWorld, setting_plan_with_thread, world_create
from tests.web.test_setting_plans import _review


@pytest.fixture
def world(db: None) -> SettingWorld:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    return world_create()


def test_step_down_carries_outcomes_with_their_source(world: SettingWorld) -> None:
    ehc = world.area.thread.plan
    ehc.child = world.child
    Plan.objects.filter(pk=ehc.pk).update(child=world.child)
    ehc.refresh_from_db()
    before = ehc.row_version
    sheet = step_down(ehc_plan=ehc, by=world.senco)
    new = sheet.plan
    assert new.kind == "sen_support"
    old_texts = list(ehc.outcomes.filter(archived_at__isnull=True).values_list("text", flat=True))
    assert list(new.outcomes.values_list("text", flat=True)) == old_texts
    carried = CarriedPart.objects.filter(move="step_down", to_type="outcome")
    assert carried.count() == len(old_texts)
    assert all("EHC plan version 1" in c.from_label for c in carried)
    ehc.refresh_from_db()
    assert ehc.row_version == before
    with pytest.raises(ValidationError):
        step_down(ehc_plan=new, by=world.senco)


def test_moving_school_round_trip_keeps_every_outcome_and_review(world: SettingWorld) -> None:
    sheet = setting_plan_with_thread(world, issue=False)
    section_save(sheet=sheet, by=world.teacher, key="classroom", text="Front row, word mat.")
    from goldenthread.web.plans.services.contributions import plan_issue

    plan = plan_issue(Plan.objects.get(pk=sheet.plan_id), user=world.senco)
    first = _review(plan, world.senco, level=-1, days_ago=90)
    _review(plan, world.senco, level=0, days_ago=2)
    outcome = plan.outcomes.get()
    short = short_term_add(
        outcome=outcome,
        by=world.senco,
        entry=ShortTermEntry(
            "By half term I will write two sentences.", dt.date(2027, 2, 12), first
        ),
    )
    short_term_progress_add(
        short_term=short, by=world.senco, gas_level=0, achievement_status="improving"
    )

    with pytest.raises(ValidationError, match=CONSENT_NEEDED):
        handover_export(child=world.child, by=world.senco, consent_by=" ")
    data = json.loads(
        json.dumps(handover_export(child=world.child, by=world.senco, consent_by="Jo Smith (mum)"))
    )

    other_area = factories.local_authority_create(name="Eastshire Council")
    new_school = factories.organisation_create(name="Seaview Primary", parent=other_area)
    new_senco = factories.user_create(role=Role.SENCO, username="newsenco", organisation=new_school)
    with pytest.raises(ImportInvalid):
        handover_import({**data, "consent": {}}, by=new_senco)
    moved = handover_import(data, by=new_senco)

    assert moved.pk != world.child.pk and moved.local_authority == other_area
    old_plans = list(Plan.objects.filter(child=world.child).order_by("kind"))
    new_plans = list(Plan.objects.filter(child=moved).order_by("kind"))
    assert len(new_plans) == len(old_plans)
    for old, new in zip(old_plans, new_plans, strict=True):
        assert list(new.outcomes.values_list("text", "due_date")) == list(
            old.outcomes.values_list("text", "due_date")
        )
        assert list(Review.objects.filter(plan=new).values_list("kind", "meeting_on")) == list(
            Review.objects.filter(plan=old).values_list("kind", "meeting_on")
        )
        assert sorted(
            OutcomeProgress.objects.filter(review__plan=new).values_list("gas_level", flat=True)
        ) == sorted(
            OutcomeProgress.objects.filter(review__plan=old).values_list("gas_level", flat=True)
        )
    new_sheet = SettingPlan.objects.get(plan__child=moved)
    assert new_sheet.sections == {"classroom": "Front row, word mat."}
    assert new_sheet.setting == new_school
    new_short = ShortTermOutcome.objects.get(child=moved)
    assert new_short.text == short.text
    assert new_short.outcome.text == outcome.text
    assert new_short.review is not None and new_short.review.kind == ReviewKind.SETTING
    assert new_short.review.meeting_on == first.meeting_on
    assert "Brook Lane Primary" in new_short.source
    assert ShortTermProgress.objects.filter(short_term=new_short).count() == 1
    assert CarriedPart.objects.filter(child=moved, move="handover").count() == 2
    assert Child.objects.filter(pk=world.child.pk).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_area_has_setting_plans_in_proportion() -> None:
    from goldenthread.web.plans.demo.builder import area_seed

    area_seed(children=80, seed=3, today=dt.date(2026, 3, 2))
    support = Plan.objects.filter(
        kind="sen_support", archived_at__isnull=True, child__current_setting__isnull=False
    )
    assert support.exists()
    assert SettingPlan.objects.count() == support.count()
    assert ShortTermOutcome.objects.exists()
    assert all(s.outcome.plan.kind == "sen_support" for s in ShortTermOutcome.objects.all())
