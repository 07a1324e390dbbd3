"""The demo area has assessments in every state, the same for the same seed and day."""

from __future__ import annotations

import datetime as dt

import pytest

from goldenthread.web.assessments.choices import AssessmentStage
from goldenthread.web.assessments.demo import demo_assessments_add
from goldenthread.web.assessments.models import AdviceRequest, Assessment
from goldenthread.web.plans.demo.builder import area_seed

TODAY = dt.date(2026, 12, 6)


def _signature() -> list[tuple[str, int, int | None]]:
    return [
        (
            a.stage,
            (TODAY - a.request_received_on).days,
            a.next_due_on and (a.next_due_on - TODAY).days,
        )
        for a in Assessment.objects.order_by(
            "child__first_name", "child__last_name", "request_received_on"
        )
    ]


@pytest.mark.django_db
def test_every_state_late_and_week_19() -> None:
    area_seed(children=120, seed=19, today=TODAY)
    made = demo_assessments_add(seed=19, today=TODAY)
    assert made == Assessment.objects.count()
    stages = set(Assessment.objects.values_list("stage", flat=True))
    assert stages == set(AssessmentStage.values)
    late = Assessment.objects.filter(next_due_on__lt=TODAY, stage__in=["requested", "assessing"])
    assert late.exists()
    paused = Assessment.objects.filter(exceptions__ends_on__isnull=True, stage="assessing")
    assert paused.filter(next_due_on__isnull=True).exists()
    issued = Assessment.objects.filter(stage="issued")
    weeks = [(a.plan_issued_on - a.request_received_on).days for a in issued]
    assert 19 * 7 + 3 in weeks and 140 in weeks and any(d > 140 for d in weeks)
    assert issued.filter(exceptions__isnull=False).exists()
    assert AdviceRequest.objects.filter(received_on__isnull=True, due_on__lt=TODAY).exists()
    first = _signature()
    Assessment.objects.all().delete()
    demo_assessments_add(seed=19, today=TODAY)
    assert _signature() == first
