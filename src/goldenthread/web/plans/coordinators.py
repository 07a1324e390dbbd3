"""Who may coordinate a child's plan: the people the plan's coordinator field offers and accepts.

An EHC plan is coordinated by an EHC coordinator of the child's local authority. A school-based
plan (SEN support, an IEP and the like) may also be coordinated by a SENCO at the child's
current setting. Nobody else: not a parent, not the child, not a professional of another area.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from goldenthread.core.vocabulary import PlanKind
from goldenthread.web.accounts.models import Role, User
from goldenthread.web.plans.models import Child

EHC_PLAN_BY_LA_ONLY = (
    "Only an EHC coordinator of the child's local authority can write, issue or amend an EHC "
    "plan. A school or setting writes a SEN support plan instead"
)
NOT_A_COORDINATOR = (
    "Choose an EHC coordinator from the child's local authority (or, for a plan that is not an "
    "EHC plan, a SENCO at the child's setting)"
)


def coordinators_for(child: Child, *, kind: str = "") -> QuerySet[User]:
    """Active people who may coordinate a plan of this ``kind`` for ``child`` (any kind if
    not given), ordered by name for the picker."""
    may = Q(role=Role.COORDINATOR, organisation_id=child.local_authority_id)
    if kind != PlanKind.EHC_PLAN and child.current_setting_id is not None:
        may |= Q(role=Role.SENCO, organisation_id=child.current_setting_id)
    return User.objects.filter(may, is_active=True).order_by("last_name", "first_name", "pk")


def may_coordinate(person: User, *, child: Child, kind: str) -> bool:
    """True when ``person`` may be named the coordinator of a ``kind`` plan for ``child``.

    Reason: the coordinator accepts contributions and runs reviews; a parent or someone outside
    the area named there would hold the plan's professional controls."""
    return coordinators_for(child, kind=kind).filter(pk=person.pk).exists()


def may_write_plan(person: User, *, child: Child, kind: str) -> bool:
    """True when ``person`` may draft, issue or amend a ``kind`` plan for ``child``.

    Reason: under the SEND Code of Practice (9.3, 9.134) the local authority writes, issues and
    amends an EHC plan; a setting writes its own SEN support plan, and may propose parts of an
    EHC plan, which the coordinator accepts or returns (ADR 0011)."""
    if kind != PlanKind.EHC_PLAN:
        return True
    return bool(
        person.role == Role.COORDINATOR and person.organisation_id == child.local_authority_id
    )
