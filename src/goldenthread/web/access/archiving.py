"""Who may archive a whole child's record, find it once archived, and restore it.

Archiving takes a child out of every caseload, list and page at once, so it is not a change to
the plan that anyone who works with the child may make (ADR 0021). Two kinds of person may:

- the child's EHC coordinator: a person with the EHC coordinator role who has the child on
  their own caseload today and is named as coordinator on the child's current plan, or, when no
  current plan names a coordinator (a record added by mistake, say), holds the case;
- an administrator of the child's local authority, who must give a reason. To archive, the
  administrator opens the record in an emergency first (a reason on the trail); to restore, they
  see only the record number and when it was archived, never the child's name.

``children_archivable_by`` is the one condition: lists and single checks are built from it.
"""

from __future__ import annotations

import enum

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from goldenthread.web.accounts.models import Role, User
from goldenthread.web.plans.models import Child, ChildRelationship, Plan, RelationshipKind
from goldenthread.web.plans.services.children import NoLocalAuthorityError, local_authority_for


class ArchiveRight(enum.Enum):
    NONE = "none"
    COORDINATOR = "the child's EHC coordinator"
    ADMINISTRATOR = "an administrator, with a reason"

    @property
    def allowed(self) -> bool:
        return self is not ArchiveRight.NONE

    @property
    def needs_reason(self) -> bool:
        return self is ArchiveRight.ADMINISTRATOR


def _coordinated_by(user: User) -> Q:
    """The children whose EHC coordinator this person is (see the module's docstring)."""
    today = timezone.localdate()
    caseload = ChildRelationship.objects.filter(
        child=OuterRef("pk"),
        person=user,
        kind=RelationshipKind.CASEWORKER,
        started_on__lte=today,
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=today))
    current = Plan.objects.filter(
        child=OuterRef("pk"), archived_at__isnull=True, next_version__isnull=True
    )
    named_me = current.filter(coordinator=user)
    named_anyone = current.filter(coordinator__isnull=False)
    return Q(Exists(caseload)) & (Q(Exists(named_me)) | ~Q(Exists(named_anyone)))


def _right_of_role(user: User) -> ArchiveRight:
    if not (user.is_authenticated and user.is_active):
        return ArchiveRight.NONE
    if user.role == Role.COORDINATOR:
        return ArchiveRight.COORDINATOR
    if user.role == Role.ADMINISTRATOR:
        return ArchiveRight.ADMINISTRATOR
    return ArchiveRight.NONE


def children_archivable_by(user: User) -> QuerySet[Child]:
    """Every child (live or archived) this person may archive or restore."""
    right = _right_of_role(user)
    if right is ArchiveRight.COORDINATOR:
        return Child.objects.filter(_coordinated_by(user))
    if right is ArchiveRight.ADMINISTRATOR:
        try:
            return Child.objects.filter(local_authority=local_authority_for(user))
        except NoLocalAuthorityError:
            return Child.objects.none()
    return Child.objects.none()


def child_archive_right(user: User, child_id: int) -> ArchiveRight:
    """What this person may do about archiving or restoring this child: nothing, or how."""
    if not children_archivable_by(user).filter(pk=child_id).exists():
        return ArchiveRight.NONE
    return _right_of_role(user)


def archived_children_for(user: User) -> QuerySet[Child]:
    """The archived children this person may find and restore, most recently archived first."""
    return children_archivable_by(user).filter(archived_at__isnull=False).order_by("-archived_at")
