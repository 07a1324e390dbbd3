"""Writes: sharing a passport with consent. Sharing itself is ``access.services.share_grant``
(and ``share_revoke`` to stop); this adds the family's agreement in the same transaction."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q, QuerySet

from goldenthread.web.access.models import ChildShare
from goldenthread.web.access.services import AccessRuleError, share_grant
from goldenthread.web.accounts.models import PROFESSIONAL_ROLES, Organisation, User
from goldenthread.web.passport.models import PassportConsent
from goldenthread.web.plans.models import Child

PERSON_NOT_FOUND = "We could not find a professional with that username or email in this area"
CONSENT_IN_FUTURE = "The day they agreed must be today or in the past"


def organisations_in_area(child: Child) -> QuerySet[Organisation]:
    """The child's local authority and the organisations under it (schools, health teams)."""
    la = child.local_authority_id
    return Organisation.objects.filter(
        Q(pk=la) | Q(parent_id=la) | Q(parent__parent_id=la)
    ).order_by("name")


def professional_find(*, child: Child, text: str) -> User:
    """One active professional in the child's area, by exact username or email."""
    text = text.strip()
    if not text:
        raise AccessRuleError(PERSON_NOT_FOUND)
    found = User.objects.filter(
        Q(username__iexact=text) | Q(email__iexact=text),
        is_active=True,
        role__in=PROFESSIONAL_ROLES,
        organisation__in=organisations_in_area(child),
    )
    people = list(found[:2])
    if len(people) != 1:
        raise AccessRuleError(PERSON_NOT_FOUND)
    return people[0]


def passport_share(
    *,
    child: Child,
    by: User,
    given_by: str,
    given_by_name: str,
    given_on: dt.date,
    purpose: str,
    ends_on: dt.date,
    person: User | None = None,
    organisation: Organisation | None = None,
    starts_on: dt.date | None = None,
) -> ChildShare:
    """Share the passport for a time, recording who agreed to it, when and what for."""
    if given_on > dt.date.today():
        raise AccessRuleError(CONSENT_IN_FUTURE)
    with transaction.atomic():
        share = share_grant(
            child=child,
            by=by,
            reason=purpose,
            person=person,
            organisation=organisation,
            starts_on=starts_on,
            ends_on=ends_on,
        )
        PassportConsent.objects.create(
            share=share,
            given_by=given_by,
            given_by_name=given_by_name.strip(),
            given_on=given_on,
            purpose=purpose.strip(),
            recorded_by=by,
        )
    return share
