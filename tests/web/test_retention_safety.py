"""Retention cannot run early or by accident: no later "today" for --apply, a dry run first and a
confirmation; and anonymising changes the dashboards' copies of the child's details at once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from goldenthread.cli import main
from goldenthread.commands import retention as command
from goldenthread.web.insights.models import (
    NeedFact,
    OutcomeFact,
    OutcomePlanStep,
    OutcomeServiceFact,
    ProviderPlanStep,
    ProvisionFact,
)
from goldenthread.web.insights.refresh import facts_refresh
from goldenthread.web.plans.models import Child, Provision
from goldenthread.web.security import retention
from goldenthread.web.security.models import RetentionRun
from tests.web import factories

pytestmark = pytest.mark.django_db


def years_ago(years: int) -> dt.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years, day=min(today.day, 28)) - dt.timedelta(days=1)


@pytest.fixture
def people() -> dict[str, Any]:
    """One child due for both plan and child-record retention today, one not due."""
    council = factories.local_authority_create()
    school = factories.organisation_create(name="Brook Lane Primary", parent=council)
    worker = factories.user_create(username="worker", organisation=council)
    made: dict[str, Any] = {"worker": worker}
    for key, first, age in (("old", "Ada", 33), ("young", "Cy", 10)):
        child = factories.child_create(
            local_authority=council,
            setting=school,
            first_name=first,
            date_of_birth=years_ago(age).replace(month=6, day=15),
        )
        factories.relationship_create(child=child, person=worker)
        thread = factories.plan_with_thread_create(child=child, coordinator=worker)
        Provision.objects.filter(pk=thread.help.pk).update(delivered_by="Morag Speech Therapy")
        made[key] = child
    return made


def apply_args(*extra: str) -> list[str]:
    return ["retention", "--apply", "--mode", "anonymise", "--by", "jo", *extra]


def test_apply_refuses_a_day_after_today(
    people: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    later = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    code = retention.retention_confirmation(today=timezone.localdate(), mode="anonymise")
    assert main(apply_args("--today", "2045-01-01", "--confirm", code)) == command.EXIT_BAD_INPUT
    assert main(apply_args("--today", later, "--confirm", code)) == command.EXIT_BAD_INPUT
    assert "is after today" in capsys.readouterr().err
    assert Child.objects.get(pk=people["young"].pk).first_name == "Cy"
    assert not RetentionRun.objects.exists()
    # The service refuses too, whoever calls it.
    with pytest.raises(retention.RetentionRefusedError, match="later day than today"):
        retention.retention_apply(mode="erase", ran_by="jo", today=dt.date(2045, 1, 1))
    assert not RetentionRun.objects.exists()


def test_a_later_day_is_allowed_for_a_list(
    people: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["retention", "--list", "--today", "2045-01-01"]) == command.EXIT_OK
    assert "due now: child_record: 2" in capsys.readouterr().out
    assert Child.objects.get(pk=people["young"].pk).first_name == "Cy"


def test_apply_shows_a_dry_run_and_changes_nothing_unconfirmed(
    people: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(apply_args()) == command.EXIT_NOT_CONFIRMED
    out = capsys.readouterr().out
    assert "Dry run: nothing has changed yet. This would anonymise:" in out
    assert "  plan: 1" in out and "  child_record: 1" in out
    assert "Ada" not in out and "Cy" not in out
    code = retention.retention_confirmation(today=timezone.localdate(), mode="anonymise")
    assert f"--confirm {code}" in out
    assert Child.objects.get(pk=people["old"].pk).first_name == "Ada"
    assert not RetentionRun.objects.exists()


def test_a_wrong_or_stale_confirmation_is_refused(
    people: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    code = retention.retention_confirmation(today=timezone.localdate(), mode="anonymise")
    assert main(apply_args("--confirm", "not-the-code")) == command.EXIT_BAD_INPUT
    # Another child falls due after the dry run: the old code no longer stands for what is due.
    factories.child_create(first_name="Di", date_of_birth=years_ago(40))
    assert main(apply_args("--confirm", code)) == command.EXIT_BAD_INPUT
    assert "does not match what is due now" in capsys.readouterr().err
    assert Child.objects.get(pk=people["old"].pk).first_name == "Ada"
    assert not RetentionRun.objects.exists()


def test_the_code_from_the_dry_run_applies(
    people: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    main(apply_args())
    line = next(x for x in capsys.readouterr().out.splitlines() if "--confirm" in x)
    assert main(apply_args("--confirm", line.split()[-1])) == command.EXIT_OK
    assert Child.objects.get(pk=people["old"].pk).first_name == retention.ANONYMISED_NAME
    assert RetentionRun.objects.get().ran_by == "jo"


class Terminal:
    def __init__(self, answer: str) -> None:
        self.answer = answer

    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        return self.answer + "\n"


@pytest.mark.parametrize(("answer", "applied"), [("yes", True), ("no", False), ("", False)])
def test_a_person_at_a_terminal_types_yes(
    people: dict[str, Any], monkeypatch: pytest.MonkeyPatch, answer: str, applied: bool
) -> None:
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    expected = command.EXIT_OK if applied else command.EXIT_NOT_CONFIRMED
    assert main(apply_args()) == expected
    assert RetentionRun.objects.exists() is applied
    name = Child.objects.get(pk=people["old"].pk).first_name
    assert name == (retention.ANONYMISED_NAME if applied else "Ada")


FACTS = (OutcomeFact, NeedFact, ProvisionFact, OutcomePlanStep)


def test_anonymising_changes_the_dashboards_facts_in_the_same_run(
    people: dict[str, Any],
) -> None:
    old, young = people["old"], people["young"]
    facts_refresh()
    for model in (*FACTS, OutcomeServiceFact, ProviderPlanStep):
        assert model.objects.filter(child_id=old.pk, date_of_birth=old.date_of_birth).exists()
    retention.retention_apply(mode="anonymise", ran_by="jo")

    placeholder = old.date_of_birth.replace(month=1, day=1)
    for model in FACTS:
        rows = model.objects.filter(child_id=old.pk)
        assert rows.exists(), "still counted in the area's figures"
        assert set(rows.values_list("date_of_birth", "setting", "coordinator", "service")) == {
            (placeholder, None, None, None)
        }
        assert model.objects.filter(child_id=young.pk, date_of_birth=young.date_of_birth).exists()
    for model in (OutcomeServiceFact, ProviderPlanStep):
        assert not model.objects.filter(child_id=old.pk).exists()
        assert model.objects.filter(child_id=young.pk).exists()
    # What the next refresh writes is what is there now.
    before = set(OutcomeFact.objects.filter(child_id=old.pk).values_list("date_of_birth"))
    facts_refresh()
    assert set(OutcomeFact.objects.filter(child_id=old.pk).values_list("date_of_birth")) == before


def test_erasing_removes_the_plans_facts_in_the_same_run(people: dict[str, Any]) -> None:
    old = people["old"]
    facts_refresh()
    plan_ids = list(old.plans.values_list("id", flat=True))
    retention.retention_apply(mode="erase", ran_by="jo")
    for model in (*FACTS, OutcomeServiceFact, ProviderPlanStep):
        assert not model.objects.filter(plan_id__in=plan_ids).exists()
        assert model.objects.filter(child_id=people["young"].pk).exists()
