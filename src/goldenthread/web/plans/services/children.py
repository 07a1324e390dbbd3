"""Children: adding a child puts them on the caseload of the person who added them."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from goldenthread.web.accounts.models import Organisation, OrganisationKind, User
from goldenthread.web.plans.models import Child, ChildRelationship, RelationshipKind
from goldenthread.web.plans.services.common import record_save

NO_LOCAL_AUTHORITY = (
    "Your account is not linked to a local authority, so you cannot add a child. "
    "Ask an administrator to link it."
)


class NoLocalAuthorityError(Exception):
    def __init__(self) -> None:
        super().__init__(NO_LOCAL_AUTHORITY)


def local_authority_for(user: User) -> Organisation:
    """The local authority a person works in: their organisation, or the one above it."""
    organisation = user.organisation
    while organisation is not None:
        if organisation.kind == OrganisationKind.LOCAL_AUTHORITY:
            return organisation
        organisation = organisation.parent
    raise NoLocalAuthorityError


def child_create(*, user: User, fields: dict[str, Any]) -> Child:
    """Add a child in the person's local authority and put them on that person's caseload."""
    local_authority = local_authority_for(user)
    with transaction.atomic():
        child = record_save(Child(local_authority=local_authority), user=user, fields=fields)
        ChildRelationship.objects.create(child=child, person=user, kind=RelationshipKind.CASEWORKER)
    return child
