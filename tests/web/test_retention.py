"""Retention: periods per record type from settings, listed as counts, erased or anonymised."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.core.exceptions import ImproperlyConfigured

from goldenthread.cli import main
from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.plans.models import AllAboutMe, Aspiration, Child, Outcome, Plan
from goldenthread.web.security import config, retention
from goldenthread.web.security.models import RetentionRun
from goldenthread.web.security.periods import RetentionPeriod
from tests.web import factories

TODAY = dt.date(2026, 11, 22)


def years_ago(years: int, days: int = 0) -> dt.date:
    return TODAY.replace(year=TODAY.year - years) - dt.timedelta(days=days)


@pytest.fixture
def people(db: None) -> dict[str, Any]:
    council = factories.local_authority_create()
    worker = factories.user_create(username="worker", organisation=council, first_name="Morag")
    made: dict[str, Any] = {"worker": worker}
    for key, first, age in (("old", "Ada", 32), ("adult", "Bo", 26), ("young", "Cy", 10)):
        child = factories.child_create(
            local_authority=council,
            first_name=first,
            last_name=f"{first}-Example",
            date_of_birth=years_ago(age, days=1),
        )
        factories.relationship_create(child=child, person=worker)
        factories.all_about_me_create(child=child, my_story=f"{first} likes trains.")
        thread = factories.plan_with_thread_create(child=child, coordinator=worker)
        thread.need.text = f"{first} finds it hard to join in. Morag helps."
        thread.need.save()
        made[key] = child
    return made


def test_periods_read_dob_and_event_rules() -> None:
    assert RetentionPeriod.parse("dob+25") == RetentionPeriod("dob", 25)
    assert RetentionPeriod.parse("event+6y") == RetentionPeriod("event", 6)
    assert RetentionPeriod.parse("dob+31").latest_anchor_due(TODAY) == dt.date(1995, 11, 22)
    with pytest.raises(ValueError, match="dob\\+25"):
        RetentionPeriod.parse("forever")


def test_periods_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOLDENTHREAD_RETENTION", '{"plan": "dob+35"}')
    assert config._retention_from_environment() == {
        "child_record": "dob+25",
        "plan": "dob+35",
        "audit_log": "event+6y",
    }
    for bad in ("{not json", '{"plans": "dob+35"}', '{"plan": "age 35"}', '["dob+25"]'):
        monkeypatch.setenv("GOLDENTHREAD_RETENTION", bad)
        with pytest.raises(ImproperlyConfigured):
            config._retention_from_environment()


def test_the_list_counts_by_type_and_names_no_one(
    people: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert retention.retention_due_counts(today=TODAY) == {
        "plan": 1,
        "child_record": 2,
        "audit_log": 0,
    }
    assert main(["retention", "--list", "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "due now: plan: 1" in out and "due now: child_record: 2" in out
    assert "Ada" not in out and "Bo" not in out


def test_erase_removes_what_is_due_and_keeps_the_rest(people: dict[str, Any]) -> None:
    old, adult, young = people["old"], people["adult"], people["young"]
    old_plan_ids = list(old.plans.values_list("id", flat=True))
    run = retention.retention_apply(mode="erase", ran_by="dpo-jo", today=TODAY)

    # Plans written through the services are in the audit trail, which outlives the child's
    # details (see the next tests), so the child's row stays with nothing to identify them.
    assert Child.objects.get(pk=old.pk).first_name == retention.ANONYMISED_NAME
    assert not old.plans.exists()
    assert not Plan.history.filter(id__in=old_plan_ids).exists()
    assert not Outcome.history.filter(plan_id__in=old_plan_ids).exists()
    # Past 25 but not 31: all about me and links go, the plan and the child stay.
    assert not AllAboutMe.objects.filter(child=adult).exists()
    assert not adult.relationships.exists()
    assert adult.plans.count() == 1
    assert Child.objects.get(pk=adult.pk).first_name == "Bo"
    assert AllAboutMe.objects.filter(child=young).exists() and young.relationships.exists()

    assert (run.ran_by, run.mode) == ("dpo-jo", "erase")
    assert run.counts == {"plan": 1, "child_record": 2, "audit_log": 0}
    assert run.rules["plan"] == "dob+31"
    assert retention.retention_due_counts(today=TODAY) == {
        "plan": 0,
        "child_record": 0,
        "audit_log": 0,
    }


def test_erase_deletes_a_child_nothing_else_points_at(people: dict[str, Any]) -> None:
    lone = factories.child_create(first_name="Di", date_of_birth=years_ago(40))
    factories.all_about_me_create(child=lone, my_story="Di's story.")
    retention.retention_apply(mode="erase", ran_by="dpo-jo", today=TODAY)
    assert not Child.objects.filter(pk=lone.pk).exists()
    assert not Child.history.filter(id=lone.pk).exists()
    assert not AllAboutMe.history.filter(child_id=lone.pk).exists()


def test_anonymise_keeps_outcome_words_without_names(people: dict[str, Any]) -> None:
    old = people["old"]
    plan = old.plans.get()
    retention.retention_apply(mode="anonymise", ran_by="dpo-jo", today=TODAY)

    child = Child.objects.get(pk=old.pk)
    assert (child.first_name, child.last_name) == (retention.ANONYMISED_NAME,) * 2
    assert child.date_of_birth == old.date_of_birth.replace(month=1, day=1)
    assert child.upn == child.nhs_number == ""
    need = plan.needs.get(position=1)
    assert need.text == "[name] finds it hard to join in. [name] helps."
    assert Outcome.objects.filter(plan=plan, text__startswith="By the end of Year 6").exists()
    assert set(Aspiration.objects.filter(plan=plan).values_list("text", flat=True)) == {
        retention.ANONYMISED_NAME
    }
    assert not Child.history.filter(id=old.pk).exists()
    assert not Outcome.history.filter(plan=plan).exists()
    assert Plan.objects.get(pk=plan.pk).coordinator is None
    assert retention.retention_due_counts(today=TODAY, mode="anonymise") == {
        "plan": 0,
        "child_record": 0,
        "audit_log": 0,
    }
    # Erasing later still finds the anonymised plan.
    assert retention.retention_due_counts(today=TODAY, mode="erase")["plan"] == 1


def test_a_child_the_audit_trail_points_at_is_anonymised_not_erased(
    people: dict[str, Any],
) -> None:
    audit_event_record(person=None, action="view", child_id=people["old"].pk)
    retention.retention_apply(mode="erase", ran_by="dpo-jo", today=TODAY)
    child = Child.objects.get(pk=people["old"].pk)
    assert child.first_name == retention.ANONYMISED_NAME
    assert not child.plans.exists()


def test_old_sign_in_records_go(people: dict[str, Any]) -> None:
    AccessAttempt.objects.create(username="someone", ip_address="10.0.0.1", failures_since_start=1)
    AccessAttempt.objects.create(username="recent", ip_address="10.0.0.2", failures_since_start=1)
    AccessAttempt.objects.filter(username="someone").update(
        attempt_time=dt.datetime(2019, 1, 1, tzinfo=dt.UTC)
    )
    assert retention.retention_due_counts(today=TODAY)["audit_log"] == 1
    retention.retention_apply(mode="erase", ran_by="dpo-jo", today=TODAY)
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["recent"]


def test_a_failed_run_changes_nothing(
    people: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(retention, "_child_records_go", broken)
    with pytest.raises(RuntimeError):
        retention.retention_apply(mode="erase", ran_by="dpo-jo", today=TODAY)
    assert Child.objects.filter(pk=people["old"].pk).exists()
    assert people["old"].plans.count() == 1
    assert not RetentionRun.objects.exists()


def test_the_command_applies_and_records_who_ran_it(
    people: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["retention", "--apply", "--today", TODAY.isoformat()]) == 2
    args = ["retention", "--apply", "--mode", "anonymise", "--by", "jo", "--today", "2026-11-22"]
    code = retention.retention_confirmation(today=TODAY, mode="anonymise")
    assert main([*args, "--confirm", code]) == 0
    assert "anonymise: plan: 1" in capsys.readouterr().out
    assert RetentionRun.objects.get().ran_by == "jo"
