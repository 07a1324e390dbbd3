"""Each child once: the same NHS number or UPN is never held twice in an authority, and a
child with the same name (ignoring case and accents) and date of birth is asked about first.

Used by "Add a child" and "Edit details", and (through ``Child.clean``) by every save, so the
API and imports refuse the same way. See docs/adr/0026-each-child-once-and-who-writes-plans.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from goldenthread.core.folding import fold
from goldenthread.core.identifiers import normalise_nhs_number
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
    "child? If it is, do not add them again{where}. If it is a different child, {confirm}"
)
# How each route says "this is a different child" (the rule and its words are the same).
CONFIRM_ON_PAGE = "tick \u201cThis is a different child\u201d and save again"
CONFIRM_IN_API = 'send it again with "confirm_not_duplicate": true'
CONFIRM_ON_IMPORT = (
    "import it again with \u201cThis is a different child\u201d ticked "
    "(confirm_not_duplicate=true in the API, --confirm-not-duplicate on the command line)"
)
# The name the API gives the rule, so a program can tell it from a refusal.
LIKELY_MATCH_RULE = "same-name-and-date-of-birth"
IDENTIFIERS = {"nhs_number": "NHS number", "upn": "unique pupil number"}


def name_key(name: str) -> str:
    """A name without case or accents: "Prŷs" and "PRYS" give the same key (``core.folding``)."""
    return fold(name)


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
    first, last = name_key(first_name), name_key(last_name)
    same_day = Child.objects.filter(
        local_authority_id=local_authority_id,
        date_of_birth=born,
        search_name__startswith=f"{first} {last}",
    )
    if exclude_pk:
        same_day = same_day.exclude(pk=exclude_pk)
    # The stored key starts with the folded first and last names; check them one by one so
    # "Ann Smith" does not match "Ann Smithson".
    return [c for c in same_day if (name_key(c.first_name), name_key(c.last_name)) == (first, last)]


def _where(child: Child, user: User | None) -> tuple[bool, str]:
    from goldenthread.web.plans.selectors import children_visible_to

    visible = user is not None and children_visible_to(user).filter(pk=child.pk).exists()
    return visible, child.local_authority.name


def clash_message(child: Child, *, field: str, user: User | None) -> str:
    visible, area = _where(child, user)
    words = HELD_ALREADY.format(what=IDENTIFIERS[field], area=area)
    return words + (OPEN_IT.format(pk=child.pk) if visible else ASK_FOR_IT.format(area=area))


def match_message(child: Child, *, user: User | None, confirm: str = CONFIRM_ON_PAGE) -> str:
    visible, area = _where(child, user)
    where = f" (their record: /children/{child.pk}/)" if visible else ""
    return LIKELY_MATCH.format(name=child.full_name, area=area, where=where, confirm=confirm)


def same_child_problems(
    data: Mapping[str, Any],
    *,
    local_authority_id: int | None,
    user: User | None,
    exclude_pk: int | None = None,
    confirmed: bool = False,
    confirm: str = CONFIRM_ON_PAGE,
) -> dict[str, str]:
    """The one same-child rule for pages, the API and imports: field name -> message.

    An NHS number or UPN already held in the authority is refused (on its field) whatever is
    confirmed; the same name and date of birth (``first_name``) only until ``confirmed``."""
    if local_authority_id is None:
        return {}
    found: dict[str, str] = {}
    for field in ("nhs_number", "upn"):
        value = str(data.get(field) or "").strip()
        value = normalise_nhs_number(value) if field == "nhs_number" and value else value.upper()
        other = identifier_clash(
            field=field, value=value, local_authority_id=local_authority_id, exclude_pk=exclude_pk
        )
        if other is not None:
            found[field] = clash_message(other, field=field, user=user)
    first, last, born = data.get("first_name"), data.get("last_name"), data.get("date_of_birth")
    # A clash of identifiers already says it is the same child: no need to ask about the name.
    if first and last and isinstance(born, dt.date) and not confirmed and not found:
        matches = likely_matches(
            first_name=str(first),
            last_name=str(last),
            born=born,
            local_authority_id=local_authority_id,
            exclude_pk=exclude_pk,
        )
        if matches:
            found["first_name"] = match_message(matches[0], user=user, confirm=confirm)
    return found
