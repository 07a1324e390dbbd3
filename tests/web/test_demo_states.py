"""The demo area has plans in every state (issue 16): draft, issued with its stored documents,
under amendment, and ceased; and its issued plans are fixed."""

from __future__ import annotations

import datetime as dt

import pytest

from goldenthread.web.plans.demo.builder import area_seed
from goldenthread.web.plans.demo.states import plan_states_seed
from goldenthread.web.plans.fixed import PlanFixedError
from goldenthread.web.plans.models import IssuedDocument, Need, Plan, PlanStatus
from goldenthread.web.plans.services.common import record_save


@pytest.mark.django_db
def test_the_demo_has_plans_in_every_state_and_issued_ones_are_fixed() -> None:
    area_seed(children=12, seed=16, today=dt.date(2026, 12, 6))
    states = plan_states_seed()
    assert states.draft is not None and states.draft.status == PlanStatus.DRAFT
    assert states.issued is not None and states.issued.is_fixed and states.issued.version >= 2
    assert IssuedDocument.objects.filter(plan=states.issued).count() == 2
    assert states.under_amendment is not None and states.under_amendment.is_fixed
    newer = Plan.objects.get(previous_version=states.under_amendment)
    assert newer.status == PlanStatus.DRAFT and not newer.is_fixed
    assert states.ceased is not None and states.ceased.status == PlanStatus.CEASED
    assert not Plan.objects.filter(status=PlanStatus.FINAL, fixed_at__isnull=True).exists()
    with pytest.raises(PlanFixedError):
        record_save(Need(plan=states.under_amendment), user=None, fields={"text": "More"})
