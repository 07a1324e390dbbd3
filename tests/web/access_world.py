"""One area with a person for every way of knowing (or not knowing) a child, for access tests.

``world.child`` is 17, on the coordinator's caseload, in a team, shared with a therapist, with a
parent and their own account. Each persona is a function that returns who signs in, setting up
anything only that persona needs (a privacy choice, an emergency grant).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from goldenthread.web.access.models import ChildPrivacy, ChildShare, ParentsCanSee
from goldenthread.web.access.services import break_glass_open, team_create
from goldenthread.web.accounts.models import Organisation, OrganisationKind, Role, User
from goldenthread.web.plans.models import Child, RelationshipKind
from tests.web import factories
from tests.web.factories import Area

EMERGENCY_REASON = "The family asked for a copy and the coordinator is away this week."


@dataclass
class World:
    area: Area
    people: dict[str, User]

    @property
    def child(self) -> Child:
        return self.area.child


def world_create() -> World:
    area = factories.area_create()
    today = timezone.localdate()
    Child.objects.filter(pk=area.child.pk).update(date_of_birth=today.replace(year=today.year - 17))
    area.child.refresh_from_db()
    la, child = area.local_authority, area.child
    health = factories.organisation_create(
        name="Westshire Children's Therapy", kind=OrganisationKind.HEALTH, parent=la
    )

    def person(role: str, name: str, organisation: Organisation | None = la) -> User:
        return factories.user_create(
            role=role,
            username=name,
            organisation=organisation,
            first_name=name.title(),
        )

    people = {
        "coordinator": area.coordinator,
        "teammate": person(Role.COORDINATOR, "teammate"),
        "stranger": area.stranger,
        "ended": person(Role.EDUCATION, "ended"),
        "therapist": person(Role.HEALTH, "therapist", health),
        "expired_share": person(Role.HEALTH, "expired", health),
        "parent": person(Role.PARENT, "parent", None),
        "other_parent": person(Role.PARENT, "otherparent", None),
        "young_person": person(Role.CHILD, "youngperson", None),
        "quality_lead": person(Role.QUALITY_LEAD, "quality"),
        "strategic_leader": person(Role.STRATEGIC_LEADER, "strategic"),
        "admin": person(Role.ADMINISTRATOR, "admin"),
        "admin_break_glass": person(Role.ADMINISTRATOR, "breakglass"),
        "dpo": person(Role.DPO, "dpo"),
    }
    team_create(name="East team", organisation=la, members=[area.coordinator, people["teammate"]])
    factories.relationship_create(
        child=child, person=people["ended"], ended_on=today - dt.timedelta(days=1)
    )
    ChildShare.objects.create(
        child=child,
        shared_by=area.coordinator,
        shared_with_person=people["therapist"],
        reason="Speech and language assessment",
    )
    ChildShare.objects.create(
        child=child,
        shared_by=area.coordinator,
        shared_with_person=people["expired_share"],
        reason="Last year's assessment",
        starts_on=today - dt.timedelta(days=60),
        ends_on=today - dt.timedelta(days=1),
    )
    for key, kind, whose in (
        ("parent", RelationshipKind.PARENT, child),
        ("other_parent", RelationshipKind.PARENT, area.other_child),
        ("young_person", RelationshipKind.SELF, child),
    ):
        factories.relationship_create(child=whose, person=people[key], kind=kind)
    return World(area, people)


def _parent_when(choice: str) -> Callable[[World], User | None]:
    def persona(world: World) -> User:
        ChildPrivacy.objects.create(child=world.child, parents_can_see=choice)
        return world.people["parent"]

    return persona


def _with_break_glass(world: World) -> User:
    admin = world.people["admin_break_glass"]
    break_glass_open(child=world.child, by=admin, reason=EMERGENCY_REASON)
    return admin


def _person(key: str) -> Callable[[World], User | None]:
    return lambda world: world.people[key]


SIMPLE_PERSONAS = (
    "coordinator", "teammate", "stranger", "ended", "therapist", "expired_share", "parent",
    "other_parent", "young_person", "quality_lead", "strategic_leader", "admin", "dpo",
)  # fmt: skip
PERSONAS: dict[str, Callable[[World], User | None]] = {
    **{key: _person(key) for key in SIMPLE_PERSONAS},
    "hidden_parent": _parent_when(ParentsCanSee.NOTHING),
    "plan_only_parent": _parent_when(ParentsCanSee.PLAN),
    "admin_break_glass": _with_break_glass,
    "signed_out": lambda world: None,
}
