"""Issued means fixed: an issued plan version and every part of it are read-only.

The services refuse a change (``fixed_check``, called by every save), and the database refuses
it as well, with triggers made by migration ``plans.0005`` on PostgreSQL and SQLite, so a
forgotten code path, a shell or a bulk update cannot change an issued plan either. The only
writes the database lets through are the ones made inside ``fixed_records_release``: the
retention run that erases or anonymises records at the end of their lawful period.
See docs/adr/0025-issued-plans-are-fixed.md.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from django.db import connection, transaction

from goldenthread.web.formfields import date_uk
from goldenthread.web.plans.models import (
    Aspiration,
    Need,
    Outcome,
    Plan,
    PlanStatus,
    Provision,
    Step,
)

PLAN_FIXED = (
    "This plan was issued on {issued}, so it cannot be changed. "
    "To change it, start a new version (amend it)."
)
FIXED_IN_DATABASE = "goldenthread: this plan version is issued and cannot be changed"
# What may still change on an issued version: when it was last reviewed and so when the next
# review is due, who coordinates it, whether it is archived, and ceasing it (with its end date).
PLAN_FIELDS_OPEN = frozenset(
    {"last_reviewed_on", "next_review_due", "coordinator", "archived_at", "status", "end_date"}
)
PARTS = (Aspiration, Need, Outcome, Provision)
RELEASE_SETTING = "goldenthread.release_fixed"
_released: contextvars.ContextVar[bool] = contextvars.ContextVar("release_fixed", default=False)


class PlanFixedError(Exception):
    """A change to an issued plan version; nothing was saved."""

    def __init__(self, plan: Plan | None = None) -> None:
        issued = date_uk(plan.issued_on) if plan is not None and plan.issued_on else "its date"
        super().__init__(PLAN_FIXED.format(issued=issued))
        self.plan = plan


def plan_of(record: object) -> int | None:
    """The id of the plan a part belongs to (None for anything that is not a part)."""
    if isinstance(record, Step):
        found: int | None = (
            Outcome.objects.filter(pk=record.outcome_id).values_list("plan_id", flat=True).first()
        )
        return found
    if isinstance(record, PARTS):
        plan_id: int | None = record.plan_id
        return plan_id
    return None


def fixed_plan(plan_id: int | None) -> Plan | None:
    """The plan if it is an issued (fixed) version, read fresh from the database."""
    if plan_id is None:
        return None
    return Plan.objects.filter(pk=plan_id, fixed_at__isnull=False).first()


def fixed_check(record: object, fields: Mapping[str, Any], links: Mapping[str, Any]) -> None:
    """Refuse any change to an issued version or its parts, before anything is written.

    Reason: an issued EHC plan is a legal document; what was issued must stay what it says,
    and a change is made by issuing a new version, which keeps the old one.
    """
    if isinstance(record, Plan):
        stored = fixed_plan(record.pk)
        if stored is not None and _plan_change_refused(stored, fields):
            raise PlanFixedError(stored)
        return
    stored = fixed_plan(plan_of(record))
    if stored is not None:
        raise PlanFixedError(stored)


def _plan_change_refused(stored: Plan, fields: Mapping[str, Any]) -> bool:
    for name, value in fields.items():
        if value == getattr(stored, name, None) or name in {"row_version", "updated_at"}:
            continue
        if name not in PLAN_FIELDS_OPEN:
            return True
        if name in {"status", "end_date"} and fields.get("status") != PlanStatus.CEASED:
            return True
    return False


def fixed_is_released() -> bool:
    """True inside ``fixed_records_release`` (read by the SQLite triggers' function)."""
    return _released.get()


@contextmanager
def fixed_records_release() -> Iterator[None]:
    """Let the database change issued versions inside this block, in one transaction.

    Only for the retention run (erasing or anonymising records whose lawful period is over)
    and for a test database being emptied. Reason: the law that fixes a plan also says how long
    it is kept; after that it must go, issued or not.
    """
    token = _released.set(True)
    try:
        with transaction.atomic():
            _release_setting("on")
            try:
                yield
            finally:
                if not connection.needs_rollback:
                    _release_setting("off")
    finally:
        _released.reset(token)


def _release_setting(value: str) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, %s, true)", [RELEASE_SETTING, value])


def sqlite_functions_install(sender: object, connection: Any, **kwargs: object) -> None:
    """Give each SQLite connection the function its triggers call to see a release."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "gt_fixed_release", 0, lambda: int(fixed_is_released())
        )
