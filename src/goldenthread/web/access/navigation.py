"""Links in the service navigation that depend on who is signed in and why they see a child."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from goldenthread.web.accounts.models import PROFESSIONAL_ROLES, Role


def access_nav(request: HttpRequest, active: str | None = None) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    role = getattr(request.user, "role", "")
    if role in PROFESSIONAL_ROLES:
        items.append(_item("reviews-mine", "My reviews", active))
    if role in {Role.STRATEGIC_LEADER, Role.QUALITY_LEAD}:
        items.append(_item("insights", "Area figures", active))
    if role == Role.QUALITY_LEAD:
        items.append(_item("workbench", "Quality workbench", active))
        items.append(_item("quality-audit", "Outcomes to check", active))
    if role == Role.ADMINISTRATOR:
        items.append(_item("job-runs", "Scheduled jobs", active))
    if role == Role.DPO:
        items.append(_item("dpo-find", "Find a child", active))
        items.append(_item("audit-trail", "Audit trail", active))
    if role not in {"", Role.PARENT, Role.CHILD} and _is_returns_lead(request):
        items.append(_item("returns", "Statutory returns", active))
    access = getattr(request, "child_access", None)
    if access is not None and access.can_read_whole_record:
        items.append(_item("passport", "Passport", active, access.child_id))
    if access is not None and access.can_see_who_looked:
        items.append(_item("who-looked", "Who has looked at this record", active, access.child_id))
    if access is not None and access.can_choose_what_parents_see:
        items.append(_item("parents-can-see", "What my parents see", active, access.child_id))
    return items


def _is_returns_lead(request: HttpRequest) -> bool:
    from goldenthread.web.returns.models import ReturnsLead

    return ReturnsLead.objects.filter(person_id=request.user.pk).exists()


def _item(name: str, text: str, active: str | None, *args: int) -> dict[str, Any]:
    return {"href": reverse(name, args=args or None), "text": text, "active": active == name}
