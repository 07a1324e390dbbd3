"""The one place every page about a child is checked and every look at it is logged.

For any route whose URL names a child (``child_id``) or a plan (``plan_id``) this middleware
finds the child, asks the policy what the person may do, and answers "not found" (404) when they
have no reason to see the child at all, or "forbidden" (403) when they may see it but not do
this. A page that opens (200 to GET) is written to the audit trail as a look. Because it works
from the URL, a new page about a child is covered without doing anything; ``CHILD_ROUTES`` only
sets what a route needs when that is not the default (read to GET, change the plan otherwise).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.access.policy import ChildAccess, child_access
from goldenthread.web.accounts.models import PROFESSIONAL_ROLES, Role, User
from goldenthread.web.plans.models import Plan

CAN_READ = "can_read"
CAN_CHANGE_PLAN = "can_change_plan"
# The default, chosen on purpose: read to GET, change the plan otherwise (API list/detail).
READ_OR_CHANGE = ""

# Route name: what the person must be able to do (a ChildAccess property).
CHILD_ROUTES: dict[str, str] = {
    "child": CAN_READ,
    "part-history": CAN_READ,
    "child-edit": CAN_CHANGE_PLAN,
    "child-archive": CAN_READ,  # and the child's EHC coordinator, or an administrator (ADR 0021)
    "plan-add": CAN_CHANGE_PLAN,
    "plan-edit": CAN_CHANGE_PLAN,
    "plan-amend": CAN_CHANGE_PLAN,
    "plan-archive": CAN_CHANGE_PLAN,
    "part-add": CAN_CHANGE_PLAN,
    "step-add": CAN_CHANGE_PLAN,
    "part-edit": CAN_CHANGE_PLAN,
    "part-archive": CAN_CHANGE_PLAN,
    "all-about-me": "can_change_all_about_me",
    "who-looked": "can_see_who_looked",
    "parents-can-see": "can_choose_what_parents_see",
    "plan-reviews": CAN_READ,
    "review": CAN_READ,
    "review-pdf": CAN_READ,
    "child-progress": CAN_READ,
    "review-add": CAN_CHANGE_PLAN,
    "review-after": CAN_CHANGE_PLAN,
    "outcome-gas-levels": CAN_CHANGE_PLAN,
    "passport": CAN_READ,
    "passport-pdf": CAN_READ,
    "passport-json": CAN_READ,
    "passport-fhir": CAN_READ,
    "passport-share": "can_share",
    "passport-share-stop": "can_share",
    "passport-link": "can_share",
    "passport-link-stop": "can_share",
    "check-outcome": CAN_CHANGE_PLAN,
    "plan-thread": CAN_READ,
    "outcome-build": CAN_CHANGE_PLAN,
    "plan-issue-docx": CAN_READ,
    "plan-issue-pdf": CAN_READ,
    "plan-issue": CAN_CHANGE_PLAN,
    "plan-contributions": CAN_CHANGE_PLAN,
    "contribution-decide": CAN_CHANGE_PLAN,
    # The REST API (goldenthread.web.api): the same needs as the pages it mirrors.
    "api-child": CAN_READ,
    "api-plans": CAN_READ,
    "api-passport": CAN_READ,
    "api-passport-fhir": CAN_READ,
    "api-plan": CAN_READ,
    "api-reviews": CAN_READ,
    "api-review": CAN_READ,
    "api-outcomes": READ_OR_CHANGE,
    "api-outcome": READ_OR_CHANGE,
    "api-provision-list": READ_OR_CHANGE,
    "api-provision": READ_OR_CHANGE,
}
# Routes naming a child whose view decides alone (asking for emergency access is not a look).
CHILD_ROUTES_DECIDED_BY_VIEW = frozenset({"break-glass", "child-restore"})
# Pages about no one child, open only to some roles (403 to everyone else).
ROLE_ROUTES: dict[str, frozenset[str]] = {
    "child-add": frozenset(PROFESSIONAL_ROLES),
    "break-glass": frozenset({Role.ADMINISTRATOR}),
    "quality-audit": frozenset({Role.QUALITY_LEAD}),
    "audit-trail": frozenset({Role.DPO}),
    "audit-trail-export": frozenset({Role.DPO}),
    "passport-import": frozenset(PROFESSIONAL_ROLES),
}
PART_TYPES = {
    "aspirations": "aspiration",
    "needs": "need",
    "outcomes": "outcome",
    "provision": "provision",
    "steps": "step",
}
READS = frozenset({"GET", "HEAD"})


def route_need(name: str, method: str) -> str:
    return CHILD_ROUTES.get(name) or (CAN_READ if method in READS else CAN_CHANGE_PLAN)


def _child_id(kwargs: dict[str, Any]) -> int | None:
    if "child_id" in kwargs:
        return int(kwargs["child_id"])
    if "plan_id" in kwargs:
        found = Plan.objects.filter(pk=kwargs["plan_id"]).values_list("child_id", flat=True)
        child_id = found.first()
        if child_id is None:
            raise Http404
        return int(child_id)
    return None


def _object(kwargs: dict[str, Any]) -> tuple[str, int]:
    if "pk" in kwargs and kwargs.get("kind") in PART_TYPES:
        return PART_TYPES[kwargs["kind"]], int(kwargs["pk"])
    if "outcome_id" in kwargs:
        return "outcome", int(kwargs["outcome_id"])
    if "plan_id" in kwargs:
        return "plan", int(kwargs["plan_id"])
    return "child", int(kwargs["child_id"])


class ChildAccessMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        access: ChildAccess | None = getattr(request, "child_access", None)
        if access is not None and request.method in READS and response.status_code == 200:
            match = request.resolver_match
            assert match is not None
            object_type, object_id = _object(match.kwargs)
            audit_event_record(
                person=request.user,  # type: ignore[arg-type]
                action=AuditAction.VIEW,
                child_id=access.child_id,
                object_type=object_type,
                object_id=object_id,
                url_name=match.view_name,
            )
        return response

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponse],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        match = request.resolver_match
        if match is None or not request.user.is_authenticated:
            return
        user: User = request.user
        name = match.view_name
        if name in ROLE_ROUTES and user.role not in ROLE_ROUTES[name]:
            raise PermissionDenied
        if name in CHILD_ROUTES_DECIDED_BY_VIEW:
            return
        child_id = _child_id(match.kwargs)
        if child_id is None:
            return
        access = child_access(user, child_id)
        if not access.can_read:
            raise Http404  # never confirm that a child exists
        if not getattr(access, route_need(name, request.method or "GET")):
            raise PermissionDenied
        request.child_access = access  # type: ignore[attr-defined]  # for pages and the log
