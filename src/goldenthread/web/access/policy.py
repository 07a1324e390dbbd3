"""The access policy: why a person may see a child, and what that lets them do.

One place decides. ``children_readable`` (used by ``plans.selectors.children_visible_to``) and
``child_access`` are built from the same conditions, so lists and single pages always agree.
Roles only say which kinds of reason can apply; the reason itself is a relationship, a team, a
share or an emergency grant, and only while it lasts.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from goldenthread.web.access.models import BreakGlass, ChildPrivacy, ChildShare, ParentsCanSee
from goldenthread.web.accounts.models import PROFESSIONAL_ROLES, Role, User
from goldenthread.web.family.models import CapacityDecision, HiddenFromParents
from goldenthread.web.plans.models import Child, ChildRelationship, RelationshipKind


class Reason(enum.Enum):
    CASELOAD = "on your caseload"
    TEAM = "on your team's caseload"
    SHARED = "shared with you"
    PARENT = "your child"
    SELF = "your own record"
    BREAK_GLASS = "opened in an emergency"


def _current_relationship(kind: str, today: dt.date) -> Q:
    return Q(kind=kind, started_on__lte=today) & (Q(ended_on__isnull=True) | Q(ended_on__gte=today))


def _reason_conditions(user: User, today: dt.date) -> dict[Reason, Exists]:
    """For each reason that can apply to this person's role, a condition on ``Child``."""
    child = OuterRef("pk")
    relationships = ChildRelationship.objects.filter(child=child)
    conditions: dict[Reason, Exists] = {}
    if user.role in PROFESSIONAL_ROLES:
        caseload = relationships.filter(_current_relationship(RelationshipKind.CASEWORKER, today))
        conditions[Reason.CASELOAD] = Exists(caseload.filter(person=user))
        conditions[Reason.TEAM] = Exists(
            caseload.filter(person__teams__members=user).exclude(person=user)
        )
        shared_with = Q(shared_with_person=user)
        if user.organisation_id is not None:
            shared_with |= Q(shared_with_organisation_id=user.organisation_id)
        conditions[Reason.SHARED] = Exists(
            ChildShare.objects.filter(
                shared_with, child=child, starts_on__lte=today, revoked_at__isnull=True
            ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        )
    elif user.role == Role.PARENT:
        conditions[Reason.PARENT] = Exists(
            relationships.filter(
                _current_relationship(RelationshipKind.PARENT, today), person=user
            ).filter(
                # A young person without capacity: the parent acts for them (family.capacity).
                ~Q(child__privacy__parents_can_see=ParentsCanSee.NOTHING)
                | Q(child__capacity__has_capacity=False)
            )
        )
    elif user.role == Role.CHILD:
        conditions[Reason.SELF] = Exists(
            relationships.filter(_current_relationship(RelationshipKind.SELF, today), person=user)
        )
    elif user.role == Role.ADMINISTRATOR:
        conditions[Reason.BREAK_GLASS] = Exists(
            BreakGlass.objects.filter(child=child, person=user, expires_at__gt=timezone.now())
        )
    # Quality leads, strategic leaders and data protection officers never open a child's record.
    return conditions


def _can_sign_in(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active)


def _readable_child_ids(user: User, today: dt.date) -> list[QuerySet[Any]]:
    """The same reasons as ``_reason_conditions``, each as a plain list of child ids read
    straight from its own table (no correlation with ``Child``), for ``children_readable``.

    Keep the two in step: ``tests/web/test_access_rules.py`` checks that the list and the
    single child always agree for every kind of person."""
    current = _current_relationship(RelationshipKind.CASEWORKER, today)
    ids: list[QuerySet[Any]] = []
    if user.role in PROFESSIONAL_ROLES:
        ids.append(ChildRelationship.objects.filter(current, person=user).values("child_id"))
        team = User.objects.filter(teams__members=user).exclude(pk=user.pk).values("pk")
        ids.append(ChildRelationship.objects.filter(current, person__in=team).values("child_id"))
        shared_with = Q(shared_with_person=user)
        if user.organisation_id is not None:
            shared_with |= Q(shared_with_organisation_id=user.organisation_id)
        ids.append(
            ChildShare.objects.filter(shared_with, starts_on__lte=today, revoked_at__isnull=True)
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
            .values("child_id")
        )
    elif user.role == Role.PARENT:
        ids.append(
            ChildRelationship.objects.filter(
                _current_relationship(RelationshipKind.PARENT, today), person=user
            )
            .filter(
                ~Q(child__privacy__parents_can_see=ParentsCanSee.NOTHING)
                | Q(child__capacity__has_capacity=False)
            )
            .values("child_id")
        )
    elif user.role == Role.CHILD:
        ids.append(
            ChildRelationship.objects.filter(
                _current_relationship(RelationshipKind.SELF, today), person=user
            ).values("child_id")
        )
    elif user.role == Role.ADMINISTRATOR:
        ids.append(
            BreakGlass.objects.filter(person=user, expires_at__gt=timezone.now()).values("child_id")
        )
    return ids


def children_readable(user: User, *, on: dt.date | None = None) -> QuerySet[Child]:
    """Every live child the person has a reason to see today."""
    if not _can_sign_in(user):
        return Child.objects.none()
    ids = _readable_child_ids(user, on or timezone.localdate())
    if not ids:
        return Child.objects.none()
    # Each reason as a list of child ids read from its own table, which PostgreSQL hashes once
    # (set-based). Filtering ``Child`` by a correlated EXISTS per reason made the team reason a
    # nested loop over every child: the team late list took 0.95 s at 20,000 children (ADR 0049);
    # an OR of correlated EXISTS took 1.1 s before that (issue 21's load test).
    any_reason = Q()
    for found in ids:
        any_reason |= Q(pk__in=found)
    return Child.objects.filter(any_reason, archived_at__isnull=True)


@dataclass(frozen=True)
class ChildAccess:
    """Why a person may see one child, and so what they may do with the record."""

    child_id: int
    reasons: frozenset[Reason]
    parents_can_see: str = ParentsCanSee.ALL
    # A young person (16 or over) recorded as not having capacity: a parent acts for them, so
    # their choices about what parents see do not apply (docs/family-view.md).
    lacks_capacity: bool = False
    # The young person kept some parts of the plan from their parents (family.HiddenFromParents)
    parts_hidden: bool = False

    @property
    def can_read(self) -> bool:
        return bool(self.reasons)

    @property
    def can_change_plan(self) -> bool:
        """Only the people who work with the child change the plan and the child's details."""
        return bool(self.reasons & {Reason.CASELOAD, Reason.TEAM})

    @property
    def _parent_sees_all(self) -> bool:
        return Reason.PARENT in self.reasons and self.parents_can_see == ParentsCanSee.ALL

    @property
    def can_change_all_about_me(self) -> bool:
        """ "All about me" is told by the child and family, with the people who work with them."""
        return self.can_change_plan or Reason.SELF in self.reasons or self._parent_sees_all

    @property
    def can_see_all_about_me(self) -> bool:
        return self.can_read and (Reason.PARENT not in self.reasons or self._parent_sees_all)

    @property
    def can_see_who_looked(self) -> bool:
        """The family sees who has looked at the record; staff ask the data protection officer."""
        return Reason.SELF in self.reasons or self._parent_sees_all

    @property
    def can_choose_what_parents_see(self) -> bool:
        return Reason.SELF in self.reasons and not self.lacks_capacity

    @property
    def is_family(self) -> bool:
        """The child themselves or their parent: the family view (goldenthread.web.family)."""
        return bool(self.reasons & {Reason.PARENT, Reason.SELF})

    @property
    def can_read_whole_record(self) -> bool:
        """Every page with the whole plan on it; not a parent once the young person has kept
        some parts from them (they read the family view, which leaves those parts out)."""
        return self.can_read and not (Reason.PARENT in self.reasons and self.parts_hidden)

    @property
    def can_share(self) -> bool:
        return self.can_change_plan or self.can_see_who_looked


NO_ACCESS = frozenset[Reason]()


def child_access(user: User, child_id: int, *, on: dt.date | None = None) -> ChildAccess:
    """The person's access to one live child; no reasons when there is none or no such child."""
    if not _can_sign_in(user):
        return ChildAccess(child_id, NO_ACCESS)
    conditions = _reason_conditions(user, on or timezone.localdate())
    if not conditions:
        return ChildAccess(child_id, NO_ACCESS)
    names = {f"reason_{reason.name.lower()}": reason for reason in conditions}
    row = (
        Child.objects.filter(pk=child_id, archived_at__isnull=True)
        .annotate(**{name: conditions[reason] for name, reason in names.items()})
        .values(*names)
        .first()
    )
    if row is None:
        return ChildAccess(child_id, NO_ACCESS)
    reasons = frozenset(reason for name, reason in names.items() if row[name])
    privacy, parts_hidden = ParentsCanSee.ALL, False
    lacks_capacity = reasons & {Reason.PARENT, Reason.SELF} and (
        CapacityDecision.objects.filter(child_id=child_id, has_capacity=False).exists()
    )
    if Reason.PARENT in reasons and not lacks_capacity:
        stored = ChildPrivacy.objects.filter(child_id=child_id).values_list(
            "parents_can_see", flat=True
        )
        privacy = ParentsCanSee(stored.first() or ParentsCanSee.ALL)
        parts_hidden = HiddenFromParents.objects.filter(
            child_id=child_id, shown_again_at__isnull=True
        ).exists()
    return ChildAccess(child_id, reasons, privacy, bool(lacks_capacity), parts_hidden)


def access_checked(request: object, child_id: int) -> ChildAccess | None:
    """The access the gate (``access.middleware``) worked out for this request's child, so a
    page reuses it instead of asking the database again; ``None`` when the gate did not check
    this child (a page reached another way asks ``child_access`` itself)."""
    access = getattr(request, "child_access", None)
    if isinstance(access, ChildAccess) and access.child_id == child_id and access.can_read:
        return access
    return None


# Setting staff (a SENCO or teacher) act on a setting's pages only for children at their own
# setting, whatever else lets them see the child: the refusal the gate shows and logs.
SETTING_STAFF_ROLES = frozenset({Role.SENCO, Role.EDUCATION})
NOT_YOUR_SETTING = "This child is not at your setting, so you cannot open their setting plan"


def setting_refusal(user: User, child_id: int) -> str:
    """Why a setting page about this child is refused to the person ("" when it is not): setting
    staff only for children currently at their own setting; anyone else as the policy says."""
    if user.role not in SETTING_STAFF_ROLES:
        return ""
    setting_id = (
        Child.objects.filter(pk=child_id).values_list("current_setting_id", flat=True).first()
    )
    if setting_id is None or setting_id != user.organisation_id:
        return NOT_YOUR_SETTING
    return ""
