"""The demo area has a parent and a young person of 16 or over who can sign in, with the young
person's capacity decision recorded and a parent's view waiting for the coordinator (issue 18)."""

from __future__ import annotations

import datetime as dt

import pytest

from goldenthread.web.access.policy import child_access
from goldenthread.web.accounts.models import Role, User
from goldenthread.web.family.models import CapacityDecision, FamilyIdea, SupporterKind
from goldenthread.web.plans.demo.builder import area_seed
from goldenthread.web.plans.models import ChildRelationship, RelationshipKind

TODAY = dt.date(2026, 12, 6)


@pytest.mark.django_db
def test_the_demo_young_person_has_capacity_and_the_parent_has_a_view_waiting() -> None:
    area_seed(children=6, seed=18, today=TODAY)
    young = User.objects.get(username="young-person")
    parent = User.objects.get(username="parent")
    assert young.role == Role.CHILD and parent.role == Role.PARENT
    assert young.has_usable_password() and parent.has_usable_password()
    child = ChildRelationship.objects.get(person=young, kind=RelationshipKind.SELF).child
    assert child.age_on(TODAY) >= 16
    decision = CapacityDecision.objects.get(child=child)
    assert decision.has_capacity and decision.decided_by
    assert decision.supporter_kind in {SupporterKind.PARENT, SupporterKind.NONE}
    access = child_access(young, child.pk, on=TODAY)
    assert access.can_choose_what_parents_see and access.is_family
    idea = FamilyIdea.objects.get(author=parent)
    assert idea.status == "proposed" and idea.plan.next_review_due is not None
