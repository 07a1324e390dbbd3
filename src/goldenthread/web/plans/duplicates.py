"""Each child once: the same NHS number or UPN is never held twice in an authority, and a
child with the same name (ignoring case and accents) and date of birth is asked about first.

Used by "Add a child" and "Edit details", and (through ``Child.clean``) by every save, so the
API and imports refuse the same way. See docs/adr/0026-each-child-once-and-who-writes-plans.md.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from goldenthread.web.accounts.models import User
from goldenthread.web.plans.models import Child

HELD_ALREADY = "A child with this {what} is already held in {area}"
OPEN_IT = ". Open their record instead: /children/{pk}/"
ASK_FOR_IT = (
    ". You cannot see their record: ask the EHC coordinator team at {area} to add you to "
    "the child's caseload"
)
LIKELY_MATCH = (
    "A child called {name}, born on the same day, is already held in {area}. Is this the same "
    "child? If it is, do not add them again{where}. If it is a different child, tick "
    "\u201cThis is a different child\u201d and save again"
)
IDENTIFIERS = {"nhs_number": "NHS number", "upn": "unique pupil number"}


def name_key(name: str) -> str:
    """A name without case or accents: "Prŷs" and "PRYS" give the same key."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def identifier_clash(
    *, field: str, value: str, local_authority_id: int | None, exclude_pk: int | None
) -> Child | None:
    """The child already held in the authority with this NHS number or UPN, if any."""
    if not value or local_authority_id is None:
        return None
    found = Child.objects.filter(local_authority_id=local_authority_id, **{field: value})
    return found.exclude(pk=exclude_pk).first() if exclude_pk else found.first()


def likely_matches(
    *,
    first_name: str,
    last_name: str,
    born: dt.date,
    local_authority_id: int,
    exclude_pk: int | None,
) -> list[Child]:
    """Children in the authority with the same date of birth and the same name, ignoring case
    and accents. Reason: "Tell it once" fails when one child has two records."""
    same_day = Child.objects.filter(local_authority_id=local_authority_id, date_of_birth=born)
    if exclude_pk:
        same_day = same_day.exclude(pk=exclude_pk)
    key = (name_key(first_name), name_key(last_name))
    return [c for c in same_day if (name_key(c.first_name), name_key(c.last_name)) == key]


def _where(child: Child, user: User | None) -> tuple[bool, str]:
    from goldenthread.web.plans.selectors import children_visible_to

    visible = user is not None and children_visible_to(user).filter(pk=child.pk).exists()
    return visible, child.local_authority.name


def clash_message(child: Child, *, field: str, user: User | None) -> str:
    visible, area = _where(child, user)
    words = HELD_ALREADY.format(what=IDENTIFIERS[field], area=area)
    return words + (OPEN_IT.format(pk=child.pk) if visible else ASK_FOR_IT.format(area=area))


def match_message(child: Child, *, user: User | None) -> str:
    visible, area = _where(child, user)
    where = f" (their record: /children/{child.pk}/)" if visible else ""
    return LIKELY_MATCH.format(name=child.full_name, area=area, where=where)
