"""Stored verdicts record what they were judged against and are judged again when stale."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from goldenthread.core.quality.engine import engine_version
from goldenthread.web.insights.models import WordingCheck
from goldenthread.web.plans.models import Outcome
from goldenthread.web.plans.services.links import part_save
from goldenthread.web.plans.services.plans import plan_create
from goldenthread.web.quality_jobs import rejudge_stale_verdicts
from tests.web import factories

pytestmark = pytest.mark.django_db
TEXT = "By the end of Year 6, I will take two turns when my group of four talks in class."


def _outcome() -> Outcome:
    child = factories.child_create(
        local_authority=factories.local_authority_create(name="Rejudge Council"),
        first_name="Ria",
        last_name="Stale-Example",
    )
    plan = plan_create(child=child, user=None, kind="iep", status="final")
    return part_save(Outcome(plan=plan), user=None, fields={"text": TEXT, "domain": "education"})


def test_a_saved_verdict_records_engine_day_and_child() -> None:
    outcome = _outcome()
    outcome.refresh_from_db()
    assert outcome.quality_engine == engine_version()
    assert outcome.quality_judged_on == timezone.localdate()
    assert outcome.quality_child_born == outcome.plan.child.date_of_birth
    assert outcome.quality_smart is not None


def test_a_verdict_from_an_old_engine_version_is_judged_again() -> None:
    outcome = _outcome()
    today = timezone.localdate()
    Outcome.objects.filter(pk=outcome.pk).update(quality_engine="rules-old+000000000000")
    assert rejudge_stale_verdicts(today=today) == 1
    outcome.refresh_from_db()
    assert outcome.quality_engine == engine_version()
    assert rejudge_stale_verdicts(today=today) == 0  # nothing left stale


def test_a_verdict_judged_on_an_earlier_day_is_judged_again_for_today() -> None:
    outcome = _outcome()
    today = timezone.localdate()
    Outcome.objects.filter(pk=outcome.pk).update(
        quality_judged_on=today - dt.timedelta(days=3), quality_smart=None
    )
    assert rejudge_stale_verdicts(today=today) == 1
    outcome.refresh_from_db()
    assert outcome.quality_judged_on == today
    assert outcome.quality_smart is not None


def test_a_verdict_for_a_changed_date_of_birth_is_judged_again() -> None:
    outcome = _outcome()
    child = outcome.plan.child
    child.date_of_birth = child.date_of_birth - dt.timedelta(days=400)
    child.save(update_fields=["date_of_birth"])
    assert rejudge_stale_verdicts(today=timezone.localdate()) == 1
    outcome.refresh_from_db()
    assert outcome.quality_child_born == child.date_of_birth


def test_stale_wording_checks_are_dropped_and_current_ones_kept() -> None:
    today = timezone.localdate()
    WordingCheck.objects.create(key="a" * 32, failed=1, engine="old", judged_on=today)
    WordingCheck.objects.create(key="b" * 32, failed=1, engine=engine_version(), judged_on=today)
    rejudge_stale_verdicts(today=today)
    assert list(WordingCheck.objects.values_list("key", flat=True)) == ["b" * 32]


# The learned judge is unsure whether this says exactly what will change (docs/adr/0062).
UNSURE = "Sam will take part in group work in class."


def test_a_saved_verdict_keeps_where_it_is_worth_a_second_look() -> None:
    outcome = _outcome()
    outcome.refresh_from_db()
    assert outcome.quality_second_look == ""  # the judge is sure of TEXT
    outcome = part_save(outcome, user=None, fields={"text": UNSURE})
    outcome.refresh_from_db()
    assert "specific" in outcome.quality_second_look.split(",")


def test_judging_again_brings_the_second_look_up_to_date() -> None:
    outcome = _outcome()
    Outcome.objects.filter(pk=outcome.pk).update(
        quality_engine="rules-old+000000000000", quality_second_look="kind,plain"
    )
    assert rejudge_stale_verdicts(today=timezone.localdate()) == 1
    outcome.refresh_from_db()
    assert outcome.quality_second_look == ""
