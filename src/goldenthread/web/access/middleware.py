"""The one place every page about a child is checked and every request about it is logged.

For any route whose URL names a child (``child_id``) or a plan (``plan_id``) this middleware
finds the child, asks the policy what the person may do, and answers "not found" (404) when they
have no reason to see the child at all, "forbidden" (403) when they may see it but not do this,
and "method not allowed" (405) when the page does not serve the request's method (a read-only
page answers only GET and HEAD). Every such request, whatever its method and answer, goes on the
audit trail (``request_log``): a look, a request, or a refusal with its reason. Refusals of the
role-only pages are logged the same way. Because it works from the URL, a new page about a child
is covered without doing anything beyond saying, in ``CHILD_ROUTES``, what it needs and which
methods it serves (a test requires every such route to be listed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import ResolverMatch

from goldenthread.web.access.models import AuditAction, RefusalCode
from goldenthread.web.access.policy import child_access, setting_refusal
from goldenthread.web.access.request_log import (
    READS,
    Attempt,
    attempt_action,
    attempt_leave,
    attempt_of,
    attempt_record,
    existing_child_id,
)
from goldenthread.web.accounts.models import PROFESSIONAL_ROLES, Role, User
from goldenthread.web.plans.models import Plan


@dataclass(frozen=True)
class ChildRoute:
    """What the person must be able to do (a ChildAccess property) and the methods served
    (``None``: whatever the view class serves, as for the REST API's DRF views)."""

    need: str
    methods: frozenset[str] | None


READ_PAGE = frozenset({"GET", "HEAD"})
FORM_PAGE = frozenset({"GET", "POST"})  # as @require_http_methods(["GET", "POST"]) serves
POST_ONLY = frozenset({"POST"})
SERVED_BY_VIEW_CLASS = None

CAN_READ = "can_read"
# Pages with the whole plan on them: not a parent the young person kept some parts from.
CAN_READ_WHOLE = "can_read_whole_record"
IS_FAMILY = "is_family"
CAN_CHANGE_PLAN = "can_change_plan"
# The default, chosen on purpose: read to GET, change the plan otherwise (API list/detail).
READ_OR_CHANGE = ""

# Route name: what the person must be able to do, and the methods the page serves.
CHILD_ROUTES: dict[str, ChildRoute] = {
    "child": ChildRoute(CAN_READ_WHOLE, READ_PAGE),
    "part-history": ChildRoute(CAN_READ_WHOLE, READ_PAGE),
    "child-edit": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    # and the child's EHC coordinator, or an administrator with a reason (ADR 0021)
    "child-archive": ChildRoute(CAN_READ, FORM_PAGE),
    "plan-add": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "plan-edit": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "plan-amend": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "plan-archive": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "plan-history": ChildRoute(CAN_READ_WHOLE, READ_PAGE),
    "part-add": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "step-add": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "part-edit": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "part-archive": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "all-about-me": ChildRoute("can_change_all_about_me", FORM_PAGE),
    "who-looked": ChildRoute("can_see_who_looked", READ_PAGE),
    "parents-can-see": ChildRoute("can_choose_what_parents_see", FORM_PAGE),
    "plan-reviews": ChildRoute(CAN_READ_WHOLE, READ_PAGE),
    "review": ChildRoute(CAN_READ_WHOLE, READ_PAGE),
    "review-pdf": ChildRoute(CAN_READ_WHOLE, READ_PAGE),
    "child-progress": ChildRoute(CAN_READ_WHOLE, READ_PAGE),
    "review-add": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "review-after": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "outcome-gas-levels": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "passport": ChildRoute(CAN_READ_WHOLE, READ_PAGE),
    "passport-pdf": ChildRoute(CAN_READ_WHOLE, READ_PAGE),
    "passport-json": ChildRoute(CAN_READ_WHOLE, READ_PAGE),
    "passport-fhir": ChildRoute(CAN_READ_WHOLE, READ_PAGE),
    "passport-share": ChildRoute("can_share", FORM_PAGE),
    "passport-share-stop": ChildRoute("can_share", POST_ONLY),
    "passport-link": ChildRoute("can_share", FORM_PAGE),
    "passport-link-stop": ChildRoute("can_share", POST_ONLY),
    "check-outcome": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "plan-thread": ChildRoute(CAN_READ_WHOLE, READ_PAGE),
    "outcome-build": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "plan-issue-docx": ChildRoute(CAN_READ_WHOLE, READ_PAGE),
    "plan-issue-pdf": ChildRoute(CAN_READ_WHOLE, READ_PAGE),
    "plan-issue": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "plan-contributions": ChildRoute(CAN_CHANGE_PLAN, READ_PAGE),
    "contribution-decide": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    # EHC needs assessments (goldenthread.web.assessments): the adviser, given a share, may
    # give advice (the view checks they are the one asked); every other step changes the record.
    "assessment": ChildRoute(CAN_READ, READ_PAGE),
    "assessment-new": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "assessment-step": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "advice-received": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "advice-give": ChildRoute(CAN_READ, FORM_PAGE),
    "advice-decide": ChildRoute(CAN_CHANGE_PLAN, POST_ONLY),
    "assessment-exception-end": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "assessment-letter": ChildRoute(CAN_READ, READ_PAGE),
    "assessment-letter-pdf": ChildRoute(CAN_READ, READ_PAGE),
    # A child's SEN2 return details and placements (goldenthread.web.returns.child_views).
    "returns-child-details": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "returns-placement-start": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    # The REST API (goldenthread.web.api): the same needs as the pages it mirrors.
    "api-child": ChildRoute(CAN_READ_WHOLE, SERVED_BY_VIEW_CLASS),
    "api-plans": ChildRoute(CAN_READ_WHOLE, SERVED_BY_VIEW_CLASS),
    "api-passport": ChildRoute(CAN_READ_WHOLE, SERVED_BY_VIEW_CLASS),
    "api-passport-fhir": ChildRoute(CAN_READ_WHOLE, SERVED_BY_VIEW_CLASS),
    "api-plan": ChildRoute(CAN_READ_WHOLE, SERVED_BY_VIEW_CLASS),
    "api-reviews": ChildRoute(CAN_READ_WHOLE, SERVED_BY_VIEW_CLASS),
    "api-review": ChildRoute(CAN_READ_WHOLE, SERVED_BY_VIEW_CLASS),
    "api-outcomes": ChildRoute(READ_OR_CHANGE, SERVED_BY_VIEW_CLASS),
    "api-outcome": ChildRoute(READ_OR_CHANGE, SERVED_BY_VIEW_CLASS),
    "api-provision-list": ChildRoute(READ_OR_CHANGE, SERVED_BY_VIEW_CLASS),
    "api-provision": ChildRoute(READ_OR_CHANGE, SERVED_BY_VIEW_CLASS),
    # The family view (goldenthread.web.family, docs/family-view.md).
    "family-plan": ChildRoute(IS_FAMILY, READ_PAGE),
    "family-views": ChildRoute(IS_FAMILY, FORM_PAGE),
    "family-propose": ChildRoute(IS_FAMILY, FORM_PAGE),
    "family-hide": ChildRoute("can_choose_what_parents_see", FORM_PAGE),
    "family-capacity": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
    "family-ideas": ChildRoute(CAN_CHANGE_PLAN, READ_PAGE),
    "family-idea-decide": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
}
# Routes naming a child whose view decides alone (asking for emergency access is not a look).
CHILD_ROUTES_DECIDED_BY_VIEW = frozenset(
    {"break-glass", "child-restore", "dpo-child", "dpo-export"}
)
# Pages about no one child, open only to some roles (403 to everyone else).
ROLE_ROUTES: dict[str, frozenset[str]] = {
    "child-add": frozenset(PROFESSIONAL_ROLES),
    "break-glass": frozenset({Role.ADMINISTRATOR}),
    "quality-audit": frozenset({Role.QUALITY_LEAD}),
    "workbench": frozenset({Role.QUALITY_LEAD}),
    "workbench-upload": frozenset({Role.QUALITY_LEAD}),
    "workbench-download": frozenset({Role.QUALITY_LEAD}),
    "audit-trail": frozenset({Role.DPO}),
    "dpo-find": frozenset({Role.DPO}),
    "dpo-child": frozenset({Role.DPO}),
    "dpo-export": frozenset({Role.DPO}),
    "audit-trail-export": frozenset({Role.DPO}),
    "passport-import": frozenset(PROFESSIONAL_ROLES),
    "assessments-late": frozenset(PROFESSIONAL_ROLES),
    "family-home": frozenset({Role.PARENT, Role.CHILD}),
}
# Setting plan pages (``setting_plans.routes`` adds them): setting staff pass only for
# children at their own setting (``policy.setting_refusal``), refused as "not your setting".
SETTING_ROUTES: set[str] = set()
PART_TYPES = {
    "aspirations": "aspiration",
    "needs": "need",
    "outcomes": "outcome",
    "provision": "provision",
    "steps": "step",
}
PART_TYPES = {
    "aspirations": "aspiration",
    "needs": "need",
    "outcomes": "outcome",
    "provision": "provision",
    "steps": "step",
}


def route_need(name: str, method: str) -> str:
    route = CHILD_ROUTES.get(name)
    if route is not None and route.need:
        return route.need
    return CAN_READ_WHOLE if method in READS else CAN_CHANGE_PLAN


def methods_served(name: str, view_func: Callable[..., Any]) -> frozenset[str]:
    """The methods the route answers: as listed, or what its view class implements."""
    route = CHILD_ROUTES.get(name)
    if route is not None and route.methods is not None:
        return route.methods
    view_class = getattr(view_func, "view_class", None)
    if view_class is None:
        return READ_PAGE | POST_ONLY
    names = {m for m in view_class.http_method_names if hasattr(view_class, m)}
    if "get" in names and "head" in view_class.http_method_names:
        names.add("head")  # Django's View answers HEAD with its GET handler
    return frozenset(m.upper() for m in names)


def names_a_child(kwargs: dict[str, Any]) -> bool:
    return "child_id" in kwargs or "plan_id" in kwargs


def _child_id(kwargs: dict[str, Any]) -> int | None:
    """The child the URL is about; ``None`` for a plan that does not exist."""
    if "child_id" in kwargs:
        return int(kwargs["child_id"])
    found = Plan.objects.filter(pk=kwargs["plan_id"]).values_list("child_id", flat=True).first()
    return None if found is None else int(found)


LARGEST_ID = 2**63 - 1  # AuditEvent.object_id is a 64-bit column


def _stored_id(value: object) -> int | None:
    """The URL's id as the entry keeps it; an id past any record's (``/provision/6573…``, 25
    digits) names nothing and cannot be stored, so the entry says no object instead of failing."""
    number = int(str(value))
    return number if number <= LARGEST_ID else None


def _object(kwargs: dict[str, Any]) -> tuple[str, int | None]:
    if "pk" in kwargs and kwargs.get("kind") in PART_TYPES:
        return PART_TYPES[kwargs["kind"]], _stored_id(kwargs["pk"])
    if "outcome_id" in kwargs:
        return "outcome", _stored_id(kwargs["outcome_id"])
    if "plan_id" in kwargs:
        return "plan", _stored_id(kwargs["plan_id"])
    if "child_id" in kwargs:
        return "child", _stored_id(kwargs["child_id"])
    return "", None


def _attempt(match: ResolverMatch, child_id: int | None, action: str, refusal: str = "") -> Attempt:
    object_type, object_id = _object(match.kwargs)
    return Attempt(child_id, object_type, object_id, match.view_name, action, refusal)


def _refused_child(kwargs: dict[str, Any]) -> int | None:
    """The child a refused request named, when there is one (one more query, refusals only)."""
    if not names_a_child(kwargs):
        return None
    return existing_child_id(_child_id(kwargs))


class ChildAccessMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        attempt = attempt_of(request) or self._refused_before_the_gate(request)
        if attempt is not None:
            attempt_record(request, attempt, response.status_code)
        return response

    @staticmethod
    def _refused_before_the_gate(request: HttpRequest) -> Attempt | None:
        """A request about a child that an earlier middleware answered (a missing form token):
        the gate never ran, nothing was shown, and it is still logged as refused."""
        match = request.resolver_match
        if match is None or not request.user.is_authenticated:
            return None
        if not names_a_child(match.kwargs) and match.view_name not in ROLE_ROUTES:
            return None
        action = attempt_action(request.method or "")
        return _attempt(
            match, _refused_child(match.kwargs), action, RefusalCode.REFUSED_BEFORE_CHECK
        )

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponse],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        match = request.resolver_match
        if match is None or not request.user.is_authenticated:
            return None
        user: User = request.user
        name, method = match.view_name, request.method or "GET"
        action = attempt_action(method)
        if name in ROLE_ROUTES and user.role not in ROLE_ROUTES[name]:
            refused = _attempt(match, _refused_child(match.kwargs), action, RefusalCode.ROLE)
            attempt_leave(request, refused)
            raise PermissionDenied
        if name in CHILD_ROUTES_DECIDED_BY_VIEW:
            # Asking for emergency access is not a look: logged as a request, decided there.
            child_id = _refused_child(match.kwargs)
            attempt_leave(request, _attempt(match, child_id, AuditAction.REQUEST))
            return None
        if not names_a_child(match.kwargs):
            return None
        return self._child_gate(request, match, user, view_func)

    @staticmethod
    def _child_gate(
        request: HttpRequest, match: ResolverMatch, user: User, view_func: Callable[..., Any]
    ) -> HttpResponse | None:
        name, method = match.view_name, request.method or "GET"
        action = attempt_action(method)
        child_id = _child_id(match.kwargs)
        if child_id is None:
            attempt_leave(request, _attempt(match, None, action, RefusalCode.NOT_FOUND))
            raise Http404
        access = child_access(user, child_id)
        if not access.can_read:  # never confirm that a child exists; the entry still says who
            refused = _attempt(
                match, existing_child_id(child_id), action, RefusalCode.NO_RELATIONSHIP
            )
            attempt_leave(request, refused)
            raise Http404
        if not getattr(access, route_need(name, method)):
            refused = _attempt(match, child_id, action, RefusalCode.NOT_ALLOWED_TO_CHANGE)
            attempt_leave(request, refused)
            raise PermissionDenied
        shown = setting_refusal(user, child_id) if name in SETTING_ROUTES else ""
        if shown:
            refused = _attempt(match, child_id, action, RefusalCode.NOT_YOUR_SETTING)
            attempt_leave(request, refused)
            request.refusal_shown = shown  # type: ignore[attr-defined]  # for the 403 page
            raise PermissionDenied
        served = methods_served(name, view_func)
        if method not in served:
            refused = _attempt(match, child_id, action, RefusalCode.METHOD_NOT_ALLOWED)
            attempt_leave(request, refused)
            return HttpResponseNotAllowed(sorted(served))
        request.child_access = access  # type: ignore[attr-defined]  # for pages and the log
        attempt_leave(request, _attempt(match, child_id, action))
        return None
