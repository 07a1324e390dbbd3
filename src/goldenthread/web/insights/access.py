"""Who may open area insights: one decorator, one set of roles.

Strategic leaders and commissioners need the area's figures; quality leads need quality by
setting, service and team (DESIGN.md), and every figure here is disclosure-controlled, so
neither sees a child. Everyone else gets "forbidden" (403): these pages depend on the role
alone, which is the policy's rule for such pages (tests/web/test_access.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from goldenthread.web.accounts.models import Role

INSIGHT_ROLES = frozenset({Role.STRATEGIC_LEADER, Role.QUALITY_LEAD})

View = Callable[..., HttpResponse]


def insights_role_required(view: View) -> View:
    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated or getattr(user, "role", "") not in INSIGHT_ROLES:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked
